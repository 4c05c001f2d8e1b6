/* test_ckd.c: dasd/ckd.c against the Hercules CKD image format.
 *
 * Images live in a private temporary directory made when the suite starts
 * and removed when it ends.  Expected header bytes are the ones Hercules'
 * dasdinit writes for a 3380 (`dasdinit -a t.3380 3380 TEST01 2`).
 */
#define _POSIX_C_SOURCE 200809L
#define _FILE_OFFSET_BITS 64

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <CUnit/CUnit.h>

#include "../../dasd/ckd.h"

void suite_ckd(void);

static char tmpdir[64];
static char pathbuf[512];

static const char *tpath(const char *name)
{
    snprintf(pathbuf, sizeof pathbuf, "%s/%s", tmpdir, name);
    return pathbuf;
}

static int ckd_suite_init(void)
{
    strcpy(tmpdir, "/tmp/cpcms-ckd-XXXXXX");
    return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int ckd_suite_clean(void)
{
    DIR *d = opendir(tmpdir);
    struct dirent *e;

    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(tpath(e->d_name));
    closedir(d);
    return rmdir(tmpdir);
}

#define TRK   CKD_3380_TRKSIZE
#define CYLSZ ((off_t)CKD_3380_HEADS * TRK)

/* Bytes straight from the file, bypassing ckd.c. */
static void raw_read(const char *path, off_t off, void *buf, size_t len)
{
    int fd = open(path, O_RDONLY);

    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(pread(fd, buf, len, off) == (ssize_t)len);
    close(fd);
}

static off_t track_off(uint32_t cyl, uint32_t head)
{
    return CKD_DEVHDR_LEN + ((off_t)cyl * CKD_3380_HEADS + head) * TRK;
}

static void write_file(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");

    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT(fwrite(buf, 1, len, f) == len);
    fclose(f);
}

/* ---- create ---- */

static const struct hdr_row {
    unsigned      off, len;
    const uint8_t bytes[8];
} hdr_rows[] = {
    { 0,  8, { 'C', 'K', 'D', '_', 'P', '3', '7', '0' } },
    { 8,  4, { 0x0F, 0x00, 0x00, 0x00 } },      /* 15 heads, little-endian  */
    { 12, 4, { 0x00, 0xBA, 0x00, 0x00 } },      /* 47616 bytes a track      */
    { 16, 1, { 0x80 } },                        /* device type 3380         */
    { 17, 1, { 0x00 } },                        /* file sequence 0          */
    { 18, 2, { 0x00, 0x00 } },                  /* highest cylinder 0       */
};

static void test_create_header(void)
{
    struct ckd_image ci;
    uint8_t hdr[CKD_DEVHDR_LEN];
    struct stat st;

    CU_ASSERT_EQUAL_FATAL(ckd_create(&ci, tpath("hdr.3380"), 2), 0);
    CU_ASSERT_EQUAL(ckd_close(&ci), 0);
    raw_read(tpath("hdr.3380"), 0, hdr, sizeof hdr);
    for (size_t r = 0; r < sizeof hdr_rows / sizeof hdr_rows[0]; r++)
        CU_ASSERT(memcmp(hdr + hdr_rows[r].off, hdr_rows[r].bytes, hdr_rows[r].len) == 0);
    for (size_t i = 20; i < sizeof hdr; i++)
        CU_ASSERT_EQUAL(hdr[i], 0);
    CU_ASSERT_EQUAL(stat(tpath("hdr.3380"), &st), 0);
    CU_ASSERT_EQUAL(st.st_size, 512 + 2 * CYLSZ);
}

/* Every fresh track: header, R0 with 8 zero bytes, end marker, zeros. */
static void test_create_tracks(void)
{
    struct ckd_image ci;
    static uint8_t raw[TRK], want[TRK];
    struct ckd_rec r;

    CU_ASSERT_EQUAL_FATAL(ckd_create(&ci, tpath("fresh.3380"), 2), 0);
    CU_ASSERT_EQUAL(ckd_close(&ci), 0);
    for (uint32_t c = 0; c < 2; c++) {
        for (uint32_t h = 0; h < CKD_3380_HEADS; h++) {
            const uint8_t head[] = { 0, 0, (uint8_t)c, 0, (uint8_t)h,
                                     0, (uint8_t)c, 0, (uint8_t)h, 0, 0, 0, 8 };
            memset(want, 0, sizeof want);
            memcpy(want, head, sizeof head);
            memset(want + 21, 0xFF, 8);
            raw_read(tpath("fresh.3380"), track_off(c, h), raw, TRK);
            CU_ASSERT(memcmp(raw, want, TRK) == 0);
        }
    }
    CU_ASSERT_EQUAL_FATAL(ckd_open(&ci, tpath("fresh.3380"), false), 0);
    CU_ASSERT_EQUAL(ckd_read_record(&ci, 1, 14, 0, &r), 0);
    CU_ASSERT_EQUAL(r.cr_dlen, 8);
    CU_ASSERT_EQUAL(ckd_read_record(&ci, 1, 14, 1, &r), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ckd_error(&ci), "no record 1"));
    ckd_close(&ci);
}

