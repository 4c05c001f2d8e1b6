/* test_ccw.c: CCW translation against a fake guest. Rows of {guest chain,
 * extent, the real chain expected}; untranslation, count-field relocation
 * and limits; and a fuzz of random chains checked by walking the real
 * program the way the channel would. */
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "../../cp/ccw.h"

/* ---- the fake guest: 64K of storage, pages in scrambled frames ------- */

#define GSIZE     0x10000u
#define NPAGE     (GSIZE / CCW_PAGE)
#define HOSTBASE  0x00800000u          /* frames of the guest's pages */
#define PROGREAL  0x00200000u          /* where the program "is" */

static uint8_t gmem[GSIZE];
static uint8_t keys[GSIZE / CCW_IDAWLEN];   /* storage keys, per 2K block */
static uint8_t cawkey;                      /* the key the chain runs with */
static int pins[NPAGE];
static unsigned long bad_read, bad_write, bad_pin;

static uint32_t fperm(uint32_t page) { return (page * 5 + 3) % NPAGE; }

static int g_read(void *ctx, uint32_t ga, void *buf, uint32_t len)
{
    (void)ctx;
    if (ga > GSIZE || len > GSIZE - ga) {
        bad_read++;
        return 5;
    }
    memcpy(buf, gmem + ga, len);
    return 0;
}

static int g_write(void *ctx, uint32_t ga, const void *buf, uint32_t len)
{
    (void)ctx;
    if (ga > GSIZE || len > GSIZE - ga) {
        bad_write++;
        return 5;
    }
    memcpy(gmem + ga, buf, len);
    return 0;
}

static uint32_t g_pin(void *ctx, uint32_t gpage)
{
    (void)ctx;
    if (gpage >= GSIZE || (gpage & (CCW_PAGE - 1))) {
        bad_pin++;
        return 0;
    }
    pins[gpage / CCW_PAGE]++;
    return HOSTBASE + fperm(gpage / CCW_PAGE) * CCW_PAGE;
}

static void g_unpin(void *ctx, uint32_t gpage)
{
    (void)ctx;
    if (gpage >= GSIZE || --pins[gpage / CCW_PAGE] < 0)
        bad_pin++;
}

static uint8_t g_key(void *ctx, uint32_t ga)
{
    (void)ctx;
    if (ga >= GSIZE) {
        bad_read++;
        return 0;
    }
    return keys[ga / CCW_IDAWLEN];
}

static const struct ccw_guest guest = { NULL, GSIZE, g_read, g_write, g_pin, g_unpin, g_key };
static struct ccw_prog prog;

/* Guest address of host real h, or -1 when h is not a guest frame. */
static long guest_of(uint32_t h)
{
    if (h < HOSTBASE || h >= HOSTBASE + GSIZE)
        return -1;
    uint32_t f = (h - HOSTBASE) / CCW_PAGE;
    for (uint32_t pg = 0; pg < NPAGE; pg++)
        if (fperm(pg) == f)
            return (long)(pg * CCW_PAGE + (h & (CCW_PAGE - 1)));
    return -1;
}

static uint32_t real_of(const void *field)
{
    return PROGREAL + (uint32_t)((const uint8_t *)field - (const uint8_t *)&prog);
}

static void put_ccw(uint32_t at, uint8_t cmd, uint32_t addr, uint8_t flags, uint16_t count)
{
    uint8_t *c = gmem + at;
    c[0] = cmd; c[1] = (uint8_t)(addr >> 16); c[2] = (uint8_t)(addr >> 8); c[3] = (uint8_t)addr;
    c[4] = flags; c[5] = 0; c[6] = (uint8_t)(count >> 8); c[7] = (uint8_t)count;
}

static struct ccw_rules rules(uint16_t start, uint16_t cyls, bool ro)
{
    return (struct ccw_rules){ ccw_3380, ccw_n3380, start, cyls, 15, ro };
}

/* ---- table rows --------------------------------------------------------- */

#define CD   CCW_CD
#define CC   CCW_CC
#define SLI  CCW_SLI
#define SKIP CCW_SKIP
#define IDA  CCW_IDA
#define SLOT    0xFFFFFFF0u            /* data in a CP slot holding x_arg */
#define BUCKET  0xFFFFFFF1u            /* data address unused (CP's bucket) */
#define TICTO(i) (0xFFFF0000u | (i))   /* a TIC to real CCW i */

struct gccw { uint32_t at; uint8_t cmd; uint32_t addr; uint8_t flags; uint16_t count; };
struct gbytes { uint32_t at; uint8_t len; uint8_t b[8]; };
struct xccw {
    uint8_t  cmd, flags;
    uint16_t count;
    uint32_t where;        /* guest address, SLOT, BUCKET or TICTO; a stop's CSW address */
    uint8_t  stop;         /* enum ccw_stop expected at this real CCW */
    uint8_t  arg[6];
};
struct row {
    const char   *what;
    uint8_t       key;     /* the CAW key (block X'2000' has key 3, fetch-protected) */
    uint16_t      start, cyls;
    bool          ro;
    struct gccw   g[6];
    struct gbytes d[2];
    int           rc;      /* ccw_translate's answer */
    uint16_t      begin;
    unsigned      n;       /* real CCWs (rc 0) */
    struct xccw   x[8];    /* rc 1: x[0] is the status at start */
};

#define STOPPED(why, csw) { 0, 0, 0, (csw), (why), { 0 } }

