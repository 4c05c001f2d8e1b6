/* vur.h: virtual unit record devices: the 2540 (3505) card reader, the
 * 2540 (3525) card punch and the 1403 printer that SPOOL statements give.
 * They take the architected commands now; [Spooling] gives the punch and
 * printer their spool files and the reader its input. Until then output is
 * checked and counted, and the reader is empty. */
#ifndef CP_VUR_H
#define CP_VUR_H

#include <stdint.h>
#include "vio.h"

struct vmblok;

/* Add the device of a SPOOL statement (enum dir_type type); NULL if the
 * machine has no room or the address is in use. */
struct vdev *vur_attach(struct vmblok *vm, uint16_t vaddr, int type, char spool_class);

/* Records written (cards punched, lines printed) since LOGON. */
uint32_t vur_records(const struct vdev *vd);

extern const struct vdev_ops vur_reader_ops, vur_punch_ops, vur_printer_ops;

#endif
