/* con.h: the CMS console: lines to and from the virtual 3215 at X'009',
 * through DIAGNOSE X'20' (CP writes them on the user's 3270). */
#ifndef CMS_CON_H
#define CMS_CON_H

#include <stddef.h>
#include <stdbool.h>

#define CON_LINE 130            /* a 3215 line */

/* Write one line (longer lines continue on the next). */
void con_write(const char *line);
void con_printf(const char *f, ...) __attribute__((format(printf, 1, 2)));
/* Read the user's next line (ASCII, NUL-terminated, trailing blanks cut);
 * its length. The machine waits in VM READ meanwhile. */
size_t con_read(char *buf, size_t cap);

/* The immediate commands, typed while a command runs: HT stops its
 * console output, RT lets it go on, HX stops the command. Every console
 * write looks for a line typed meanwhile (CP raises an attention for it);
 * one that is not an immediate command waits for the next con_read. */
bool con_halted(void);          /* HX was typed: the command should stop */
void con_new_command(void);     /* a command starts: HT, RT and HX apply to it */
void con_command_done(void);    /* it ended: HT and HX are over, Ready shows */

#endif
