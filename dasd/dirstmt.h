/* dirstmt.h: what dirparse.c (the driver) and dirstmt.c (the statement
 * handlers) share.  Internal to the directory parser; callers use dirparse.h.
 */
#ifndef DASD_DIRSTMT_H
#define DASD_DIRSTMT_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "dirparse.h"

#define DIRP_MAXTOK   ((DIRP_COLS + 1) / 2)   /* blank-separated in 71 columns */
#define DIRP_USER_USAGE "USER userid password storage maxstorage classes [priority]"

/* A statement split into tokens; tl_tok[0] is the keyword. */
struct dirp_toks {
    char    tl_raw[DIRP_COLS + 1];       /* upper-cased, tabs made blanks */
    char    tl_buf[DIRP_COLS + 1];       /* the same, NUL after each token */
    int     tl_n;
    char   *tl_tok[DIRP_MAXTOK];
    uint8_t tl_end[DIRP_MAXTOK];         /* column after each token in tl_raw */
};

/* Record a fault at a line of the source, for a statement keyword; counted
 * even when the caller's array is full (dirparse.c). */
__attribute__((format(printf, 4, 5)))
void dirp_err_at(struct dirp *p, uint32_t line, const char *stmt, const char *f, ...);

/* A fault in the statement on the current line. */
#define dirp_err(p, t, ...) dirp_err_at((p), (p)->dp_line, (t)->tl_tok[0], __VA_ARGS__)

/* The user so named, or the device of u at vaddr; NULL if none (dirparse.c). */
struct dir_user *dirp_find_user(struct dirp *p, const char *userid);
struct dir_dev *dirp_find_dev(struct dir_user *u, uint16_t vaddr);

/* Statement handlers (dirstmt.c).  The driver has already checked that a
 * USER came first, the operand count and once-per-user statements, so each
 * handler only reads operands, reporting faults with dirp_err. */
void dirp_user(struct dirp *p, const struct dirp_toks *t);
void dirp_account(struct dirp *p, const struct dirp_toks *t);
void dirp_option(struct dirp *p, const struct dirp_toks *t);
void dirp_ipl(struct dirp *p, const struct dirp_toks *t);
void dirp_console(struct dirp *p, const struct dirp_toks *t);
void dirp_spool(struct dirp *p, const struct dirp_toks *t);
void dirp_mdisk(struct dirp *p, const struct dirp_toks *t);
void dirp_link(struct dirp *p, const struct dirp_toks *t);
void dirp_dedicate(struct dirp *p, const struct dirp_toks *t);
void dirp_special(struct dirp *p, const struct dirp_toks *t);

#endif
