/* disk.c: accessed disks and their block I/O (see disk.h). Each block is
 * one 4K record: SEEK, SEARCH ID EQUAL, TIC back, READ DATA or WRITE DATA,
 * run by CP through DIAGNOSE X'18' (the machine waits for the end). */
#include "disk.h"
#include "diag.h"
#include "../cp/cplib.h"

#define DT_DASD    0x01
#define DT_RDONLY  0x80
#define HEADS      15u

struct ccw0 {
    uint32_t cmd_addr;
    uint8_t  flags, zero;
    uint16_t count;
} __attribute__((aligned(8)));

static struct disk disks[DISK_MAX];

static uint32_t ccw_word(uint8_t cmd, const void *p)
{
    return (uint32_t)cmd << 24 | ((uint32_t)(uintptr_t)p & 0x00FFFFFFu);
}

/* One block in or out. The argument areas and the chain stay static: the
 * machine waits for the end. */
static int block_io(uint16_t vaddr, uint32_t blk, uint8_t *buf, bool write)
{
    static uint8_t seek[8] __attribute__((aligned(8)));
    static uint8_t id[8] __attribute__((aligned(8)));
    static struct ccw0 prog[4];
    uint32_t t = blk / CMSFS_PER_TRACK, cyl = t / HEADS, head = t % HEADS;
    memset(seek, 0, sizeof seek);
    seek[2] = (uint8_t)(cyl >> 8); seek[3] = (uint8_t)cyl;
    seek[4] = (uint8_t)(head >> 8); seek[5] = (uint8_t)head;
    memcpy(id, seek + 2, 4);
    id[4] = (uint8_t)(blk % CMSFS_PER_TRACK + 1);
    prog[0] = (struct ccw0){ ccw_word(0x07, seek), 0x40, 0, 6 };
    prog[1] = (struct ccw0){ ccw_word(0x31, id), 0x40, 0, 5 };
    prog[2] = (struct ccw0){ ccw_word(0x08, &prog[1]), 0, 0, 0 };
    prog[3] = (struct ccw0){ ccw_word(write ? 0x05 : 0x06, buf), 0, 0, CMSFS_BLK };
    return diag_io(0x18, vaddr, prog, NULL) == 0 ? 0 : -1;
}

static int io_read(void *ctx, uint32_t blk, uint8_t buf[CMSFS_BLK])
{
    return block_io(((struct disk *)ctx)->vaddr, blk, buf, false);
}

static int io_write(void *ctx, uint32_t blk, const uint8_t buf[CMSFS_BLK])
{
    return block_io(((struct disk *)ctx)->vaddr, blk, (uint8_t *)buf, true);
}

uint64_t disk_tod(void)
{
    uint64_t t;
    __asm__ volatile("stck %0" : "=Q"(t) : : "cc");
    return t;
}

static int probe(uint16_t vaddr, uint32_t *cyls, bool *ro)
{
    uint32_t type = 0;
    if (diag_devtype(vaddr, &type, cyls) != 0 || ((type >> 8) & 0xFF) != DT_DASD)
        return DISK_E_NODEV;
    *ro = (type & DT_RDONLY) != 0;
    return 0;
}

struct disk *disk_by_mode(char mode)
{
    for (int i = 0; i < DISK_MAX; i++)
        if (disks[i].used && disks[i].mode == mode)
            return &disks[i];
    return NULL;
}

void disk_release(char mode)
{
    struct disk *d = disk_by_mode(mode);
    if (d)
        d->used = false;
}

/* A free slot for vaddr as mode, after letting go of whatever had that
 * device or that letter; NULL if all are taken. */
static struct disk *slot_for(uint16_t vaddr, char mode)
{
    for (int i = 0; i < DISK_MAX; i++)
        if (disks[i].used && (disks[i].vaddr == vaddr || disks[i].mode == mode))
            disks[i].used = false;
    for (int i = 0; i < DISK_MAX; i++)
        if (!disks[i].used)
            return &disks[i];
    return NULL;
}

