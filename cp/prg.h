/* prg.h: what CP does when a running guest is interrupted: route program
 * interruptions (simulation, page faults, reflection), SVCs, and the real
 * machine's own I/O and external interruptions. */
#ifndef CP_PRG_H
#define CP_PRG_H

struct vmblok;

/* cls: the interruption class hw_run returned (INT_*). */
void prg_intercept(struct vmblok *vm, int cls);

#endif
