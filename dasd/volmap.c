/* volmap.c: the allocation map, VOL1 label and IPL records of a CPCMS volume.
 *
 * Pure logic shared by CP and the host tools (see volmap.h).  Every field is
 * stored big-endian one byte at a time, so the record means the same thing on
 * a little-endian host and on the big-endian machine.
 */
#include "../cp/cplib.h"
#include "../cp/bigend.h"
#include "../cp/ebcdic.h"
#include "volmap.h"

/* Indexed by enum volmap_err. */
static const char *const volmap_msgs[VOLMAP_E_COUNT] = {
    [VOLMAP_OK]           = "no error",
    [VOLMAP_E_MAGIC]      = "not an allocation map (bad magic number)",
    [VOLMAP_E_VERSION]    = "allocation map version not supported",
    [VOLMAP_E_DEVTYPE]    = "allocation map is not for a 3380",
    [VOLMAP_E_NAREAS]     = "too many areas for one map record",
    [VOLMAP_E_GEOMETRY]   = "map geometry is not 15 heads, 10 blocks of 4096 bytes",
    [VOLMAP_E_CYLS]       = "volume size out of range (1 to 885 cylinders)",
    [VOLMAP_E_AREA_TYPE]  = "unknown area type",
    [VOLMAP_E_AREA_EMPTY] = "area has zero cylinders",
    [VOLMAP_E_AREA_CYL0]  = "area uses cylinder 0, which holds the volume label",
    [VOLMAP_E_AREA_END]   = "area extends beyond the end of the volume",
    [VOLMAP_E_AREA_NAME]  = "area name must be up to 8 of A-Z 0-9 @ # $",
    [VOLMAP_E_OVERLAP]    = "areas overlap",
    [VOLMAP_E_TWO_NUC]    = "more than one NUC area",
    [VOLMAP_E_VOLSER]     = "volser must be 1 to 6 of A-Z 0-9 @ # $",
    [VOLMAP_E_LABEL]      = "record is not a VOL1 label",
    [VOLMAP_E_NO_NUC]     = "volume has no NUC area",
    [VOLMAP_E_NUC_EMPTY]  = "nucleus is empty",
    [VOLMAP_E_NUC_LOAD]   = "nucleus load address below X'4000'",
    [VOLMAP_E_NUC_END]    = "nucleus would end beyond X'1000000' (24-bit CCW limit)",
    [VOLMAP_E_NUC_ENTRY]  = "entry point is not an even address inside the nucleus",
    [VOLMAP_E_NUC_SIZE]   = "nucleus is larger than the NUC area",
    [VOLMAP_E_IPL2_SIZE]  = "IPL2 bootstrap program would exceed X'3000' bytes",
};

const char *volmap_strerror(int err)
{
    if (err < 0 || err >= VOLMAP_E_COUNT || volmap_msgs[err] == NULL)
        return "unknown volmap error";
    return volmap_msgs[err];
}

/* ---- area types ---- */

static const struct volmap_type volmap_types[] = {
    { VOL_AREA_NUC,   "NUC",   "NUCLEUS"  },
    { VOL_AREA_DIR,   "DIR",   "DIRECTRY" },
    { VOL_AREA_WARM,  "WARM",  "WARMSTRT" },
    { VOL_AREA_PAGE,  "PAGE",  "PAGING"   },
    { VOL_AREA_SPOOL, "SPOOL", "SPOOL"    },
    { VOL_AREA_TDSK,  "TDSK",  "TDISK"    },
    { VOL_AREA_PERM,  "PERM",  "PERM"     },
};
#define VOLMAP_NTYPES (sizeof volmap_types / sizeof volmap_types[0])

static char volmap_upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

const struct volmap_type *volmap_type_at(size_t i)
{
    return i < VOLMAP_NTYPES ? &volmap_types[i] : NULL;
}

