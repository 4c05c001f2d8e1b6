/* prv.h: privileged-instruction simulation. A guest runs in real problem
 * state, so each System/370 privileged or semi-privileged instruction it
 * issues ends in a program interruption to CP (privileged operation, or
 * operation for the S/370 instructions ESA/390 dropped); prv_simulate()
 * decodes it, checks privilege once, and runs its handler against the
 * virtual machine. The table of handlers also names each instruction for
 * tracing and counts it. */
#ifndef CP_PRV_H
#define CP_PRV_H

#include <stdint.h>
#include "insn.h"

struct vmblok;

/* Handler results: 0 done (the PSW already points past the instruction),
 * PRV_PGM(code) reflect that program interruption, PRV_STOPPED the machine
 * stopped (CP has told the user why). */
#define PRV_DONE      0
#define PRV_PGM(c)    (c)
#define PRV_STOPPED   (-1)

/* Program-interruption codes (GA22-7000). */
#define PGM_OPERATION     0x01
#define PGM_PRIVILEGED    0x02
#define PGM_EXECUTE       0x03
#define PGM_PROTECTION    0x04
#define PGM_ADDRESSING    0x05
#define PGM_SPECIFICATION 0x06
#define PGM_SPECIAL_OP    0x13

typedef int (*prv_fn)(struct vmblok *vm, const struct insn *in);

#define PRV_PRIVILEGED 0x01   /* privileged in S/370: problem state -> X'0002' */

struct prv_op {
    uint8_t     po_op;
    int16_t     po_op2;       /* second byte for S format families, else -1 */
    const char *po_name;
    uint8_t     po_fmt;       /* enum insn_fmt */
    uint8_t     po_flags;
    prv_fn      po_fn;
};

/* The program interruption a guest just took is one of the codes the
 * simulator owns; ilc in halfwords. Returns as a handler does, with any
 * reflection already done. */
int prv_simulate(struct vmblok *vm, unsigned code, unsigned ilc);

/* Table look-up, for tracing and for tests. */
const struct prv_op *prv_find(uint8_t op, uint8_t op2);
extern const struct prv_op prv_ops[];
extern const unsigned prv_nops;
extern uint32_t prv_counts[];     /* per row of prv_ops */

/* Operand addresses (24-bit, as the S/370 guest computes them), from the
 * guest's registers gr (register 0 as a base or index means none). */
static inline uint32_t prv_ea_gr(const uint32_t gr[16], unsigned b, unsigned x, unsigned d)
{
    uint32_t a = d;
    if (b)
        a += gr[b];
    if (x)
        a += gr[x];
    return a & 0x00FFFFFFu;
}
/* ... from the registers saved in its VMBLOK. */
uint32_t prv_ea(const struct vmblok *vm, unsigned b, unsigned x, unsigned d);
static inline uint32_t prv_ea2(const struct vmblok *vm, const struct insn *in)
{
    return prv_ea(vm, in->in_b2, in->in_x2, in->in_d2);
}
static inline uint32_t prv_ea1(const struct vmblok *vm, const struct insn *in)
{
    return prv_ea(vm, in->in_b1, 0, in->in_d1);
}

/* Handlers, by family (prvpsw.c, prvkey.c, prvtmr.c, prvcpu.c, prvio.c, dia.c). */
int prv_ssm(struct vmblok *, const struct insn *);
int prv_lpsw(struct vmblok *, const struct insn *);
int prv_stnsm(struct vmblok *, const struct insn *);
int prv_stosm(struct vmblok *, const struct insn *);
int prv_spka(struct vmblok *, const struct insn *);
int prv_ipk(struct vmblok *, const struct insn *);
int prv_ssk(struct vmblok *, const struct insn *);
int prv_isk(struct vmblok *, const struct insn *);
int prv_rrb(struct vmblok *, const struct insn *);
int prv_tprot(struct vmblok *, const struct insn *);
int prv_sck(struct vmblok *, const struct insn *);
int prv_sckc(struct vmblok *, const struct insn *);
int prv_stckc(struct vmblok *, const struct insn *);
int prv_spt(struct vmblok *, const struct insn *);
int prv_stpt(struct vmblok *, const struct insn *);
int prv_stidp(struct vmblok *, const struct insn *);
int prv_stidc(struct vmblok *, const struct insn *);
int prv_stap(struct vmblok *, const struct insn *);
int prv_sigp(struct vmblok *, const struct insn *);
int prv_lctl(struct vmblok *, const struct insn *);
int prv_stctl(struct vmblok *, const struct insn *);
int prv_ptlb(struct vmblok *, const struct insn *);
int prv_lra(struct vmblok *, const struct insn *);
int prv_io(struct vmblok *, const struct insn *);
int prv_diagnose(struct vmblok *, const struct insn *);

#endif