/* A 100-cylinder image (71 MB) takes only the blocks its R0s touch. */
static void test_create_sparse(void)
{
    struct ckd_image ci;
    struct stat st;

    CU_ASSERT_EQUAL_FATAL(ckd_create(&ci, tpath("big.3380"), 100), 0);
    CU_ASSERT_EQUAL(ckd_close(&ci), 0);
    CU_ASSERT_EQUAL_FATAL(stat(tpath("big.3380"), &st), 0);
    CU_ASSERT_EQUAL(st.st_size, 512 + 100 * CYLSZ);
    CU_ASSERT((off_t)st.st_blocks * 512 < st.st_size / 4);
    unlink(tpath("big.3380"));
}

static void test_create_refused(void)
{
    struct ckd_image ci;
    struct stat st;

    write_file(tpath("taken"), "keep me", 7);
    CU_ASSERT_EQUAL(ckd_create(&ci, tpath("taken"), 2), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ckd_error(&ci), "cannot create"));
    CU_ASSERT_EQUAL(stat(tpath("taken"), &st), 0);
    CU_ASSERT_EQUAL(st.st_size, 7);
    CU_ASSERT_EQUAL(ckd_create(&ci, tpath("zero.3380"), 0), -1);
    CU_ASSERT_EQUAL(ckd_create(&ci, tpath("huge.3380"), CKD_3380_MAX_CYLS + 1), -1);
    CU_ASSERT_NOT_EQUAL(stat(tpath("zero.3380"), &st), 0);
    CU_ASSERT_NOT_EQUAL(stat(tpath("huge.3380"), &st), 0);
}

/* ---- open ---- */

/* Files that are not single-file 3380 images: a header patch, a size. */
static const struct open_row {
    const char   *what;
    unsigned      off, len;
    const uint8_t patch[8];
    off_t         size;           /* 0: one cylinder */
    const char   *msg;
} open_rows[] = {
    { "good", 0, 0, { 0 }, 0, NULL },
    { "compressed", 0, 8, { 'C', 'K', 'D', '_', 'C', '3', '7', '0' }, 0, "CCKD" },
    { "not CKD", 0, 4, { 'F', 'B', 'A', '_' }, 0, "not a Hercules CKD image" },
    { "3390", 12, 4, { 0x00, 0xDE, 0x00, 0x00 }, 0, "not a 3380" },
    { "device type", 16, 1, { 0x90 }, 0, "not a 3380" },
    { "30 heads", 8, 1, { 30 }, 0, "not a 3380" },
    { "multi-file", 17, 1, { 1 }, 0, "multi-file" },
    { "high cylinder", 18, 2, { 5, 0 }, 0, "multi-file" },
    { "header only", 0, 0, { 0 }, 512, "whole 3380 cylinders" },
    { "a track short", 0, 0, { 0 }, 512 + 14 * TRK, "whole 3380 cylinders" },
    { "a track over", 0, 0, { 0 }, 512 + 16 * TRK, "whole 3380 cylinders" },
    { "too short", 0, 0, { 0 }, 100, "too short" },
};

