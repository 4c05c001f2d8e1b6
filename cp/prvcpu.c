/* prvcpu.c: processor and control-register instructions: STIDP, STAP,
 * SIGP, LCTL, STCTL, PTLB, LRA. The virtual machine is a uniprocessor,
 * CPU address 0, version code X'FF' as VM/370 reported to its guests. */
#include "prv.h"
#include "vm.h"
#include "vst.h"
#include "dat370.h"

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
    return vst_write(vm, a, id, 8) ? PGM_ADDRESSING : PRV_DONE;
}

int prv_stap(struct vmblok *vm, const struct insn *in)
{
    uint32_t a = prv_ea2(vm, in);
    if (a & 1)
        return PGM_SPECIFICATION;
    uint8_t cpu[2] = { 0, 0 };
    return vst_write(vm, a, cpu, 2) ? PGM_ADDRESSING : PRV_DONE;
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
    uint32_t v[16];
    unsigned n = ((in->in_r3 - in->in_r1) & 15) + 1;
    for (unsigned i = 0; i < n; i++)
        if (vst_read_u32(vm, a + i * 4, &v[i]))
            return PGM_ADDRESSING;
    for (unsigned i = 0; i < n; i++)
        vm->vm_cr[(in->in_r1 + i) & 15] = v[i];
    return PRV_DONE;
}

int prv_stctl(struct vmblok *vm, const struct insn *in)
{
    uint32_t a = prv_ea2(vm, in);
    if (a & 3)
        return PGM_SPECIFICATION;
    unsigned n = ((in->in_r3 - in->in_r1) & 15) + 1;
    if ((uint64_t)a + n * 4 > vm->vm_size)
        return PGM_ADDRESSING;
    for (unsigned i = 0; i < n; i++)
        vst_write_u32(vm, a + i * 4, vm->vm_cr[(in->in_r1 + i) & 15]);
    return PRV_DONE;
}

/* No shadow tables yet ([Storage and scheduling]): nothing is cached. */
int prv_ptlb(struct vmblok *vm, const struct insn *in)
{
    (void)vm;
    (void)in;
    return PRV_DONE;
}

static int mem_word(void *ctx, uint32_t a, uint32_t *v)
{
    return vst_read_u32(ctx, a, v);
}

static int mem_half(void *ctx, uint32_t a, uint16_t *v)
{
    uint8_t b[2];
    int rc = vst_read(ctx, a, b, 2);
    *v = (uint16_t)(b[0] << 8 | b[1]);
    return rc;
}

/* LRA: cc 0 translated, 1 segment invalid, 2 page invalid, 3 length. */
int prv_lra(struct vmblok *vm, const struct insn *in)
{
    static const uint8_t cc_of[] = {
        [DAT_OK] = 0, [DAT_SEG_INVALID] = 1, [DAT_PAGE_INVALID] = 2,
        [DAT_SEG_LENGTH] = 3, [DAT_PAGE_LENGTH] = 3,
    };
    struct dat370_mem m = { mem_word, mem_half, vm };
    struct dat370_result r;
    enum dat370_status st = dat370_translate(vm->vm_cr[0], vm->vm_cr[1], prv_ea2(vm, in), &m, &r);
    if (st == DAT_SPEC)
        return 0x12;
    if (st == DAT_ADDRESSING)
        return PGM_ADDRESSING;
    vm->vm_ctx.hc_gr[in->in_r1] = r.dr_addr & 0x00FFFFFFu;
    vm->vm_psw.ps_cc = cc_of[st];
    return PRV_DONE;
}