const struct volmap_type *volmap_type_by_id(unsigned type)
{
    for (size_t i = 0; i < VOLMAP_NTYPES; i++)
        if (volmap_types[i].vt_type == type)
            return &volmap_types[i];
    return NULL;
}

const struct volmap_type *volmap_type_by_name(const char *name)
{
    for (size_t i = 0; i < VOLMAP_NTYPES; i++) {
        const char *t = volmap_types[i].vt_name;
        size_t k = 0;
        while (t[k] != '\0' && volmap_upper(name[k]) == t[k])
            k++;
        if (t[k] == '\0' && name[k] == '\0')
            return &volmap_types[i];
    }
    return NULL;
}

/* Volsers and area names share OS/360's character set for names. */
static bool volmap_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '@' || c == '#' || c == '$';
}

/* True if s is min..max characters of the name set. */
static bool volmap_name_ok(const char *s, size_t min, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n] != '\0') {
        if (!volmap_name_char(s[n]))
            return false;
        n++;
    }
    return n >= min && n <= max;
}

/* ---- the allocation map ---- */

void volmap_init(struct vol_map *map, uint32_t cyls)
{
    memset(map, 0, sizeof *map);
    map->vm_cyls = cyls;
    map->vm_heads = VOL_HEADS;
    map->vm_recs_per_track = VOL_RECS_PER_TRACK;
    map->vm_blksize = VOL_BLKSIZE;
}

int volmap_add_area(struct vol_map *map, unsigned type, uint32_t first,
                    uint32_t count, const char *name)
{
    struct vol_area *a;

    if (map->vm_nareas >= VOL_MAP_MAX_AREAS)
        return VOLMAP_E_NAREAS;
    if (name == NULL) {
        const struct volmap_type *t = volmap_type_by_id(type);
        name = t ? t->vt_label : "";
    }
    if (strlen(name) >= sizeof a->va_name)
        return VOLMAP_E_AREA_NAME;
    a = &map->vm_area[map->vm_nareas++];
    memset(a, 0, sizeof *a);
    a->va_type = (uint16_t)type;
    a->va_first = first;
    a->va_count = count;
    memcpy(a->va_name, name, strlen(name));
    return VOLMAP_OK;
}

/* One 20-byte area entry; the name goes out blank padded, in EBCDIC. */
static void volmap_put_area(uint8_t *p, const struct vol_area *a)
{
    char name[8];
    size_t i;

    memset(name, ' ', sizeof name);
    for (i = 0; i < sizeof name && a->va_name[i] != '\0'; i++)
        name[i] = a->va_name[i];
    be_put16(p, a->va_type);
    be_put16(p + 2, 0);
    be_put32(p + 4, a->va_first);
    be_put32(p + 8, a->va_count);
    ebc_from_ascii(p + 12, name, sizeof name);
}

static void volmap_get_area(const uint8_t *p, struct vol_area *a)
{
    size_t n = 8;

    a->va_type = (uint16_t)be_get16(p);
    a->va_first = be_get32(p + 4);
    a->va_count = be_get32(p + 8);
    ebc_to_ascii(a->va_name, p + 12, n);
    while (n > 0 && a->va_name[n - 1] == ' ')
        n--;
    a->va_name[n] = '\0';
}

int volmap_encode(const struct vol_map *map, uint8_t rec[VOL_BLKSIZE])
{
    if (map->vm_nareas > VOL_MAP_MAX_AREAS)
        return VOLMAP_E_NAREAS;
    memset(rec, 0, VOL_BLKSIZE);
    be_put32(rec + 0, VOL_MAP_MAGIC);
    be_put16(rec + 4, VOL_MAP_VERSION);
    be_put16(rec + 6, VOL_DEVTYPE);
    be_put32(rec + 8, map->vm_cyls);
    be_put16(rec + 12, map->vm_heads);
    be_put16(rec + 14, map->vm_recs_per_track);
    be_put32(rec + 16, map->vm_blksize);
    be_put32(rec + 20, map->vm_nareas);
    be_put32(rec + 24, map->vm_nuc_len);
    be_put32(rec + 28, map->vm_nuc_load);
    be_put32(rec + 32, map->vm_nuc_entry);
    for (uint32_t i = 0; i < map->vm_nareas; i++)
        volmap_put_area(rec + VOL_MAP_HDR_LEN + i * VOL_MAP_ENTRY_LEN,
                        &map->vm_area[i]);
    return VOLMAP_OK;
}

