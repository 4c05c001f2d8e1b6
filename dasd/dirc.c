/* dirc.c: the directory compiler, a host tool.
 *
 *   dirc check FILE [--volumes VOL1,VOL2,...]
 *   dirc write FILE IMAGE [--volumes VOL1,VOL2,...]
 *   dirc list  IMAGE
 *
 * check parses a VM/370-format directory and prints every fault as
 * FILE:LINE: STATEMENT: message.  write also compiles it into the DIR area
 * of a CPCMS volume, and writes nothing if anything is wrong.  list prints
 * the directory on a volume back as statements, so a round trip can be
 * checked with diff.  FILE may be "-" for standard input.  Exit status: 0
 * good, 1 faults, 2 a malformed command line.  The source rules are in
 * dirparse.c, the blocks in dirfmt.c, the volume in volmap.c and ckd.c.
 */
#define _POSIX_C_SOURCE 200809L
#define _FILE_OFFSET_BITS 64

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "ckd.h"
#include "dirfmt.h"
#include "dirparse.h"
#include "volmap.h"

#define DIRC_EXIT_ERR    1
#define DIRC_EXIT_USAGE  2
#define DIRC_MAX_ERRS    500
#define DIRC_TOD_EPOCH   2208988800ull   /* seconds from 1900 (TOD) to 1970 */

static struct dir_user   dirc_users[DIR_MAX_USERS];
static struct dirp_error dirc_errs[DIRC_MAX_ERRS];
static struct dirp       dirc_parser;

