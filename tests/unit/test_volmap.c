/* test_volmap.c: dasd/volmap.c: map records, validation, the VOL1 label and
 * the IPL records.
 *
 * The IPL2 bootstrap is checked twice: by decoding its CCWs, and by running
 * it through a small model of a channel and a 3380 whose tracks hold the
 * nucleus as vol.h lays it out, so a test passes only if the program would
 * really load every byte of the nucleus to the right place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "../../cp/ebcdic.h"
#include "../../dasd/volmap.h"

void suite_volmap(void);

struct area_row {
    unsigned    type;
    uint32_t    first, count;
    const char *name;          /* NULL: the type's default */
};

#define MAX_ROW_AREAS 4

/* A map from rows: cyls, then up to MAX_ROW_AREAS areas; a row of type 0
 * and count 0 ends the list early. */
static void map_from_rows(struct vol_map *m, uint32_t cyls,
                          const struct area_row *areas)
{
    volmap_init(m, cyls);
    for (int i = 0; i < MAX_ROW_AREAS; i++) {
        if (areas[i].type == 0 && areas[i].count == 0)
            break;
        CU_ASSERT_EQUAL_FATAL(volmap_add_area(m, areas[i].type, areas[i].first,
                                              areas[i].count, areas[i].name),
                              VOLMAP_OK);
    }
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t be16(const uint8_t *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

/* ---- the map record ---- */

static void assert_maps_equal(const struct vol_map *a, const struct vol_map *b)
{
    CU_ASSERT_EQUAL(a->vm_cyls, b->vm_cyls);
    CU_ASSERT_EQUAL(a->vm_heads, b->vm_heads);
    CU_ASSERT_EQUAL(a->vm_recs_per_track, b->vm_recs_per_track);
    CU_ASSERT_EQUAL(a->vm_blksize, b->vm_blksize);
    CU_ASSERT_EQUAL(a->vm_nuc_len, b->vm_nuc_len);
    CU_ASSERT_EQUAL(a->vm_nuc_load, b->vm_nuc_load);
    CU_ASSERT_EQUAL(a->vm_nuc_entry, b->vm_nuc_entry);
    CU_ASSERT_EQUAL_FATAL(a->vm_nareas, b->vm_nareas);
    for (uint32_t i = 0; i < a->vm_nareas; i++) {
        CU_ASSERT_EQUAL(a->vm_area[i].va_type, b->vm_area[i].va_type);
        CU_ASSERT_EQUAL(a->vm_area[i].va_first, b->vm_area[i].va_first);
        CU_ASSERT_EQUAL(a->vm_area[i].va_count, b->vm_area[i].va_count);
        CU_ASSERT_STRING_EQUAL(a->vm_area[i].va_name, b->vm_area[i].va_name);
    }
}

static const struct roundtrip_row {
    const char     *what;
    uint32_t        cyls, nuc_len, nuc_load, nuc_entry;
    struct area_row areas[MAX_ROW_AREAS];
} roundtrip_rows[] = {
    { "no areas", 1, 0, 0, 0, { { 0, 0, 0, NULL } } },
    { "system residence", 100, 123456, 0x20000, 0x20010,
      { { VOL_AREA_NUC, 1, 4, NULL }, { VOL_AREA_PAGE, 5, 50, NULL },
        { VOL_AREA_SPOOL, 55, 20, "SPOOL1" }, { VOL_AREA_PERM, 75, 25, "" } } },
    { "largest numbers", 885, 0xFFFFFFFF, 0x12345678, 0x9ABCDEF0,
      { { VOL_AREA_TDSK, 884, 1, "@#$ABC89" } } },
};

static void test_map_roundtrip(void)
{
    static struct vol_map in, out;
    static uint8_t rec[VOL_BLKSIZE];

    for (size_t r = 0; r < sizeof roundtrip_rows / sizeof roundtrip_rows[0]; r++) {
        const struct roundtrip_row *row = &roundtrip_rows[r];
        map_from_rows(&in, row->cyls, row->areas);
        in.vm_nuc_len = row->nuc_len;
        in.vm_nuc_load = row->nuc_load;
        in.vm_nuc_entry = row->nuc_entry;
        CU_ASSERT_EQUAL(volmap_encode(&in, rec), VOLMAP_OK);
        CU_ASSERT_EQUAL(volmap_decode(rec, &out), VOLMAP_OK);
        assert_maps_equal(&in, &out);
    }
}

/* A map with every entry used survives the trip too. */
static void test_map_roundtrip_full(void)
{
    static struct vol_map in, out;
    static uint8_t rec[VOL_BLKSIZE];

    volmap_init(&in, VOL_MAP_MAX_AREAS + 1);
    for (uint32_t i = 0; i < VOL_MAP_MAX_AREAS; i++)
        CU_ASSERT_EQUAL(volmap_add_area(&in, VOL_AREA_PERM, i + 1, 1, NULL), VOLMAP_OK);
    CU_ASSERT_EQUAL(volmap_add_area(&in, VOL_AREA_PERM, 1, 1, NULL), VOLMAP_E_NAREAS);
    CU_ASSERT_EQUAL(volmap_validate(&in, NULL, NULL), VOLMAP_OK);
    CU_ASSERT_EQUAL(volmap_encode(&in, rec), VOLMAP_OK);
    CU_ASSERT_EQUAL(volmap_decode(rec, &out), VOLMAP_OK);
    assert_maps_equal(&in, &out);
}

/* The bytes themselves, field by field, for the "system residence" row. */
static const struct byte_row {
    unsigned    off;
    const char *hex;
} map_byte_rows[] = {
    { 0,  "C3D7D4C1" },                 /* magic "CPMA" in EBCDIC */
    { 4,  "0001" },                     /* version                 */
    { 6,  "3380" },                     /* device type             */
    { 8,  "00000064" },                 /* 100 cylinders           */
    { 12, "000F000A00001000" },         /* 15 heads, 10 x 4096     */
    { 20, "00000004" },                 /* 4 areas                 */
    { 24, "0001E2400002000000020010" }, /* nucleus len, load, entry */
    { 36, "000000000000000000000000" }, /* reserved                */
    { 48, "00010000000000010000000" "4D5E4C3D3C5E4E240" }, /* NUC 1-4 "NUCLEUS " */
    { 88, "0005000000000037" "00000014E2D7D6D6D3F14040" },    /* SPOOL "SPOOL1  " */
    { 108, "000700000000004B" "000000194040404040404040" },   /* PERM, blank name */
    { 128, "0000000000000000" },            /* nothing after the last entry */
};

static size_t unhex(const char *hex, uint8_t *out)
{
    size_t n = 0;

    for (; hex[0] && hex[1]; hex += 2)
        sscanf(hex, "%2hhx", &out[n++]);
    return n;
}

static void test_map_bytes(void)
{
    static struct vol_map m;
    static uint8_t rec[VOL_BLKSIZE];
    uint8_t want[64];

    map_from_rows(&m, 100, roundtrip_rows[1].areas);
    m.vm_nuc_len = 123456;
    m.vm_nuc_load = 0x20000;
    m.vm_nuc_entry = 0x20010;
    CU_ASSERT_EQUAL_FATAL(volmap_encode(&m, rec), VOLMAP_OK);
    for (size_t r = 0; r < sizeof map_byte_rows / sizeof map_byte_rows[0]; r++) {
        size_t n = unhex(map_byte_rows[r].hex, want);
        CU_ASSERT(memcmp(rec + map_byte_rows[r].off, want, n) == 0);
    }
}

static const struct decode_row {
    unsigned    off;
    const char *hex;        /* bytes to plant in a good record */
    int         err;
} decode_rows[] = {
    { 0,  "C3D7D4C2", VOLMAP_E_MAGIC },
    { 0,  "00000000", VOLMAP_E_MAGIC },
    { 4,  "0002",     VOLMAP_E_VERSION },
    { 4,  "0000",     VOLMAP_E_VERSION },
    { 6,  "3390",     VOLMAP_E_DEVTYPE },
    { 20, "000000CB", VOLMAP_E_NAREAS },   /* VOL_MAP_MAX_AREAS + 1 */
    { 20, "80000000", VOLMAP_E_NAREAS },
    { 20, "000000CA", VOLMAP_OK },         /* exactly the maximum   */
};

static void test_map_decode_errors(void)
{
    static struct vol_map m;
    static uint8_t good[VOL_BLKSIZE], bad[VOL_BLKSIZE];
    uint8_t patch[8];

    CU_ASSERT_EQUAL_FATAL(VOL_MAP_MAX_AREAS, 0xCA);   /* (4096 - 48) / 20 */
    volmap_init(&m, 10);
    CU_ASSERT_EQUAL_FATAL(volmap_encode(&m, good), VOLMAP_OK);
    for (size_t r = 0; r < sizeof decode_rows / sizeof decode_rows[0]; r++) {
        size_t n = unhex(decode_rows[r].hex, patch);
        memcpy(bad, good, sizeof bad);
        memcpy(bad + decode_rows[r].off, patch, n);
        CU_ASSERT_EQUAL(volmap_decode(bad, &m), decode_rows[r].err);
    }
    m.vm_nareas = VOL_MAP_MAX_AREAS + 1;
    CU_ASSERT_EQUAL(volmap_encode(&m, bad), VOLMAP_E_NAREAS);
}

/* ---- validation ---- */

static const struct validate_row {
    const char     *what;
    uint32_t        cyls;
    struct area_row areas[MAX_ROW_AREAS];
    int             err, area, other;
} validate_rows[] = {
    { "good", 100, { { VOL_AREA_NUC, 1, 4, NULL }, { VOL_AREA_PAGE, 5, 95, NULL } },
      VOLMAP_OK, -1, -1 },
    { "areas touching", 20, { { VOL_AREA_DIR, 1, 10, NULL }, { VOL_AREA_WARM, 11, 9, NULL } },
      VOLMAP_OK, -1, -1 },
    { "no areas", 1, { { 0, 0, 0, NULL } }, VOLMAP_OK, -1, -1 },
    { "volume of 0 cylinders", 0, { { 0, 0, 0, NULL } }, VOLMAP_E_CYLS, -1, -1 },
    { "volume too large", 886, { { 0, 0, 0, NULL } }, VOLMAP_E_CYLS, -1, -1 },
    { "type 0", 10, { { VOL_AREA_NUC, 1, 1, NULL }, { 0, 2, 1, "X" } },
      VOLMAP_E_AREA_TYPE, 1, -1 },
    { "type 8", 10, { { 8, 2, 1, "X" } }, VOLMAP_E_AREA_TYPE, 0, -1 },
    { "zero cylinders", 10, { { VOL_AREA_PAGE, 2, 0, NULL } }, VOLMAP_E_AREA_EMPTY, 0, -1 },
    { "on cylinder 0", 10, { { VOL_AREA_PAGE, 0, 2, NULL } }, VOLMAP_E_AREA_CYL0, 0, -1 },
    { "one past the end", 100, { { VOL_AREA_PAGE, 95, 6, NULL } }, VOLMAP_E_AREA_END, 0, -1 },
    { "starts past the end", 100, { { VOL_AREA_PAGE, 100, 1, NULL } },
      VOLMAP_E_AREA_END, 0, -1 },
    { "wraps around", 100, { { VOL_AREA_PAGE, 0xFFFFFFFF, 2, NULL } },
      VOLMAP_E_AREA_END, 0, -1 },
    { "lower-case name", 10, { { VOL_AREA_PAGE, 1, 2, "page" } }, VOLMAP_E_AREA_NAME, 0, -1 },
    { "name with a dash", 10, { { VOL_AREA_PAGE, 1, 2, "PG-1" } }, VOLMAP_E_AREA_NAME, 0, -1 },
    { "overlap", 30, { { VOL_AREA_PAGE, 1, 10, NULL }, { VOL_AREA_SPOOL, 10, 5, NULL } },
      VOLMAP_E_OVERLAP, 1, 0 },
    { "inside another", 30, { { VOL_AREA_PAGE, 1, 20, NULL }, { VOL_AREA_TDSK, 5, 2, NULL } },
      VOLMAP_E_OVERLAP, 1, 0 },
    { "third hits first", 30, { { VOL_AREA_PAGE, 5, 5, NULL }, { VOL_AREA_DIR, 1, 1, NULL },
                                { VOL_AREA_PERM, 2, 4, NULL } },
      VOLMAP_E_OVERLAP, 2, 0 },
    { "two NUC areas", 30, { { VOL_AREA_NUC, 1, 2, NULL }, { VOL_AREA_PAGE, 3, 2, NULL },
                             { VOL_AREA_NUC, 5, 2, NULL } },
      VOLMAP_E_TWO_NUC, 2, 0 },
};

static void test_validate(void)
{
    static struct vol_map m;

    for (size_t r = 0; r < sizeof validate_rows / sizeof validate_rows[0]; r++) {
        const struct validate_row *row = &validate_rows[r];
        int area = 99, other = 99;
        map_from_rows(&m, row->cyls, row->areas);
        CU_ASSERT_EQUAL(volmap_validate(&m, &area, &other), row->err);
        CU_ASSERT_EQUAL(area, row->area);
        CU_ASSERT_EQUAL(other, row->other);
        if (volmap_validate(&m, NULL, NULL) != row->err)
            printf("\n  validate row \"%s\" failed\n", row->what);
    }
}

/* Geometry the CPCMS layout does not allow. */
static const struct geometry_row {
    uint16_t heads, recs;
    uint32_t blksize;
    uint32_t nareas;
    int      err;
} geometry_rows[] = {
    { 15, 10, 4096, 0, VOLMAP_OK },
    { 30, 10, 4096, 0, VOLMAP_E_GEOMETRY },
    { 15, 12, 4096, 0, VOLMAP_E_GEOMETRY },
    { 15, 10, 2048, 0, VOLMAP_E_GEOMETRY },
    { 15, 10, 4096, VOL_MAP_MAX_AREAS + 1, VOLMAP_E_NAREAS },
};

static void test_validate_geometry(void)
{
    static struct vol_map m;

    for (size_t r = 0; r < sizeof geometry_rows / sizeof geometry_rows[0]; r++) {
        volmap_init(&m, 10);
        m.vm_heads = geometry_rows[r].heads;
        m.vm_recs_per_track = geometry_rows[r].recs;
        m.vm_blksize = geometry_rows[r].blksize;
        m.vm_nareas = geometry_rows[r].nareas;
        CU_ASSERT_EQUAL(volmap_validate(&m, NULL, NULL), geometry_rows[r].err);
    }
}

/* Every code has its own message; strange codes get a generic one. */
static void test_strerror(void)
{
    for (int e = 0; e < VOLMAP_E_COUNT; e++) {
        const char *msg = volmap_strerror(e);
        CU_ASSERT_PTR_NOT_NULL_FATAL(msg);
        CU_ASSERT(strlen(msg) > 0);
        CU_ASSERT(strcmp(msg, "unknown volmap error") != 0);
        for (int f = 0; f < e; f++)
            CU_ASSERT(strcmp(msg, volmap_strerror(f)) != 0);
    }
    CU_ASSERT_STRING_EQUAL(volmap_strerror(-1), "unknown volmap error");
    CU_ASSERT_STRING_EQUAL(volmap_strerror(VOLMAP_E_COUNT), "unknown volmap error");
}

/* ---- area types and areas ---- */

static const struct type_row {
    const char *name;
    unsigned    type;      /* 0: unknown */
    const char *label;
} type_rows[] = {
    { "NUC", VOL_AREA_NUC, "NUCLEUS" },   { "nuc", VOL_AREA_NUC, "NUCLEUS" },
    { "DIR", VOL_AREA_DIR, "DIRECTRY" },  { "WARM", VOL_AREA_WARM, "WARMSTRT" },
    { "Page", VOL_AREA_PAGE, "PAGING" },  { "SPOOL", VOL_AREA_SPOOL, "SPOOL" },
    { "TDSK", VOL_AREA_TDSK, "TDISK" },   { "PERM", VOL_AREA_PERM, "PERM" },
    { "NU", 0, NULL }, { "NUCX", 0, NULL }, { "", 0, NULL }, { "TDISK", 0, NULL },
};

static void test_types(void)
{
    size_t n = 0;

    for (size_t r = 0; r < sizeof type_rows / sizeof type_rows[0]; r++) {
        const struct volmap_type *t = volmap_type_by_name(type_rows[r].name);
        if (type_rows[r].type == 0) {
            CU_ASSERT_PTR_NULL(t);
            continue;
        }
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        CU_ASSERT_EQUAL(t->vt_type, type_rows[r].type);
        CU_ASSERT_STRING_EQUAL(t->vt_label, type_rows[r].label);
        CU_ASSERT_PTR_EQUAL(volmap_type_by_id(type_rows[r].type), t);
    }
    CU_ASSERT_PTR_NULL(volmap_type_by_id(0));
    CU_ASSERT_PTR_NULL(volmap_type_by_id(8));
    while (volmap_type_at(n) != NULL)
        n++;
    CU_ASSERT_EQUAL(n, 7);
}

static void test_add_area(void)
{
    static struct vol_map m;

    volmap_init(&m, 10);
    CU_ASSERT_EQUAL(volmap_add_area(&m, VOL_AREA_SPOOL, 1, 2, NULL), VOLMAP_OK);
    CU_ASSERT_STRING_EQUAL(m.vm_area[0].va_name, "SPOOL");
    CU_ASSERT_EQUAL(volmap_add_area(&m, VOL_AREA_PAGE, 3, 2, "EIGHTCHR"), VOLMAP_OK);
    CU_ASSERT_EQUAL(volmap_add_area(&m, VOL_AREA_PAGE, 5, 2, "NINECHARS"),
                    VOLMAP_E_AREA_NAME);
    CU_ASSERT_EQUAL(m.vm_nareas, 2);
    CU_ASSERT_EQUAL(volmap_find_area(&m, VOL_AREA_PAGE), 1);
    CU_ASSERT_EQUAL(volmap_find_area(&m, VOL_AREA_NUC), -1);
}

static const struct block_row {
    uint32_t first, count, block;
    bool     ok;
    uint32_t cyl;
    uint16_t head;
    uint8_t  rec;
} block_rows[] = {
    { 1, 2, 0,   true, 1, 0, 1 },   { 1, 2, 9,   true, 1, 0, 10 },
    { 1, 2, 10,  true, 1, 1, 1 },   { 1, 2, 149, true, 1, 14, 10 },
    { 1, 2, 150, true, 2, 0, 1 },   { 1, 2, 299, true, 2, 14, 10 },
    { 1, 2, 300, false, 0, 0, 0 },  { 7, 1, 42,  true, 7, 4, 3 },
};

static void test_area_block(void)
{
    for (size_t r = 0; r < sizeof block_rows / sizeof block_rows[0]; r++) {
        const struct block_row *row = &block_rows[r];
        struct vol_area a = { VOL_AREA_NUC, row->first, row->count, "" };
        struct volmap_chr chr = { 0, 0, 0 };
        CU_ASSERT_EQUAL(volmap_area_block(&a, row->block, &chr), row->ok);
        if (!row->ok)
            continue;
        CU_ASSERT_EQUAL(chr.vc_cyl, row->cyl);
        CU_ASSERT_EQUAL(chr.vc_head, row->head);
        CU_ASSERT_EQUAL(chr.vc_rec, row->rec);
    }
}

/* ---- the VOL1 label ---- */

static const struct label_row {
    const char *volser;
    int         err;
    const char *ebcdic;     /* expected bytes 4-9 */
} label_rows[] = {
    { "CPRES0", VOLMAP_OK, "C3D7D9C5E2F0" },
    { "A",      VOLMAP_OK, "C14040404040" },
    { "@#$189", VOLMAP_OK, "7C7B5BF1F8F9" },
    { "",        VOLMAP_E_VOLSER, NULL },
    { "CPRES01", VOLMAP_E_VOLSER, NULL },
    { "cpres0",  VOLMAP_E_VOLSER, NULL },
    { "CP-1",    VOLMAP_E_VOLSER, NULL },
    { "CP 1",    VOLMAP_E_VOLSER, NULL },
};

static void test_label(void)
{
    uint8_t label[VOL_LABEL_LEN], want[8];
    char volser[7];

    for (size_t r = 0; r < sizeof label_rows / sizeof label_rows[0]; r++) {
        const struct label_row *row = &label_rows[r];
        CU_ASSERT_EQUAL(volmap_label_build(label, row->volser), row->err);
        if (row->err != VOLMAP_OK)
            continue;
        CU_ASSERT(memcmp(label, "\xE5\xD6\xD3\xF1", 4) == 0);        /* VOL1 */
        unhex(row->ebcdic, want);
        CU_ASSERT(memcmp(label + 4, want, 6) == 0);
        CU_ASSERT_EQUAL(label[10], 0x40);                            /* security */
        for (int i = 11; i < 16; i++)
            CU_ASSERT_EQUAL(label[i], 0);                            /* no VTOC */
        for (int i = 16; i < (int)VOL_LABEL_LEN; i++)
            CU_ASSERT_EQUAL(label[i], 0x40);
        CU_ASSERT_EQUAL(volmap_label_volser(label, volser), VOLMAP_OK);
        CU_ASSERT_STRING_EQUAL(volser, row->volser);
    }
    label[3] = 0xF2;                                                 /* VOL2 */
    CU_ASSERT_EQUAL(volmap_label_volser(label, volser), VOLMAP_E_LABEL);
}

/* ---- IPL records ---- */

/* The first track of a nucleus of nblocks blocks in an area at first: the
 * model disk below, written from vol.h's rule rather than volmap's code. */
struct model_disk {
    uint32_t       first;      /* NUC area's first cylinder */
    uint32_t       nblocks;
    const uint8_t *image;      /* nucleus, padded to whole blocks */
};

/* Record rec of track (cyl, head), or NULL if the volume has none there. */
static const uint8_t *model_record(const struct model_disk *d, uint32_t cyl,
                                   uint32_t head, uint32_t rec)
{
    uint32_t block;

    if (cyl < d->first || head >= VOL_HEADS || rec < 1 || rec > VOL_RECS_PER_TRACK)
        return NULL;
    block = ((cyl - d->first) * VOL_HEADS + head) * VOL_RECS_PER_TRACK + rec - 1;
    return block < d->nblocks ? d->image + (size_t)block * VOL_BLKSIZE : NULL;
}

/* The channel: where it is on the disk, and the storage it loads into
 * (a window [base, base + len) of absolute storage). */
struct model_chan {
    const uint8_t *ipl2;
    uint32_t       ipl2_len;
    uint32_t       cyl, head;
    uint32_t       next_count;    /* record whose count field passes next */
    uint32_t       next_data;     /* record READ DATA reads next          */
    uint8_t       *store;
    uint32_t       base, len;
    int            reads;
};

/* A channel-program argument must lie inside IPL2. */
static const uint8_t *model_arg(const struct model_chan *ch, uint32_t addr,
                                uint32_t len)
{
    if (addr < VOL_IPL2_ADDR || addr - VOL_IPL2_ADDR + len > ch->ipl2_len)
        return NULL;
    return ch->ipl2 + (addr - VOL_IPL2_ADDR);
}

/* Run one CCW; returns 0 (go on), 1 (status modifier: skip one CCW) or
 * -1 (the program is wrong). */
static int model_ccw(struct model_chan *ch, const struct model_disk *d,
                     const uint8_t *ccw)
{
    uint32_t addr = (uint32_t)ccw[1] << 16 | be16(ccw + 2), count = be16(ccw + 6);
    const uint8_t *arg, *data;

    switch (ccw[0]) {
    case 0x07:                       /* SEEK: position, back to the index */
        if (count != 6 || (arg = model_arg(ch, addr, 6)) == NULL || be16(arg) != 0)
            return -1;
        ch->cyl = be16(arg + 2);
        ch->head = be16(arg + 4);
        ch->next_count = 0;
        return 0;
    case 0x31:                       /* SEARCH ID EQUAL on the next count */
        if (count != 5 || (arg = model_arg(ch, addr, 5)) == NULL)
            return -1;
        if (be16(arg) == ch->cyl && be16(arg + 2) == ch->head
            && arg[4] == ch->next_count) {
            ch->next_data = ch->next_count;
            return 1;
        }
        ch->next_count = (ch->next_count + 1) % (VOL_RECS_PER_TRACK + 1);
        return 0;
    case 0x06:                       /* READ DATA of the next record */
        data = model_record(d, ch->cyl, ch->head, ch->next_data);
        if (data == NULL || count != VOL_BLKSIZE || addr < ch->base
            || addr - ch->base + count > ch->len)
            return -1;
        memcpy(ch->store + (addr - ch->base), data, count);
        ch->next_data++;
        ch->next_count = ch->next_data;
        ch->reads++;
        return 0;
    default:
        return -1;
    }
}

/* Run IPL2 from VOL_IPL2_ADDR; 0 when the chain ends cleanly. */
static int model_run(struct model_chan *ch, const struct model_disk *d)
{
    uint32_t at = VOL_IPL2_ADDR;

    for (int steps = 0; steps < 100000; steps++) {
        const uint8_t *ccw = model_arg(ch, at, VOLMAP_CCW_LEN);
        int rc;

        if (ccw == NULL || (at & 7) != 0)
            return -1;
        if (ccw[0] == 0x08) {            /* TIC */
            at = (uint32_t)ccw[1] << 16 | be16(ccw + 2);
            continue;
        }
        if (ccw[5] != 0 || (ccw[4] & ~0x40) != 0)
            return -1;                   /* only CC may be set */
        if ((rc = model_ccw(ch, d, ccw)) < 0)
            return -1;
        if (!(ccw[4] & 0x40))
            return 0;                    /* end of the chain */
        at += VOLMAP_CCW_LEN * (uint32_t)(1 + rc);
    }
    return -1;                           /* a search that never matches */
}

/* The CCWs, decoded: per track SEEK, SEARCH, TIC to the SEARCH, then READs. */
static void check_ipl2_shape(const uint8_t *ipl2, uint32_t len, uint32_t nblocks,
                             uint32_t load)
{
    uint32_t at = 0, block = 0;

    while (block < nblocks) {
        CU_ASSERT_FATAL(at + 24 <= len);
        CU_ASSERT_EQUAL(ipl2[at], 0x07);
        CU_ASSERT_EQUAL(ipl2[at + 4], 0x40);
        CU_ASSERT_EQUAL(ipl2[at + 8], 0x31);
        CU_ASSERT_EQUAL(ipl2[at + 12], 0x40);
        CU_ASSERT_EQUAL(ipl2[at + 16], 0x08);
        CU_ASSERT_EQUAL(be32(ipl2 + at + 16) & 0xFFFFFF, VOL_IPL2_ADDR + at + 8);
        at += 24;
        for (uint32_t k = 0; k < VOL_RECS_PER_TRACK && block < nblocks; k++, block++) {
            bool last = block == nblocks - 1;
            CU_ASSERT_EQUAL(ipl2[at], 0x06);
            CU_ASSERT_EQUAL(be32(ipl2 + at) & 0xFFFFFF, load + block * VOL_BLKSIZE);
            CU_ASSERT_EQUAL(ipl2[at + 4], last ? 0x00 : 0x40);
            CU_ASSERT_EQUAL(be16(ipl2 + at + 6), VOL_BLKSIZE);
            at += 8;
        }
    }
    /* Then the arguments: 11 bytes per track. */
    CU_ASSERT_EQUAL(len, at + 11 * ((nblocks + 9) / 10));
}

static const struct ipl_row {
    const char *what;
    uint32_t    nuc_first, nuc_cyls, len, load, entry_off;
} ipl_rows[] = {
    { "1 byte",                1, 1, 1,                0x20000, 0 },
    { "1 block",               1, 1, 4096,             0x20000, 0 },
    { "10 blocks, one track",  1, 1, 40960,            0x4000,  0x100 },
    { "11 blocks",             1, 2, 40961,            0x20000, 40960 },
    { "a whole cylinder",      3, 2, 150 * 4096,       0x100000, 2 },
    { "one block more",        3, 2, 150 * 4096 + 10,  0x100000, 0 },
    { "up to 16M exactly",     9, 8, 1000 * 4096,      0x1000000 - 1000 * 4096, 0 },
};

static void check_ipl1(const uint8_t *ipl1, uint32_t entry, uint32_t ipl2_len)
{
    uint8_t want[24];

    unhex("0008000080000000" "0600100060000000" "0800100000000000", want);
    want[4] |= (uint8_t)(entry >> 24);
    want[5] = (uint8_t)(entry >> 16);
    want[6] = (uint8_t)(entry >> 8);
    want[7] = (uint8_t)entry;
    want[14] = (uint8_t)(ipl2_len >> 8);
    want[15] = (uint8_t)ipl2_len;
    CU_ASSERT(memcmp(ipl1, want, sizeof want) == 0);
}

static void test_ipl_rows(void)
{
    static struct vol_map m;
    static uint8_t ipl2[VOL_IPL2_MAX];
    uint8_t ipl1[VOLMAP_IPL1_LEN];

    for (size_t r = 0; r < sizeof ipl_rows / sizeof ipl_rows[0]; r++) {
        const struct ipl_row *row = &ipl_rows[r];
        uint32_t nblocks = (row->len + 4095) / 4096, ipl2_len = 0;
        uint32_t win = (nblocks + 2) * 4096;
        uint8_t *image = calloc(nblocks, 4096), *store = malloc(win);
        struct model_disk disk = { row->nuc_first, nblocks, image };
        struct model_chan ch = { .ipl2 = ipl2, .store = store,
                                 .base = row->load - 4096, .len = win };

        CU_ASSERT_FATAL(image != NULL && store != NULL);
        for (uint32_t i = 0; i < row->len; i++)
            image[i] = (uint8_t)(i / 4096 * 7 + i % 251 + 1);
        memset(store, 0xEE, win);
        map_from_rows(&m, 100, (struct area_row[MAX_ROW_AREAS]){
                          { VOL_AREA_NUC, row->nuc_first, row->nuc_cyls, NULL } });
        m.vm_nuc_len = row->len;
        m.vm_nuc_load = row->load;
        m.vm_nuc_entry = row->load + row->entry_off;
        CU_ASSERT_EQUAL_FATAL(volmap_ipl_build(&m, ipl1, ipl2, &ipl2_len), VOLMAP_OK);
        CU_ASSERT_EQUAL(ipl2_len, volmap_ipl2_len(row->len));
        check_ipl1(ipl1, 0x80000000u | m.vm_nuc_entry, ipl2_len);
        check_ipl2_shape(ipl2, ipl2_len, nblocks, row->load);
        ch.ipl2_len = ipl2_len;
        CU_ASSERT_EQUAL(model_run(&ch, &disk), 0);
        CU_ASSERT_EQUAL(ch.reads, (int)nblocks);
        /* Every block landed in place; the bytes either side are untouched. */
        CU_ASSERT(memcmp(store + 4096, image, (size_t)nblocks * 4096) == 0);
        CU_ASSERT(store[4095] == 0xEE && store[4096 + nblocks * 4096] == 0xEE);
        free(image);
        free(store);
    }
}

static const struct ipl_err_row {
    const char *what;
    bool        has_nuc;
    uint32_t    nuc_cyls, len, load, entry;
    int         err;
} ipl_err_rows[] = {
    { "no NUC area",        false, 1, 4096, 0x20000, 0x20000, VOLMAP_E_NO_NUC },
    { "empty",              true,  1, 0,    0x20000, 0x20000, VOLMAP_E_NUC_EMPTY },
    { "load just too low",  true,  1, 4096, 0x3FFE,  0x3FFE,  VOLMAP_E_NUC_LOAD },
    { "load at the limit",  true,  1, 4096, 0x4000,  0x4000,  VOLMAP_OK },
    { "ends at 16M",        true,  1, 4096, 0xFFF000, 0xFFF000, VOLMAP_OK },
    { "one byte past 16M",  true,  1, 4097, 0xFFF000, 0xFFF000, VOLMAP_E_NUC_END },
    { "padding past 16M",   true,  1, 100,  0xFFF800, 0xFFF800, VOLMAP_E_NUC_END },
    { "load at 16M",        true,  1, 2,    0x1000000, 0x1000000, VOLMAP_E_NUC_END },
    { "load wraps",         true,  1, 8192, 0xFFFFF000, 0xFFFFF000, VOLMAP_E_NUC_END },
    { "entry below",        true,  1, 4096, 0x20000, 0x1FFFE, VOLMAP_E_NUC_ENTRY },
    { "entry at the end",   true,  1, 4096, 0x20000, 0x21000, VOLMAP_E_NUC_ENTRY },
    { "entry last halfword", true, 1, 4096, 0x20000, 0x20FFE, VOLMAP_OK },
    { "entry odd",          true,  1, 4096, 0x20000, 0x20001, VOLMAP_E_NUC_ENTRY },
    { "fills the area",     true,  1, 150 * 4096, 0x20000, 0x20000, VOLMAP_OK },
    { "larger than area",   true,  1, 150 * 4096 + 1, 0x20000, 0x20000, VOLMAP_E_NUC_SIZE },
    { "longest IPL2",       true,  8, 1067 * 4096, 0x4000, 0x4000, VOLMAP_OK },
    { "IPL2 too long",      true,  8, 1067 * 4096 + 1, 0x4000, 0x4000, VOLMAP_E_IPL2_SIZE },
};

static void test_ipl_errors(void)
{
    static struct vol_map m;
    static uint8_t ipl2[VOL_IPL2_MAX];
    uint8_t ipl1[VOLMAP_IPL1_LEN];
    uint32_t ipl2_len;

    CU_ASSERT(volmap_ipl2_len(1067 * 4096) <= VOL_IPL2_MAX);
    CU_ASSERT(volmap_ipl2_len(1067 * 4096 + 1) > VOL_IPL2_MAX);
    for (size_t r = 0; r < sizeof ipl_err_rows / sizeof ipl_err_rows[0]; r++) {
        const struct ipl_err_row *row = &ipl_err_rows[r];
        map_from_rows(&m, 20, (struct area_row[MAX_ROW_AREAS]){
                          { row->has_nuc ? VOL_AREA_NUC : VOL_AREA_PAGE, 1,
                            row->nuc_cyls, NULL } });
        m.vm_nuc_len = row->len;
        m.vm_nuc_load = row->load;
        m.vm_nuc_entry = row->entry;
        CU_ASSERT_EQUAL(volmap_nuc_check(&m), row->err);
        CU_ASSERT_EQUAL(volmap_ipl_build(&m, ipl1, ipl2, &ipl2_len), row->err);
        if (volmap_nuc_check(&m) != row->err)
            printf("\n  IPL row \"%s\" failed\n", row->what);
    }
}

/* No nucleus yet: IPL ends at once in a disabled wait. */
static void test_ipl_placeholder(void)
{
    uint8_t ipl1[VOLMAP_IPL1_LEN], ipl2[VOLMAP_CCW_LEN], want[24];
    uint32_t len = 0;

    volmap_ipl_placeholder(ipl1, ipl2, &len);
    CU_ASSERT_EQUAL(len, 8);
    unhex("000A000000000000" "0600100060000008" "0800100000000000", want);
    CU_ASSERT(memcmp(ipl1, want, 24) == 0);
    unhex("0300000020000001", want);
    CU_ASSERT(memcmp(ipl2, want, 8) == 0);
}

static const struct {
    const char *name;
    CU_TestFunc fn;
} volmap_tests[] = {
    { "map round trip", test_map_roundtrip },
    { "map round trip, every entry used", test_map_roundtrip_full },
    { "map bytes", test_map_bytes },
    { "map decode errors", test_map_decode_errors },
    { "validate areas", test_validate },
    { "validate geometry", test_validate_geometry },
    { "error messages", test_strerror },
    { "area type table", test_types },
    { "add area", test_add_area },
    { "area block addresses", test_area_block },
    { "VOL1 label", test_label },
    { "IPL1 and IPL2 load the nucleus", test_ipl_rows },
    { "IPL errors", test_ipl_errors },
    { "IPL placeholder", test_ipl_placeholder },
};

void suite_volmap(void)
{
    CU_pSuite s = CU_add_suite("volmap", NULL, NULL);

    if (s == NULL)
        return;
    for (size_t i = 0; i < sizeof volmap_tests / sizeof volmap_tests[0]; i++)
        CU_add_test(s, volmap_tests[i].name, volmap_tests[i].fn);
}