static const struct row rows[] = {
    { "CMS read: seek, search, TIC, a page across a page boundary", 0, 100, 10, false,
      { { 0x100, 0x07, 0x080, CC, 6 }, { 0x108, 0x31, 0x088, CC, 5 },
        { 0x110, 0x08, 0x108, 0, 0 }, { 0x118, 0x06, 0x1800, 0, 4096 } },
      { { 0x080, 6, { 0, 0, 0, 5, 0, 3 } }, { 0x088, 5, { 0, 5, 0, 3, 1 } } },
      0, 0, 4,
      { { 0x07, CC, 6, SLOT, 0, { 0, 0, 0, 105, 0, 3 } },
        { 0x31, CC, 5, SLOT, 0, { 0, 105, 0, 3, 1 } },
        { 0x08, 0, 0, TICTO(1), 0, { 0 } },
        { 0x06, IDA, 4096, 0x1800, 0, { 0 } } } },
    { "seek to the cylinder after the extent: the device's invalid-address answer", 0, 100, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x07, 0x080, 0, 6 } },
      { { 0x080, 6, { 0, 0, 0, 10, 0, 0 } } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_SEEK, 0x110) } },
    { "seek to head 15 as the first CCW: status at once", 0, 100, 10, false,
      { { 0x100, 0x07, 0x080, 0, 6 } }, { { 0x080, 6, { 0, 0, 0, 1, 0, 15 } } },
      1, 0, 0, { STOPPED(CCW_S_SEEK, 0x108) } },
    { "seek with a 5-byte argument", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x07, 0x080, 0, 5 } }, { { 0 } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_SHORT, 0x110) } },
    { "seek argument split by data chaining", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x07, 0x080, CD, 4 }, { 0x110, 0x07, 0x084, 0, 2 } },
      { { 0 } }, 0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_SPLIT, 0x110) } },
    { "RECALIBRATE is a seek to the extent's first cylinder", 0, 100, 10, false,
      { { 0x100, 0x13, 0, CC | SLI, 1 }, { 0x108, 0x03, 0, 0, 1 } }, { { 0 } },
      0, 0, 2, { { 0x07, CC, 6, SLOT, 0, { 0, 0, 0, 100, 0, 0 } },
                 { 0x03, 0, 1, BUCKET, 0, { 0 } } } },
    { "READ IPL: a group that seeks to the extent and reads the first record", 0, 100, 10, false,
      { { 0x100, 0x02, 0x000, CC | SLI, 24 }, { 0x108, 0x03, 0, 0, 1 } }, { { 0 } },
      0, 2, 5, { { 0x08, 0, 0, TICTO(2), 0, { 0 } }, { 0x03, 0, 1, BUCKET, 0, { 0 } },
                 { 0x07, CC, 6, SLOT, 0, { 0, 0, 0, 100, 0, 0 } },
                 { 0x06, CC | SLI, 24, 0x000, 0, { 0 } }, { 0x08, 0, 0, TICTO(1), 0, { 0 } } } },
    { "write on a read-only link: command reject, file protected", 0, 0, 10, true,
      { { 0x100, 0x07, 0x080, CC, 6 }, { 0x108, 0x31, 0x088, CC, 5 },
        { 0x110, 0x08, 0x108, 0, 0 }, { 0x118, 0x05, 0x2000, 0, 100 } },
      { { 0x080, 6, { 0 } }, { 0x088, 5, { 0, 0, 0, 0, 1 } } },
      0, 0, 4, { { 0x07, CC, 6, SLOT, 0, { 0 } }, { 0x31, CC, 5, 0x088, 0, { 0 } },
                 { 0x08, 0, 0, TICTO(1), 0, { 0 } }, STOPPED(CCW_S_FILEPROT, 0x120) } },
    { "SET FILE MASK is not the guest's to give", 0, 0, 10, false,
      { { 0x100, 0x1F, 0x080, 0, 1 } }, { { 0 } }, 1, 0, 0, { STOPPED(CCW_S_CMDREJ, 0x108) } },
    { "TIC to a TIC: program check naming the second", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x08, 0x200, 0, 0 }, { 0x200, 0x08, 0x100, 0, 0 } },
      { { 0 } }, 0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_PGM, 0x208) } },
    { "TIC to an address not on a doubleword", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x08, 0x204, 0, 0 } }, { { 0 } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_PGM, 0x110) } },
    { "TIC as the first CCW", 0, 0, 10, false,
      { { 0x100, 0x08, 0x200, 0, 0 }, { 0x200, 0x03, 0, 0, 1 } }, { { 0 } },
      1, 0, 0, { STOPPED(CCW_S_PGM, 0x108) } },
    { "count zero", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x06, 0x2000, 0, 0 } }, { { 0 } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_PGM, 0x110) } },
    { "flag bits 37-39 (a guest IDA flag)", 0, 0, 10, false,
      { { 0x100, 0x06, 0x2000, IDA, 10 } }, { { 0 } }, 1, 0, 0, { STOPPED(CCW_S_PGM, 0x108) } },
    { "command code with low bits 0000", 0, 0, 10, false,
      { { 0x100, 0x10, 0x2000, 0, 10 } }, { { 0 } }, 1, 0, 0, { STOPPED(CCW_S_PGM, 0x108) } },
    { "data chaining: the second CCW's command is ignored", 0, 0, 10, false,
      { { 0x100, 0x06, 0x3000, CD, 100 }, { 0x108, 0x47, 0x4000, 0, 50 } }, { { 0 } },
      0, 0, 2, { { 0x06, CD, 100, 0x3000, 0, { 0 } }, { 0x00, 0, 50, 0x4000, 0, { 0 } } } },
    { "SKIP stores nothing, so its address is not used", 0, 0, 10, false,
      { { 0x100, 0x06, 0xFFFF00, SKIP | SLI, 1000 } }, { { 0 } },
      0, 0, 1, { { 0x06, SKIP | SLI, 1000, BUCKET, 0, { 0 } } } },
    { "READ COUNT on a moved extent: into a slot of X'FF', back by ccw_post", 0, 100, 10, false,
      { { 0x100, 0x12, 0x2000, CC, 8 }, { 0x108, 0x03, 0, 0, 1 } }, { { 0 } },
      0, 0, 2, { { 0x12, CC, 8, SLOT, 0, { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF } },
                 { 0x03, 0, 1, BUCKET, 0, { 0 } } } },
    { "WRITE CKD: count field from a slot, key and data from the guest", 0, 100, 10, false,
      { { 0x100, 0x07, 0x080, CC, 6 }, { 0x108, 0x31, 0x088, CC, 5 },
        { 0x110, 0x08, 0x108, 0, 0 }, { 0x118, 0x1D, 0x2000, CC, 8 + 4096 },
        { 0x120, 0x03, 0, 0, 1 } },
      { { 0x2000, 8, { 0, 2, 0, 1, 5, 0, 0x10, 0 } }, { 0x088, 5, { 0, 2, 0, 1, 4 } } },
      0, 0, 8, { { 0x07, CC, 6, SLOT, 0, { 0, 0, 0, 100, 0, 0 } },
                 { 0x31, CC, 5, SLOT, 0, { 0, 102, 0, 1, 4 } },
                 { 0x08, 0, 0, TICTO(1), 0, { 0 } }, { 0x08, 0, 0, TICTO(5), 0, { 0 } },
                 { 0x03, 0, 1, BUCKET, 0, { 0 } },
                 { 0x1D, CD, 8, SLOT, 0, { 0, 102, 0, 1, 5, 0 } },
                 { 0x00, CC | IDA, 4096, 0x2008, 0, { 0 } }, { 0x08, 0, 0, TICTO(4), 0, { 0 } } } },
    { "a read into the CCW that follows it changes the chain: program check", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x06, 0x110, CC, 8 }, { 0x110, 0x03, 0, 0, 1 } },
      { { 0 } }, 0, 0, 3, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_SELFMOD, 0x110),
                            { 0x03, 0, 1, BUCKET, 0, { 0 } } } },
    { "a read over a CCW the chain has left behind is fine", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x06, 0x100, 0, 8 } }, { { 0 } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, { 0x06, 0, 8, 0x100, 0, { 0 } } } },
    { "a read into a later seek's argument", 0, 100, 10, false,
      { { 0x100, 0x06, 0x080, CC, 6 }, { 0x108, 0x07, 0x080, 0, 6 } }, { { 0 } },
      1, 0, 0, { STOPPED(CCW_S_SELFMOD, 0x108) } },
    { "search, unchained NOP: the status modifier still lands on the read", 0, 0, 10, false,
      { { 0x100, 0x29, 0x2000, CC, 8 }, { 0x108, 0x03, 0, 0, 1 }, { 0x110, 0x06, 0x3000, 0, 100 } },
      { { 0 } }, 0, 0, 3, { { 0x29, CC, 8, 0x2000, 0, { 0 } }, { 0x03, 0, 1, BUCKET, 0, { 0 } },
                            { 0x06, 0, 100, 0x3000, 0, { 0 } } } },
    { "a CCW reached by data chaining and by a status modifier", 0, 0, 10, false,
      { { 0x100, 0x29, 0x2000, CC, 8 }, { 0x108, 0x06, 0x3000, CD, 10 }, { 0x110, 0x06, 0x3100, 0, 10 } },
      { { 0 } }, 0, 0, 3, { { 0x29, CC, 8, 0x2000, 0, { 0 } }, { 0x06, CD, 10, 0x3000, 0, { 0 } },
                            STOPPED(CCW_S_PGM, 0x118) } },
    { "data area past the end of storage", 0, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x06, 0xFFF0, 0, 0x20 } }, { { 0 } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_ADDR, 0x110) } },
    { "multi-track read data passes", 0, 0, 10, false,
      { { 0x100, 0x86, 0x2000, SLI, 300 } }, { { 0 } },
      0, 0, 1, { { 0x86, SLI, 300, 0x2000, 0, { 0 } } } },
    { "key 2 may not store into a key-3 block: protection check", 2, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x06, 0x2000, 0, 80 } }, { { 0 } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, STOPPED(CCW_S_PROT, 0x110) } },
    { "key 3 may", 3, 0, 10, false,
      { { 0x100, 0x03, 0, CC, 1 }, { 0x108, 0x06, 0x2000, 0, 80 } }, { { 0 } },
      0, 0, 2, { { 0x03, CC, 1, BUCKET, 0, { 0 } }, { 0x06, 0, 80, 0x2000, 0, { 0 } } } },
    { "key 2 may not fetch a seek argument from a fetch-protected block", 2, 0, 10, false,
      { { 0x100, 0x07, 0x2000, 0, 6 } }, { { 0 } }, 1, 0, 0, { STOPPED(CCW_S_PROT, 0x108) } },};

