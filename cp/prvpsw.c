/* prvpsw.c: the instructions that change the virtual PSW: SSM, LPSW,
 * STNSM, STOSM, SPKA, IPK (GA22-7000 chapter "Control Instructions"). */
#include "prv.h"
#include "vm.h"
#include "vin.h"
#include "gla.h"

#define CR0_EXTRACT_AUTH  0x08000000u    /* extraction-authority control */

int prv_ssm(struct vmblok *vm, const struct insn *in)
{
    if (vm->vm_cr[0] & CR0_SSM_SUPPRESS)
        return PGM_SPECIAL_OP;
    uint8_t m;
    int rc = gla_read(vm, prv_ea2(vm, in), &m, 1);
    if (rc)
        return rc;
    if (!psw_sysmask_valid(&vm->vm_psw, m))
        return PGM_SPECIFICATION;
    vm->vm_psw.ps_sysmask = m;
    return PRV_DONE;
}

int prv_lpsw(struct vmblok *vm, const struct insn *in)
{
    uint32_t a = prv_ea2(vm, in);
    uint8_t raw[8];
    if (a & 7)
        return PGM_SPECIFICATION;
    int rc = gla_read(vm, a, raw, 8);
    if (rc)
        return rc;
    vin_load_psw(vm, raw, false);    /* an invalid PSW is reflected there */
    return PRV_DONE;
}

static int store_then(struct vmblok *vm, const struct insn *in, bool or)
{
    uint8_t old = vm->vm_psw.ps_sysmask;
    uint8_t m = or ? (uint8_t)(old | in->in_i2) : (uint8_t)(old & in->in_i2);
    int rc = gla_write(vm, prv_ea1(vm, in), &old, 1);
    if (rc)
        return rc;
    if (!psw_sysmask_valid(&vm->vm_psw, m))
        return PGM_SPECIFICATION;
    vm->vm_psw.ps_sysmask = m;
    return PRV_DONE;
}

int prv_stnsm(struct vmblok *vm, const struct insn *in) { return store_then(vm, in, false); }
int prv_stosm(struct vmblok *vm, const struct insn *in) { return store_then(vm, in, true); }

/* SPKA: in the problem state only keys whose bit is on in the PSW-key mask
 * (CR3 bits 0-15) may be set. */
int prv_spka(struct vmblok *vm, const struct insn *in)
{
    unsigned key = (prv_ea2(vm, in) >> 4) & 0x0F;
    if (vm->vm_psw.ps_prob && !(vm->vm_cr[3] & (0x80000000u >> key)))
        return PGM_PRIVILEGED;
    vm->vm_psw.ps_key = (uint8_t)key;
    return PRV_DONE;
}

/* IPK: the PSW key into bits 24-27 of general register 2; bits 28-31
 * become zero, bits 0-23 stay. */
int prv_ipk(struct vmblok *vm, const struct insn *in)
{
    (void)in;
    if (vm->vm_psw.ps_prob && !(vm->vm_cr[0] & CR0_EXTRACT_AUTH))
        return PGM_PRIVILEGED;
    uint32_t *r2 = &vm->vm_ctx.hc_gr[2];
    *r2 = (*r2 & 0xFFFFFF00u) | (uint32_t)vm->vm_psw.ps_key << 4;
    return PRV_DONE;
}
