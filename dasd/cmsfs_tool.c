/* cmsfs_tool.c: the host's way into a CMS minidisk inside a Hercules 3380
 * image (like cmsfs for real CMS disks): format it, list it, copy files in
 * and out (ASCII on the host, EBCDIC in CMS) and erase them.
 *
 *   cmsfs format IMAGE CYL N LABEL
 *   cmsfs list   IMAGE CYL N
 *   cmsfs write  IMAGE CYL N HOSTFILE FN FT [FM] [--recfm F|V] [--lrecl L]
 *   cmsfs read   IMAGE CYL N FN FT [HOSTFILE]
 *   cmsfs erase  IMAGE CYL N FN FT
 *
 * CYL and N are the minidisk's first cylinder and its size (as its MDISK
 * statement says). Text lines become records: F (the default, LRECL 80)
 * pads with blanks, V keeps each line's length. Errors: one line on stderr,
 * exit status 1; a malformed command line, 2.
 */
#define _POSIX_C_SOURCE 200809L
#define _FILE_OFFSET_BITS 64

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../cp/ebcdic.h"
#include "ckd.h"
#include "cmsfs.h"
#include "vol.h"

struct disk {
    struct ckd_image ci;
    uint32_t start, cyls;
};

static int fail(const char *f, const char *a)
{
    fprintf(stderr, "cmsfs: ");
    fprintf(stderr, f, a);
    fputc('\n', stderr);
    return 1;
}

static void where(const struct disk *d, uint32_t blk, uint32_t *cyl, uint32_t *head, unsigned *rec)
{
    uint32_t t = blk / CMSFS_PER_TRACK;
    *cyl = d->start + t / VOL_HEADS;
    *head = t % VOL_HEADS;
    *rec = blk % CMSFS_PER_TRACK + 1;
}

static int d_read(void *ctx, uint32_t blk, uint8_t buf[CMSFS_BLK])
{
    struct disk *d = ctx;
    struct ckd_rec r;
    uint32_t cyl, head;
    unsigned rec;
    where(d, blk, &cyl, &head, &rec);
    if (ckd_read_record(&d->ci, cyl, head, rec, &r) != 0 || r.cr_dlen != CMSFS_BLK)
        return -1;
    memcpy(buf, r.cr_data, CMSFS_BLK);
    return 0;
}

/* A block is one record of its track: the track is read and written back. */
static int d_write(void *ctx, uint32_t blk, const uint8_t buf[CMSFS_BLK])
{
    static uint8_t trk[CMSFS_PER_TRACK][CMSFS_BLK];
    struct disk *d = ctx;
    struct ckd_rec recs[CMSFS_PER_TRACK], r;
    uint32_t cyl, head;
    unsigned rec;
    where(d, blk, &cyl, &head, &rec);
    for (unsigned i = 0; i < CMSFS_PER_TRACK; i++) {
        if (i + 1 == rec)
            memcpy(trk[i], buf, CMSFS_BLK);
        else if (ckd_read_record(&d->ci, cyl, head, i + 1, &r) != 0 || r.cr_dlen != CMSFS_BLK)
            return -1;
        else
            memcpy(trk[i], r.cr_data, CMSFS_BLK);
        recs[i] = (struct ckd_rec){ (uint8_t)(i + 1), 0, CMSFS_BLK, NULL, trk[i] };
    }
    return ckd_write_track(&d->ci, cyl, head, recs, CMSFS_PER_TRACK);
}

static uint64_t tod_now(void)
{
    /* S/370 TOD: microseconds since 1900 in bits 0-51. */
    uint64_t us = (uint64_t)time(NULL) * 1000000u + 2208988800ull * 1000000u;
    return us << 12;
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static int format_tracks(struct disk *d)
{
    static uint8_t zero[CMSFS_BLK];
    struct ckd_rec recs[CMSFS_PER_TRACK];
    for (unsigned i = 0; i < CMSFS_PER_TRACK; i++)
        recs[i] = (struct ckd_rec){ (uint8_t)(i + 1), 0, CMSFS_BLK, NULL, zero };
    /* Track 0 keeps whatever IPL records it has. */
    for (uint32_t t = 1; t < d->cyls * VOL_HEADS; t++)
        if (ckd_write_track(&d->ci, d->start + t / VOL_HEADS, t % VOL_HEADS, recs, CMSFS_PER_TRACK))
            return -1;
    return 0;
}

static int do_write(struct cmsfs *fs, int argc, char **argv)
{
    static struct cmsfs_writer w;
    static char line[CMSFS_MAX_LRECL + 2];
    static uint8_t rec[CMSFS_MAX_LRECL];
    char recfm = 'F', fm = '1';
    unsigned long lrecl = 80;
    int pos = 0;
    const char *p[4] = { 0 };
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--recfm") == 0 && i + 1 < argc)
            recfm = (char)toupper((unsigned char)argv[++i][0]);
        else if (strcmp(argv[i], "--lrecl") == 0 && i + 1 < argc)
            lrecl = strtoul(argv[++i], NULL, 10);
        else if (pos < 4)
            p[pos++] = argv[i];
        else
            return 2;
    }
    if (pos < 3)
        return 2;
    if (pos == 4)
        fm = p[3][strlen(p[3]) - 1];
    char fn[16], ft[16];
    snprintf(fn, sizeof fn, "%s", p[1]);
    snprintf(ft, sizeof ft, "%s", p[2]);
    upper(fn);
    upper(ft);
    if (!isdigit((unsigned char)fm))
        fm = '1';
    if (recfm == 'V' && lrecl == 80)
        lrecl = 0;
    FILE *f = strcmp(p[0], "-") ? fopen(p[0], "r") : stdin;
    if (!f)
        return fail("%s", strerror(errno));
    int rc = cmsfs_create(fs, &w, fn, ft, fm, recfm, (uint32_t)lrecl);
    while (rc == 0 && fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        if (recfm == 'F' && n > lrecl) {
            cmsfs_abandon(&w);
            return fail("a line is longer than LRECL (%s)", p[0]);
        }
        ebc_from_ascii(rec, line, n);
        if (recfm == 'F') {
            memset(rec + n, 0x40, lrecl - n);
            n = lrecl;
        }
        rc = cmsfs_write(&w, rec, (uint32_t)n);
    }
    if (f != stdin)
        fclose(f);
    if (rc) {
        cmsfs_abandon(&w);
        return fail("%s", cmsfs_strerror(rc));
    }
    rc = cmsfs_close(&w, tod_now());
    return rc ? fail("%s", cmsfs_strerror(rc)) : 0;
}