/* Guest address the real data address (direct or through IDAWs) starts at,
 * after checking that the IDAWs cover the count with consecutive guest
 * bytes; -1 if not. */
static long data_guest(const struct ccw1 *c)
{
    if (!(c->cw_flags & IDA))
        return guest_of(c->cw_addr);
    uint32_t i = (c->cw_addr - real_of(prog.cp_idaw)) / 4, left = c->cw_count;
    long first = guest_of(prog.cp_idaw[i]), at = first;
    while (left) {
        uint32_t h = prog.cp_idaw[i++];
        uint32_t len = CCW_IDAWLEN - (h & (CCW_IDAWLEN - 1));
        if (guest_of(h) != at)
            return -1;
        len = len < left ? len : left;
        left -= len;
        at += len;
    }
    return first;
}

static void clear_guest(void)
{
    memset(gmem, 0, sizeof gmem);
    memset(keys, 0, sizeof keys);
    keys[0x2000 / CCW_IDAWLEN] = 0x38;
    memset(pins, 0, sizeof pins);
    bad_read = bad_write = bad_pin = 0;
}

static void test_rows(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct row *rw = &rows[i];
        struct ccw_rules r = rules(rw->start, rw->cyls, rw->ro);
        clear_guest();
        for (int j = 0; j < 6 && rw->g[j].at; j++)
            put_ccw(rw->g[j].at, rw->g[j].cmd, rw->g[j].addr, rw->g[j].flags, rw->g[j].count);
        for (int j = 0; j < 2 && rw->d[j].len; j++)
            memcpy(gmem + rw->d[j].at, rw->d[j].b, rw->d[j].len);
        prog.cp_real = PROGREAL;
        int rc = ccw_translate(&prog, &guest, &r, (uint32_t)rw->key << 28 | rw->g[0].at);
        CU_ASSERT_EQUAL(rc, rw->rc);
        if (rc != rw->rc)
            printf("\n  row %zu (%s): rc %d\n", i, rw->what, rc);
        if (rc == 1) {
            CU_ASSERT_EQUAL(prog.cp_csw.cs_sense, rw->x[0].stop);
            CU_ASSERT_EQUAL(prog.cp_csw.cs_ccw, rw->x[0].where);
        } else {
            CU_ASSERT_EQUAL(prog.cp_nccw, rw->n);
            CU_ASSERT_EQUAL(prog.cp_begin, rw->begin);
            for (unsigned k = 0; k < rw->n && k < prog.cp_nccw; k++) {
                const struct xccw *x = &rw->x[k];
                const struct ccw1 *c = &prog.cp_ccw[k];
                bool ok = prog.cp_info[k].ri_stop == x->stop;
                if (x->stop)
                    ok = ok && prog.cp_info[k].ri_aux == x->where;
                else {
                    ok = ok && c->cw_cmd == x->cmd && c->cw_flags == x->flags && c->cw_count == x->count;
                    if (x->where == SLOT)
                        ok = ok && c->cw_addr >= real_of(prog.cp_slot) && c->cw_addr < real_of(prog.cp_bucket)
                             && !memcmp(prog.cp_slot[(c->cw_addr - real_of(prog.cp_slot)) / CCW_SLOTLEN],
                                        x->arg, 6);
                    else if (x->where == BUCKET)
                        ok = ok && c->cw_addr == real_of(prog.cp_bucket);
                    else if ((x->where & 0xFFFF0000u) == 0xFFFF0000u)
                        ok = ok && c->cw_addr == ccw_real_addr(&prog, x->where & 0xFFFF);
                    else
                        ok = ok && data_guest(c) == (long)x->where;
                }
                CU_ASSERT(ok);
                if (!ok)
                    printf("\n  row %zu (%s): real CCW %u is %02X %02X %04X %08X stop %u\n", i,
                           rw->what, k, c->cw_cmd, c->cw_flags, c->cw_count, c->cw_addr,
                           prog.cp_info[k].ri_stop);
            }
        }
        ccw_release(&prog, &guest);
        for (unsigned pg = 0; pg < NPAGE; pg++)
            CU_ASSERT_EQUAL(pins[pg], 0);
        CU_ASSERT_EQUAL(bad_read + bad_pin, 0);
    }
}

