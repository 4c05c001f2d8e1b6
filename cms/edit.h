/* edit.h: the logic of VM/370's CMS line editor, EDIT, apart from files
 * and the console (cmdedit.c), so the host's unit tests run the same code.
 *
 * The file is a list of lines and a current-line pointer: 0 is the null
 * line at the top (TOF), n the last line; past it is EOF. Subcommands
 * (VM/370's, with their abbreviations):
 *   TOP, Bottom, Next [n], Up [n], Locate /string/ (or /string), Change
 *   /old/new/ [n|*] [*], Input [line], DElete [n|*], Replace [line],
 *   Type [n|*], FILE, SAVE, QUIT.
 * A move types the new current line, as EDIT did with verification on.
 */
#ifndef CMS_EDIT_H
#define CMS_EDIT_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define ED_MAXLINES 1500
#define ED_ARENA    (128 * 1024)
#define ED_WIDTH    130            /* longest line kept */

struct ed {
    char    *line[ED_MAXLINES + 1];   /* 1-based */
    uint32_t n, cur;
    bool     changed;
    char     arena[ED_ARENA];
    size_t   used;
    void   (*out)(void *ctx, const char *text);
    void    *ctx;
};

enum ed_result {
    ED_GO_ON,        /* read the next subcommand (EDIT:) */
    ED_INPUT,        /* input mode: lines go after the current one until a null line (INPUT:) */
    ED_FILE,         /* write the file and leave */
    ED_SAVE,         /* write the file and go on */
    ED_QUIT,         /* leave without writing */
};

void ed_init(struct ed *e, void (*out)(void *ctx, const char *text), void *ctx);
/* Append a line while loading (false: the editor is full). */
bool ed_load(struct ed *e, const char *text, size_t len);
/* Run one subcommand. */
enum ed_result ed_command(struct ed *e, const char *cmd);
/* In input mode: add text after the current line, which it becomes.
 * false: full (a message was given). */
bool ed_input(struct ed *e, const char *text);

#endif
