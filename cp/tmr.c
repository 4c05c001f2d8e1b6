/* tmr.c: virtual timers (see tmr.h). */
#include "tmr.h"
#include "vm.h"
#include "vin.h"
#include "vst.h"
#include "hw/cpu.h"

/* The interval timer counts down one unit of bit 31 each 1/76800 s (bit
 * 23 at 300 Hz); a TOD unit is 1/4096 microsecond, so one timer unit is
 * 4096e6 / 76800 = 160000/3 TOD units. */
#define ITIMER_TOD_NUM  3u
#define ITIMER_TOD_DEN  160000u

uint64_t tmr_guest_tod(const struct vmblok *vm)
{
    return cpu_stck() + (uint64_t)vm->vm_tod_offset;
}

void tmr_reset(struct vmblok *vm)
{
    vm->vm_timer_tod = vm->vm_itimer_tod = cpu_stck();
    vm->vm_cpu_timer = 0;
    vm->vm_clock_comp = 0;
    vm->vm_tod_offset = 0;
    vm->vm_ext_pending = 0;
}

/* The interval timer keeps its own time point so fractions of a unit are
 * not lost between updates. */
static void update_itimer(struct vmblok *vm, uint64_t now)
{
    uint64_t units = (now - vm->vm_itimer_tod) * ITIMER_TOD_NUM / ITIMER_TOD_DEN;
    if (units == 0)
        return;
    vm->vm_itimer_tod += units * ITIMER_TOD_DEN / ITIMER_TOD_NUM;
    uint32_t old;
    if (vst_read_u32(vm, V_TIMER, &old))
        return;
    uint32_t val = old - (uint32_t)units;
    vst_write_u32(vm, V_TIMER, val);
    /* An interruption when the value goes from positive (or zero) to
     * negative (GA22-7000, "Interval Timer"). */
    if ((int32_t)old >= 0 && (int32_t)val < 0)
        vm->vm_ext_pending |= VM_EXT_ITIMER;
}

void tmr_update(struct vmblok *vm)
{
    uint64_t now = cpu_stck();
    update_itimer(vm, now);
    vm->vm_cpu_timer -= (int64_t)(now - vm->vm_timer_tod);
    vm->vm_timer_tod = now;

    if (vm->vm_cpu_timer < 0)
        vm->vm_ext_pending |= VM_EXT_CPUTMR;
    else
        vm->vm_ext_pending &= (uint8_t)~VM_EXT_CPUTMR;
    if (now + (uint64_t)vm->vm_tod_offset > vm->vm_clock_comp)
        vm->vm_ext_pending |= VM_EXT_CLKCMP;
    else
        vm->vm_ext_pending &= (uint8_t)~VM_EXT_CLKCMP;
}

static uint64_t earliest(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

uint64_t tmr_next_event(struct vmblok *vm)
{
    uint64_t when = ~(uint64_t)0;
    uint32_t cr0 = vm->vm_cr[0];
    if (cr0 & CR0_CPUTMR)
        when = earliest(when, vm->vm_cpu_timer < 0 ? 0
                              : vm->vm_timer_tod + (uint64_t)vm->vm_cpu_timer);
    if (cr0 & CR0_CLKCMP)
        when = earliest(when, vm->vm_clock_comp - (uint64_t)vm->vm_tod_offset);
    uint32_t itimer;
    if ((cr0 & CR0_ITIMER) && vst_read_u32(vm, V_TIMER, &itimer) == 0 && (int32_t)itimer >= 0)
        when = earliest(when, vm->vm_itimer_tod
                              + ((uint64_t)itimer + 1) * ITIMER_TOD_DEN / ITIMER_TOD_NUM + 1);
    /* A guest disabled for external interruptions can enable on the fast
     * path without leaving hw_run (hw/pvfasm.S), so an event still to
     * come ends its slice when it falls due, not the slice's end. One
     * already due waits until the guest enables: the fast path sends an
     * enabling instruction with such a reason pending to CP. */
    if (!psw_ext_enabled(&vm->vm_psw) && when <= cpu_stck())
        return ~(uint64_t)0;
    return when;
}
