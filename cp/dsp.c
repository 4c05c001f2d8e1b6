/* dsp.c: the dispatcher (see dsp.h).
 *
 * Each pass: bring terminals' timers up to date, tell the scheduler
 * (sch.c) which machines are ready to run, let it admit eligible users
 * to the dispatch list and choose one, give that one its pending
 * interruptions, and run it for one slice (the real CPU timer ends it)
 * or until it traps. A machine in an enabled wait is looked at each pass
 * and is ready again once an interruption it is enabled for is pending.
 * With nothing to run, the CPU waits for I/O or the clock comparator,
 * which is set to the next timer event.
 */
#include "dsp.h"
#include "sch.h"
#include "smp.h"
#include <stddef.h>
#include "vm.h"
#include "vin.h"
#include "vst.h"
#include "shd.h"
#include "gla.h"
#include "tmr.h"
#include "prg.h"
#include "pvf.h"
#include "ios.h"
#include "pag.h"
#include "trm.h"
#include "vmcons.h"
#include "cpi.h"
#include "cpuload.h"
#include "hw/cpu.h"
#include "hw/hw.h"
#include "../dasd/dir.h"

#define IDLE_PSW_HI   0x030A0000u     /* I/O and external enabled, wait */
#define IDLE_PSW_LO   0x80000000u
#define TOD_PER_US    4096u
#define CPUTMR_MAX    0x7FFFFFFFFFFFFFFFll
#define MIN_SLICE_US  50u            /* the shortest slice a timer event makes */

static struct vmblok *vm_list;
static int vm_count;
static struct sch sched;

/* Each processor's own: what its real CR1 and CR8 hold, the machine it is
 * running (NULL once that machine logs off mid-slice), its idle context,
 * its time in idle waits (TOD units) and its load figures. */
static struct pcpu {
    uint32_t pc_cr1, pc_cr8;
    struct vmblok *pc_running;
    struct hw_ctx pc_idle;
    uint64_t pc_idle_tod;
    struct cpuload pc_load;
    bool pc_idling;               /* in idle()'s wait (changed under the lock) */
} per_cpu[SMP_MAXCPU];

/* Storage for working sets: the frames guests may have, or no limit
 * when nothing can be paged (then every user is let in). */
static uint32_t sched_capacity(void)
{
    struct pag_stats st;
    pag_stats(&st);
    return st.ps_slots ? st.ps_frames : 0x7FFFFFFFu;
}

void dsp_init(void)
{
    pvf_init();
    sch_init(&sched, sched_capacity());
}

void dsp_add(struct vmblok *vm)
{
    sch_user_init(&vm->vm_sch, vm, vm->vm_dir ? vm->vm_dir->du_priority : SCH_DEFAULT_PRIORITY);
    vm->vm_typed = false;
    vm->vm_next = vm_list;
    vm_list = vm;
    vm_count++;
}

void dsp_remove(struct vmblok *vm)
{
    for (struct vmblok **p = &vm_list; *p; p = &(*p)->vm_next) {
        if (*p == vm) {
            *p = vm->vm_next;
            vm_count--;
            break;
        }
    }
    sch_not_ready(&sched, &vm->vm_sch, true, 0, 0);
    for (int i = 0; i < SMP_MAXCPU; i++)
        if (per_cpu[i].pc_running == vm)
            per_cpu[i].pc_running = NULL;
}

struct vmblok *dsp_first(void) { return vm_list; }

bool dsp_logged_on(const struct vmblok *vm)
{
    for (const struct vmblok *o = vm_list; o; o = o->vm_next)
        if (o == vm)
            return true;
    return false;
}
int dsp_count(void) { return vm_count; }

uint64_t dsp_now_ms(void)
{
    return ((cpu_stck() - cpi_ipl_tod) >> 12) / 1000u;
}

/* Is any interruption the machine is enabled for pending? */
static bool wakeable(struct vmblok *vm)
{
    tmr_update(vm);
    return vin_deliver(vm);
}

static uint64_t now_us(void)
{
    return cpu_stck() >> 12;
}

/* Could run now (perhaps on the other processor already). */
static bool dispatchable(const struct vmblok *vm)
{
    return vm->vm_run == VM_RUNNING && !vm->vm_iowait && !vm->vm_pgwait;
}

/* ... and is not running on the other processor: for sch_pick. */
static bool ready(struct sch_user *u, void *ctx)
{
    (void)ctx;
    const struct vmblok *vm = u->su_owner;
    return dispatchable(vm) && !vm->vm_oncpu;
}

/* Tell the scheduler what each machine does now. */
static void observe(void)
{
    uint64_t now = now_us();
    for (struct vmblok *vm = vm_list; vm; vm = vm->vm_next) {
        if (vm->vm_run == VM_WAITING && wakeable(vm))
            vm->vm_run = VM_RUNNING;
        if (dispatchable(vm))
            sch_ready(&sched, &vm->vm_sch, vm->vm_typed, now);
        else
            sch_not_ready(&sched, &vm->vm_sch, vm->vm_run == VM_STOPPED, vst_resident(vm), now);
        vm->vm_typed = false;
    }
}