/* ---- untranslation, post-processing, limits --------------------------- */

static void test_untranslate(void)
{
    struct ccw_rules r = rules(100, 10, false);
    struct ccw_csw cs;
    clear_guest();
    put_ccw(0x100, 0x07, 0x080, CC, 20);          /* seek, count 20: 16 real */
    put_ccw(0x108, 0x31, 0x088, CC, 5);
    put_ccw(0x110, 0x08, 0x108, 0, 0);
    put_ccw(0x118, 0x06, 0x2000, CC | CCW_PCI, 80);
    put_ccw(0x120, 0x07, 0x090, 0, 6);            /* cylinder 12: outside */
    gmem[0x093] = 12;
    prog.cp_real = PROGREAL;
    CU_ASSERT_EQUAL(ccw_translate(&prog, &guest, &r, 0x100), 0);
    CU_ASSERT_EQUAL(prog.cp_ccw[0].cw_count, 16);

    /* The seek ended with unit check: its residual 10 is the guest's 14. */
    ccw_untranslate(&prog, ccw_real_addr(&prog, 1), DS_CE | DS_DE | DS_UC, 0, 10, &cs);
    CU_ASSERT_EQUAL(cs.cs_ccw, 0x108);
    CU_ASSERT_EQUAL(cs.cs_count, 14);
    CU_ASSERT_EQUAL(cs.cs_us, DS_CE | DS_DE | DS_UC);
    CU_ASSERT_EQUAL(cs.cs_sense, CCW_S_NONE);

    /* A search's status modifier moves the real address on by 16. */
    ccw_untranslate(&prog, ccw_real_addr(&prog, 1) + 16, DS_CE | DS_DE | DS_SM, 0, 0, &cs);
    CU_ASSERT_EQUAL(cs.cs_ccw, 0x118);

    /* PCI on the read: intermediate status names it. */
    ccw_untranslate(&prog, ccw_real_addr(&prog, 4), 0, 0x80, 80, &cs);
    CU_ASSERT_EQUAL(cs.cs_ccw, 0x120);
    CU_ASSERT_EQUAL(cs.cs_cs, 0x80);

    /* The chain ran into the stop for the bad seek: the guest sees the
     * device's command reject on that seek, with its six bytes taken, as
     * Hercules' 3380 reports a seek past the volume (io_dasd). */
    CU_ASSERT_EQUAL(prog.cp_info[4].ri_stop, CCW_S_SEEK);
    ccw_untranslate(&prog, ccw_real_addr(&prog, 5), DS_CE | DS_DE, 0, 0, &cs);
    CU_ASSERT_EQUAL(cs.cs_ccw, 0x128);
    CU_ASSERT_EQUAL(cs.cs_us, DS_CE | DS_DE | DS_UC);
    CU_ASSERT_EQUAL(cs.cs_count, 0);
    CU_ASSERT_EQUAL(cs.cs_sense, CCW_S_SEEK);
    uint8_t sense[24];
    ccw_sense(cs.cs_sense, sense);
    CU_ASSERT(sense[0] == 0x80 && sense[1] == 0 && sense[7] == 0x04);
    ccw_sense(CCW_S_FILEPROT, sense);
    CU_ASSERT(sense[0] == 0x80 && sense[1] == 0x04 && sense[7] == 0x02);

    /* An address that is not the program's passes with no CCW address. */
    ccw_untranslate(&prog, 0x12345670, DS_CE | DS_DE, 0, 0, &cs);
    CU_ASSERT_EQUAL(cs.cs_ccw, 0);
    ccw_release(&prog, &guest);
}