int volmap_decode(const uint8_t rec[VOL_BLKSIZE], struct vol_map *map)
{
    uint32_t nareas = be_get32(rec + 20);

    if (be_get32(rec + 0) != VOL_MAP_MAGIC)
        return VOLMAP_E_MAGIC;
    if (be_get16(rec + 4) != VOL_MAP_VERSION)
        return VOLMAP_E_VERSION;
    if (be_get16(rec + 6) != VOL_DEVTYPE)
        return VOLMAP_E_DEVTYPE;
    if (nareas > VOL_MAP_MAX_AREAS)
        return VOLMAP_E_NAREAS;
    memset(map, 0, sizeof *map);
    map->vm_cyls = be_get32(rec + 8);
    map->vm_heads = (uint16_t)be_get16(rec + 12);
    map->vm_recs_per_track = (uint16_t)be_get16(rec + 14);
    map->vm_blksize = be_get32(rec + 16);
    map->vm_nareas = nareas;
    map->vm_nuc_len = be_get32(rec + 24);
    map->vm_nuc_load = be_get32(rec + 28);
    map->vm_nuc_entry = be_get32(rec + 32);
    for (uint32_t i = 0; i < nareas; i++)
        volmap_get_area(rec + VOL_MAP_HDR_LEN + i * VOL_MAP_ENTRY_LEN,
                        &map->vm_area[i]);
    return VOLMAP_OK;
}

/* ---- validation ---- */

static int volmap_check_geometry(const struct vol_map *map)
{
    if (map->vm_heads != VOL_HEADS || map->vm_recs_per_track != VOL_RECS_PER_TRACK
        || map->vm_blksize != VOL_BLKSIZE)
        return VOLMAP_E_GEOMETRY;
    if (map->vm_cyls < 1 || map->vm_cyls > VOL_MAX_CYLS)
        return VOLMAP_E_CYLS;
    if (map->vm_nareas > VOL_MAP_MAX_AREAS)
        return VOLMAP_E_NAREAS;
    return VOLMAP_OK;
}

/* One area on its own.  The end test subtracts rather than adds so that a
 * corrupt first/count pair cannot wrap around. */
static int volmap_check_area(const struct vol_map *map, const struct vol_area *a)
{
    if (volmap_type_by_id(a->va_type) == NULL)
        return VOLMAP_E_AREA_TYPE;
    if (a->va_count == 0)
        return VOLMAP_E_AREA_EMPTY;
    if (a->va_first == 0)
        return VOLMAP_E_AREA_CYL0;
    if (a->va_first >= map->vm_cyls || a->va_count > map->vm_cyls - a->va_first)
        return VOLMAP_E_AREA_END;
    if (!volmap_name_ok(a->va_name, 0, 8))
        return VOLMAP_E_AREA_NAME;
    return VOLMAP_OK;
}

/* Two areas already known to lie inside the volume. */
static int volmap_check_pair(const struct vol_area *a, const struct vol_area *b)
{
    if (a->va_first < b->va_first + b->va_count
        && b->va_first < a->va_first + a->va_count)
        return VOLMAP_E_OVERLAP;
    if (a->va_type == VOL_AREA_NUC && b->va_type == VOL_AREA_NUC)
        return VOLMAP_E_TWO_NUC;
    return VOLMAP_OK;
}