static void test_open_rows(void)
{
    struct ckd_image ci;

    for (size_t r = 0; r < sizeof open_rows / sizeof open_rows[0]; r++) {
        const struct open_row *row = &open_rows[r];
        const char *p = tpath("open.3380");
        unlink(p);
        CU_ASSERT_EQUAL_FATAL(ckd_create(&ci, p, 1), 0);
        ckd_close(&ci);
        if (row->len > 0) {
            int fd = open(p, O_WRONLY);
            CU_ASSERT(pwrite(fd, row->patch, row->len, row->off) == (ssize_t)row->len);
            close(fd);
        }
        if (row->size != 0)
            CU_ASSERT_EQUAL(truncate(p, row->size), 0);
        if (row->msg == NULL) {
            CU_ASSERT_EQUAL(ckd_open(&ci, p, false), 0);
            CU_ASSERT_EQUAL(ci.ci_cyls, 1);
            CU_ASSERT_EQUAL(ci.ci_heads, 15);
            CU_ASSERT_EQUAL(ci.ci_trksize, TRK);
            ckd_close(&ci);
            continue;
        }
        CU_ASSERT_EQUAL(ckd_open(&ci, p, false), -1);
        if (strstr(ckd_error(&ci), row->msg) == NULL)
            printf("\n  open row \"%s\": got \"%s\"\n", row->what, ckd_error(&ci));
        CU_ASSERT_PTR_NOT_NULL(strstr(ckd_error(&ci), row->msg));
    }
    CU_ASSERT_EQUAL(ckd_open(&ci, tpath("missing.3380"), false), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ckd_error(&ci), "cannot open"));
}

/* ---- writing and reading tracks ---- */

#define MAXRECS 12

/* A track layout: n records of the given key and data lengths, R1 up. */
static const struct layout_row {
    const char *what;
    size_t      n;
    uint8_t     klen;
    uint16_t    dlen[MAXRECS];    /* 0 after the last: repeat dlen[0] */
    bool        fits;
} layout_rows[] = {
    { "the label track", 3, 4, { 24, 144, 80 }, true },
    { "one page", 1, 0, { 4096 }, true },
    { "ten pages", 10, 0, { 4096 }, true },
    { "an empty data record", 1, 0, { 0 }, true },
    { "longest record", 1, 0, { 47476 }, true },
    { "no records", 0, 0, { 0 }, true },
    { "eleven pages", 11, 0, { 4096 }, false },
    { "record one byte too long", 1, 0, { 47477 }, false },
    { "ten keyed pages", 10, 8, { 4096 }, false },
    { "nine keyed pages", 9, 8, { 4096 }, true },
};

static uint8_t layout_buf[MAXRECS][2][47480];

/* Records for a row, with contents that differ by row, record and byte. */
static void make_recs(size_t row, struct ckd_rec *recs)
{
    const struct layout_row *l = &layout_rows[row];

    for (size_t i = 0; i < l->n; i++) {
        uint16_t dlen = l->dlen[i] ? l->dlen[i] : l->dlen[0];
        for (size_t b = 0; b < sizeof layout_buf[i][0]; b++) {
            layout_buf[i][0][b] = (uint8_t)(row * 31 + i * 7 + b);
            layout_buf[i][1][b] = (uint8_t)(row * 17 + i * 3 + b * 5);
        }
        recs[i] = (struct ckd_rec){ (uint8_t)(i + 1), l->klen, dlen,
                                    layout_buf[i][0], layout_buf[i][1] };
    }
}

static void test_write_read(void)
{
    struct ckd_image ci;
    struct ckd_rec recs[MAXRECS], got;
    static uint8_t before[TRK], after[TRK];
    const char *p = tpath("rw.3380");

    unlink(p);
    CU_ASSERT_EQUAL_FATAL(ckd_create(&ci, p, 2), 0);
    ckd_close(&ci);
    for (size_t r = 0; r < sizeof layout_rows / sizeof layout_rows[0]; r++) {
        const struct layout_row *l = &layout_rows[r];
        make_recs(r, recs);
        raw_read(p, track_off(1, 7), before, TRK);
        CU_ASSERT_EQUAL_FATAL(ckd_open(&ci, p, true), 0);
        CU_ASSERT_EQUAL(ckd_write_track(&ci, 1, 7, recs, l->n), l->fits ? 0 : -1);
        ckd_close(&ci);
        raw_read(p, track_off(1, 7), after, TRK);
        if (!l->fits) {
            /* refused: the track is exactly as it was */
            CU_ASSERT(memcmp(before, after, TRK) == 0);
            continue;
        }
        /* read back through a fresh open, so it came from the file */
        CU_ASSERT_EQUAL_FATAL(ckd_open(&ci, p, false), 0);
        for (size_t i = 0; i < l->n; i++) {
            CU_ASSERT_EQUAL_FATAL(ckd_read_record(&ci, 1, 7, (unsigned)i + 1, &got), 0);
            CU_ASSERT_EQUAL(got.cr_rec, i + 1);
            CU_ASSERT_EQUAL(got.cr_klen, recs[i].cr_klen);
            CU_ASSERT_EQUAL_FATAL(got.cr_dlen, recs[i].cr_dlen);
            CU_ASSERT(memcmp(got.cr_key, recs[i].cr_key, got.cr_klen) == 0);
            CU_ASSERT(memcmp(got.cr_data, recs[i].cr_data, got.cr_dlen) == 0);
            /* the count field names the track itself */
            CU_ASSERT(memcmp(got.cr_key - 8, "\0\1\0\7", 4) == 0);
        }
        CU_ASSERT_EQUAL(ckd_read_record(&ci, 1, 7, (unsigned)l->n + 1, &got), -1);
        ckd_close(&ci);
    }
}

