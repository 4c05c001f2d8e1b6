/* smp.c: the second real processor (see smp.h).
 *
 * Processor 1 is started with SIGNAL PROCESSOR: SET PREFIX gives it its
 * own 4K of low storage (a copy of processor 0's, so the same new PSWs),
 * RESTART starts it at smp_start (entry.S) on its own stack, which loads
 * processor 0's control registers (but no I/O subclasses) and enters the
 * dispatcher.
 */
#include "smp.h"
#include "frm.h"
#include "con.h"
#include "dsp.h"
#include "cplib.h"
#include "bigend.h"
#include "hw/cpu.h"
#include "hw/hw.h"

#define SIGP_SENSE       0x01u
#define SIGP_EXT_CALL    0x02u
#define SIGP_STOP        0x05u
#define SIGP_RESTART     0x06u
#define SIGP_SET_PREFIX  0x0Du
#define CP_PSW_HI        0x00080000u
#define ADDR31           0x80000000u
#define START_SPINS      100000000u   /* about a second of Hercules' time */
#define LOCK_SPINS       2000u        /* tries before each wait for the lock yields */

extern void smp_start(void);           /* entry.S */

static volatile uint32_t cp_lock;      /* 0 free, else the holder's index + 1 */
static volatile unsigned ncpu = 1;
static uint32_t crs[16];               /* processor 0's control registers */
static uint8_t cpu1_stack[65536] __attribute__((aligned(8)));

unsigned smp_cpu(void)
{
    return cpu_stap() & (SMP_MAXCPU - 1);
}

unsigned smp_count(void)
{
    return ncpu;
}

/* Each processor's time spent waiting for the lock, TOD units (INDICATE
 * LOAD); only its own processor writes it, under no lock. */
static uint64_t spin_tod[SMP_MAXCPU];

void smp_lock(void)
{
    uint32_t me = smp_cpu() + 1;
    if (__sync_bool_compare_and_swap(&cp_lock, 0u, me))
        return;
    /* Spin a little first: the lock is mostly held for microseconds, and
     * a yield can give the host core away for a whole host time slice. */
    uint64_t t0 = cpu_stck();
    unsigned spins = 0;
    do
        while (cp_lock)
            if (++spins > LOCK_SPINS)
                cpu_yield();
    while (!__sync_bool_compare_and_swap(&cp_lock, 0u, me));
    spin_tod[me - 1] += cpu_stck() - t0;
}

void smp_wake_other(void)
{
    /* Condition code 1 (one already pending) is as good: it wakes it. */
    cpu_sigp((uint16_t)(smp_cpu() ^ 1u), SIGP_EXT_CALL, NULL);
}

uint64_t smp_spin_tod(unsigned cpu)
{
    return cpu < SMP_MAXCPU ? spin_tod[cpu] : 0;
}

void smp_unlock(void)
{
    __sync_lock_release(&cp_lock);
}

/* On processor 1, from smp_start: the same control registers and new
 * PSWs as processor 0, then the dispatcher under the CP lock. */
void smp_cpu_main(void);
void smp_cpu_main(void)
{
    cpu_lctl_all(crs);
    /* No I/O interruption subclass: every I/O interruption goes to
     * processor 0, as VM/370's attached processor had it. Otherwise this
     * one could accept an interruption that processor 0 waits for while
     * it holds the CP lock (a synchronous page write), and both would
     * wait for ever. */
    cpu_lctl(6, 0);
    hw_set_new_psws();
    smp_lock();
    ncpu = 2;
    dsp_run();
}

void smp_init(void)
{
    uint32_t status;
    if (cpu_sigp(1, SIGP_SENSE, &status) == 3)
        return;                                 /* a uniprocessor */
    uint8_t *pfx = frm_alloc();
    if (!pfx) {
        con_printf("SMP002E NO STORAGE FOR PROCESSOR 01; IT IS NOT USED");
        return;
    }
    const volatile uint8_t *low = (const volatile uint8_t *)(uintptr_t)0;
    for (unsigned i = 0; i < FRAME_SIZE; i++)
        pfx[i] = low[i];
    be_put32(pfx + LC_RESTART_NEW, CP_PSW_HI);
    be_put32(pfx + LC_RESTART_NEW + 4, ADDR31 | (uint32_t)(uintptr_t)smp_start);
    be_put32(pfx + LC_CUR_CTX, 0);
    be_put32(pfx + LC_CP_SP, (uint32_t)(uintptr_t)(cpu1_stack + sizeof cpu1_stack));
    cpu_stctl_all(crs);
    if (cpu_sigp_parm(1, SIGP_SET_PREFIX, (uint32_t)(uintptr_t)pfx) != 0 ||
        cpu_sigp(1, SIGP_RESTART, NULL) != 0) {
        con_printf("SMP003E PROCESSOR 01 DID NOT START; IT IS NOT USED");
        return;
    }
    /* Processor 1 takes the CP lock as it starts: wait for it with the
     * lock free, then take it back. */
    smp_unlock();
    for (uint32_t i = 0; i < START_SPINS && ncpu < 2; i++)
        ;
    smp_lock();
    if (ncpu < 2)
        con_printf("SMP003E PROCESSOR 01 DID NOT START; IT IS NOT USED");
    else
        con_printf("SMP001I PROCESSOR 01 ONLINE: 2 PROCESSORS DISPATCH");
}

void smp_stop_others(void)
{
    if (ncpu > 1)
        cpu_sigp((uint16_t)(smp_cpu() ^ 1u), SIGP_STOP, NULL);
}
