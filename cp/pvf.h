/* pvf.h: the fast path for the privileged instructions a guest issues
 * most, deciding from the virtual PSW alone (pure; host-tested).
 *
 * A guest's SSM, STNSM, STOSM and LPSW mostly change nothing but its
 * virtual PSW, and an I/O instruction to a device it does not have only
 * sets condition code 3. pvfrun.c does those in the program-interruption
 * entry itself, before CP saves the guest or takes its lock, and goes
 * straight back to the guest: VM/370 did the same in DMKPRV's fast paths
 * and, with ECPS:VM, in microcode. These functions say when that is
 * enough. Whenever the change could matter to anything else (DAT or PER
 * switched, a wait, an interruption pending that the new mask may let in,
 * a PSW that is not valid, a change of BC/EC mode) they say no, and the
 * full simulator (prv.c) does the instruction with nothing changed yet.
 * Virtual problem state never comes here: pvfrun.c checks it once.
 *
 * The mask rules are inline: they run inside the fast path, where every
 * call's register saving is a sizeable part of the whole.
 */
#ifndef CP_PVF_H
#define CP_PVF_H

#include <stdint.h>
#include <stdbool.h>
#include "psw.h"

/* Does an EC-mode mask m need CP? DAT switched changes the tables the
 * guest runs on (the shadow tables or not); PER is never run natively. */
static inline bool pvf_ec_needs_cp(const struct vpsw *p, uint8_t m)
{
    return p->ps_ec && (((m | p->ps_sysmask) & PSW_EC_PER) || ((m ^ p->ps_sysmask) & PSW_EC_DAT));
}

/* May the system mask become m by STNSM or STOSM here? pending: the
 * machine has an interruption pending (any class), which a mask bit
 * turned on could let in now. */
static inline bool pvf_sysmask(const struct vpsw *p, uint8_t m, bool pending)
{
    return psw_sysmask_valid(p, m) && !pvf_ec_needs_cp(p, m) && !(pending && (m & ~p->ps_sysmask));
}

/* ... and by SSM, with the guest's control register 0. */
static inline bool pvf_ssm(const struct vpsw *p, uint32_t cr0, uint8_t m, bool pending)
{
    return !(cr0 & CR0_SSM_SUPPRESS) && pvf_sysmask(p, m, pending);
}

/* LPSW of raw: true, with the new virtual PSW in *out, when loading it is
 * all there is to do (pvf.c). */
bool pvf_lpsw(const struct vpsw *p, const uint8_t raw[8], bool pending, struct vpsw *out);

/* LPSW's assembler fast path (hw/pvfasm.S) builds the new virtual PSW
 * and the real one from two tables instead of taking the new PSW apart
 * bit by bit, which cost about 60 instructions of the 240 a trapped LPSW
 * took (docs/cp-core.md). Each is indexed by one byte of the new PSW and
 * filled from psw_decode and psw_to_real themselves, so the fast path
 * cannot read a PSW differently from the rest of CP:
 *  - byte 1 (key, EC, M, W, P): struct vpsw's words 0 and 1 but for the
 *    system mask, and the real PSW's word 0 with the key;
 *  - the byte with the condition code and program mask, byte 4 in BC mode
 *    (the ILC too) and byte 2 in EC mode (its top bits are zero in a
 *    valid EC PSW, so one table serves both): struct vpsw's word 2, and
 *    the real PSW's CC and program-mask bits.
 * Words are struct vpsw's as the big-endian nucleus lays it out (the
 * offsets of hw/vmoff.h). A row's words are in the order the assembler
 * loads them into registers with one LM. pvf_lpsw_compose is the recipe
 * the assembler follows, in C for the unit test. */
struct pvf_lpsw_b1   { uint32_t real0, vpsw0, vpsw1, unused; };
struct pvf_lpsw_ccpm { uint32_t vpsw2, real0; };
void pvf_lpsw_tables(struct pvf_lpsw_b1 b1[256], struct pvf_lpsw_ccpm ccpm[256]);
void pvf_lpsw_compose(const struct pvf_lpsw_b1 b1[256], const struct pvf_lpsw_ccpm ccpm[256],
                      const uint8_t raw[8], uint32_t vpsw[4], uint32_t real[2]);
/* struct vpsw as those four words. */
void pvf_vpsw_words(const struct vpsw *p, uint32_t w[4]);

/* The nucleus side (pvfrun.c): set up the counters (at IPL), and the fast
 * path itself, called by the program-interruption entry: 1 done, 0 for
 * the full path. */
struct vmblok;
void pvf_init(void);
int  pvf_program(struct vmblok *vm);

#endif
