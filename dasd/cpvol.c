/* cpvol.c: the host tool that formats CPCMS volumes and installs the nucleus.
 *
 *   cpvol format  IMAGE --cyls N --volser VOLSER [--area TYPE:FIRST:COUNT[:NAME]]... [--replace]
 *   cpvol nucleus IMAGE BINFILE --load ADDR [--entry ADDR]
 *   cpvol mdnucleus IMAGE BINFILE --start CYL --cyls N --load ADDR [--entry ADDR]
 *   cpvol list    IMAGE
 *
 * Every check runs before the first write.  Errors are one line on stderr
 * and exit status 1; a malformed command line exits with 2.  The record
 * layouts come from volmap.c, the image format from ckd.c.
 */
#define _POSIX_C_SOURCE 200809L
#define _FILE_OFFSET_BITS 64

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../cp/ebcdic.h"
#include "ckd.h"
#include "volmap.h"
#include "nucwrite.h"

#define CPV_EXIT_ERR   1
#define CPV_EXIT_USAGE 2
#define CPV_KEY_LEN    4u    /* "IPL1", "IPL2", "VOL1" */

/* ---- the command line: one table of options, one of subcommands ---- */

enum cpv_optid {
    CPV_O_CYLS, CPV_O_VOLSER, CPV_O_AREA, CPV_O_REPLACE, CPV_O_LOAD,
    CPV_O_ENTRY, CPV_O_START, CPV_O_COUNT
};
#define CPV_BIT(o) (1u << (o))

static const struct cpv_opt {
    const char *co_name;
    bool        co_value;     /* takes the next argument */
} cpv_opts[CPV_O_COUNT] = {
    [CPV_O_CYLS]    = { "--cyls",    true  },
    [CPV_O_VOLSER]  = { "--volser",  true  },
    [CPV_O_AREA]    = { "--area",    true  },
    [CPV_O_REPLACE] = { "--replace", false },
    [CPV_O_LOAD]    = { "--load",    true  },
    [CPV_O_ENTRY]   = { "--entry",   true  },
    [CPV_O_START]   = { "--start",   true  },
};

struct cpv_args {
    const char *ca_pos[2];
    int         ca_npos;
    const char *ca_opt[CPV_O_COUNT];           /* value, or "" for a flag */
    const char *ca_area[VOL_MAP_MAX_AREAS];    /* every --area, in order  */
    int         ca_nareas;
};

static int cpv_format(const struct cpv_args *a);
static int cpv_nucleus(const struct cpv_args *a);
static int cpv_mdnucleus(const struct cpv_args *a);
static int cpv_list(const struct cpv_args *a);

static const struct cpv_cmd {
    const char *cc_name;
    int         cc_npos;      /* positional arguments */
    unsigned    cc_allowed;   /* CPV_BIT of each option it takes */
    unsigned    cc_required;
    int       (*cc_run)(const struct cpv_args *);
    const char *cc_usage;
} cpv_cmds[] = {
    { "format", 1,
      CPV_BIT(CPV_O_CYLS) | CPV_BIT(CPV_O_VOLSER) | CPV_BIT(CPV_O_AREA)
          | CPV_BIT(CPV_O_REPLACE),
      CPV_BIT(CPV_O_CYLS) | CPV_BIT(CPV_O_VOLSER), cpv_format,
      "format IMAGE --cyls N --volser VOLSER "
      "[--area TYPE:FIRST:COUNT[:NAME]]... [--replace]" },
    { "nucleus", 2, CPV_BIT(CPV_O_LOAD) | CPV_BIT(CPV_O_ENTRY),
      CPV_BIT(CPV_O_LOAD), cpv_nucleus,
      "nucleus IMAGE BINFILE --load ADDR [--entry ADDR]" },
    { "mdnucleus", 2,
      CPV_BIT(CPV_O_START) | CPV_BIT(CPV_O_CYLS) | CPV_BIT(CPV_O_LOAD) | CPV_BIT(CPV_O_ENTRY),
      CPV_BIT(CPV_O_START) | CPV_BIT(CPV_O_CYLS) | CPV_BIT(CPV_O_LOAD), cpv_mdnucleus,
      "mdnucleus IMAGE BINFILE --start CYL --cyls N --load ADDR [--entry ADDR]" },
    { "list", 1, 0, 0, cpv_list, "list IMAGE" },
};
#define CPV_NCMDS (sizeof cpv_cmds / sizeof cpv_cmds[0])

