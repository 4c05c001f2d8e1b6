/* cpuload.h: how busy each real processor is, for INDICATE LOAD (pure;
 * host-tested with a fake clock).
 *
 * A processor keeps two running totals: the time it waited for work (an
 * idle wait, dsp.c) and the time it spun for the CP lock (smp.c). Each
 * pass of its dispatcher loop hands them to cpuload_tick with the time;
 * once a window of CPULOAD_WINDOW_US has gone by, that window's shares
 * become the figures shown and the next window starts. So the figures
 * are at most two windows old and never a long-run average, which would
 * hide what a benchmark or a loop does now. Times in microseconds.
 */
#ifndef CP_CPULOAD_H
#define CP_CPULOAD_H

#include <stdint.h>
#include <stdbool.h>

#define CPULOAD_WINDOW_US 1000000u

struct cpuload {
    uint64_t cl_start;          /* this window began */
    uint64_t cl_idle0, cl_spin0; /* the totals then */
    uint8_t  cl_busy;           /* the last whole window: percent not idle */
    uint8_t  cl_spin;           /* ... percent spent spinning for the lock */
    bool     cl_known;          /* a whole window has gone by */
};

/* Start counting at now with the totals as they are. */
void cpuload_init(struct cpuload *c, uint64_t now, uint64_t idle, uint64_t spin);
/* A pass of the dispatcher at now: idle and spin are the totals so far. */
void cpuload_tick(struct cpuload *c, uint64_t now, uint64_t idle, uint64_t spin);

#endif
