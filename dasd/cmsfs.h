/* cmsfs.h: the CMS file system on a 3380 minidisk, shared by CMS (cms/)
 * and the host tool (dasd/cmsfs_tool.c); layout in docs/cmsfs.md.
 *
 * Pure: blocks move through the caller's struct cmsfs_io, so the same code
 * runs in the virtual machine (DIAGNOSE X'18') and on the host (a Hercules
 * image), and in the unit tests (storage).
 *
 *  block b = track b / 10, record b % 10 + 1 (4096-byte records, ten a
 *  track, fifteen tracks a cylinder); blocks 0-9 (track 0) are left to the
 *  IPL records; blocks 10 and 11 hold the label, written alternately.
 *
 * Label (block 10 or 11), all words big-endian:
 *     0  4  C'CMS1' (EBCDIC)          4  6  volume label (EBCDIC) + 2 blank
 *    12  4  block size (4096)         16  4  blocks on the disk
 *    20  4  generation: the label with the higher one (and a good checksum) is current
 *    24  4  files                     28  2  directory blocks   30  2  map blocks
 *    32 32  map block numbers (8 words)
 *    64 .. directory block numbers (CMSFS_MAX_DIRBLK words)
 *  4092  4  checksum of the block with these 4 bytes zero
 * Directory block: 64 entries of 64 bytes (an entry with fn[0] zero is free):
 *     0  8  file name (EBCDIC)        8  8  file type          16  1  mode number (EBCDIC digit)
 *    17  1  record format C'F' C'V'  18  2  reserved          20  4  logical record length
 *    24  4  records                   28  4  data bytes        32  4  blocks (data + pointer)
 *    36  4  first pointer block (0: empty file)                 40  8  TOD when written
 * Pointer block: 1022 data block numbers, then the count used, then the next
 * pointer block (0: none). Data: the records end to end; F records are lrecl
 * bytes, V records a halfword length and the bytes.
 *
 * Nothing live is written over but a label: a change writes new data,
 * pointer, directory and map blocks where nothing is, then the other label
 * block. A crash before that leaves the old label, and everything it names,
 * intact; after it, the new one.
 */
#ifndef DASD_CMSFS_H
#define DASD_CMSFS_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

#define CMSFS_BLK          4096u
#define CMSFS_PER_TRACK    10u
#define CMSFS_PER_CYL      150u
#define CMSFS_LABEL0       10u
#define CMSFS_FIRST_FREE   12u
#define CMSFS_MAX_MAPBLK   2u                    /* 65,536 blocks: 436 cylinders */
#define CMSFS_MAX_DIRBLK   16u                   /* 1,024 files */
#define CMSFS_ENTRY        64u
#define CMSFS_PER_DIRBLK   (CMSFS_BLK / CMSFS_ENTRY)
#define CMSFS_MAX_FILES    (CMSFS_MAX_DIRBLK * CMSFS_PER_DIRBLK)
#define CMSFS_PTRS         1022u
#define CMSFS_MAX_LRECL    65535u

enum cmsfs_err {
    CMSFS_OK = 0,
    CMSFS_E_IO = -1,        /* a block could not be read or written */
    CMSFS_E_NOTFMT = -2,    /* no valid label: not formatted */
    CMSFS_E_FULL = -3,      /* no free block */
    CMSFS_E_DIRFULL = -4,   /* no free directory entry */
    CMSFS_E_NOTFOUND = -5,
    CMSFS_E_EXISTS = -6,
    CMSFS_E_BADID = -7,     /* fn, ft or mode number not valid */
    CMSFS_E_BADREC = -8,    /* record format, length not valid */
    CMSFS_E_RDONLY = -9,
    CMSFS_E_SIZE = -10,     /* disk too small or too large */
};

struct cmsfs_io {
    void *ctx;
    int (*read)(void *ctx, uint32_t blk, uint8_t buf[CMSFS_BLK]);
    int (*write)(void *ctx, uint32_t blk, const uint8_t buf[CMSFS_BLK]);
};