int volmap_validate(const struct vol_map *map, int *area, int *other)
{
    int err = volmap_check_geometry(map);
    int bad = -1, with = -1;

    for (uint32_t i = 0; err == VOLMAP_OK && i < map->vm_nareas; i++) {
        err = volmap_check_area(map, &map->vm_area[i]);
        for (uint32_t j = 0; err == VOLMAP_OK && j < i; j++) {
            err = volmap_check_pair(&map->vm_area[i], &map->vm_area[j]);
            if (err != VOLMAP_OK)
                with = (int)j;
        }
        if (err != VOLMAP_OK)
            bad = (int)i;
    }
    if (area != NULL)
        *area = bad;
    if (other != NULL)
        *other = with;
    return err;
}

int volmap_find_area(const struct vol_map *map, unsigned type)
{
    for (uint32_t i = 0; i < map->vm_nareas && i < VOL_MAP_MAX_AREAS; i++)
        if (map->vm_area[i].va_type == type)
            return (int)i;
    return -1;
}

uint32_t volmap_area_blocks(const struct vol_area *area)
{
    const uint32_t per_cyl = VOL_HEADS * VOL_RECS_PER_TRACK;

    if (area->va_count > UINT32_MAX / per_cyl)
        return UINT32_MAX;
    return area->va_count * per_cyl;
}

bool volmap_area_block(const struct vol_area *area, uint32_t block,
                       struct volmap_chr *chr)
{
    uint32_t track = block / VOL_RECS_PER_TRACK;

    if (block >= volmap_area_blocks(area))
        return false;
    chr->vc_cyl = area->va_first + track / VOL_HEADS;
    chr->vc_head = (uint16_t)(track % VOL_HEADS);
    chr->vc_rec = (uint8_t)(block % VOL_RECS_PER_TRACK + 1);
    return true;
}

/* ---- the VOL1 label ----
 * OS/360 DASD volume label, 80 bytes EBCDIC:
 *   0  4  "VOL1"           4  6  volser
 *  10  1  security (blank) 11  5  VTOC address CCHHR (zero: no VTOC)
 *  16 21  reserved         37 14  owner            51 29  reserved
 * Everything but the VTOC address is blank when not used.
 */
#define VOLMAP_VTOC_OFF 11u
#define VOLMAP_VTOC_LEN 5u

int volmap_label_build(uint8_t label[VOL_LABEL_LEN], const char *volser)
{
    char text[VOL_LABEL_LEN];

    if (!volmap_name_ok(volser, 1, VOL_LABEL_VOLSER_LEN))
        return VOLMAP_E_VOLSER;
    memset(text, ' ', sizeof text);
    memcpy(text, "VOL1", 4);
    memcpy(text + VOL_LABEL_VOLSER_OFF, volser, strlen(volser));
    ebc_from_ascii(label, text, sizeof text);
    memset(label + VOLMAP_VTOC_OFF, 0, VOLMAP_VTOC_LEN);
    return VOLMAP_OK;
}

int volmap_label_volser(const uint8_t label[VOL_LABEL_LEN], char volser[7])
{
    char id[4];
    size_t n = VOL_LABEL_VOLSER_LEN;

    ebc_to_ascii(id, label, sizeof id);
    if (memcmp(id, "VOL1", sizeof id) != 0)
        return VOLMAP_E_LABEL;
    ebc_to_ascii(volser, label + VOL_LABEL_VOLSER_OFF, n);
    while (n > 0 && volser[n - 1] == ' ')
        n--;
    volser[n] = '\0';
    return volmap_name_ok(volser, 1, VOL_LABEL_VOLSER_LEN) ? VOLMAP_OK
                                                          : VOLMAP_E_VOLSER;
}

/* ---- IPL records ---- */

/* Blocks and tracks of a nucleus, written so that no sum can wrap. */
static uint32_t volmap_nuc_blocks(uint32_t len)
{
    return len / VOL_BLKSIZE + (len % VOL_BLKSIZE != 0);
}