int disk_access(uint16_t vaddr, char mode)
{
    uint32_t cyls;
    bool ro;
    int rc = probe(vaddr, &cyls, &ro);
    if (rc)
        return rc;
    struct disk *d = slot_for(vaddr, mode);
    if (!d)
        return DISK_E_NOROOM;
    d->mode = mode;
    d->vaddr = vaddr;
    d->ro = ro;
    d->cyls = cyls;
    struct cmsfs_io io = { d, io_read, io_write };
    rc = cmsfs_mount(&d->fs, &io, cyls * CMSFS_PER_CYL, ro);
    if (rc)
        return rc;
    d->used = true;
    return 0;
}

struct disk *disk_nth(int i)
{
    /* Search order: by letter. */
    struct disk *best = NULL;
    char after = 0;
    for (int k = 0; k <= i; k++) {
        best = NULL;
        for (int j = 0; j < DISK_MAX; j++)
            if (disks[j].used && disks[j].mode > after && (!best || disks[j].mode < best->mode))
                best = &disks[j];
        if (!best)
            return NULL;
        after = best->mode;
    }
    return best;
}

int disk_format(uint16_t vaddr, const char *label, char mode)
{
    static uint8_t zero[CMSFS_BLK];
    static uint8_t seek[8] __attribute__((aligned(8)));
    static uint8_t id[8] __attribute__((aligned(8)));
    static uint8_t count[CMSFS_PER_TRACK][8] __attribute__((aligned(8)));
    static struct ccw0 prog[3 + 2 * CMSFS_PER_TRACK];
    uint32_t cyls;
    bool ro;
    int rc = probe(vaddr, &cyls, &ro);
    if (rc)
        return rc;
    if (ro)
        return CMSFS_E_RDONLY;
    /* Track 0 keeps its IPL records: the file system starts at block 10. */
    for (uint32_t t = 1; t < cyls * HEADS; t++) {
        uint32_t cyl = t / HEADS, head = t % HEADS;
        memset(seek, 0, sizeof seek);
        seek[2] = (uint8_t)(cyl >> 8); seek[3] = (uint8_t)cyl;
        seek[4] = (uint8_t)(head >> 8); seek[5] = (uint8_t)head;
        memcpy(id, seek + 2, 4);
        id[4] = 0;                                  /* after R0 */
        prog[0] = (struct ccw0){ ccw_word(0x07, seek), 0x40, 0, 6 };
        prog[1] = (struct ccw0){ ccw_word(0x31, id), 0x40, 0, 5 };
        prog[2] = (struct ccw0){ ccw_word(0x08, &prog[1]), 0, 0, 0 };
        for (uint32_t r = 0; r < CMSFS_PER_TRACK; r++) {
            memcpy(count[r], seek + 2, 4);          /* CCHH R KL DL */
            count[r][4] = (uint8_t)(r + 1);
            count[r][5] = 0;
            count[r][6] = CMSFS_BLK >> 8;
            count[r][7] = 0;
            prog[3 + 2 * r] = (struct ccw0){ ccw_word(0x1D, count[r]), 0x80, 0, 8 };
            prog[4 + 2 * r] = (struct ccw0){ ccw_word(0x00, zero),
                                             r + 1 < CMSFS_PER_TRACK ? 0x40 : 0, 0, CMSFS_BLK };
        }
        if (diag_io(0x18, vaddr, prog, NULL) != 0)
            return CMSFS_E_IO;
    }
    /* The file system is built in the slot the disk will be accessed in. */
    struct disk *d = slot_for(vaddr, mode);
    if (!d)
        return DISK_E_NOROOM;
    d->vaddr = vaddr;
    struct cmsfs_io io = { d, io_read, io_write };
    rc = cmsfs_format(&d->fs, &io, cyls * CMSFS_PER_CYL, label, disk_tod());
    return rc ? rc : disk_access(vaddr, mode);
}
