/* dsk.h: real CKD DASD access for CP's own use (labels, the allocation map,
 * later the directory and paging). */
#ifndef CP_DSK_H
#define CP_DSK_H

#include "ios.h"

/* Read record rec of (cyl, head) into buf; synchronous, interruptions
 * disabled. Returns the bytes read, or -1 on an I/O error. */
int dsk_read_sync(struct iodev *d, uint16_t cyl, uint16_t head, uint8_t rec,
                  void *buf, uint16_t len);

#endif
