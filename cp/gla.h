/* gla.h: guest logical addresses. When CP simulates an instruction for a
 * guest, the instruction and its storage operands are at logical
 * addresses: guest real ones with DAT off, translated through the guest's
 * own segment and page tables with DAT on (EC mode, PSW bit 5). These
 * functions do that translation in software, for CP's own accesses; the
 * guest's accesses go through the shadow tables (shd.h).
 *
 * Results are 0 or a System/370 program-interruption code: X'10'
 * segment and X'11' page translation (the address is then in the guest's
 * X'90' already), X'12' translation specification, X'04' protection (a
 * store into a protected segment), X'05' addressing. */
#ifndef CP_GLA_H
#define CP_GLA_H

#include <stdint.h>
#include <stdbool.h>
#include "dat370.h"

struct vmblok;

#define PGM_SEG_TRANSLATION  0x10
#define PGM_PAGE_TRANSLATION 0x11
#define PGM_TRANS_SPEC       0x12
#define V_TRANS_EXC          0x90      /* the guest's translation-exception address */

/* Segment or page translation: the exceptions that nullify, so the old
 * PSW points at the instruction and the guest can retry it. */
static inline bool gla_is_translation(unsigned code)
{
    return code == PGM_SEG_TRANSLATION || code == PGM_PAGE_TRANSLATION;
}

/* EC mode with the DAT bit: the guest's addresses are virtual. */
bool gla_dat_on(const struct vmblok *vm);
/* Translate va through the guest's tables as CR0 and CR1 say (for LRA,
 * for the shadow tables, and below). */
enum dat370_status gla_dat(struct vmblok *vm, uint32_t va, struct dat370_result *r);
/* The program-interruption code for a translation that failed at va,
 * storing va at X'90' when the code is a translation exception. */
unsigned gla_exception(struct vmblok *vm, enum dat370_status st, uint32_t va);
/* Logical to real; store: the access would change storage. */
int gla_translate(struct vmblok *vm, uint32_t la, bool store, uint32_t *ra);
/* Copy from or to logical storage. Every byte is translated before any
 * is stored, so an exception leaves storage as it was. */
int gla_read(struct vmblok *vm, uint32_t la, void *buf, uint32_t len);
int gla_write(struct vmblok *vm, uint32_t la, const void *buf, uint32_t len);

#endif
