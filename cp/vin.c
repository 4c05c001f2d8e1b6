/* vin.c: reflecting interruptions into a virtual machine (see vin.h). */
#include "vin.h"
#include "vm.h"
#include "vst.h"
#include "vmcons.h"
#include "tmr.h"
#include "cplib.h"


/* Store the current PSW as an old PSW at old (with the BC-mode code and
 * ILC), then load the new PSW from new. */
static void swap_psw(struct vmblok *vm, uint32_t old, uint32_t new, unsigned code,
                     unsigned ilc, bool pgm)
{
    uint8_t raw[8];
    vm->vm_psw.ps_intcode = (uint16_t)code;
    vm->vm_psw.ps_ilc = (uint8_t)ilc;
    psw_encode(&vm->vm_psw, raw);
    vst_write(vm, old, raw, 8);
    vst_read(vm, new, raw, 8);
    vin_load_psw(vm, raw, pgm);
}

bool vin_load_psw(struct vmblok *vm, const uint8_t raw[8], bool from_pgm_new)
{
    struct vpsw p;
    bool ok = psw_decode(raw, &p);
    vm->vm_psw = p;
    vm->vm_psw.ps_intcode = 0;
    if (ok)
        return true;
    if (from_pgm_new) {
        /* The program new PSW is itself invalid: the real machine would
         * loop taking program interruptions. Stop and say so. */
        vmcons_stop(vm, "PROGRAM INTERRUPT LOOP: INVALID PROGRAM NEW PSW");
        return false;
    }
    vin_program(vm, 0x06, 0);
    return false;
}

void vin_program(struct vmblok *vm, unsigned code, unsigned ilc)
{
    if (vm->vm_psw.ps_ec) {
        uint8_t b[4] = { 0, (uint8_t)(ilc << 1), (uint8_t)(code >> 8), (uint8_t)code };
        vst_write(vm, V_PGM_ILC - 1, b, 4);
    }
    swap_psw(vm, V_PGM_OLD, V_PGM_NEW, code, ilc, true);
}

void vin_svc(struct vmblok *vm, unsigned code, unsigned ilc)
{
    if (vm->vm_psw.ps_ec) {
        uint8_t b[4] = { 0, (uint8_t)(ilc << 1), (uint8_t)(code >> 8), (uint8_t)code };
        vst_write(vm, V_SVC_ILC - 1, b, 4);
    }
    swap_psw(vm, V_SVC_OLD, V_SVC_NEW, code, ilc, false);
}

void vin_external(struct vmblok *vm, unsigned code)
{
    if (vm->vm_psw.ps_ec) {
        uint8_t b[4] = { 0, 0, (uint8_t)(code >> 8), (uint8_t)code };   /* CPU address 0 */
        vst_write(vm, V_EXT_CPU, b, 4);
    }
    swap_psw(vm, V_EXT_OLD, V_EXT_NEW, code, 0, false);
}

void vin_machine_check(struct vmblok *vm, const uint8_t code[8])
{
    vst_write(vm, V_MCK_CODE, code, 8);
    swap_psw(vm, V_MCK_OLD, V_MCK_NEW, 0, 0, false);
}

void vin_io(struct vmblok *vm, unsigned addr)
{
    if (vm->vm_psw.ps_ec) {
        uint8_t b[4] = { 0, 0, (uint8_t)(addr >> 8), (uint8_t)addr };
        vst_write(vm, V_IO_ADDR - 2, b, 4);
    }
    swap_psw(vm, V_IO_OLD, V_IO_NEW, addr, 0, false);
}

void vin_reset(struct vmblok *vm)
{
    memset(&vm->vm_psw, 0, sizeof vm->vm_psw);
    memset(vm->vm_cr, 0, sizeof vm->vm_cr);
    vm->vm_cr[0] = 0x000000E0u;
    vm->vm_cr[2] = 0xFFFFFFFFu;
    vm->vm_cr[14] = 0xC2000000u;
    vm->vm_cr[15] = 0x00000200u;
    tmr_reset(vm);
    vio_reset(vm);
}

/* External interruptions in priority order, each with its CR0 mask. */
static const struct {
    uint8_t  pending;
    uint32_t cr0;
    uint16_t code;
} ext_order[] = {
    { VM_EXT_CLKCMP, CR0_CLKCMP, EXT_CLKCMP },
    { VM_EXT_CPUTMR, CR0_CPUTMR, EXT_CPUTMR },
    { VM_EXT_ITIMER, CR0_ITIMER, EXT_ITIMER },
    { VM_EXT_KEY,    CR0_KEY,    EXT_KEY },
};

uint8_t vin_ext_subclasses(const struct vmblok *vm)
{
    uint8_t in = 0;
    for (unsigned i = 0; i < sizeof ext_order / sizeof ext_order[0]; i++)
        if (vm->vm_cr[0] & ext_order[i].cr0)
            in |= ext_order[i].pending;
    return in;
}

bool vin_deliver(struct vmblok *vm)
{
    if (!vm->vm_ext_pending || !psw_ext_enabled(&vm->vm_psw))
        return vio_deliver(vm);
    for (unsigned i = 0; i < sizeof ext_order / sizeof ext_order[0]; i++) {
        if ((vm->vm_ext_pending & ext_order[i].pending) && (vm->vm_cr[0] & ext_order[i].cr0)) {
            vm->vm_ext_pending &= (uint8_t)~ext_order[i].pending;
            vin_external(vm, ext_order[i].code);
            return true;
        }
    }
    return vio_deliver(vm);
}
