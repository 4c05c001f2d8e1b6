/* test_cmsfs.c: dasd/cmsfs.c on a disk in storage: format and mount,
 * fixed and variable records (LRECL up to 65535), replace, erase, rename,
 * a full disk, and crashes at every write of an update, after which the
 * disk mounts with the old file or the new one, whole, and nothing lost. */
#include <stdlib.h>
#include <string.h>
#include <CUnit/CUnit.h>
#include "../../dasd/cmsfs.h"

void suite_cmsfs(void);

#define NBLK 1500u                  /* a 10-cylinder minidisk */

struct memdisk {
    uint8_t *b;
    uint32_t n;
    long     writes_left;           /* < 0: no crash */
};

static int md_read(void *ctx, uint32_t blk, uint8_t buf[CMSFS_BLK])
{
    struct memdisk *d = ctx;
    if (blk >= d->n)
        return -1;
    memcpy(buf, d->b + (size_t)blk * CMSFS_BLK, CMSFS_BLK);
    return 0;
}

static int md_write(void *ctx, uint32_t blk, const uint8_t buf[CMSFS_BLK])
{
    struct memdisk *d = ctx;
    if (blk >= d->n || d->writes_left == 0)
        return -1;                  /* the machine stopped: nothing more reaches the disk */
    if (d->writes_left > 0)
        d->writes_left--;
    memcpy(d->b + (size_t)blk * CMSFS_BLK, buf, CMSFS_BLK);
    return 0;
}

static struct memdisk disk;
static struct cmsfs fs;
static struct cmsfs_io io = { &disk, md_read, md_write };

static void fresh(uint32_t n)
{
    free(disk.b);
    disk.b = calloc(n, CMSFS_BLK);
    disk.n = n;
    disk.writes_left = -1;
    CU_ASSERT_FATAL(cmsfs_format(&fs, &io, n, "TEST01", 0) == CMSFS_OK);
}

/* A file of n records "fn ft" whose record k holds k's bytes. */
static int write_file(const char *fn, const char *ft, char recfm, uint32_t lrecl, uint32_t n,
                      uint8_t seed)
{
    static struct cmsfs_writer w;
    static uint8_t rec[65535];
    int rc = cmsfs_create(&fs, &w, fn, ft, '1', recfm, lrecl);
    for (uint32_t k = 0; rc == 0 && k < n; k++) {
        uint32_t len = recfm == 'F' ? lrecl : (k * 37) % (lrecl + 1);
        for (uint32_t i = 0; i < len; i++)
            rec[i] = (uint8_t)(seed + k + i);
        rc = cmsfs_write(&w, rec, len);
    }
    if (rc) {
        cmsfs_abandon(&w);
        return rc;
    }
    return cmsfs_close(&w, 0x1234);
}

/* 1 if the file reads back as write_file made it, 0 if not. */
static int check_file(const char *fn, const char *ft, char recfm, uint32_t lrecl, uint32_t n,
                      uint8_t seed)
{
    static struct cmsfs_reader r;
    static uint8_t rec[65535];
    uint32_t len;
    if (cmsfs_open(&fs, fn, ft, &r) != CMSFS_OK)
        return 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t want = recfm == 'F' ? lrecl : (k * 37) % (lrecl + 1);
        if (cmsfs_read(&r, rec, sizeof rec, &len) != 1 || len != want)
            return 0;
        for (uint32_t i = 0; i < len; i++)
            if (rec[i] != (uint8_t)(seed + k + i))
                return 0;
    }
    return cmsfs_read(&r, rec, sizeof rec, &len) == 0 && r.f.records == n;
}

