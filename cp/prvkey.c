/* prvkey.c: storage keys: SSK, ISK, RRB, TPROT. Keys are per 2K block as on
 * System/370 (vst.c keeps them); ISK in BC mode inserts only the access key
 * and fetch-protection bit (GA22-7000, "Insert Storage Key"). */
#include "prv.h"
#include "vm.h"
#include "vst.h"

#define KEY_BLOCK_MASK 0x00FFF800u

/* The 2K block a key instruction names through register r; 0 or a code. */
static int key_block(struct vmblok *vm, unsigned r, uint32_t *ga)
{
    uint32_t v = vm->vm_ctx.hc_gr[r];
    if (v & 0x0000000Fu)
        return PGM_SPECIFICATION;
    *ga = v & KEY_BLOCK_MASK;
    return *ga < vm->vm_size ? 0 : PGM_ADDRESSING;
}

int prv_ssk(struct vmblok *vm, const struct insn *in)
{
    uint32_t ga;
    int rc = key_block(vm, in->in_r2, &ga);
    if (rc)
        return rc;
    vst_key_set(vm, ga, (uint8_t)(vm->vm_ctx.hc_gr[in->in_r1] & 0xFE));
    return PRV_DONE;
}

int prv_isk(struct vmblok *vm, const struct insn *in)
{
    uint32_t ga;
    int rc = key_block(vm, in->in_r2, &ga);
    if (rc)
        return rc;
    uint8_t k = vst_key_get(vm, ga);
    if (!vm->vm_psw.ps_ec)
        k &= VKEY_ACC | VKEY_FETCH;
    uint32_t *r1 = &vm->vm_ctx.hc_gr[in->in_r1];
    *r1 = (*r1 & 0xFFFFFF00u) | k;
    return PRV_DONE;
}

int prv_rrb(struct vmblok *vm, const struct insn *in)
{
    uint32_t ga = prv_ea2(vm, in) & KEY_BLOCK_MASK;
    if (ga >= vm->vm_size)
        return PGM_ADDRESSING;
    uint8_t rc = vst_key_rrb(vm, ga);
    vm->vm_psw.ps_cc = (uint8_t)(((rc & VKEY_REF) ? 2 : 0) | ((rc & VKEY_CHG) ? 1 : 0));
    return PRV_DONE;
}

/* TPROT: cc 0 fetch and store allowed, 1 fetch only, 2 neither. */
int prv_tprot(struct vmblok *vm, const struct insn *in)
{
    uint32_t ga = prv_ea1(vm, in);
    unsigned key = (prv_ea2(vm, in) >> 4) & 0x0F;
    if (ga >= vm->vm_size)
        return PGM_ADDRESSING;
    uint8_t k = vst_key_get(vm, ga);
    if (key == 0 || key == (unsigned)(k >> 4))
        vm->vm_psw.ps_cc = 0;
    else
        vm->vm_psw.ps_cc = (k & VKEY_FETCH) ? 2 : 1;
    return PRV_DONE;
}
