/* prvcpu.c: processor and control-register instructions: STIDP, STAP,
 * SIGP, LCTL, STCTL, PTLB, LRA. The virtual machine is a uniprocessor,
 * CPU address 0, version code X'FF' as VM/370 reported to its guests. */
#include "prv.h"
#include "vm.h"
#include "vst.h"
#include "bigend.h"
#include "gla.h"
#include "shd.h"

#define VM_CPU_VERSION 0xFF
#define VM_CPU_SERIAL  0x000370u
#define VM_CPU_MODEL   0x3090u

int prv_stidp(struct vmblok *vm, const struct insn *in)
{
    uint32_t a = prv_ea2(vm, in);
    if (a & 7)
        return PGM_SPECIFICATION;
    uint8_t id[8] = { VM_CPU_VERSION, (uint8_t)(VM_CPU_SERIAL >> 16), (uint8_t)(VM_CPU_SERIAL >> 8),
                      (uint8_t)VM_CPU_SERIAL, (uint8_t)(VM_CPU_MODEL >> 8), (uint8_t)VM_CPU_MODEL, 0, 0 };
    return gla_write(vm, a, id, 8);
}

int prv_stap(struct vmblok *vm, const struct insn *in)
{
    uint32_t a = prv_ea2(vm, in);
    if (a & 1)
        return PGM_SPECIFICATION;
    uint8_t cpu[2] = { 0, 0 };
    return gla_write(vm, a, cpu, 2);
}

/* SIGP: only the machine's own CPU (address 0) exists; it accepts any
 * order addressed to itself; every other address is not operational. */
int prv_sigp(struct vmblok *vm, const struct insn *in)
{
    uint32_t addr = vm->vm_ctx.hc_gr[in->in_r3] & 0xFFFF;
    vm->vm_psw.ps_cc = addr == 0 ? 0 : 3;
    return PRV_DONE;
}

int prv_lctl(struct vmblok *vm, const struct insn *in)
{
    uint32_t a = prv_ea2(vm, in);
    if (a & 3)
        return PGM_SPECIFICATION;
    uint8_t b[64];
    unsigned n = ((in->in_r3 - in->in_r1) & 15) + 1;
    int rc = gla_read(vm, a, b, n * 4);
    if (rc)
        return rc;
    for (unsigned i = 0; i < n; i++)
        vm->vm_cr[(in->in_r1 + i) & 15] = be_get32(b + i * 4);
    return PRV_DONE;
}

int prv_stctl(struct vmblok *vm, const struct insn *in)
{
    uint32_t a = prv_ea2(vm, in);
    if (a & 3)
        return PGM_SPECIFICATION;
    uint8_t b[64];
    unsigned n = ((in->in_r3 - in->in_r1) & 15) + 1;
    for (unsigned i = 0; i < n; i++)
        be_put32(b + i * 4, vm->vm_cr[(in->in_r1 + i) & 15]);
    return gla_write(vm, a, b, n * 4);
}

/* PTLB: the shadow tables are the virtual machine's TLB. */
int prv_ptlb(struct vmblok *vm, const struct insn *in)
{
    (void)in;
    shd_purge(vm);
    return PRV_DONE;
}

/* LRA: cc 0 translated, 1 segment invalid, 2 page invalid, 3 length. */
int prv_lra(struct vmblok *vm, const struct insn *in)
{
    static const uint8_t cc_of[] = {
        [DAT_OK] = 0, [DAT_SEG_INVALID] = 1, [DAT_PAGE_INVALID] = 2,
        [DAT_SEG_LENGTH] = 3, [DAT_PAGE_LENGTH] = 3,
    };
    struct dat370_result r;
    enum dat370_status st = gla_dat(vm, prv_ea2(vm, in), &r);
    if (st == DAT_SPEC)
        return PGM_TRANS_SPEC;
    if (st == DAT_ADDRESSING)
        return PGM_ADDRESSING;
    vm->vm_ctx.hc_gr[in->in_r1] = r.dr_addr & 0x00FFFFFFu;
    vm->vm_psw.ps_cc = cc_of[st];
    return PRV_DONE;
}