static void test_post(void)
{
    struct ccw_rules r = rules(100, 10, false);
    static const uint8_t count[8] = { 0, 105, 0, 3, 1, 0, 0x10, 0 };
    static const uint8_t ha[5] = { 0, 0, 107, 0, 9 };
    clear_guest();
    put_ccw(0x100, 0x12, 0x2000, CC, 8);           /* READ COUNT */
    put_ccw(0x108, 0x1A, 0x2100, CC, 5);           /* READ HA */
    put_ccw(0x110, 0x1E, 0x2200, 0, 8 + 4096);     /* READ CKD: a group */
    memset(gmem + 0x2000, 0xAA, 0x300);
    prog.cp_real = PROGREAL;
    CU_ASSERT_EQUAL(ccw_translate(&prog, &guest, &r, 0x100), 0);
    CU_ASSERT_EQUAL(prog.cp_nnote, 3);

    /* The device got as far as the home address, not the READ CKD. */
    memcpy(prog.cp_slot[prog.cp_note[0].cn_slot], count, 8);
    memcpy(prog.cp_slot[prog.cp_note[1].cn_slot], ha, 5);
    ccw_post(&prog, &guest);
    CU_ASSERT_EQUAL(gmem[0x2001], 5);              /* cylinder 105 is the guest's 5 */
    CU_ASSERT_EQUAL(gmem[0x2003], 3);
    CU_ASSERT_EQUAL(gmem[0x2102], 7);
    CU_ASSERT_EQUAL(gmem[0x2104], 9);
    CU_ASSERT_EQUAL(gmem[0x2200], 0xAA);           /* untouched: never read */
    ccw_post(&prog, &guest);                       /* a second call does nothing */
    CU_ASSERT_EQUAL(gmem[0x2001], 5);
    CU_ASSERT_EQUAL(bad_write, 0);
    ccw_release(&prog, &guest);
}

static void test_long(void)
{
    struct ccw_rules r = rules(0, 10, false);
    clear_guest();
    for (uint32_t a = 0x100; a < 0x100 + 300 * 8; a += 8)
        put_ccw(a, 0x03, 0, CC, 1);
    prog.cp_real = PROGREAL;
    CU_ASSERT_EQUAL(ccw_translate(&prog, &guest, &r, 0x100), 0);
    CU_ASSERT_EQUAL(prog.cp_nccw, CCW_MAXCCW);
    CU_ASSERT_EQUAL(prog.cp_info[CCW_MAXCCW - 1].ri_stop, CCW_S_LONG);
    CU_ASSERT_EQUAL(prog.cp_info[CCW_MAXCCW - 2].ri_stop, CCW_S_NONE);
    ccw_release(&prog, &guest);
}

/* ---- fuzz ----------------------------------------------------------------- */

static uint64_t rs = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return (uint32_t)(rs >> 16);
}

static const char *fail;               /* first failure, for the report */
static unsigned long nfail;

static void bad(const char *why)
{
    if (!nfail++)
        fail = why;
}

static bool is_read(uint8_t c) { return (c & 3) == 2 || (c & 0x0F) == 4; }
static bool is_write(uint8_t c) { return c == 0x05 || c == 0x0D || c == 0x11 || c == 0x15 || c == 0x1D; }
static bool is_search(const struct ccw_rules *r, uint8_t c)
{
    const struct ccw_cmd *row = ccw_lookup(r, c);
    return row && row->cc_class == CCW_SEARCH;
}

/* Would the guest's CAW key let the channel store (fetch) guest bytes
 * [g, g+len)? */
