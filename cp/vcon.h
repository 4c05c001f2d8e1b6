/* vcon.h: the virtual console, a 3215 on the user's 3270 in line mode. */
#ifndef CP_VCON_H
#define CP_VCON_H

#include "vio.h"

extern const struct vdev_ops vcon_ops;

/* A line the user entered while the machine ran: it completes a console
 * read under way, or waits for the next one with an attention. */
void vcon_input(struct vmblok *vm, const char *line);
/* The screen has room again: a console write held for it goes on. */
void vcon_output_room(struct vmblok *vm);
/* Is a console read waiting for the user (status VM READ)? */
bool vcon_reading(const struct vmblok *vm);

#endif
