/* con.h: the CMS console: lines to and from the virtual 3215 at X'009',
 * through DIAGNOSE X'20' (CP writes them on the user's 3270). */
#ifndef CMS_CON_H
#define CMS_CON_H

#include <stddef.h>

#define CON_LINE 130            /* a 3215 line */

/* Write one line (longer lines continue on the next). */
void con_write(const char *line);
void con_printf(const char *f, ...) __attribute__((format(printf, 1, 2)));
/* Read the user's next line (ASCII, NUL-terminated, trailing blanks cut);
 * its length. The machine waits in VM READ meanwhile. */
size_t con_read(char *buf, size_t cap);

#endif