static void test_format_mount(void)
{
    fresh(NBLK);
    uint32_t used = cmsfs_used(&fs);
    CU_ASSERT(used >= CMSFS_FIRST_FREE && used < CMSFS_FIRST_FREE + 4);
    CU_ASSERT(cmsfs_mount(&fs, &io, NBLK, false) == CMSFS_OK);
    CU_ASSERT_STRING_EQUAL(fs.volid, "TEST01");
    CU_ASSERT_EQUAL(fs.nfiles, 0);
    CU_ASSERT_EQUAL(cmsfs_used(&fs), used);
    /* Another size, or a blank disk, is not this file system. */
    CU_ASSERT(cmsfs_mount(&fs, &io, NBLK - 150, false) == CMSFS_E_NOTFMT);
    memset(disk.b, 0, (size_t)NBLK * CMSFS_BLK);
    CU_ASSERT(cmsfs_mount(&fs, &io, NBLK, false) == CMSFS_E_NOTFMT);
    CU_ASSERT(cmsfs_format(&fs, &io, NBLK, "", 0) == CMSFS_E_BADID);
    CU_ASSERT(cmsfs_format(&fs, &io, 5, "X", 0) == CMSFS_E_SIZE);
}

static void test_records(void)
{
    fresh(NBLK);
    CU_ASSERT(write_file("PROFILE", "EXEC", 'F', 80, 100, 1) == CMSFS_OK);
    CU_ASSERT(write_file("BIG", "DATA", 'V', 65535, 40, 2) == CMSFS_OK);   /* 1.3 MB, 3 pointer blocks */
    CU_ASSERT(write_file("EMPTY", "FILE", 'V', 0, 0, 3) == CMSFS_OK);
    CU_ASSERT(cmsfs_mount(&fs, &io, NBLK, false) == CMSFS_OK);
    CU_ASSERT_EQUAL(fs.nfiles, 3);
    CU_ASSERT(check_file("PROFILE", "EXEC", 'F', 80, 100, 1));
    CU_ASSERT(check_file("BIG", "DATA", 'V', 65535, 40, 2));
    CU_ASSERT(check_file("EMPTY", "FILE", 'V', 0, 0, 3));
    struct cmsfs_file f;
    int i = cmsfs_find(&fs, "PROFILE", "EXEC");
    CU_ASSERT_FATAL(i >= 0 && cmsfs_file(&fs, (uint32_t)i, &f));
    CU_ASSERT(f.recfm == 'F' && f.lrecl == 80 && f.records == 100 && f.bytes == 8000 && f.fmnum == '1');
    CU_ASSERT_EQUAL(f.blocks, 2 + 1);               /* two data blocks and a pointer block */
    CU_ASSERT_EQUAL(f.tod, 0x1234);
    /* Bad ids and records. */
    static struct cmsfs_writer w;
    CU_ASSERT(cmsfs_create(&fs, &w, "TOOLONGNAME", "X", '1', 'F', 80) == CMSFS_E_BADID);
    CU_ASSERT(cmsfs_create(&fs, &w, "A.B", "X", '1', 'F', 80) == CMSFS_E_BADID);
    CU_ASSERT(cmsfs_create(&fs, &w, "A", "X", '1', 'F', 0) == CMSFS_E_BADREC);
    CU_ASSERT(cmsfs_create(&fs, &w, "A", "X", '1', 'F', 10) == CMSFS_OK);
    CU_ASSERT(cmsfs_write(&w, (const uint8_t *)"SHORT", 5) == CMSFS_E_BADREC);
    cmsfs_abandon(&w);
}