struct sch *dsp_sched(void) { return &sched; }

/* Is any machine other than vm dispatchable (or waiting)? */
static bool more_runnable(const struct vmblok *vm)
{
    for (const struct vmblok *o = vm_list; o; o = o->vm_next)
        if (o != vm && o->vm_run != VM_STOPPED)
            return true;
    return false;
}

/* The floating-point and access registers are loaded for each slice and
 * saved after it: the machine may run on the other processor next. */
static void load_regs(struct vmblok *vm)
{
    cpu_load_fpr(vm->vm_fpr);
    cpu_load_ar(vm->vm_ar);
}

static void save_regs(struct vmblok *vm)
{
    cpu_save_fpr(vm->vm_fpr);
    cpu_save_ar(vm->vm_ar);
}

/* A PSW with the wait bit: an enabled wait idles the machine until an
 * interruption; a disabled one stops it (VM/370 said "CP ENTERED;
 * DISABLED WAIT PSW"). */
static void enter_wait(struct vmblok *vm)
{
    const struct vpsw *p = &vm->vm_psw;
    bool io = p->ps_ec ? (p->ps_sysmask & PSW_EC_IO) : (p->ps_sysmask & 0xFE);
    if (io || psw_ext_enabled(p))
        vm->vm_run = VM_WAITING;
    else
        vmcons_disabled_wait(vm);
}

/* Load the guest's tables and monitor masks, unless they are already in:
 * its real storage's tables, or with its own DAT on the shadow tables.
 * The segment-table designation itself is compared, not the machine: a
 * LOGOFF and LOGON, or DEFINE STORAGE, builds new tables in the same
 * VMBLOK. Called before every entry to the guest, since SSM, LPSW, LCTL
 * or an interruption may have switched DAT or the monitor masks.
 * false: the machine stopped (no frame for shadow tables). */
static bool load_crs(struct vmblok *vm)
{
    unsigned cpu = smp_cpu();
    uint32_t *cr1_now = &per_cpu[cpu].pc_cr1, *cr8_now = &per_cpu[cpu].pc_cr8;
    uint32_t std = gla_dat_on(vm) ? shd_std(vm) : vst_std(vm);
    if (!std)
        return false;             /* shd_std stopped the machine */
    if (*cr1_now != std) {
        cpu_lctl(1, std);
        *cr1_now = std;
    }
    /* The guest's monitor masks (CR8 bits 16-31), so MONITOR CALL raises
     * its monitor events on the real machine, which CP reflects. */
    if ((vm->vm_cr[8] & 0xFFFF) != *cr8_now) {
        *cr8_now = vm->vm_cr[8] & 0x0000FFFFu;
        cpu_lctl(8, *cr8_now);
    }
    return true;
}

/* Run vm for one slice. After an interception that leaves it runnable,
 * it goes straight back in (the fast path: no dispatcher pass), until the
 * slice ends, it waits or stops, or an interruption becomes deliverable. */
static uint64_t run_slice(struct vmblok *vm, uint32_t slice_us)
{
    tmr_update(vm);
    vin_deliver(vm);
    if (!dispatchable(vm))
        return 0;
    load_regs(vm);
    /* End the slice no later than the machine's next timer event, so a
     * long slice never delays its own timer interruption. */
    uint64_t now = cpu_stck(), next = tmr_next_event(vm);
    if (next != ~(uint64_t)0) {
        uint64_t until_us = next > now ? (next - now) >> 12 : 0;
        if (until_us < MIN_SLICE_US)
            until_us = MIN_SLICE_US;
        if (until_us < slice_us)
            slice_us = (uint32_t)until_us;
    }
    cpu_spt((int64_t)slice_us * TOD_PER_US);
    uint64_t t0 = cpu_stck();
    for (;;) {
        if (vm->vm_psw.ps_wait) {
            enter_wait(vm);
            break;
        }
        if (!load_crs(vm))
            break;
        psw_to_real(&vm->vm_psw, vm->vm_ctx.hc_psw);
        if (vm->vm_ncomp)
            vm->vm_ctx.hc_psw[0] |= SHD_PSW_PER;   /* one instruction (shd.c) */
        /* The privileged-instruction fast path (pvfrun.c) may act for it,
         * except while a stand-in frame runs one instruction under PER,
         * while its CR0 suppresses SSM, or in virtual problem state, which
         * the assembler path does not look at (CR0 changes only by a trap
         * that leaves hw_run; pvfrun.c's LPSW clears LC_FAST_VM when it
         * loads a problem-state PSW). */
        LOWCORE_U32(LC_FAST_VM) = vm->vm_ncomp || (vm->vm_cr[0] & CR0_SSM_SUPPRESS) ||
                                  vm->vm_psw.ps_prob ? 0 : (uint32_t)(uintptr_t)vm;
        LOWCORE_U32(LC_FAST_PAGE) = LC_FAST_NO_PAGE;   /* forget the last page */
        vm->vm_ext_enab = vin_ext_subclasses(vm);
        smp_unlock();                 /* the guest runs without the CP lock */
        int cls = hw_run(&vm->vm_ctx);
        smp_lock();
        LOWCORE_U32(LC_FAST_VM) = 0;
        psw_from_real(&vm->vm_psw, vm->vm_ctx.hc_psw);
        prg_intercept(vm, cls);
        /* The slice ends with the CPU timer's external interruption. */
        if (cls == INT_EXT || !dispatchable(vm))
            break;
        if ((vm->vm_ext_pending || vm->vm_io_pending) && vin_deliver(vm))
            continue;
    }
    save_regs(vm);
    uint64_t used = cpu_stck() - t0;
    vm->vm_vcpu += used;
    vm->vm_tcpu += used;
    return used >> 12;
}