static uint32_t volmap_nuc_tracks(uint32_t blocks)
{
    return blocks / VOL_RECS_PER_TRACK + (blocks % VOL_RECS_PER_TRACK != 0);
}

/* Per track: SEEK, SEARCH, TIC and one READ per block; then the arguments,
 * a 6-byte seek and a 5-byte search argument per track. */
uint32_t volmap_ipl2_len(uint32_t nuc_len)
{
    uint32_t blocks = volmap_nuc_blocks(nuc_len);
    uint32_t tracks = volmap_nuc_tracks(blocks);

    return (3 * tracks + blocks) * VOLMAP_CCW_LEN
         + tracks * (VOLMAP_SEEK_ARG_LEN + VOLMAP_SEARCH_ARG_LEN);
}

int volmap_nuc_check(const struct vol_map *map)
{
    int nuc = volmap_find_area(map, VOL_AREA_NUC);
    uint32_t len = map->vm_nuc_len, load = map->vm_nuc_load;
    uint32_t entry = map->vm_nuc_entry;
    uint32_t blocks = volmap_nuc_blocks(len);

    if (nuc < 0)
        return VOLMAP_E_NO_NUC;
    if (len == 0)
        return VOLMAP_E_NUC_EMPTY;
    if (load < VOL_NUC_MIN_ADDR)
        return VOLMAP_E_NUC_LOAD;
    /* The READs fill whole blocks, so the padded image must fit too. */
    if (load >= VOL_NUC_MAX_ADDR
        || blocks > (VOL_NUC_MAX_ADDR - load) / VOL_BLKSIZE)
        return VOLMAP_E_NUC_END;
    /* An odd instruction address in the IPL PSW is a specification
     * exception (PoP, "Program-Status Word"), so the entry must be even. */
    if (entry < load || entry - load >= len || (entry & 1) != 0)
        return VOLMAP_E_NUC_ENTRY;
    if (blocks > volmap_area_blocks(&map->vm_area[nuc]))
        return VOLMAP_E_NUC_SIZE;
    if (volmap_ipl2_len(len) > VOL_IPL2_MAX)
        return VOLMAP_E_IPL2_SIZE;
    return VOLMAP_OK;
}

static uint8_t *volmap_put_ccw(uint8_t *p, uint8_t cmd, uint32_t addr,
                               uint8_t flags, uint32_t count)
{
    p[0] = cmd;
    p[1] = (uint8_t)(addr >> 16);
    be_put16(p + 2, addr);
    p[4] = flags;
    p[5] = 0;
    be_put16(p + 6, count);
    return p + VOLMAP_CCW_LEN;
}

/* IPL1: the PSW loaded when the IPL chain ends, then CCW1 (at 8) reading the
 * next record, IPL2, to VOL_IPL2_ADDR and CCW2 (at 16) branching to it.
 * SLI because the READ count need not match the record exactly. */
static void volmap_put_ipl1(uint8_t *ipl1, uint32_t psw_hi, uint32_t psw_lo,
                            uint32_t ipl2_len)
{
    be_put32(ipl1, psw_hi);
    be_put32(ipl1 + 4, psw_lo);
    volmap_put_ccw(ipl1 + 8, VOLMAP_CCW_READ_DATA, VOL_IPL2_ADDR,
                   VOLMAP_CCW_CC | VOLMAP_CCW_SLI, ipl2_len);
    volmap_put_ccw(ipl1 + 16, VOLMAP_CCW_TIC, VOL_IPL2_ADDR, 0, 0);
}

/* The CCWs for one track of nucleus: position on it, find R1 (the TIC loops
 * back to the SEARCH until it succeeds; success skips the TIC), then read
 * nblk consecutive records.  args is the offset of this track's arguments
 * in IPL2; *addr advances by a block per READ. */