static void test_replace_erase_rename(void)
{
    fresh(NBLK);
    uint32_t base = cmsfs_used(&fs);
    CU_ASSERT(write_file("A", "FILE", 'F', 80, 500, 7) == CMSFS_OK);
    uint32_t with_a = cmsfs_used(&fs);
    CU_ASSERT(write_file("A", "FILE", 'F', 80, 10, 8) == CMSFS_OK);   /* replaced */
    CU_ASSERT_EQUAL(fs.nfiles, 1);
    CU_ASSERT(check_file("A", "FILE", 'F', 80, 10, 8));
    CU_ASSERT(cmsfs_used(&fs) < with_a);
    CU_ASSERT(write_file("B", "FILE", 'V', 200, 30, 9) == CMSFS_OK);
    CU_ASSERT(cmsfs_rename(&fs, "B", "FILE", "A", "FILE", '1') == CMSFS_E_EXISTS);
    CU_ASSERT(cmsfs_rename(&fs, "B", "FILE", "C", "TEXT", '2') == CMSFS_OK);
    CU_ASSERT(cmsfs_find(&fs, "B", "FILE") == CMSFS_E_NOTFOUND);
    CU_ASSERT(check_file("C", "TEXT", 'V', 200, 30, 9));
    CU_ASSERT(cmsfs_erase(&fs, "A", "FILE") == CMSFS_OK);
    CU_ASSERT(cmsfs_erase(&fs, "A", "FILE") == CMSFS_E_NOTFOUND);
    CU_ASSERT(cmsfs_erase(&fs, "C", "TEXT") == CMSFS_OK);
    CU_ASSERT_EQUAL(fs.nfiles, 0);
    CU_ASSERT_EQUAL(cmsfs_used(&fs), base);           /* every block came back */
    /* Many files: the directory grows past one block. */
    char fn[9];
    for (int k = 0; k < 150; k++) {
        snprintf(fn, sizeof fn, "F%03d", k);
        CU_ASSERT_FATAL(write_file(fn, "LIST", 'F', 10, 1, (uint8_t)k) == CMSFS_OK);
    }
    CU_ASSERT(cmsfs_mount(&fs, &io, NBLK, true) == CMSFS_OK);
    CU_ASSERT_EQUAL(fs.nfiles, 150);
    CU_ASSERT(check_file("F149", "LIST", 'F', 10, 1, 149));
    CU_ASSERT(write_file("NEW", "FILE", 'F', 10, 1, 1) == CMSFS_E_RDONLY);
}

static void test_full(void)
{
    fresh(150);                                         /* one cylinder */
    CU_ASSERT(write_file("HUGE", "FILE", 'F', 4096, 1000, 1) == CMSFS_E_FULL);
    CU_ASSERT_EQUAL(fs.nfiles, 0);
    CU_ASSERT(write_file("SMALL", "FILE", 'F', 80, 10, 1) == CMSFS_OK);
    CU_ASSERT(check_file("SMALL", "FILE", 'F', 80, 10, 1));
}

/* Crash at every write of replacing a file: the disk always mounts with
 * either the old file or the new one, whole. */
static void test_crash(void)
{
    int olds = 0, news = 0;
    for (long n = 0; n < 40; n++) {
        fresh(NBLK);
        CU_ASSERT_FATAL(write_file("KEEP", "ME", 'F', 80, 200, 5) == CMSFS_OK);
        CU_ASSERT_FATAL(write_file("DOC", "TEXT", 'V', 300, 100, 1) == CMSFS_OK);
        disk.writes_left = n;
        int rc = write_file("DOC", "TEXT", 'V', 300, 150, 2);
        disk.writes_left = -1;
        CU_ASSERT_FATAL(cmsfs_mount(&fs, &io, NBLK, false) == CMSFS_OK);
        CU_ASSERT(check_file("KEEP", "ME", 'F', 80, 200, 5));
        bool old = check_file("DOC", "TEXT", 'V', 300, 100, 1);
        bool new = check_file("DOC", "TEXT", 'V', 300, 150, 2);
        CU_ASSERT(old != new);
        CU_ASSERT(rc == CMSFS_OK ? new : old);
        olds += old;
        news += new;
        /* And the disk goes on working. */
        CU_ASSERT(write_file("AFTER", "CRASH", 'F', 80, 5, 3) == CMSFS_OK);
        CU_ASSERT(check_file("AFTER", "CRASH", 'F', 80, 5, 3));
    }
    CU_ASSERT(olds > 0 && news > 0);
}

void suite_cmsfs(void)
{
    CU_pSuite s = CU_add_suite("cmsfs", NULL, NULL);
    CU_add_test(s, "format and mount", test_format_mount);
    CU_add_test(s, "records", test_records);
    CU_add_test(s, "replace, erase, rename", test_replace_erase_rename);
    CU_add_test(s, "disk full", test_full);
    CU_add_test(s, "crash at every write", test_crash);
}