static int do_read(struct cmsfs *fs, int argc, char **argv)
{
    static struct cmsfs_reader r;
    static uint8_t rec[CMSFS_MAX_LRECL];
    static char text[CMSFS_MAX_LRECL + 1];
    if (argc < 2 || argc > 3)
        return 2;
    char fn[16], ft[16];
    snprintf(fn, sizeof fn, "%s", argv[0]);
    snprintf(ft, sizeof ft, "%s", argv[1]);
    upper(fn);
    upper(ft);
    int rc = cmsfs_open(fs, fn, ft, &r);
    if (rc)
        return fail("%s", cmsfs_strerror(rc));
    FILE *f = argc == 3 && strcmp(argv[2], "-") ? fopen(argv[2], "w") : stdout;
    if (!f)
        return fail("%s", strerror(errno));
    uint32_t len;
    while ((rc = cmsfs_read(&r, rec, sizeof rec, &len)) == 1) {
        ebc_to_ascii(text, rec, len);
        while (len && text[len - 1] == ' ')
            len--;
        text[len] = '\0';
        fprintf(f, "%s\n", text);
    }
    if (f != stdout)
        fclose(f);
    return rc < 0 ? fail("%s", cmsfs_strerror(rc)) : 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: cmsfs format IMAGE CYL N LABEL\n"
                    "       cmsfs list   IMAGE CYL N\n"
                    "       cmsfs write  IMAGE CYL N HOSTFILE FN FT [FM] [--recfm F|V] [--lrecl L]\n"
                    "       cmsfs read   IMAGE CYL N FN FT [HOSTFILE]\n"
                    "       cmsfs erase  IMAGE CYL N FN FT\n");
    return 2;
}

int main(int argc, char **argv)
{
    static struct disk d;
    static struct cmsfs fs;
    if (argc < 5)
        return usage();
    const char *cmd = argv[1];
    char *end;
    d.start = (uint32_t)strtoul(argv[3], &end, 10);
    if (*end || !d.start)
        return usage();
    d.cyls = (uint32_t)strtoul(argv[4], &end, 10);
    if (*end || !d.cyls)
        return usage();
    bool writes = strcmp(cmd, "list") && strcmp(cmd, "read");
    if (ckd_open(&d.ci, argv[2], writes) != 0)
        return fail("%s", ckd_error(&d.ci));
    if (d.start + d.cyls > d.ci.ci_cyls)
        return fail("the minidisk is not inside %s", argv[2]);
    struct cmsfs_io io = { &d, d_read, d_write };
    uint32_t nblocks = d.cyls * CMSFS_PER_CYL;
    int rc;
    if (strcmp(cmd, "format") == 0) {
        if (argc != 6)
            return usage();
        char label[8];
        snprintf(label, sizeof label, "%s", argv[5]);
        upper(label);
        if (format_tracks(&d) != 0)
            return fail("%s", ckd_error(&d.ci));
        rc = cmsfs_format(&fs, &io, nblocks, label, tod_now());
        rc = rc ? fail("%s", cmsfs_strerror(rc)) : 0;
    } else if ((rc = cmsfs_mount(&fs, &io, nblocks, !writes)) != 0) {
        rc = fail("%s", cmsfs_strerror(rc));
    } else if (strcmp(cmd, "list") == 0) {
        struct cmsfs_file f;
        printf("LABEL %s  %u FILES  %u OF %u BLOCKS USED\n", fs.volid, fs.nfiles, cmsfs_used(&fs),
               fs.nblocks);
        for (uint32_t i = 0; cmsfs_file(&fs, i, &f); i++)
            printf("%-8s %-8s %c%c %c %5u %6u %5u\n", f.fn, f.ft, 'A', f.fmnum, f.recfm, f.lrecl,
                   f.records, f.blocks);
        rc = 0;
    } else if (strcmp(cmd, "write") == 0) {
        rc = do_write(&fs, argc - 5, argv + 5);
        if (rc == 2)
            usage();
    } else if (strcmp(cmd, "read") == 0) {
        rc = do_read(&fs, argc - 5, argv + 5);
        if (rc == 2)
            usage();
    } else if (strcmp(cmd, "erase") == 0 && argc == 7) {
        char fn[16], ft[16];
        snprintf(fn, sizeof fn, "%s", argv[5]);
        snprintf(ft, sizeof ft, "%s", argv[6]);
        upper(fn);
        upper(ft);
        rc = cmsfs_erase(&fs, fn, ft);
        rc = rc ? fail("%s", cmsfs_strerror(rc)) : 0;
    } else {
        rc = usage();
    }
    if (ckd_close(&d.ci) != 0 && rc == 0)
        rc = fail("%s", ckd_error(&d.ci));
    return rc;
}