__attribute__((format(printf, 1, 2)))
static int dirc_err(const char *fmt, ...)
{
    va_list ap;

    fputs("dirc: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return DIRC_EXIT_ERR;
}

/* ---- compiling the source ---- */

/* The whole file (or standard input for "-"), NUL-terminated; *buf is
 * malloc'd. */
static int dirc_slurp(const char *path, char **buf, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    size_t cap = 65536, n = 0;
    char *b = NULL, *nb;
    int failed;

    if (f == NULL)
        return dirc_err("%s: %s", path, strerror(errno));
    for (;;) {
        if ((nb = realloc(b, cap + 1)) == NULL) {
            free(b);
            if (f != stdin)
                fclose(f);
            return dirc_err("out of memory");
        }
        b = nb;
        n += fread(b + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
    }
    failed = ferror(f);
    if (f != stdin)
        fclose(f);
    if (failed) {
        free(b);
        return dirc_err("%s: read error", path);
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

/* Errors come in two runs, each in line order (statements, then the checks
 * across users): a stable insertion sort merges them. */
static void dirc_sort_errors(struct dirp_error *e, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct dirp_error x = e[i];
        size_t j = i;
        for (; j > 0 && e[j - 1].de_line > x.de_line; j--)
            e[j] = e[j - 1];
        e[j] = x;
    }
}

/* Is volser one of the comma-separated list? */
static bool dirc_in_list(const char *list, const char *volser)
{
    size_t n = strlen(volser);

    for (const char *p = list; *p != '\0'; ) {
        size_t k = strcspn(p, ",");
        if (k == n && strncasecmp(p, volser, n) == 0)
            return true;
        p += k + (p[k] == ',');
    }
    return false;
}

static void dirc_warn_volumes(const char *path, const char *volumes)
{
    for (size_t i = 0; i < dirc_parser.dp_nusers; i++) {
        const struct dir_user *u = &dirc_users[i];
        for (const struct dir_dev *d = u->du_dev; d < u->du_dev + u->du_ndevs; d++)
            if (d->dd_kind == DIR_K_MDISK && d->dd_volser[0] != '\0'
                && !dirc_in_list(volumes, d->dd_volser))
                fprintf(stderr, "%s:%u: MDISK: warning: volume %s is not among "
                        "--volumes %s\n", path, (unsigned)d->dd_line, d->dd_volser,
                        volumes);
    }
}

/* Parse path into dirc_users; print every fault.  0 if there were none. */
static int dirc_compile(const char *path, const char *volumes)
{
    char *text = NULL;
    size_t len = 0, nerrs, shown;

    if (dirc_slurp(path, &text, &len) != 0)
        return DIRC_EXIT_ERR;
    dirp_init(&dirc_parser, dirc_users, DIR_MAX_USERS, dirc_errs, DIRC_MAX_ERRS);
    nerrs = dirp_parse(&dirc_parser, text, len);
    free(text);
    shown = nerrs < DIRC_MAX_ERRS ? nerrs : DIRC_MAX_ERRS;
    dirc_sort_errors(dirc_errs, shown);
    for (size_t i = 0; i < shown; i++)
        fprintf(stderr, "%s:%u: %s: %s\n", path, (unsigned)dirc_errs[i].de_line,
                dirc_errs[i].de_stmt, dirc_errs[i].de_msg);
    if (nerrs > shown)
        fprintf(stderr, "%s: %zu more errors not shown\n", path, nerrs - shown);
    if (volumes != NULL)
        dirc_warn_volumes(path, volumes);
    if (nerrs > 0)
        return dirc_err("%s: %zu error%s; nothing written", path, nerrs,
                        nerrs == 1 ? "" : "s");
    return 0;
}

/* ---- the volume ---- */

struct dirc_vol {
    struct ckd_image dv_ci;
    struct vol_map   dv_map;
    struct vol_area  dv_area;         /* the DIR area */
    char             dv_volser[7];
};

/* Open an image and find its DIR area through the allocation map. */
static int dirc_open(struct dirc_vol *v, const char *image, bool writable)
{
    struct ckd_rec r;
    int err, area, other;

    if (ckd_open(&v->dv_ci, image, writable) != 0)
        return dirc_err("%s", ckd_error(&v->dv_ci));
    if (ckd_read_record(&v->dv_ci, 0, 0, 3, &r) != 0 || r.cr_dlen != VOL_LABEL_LEN
        || volmap_label_volser(r.cr_data, v->dv_volser) != VOLMAP_OK)
        strcpy(v->dv_volser, "?");
    if (ckd_read_record(&v->dv_ci, 0, 1, 1, &r) != 0 || r.cr_dlen != VOL_BLKSIZE)
        err = VOLMAP_E_MAGIC;
    else if ((err = volmap_decode(r.cr_data, &v->dv_map)) == VOLMAP_OK)
        err = volmap_validate(&v->dv_map, &area, &other);
    if (err != VOLMAP_OK) {
        ckd_close(&v->dv_ci);
        return dirc_err("%s: not a CPCMS volume: %s", image, volmap_strerror(err));
    }
    if ((area = volmap_find_area(&v->dv_map, VOL_AREA_DIR)) < 0) {
        ckd_close(&v->dv_ci);
        return dirc_err("%s: volume %s has no DIR area", image, v->dv_volser);
    }
    v->dv_area = v->dv_map.vm_area[area];
    return 0;
}

/* Block b of the DIR area; *data points into the image's track buffer. */
static int dirc_read_block(struct dirc_vol *v, uint32_t b, const uint8_t **data)
{
    struct volmap_chr chr;
    struct ckd_rec r;

    if (!volmap_area_block(&v->dv_area, b, &chr))
        return -1;
    if (ckd_read_record(&v->dv_ci, chr.vc_cyl, chr.vc_head, chr.vc_rec, &r) != 0
        || r.cr_dlen != DIR_BLKSIZE)
        return -1;
    *data = r.cr_data;
    return 0;
}

/* nblocks blocks from blk, VOL_RECS_PER_TRACK a track, from block 0. */
static int dirc_write_blocks(struct dirc_vol *v, const uint8_t *blk, uint32_t nblocks)
{
    for (uint32_t b = 0; b < nblocks; b += VOL_RECS_PER_TRACK) {
        struct ckd_rec recs[VOL_RECS_PER_TRACK];
        struct volmap_chr chr;
        size_t n = 0;

        if (!volmap_area_block(&v->dv_area, b, &chr))
            return dirc_err("block %u is outside the DIR area", b);
        for (uint32_t k = b; k < nblocks && n < VOL_RECS_PER_TRACK; k++, n++)
            recs[n] = (struct ckd_rec){ (uint8_t)(n + 1), 0, DIR_BLKSIZE, NULL,
                                        blk + (size_t)k * DIR_BLKSIZE };
        if (ckd_write_track(&v->dv_ci, chr.vc_cyl, chr.vc_head, recs, n) != 0)
            return dirc_err("%s", ckd_error(&v->dv_ci));
    }
    return 0;
}

/* ---- write ---- */

static uint64_t dirc_tod_now(void)
{
    return ((uint64_t)time(NULL) + DIRC_TOD_EPOCH) * 1000000u << 12;
}

/* Header and user blocks of dirc_users into blk; serial follows the
 * directory already on the volume, if there is a readable one. */
static int dirc_encode(struct dirc_vol *v, uint8_t *blk, uint32_t nusers)
{
    static struct dir_header h;
    const uint8_t *old;
    int err, dev;

    h.dh_serial = 1;
    if (dirc_read_block(v, 0, &old) == 0 && dirfmt_decode_header(old, &h) == DIRFMT_OK)
        h.dh_serial++;
    h.dh_nusers = nusers;
    h.dh_tod = dirc_tod_now();
    for (uint32_t i = 0; i < nusers; i++) {
        strcpy(h.dh_userid[i], dirc_users[i].du_userid);
        err = dirfmt_encode_user(&dirc_users[i], i, blk + (size_t)(i + 1) * DIR_BLKSIZE,
                                 &dev);
        if (err != DIRFMT_OK)     /* the parser should have caught it */
            return dirc_err("user %s%s: %s", dirc_users[i].du_userid,
                            dev >= 0 ? " (a device)" : "", dirfmt_strerror(err));
    }
    if ((err = dirfmt_encode_header(&h, blk)) != DIRFMT_OK)
        return dirc_err("directory header: %s", dirfmt_strerror(err));
    printf("dirc: %u users, %u blocks, serial %u\n", nusers, dirfmt_blocks(nusers),
           h.dh_serial);
    return 0;
}

static int dirc_write(const char *path, const char *image, const char *volumes)
{
    struct dirc_vol v;
    uint32_t nusers, nblocks;
    uint8_t *blk;
    int rc;

    if ((rc = dirc_compile(path, volumes)) != 0)
        return rc;
    if ((rc = dirc_open(&v, image, true)) != 0)
        return rc;
    nusers = (uint32_t)dirc_parser.dp_nusers;
    nblocks = dirfmt_blocks(nusers);
    if (nblocks > volmap_area_blocks(&v.dv_area)) {
        ckd_close(&v.dv_ci);
        return dirc_err("%s: the directory needs %u blocks; the DIR area of %s has %u",
                        image, nblocks, v.dv_volser, volmap_area_blocks(&v.dv_area));
    }
    if ((blk = calloc(nblocks, DIR_BLKSIZE)) == NULL) {
        ckd_close(&v.dv_ci);
        return dirc_err("out of memory");
    }
    rc = dirc_encode(&v, blk, nusers);
    if (rc == 0 && (rc = dirc_write_blocks(&v, blk, nblocks)) == 0) {
        if (ckd_close(&v.dv_ci) != 0)
            rc = dirc_err("%s", ckd_error(&v.dv_ci));
        else
            printf("dirc: wrote %s to the DIR area of %s (%s)\n", path, v.dv_volser,
                   image);
    }
    ckd_close(&v.dv_ci);
    free(blk);
    return rc;
}

/* ---- list: the directory back as statements ---- */

static const char *dirc_size(uint32_t bytes, char *buf)
{
    if (bytes % (1024 * 1024) == 0)
        sprintf(buf, "%uM", bytes >> 20);
    else
        sprintf(buf, "%uK", bytes >> 10);
    return buf;
}

static void dirc_print_dev(const struct dir_dev *d)
{
    const struct dirfmt_type *t = dirfmt_type(d->dd_type);
    const char *kind = dirfmt_kind_name(d->dd_kind);

    if (d->dd_kind == DIR_K_LINK) {     /* the only one with its vaddr last */
        printf("%-8s %s %03X %03X %s\n", kind, d->dd_linkuser, d->dd_linkaddr,
               d->dd_vaddr, dirfmt_mode_name(d->dd_mode));
        return;
    }
    printf("%-8s %03X", kind, d->dd_vaddr);
    switch (d->dd_kind) {
    case DIR_K_SPOOL:
        printf(" %s%s%s %c", t->ft_name, t->ft_say_func ? " " : "",
               t->ft_say_func ? t->ft_func : "", d->dd_class);
        break;
    case DIR_K_MDISK:
        printf(" %s %u %u %s %s", t->ft_name, d->dd_start, d->dd_count, d->dd_volser,
               dirfmt_mode_name(d->dd_mode));
        if (d->dd_readpw[0] != '\0')
            printf(" %s", d->dd_readpw);
        if (d->dd_writepw[0] != '\0')
            printf(" %s", d->dd_writepw);
        if (d->dd_multpw[0] != '\0')
            printf(" %s", d->dd_multpw);
        break;
    case DIR_K_DEDICATE:
        if (d->dd_raddr == DIR_NO_RADDR)
            printf(" %s", d->dd_volser);
        else
            printf(" %03X", d->dd_raddr);
        break;
    default:                          /* CONSOLE, SPECIAL: just the type */
        printf(" %s", t->ft_name);
        break;
    }
    putchar('\n');
}

static void dirc_print_user(const struct dir_user *u)
{
    const struct dirfmt_option *o;
    char s1[16], s2[16];

    printf("USER     %s %s %s %s", u->du_userid, u->du_password,
           dirc_size(u->du_storage, s1), dirc_size(u->du_maxstorage, s2));
    if (u->du_classes != 0) {
        putchar(' ');
        for (int c = 'A'; c <= 'Z'; c++)
            if (u->du_classes & DIR_CLASS(c))
                putchar(c);
        printf(" %u", u->du_priority);
    }
    putchar('\n');
    if (u->du_account[0] != '\0')
        printf("ACCOUNT  %s%s%s\n", u->du_account, u->du_dist[0] ? " " : "", u->du_dist);
    if (u->du_options != 0) {
        printf("OPTION  ");
        for (size_t i = 0; (o = dirfmt_option_at(i)) != NULL; i++)
            if (u->du_options & o->fo_bit)
                printf(" %s%s%s", o->fo_name, o->fo_value ? " " : "",
                       o->fo_value ? u->du_cpuid : "");
        putchar('\n');
    }
    if (u->du_ipl == DIR_IPL_VADDR)
        printf("IPL      %03X", u->du_ipl_vaddr);
    else if (u->du_ipl == DIR_IPL_NAME)
        printf("IPL      %s", u->du_ipl_name);
    if (u->du_ipl != DIR_IPL_NONE)
        printf("%s%s\n", u->du_ipl_parm[0] ? " PARM " : "", u->du_ipl_parm);
    for (uint16_t i = 0; i < u->du_ndevs; i++)
        dirc_print_dev(&u->du_dev[i]);
}

static int dirc_list(const char *image)
{
    static struct dir_header h;
    static struct dir_user u;
    struct dirc_vol v;
    const uint8_t *blk;
    char when[32];
    time_t secs;
    int err, dev, rc = 0;

    if ((rc = dirc_open(&v, image, false)) != 0)
        return rc;
    if (dirc_read_block(&v, 0, &blk) != 0)
        err = DIRFMT_E_MAGIC;
    else
        err = dirfmt_decode_header(blk, &h);
    if (err != DIRFMT_OK) {
        ckd_close(&v.dv_ci);
        return dirc_err("%s: no directory on %s: %s", image, v.dv_volser,
                        dirfmt_strerror(err));
    }
    secs = (time_t)((h.dh_tod >> 12) / 1000000u - DIRC_TOD_EPOCH);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", gmtime(&secs));
    printf("* directory on %s: serial %u, compiled %s UTC, %u users\n", v.dv_volser,
           h.dh_serial, when, h.dh_nusers);
    for (uint32_t i = 0; i < h.dh_nusers && rc == 0; i++) {
        if (dirc_read_block(&v, i + 1, &blk) != 0)
            rc = dirc_err("%s: user %s: block %u unreadable", image, h.dh_userid[i], i + 1);
        else if ((err = dirfmt_decode_user(blk, i, &u, &dev)) != DIRFMT_OK)
            rc = dirc_err("%s: user %s: %s", image, h.dh_userid[i], dirfmt_strerror(err));
        else if (strcmp(u.du_userid, h.dh_userid[i]) != 0)
            rc = dirc_err("%s: block %u holds %s, the index says %s", image, i + 1,
                          u.du_userid, h.dh_userid[i]);
        else
            dirc_print_user(&u);
    }
    ckd_close(&v.dv_ci);
    return rc;
}

/* ---- command line ---- */

static int dirc_check_cmd(const char *const *pos, const char *volumes)
{
    return dirc_compile(pos[0], volumes);
}

static int dirc_write_cmd(const char *const *pos, const char *volumes)
{
    return dirc_write(pos[0], pos[1], volumes);
}

static int dirc_list_cmd(const char *const *pos, const char *volumes)
{
    (void)volumes;
    return dirc_list(pos[0]);
}

static const struct dirc_cmd {
    const char *dc_name;
    int         dc_npos;
    bool        dc_volumes;   /* takes --volumes */
    int       (*dc_run)(const char *const *pos, const char *volumes);
    const char *dc_usage;
} dirc_cmds[] = {
    { "check", 1, true,  dirc_check_cmd, "check FILE [--volumes VOL1,VOL2,...]" },
    { "write", 2, true,  dirc_write_cmd, "write FILE IMAGE [--volumes VOL1,VOL2,...]" },
    { "list",  1, false, dirc_list_cmd,  "list IMAGE" },
};
#define DIRC_NCMDS (sizeof dirc_cmds / sizeof dirc_cmds[0])

static int dirc_usage(const char *why)
{
    if (why != NULL)
        fprintf(stderr, "dirc: %s\n", why);
    for (size_t i = 0; i < DIRC_NCMDS; i++)
        fprintf(why ? stderr : stdout, "usage: dirc %s\n", dirc_cmds[i].dc_usage);
    return why ? DIRC_EXIT_USAGE : 0;
}

int main(int argc, char **argv)
{
    const struct dirc_cmd *c = NULL;
    const char *pos[2] = { NULL, NULL }, *volumes = NULL;
    int npos = 0;

    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
        return dirc_usage(NULL);
    for (size_t i = 0; argc >= 2 && i < DIRC_NCMDS; i++)
        if (strcmp(argv[1], dirc_cmds[i].dc_name) == 0)
            c = &dirc_cmds[i];
    if (c == NULL)
        return dirc_usage(argc < 2 ? "no subcommand" : "unknown subcommand");
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--volumes") == 0 && c->dc_volumes && i + 1 < argc
            && volumes == NULL)
            volumes = argv[++i];
        else if (strncmp(argv[i], "--", 2) == 0 || npos == c->dc_npos)
            return dirc_usage("unexpected or repeated argument");
        else
            pos[npos++] = argv[i];
    }
    if (npos < c->dc_npos)
        return dirc_usage("missing arguments");
    return c->dc_run(pos, volumes);
}