/* Idle until an I/O interruption, the next timer event, or wake (the
 * I/O watchdog's next check). */
static void idle(uint64_t wake)
{
    struct pcpu *pc = &per_cpu[smp_cpu()];
    struct hw_ctx *ctx = &pc->pc_idle;
    uint64_t term = trm_next_deadline_tod();
    if (term < wake)
        wake = term;
    for (struct vmblok *vm = vm_list; vm; vm = vm->vm_next)
        if (vm->vm_run == VM_WAITING) {
            uint64_t t = tmr_next_event(vm);
            if (t < wake)
                wake = t;
        }
    /* Users waiting to be let in: look again when one could have gone
     * idle and made room. */
    if (sched.s_eligible) {
        uint64_t t = cpu_stck() + ((uint64_t)SCH_IDLE_US << 12) / 4;
        if (t < wake)
            wake = t;
    }
    cpu_spt(CPUTMR_MAX);
    /* With two processors the other one wakes this one when it leaves a
     * machine ready that it does not run itself (dsp_run); looking again
     * every DSP_IDLE_LOOK_US as well is only a safety net. */
    if (smp_count() > 1) {
        uint64_t t = cpu_stck() + (uint64_t)DSP_IDLE_LOOK_US * TOD_PER_US;
        if (t < wake)
            wake = t;
    }
    cpu_sckc(wake);
    ctx->hc_psw[0] = IDLE_PSW_HI;
    ctx->hc_psw[1] = IDLE_PSW_LO;
    uint64_t t0 = cpu_stck();
    pc->pc_idling = true;
    smp_unlock();
    int cls = hw_run(ctx);
    uint64_t t1 = cpu_stck();           /* the lock's wait is counted as spin */
    smp_lock();
    pc->pc_idling = false;
    pc->pc_idle_tod += t1 - t0;
    if (cls == INT_IO)
        ios_interrupt();
    cpu_sckc(~(uint64_t)0);
}

/* This processor's load figures, brought up to date. */
static void count_load(bool start)
{
    unsigned cpu = smp_cpu();
    uint64_t now = now_us(), idle = per_cpu[cpu].pc_idle_tod >> 12, spin = smp_spin_tod(cpu) >> 12;
    if (start)
        cpuload_init(&per_cpu[cpu].pc_load, now, idle, spin);
    else
        cpuload_tick(&per_cpu[cpu].pc_load, now, idle, spin);
}

const struct cpuload *dsp_load(unsigned cpu)
{
    return cpu < smp_count() ? &per_cpu[cpu].pc_load : NULL;
}

void dsp_run(void)
{
    cpu_sckc(~(uint64_t)0);
    count_load(true);
    for (;;) {
        count_load(false);
        trm_poll();
        pag_balance();
        uint64_t watchdog = ios_watchdog();
        observe();
        sch_admit(&sched, now_us());
        struct sch_user *u = sch_pick(&sched, ready, NULL);
        if (u) {
            struct vmblok *vm = u->su_owner;
            unsigned cpu = smp_cpu();
            per_cpu[cpu].pc_running = vm;
            vm->vm_oncpu = (uint8_t)(cpu + 1);
            /* Another machine ready and the other processor idle: wake it
             * rather than leave the machine to its next look. (An external
             * call pending as it enters its wait still wakes it.) */
            if (smp_count() > 1 && per_cpu[cpu ^ 1u].pc_idling && sch_pick(&sched, ready, NULL))
                smp_wake_other();
            uint64_t used = run_slice(vm, more_runnable(vm) ? DSP_SLICE_US : DSP_SLICE_ALONE_US);
            if (per_cpu[cpu].pc_running == vm) {      /* not logged off meanwhile */
                vm->vm_oncpu = 0;
                per_cpu[cpu].pc_running = NULL;
                sch_charge(&sched, u, used, vst_resident(vm), now_us());
                vmcons_deferred(vm);
            }
        } else {
            idle(watchdog);
        }
    }
}
