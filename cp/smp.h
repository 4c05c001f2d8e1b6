/* smp.h: the second real processor. With NUMCPU 2 both processors run
 * the dispatcher loop (dsp.c) and dispatch guests at the same time. CP
 * itself is serialised by one lock, the CP lock: a processor holds it
 * whenever it runs CP code and lets go of it only while it runs a guest
 * or waits for an interruption. The lock hierarchy is therefore flat (one
 * lock; nothing is taken while it is held); docs/smp.md says why that is
 * enough and what a guest on the other processor can still see. */
#ifndef CP_SMP_H
#define CP_SMP_H

#include <stdint.h>
#include <stdbool.h>

#define SMP_MAXCPU 2

/* At IPL, on processor 0: start processor 1 if the machine has one. */
void smp_init(void);
/* This processor's index (its CPU address), and how many dispatch. */
unsigned smp_cpu(void);
unsigned smp_count(void);
/* The CP lock. */
void smp_lock(void);
void smp_unlock(void);
/* How long processor cpu has waited for the CP lock in all, TOD units. */
uint64_t smp_spin_tod(unsigned cpu);
/* Interrupt the other processor (an external call): wakes it from its
 * idle wait, or ends the slice it is running, to run the dispatcher. */
void smp_wake_other(void);
/* Stop every other processor (SHUTDOWN). */
void smp_stop_others(void);

#endif