static uint8_t *volmap_ipl2_track(uint8_t *ipl2, uint8_t *ccw, uint32_t args,
                                  const struct volmap_chr *chr, uint32_t nblk,
                                  uint32_t *addr, bool last_track)
{
    uint8_t *seek = ipl2 + args, *search = seek + VOLMAP_SEEK_ARG_LEN;
    uint32_t search_ccw;

    be_put16(seek, 0);
    be_put16(seek + 2, chr->vc_cyl);
    be_put16(seek + 4, chr->vc_head);
    be_put16(search, chr->vc_cyl);
    be_put16(search + 2, chr->vc_head);
    search[4] = 1;
    ccw = volmap_put_ccw(ccw, VOLMAP_CCW_SEEK, VOL_IPL2_ADDR + args,
                         VOLMAP_CCW_CC, VOLMAP_SEEK_ARG_LEN);
    search_ccw = VOL_IPL2_ADDR + (uint32_t)(ccw - ipl2);
    ccw = volmap_put_ccw(ccw, VOLMAP_CCW_SEARCH_ID,
                         VOL_IPL2_ADDR + args + VOLMAP_SEEK_ARG_LEN,
                         VOLMAP_CCW_CC, VOLMAP_SEARCH_ARG_LEN);
    ccw = volmap_put_ccw(ccw, VOLMAP_CCW_TIC, search_ccw, 0, 0);
    for (uint32_t b = 0; b < nblk; b++) {
        bool end = last_track && b == nblk - 1;
        ccw = volmap_put_ccw(ccw, VOLMAP_CCW_READ_DATA, *addr,
                             end ? 0 : VOLMAP_CCW_CC, VOL_BLKSIZE);
        *addr += VOL_BLKSIZE;
    }
    return ccw;
}

int volmap_ipl_build(const struct vol_map *map, uint8_t ipl1[VOLMAP_IPL1_LEN],
                     uint8_t *ipl2, uint32_t *ipl2_len)
{
    int err = volmap_nuc_check(map);
    const struct vol_area *nuc;
    uint32_t blocks, tracks, args, addr;
    uint8_t *ccw = ipl2;

    if (err != VOLMAP_OK)
        return err;
    nuc = &map->vm_area[volmap_find_area(map, VOL_AREA_NUC)];
    blocks = volmap_nuc_blocks(map->vm_nuc_len);
    tracks = volmap_nuc_tracks(blocks);
    args = (3 * tracks + blocks) * VOLMAP_CCW_LEN;
    addr = map->vm_nuc_load;
    for (uint32_t t = 0; t < tracks; t++) {
        uint32_t first = t * VOL_RECS_PER_TRACK;
        uint32_t nblk = blocks - first;
        struct volmap_chr chr;

        if (nblk > VOL_RECS_PER_TRACK)
            nblk = VOL_RECS_PER_TRACK;
        if (!volmap_area_block(nuc, first, &chr))
            return VOLMAP_E_NUC_SIZE;   /* cannot happen: checked above */
        ccw = volmap_ipl2_track(ipl2, ccw, args, &chr, nblk, &addr,
                                t == tracks - 1);
        args += VOLMAP_SEEK_ARG_LEN + VOLMAP_SEARCH_ARG_LEN;
    }
    *ipl2_len = args;
    volmap_put_ipl1(ipl1, VOLMAP_IPL_PSW_HI,
                    VOLMAP_IPL_PSW_AMODE | map->vm_nuc_entry, *ipl2_len);
    return VOLMAP_OK;
}

void volmap_ipl_placeholder(uint8_t ipl1[VOLMAP_IPL1_LEN], uint8_t *ipl2,
                            uint32_t *ipl2_len)
{
    /* A format-0 count of zero is a program check (PoP, "Channel-Command
     * Word"), so the NOP carries a count of one. */
    volmap_put_ccw(ipl2, VOLMAP_CCW_NOP, 0, VOLMAP_CCW_SLI, 1);
    *ipl2_len = VOLMAP_CCW_LEN;
    volmap_put_ipl1(ipl1, VOLMAP_WAIT_PSW_HI, 0, *ipl2_len);
}