static bool key_lets(uint32_t g, uint32_t len, bool store)
{
    for (uint32_t b = g & ~(CCW_IDAWLEN - 1); b < g + len; b += CCW_IDAWLEN) {
        uint8_t sk = keys[b / CCW_IDAWLEN];
        if (cawkey && (sk >> 4) != cawkey && (store || (sk & 0x08)))
            return false;
    }
    return true;
}

/* Does [h, h+len) lie in one guest frame the key lets the channel use, or
 * in CP's slots and bucket? */
static bool safe_range(uint32_t h, uint32_t len, bool allow_cp, bool store)
{
    long g = guest_of(h);
    if (g >= 0)
        return (h & (CCW_PAGE - 1)) + len <= CCW_PAGE && key_lets((uint32_t)g, len, store);
    return allow_cp && h >= real_of(prog.cp_slot) && h + len <= real_of(prog.cp_bucket) + CCW_SLOTLEN;
}

/* Every byte the channel could move for c: inside the guest or CP's slots. */
static void check_data(const struct ccw1 *c, bool store)
{
    if (!(c->cw_flags & IDA)) {
        if (!safe_range(c->cw_addr, c->cw_count, true, store))
            bad("data area outside the guest and the slots, or against the key");
        return;
    }
    uint32_t base = real_of(prog.cp_idaw);
    if (c->cw_addr < base || (c->cw_addr - base) % 4) {
        bad("IDA list not in the IDAW area");
        return;
    }
    uint32_t i = (c->cw_addr - base) / 4, left = c->cw_count;
    for (bool firstidaw = true; left; firstidaw = false) {
        if (i >= prog.cp_nidaw) {
            bad("IDA list runs past the IDAWs");
            return;
        }
        uint32_t h = prog.cp_idaw[i++], len = CCW_IDAWLEN - (h & (CCW_IDAWLEN - 1));
        if (!firstidaw && (h & (CCW_IDAWLEN - 1)))
            bad("later IDAW not on a 2K boundary");
        len = len < left ? len : left;
        if (!safe_range(h, len, false, store))
            bad("IDAW outside the guest, or against the key");
        left -= len;
    }
}

/* The slot a real data address names, or NULL. */
static const uint8_t *slot_at(uint32_t h)
{
    uint32_t base = real_of(prog.cp_slot);
    if (h < base || h >= real_of(prog.cp_bucket) || (h - base) % CCW_SLOTLEN)
        return NULL;
    return prog.cp_slot[(h - base) / CCW_SLOTLEN];
}

static uint8_t seen[CCW_MAXCCW][4];
static uint16_t todo[CCW_MAXCCW * 4][2];
static unsigned ntodo;

static void push(const struct ccw_rules *r, unsigned k, unsigned eff)
{
    unsigned mode = eff == 0 ? 0 : is_read((uint8_t)eff) ? 1 : is_search(r, (uint8_t)eff) ? 3 : 2;
    if (k >= prog.cp_nccw) {
        bad("path runs off the program");
        return;
    }
    if (seen[k][mode])
        return;
    seen[k][mode] = 1;
    todo[ntodo][0] = (uint16_t)k;
    todo[ntodo++][1] = (uint16_t)eff;
}

/* The argument a real SEEK or SEARCH ID carries. */
static void check_arg(const struct ccw_rules *r, unsigned k, const struct ccw1 *c)
{
    const uint8_t *a = slot_at(c->cw_addr);
    if (c->cw_cmd == 0x07 || c->cw_cmd == 0x0B || c->cw_cmd == 0x1B) {
        uint32_t cyl = a ? (uint32_t)a[2] << 8 | a[3] : 0, hd = a ? (uint32_t)a[4] << 8 | a[5] : 0;
        if (!a || c->cw_count < 6)
            bad("seek argument not in a slot");
        else if (a[0] || a[1] || cyl < r->ru_start || cyl >= (uint32_t)r->ru_start + r->ru_cyls
                 || hd >= r->ru_heads)
            bad("seek outside the extent");
    } else if (ccw_lookup(r, c->cw_cmd)->cc_arg == CCW_A_SRCHID && r->ru_start
               && c->cw_count >= 2) {
        uint32_t ga = prog.cp_info[k].ri_gdata;
        uint32_t want = (((uint32_t)gmem[ga] << 8 | gmem[ga + 1]) + r->ru_start) & 0xFFFF;
        if (!a)
            bad("search argument not in a slot");
        else if (((uint32_t)a[0] << 8 | a[1]) != want)
            bad("search cylinder not relocated");
    }
}

/* Walk the real program as a channel would, over every path: each state
 * is a real CCW and the command in effect (0: fetched as a command). */
