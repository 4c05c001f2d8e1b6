/* dirparse.c: VM/370 directory control statements into struct dir_user.
 *
 * One table row per statement gives its operand counts and its handler;
 * the dispatcher checks USER context, operand counts and once-per-user
 * statements, so handlers only read operands.  Faults are collected, never
 * fatal: a statement with a bad operand still defines what it can, so that
 * the checks after the last line do not cascade from one typo.  This file
 * is the driver (lines, the table, the checks across users, errors); the
 * handlers and their operand readers are in dirstmt.c.
 */
#include "../cp/cplib.h"
#include "../cp/fmt.h"
#include "dirfmt.h"
#include "dirparse.h"
#include "dirstmt.h"

typedef void (*dirp_fn)(struct dirp *p, const struct dirp_toks *t);

struct dirp_stmt {
    const char *ps_name;
    uint8_t     ps_min, ps_max;          /* operands after the keyword */
    bool        ps_once;                 /* at most once per user      */
    dirp_fn     ps_fn;
    const char *ps_usage;
};

/* ---- errors ---- */

void dirp_err_at(struct dirp *p, uint32_t line, const char *stmt, const char *f, ...)
{
    va_list ap;

    if (p->dp_nerrs++ >= p->dp_errcap)
        return;
    struct dirp_error *e = &p->dp_errs[p->dp_nerrs - 1];
    e->de_line = line;
    fmt(e->de_stmt, sizeof e->de_stmt, "%s", stmt);
    va_start(ap, f);
    fmt_v(e->de_msg, sizeof e->de_msg, f, ap);
    va_end(ap);
}

/* ---- users and devices ---- */

struct dir_user *dirp_find_user(struct dirp *p, const char *userid)
{
    for (size_t i = 0; i < p->dp_nusers; i++)
        if (strcmp(p->dp_users[i].du_userid, userid) == 0)
            return &p->dp_users[i];
    return NULL;
}

struct dir_dev *dirp_find_dev(struct dir_user *u, uint16_t vaddr)
{
    for (uint16_t i = 0; i < u->du_ndevs; i++)
        if (u->du_dev[i].dd_vaddr == vaddr)
            return &u->du_dev[i];
    return NULL;
}

/* ---- lines ---- */

/* Keyword, operand counts, once per user, handler, usage for messages. */
#define DIRP_USER_ROW 0
static const struct dirp_stmt dirp_stmts[] = {
    { "USER",     2, 6, false, dirp_user,     DIRP_USER_USAGE },
    { "ACCOUNT",  1, 2, true,  dirp_account, "ACCOUNT number [distribution]" },
    { "OPTION",   1, DIRP_MAXTOK - 1, false, dirp_option, "OPTION option ..." },
    { "IPL",      1, DIRP_MAXTOK - 1, true, dirp_ipl,
      "IPL vaddr|systemname [PARM text]" },
    { "CONSOLE",  2, 2, true,  dirp_console, "CONSOLE vaddr 3215" },
    { "SPOOL",    2, 4, false, dirp_spool,
      "SPOOL vaddr devtype [READER|PUNCH] [class]" },
    { "MDISK",    6, 9, false, dirp_mdisk,
      "MDISK vaddr 3380 startcyl numcyl volser mode [readpw [writepw [multpw]]]" },
    { "LINK",     4, 4, false, dirp_link, "LINK userid vaddr1 vaddr2 mode" },
    { "DEDICATE", 2, 2, false, dirp_dedicate, "DEDICATE vaddr raddr|volser" },
    { "SPECIAL",  2, 2, false, dirp_special, "SPECIAL vaddr 3270|CTCA|TIMER" },
};
#define DIRP_NSTMTS (sizeof dirp_stmts / sizeof dirp_stmts[0])

/* Split the first DIRP_COLS columns; *bad gets the 1-based column of the
 * first unprintable character, or 0. */
