/* dsp.h: the dispatcher: shares the real CPU among the logged-on virtual
 * machines by time slices, and waits when none can run. */
#ifndef CP_DSP_H
#define CP_DSP_H

#include <stdint.h>
#include <stdbool.h>

struct vmblok;

#define DSP_SLICE_US        10000u   /* one time slice: 10 ms of real CPU */
#define DSP_SLICE_ALONE_US  50000u   /* ... 50 ms when no other machine wants the CPU */
#define DSP_IDLE_LOOK_US    100000u  /* an idle processor looks for work at least this often,
                                        a safety net under the SIGP wake-up (docs/smp.md) */

/* The main loop, on each processor, entered with the CP lock (smp.h)
 * held; never returns. */
__attribute__((noreturn)) void dsp_run(void);
/* At IPL, once paging is set up: the scheduler's storage for working sets. */
void dsp_init(void);
/* The logged-on list. */
void dsp_add(struct vmblok *vm);
void dsp_remove(struct vmblok *vm);
struct vmblok *dsp_first(void);
bool dsp_logged_on(const struct vmblok *vm);
int  dsp_count(void);
/* The scheduler's lists (INDICATE, SET PRIORITY). */
struct sch *dsp_sched(void);
/* Processor cpu's load figures (cpuload.h); NULL for a processor that
 * does not dispatch. */
struct cpuload;
const struct cpuload *dsp_load(unsigned cpu);
/* Milliseconds since IPL, for screen timers. */
uint64_t dsp_now_ms(void);

#endif
