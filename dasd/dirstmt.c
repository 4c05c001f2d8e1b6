/* dirstmt.c: the directory statement handlers, USER through SPECIAL, and
 * the operand readers they share.  dirparse.c splits each line and calls
 * these through its statement table once the statement is known to fit.
 */
#include "../cp/cplib.h"
#include "../cp/fmt.h"
#include "dirfmt.h"
#include "dirstmt.h"

#define DIRP_NOLOG    "NOLOG"

/* ---- operands ---- */

static unsigned dirp_digit(char c, unsigned base)
{
    unsigned d = 16;

    if (c >= '0' && c <= '9')
        d = (unsigned)(c - '0');
    else if (c >= 'A' && c <= 'F')
        d = (unsigned)(c - 'A' + 10);
    return d < base ? d : 16;
}

/* 1..maxdigits digits of base and nothing else. */
static bool dirp_number(const char *s, unsigned base, size_t maxdigits, uint32_t *out)
{
    uint32_t v = 0;
    size_t n = 0;

    for (; s[n] != '\0'; n++) {
        unsigned d = dirp_digit(s[n], base);
        if (d == 16 || n == maxdigits)
            return false;
        v = v * base + d;
    }
    *out = v;
    return n > 0;
}

static bool dirp_is_vaddr(const char *s, uint32_t *out)
{
    return dirp_number(s, 16, 4, out);
}

static bool dirp_vaddr(struct dirp *p, const struct dirp_toks *t, const char *s,
                       uint16_t *out)
{
    uint32_t v;

    if (!dirp_is_vaddr(s, &v)) {
        dirp_err(p, t, "bad virtual address %s (1 to 4 hex digits)", s);
        return false;
    }
    *out = (uint16_t)v;
    return true;
}

/* "512K", "4M": at least 64K, at most 16M, a multiple of 4K. */
static bool dirp_storage(struct dirp *p, const struct dirp_toks *t, const char *what,
                         const char *s, uint32_t *out)
{
    char num[8];
    size_t n = strlen(s);
    uint32_t v;
    uint64_t bytes;

    if (n >= 2 && n <= sizeof num) {
        memcpy(num, s, n - 1);
        num[n - 1] = '\0';
    }
    if (n < 2 || n > sizeof num || (s[n - 1] != 'K' && s[n - 1] != 'M')
        || !dirp_number(num, 10, 5, &v)) {
        dirp_err(p, t, "bad %s %s (a number and K or M, e.g. 512K or 4M)", what, s);
        return false;
    }
    bytes = (uint64_t)v << (s[n - 1] == 'K' ? 10 : 20);
    if (bytes < DIR_MIN_STORAGE || bytes > DIR_MAX_STORAGE) {
        dirp_err(p, t, "%s %s out of range (64K to 16M)", what, s);
        return false;
    }
    if (bytes % DIR_STORAGE_UNIT != 0) {
        dirp_err(p, t, "%s %s is not a multiple of 4K", what, s);
        return false;
    }
    *out = (uint32_t)bytes;
    return true;
}

/* Copy a 1..max character operand that must pass ok(); else complain. */
static void dirp_text(struct dirp *p, const struct dirp_toks *t, const char *what,
                      const char *s, size_t max, bool (*ok)(const char *, size_t),
                      char *dst)
{
    if (strlen(s) > max)
        dirp_err(p, t, "%s %s is longer than %u characters", what, s, (unsigned)max);
    else if (!ok(s, max))
        dirp_err(p, t, "bad %s %s (use A-Z 0-9 @ # $)", what, s);
    else
        memcpy(dst, s, strlen(s) + 1);
}

static void dirp_mode(struct dirp *p, const struct dirp_toks *t, const char *s,
                      uint8_t *mode)
{
    *mode = (uint8_t)dirfmt_mode_by_name(s);
    if (*mode == DIR_M_NONE)
        dirp_err(p, t, "bad access mode %s (R, RR, W, WR, M, MR or MW)", s);
}

/* The type names a statement takes, for messages: "2540, 1403, 3505". */
static const char *dirp_type_names(unsigned kind, char *buf, size_t cap)
{
    const struct dirfmt_type *ft, *prev = NULL;
    size_t n = 0;

    buf[0] = '\0';
    for (size_t i = 0; (ft = dirfmt_type_at(i)) != NULL; i++) {
        if (ft->ft_kind != kind || (prev != NULL && strcmp(prev->ft_name, ft->ft_name) == 0))
            continue;
        n += fmt(buf + n, cap - n, "%s%s", n ? ", " : "", ft->ft_name);
        prev = ft;
    }
    return buf;
}