static void dirp_tokenize(const char *text, size_t len, struct dirp_toks *t, size_t *bad)
{
    size_t n = 0;

    *bad = 0;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
        len--;
    for (; n < len && n < DIRP_COLS; n++) {
        char c = text[n] == '\t' ? ' ' : text[n];
        if ((c < ' ' || c > '~') && *bad == 0)
            *bad = n + 1;
        t->tl_raw[n] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    t->tl_raw[n] = '\0';
    memcpy(t->tl_buf, t->tl_raw, n + 1);
    t->tl_n = 0;
    for (size_t i = 0; i < n; ) {
        if (t->tl_buf[i] == ' ') {
            t->tl_buf[i++] = '\0';
            continue;
        }
        t->tl_tok[t->tl_n] = &t->tl_buf[i];
        while (i < n && t->tl_buf[i] != ' ')
            i++;
        t->tl_end[t->tl_n++] = (uint8_t)i;
    }
}

/* Row of the statement table, or -1. */
static int dirp_find_stmt(const char *name)
{
    for (size_t i = 0; i < DIRP_NSTMTS; i++)
        if (strcmp(dirp_stmts[i].ps_name, name) == 0)
            return (int)i;
    return -1;
}

void dirp_line(struct dirp *p, const char *text, size_t len)
{
    struct dirp_toks t;
    const struct dirp_stmt *s;
    size_t bad;
    int row, nops;

    p->dp_line++;
    dirp_tokenize(text, len, &t, &bad);
    if (t.tl_n == 0 || t.tl_tok[0][0] == '*')
        return;
    if (bad != 0) {
        dirp_err(p, &t, "unprintable character in column %u", (unsigned)bad);
        return;
    }
    if ((row = dirp_find_stmt(t.tl_tok[0])) < 0) {
        dirp_err(p, &t, "unknown statement");
        return;
    }
    s = &dirp_stmts[row];
    if (row != DIRP_USER_ROW && p->dp_cur == NULL) {
        dirp_err(p, &t, "statement before the first USER");
        return;
    }
    nops = t.tl_n - 1;
    if (nops < s->ps_min || nops > s->ps_max) {
        dirp_err(p, &t, "%s operands (expected %s)",
                 nops < s->ps_min ? "missing" : "too many", s->ps_usage);
        if (row == DIRP_USER_ROW) {          /* what follows is not a user's */
            memset(&p->dp_spare, 0, sizeof p->dp_spare);
            p->dp_cur = &p->dp_spare;
        }
        return;
    }
    if (row == DIRP_USER_ROW)
        p->dp_once = 0;
    else if (s->ps_once && (p->dp_once & (1u << row))) {
        dirp_err(p, &t, "only one %s statement per user", s->ps_name);
        return;
    }
    p->dp_once |= 1u << row;
    s->ps_fn(p, &t);
}

/* ---- checks across users ---- */

static void dirp_check_link(struct dirp *p, const struct dir_dev *d)
{
    struct dir_user *to;
    struct dir_dev *target;

    if (d->dd_linkuser[0] == '\0')
        return;                              /* a bad operand, already reported */
    if ((to = dirp_find_user(p, d->dd_linkuser)) == NULL)
        dirp_err_at(p, d->dd_line, "LINK", "user %s is not in the directory",
                    d->dd_linkuser);
    else if ((target = dirp_find_dev(to, d->dd_linkaddr)) == NULL)
        dirp_err_at(p, d->dd_line, "LINK", "user %s has no device %03X",
                    d->dd_linkuser, d->dd_linkaddr);
    else if (target->dd_kind != DIR_K_MDISK)
        dirp_err_at(p, d->dd_line, "LINK", "%s %03X is not a minidisk (it is a %s)",
                    d->dd_linkuser, d->dd_linkaddr, dirfmt_kind_name(target->dd_kind));
}

static bool dirp_overlap(const struct dir_dev *a, const struct dir_dev *b)
{
    return b->dd_kind == DIR_K_MDISK && b->dd_count > 0
        && strcmp(a->dd_volser, b->dd_volser) == 0
        && a->dd_start < b->dd_start + b->dd_count
        && b->dd_start < a->dd_start + a->dd_count;
}

/* Minidisk d of user u against every minidisk defined before it. */
static void dirp_check_extent(struct dirp *p, const struct dir_user *u,
                              const struct dir_dev *d)
{
    for (const struct dir_user *v = p->dp_users; v <= u; v++) {
        for (const struct dir_dev *e = v->du_dev; e < v->du_dev + v->du_ndevs; e++) {
            if (e == d)
                return;
            if (!dirp_overlap(d, e))
                continue;
            dirp_err_at(p, d->dd_line, "MDISK",
                        "%s %03X cylinders %u-%u on %s overlaps %s %03X cylinders "
                        "%u-%u (line %u)", u->du_userid, d->dd_vaddr, d->dd_start,
                        d->dd_start + d->dd_count - 1, d->dd_volser, v->du_userid,
                        e->dd_vaddr, e->dd_start, e->dd_start + e->dd_count - 1,
                        (unsigned)e->dd_line);
        }
    }
}

size_t dirp_finish(struct dirp *p)
{
    for (size_t i = 0; i < p->dp_nusers; i++) {
        const struct dir_user *u = &p->dp_users[i];
        for (const struct dir_dev *d = u->du_dev; d < u->du_dev + u->du_ndevs; d++) {
            if (d->dd_kind == DIR_K_LINK)
                dirp_check_link(p, d);
            else if (d->dd_kind == DIR_K_MDISK && d->dd_count > 0 && d->dd_volser[0])
                dirp_check_extent(p, u, d);
        }
    }
    return p->dp_nerrs;
}

void dirp_init(struct dirp *p, struct dir_user *users, size_t cap,
               struct dirp_error *errs, size_t errcap)
{
    memset(p, 0, sizeof *p);
    p->dp_users = users;
    p->dp_cap = cap;
    p->dp_errs = errs;
    p->dp_errcap = errs != NULL ? errcap : 0;
}

size_t dirp_parse(struct dirp *p, const char *text, size_t len)
{
    size_t start = 0;

    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            dirp_line(p, text + start, i - start);
            start = i + 1;
        }
    }
    if (start < len)
        dirp_line(p, text + start, len - start);
    return dirp_finish(p);
}
