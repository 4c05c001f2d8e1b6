/* prvtmr.c: clock and timer instructions: SCK, SCKC, STCKC, SPT, STPT.
 * All operands are doublewords on doubleword boundaries. */
#include "prv.h"
#include "vm.h"
#include "gla.h"
#include "tmr.h"
#include "hw/cpu.h"

static int get_dw(struct vmblok *vm, const struct insn *in, uint64_t *v)
{
    uint32_t a = prv_ea2(vm, in);
    uint8_t b[8];
    if (a & 7)
        return PGM_SPECIFICATION;
    int rc = gla_read(vm, a, b, 8);
    if (rc)
        return rc;
    *v = 0;
    for (int i = 0; i < 8; i++)
        *v = *v << 8 | b[i];
    return 0;
}

static int put_dw(struct vmblok *vm, const struct insn *in, uint64_t v)
{
    uint32_t a = prv_ea2(vm, in);
    uint8_t b[8];
    if (a & 7)
        return PGM_SPECIFICATION;
    for (int i = 7; i >= 0; i--, v >>= 8)
        b[i] = (uint8_t)v;
    return gla_write(vm, a, b, 8);
}

/* SCK sets the guest's TOD clock: CP keeps it as an offset from the real
 * one. (Problem-state STCK runs natively and sees the real clock: see
 * docs/cp-core.md.) */
int prv_sck(struct vmblok *vm, const struct insn *in)
{
    uint64_t v;
    int rc = get_dw(vm, in, &v);
    if (rc)
        return rc;
    vm->vm_tod_offset = (int64_t)(v - cpu_stck());
    vm->vm_psw.ps_cc = 0;
    return PRV_DONE;
}

int prv_sckc(struct vmblok *vm, const struct insn *in)
{
    uint64_t v;
    int rc = get_dw(vm, in, &v);
    if (rc)
        return rc;
    vm->vm_clock_comp = v;
    tmr_update(vm);
    return PRV_DONE;
}

int prv_stckc(struct vmblok *vm, const struct insn *in)
{
    return put_dw(vm, in, vm->vm_clock_comp);
}

int prv_spt(struct vmblok *vm, const struct insn *in)
{
    uint64_t v;
    int rc = get_dw(vm, in, &v);
    if (rc)
        return rc;
    tmr_update(vm);
    vm->vm_cpu_timer = (int64_t)v;
    tmr_update(vm);
    return PRV_DONE;
}

int prv_stpt(struct vmblok *vm, const struct insn *in)
{
    tmr_update(vm);
    return put_dw(vm, in, (uint64_t)vm->vm_cpu_timer);
}