/* A type that is the only one of its spelling for a statement. */
static uint8_t dirp_type(struct dirp *p, const struct dirp_toks *t, unsigned kind,
                         const char *name)
{
    char names[48];
    int matches;
    const struct dirfmt_type *ft = dirfmt_type_by_name(kind, name, NULL, &matches);

    if (ft != NULL)
        return ft->ft_type;
    dirp_err(p, t, "device type %s is not supported (%s takes %s)", name,
             dirfmt_kind_name(kind), dirp_type_names(kind, names, sizeof names));
    return DIR_T_NONE;
}

/* ---- devices ---- */

/* A new device of the current user at the vaddr in operand tok.  When it
 * cannot be had (bad or duplicate vaddr, too many devices) the operands are
 * still checked, into dp_junk. */
static struct dir_dev *dirp_new_dev(struct dirp *p, const struct dirp_toks *t,
                                    unsigned kind, int tok)
{
    struct dir_user *u = p->dp_cur;
    struct dir_dev *d = &p->dp_junk, *old;
    uint16_t vaddr = 0;

    if (dirp_vaddr(p, t, t->tl_tok[tok], &vaddr)) {
        if ((old = dirp_find_dev(u, vaddr)) != NULL)
            dirp_err(p, t, "virtual address %03X is already defined (line %u)",
                     vaddr, (unsigned)old->dd_line);
        else if (u->du_ndevs >= DIR_MAX_DEVS)
            dirp_err(p, t, "more than %u devices for user %s", DIR_MAX_DEVS,
                     u->du_userid);
        else
            d = &u->du_dev[u->du_ndevs++];
    }
    memset(d, 0, sizeof *d);
    d->dd_kind = (uint8_t)kind;
    d->dd_vaddr = vaddr;
    d->dd_line = p->dp_line;
    return d;
}

/* ---- statements ---- */

static uint32_t dirp_classes(struct dirp *p, const struct dirp_toks *t, const char *s)
{
    uint32_t bits = 0;

    for (const char *c = s; *c != '\0'; c++) {
        if (*c < 'A' || *c > 'Z') {
            dirp_err(p, t, "bad privilege class %c in %s (classes are A-Z)", *c, s);
            return 0;
        }
        bits |= DIR_CLASS(*c);
    }
    return bits;
}

/* USER userid password [storage maxstorage classes [priority]]: the three
 * sizes and classes may be left out only by NOLOG users. */
void dirp_user(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_user *u = &p->dp_spare, *old;
    size_t cap = p->dp_cap < DIR_MAX_USERS ? p->dp_cap : DIR_MAX_USERS;
    uint32_t prio;

    if (p->dp_nusers < cap)
        u = &p->dp_users[p->dp_nusers];
    else
        dirp_err(p, t, "more than %u users", (unsigned)cap);
    old = dirp_find_user(p, t->tl_tok[1]);
    memset(u, 0, sizeof *u);
    p->dp_cur = u;
    u->du_line = p->dp_line;
    u->du_priority = DIR_DEF_PRIORITY;
    u->du_storage = u->du_maxstorage = DIR_MIN_STORAGE;
    if (old != NULL)
        dirp_err(p, t, "duplicate userid %s (first at line %u)", old->du_userid,
                 (unsigned)old->du_line);
    dirp_text(p, t, "userid", t->tl_tok[1], DIR_NAME_LEN, dirfmt_name_ok, u->du_userid);
    dirp_text(p, t, "password", t->tl_tok[2], DIR_NAME_LEN, dirfmt_word_ok,
              u->du_password);
    if (u != &p->dp_spare)
        p->dp_nusers++;
    if (t->tl_n < 6 && strcmp(t->tl_tok[2], DIRP_NOLOG) != 0) {
        dirp_err(p, t, "missing operands (expected %s)", DIRP_USER_USAGE);
        return;
    }
    if (t->tl_n > 3)
        dirp_storage(p, t, "storage", t->tl_tok[3], &u->du_storage);
    u->du_maxstorage = u->du_storage;
    if (t->tl_n > 4 && dirp_storage(p, t, "maximum storage", t->tl_tok[4],
                                    &u->du_maxstorage)
        && u->du_maxstorage < u->du_storage)
        dirp_err(p, t, "maximum storage %s is below storage %s", t->tl_tok[4],
                 t->tl_tok[3]);
    if (t->tl_n > 5)
        u->du_classes = dirp_classes(p, t, t->tl_tok[5]);
    if (t->tl_n > 6) {
        if (!dirp_number(t->tl_tok[6], 10, 2, &prio))
            dirp_err(p, t, "bad priority %s (0 to 99)", t->tl_tok[6]);
        else
            u->du_priority = (uint8_t)prio;
    }
}

