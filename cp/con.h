/* con.h: the real operator console, a 3215 (Hercules' integrated console).
 * Output lines are queued and written one CCW at a time as each write ends;
 * an attention from the console means the operator typed a line, which is
 * read and handed to the command processor. */
#ifndef CP_CON_H
#define CP_CON_H

#include "ios.h"

#define CON_LINE_MAX 130   /* a 3215 line */

void con_init(struct iodev *d);
bool con_present(void);
/* Queue one line of ASCII text (longer lines are split). */
void con_write(const char *text);
void con_printf(const char *f, ...) __attribute__((format(printf, 1, 2)));
/* Write everything queued now, by polling; for shutdown and abend. */
void con_flush_sync(void);

#endif
