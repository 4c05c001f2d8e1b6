/* tmr.h: a virtual machine's timers: the interval timer at X'50', the CPU
 * timer, the clock comparator and the TOD clock offset SCK sets.
 *
 * All of them run in real (wall-clock) time while the user is logged on,
 * whether the machine runs or waits, as if every user had VM/370's
 * REALTIMER option: a guest that waits for its timer is woken by it
 * (docs/cp-core.md). */
#ifndef CP_TMR_H
#define CP_TMR_H

#include <stdint.h>

struct vmblok;

/* The guest's view of the TOD clock now. */
uint64_t tmr_guest_tod(const struct vmblok *vm);
/* Bring the timers up to now; sets the pending external interruptions
 * (interval timer gone negative, CPU timer negative, clock comparator
 * passed). */
void tmr_update(struct vmblok *vm);
/* The real TOD value at which a timer interruption the machine's CR0
 * lets in will become pending; all ones when none can, or when its PSW
 * is disabled for it and it is already due. The idle CPU sets its clock
 * comparator to the earliest of these, so a machine in an enabled wait
 * costs no CPU until then; the dispatcher ends a slice there. */
uint64_t tmr_next_event(struct vmblok *vm);
/* Reset timers at LOGON and SYSTEM RESET. */
void tmr_reset(struct vmblok *vm);

#endif