void dirp_account(struct dirp *p, const struct dirp_toks *t)
{
    dirp_text(p, t, "account number", t->tl_tok[1], DIR_NAME_LEN, dirfmt_word_ok,
              p->dp_cur->du_account);
    if (t->tl_n > 2)
        dirp_text(p, t, "distribution", t->tl_tok[2], DIR_NAME_LEN, dirfmt_word_ok,
                  p->dp_cur->du_dist);
}

/* OPTION operands accumulate over OPTION statements; CPUID takes a value. */
void dirp_option(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_user *u = p->dp_cur;

    for (int i = 1; i < t->tl_n; i++) {
        const struct dirfmt_option *o = dirfmt_option_by_name(t->tl_tok[i]);
        const char *v = i + 1 < t->tl_n ? t->tl_tok[i + 1] : "";
        uint32_t id;

        if (o == NULL) {
            dirp_err(p, t, "unknown option %s", t->tl_tok[i]);
            continue;
        }
        u->du_options |= o->fo_bit;
        if (!o->fo_value)
            continue;
        i++;
        if (strlen(v) != DIR_CPUID_LEN || !dirp_number(v, 16, DIR_CPUID_LEN, &id)) {
            dirp_err(p, t, "%s needs six hex digits%s%s", o->fo_name, *v ? ", not " : "", v);
            u->du_options &= (uint16_t)~o->fo_bit;
        } else {
            memcpy(u->du_cpuid, v, DIR_CPUID_LEN + 1);
        }
    }
}

/* IPL vaddr|systemname [PARM text]: 1-4 hex digits are a device; the PARM
 * text is the rest of the line, inner blanks kept. */
void dirp_ipl(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_user *u = p->dp_cur;
    const char *what = t->tl_tok[1], *text;
    uint32_t v;
    size_t n;

    if (dirp_is_vaddr(what, &v)) {
        u->du_ipl = DIR_IPL_VADDR;
        u->du_ipl_vaddr = (uint16_t)v;
    } else if (dirfmt_name_ok(what, DIR_NAME_LEN)) {
        u->du_ipl = DIR_IPL_NAME;
        memcpy(u->du_ipl_name, what, strlen(what) + 1);
    } else {
        dirp_err(p, t, "bad IPL device or system name %s", what);
    }
    if (t->tl_n < 3)
        return;
    if (strcmp(t->tl_tok[2], "PARM") != 0) {
        dirp_err(p, t, "expected PARM, found %s", t->tl_tok[2]);
        return;
    }
    for (text = t->tl_raw + t->tl_end[2]; *text == ' '; text++)
        ;
    for (n = strlen(text); n > 0 && text[n - 1] == ' '; n--)
        ;
    if (n == 0)
        dirp_err(p, t, "PARM needs text");
    else if (n > DIR_PARM_LEN)
        dirp_err(p, t, "PARM text is longer than %u characters", DIR_PARM_LEN);
    else
        memcpy(u->du_ipl_parm, text, n);
}

void dirp_console(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_dev *d = dirp_new_dev(p, t, DIR_K_CONSOLE, 1);

    d->dd_type = dirp_type(p, t, DIR_K_CONSOLE, t->tl_tok[2]);
}

