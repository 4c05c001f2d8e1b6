/* vmcons.h: what passes between a virtual machine and its user at the
 * terminal: CP's messages, the user's lines (CP commands in CP mode, or
 * #CP ...), PA1 (enter CP mode) and the machine stopping. */
#ifndef CP_VMCONS_H
#define CP_VMCONS_H

#include <stdbool.h>

struct vmblok;

void vmcons_write(struct vmblok *vm, const char *line);
void vmcons_printf(struct vmblok *vm, const char *f, ...) __attribute__((format(printf, 2, 3)));
/* A line the user entered. */
void vmcons_input(struct vmblok *vm, const char *line);
/* Lines vmcons_input held because the machine was running on the other
 * processor: the dispatcher hands them over once its slice ends. */
void vmcons_deferred(struct vmblok *vm);
/* PA1: stop the machine and enter CP mode. */
void vmcons_attention(struct vmblok *vm);
/* Stop the machine in CP mode, telling the user why. */
void vmcons_stop(struct vmblok *vm, const char *why);
/* The machine loaded a disabled wait PSW. */
void vmcons_disabled_wait(struct vmblok *vm);
/* A console read waits for the user (VM READ), or no longer does. */
void vmcons_reading(struct vmblok *vm, bool on);
/* Show the machine's state in the status area. */
void vmcons_show(struct vmblok *vm);
/* Leave CP mode and let the machine run (BEGIN). */
void vmcons_begin(struct vmblok *vm);

#endif
