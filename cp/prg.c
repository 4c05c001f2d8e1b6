/* prg.c: interruptions taken while a guest ran (see prg.h).
 *
 * Program interruption codes, as the real ESA/390 machine presents them
 * for a problem-state guest, and what CP does with each:
 *   X'01' operation        a System/370 instruction ESA/390 dropped (SIO,
 *   X'02' privileged op    SSK, ...) or a privileged one: prv_simulate
 *   X'13' special op       (same: MVCP/MVCS and friends)
 *   X'10' segment transl.  CP's own tables: the page has no frame yet, or
 *   X'11' page transl.     the address is beyond the guest's storage
 *   X'40' monitor event    the guest's MONITOR CALL: class and code copied
 *   anything else          the guest's own exception: reflected as is
 */
#include "prg.h"
#include "vm.h"
#include "prv.h"
#include "vin.h"
#include "vst.h"
#include "gla.h"
#include "shd.h"
#include "ios.h"
#include "vmcons.h"
#include "hw/hw.h"

#define PGM_PER_BIT     0x80
#define PGM_MONITOR     0x40
#define LC_MCK_CODE     0x0E8    /* 8-byte machine-check interruption code */
#define CR14_MCK_MASKS  0x0F000000u  /* recovery, degradation, ext. damage, warning */
#define LC_MON_CLASS    0x094    /* class number at X'95', code at X'9C' (both */
#define LC_MON_CODE     0x09C    /* architectures put them there)               */

static void program(struct vmblok *vm)
{
    unsigned code = LOWCORE_U16(LC_PGM_CODE) & ~(unsigned)PGM_PER_BIT;
    unsigned ilc = (LOWCORE_U8(LC_PGM_ILC) >> 1) & 3;

    /* A stand-in for split 2K pages lasts one instruction: it ends here
     * unless the instruction is still looking for its pages. */
    if (vm->vm_ncomp && !gla_is_translation(code))
        shd_step_end(vm, true);
    if (code == 0)
        return;                     /* PER alone: the instruction ran */

    switch (code) {
    case PGM_OPERATION:
    case PGM_PRIVILEGED:
    case PGM_SPECIAL_OP:
        prv_simulate(vm, code, ilc);
        return;
    case PGM_SEG_TRANSLATION:
    case PGM_PAGE_TRANSLATION: {
        /* With the guest's DAT on, the address is virtual and the
         * shadow tables are CP's; otherwise it is guest real. */
        uint32_t a = LOWCORE_U32(LC_TRANS_EXC) & 0x00FFF000u;
        int r = gla_dat_on(vm) ? shd_fault(vm, a) : vst_fault(vm, a);
        if (r != 0 && vm->vm_ncomp)
            shd_step_end(vm, true);     /* it did not run: nothing changed */
        if (r <= 0)
            return;                 /* nullified: the guest retries, now or after its page-in */
        /* The guest's own translation exceptions nullify as the real one
         * did. The rest (addressing: beyond the guest's storage, or
         * translation specification) suppress or terminate, so the old
         * PSW points past the instruction. */
        if (!gla_is_translation((unsigned)r))
            vm->vm_psw.ps_addr = (vm->vm_psw.ps_addr + ilc * 2) & 0x00FFFFFFu;
        vin_program(vm, (unsigned)r, ilc);
        return;
    }
    case PGM_MONITOR: {
        /* MONITOR CALL with the guest's mask on: the class and code go
         * to the guest's low storage where the real machine put them. */
        uint32_t cls = LOWCORE_U32(LC_MON_CLASS), mcode = LOWCORE_U32(LC_MON_CODE);
        vst_write_u32(vm, LC_MON_CLASS, cls & 0x00FF0000u);   /* the byte at X'95' */
        vst_write_u32(vm, LC_MON_CODE, mcode & 0x00FFFFFFu);
        vin_program(vm, code, ilc);
        return;
    }
    default:
        vin_program(vm, code, ilc);
        return;
    }
}

/* A real machine check while the guest ran (Hercules rarely makes one).
 * A guest enabled for machine checks (PSW bit 13, and CR14's recovery
 * subclass masks) gets it through its own low storage, with the real
 * interruption code; otherwise its machine stops, as a real one would. */
static void machine_check(struct vmblok *vm)
{
    uint8_t code[8];
    for (int i = 0; i < 8; i++)
        code[i] = LOWCORE_U8(LC_MCK_CODE + i);
    if (vm->vm_psw.ps_mck && (vm->vm_cr[14] & CR14_MCK_MASKS))
        vin_machine_check(vm, code);
    else
        vmcons_stop(vm, "PRG001W MACHINE CHECK WHILE RUNNING; VIRTUAL MACHINE STOPPED");
}

static void svc(struct vmblok *vm)
{
    unsigned code = LOWCORE_U16(LC_SVC_CODE);
    unsigned ilc = (LOWCORE_U8(LC_SVC_ILC) >> 1) & 3;
    vin_svc(vm, code, ilc);
}

void prg_intercept(struct vmblok *vm, int cls)
{
    if (cls != INT_PGM && vm->vm_ncomp)
        shd_step_end(vm, true);
    switch (cls) {
    case INT_PGM:
        program(vm);
        break;
    case INT_SVC:
        svc(vm);
        break;
    case INT_IO:
        ios_interrupt();
        break;
    case INT_EXT:
        /* The real CPU timer ending the slice, or the clock comparator:
         * nothing more to do; the dispatcher moves on. */
        break;
    case INT_MCK:
        machine_check(vm);
        break;
    default:
        break;
    }
}