/* SPOOL vaddr devtype [READER|PUNCH|PRINTER] [class]; class A by default. */
void dirp_spool(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_dev *d = dirp_new_dev(p, t, DIR_K_SPOOL, 1);
    const char *name = t->tl_tok[2], *func = NULL, *cls = "A";
    const struct dirfmt_type *ft;
    int i = 3, matches;

    if (i < t->tl_n && dirfmt_is_func(t->tl_tok[i]))
        func = t->tl_tok[i++];
    if (i < t->tl_n)
        cls = t->tl_tok[i++];
    if (i < t->tl_n) {
        dirp_err(p, t, "unexpected operand %s", t->tl_tok[i]);
        return;
    }
    ft = dirfmt_type_by_name(DIR_K_SPOOL, name, func, &matches);
    if (matches == 0) {
        dirp_type(p, t, DIR_K_SPOOL, name);
        return;
    }
    if (ft == NULL && func != NULL) {
        dirp_err(p, t, "a %s has no %s function", name, func);
        return;
    }
    if (ft->ft_say_func && func == NULL) {
        dirp_err(p, t, "%s needs READER or PUNCH", name);
        return;
    }
    d->dd_type = ft->ft_type;
    if (strlen(cls) != 1 || !dirfmt_class_ok(cls[0], strcmp(ft->ft_func, "READER") == 0))
        dirp_err(p, t, "bad spool class %s (A-Z or 0-9; * on readers)", cls);
    else
        d->dd_class = cls[0];
}

/* MDISK vaddr 3380 startcyl numcyl volser mode [readpw [writepw [multpw]]] */
void dirp_mdisk(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_dev *d = dirp_new_dev(p, t, DIR_K_MDISK, 1);
    char *pw[3] = { d->dd_readpw, d->dd_writepw, d->dd_multpw };
    static const char *const pwname[3] = { "read password", "write password",
                                           "multiple password" };
    uint32_t start, count;

    d->dd_type = dirp_type(p, t, DIR_K_MDISK, t->tl_tok[2]);
    if (!dirp_number(t->tl_tok[3], 10, 5, &start))
        dirp_err(p, t, "bad start cylinder %s", t->tl_tok[3]);
    else if (!dirp_number(t->tl_tok[4], 10, 5, &count) || count == 0)
        dirp_err(p, t, "bad number of cylinders %s (1 or more)", t->tl_tok[4]);
    else if (start + count > VOL_MAX_CYLS)
        dirp_err(p, t, "cylinders %u-%u run past cylinder %u, the last of a 3380",
                 (unsigned)start, (unsigned)(start + count - 1), VOL_MAX_CYLS - 1);
    else {
        d->dd_start = (uint16_t)start;
        d->dd_count = (uint16_t)count;
    }
    dirp_text(p, t, "volser", t->tl_tok[5], DIR_VOLSER_LEN, dirfmt_name_ok,
              d->dd_volser);
    dirp_mode(p, t, t->tl_tok[6], &d->dd_mode);
    for (int i = 7; i < t->tl_n; i++)
        dirp_text(p, t, pwname[i - 7], t->tl_tok[i], DIR_NAME_LEN, dirfmt_word_ok,
                  pw[i - 7]);
}

/* LINK userid vaddr1 vaddr2 mode: vaddr2 is this user's address for the
 * other user's vaddr1; dirp_finish checks that the target exists. */
void dirp_link(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_dev *d = dirp_new_dev(p, t, DIR_K_LINK, 3);

    dirp_text(p, t, "userid", t->tl_tok[1], DIR_NAME_LEN, dirfmt_name_ok,
              d->dd_linkuser);
    if (!dirp_vaddr(p, t, t->tl_tok[2], &d->dd_linkaddr))
        d->dd_linkuser[0] = '\0';           /* no target for dirp_finish */
    dirp_mode(p, t, t->tl_tok[4], &d->dd_mode);
}

/* DEDICATE vaddr raddr|volser: 1-4 hex digits are a real address. */
void dirp_dedicate(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_dev *d = dirp_new_dev(p, t, DIR_K_DEDICATE, 1);
    const char *what = t->tl_tok[2];
    uint32_t v;

    d->dd_raddr = DIR_NO_RADDR;
    if (dirp_is_vaddr(what, &v) && v == DIR_NO_RADDR)
        dirp_err(p, t, "real address %s is reserved", what);
    else if (dirp_is_vaddr(what, &v))
        d->dd_raddr = (uint16_t)v;
    else if (dirfmt_name_ok(what, DIR_VOLSER_LEN))
        memcpy(d->dd_volser, what, strlen(what) + 1);
    else
        dirp_err(p, t, "bad real address or volser %s", what);
}

void dirp_special(struct dirp *p, const struct dirp_toks *t)
{
    struct dir_dev *d = dirp_new_dev(p, t, DIR_K_SPECIAL, 1);

    d->dd_type = dirp_type(p, t, DIR_K_SPECIAL, t->tl_tok[2]);
}