/* Bad record numbers are refused before anything is written. */
static const struct number_row {
    size_t  n;
    uint8_t rec[3];
} number_rows[] = {
    { 1, { 0 } },           /* R0 belongs to ckd.c */
    { 2, { 2, 1 } },        /* falling             */
    { 2, { 1, 1 } },        /* repeated            */
};

static void test_record_numbers(void)
{
    struct ckd_image ci;
    static uint8_t before[TRK], after[TRK];
    const char *p = tpath("num.3380");

    unlink(p);
    CU_ASSERT_EQUAL_FATAL(ckd_create(&ci, p, 1), 0);
    for (size_t r = 0; r < sizeof number_rows / sizeof number_rows[0]; r++) {
        struct ckd_rec recs[3];
        for (size_t i = 0; i < number_rows[r].n; i++)
            recs[i] = (struct ckd_rec){ number_rows[r].rec[i], 0, 16, NULL, NULL };
        raw_read(p, track_off(0, 3), before, TRK);
        CU_ASSERT_EQUAL(ckd_write_track(&ci, 0, 3, recs, number_rows[r].n), -1);
        CU_ASSERT_PTR_NOT_NULL(strstr(ckd_error(&ci), "rising from R1"));
        raw_read(p, track_off(0, 3), after, TRK);
        CU_ASSERT(memcmp(before, after, TRK) == 0);
    }
    ckd_close(&ci);
}

/* Addresses outside the image, and writes to a read-only open. */
static void test_bounds(void)
{
    struct ckd_image ci;
    const uint8_t *trk;
    struct ckd_rec r = { 1, 0, 8, NULL, NULL };
    const char *p = tpath("bounds.3380");

    unlink(p);
    CU_ASSERT_EQUAL_FATAL(ckd_create(&ci, p, 2), 0);
    CU_ASSERT_EQUAL(ckd_read_track(&ci, 1, 14, &trk), 0);
    CU_ASSERT_EQUAL(ckd_read_track(&ci, 2, 0, &trk), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ckd_error(&ci), "outside the image"));
    CU_ASSERT_EQUAL(ckd_read_track(&ci, 0, 15, &trk), -1);
    CU_ASSERT_EQUAL(ckd_write_track(&ci, 2, 0, &r, 1), -1);
    CU_ASSERT_EQUAL(ckd_write_track(&ci, 1, 15, &r, 1), -1);
    ckd_close(&ci);
    CU_ASSERT_EQUAL_FATAL(ckd_open(&ci, p, false), 0);
    CU_ASSERT_EQUAL(ckd_write_track(&ci, 0, 0, &r, 1), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ckd_error(&ci), "read-only"));
    ckd_close(&ci);
}

static const struct {
    const char *name;
    CU_TestFunc fn;
} ckd_tests[] = {
    { "create: header as dasdinit writes it", test_create_header },
    { "create: every track formatted", test_create_tracks },
    { "create: sparse file", test_create_sparse },
    { "create: refused", test_create_refused },
    { "open: header and size checks", test_open_rows },
    { "write and read back tracks", test_write_read },
    { "record numbers", test_record_numbers },
    { "track addresses and read-only", test_bounds },
};

void suite_ckd(void)
{
    CU_pSuite s = CU_add_suite("ckd", ckd_suite_init, ckd_suite_clean);

    if (s == NULL)
        return;
    for (size_t i = 0; i < sizeof ckd_tests / sizeof ckd_tests[0]; i++)
        CU_add_test(s, ckd_tests[i].name, ckd_tests[i].fn);
}