__attribute__((format(printf, 1, 2)))
static int cpv_err(const char *fmt, ...)
{
    va_list ap;

    fputs("cpvol: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return CPV_EXIT_ERR;
}

__attribute__((format(printf, 2, 3)))
static int cpv_usage(const struct cpv_cmd *cmd, const char *fmt, ...)
{
    va_list ap;

    fputs("cpvol: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    for (size_t i = 0; i < CPV_NCMDS; i++)
        if (cmd == NULL || cmd == &cpv_cmds[i])
            fprintf(stderr, "usage: cpvol %s\n", cpv_cmds[i].cc_usage);
    return CPV_EXIT_USAGE;
}

static int cpv_parse_opt(const struct cpv_cmd *cmd, int *i, int argc,
                         char **argv, struct cpv_args *a)
{
    const char *arg = argv[*i];
    int o;

    for (o = 0; o < CPV_O_COUNT; o++)
        if (strcmp(arg, cpv_opts[o].co_name) == 0)
            break;
    if (o == CPV_O_COUNT || !(cmd->cc_allowed & CPV_BIT(o)))
        return cpv_usage(cmd, "%s: unknown option %s", cmd->cc_name, arg);
    if (cpv_opts[o].co_value && *i + 1 >= argc)
        return cpv_usage(cmd, "%s needs a value", arg);
    if (o != CPV_O_AREA && a->ca_opt[o] != NULL)
        return cpv_usage(cmd, "%s given twice", arg);
    a->ca_opt[o] = cpv_opts[o].co_value ? argv[++*i] : "";
    if (o == CPV_O_AREA) {
        if (a->ca_nareas >= (int)VOL_MAP_MAX_AREAS)
            return cpv_usage(cmd, "more than %u areas", VOL_MAP_MAX_AREAS);
        a->ca_area[a->ca_nareas++] = a->ca_opt[o];
    }
    return 0;
}

static int cpv_parse(const struct cpv_cmd *cmd, int argc, char **argv,
                     struct cpv_args *a)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < argc; i++) {
        int rc;
        if (strncmp(argv[i], "--", 2) == 0) {
            if ((rc = cpv_parse_opt(cmd, &i, argc, argv, a)) != 0)
                return rc;
        } else if (a->ca_npos < cmd->cc_npos) {
            a->ca_pos[a->ca_npos++] = argv[i];
        } else {
            return cpv_usage(cmd, "%s: unexpected argument %s", cmd->cc_name,
                             argv[i]);
        }
    }
    if (a->ca_npos < cmd->cc_npos)
        return cpv_usage(cmd, "%s: missing arguments", cmd->cc_name);
    for (int o = 0; o < CPV_O_COUNT; o++)
        if ((cmd->cc_required & CPV_BIT(o)) && a->ca_opt[o] == NULL)
            return cpv_usage(cmd, "%s: %s is required", cmd->cc_name,
                             cpv_opts[o].co_name);
    return 0;
}

/* ---- values ---- */

static unsigned cpv_digit(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (unsigned)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (unsigned)(c - 'A' + 10);
    return 16;
}

/* Decimal, or hexadecimal after 0x; nothing else, and nothing over 32 bits. */
static bool cpv_number(const char *s, uint32_t *out)
{
    unsigned base = 10;
    uint64_t v = 0;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    if (*s == '\0')
        return false;
    for (; *s != '\0'; s++) {
        unsigned d = cpv_digit(*s);
        if (d >= base)
            return false;
        v = v * base + d;
        if (v > UINT32_MAX)
            return false;
    }
    *out = (uint32_t)v;
    return true;
}