static void walk(const struct ccw_rules *r)
{
    unsigned nccw = prog.cp_nccw;
    memset(seen, 0, sizeof seen);
    ntodo = 0;
    if (prog.cp_ccw[prog.cp_begin].cw_cmd == CMD_TIC)
        bad("program starts with a TIC");
    push(r, prog.cp_begin, 0);
    while (ntodo) {
        ntodo--;
        unsigned k = todo[ntodo][0], eff = todo[ntodo][1];
        const struct ccw1 *c = &prog.cp_ccw[k];
        if (c->cw_cmd == CMD_TIC) {
            uint32_t off = c->cw_addr - ccw_real_addr(&prog, 0), t = off / 8;
            if (c->cw_flags || c->cw_count || off % 8 || t >= nccw)
                bad("malformed real TIC");
            else if (prog.cp_ccw[t].cw_cmd == CMD_TIC)
                bad("real TIC to a TIC");
            else
                push(r, t, eff);
            continue;
        }
        uint8_t cmd = eff ? (uint8_t)eff : c->cw_cmd;
        if (c->cw_count == 0)
            bad("real count zero");
        if (!eff) {
            if (!ccw_lookup(r, cmd) || cmd == 0x02 || cmd == 0x13) {
                bad("command the device must not see");
                continue;
            }
            if (r->ru_readonly && is_write(cmd))
                bad("write on a read-only link");
            check_arg(r, k, c);
        }
        if (!(!eff && cmd == CMD_NOP) && !(is_read(cmd) && (c->cw_flags & SKIP)))
            check_data(c, is_read(cmd));
        if (c->cw_flags & CD)
            push(r, k + 1, cmd);
        else if (c->cw_flags & CC) {
            push(r, k + 1, 0);
            if (is_search(r, cmd))
                push(r, k + 2, 0);
        }
    }
}

/* Every real CCW that moves guest data as it stands: the guest's own
 * address and count. */
static void check_plain(void)
{
    for (unsigned k = 0; k < prog.cp_nccw; k++) {
        const struct ccw_rinfo *ri = &prog.cp_info[k];
        const struct ccw1 *c = &prog.cp_ccw[k];
        if (ri->ri_kind != CCW_K_POS || ri->ri_stop || ri->ri_arg != CCW_A_DATA
            || c->cw_cmd == CMD_TIC || c->cw_addr == real_of(prog.cp_bucket))
            continue;
        if (c->cw_count != ri->ri_gcount || data_guest(c) != (long)ri->ri_gdata)
            bad("data CCW does not address the guest's area");
    }
}

static uint32_t near_end(uint32_t span)
{
    return GSIZE - 1 - rnd() % span;
}

/* A data address: near either end of storage, near the chain, anywhere,
 * or (one time in ten) beyond storage. */
static uint32_t rnd_addr(uint32_t chain)
{
    switch (rnd() % 10) {
    case 0:  return near_end(64);
    case 1:  return rnd() % 64;
    case 2:  case 3: return (chain + (rnd() % 96) - 32) & 0xFFFFFF;
    case 4:  return rnd() % 2 ? GSIZE + rnd() % 64 : rnd() & 0xFFFFFF;
    case 5:  return (rnd() % NPAGE) * CCW_PAGE - rnd() % 16;
    default: return rnd() % GSIZE;
    }
}

static const uint8_t pool[] = { 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0D, 0x0E,
    0x11, 0x12, 0x13, 0x15, 0x16, 0x1A, 0x1B, 0x1D, 0x1E, 0x29, 0x31, 0x49, 0x51, 0x69, 0x71,
    0x86, 0x8E, 0x92, 0x96, 0x9A, 0x9E, 0xB1, 0xD1, 0xF1, 0xE4, 0x18, 0x1F, 0x47, 0x63, 0x5E };

static void rnd_chain(uint32_t at, unsigned len, const struct ccw_rules *r)
{
    for (unsigned i = 0; i < len; i++, at += 8) {
        if (at + 8 > GSIZE)
            return;
        uint8_t cmd = rnd() % 20 ? pool[rnd() % sizeof pool] : (uint8_t)rnd();
        uint8_t fl = 0;
        if (rnd() % 5) fl |= CC;
        if (rnd() % 5 == 0) fl |= CD;
        if (rnd() % 10 == 0) fl |= SKIP;
        if (rnd() % 3 == 0) fl |= SLI;
        if (rnd() % 20 == 0) fl |= CCW_PCI;
        if (rnd() % 100 == 0) fl |= rnd() & 7;
        uint16_t cnt;
        switch (rnd() % 5) {
        case 0: cnt = 1 + rnd() % 8; break;
        case 1: cnt = 4 + rnd() % 6; break;
        case 2: cnt = (uint16_t)(rnd() % 9000); break;
        case 3: cnt = rnd() % 4 ? 4096 : 65535; break;
        default: cnt = (uint16_t)(1 + rnd() % 40); break;
        }
        uint32_t addr = rnd_addr(at);
        if ((cmd & 0x0F) == 0x08)
            addr = rnd() % 4 ? (at + 8 * (rnd() % 16) - 64) & 0xFFFFF8 : rnd_addr(at);
        put_ccw(at, cmd, addr, fl, cnt);
        if ((cmd == 0x07 || cmd == 0x0B || cmd == 0x1B || (cmd & 0x7F) == 0x31) && addr <= GSIZE - 6) {
            uint32_t cyl = rnd() % 3 ? rnd() % (r->ru_cyls + 2u) : rnd() & 0xFFFF;
            gmem[addr] = 0; gmem[addr + 1] = rnd() % 20 ? 0 : 1;
            gmem[addr + 2] = (uint8_t)(cyl >> 8); gmem[addr + 3] = (uint8_t)cyl;
            gmem[addr + 4] = 0; gmem[addr + 5] = (uint8_t)(rnd() % 2 ? rnd() % 15 : 13 + rnd() % 4);
            if ((cmd & 0x7F) == 0x31) {
                gmem[addr] = (uint8_t)(cyl >> 8); gmem[addr + 1] = (uint8_t)cyl;
            }
        }
    }
}

/* A long chain of harmless CCWs (with TICs back now and then), to reach
 * the real-CCW limit. */
