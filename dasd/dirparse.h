/* dirparse.h: the VM/370 directory source parser (pure; host-tested).
 *
 * Reads the control statements of a user directory (USER, ACCOUNT, OPTION,
 * IPL, CONSOLE, SPOOL, MDISK, LINK, DEDICATE, SPECIAL; see
 * docs/directory.md) into struct dir_user entries the caller provides, and
 * reports every fault it finds, not just the first, as {line, statement,
 * message}.  No allocation and no I/O: feed it lines or a whole buffer.
 *
 * Source rules, as VM/370's directory program had them: operands are
 * separated by blanks (tabs count as blanks); only columns 1-71 are read;
 * blank lines and lines whose first non-blank character is '*' are
 * comments; everything is upper-cased, passwords included; a USER statement
 * starts a user and the statements after it belong to that user.
 */
#ifndef DASD_DIRPARSE_H
#define DASD_DIRPARSE_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "dir.h"

#define DIRP_COLS     71u     /* columns of a card image that are read  */
#define DIRP_MSG_LEN  128u

struct dirp_error {
    uint32_t de_line;                       /* 1-based source line          */
    char     de_stmt[DIR_NAME_LEN + 1];     /* statement keyword as written */
    char     de_msg[DIRP_MSG_LEN];
};

/* Parser state.  Fill it with dirp_init; the fields are then read-only to
 * the caller. */
struct dirp {
    struct dir_user   *dp_users;     /* caller's array                           */
    size_t             dp_cap;       /* its length (at most DIR_MAX_USERS used)  */
    size_t             dp_nusers;    /* users defined so far                     */
    struct dirp_error *dp_errs;      /* caller's array (may be NULL)             */
    size_t             dp_errcap;
    size_t             dp_nerrs;     /* every error, even those past dp_errcap   */
    uint32_t           dp_line;      /* lines read so far                        */
    struct dir_user   *dp_cur;       /* the user being defined, NULL before USER */
    uint32_t           dp_once;      /* once-per-user statements seen, by row    */
    struct dir_user    dp_spare;     /* takes a USER that cannot be stored       */
    struct dir_dev     dp_junk;      /* takes a device that cannot be stored     */
};

/* Start a parse into users[0..cap-1], recording up to errcap errors. */
void dirp_init(struct dirp *p, struct dir_user *users, size_t cap,
               struct dirp_error *errs, size_t errcap);

/* Parse one source line of len bytes (a trailing newline or CR is ignored).
 * Lines are numbered from 1 in the order they are fed. */
void dirp_line(struct dirp *p, const char *text, size_t len);

/* After the last line: the checks that need the whole directory (LINK
 * targets, MDISK extents overlapping on a volume).  Returns dp_nerrs. */
size_t dirp_finish(struct dirp *p);

/* dirp_line for every line of a buffer, then dirp_finish. */
size_t dirp_parse(struct dirp *p, const char *text, size_t len);

#endif