static int cpv_opt_number(const struct cpv_args *a, int o, uint32_t *out)
{
    if (!cpv_number(a->ca_opt[o], out))
        return cpv_err("%s %s: not a number (decimal or 0x hex)",
                       cpv_opts[o].co_name, a->ca_opt[o]);
    return 0;
}

static void cpv_upcase(char *s)
{
    for (; *s != '\0'; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

/* "PAGE cylinders 50-149", for messages. */
static const char *cpv_area_desc(const struct vol_area *va, char *buf, size_t len)
{
    const struct volmap_type *t = volmap_type_by_id(va->va_type);
    int n;

    if (t != NULL)
        n = snprintf(buf, len, "%s", t->vt_name);
    else
        n = snprintf(buf, len, "type %u", va->va_type);
    if (va->va_count == 0)
        snprintf(buf + n, len - (size_t)n, " at cylinder %u, no cylinders",
                 va->va_first);
    else
        snprintf(buf + n, len - (size_t)n, " cylinders %u-%llu", va->va_first,
                 (unsigned long long)va->va_first + va->va_count - 1);
    return buf;
}

/* Report a volmap_validate failure, naming the areas it blames. */
static int cpv_map_error(const struct vol_map *map, int err, int area, int other)
{
    char d1[64], d2[64];

    if (area >= 0 && other >= 0)
        return cpv_err("area %d (%s) and area %d (%s): %s", other + 1,
                       cpv_area_desc(&map->vm_area[other], d2, sizeof d2),
                       area + 1, cpv_area_desc(&map->vm_area[area], d1, sizeof d1),
                       volmap_strerror(err));
    if (area >= 0 && err == VOLMAP_E_AREA_END)
        return cpv_err("area %d (%s): %s (cylinders 0-%u)", area + 1,
                       cpv_area_desc(&map->vm_area[area], d1, sizeof d1),
                       volmap_strerror(err), map->vm_cyls - 1);
    if (area >= 0)
        return cpv_err("area %d (%s): %s", area + 1,
                       cpv_area_desc(&map->vm_area[area], d1, sizeof d1),
                       volmap_strerror(err));
    return cpv_err("%s", volmap_strerror(err));
}

/* Split buf in place at each ':' into at most max fields; 0 if any is empty. */
static int cpv_split(char *buf, char **field, int max)
{
    int n = 0;

    for (char *p = buf; p != NULL && n < max; n++) {
        field[n] = p;
        if ((p = strchr(p, ':')) != NULL)
            *p++ = '\0';
        if (*field[n] == '\0' || (p != NULL && n + 1 == max))
            return 0;
    }
    return n;
}

/* TYPE:FIRST:COUNT[:NAME] onto the map. */
static int cpv_add_area(struct vol_map *map, const char *spec)
{
    char buf[64], *field[4];
    int n, err;
    const struct volmap_type *t;
    uint32_t first, count;

    if (strlen(spec) >= sizeof buf)
        return cpv_err("--area %s: too long", spec);
    strcpy(buf, spec);
    cpv_upcase(buf);
    n = cpv_split(buf, field, 4);
    if (n < 3)
        return cpv_err("--area %s: expected TYPE:FIRST:COUNT[:NAME]", spec);
    if ((t = volmap_type_by_name(field[0])) == NULL) {
        char names[64] = "";
        for (size_t i = 0; volmap_type_at(i) != NULL; i++)
            snprintf(names + strlen(names), sizeof names - strlen(names),
                     " %s", volmap_type_at(i)->vt_name);
        return cpv_err("--area %s: unknown area type %s (known:%s)", spec,
                       field[0], names);
    }
    if (!cpv_number(field[1], &first) || !cpv_number(field[2], &count))
        return cpv_err("--area %s: FIRST and COUNT must be numbers", spec);
    err = volmap_add_area(map, t->vt_type, first, count, n == 4 ? field[3] : NULL);
    if (err != VOLMAP_OK)
        return cpv_err("--area %s: %s", spec, volmap_strerror(err));
    return 0;
}

/* ---- records on the volume ---- */

static void cpv_key(uint8_t key[CPV_KEY_LEN], const char *ascii)
{
    ebc_from_ascii(key, ascii, CPV_KEY_LEN);
}

/* Cylinder 0 head 0: IPL1, IPL2, VOL1. */
static int cpv_write_labels(struct ckd_image *ci, const uint8_t *ipl1,
                            const uint8_t *ipl2, uint32_t ipl2_len,
                            const uint8_t *label)
{
    uint8_t k1[CPV_KEY_LEN], k2[CPV_KEY_LEN], k3[CPV_KEY_LEN];
    struct ckd_rec recs[3] = {
        { 1, CPV_KEY_LEN, VOLMAP_IPL1_LEN, k1, ipl1 },
        { 2, CPV_KEY_LEN, (uint16_t)ipl2_len, k2, ipl2 },
        { 3, CPV_KEY_LEN, VOL_LABEL_LEN, k3, label },
    };

    cpv_key(k1, "IPL1");
    cpv_key(k2, "IPL2");
    cpv_key(k3, "VOL1");
    return ckd_write_track(ci, 0, 0, recs, 3);
}

/* Cylinder 0 head 1: the allocation map. */
static int cpv_write_map(struct ckd_image *ci, const uint8_t *rec)
{
    struct ckd_rec r = { 1, 0, VOL_BLKSIZE, NULL, rec };

    return ckd_write_track(ci, 0, 1, &r, 1);
}

/* Read and check the volume's map and label. */
static int cpv_read_volume(struct ckd_image *ci, struct vol_map *map,
                           uint8_t label[VOL_LABEL_LEN], char volser[7])
{
    struct ckd_rec r;
    int err, area, other;

    if (ckd_read_record(ci, 0, 0, 3, &r) != 0)
        return cpv_err("%s", ckd_error(ci));
    err = r.cr_dlen == VOL_LABEL_LEN ? volmap_label_volser(r.cr_data, volser)
                                     : VOLMAP_E_LABEL;
    if (err != VOLMAP_OK)
        return cpv_err("%s: cylinder 0 head 0 R3: %s", ci->ci_path,
                       volmap_strerror(err));
    memcpy(label, r.cr_data, VOL_LABEL_LEN);
    if (ckd_read_record(ci, 0, 1, 1, &r) != 0)
        return cpv_err("not a CPCMS volume: %s", ckd_error(ci));
    if (r.cr_dlen != VOL_BLKSIZE)
        return cpv_err("%s: cylinder 0 head 1 R1 is not an allocation map",
                       ci->ci_path);
    if ((err = volmap_decode(r.cr_data, map)) != VOLMAP_OK)
        return cpv_err("%s: %s", ci->ci_path, volmap_strerror(err));
    if ((err = volmap_validate(map, &area, &other)) != VOLMAP_OK)
        return cpv_map_error(map, err, area, other);
    if (map->vm_cyls != ci->ci_cyls)
        return cpv_err("%s: the map says %u cylinders, the image has %u",
                       ci->ci_path, map->vm_cyls, ci->ci_cyls);
    return 0;
}

/* ---- format ---- */

/* Everything the new volume needs, checked, before any file is touched. */
static int cpv_format_plan(const struct cpv_args *a, struct vol_map *map,
                           uint8_t label[VOL_LABEL_LEN])
{
    char volser[16];
    uint32_t cyls;
    int err, area, other;

    if (cpv_opt_number(a, CPV_O_CYLS, &cyls) != 0)
        return CPV_EXIT_ERR;
    if (cyls < 1 || cyls > VOL_MAX_CYLS)
        return cpv_err("--cyls %s: a 3380 volume has 1 to %u cylinders",
                       a->ca_opt[CPV_O_CYLS], VOL_MAX_CYLS);
    snprintf(volser, sizeof volser, "%s", a->ca_opt[CPV_O_VOLSER]);
    cpv_upcase(volser);
    if ((err = volmap_label_build(label, volser)) != VOLMAP_OK)
        return cpv_err("--volser %s: %s", a->ca_opt[CPV_O_VOLSER],
                       volmap_strerror(err));
    volmap_init(map, cyls);
    for (int i = 0; i < a->ca_nareas; i++)
        if (cpv_add_area(map, a->ca_area[i]) != 0)
            return CPV_EXIT_ERR;
    if ((err = volmap_validate(map, &area, &other)) != VOLMAP_OK)
        return cpv_map_error(map, err, area, other);
    return 0;
}

/* Build IMAGE.tmp, then rename it over IMAGE. */
static int cpv_format(const struct cpv_args *a)
{
    const char *image = a->ca_pos[0];
    static struct vol_map map;
    static uint8_t maprec[VOL_BLKSIZE];
    uint8_t label[VOL_LABEL_LEN], ipl1[VOLMAP_IPL1_LEN], ipl2[VOLMAP_CCW_LEN];
    uint32_t ipl2_len;
    struct ckd_image ci;
    struct stat st;
    char *tmp;
    int rc;

    if ((rc = cpv_format_plan(a, &map, label)) != 0)
        return rc;
    if (stat(image, &st) == 0 && a->ca_opt[CPV_O_REPLACE] == NULL)
        return cpv_err("%s exists; use --replace to overwrite it", image);
    volmap_encode(&map, maprec);
    volmap_ipl_placeholder(ipl1, ipl2, &ipl2_len);
    if ((tmp = malloc(strlen(image) + 5)) == NULL)
        return cpv_err("out of memory");
    sprintf(tmp, "%s.tmp", image);
    unlink(tmp);   /* a leftover from an interrupted run */
    if (ckd_create(&ci, tmp, map.vm_cyls) != 0) {
        rc = cpv_err("%s", ckd_error(&ci));
    } else if (cpv_write_labels(&ci, ipl1, ipl2, ipl2_len, label) != 0
               || cpv_write_map(&ci, maprec) != 0 || ckd_close(&ci) != 0) {
        rc = cpv_err("%s", ckd_error(&ci));
        ckd_close(&ci);
        unlink(tmp);
    } else if (rename(tmp, image) != 0) {
        rc = cpv_err("cannot rename %s to %s: %s", tmp, image, strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return rc;
}

/* ---- nucleus ---- */

/* The whole binary, at most VOL_NUC_MAX_ADDR bytes (no nucleus can be
 * longer).  *buf is malloc'd. */
static int cpv_slurp(const char *path, uint8_t **buf, uint32_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t n;
    int failed;

    if (f == NULL)
        return cpv_err("%s: %s", path, strerror(errno));
    *buf = malloc(VOL_NUC_MAX_ADDR + 1);
    if (*buf == NULL) {
        fclose(f);
        return cpv_err("out of memory");
    }
    n = fread(*buf, 1, VOL_NUC_MAX_ADDR + 1, f);
    failed = ferror(f);
    fclose(f);
    if (failed || n > VOL_NUC_MAX_ADDR) {
        free(*buf);
        return failed ? cpv_err("%s: read error", path)
                      : cpv_err("%s: larger than 16 MiB", path);
    }
    *len = (uint32_t)n;
    return 0;
}

static int cpv_nucleus(const struct cpv_args *a)
{
    const char *image = a->ca_pos[0], *bin = a->ca_pos[1];
    static struct vol_map map;
    static uint8_t maprec[VOL_BLKSIZE], ipl2[VOL_IPL2_MAX];
    uint8_t label[VOL_LABEL_LEN], ipl1[VOLMAP_IPL1_LEN], *data = NULL;
    uint32_t load, entry, len = 0, ipl2_len;
    struct ckd_image ci;
    char volser[7];
    int err, rc;

    if (cpv_opt_number(a, CPV_O_LOAD, &load) != 0)
        return CPV_EXIT_ERR;
    entry = load;
    if (a->ca_opt[CPV_O_ENTRY] && cpv_opt_number(a, CPV_O_ENTRY, &entry) != 0)
        return CPV_EXIT_ERR;
    if ((rc = cpv_slurp(bin, &data, &len)) != 0)
        return rc;
    if (ckd_open(&ci, image, true) != 0) {
        free(data);
        return cpv_err("%s", ckd_error(&ci));
    }
    rc = cpv_read_volume(&ci, &map, label, volser);
    map.vm_nuc_len = len;
    map.vm_nuc_load = load;
    map.vm_nuc_entry = entry;
    if (rc == 0 && (err = volmap_ipl_build(&map, ipl1, ipl2, &ipl2_len)) != 0)
        rc = cpv_err("%s (%u bytes, load X'%X', entry X'%X'): %s", bin, len,
                     load, entry, volmap_strerror(err));
    if (rc == 0) {
        volmap_encode(&map, maprec);
        if (nuc_write(&ci, &map.vm_area[volmap_find_area(&map, VOL_AREA_NUC)], 0,
                              data, len) != 0
            || cpv_write_labels(&ci, ipl1, ipl2, ipl2_len, label) != 0
            || cpv_write_map(&ci, maprec) != 0 || ckd_close(&ci) != 0)
            rc = cpv_err("%s", ckd_error(&ci));
    }
    ckd_close(&ci);
    free(data);
    return rc;
}

/* ---- mdnucleus ---- */

/* The largest record a 3380 track holds next to the 24-byte IPL record
 * (ckd.c's capacity rule: each record takes roundup32(DL + 492) bytes of
 * the track's 47,968). */
#define CPV_MDNUC_MAX 47424u

/* A nucleus a virtual System/370 IPLs from a minidisk at cylinder CYL
 * (CMS on MAINT's 190): on the minidisk's first track, record 1 is the IPL
 * record (a BC-mode PSW at the entry: disabled, key 0, 24-bit; then one
 * READ DATA of record 2 to the load address) and record 2 the whole
 * nucleus. One record, because CP translates a guest's channel program
 * before it runs, so an IPL chain that reads CCWs and then branches to
 * them (the usual bootstrap) is refused as self-modifying (docs/ccw.md).
 * The rest of the minidisk is left alone. */
static int cpv_mdnucleus(const struct cpv_args *a)
{
    const char *image = a->ca_pos[0], *bin = a->ca_pos[1];
    uint8_t ipl1[VOLMAP_IPL1_LEN], *data = NULL;
    uint32_t start, cyls, load, entry, len = 0;
    struct ckd_image ci;
    int rc;

    if (cpv_opt_number(a, CPV_O_START, &start) != 0 || cpv_opt_number(a, CPV_O_CYLS, &cyls) != 0
        || cpv_opt_number(a, CPV_O_LOAD, &load) != 0)
        return CPV_EXIT_ERR;
    entry = load;
    if (a->ca_opt[CPV_O_ENTRY] && cpv_opt_number(a, CPV_O_ENTRY, &entry) != 0)
        return CPV_EXIT_ERR;
    if (cyls == 0 || start == 0 || start + cyls > VOL_MAX_CYLS)
        return cpv_err("no minidisk of %u cylinders at cylinder %u", cyls, start);
    if ((rc = cpv_slurp(bin, &data, &len)) != 0)
        return rc;
    if (len == 0 || len > CPV_MDNUC_MAX || load < 0x1000 || load + len > 0x1000000
        || entry < load || entry >= load + len || (entry & 1)) {
        free(data);
        return cpv_err("%s (%u bytes, load X'%X', entry X'%X'): must be 1 to %u bytes, "
                       "below 16M, with the entry inside", bin, len, load, entry, CPV_MDNUC_MAX);
    }
    memset(ipl1, 0, sizeof ipl1);
    ipl1[5] = (uint8_t)(entry >> 16);     /* BC PSW: the address in bytes 5-7 */
    ipl1[6] = (uint8_t)(entry >> 8);
    ipl1[7] = (uint8_t)entry;
    ipl1[8] = 0x06;                        /* READ DATA, SLI, to the load address */
    ipl1[9] = (uint8_t)(load >> 16);
    ipl1[10] = (uint8_t)(load >> 8);
    ipl1[11] = (uint8_t)load;
    ipl1[12] = 0x20;
    ipl1[14] = (uint8_t)(len >> 8);
    ipl1[15] = (uint8_t)len;
    if (ckd_open(&ci, image, true) != 0) {
        free(data);
        return cpv_err("%s", ckd_error(&ci));
    }
    if (start + cyls > ci.ci_cyls) {
        rc = cpv_err("%s has %u cylinders: no minidisk at %u-%u", image, ci.ci_cyls, start,
                     start + cyls - 1);
    } else {
        struct ckd_rec recs[2] = {
            { 1, 0, VOLMAP_IPL1_LEN, NULL, ipl1 },
            { 2, 0, (uint16_t)len, NULL, data },
        };
        if (ckd_write_track(&ci, start, 0, recs, 2) != 0 || ckd_close(&ci) != 0)
            rc = cpv_err("%s", ckd_error(&ci));
    }
    ckd_close(&ci);
    free(data);
    return rc;
}

/* ---- list ---- */

static int cpv_list(const struct cpv_args *a)
{
    static struct vol_map map;
    uint8_t label[VOL_LABEL_LEN];
    struct ckd_image ci;
    char volser[7];
    int rc;

    if (ckd_open(&ci, a->ca_pos[0], false) != 0)
        return cpv_err("%s", ckd_error(&ci));
    rc = cpv_read_volume(&ci, &map, label, volser);
    ckd_close(&ci);
    if (rc != 0)
        return rc;
    printf("volser   %s\n", volser);
    printf("device   %04X, %u cylinders of %u tracks, %u blocks of %u bytes a track\n",
           VOL_DEVTYPE, map.vm_cyls, map.vm_heads, map.vm_recs_per_track,
           map.vm_blksize);
    if (map.vm_nuc_len == 0)
        printf("nucleus  none\n");
    else
        printf("nucleus  %u bytes (%u blocks), load X'%08X', entry X'%08X'\n",
               map.vm_nuc_len, (map.vm_nuc_len + VOL_BLKSIZE - 1) / VOL_BLKSIZE,
               map.vm_nuc_load, map.vm_nuc_entry);
    printf("areas    %u\n", map.vm_nareas);
    if (map.vm_nareas > 0)
        printf("  %-6s %-8s %6s %6s %6s\n", "TYPE", "NAME", "FIRST", "LAST", "CYLS");
    for (uint32_t i = 0; i < map.vm_nareas; i++) {
        const struct vol_area *va = &map.vm_area[i];
        printf("  %-6s %-8s %6u %6u %6u\n", volmap_type_by_id(va->va_type)->vt_name,
               va->va_name, va->va_first, va->va_first + va->va_count - 1,
               va->va_count);
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct cpv_args args;
    int rc;

    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        for (size_t i = 0; i < CPV_NCMDS; i++)
            printf("usage: cpvol %s\n", cpv_cmds[i].cc_usage);
        return 0;
    }
    if (argc < 2)
        return cpv_usage(NULL, "no subcommand");
    for (size_t i = 0; i < CPV_NCMDS; i++) {
        if (strcmp(argv[1], cpv_cmds[i].cc_name) == 0) {
            if ((rc = cpv_parse(&cpv_cmds[i], argc - 2, argv + 2, &args)) != 0)
                return rc;
            return cpv_cmds[i].cc_run(&args);
        }
    }
    return cpv_usage(NULL, "unknown subcommand %s", argv[1]);
}