/* A file as listed (ASCII names). */
struct cmsfs_file {
    char     fn[9], ft[9];
    char     fmnum;          /* '1' ... */
    char     recfm;          /* 'F' or 'V' */
    uint32_t lrecl, records, bytes, blocks;
    uint64_t tod;
};

/* A mounted disk. Big (about 170K): callers keep it static. */
struct cmsfs {
    struct cmsfs_io io;
    bool     ro;
    char     volid[7];
    uint32_t nblocks, gen, nfiles;
    uint16_t ndirblk, nmapblk;
    uint32_t dirblk[CMSFS_MAX_DIRBLK], mapblk[CMSFS_MAX_MAPBLK];   /* as the label says */
    uint32_t rotor;                                  /* where the next free-block search starts */
    uint8_t  cmap[CMSFS_MAX_MAPBLK * CMSFS_BLK];   /* committed: in use as the label says */
    uint8_t  wmap[CMSFS_MAX_MAPBLK * CMSFS_BLK];   /* working: after what is under way */
    uint8_t  dir[CMSFS_MAX_DIRBLK * CMSFS_BLK];
    uint8_t  blk[CMSFS_BLK];                         /* scratch */
};

/* Lay out an empty file system on a disk of nblocks (already formatted as
 * 4096-byte records); volid is 1-6 characters. */
int cmsfs_format(struct cmsfs *fs, const struct cmsfs_io *io, uint32_t nblocks, const char *volid,
                 uint64_t tod);
/* Read the current label, map and directory. */
int cmsfs_mount(struct cmsfs *fs, const struct cmsfs_io *io, uint32_t nblocks, bool ro);

/* Blocks in use and in all. */
uint32_t cmsfs_used(const struct cmsfs *fs);

/* The i-th file (0 .. nfiles-1, in directory order); false past the end. */
bool cmsfs_file(const struct cmsfs *fs, uint32_t i, struct cmsfs_file *out);
/* The file named fn ft (upper case ASCII), its index, or CMSFS_E_NOTFOUND. */
int cmsfs_find(const struct cmsfs *fs, const char *fn, const char *ft);
/* Is fn or ft a valid name part (1-8 of A-Z 0-9 $ # @ + - : _)? */
bool cmsfs_name_ok(const char *s);

/* Reading a file's records in order. */
struct cmsfs_reader {
    struct cmsfs *fs;
    struct cmsfs_file f;
    uint32_t ptrblk, ptridx, nptr, nextptr;
    uint32_t ptrs[CMSFS_PTRS];
    uint32_t left;          /* data bytes not yet delivered */
    uint32_t off;           /* offset in the current data block */
    bool     have;          /* blk holds the current data block */
    uint8_t  blk[CMSFS_BLK];
};
int cmsfs_open(struct cmsfs *fs, const char *fn, const char *ft, struct cmsfs_reader *r);
/* The next record into buf (at most cap bytes kept); its length, 0 at the
 * end, or an error. */
int cmsfs_read(struct cmsfs_reader *r, uint8_t *buf, uint32_t cap, uint32_t *len);

/* Writing a new file; cmsfs_close replaces any file of that name in one
 * step (the commit). */
struct cmsfs_writer {
    struct cmsfs *fs;
    struct cmsfs_file f;
    uint32_t first_ptr, cur_ptr, nptr;
    uint32_t ptrs[CMSFS_PTRS];
    uint32_t cur_data, off;
    int      err;
    uint8_t  blk[CMSFS_BLK];
};
int cmsfs_create(struct cmsfs *fs, struct cmsfs_writer *w, const char *fn, const char *ft,
                 char fmnum, char recfm, uint32_t lrecl);
int cmsfs_write(struct cmsfs_writer *w, const uint8_t *rec, uint32_t len);
int cmsfs_close(struct cmsfs_writer *w, uint64_t tod);
/* Give up a file being written: nothing changes on disk. */
void cmsfs_abandon(struct cmsfs_writer *w);

int cmsfs_erase(struct cmsfs *fs, const char *fn, const char *ft);
int cmsfs_rename(struct cmsfs *fs, const char *fn, const char *ft, const char *nfn,
                 const char *nft, char nfmnum);

const char *cmsfs_strerror(int err);

#endif