static void long_chain(uint32_t at)
{
    static const uint8_t safe[] = { 0x03, 0x04, 0x06, 0x0E, 0x29, 0x86 };
    for (unsigned i = 0; i < 300 && at + 16 <= GSIZE; i++, at += 8) {
        uint8_t cmd = safe[rnd() % sizeof safe];
        uint32_t addr = 0x100 + rnd() % 0x800;
        if (rnd() % 40 == 0) {
            put_ccw(at, CMD_TIC, at + 16, 0, 0);    /* skip one: duplicates nothing */
            continue;
        }
        put_ccw(at, cmd, addr, (uint8_t)(CC | (rnd() % 4 ? 0 : SLI)), (uint16_t)(1 + rnd() % 300));
    }
}

static void test_fuzz(void)
{
    const unsigned long N = 1000000;
    unsigned long started = 0, stopped_at_once = 0, reals = 0, groups = 0;
    unsigned long kinds[CCW_S_FILEPROT + 1] = { 0 };
    clock_t t0 = clock();
    clear_guest();
    for (uint32_t i = 0; i < GSIZE; i++)
        gmem[i] = (uint8_t)rnd();
    nfail = 0;
    for (unsigned long it = 0; it < N; it++) {
        uint16_t start = rnd() % 4 ? (uint16_t)(rnd() % 2000) : 0;
        if (rnd() % 64 == 0) start = (uint16_t)(0xFFFF - rnd() % 16);
        struct ccw_rules r = rules(start, (uint16_t)(1 + rnd() % 30), rnd() % 4 == 0);
        uint32_t at = rnd() % 8 ? (rnd() % GSIZE) & ~7u : (GSIZE - 8 * (1 + rnd() % 6));
        if (rnd() % 200 == 0) at |= rnd() & 7;
        if (rnd() % 500)
            rnd_chain(at, 1 + rnd() % 16, &r);
        else
            long_chain(at &= 0x7FF8);
        if (rnd() % 4 == 0)                 /* a second stretch for TICs to land in */
            rnd_chain((at + 8 * (rnd() % 32) - 128) & (GSIZE - 8), 1 + rnd() % 6, &r);
        if (it % 64 == 0)
            memset(keys, 0, sizeof keys);
        if (rnd() % 8 == 0)                 /* a few blocks with other keys */
            keys[rnd() % (GSIZE / CCW_IDAWLEN)] = (uint8_t)((rnd() % 4) << 4 | (rnd() % 2) << 3);
        cawkey = rnd() % 2 ? 0 : (uint8_t)(rnd() % 4);
        prog.cp_real = PROGREAL;
        int rc = ccw_translate(&prog, &guest, &r, (uint32_t)cawkey << 28 | at);
        for (unsigned k = 0; k < prog.cp_nccw; k++) {
            kinds[prog.cp_info[k].ri_stop]++;
            groups += prog.cp_info[k].ri_kind == CCW_K_ENTRY && !prog.cp_info[k].ri_stop;
        }
        if (rc == 1)
            kinds[prog.cp_csw.cs_sense] += prog.cp_nccw == 0;
        if (rc == 0) {
            started++;
            reals += prog.cp_nccw;
            walk(&r);
            check_plain();
            struct ccw_csw cs;
            uint16_t k = (uint16_t)(rnd() % prog.cp_nccw);
            ccw_untranslate(&prog, ccw_real_addr(&prog, k) + 8, DS_CE | DS_DE, 0, (uint16_t)rnd(), &cs);
            if (cs.cs_ccw > GSIZE + 16)
                bad("untranslated address outside the guest");
            for (unsigned j = 0; j < prog.cp_nnote; j++)
                if (rnd() & 1)
                    prog.cp_slot[prog.cp_note[j].cn_slot][rnd() % 8] = (uint8_t)rnd();
            ccw_post(&prog, &guest);
        } else
            stopped_at_once++;
        ccw_release(&prog, &guest);
        if (it % 4096 == 0)
            for (unsigned pg = 0; pg < NPAGE; pg++)
                if (pins[pg])
                    bad("page left pinned");
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("\n  ccw fuzz: %lu chains in %.2f s, %lu started (%lu real CCWs), %lu ended at once,"
           " %lu failures%s%s\n", N, secs, started, reals, stopped_at_once, nfail,
           nfail ? ": " : "", nfail ? fail : "");
    printf("  out-of-line groups %lu; stops: pgm %lu addr %lu long %lu selfmod %lu split %lu"
           " prot %lu cmdrej %lu seek %lu short %lu fileprot %lu\n", groups, kinds[CCW_S_PGM],
           kinds[CCW_S_ADDR], kinds[CCW_S_LONG], kinds[CCW_S_SELFMOD], kinds[CCW_S_SPLIT],
           kinds[CCW_S_PROT],
           kinds[CCW_S_CMDREJ], kinds[CCW_S_SEEK], kinds[CCW_S_SHORT], kinds[CCW_S_FILEPROT]);
    CU_ASSERT_EQUAL(nfail, 0);
    CU_ASSERT_EQUAL(bad_read, 0);
    CU_ASSERT_EQUAL(bad_write, 0);
    CU_ASSERT_EQUAL(bad_pin, 0);
}

void suite_ccw(void);
void suite_ccw(void)
{
    CU_pSuite s = CU_add_suite("ccw", NULL, NULL);
    CU_add_test(s, "rows", test_rows);
    CU_add_test(s, "untranslate", test_untranslate);
    CU_add_test(s, "post", test_post);
    CU_add_test(s, "long chain", test_long);
    CU_add_test(s, "fuzz", test_fuzz);
}
