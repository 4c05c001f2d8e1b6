/* cmsfs.c: the CMS file system (see cmsfs.h and docs/cmsfs.md). */
#include "cmsfs.h"
#include "../cp/ebcdic.h"
#ifdef CP_HOST
#include <string.h>
#else
#include "../cp/cplib.h"
#endif

#define LBL_MAGIC    0xC3D4E2F1u        /* C'CMS1' */
#define LBL_VOLID    4
#define LBL_BLKSIZE  12
#define LBL_NBLOCKS  16
#define LBL_GEN      20
#define LBL_NFILES   24
#define LBL_NDIR     28
#define LBL_NMAP     30
#define LBL_MAPS     32
#define LBL_DIRS     64
#define LBL_SUM      (CMSFS_BLK - 4)

#define E_FN      0
#define E_FT      8
#define E_FMNUM   16
#define E_RECFM   17
#define E_LRECL   20
#define E_RECS    24
#define E_BYTES   28
#define E_BLOCKS  32
#define E_PTR     36
#define E_TOD     40

#define EBC_F     0xC6
#define EBC_V     0xE5

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

static uint32_t checksum(const uint8_t *b)
{
    uint32_t a = 1, c = 0;
    for (uint32_t i = 0; i < CMSFS_BLK; i++) {
        a = (a + (i >= LBL_SUM ? 0 : b[i])) % 65521u;
        c = (c + a) % 65521u;
    }
    return c << 16 | a;
}

/* ---- the block map ---------------------------------------------------------- */

static bool bit(const uint8_t *map, uint32_t b) { return map[b / 8] & (0x80u >> (b % 8)); }
static void set(uint8_t *map, uint32_t b)       { map[b / 8] |= (uint8_t)(0x80u >> (b % 8)); }
static void clr(uint8_t *map, uint32_t b)       { map[b / 8] &= (uint8_t)~(0x80u >> (b % 8)); }

/* A block free both as committed and as worked on; 0 if none. */
static uint32_t alloc(struct cmsfs *fs)
{
    for (uint32_t n = 0; n < fs->nblocks; n++) {
        uint32_t b = fs->rotor + n;
        if (b >= fs->nblocks)
            b = CMSFS_FIRST_FREE + (b - fs->nblocks) % (fs->nblocks - CMSFS_FIRST_FREE);
        if (b < CMSFS_FIRST_FREE)
            continue;
        if (!bit(fs->cmap, b) && !bit(fs->wmap, b)) {
            set(fs->wmap, b);
            fs->rotor = b + 1;
            return b;
        }
    }
    return 0;
}

static void release(struct cmsfs *fs, uint32_t b)
{
    if (b >= CMSFS_FIRST_FREE && b < fs->nblocks)
        clr(fs->wmap, b);
}

uint32_t cmsfs_used(const struct cmsfs *fs)
{
    uint32_t n = 0;
    for (uint32_t b = 0; b < fs->nblocks; b++)
        n += bit(fs->cmap, b);
    return n;
}

/* ---- names ------------------------------------------------------------------ */

bool cmsfs_name_ok(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '#'
              || c == '@' || c == '+' || c == '-' || c == ':' || c == '_'))
            return false;
    }
    return n >= 1 && n <= 8;
}

static void put_name(uint8_t *dst, const char *s)
{
    char pad[8];
    size_t n = strlen(s);
    memset(pad, ' ', sizeof pad);
    memcpy(pad, s, n > 8 ? 8 : n);
    ebc_from_ascii(dst, pad, 8);
}

static void get_name(char out[9], const uint8_t *src)
{
    ebc_to_ascii(out, src, 8);
    int n = 8;
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

static uint8_t *entry(struct cmsfs *fs, uint32_t i)
{
    return fs->dir + (size_t)i * CMSFS_ENTRY;
}

bool cmsfs_file(const struct cmsfs *fs, uint32_t i, struct cmsfs_file *out)
{
    if (i >= fs->nfiles)
        return false;
    const uint8_t *e = fs->dir + (size_t)i * CMSFS_ENTRY;
    get_name(out->fn, e + E_FN);
    get_name(out->ft, e + E_FT);
    out->fmnum = (char)ebc_to_ascii_tab[e[E_FMNUM]];
    out->recfm = e[E_RECFM] == EBC_V ? 'V' : 'F';
    out->lrecl = get32(e + E_LRECL);
    out->records = get32(e + E_RECS);
    out->bytes = get32(e + E_BYTES);
    out->blocks = get32(e + E_BLOCKS);
    out->tod = (uint64_t)get32(e + E_TOD) << 32 | get32(e + E_TOD + 4);
    return true;
}

int cmsfs_find(const struct cmsfs *fs, const char *fn, const char *ft)
{
    uint8_t k[16];
    put_name(k, fn);
    put_name(k + 8, ft);
    for (uint32_t i = 0; i < fs->nfiles; i++)
        if (memcmp(fs->dir + (size_t)i * CMSFS_ENTRY, k, 16) == 0)
            return (int)i;
    return CMSFS_E_NOTFOUND;
}

/* ---- label, commit, mount ----------------------------------------------------- */

/* Write the directory and map to fresh blocks, then the other label. */
static int commit(struct cmsfs *fs)
{
    uint32_t nd = (fs->nfiles + CMSFS_PER_DIRBLK - 1) / CMSFS_PER_DIRBLK;
    uint32_t nd_blk[CMSFS_MAX_DIRBLK], nm_blk[CMSFS_MAX_MAPBLK];
    for (uint32_t i = 0; i < fs->ndirblk; i++)
        release(fs, fs->dirblk[i]);
    for (uint32_t i = 0; i < fs->nmapblk; i++)
        release(fs, fs->mapblk[i]);
    for (uint32_t i = 0; i < nd; i++)
        if (!(nd_blk[i] = alloc(fs)))
            return CMSFS_E_FULL;
    for (uint32_t i = 0; i < fs->nmapblk; i++)
        if (!(nm_blk[i] = alloc(fs)))
            return CMSFS_E_FULL;
    for (uint32_t i = 0; i < nd; i++) {
        /* The last block's unused entries are zero (free). */
        memset(fs->blk, 0, CMSFS_BLK);
        uint32_t n = fs->nfiles - i * CMSFS_PER_DIRBLK;
        if (n > CMSFS_PER_DIRBLK)
            n = CMSFS_PER_DIRBLK;
        memcpy(fs->blk, fs->dir + (size_t)i * CMSFS_BLK, (size_t)n * CMSFS_ENTRY);
        if (fs->io.write(fs->io.ctx, nd_blk[i], fs->blk))
            return CMSFS_E_IO;
    }
    for (uint32_t i = 0; i < fs->nmapblk; i++)
        if (fs->io.write(fs->io.ctx, nm_blk[i], fs->wmap + (size_t)i * CMSFS_BLK))
            return CMSFS_E_IO;
    uint8_t *l = fs->blk;
    memset(l, 0, CMSFS_BLK);
    put32(l, LBL_MAGIC);
    char v[6];
    memset(v, ' ', sizeof v);
    memcpy(v, fs->volid, strlen(fs->volid));
    ebc_from_ascii(l + LBL_VOLID, v, 6);
    l[LBL_VOLID + 6] = l[LBL_VOLID + 7] = 0x40;
    put32(l + LBL_BLKSIZE, CMSFS_BLK);
    put32(l + LBL_NBLOCKS, fs->nblocks);
    put32(l + LBL_GEN, fs->gen + 1);
    put32(l + LBL_NFILES, fs->nfiles);
    l[LBL_NDIR] = (uint8_t)(nd >> 8); l[LBL_NDIR + 1] = (uint8_t)nd;
    l[LBL_NMAP] = (uint8_t)(fs->nmapblk >> 8); l[LBL_NMAP + 1] = (uint8_t)fs->nmapblk;
    for (uint32_t i = 0; i < fs->nmapblk; i++)
        put32(l + LBL_MAPS + 4 * i, nm_blk[i]);
    for (uint32_t i = 0; i < nd; i++)
        put32(l + LBL_DIRS + 4 * i, nd_blk[i]);
    put32(l + LBL_SUM, checksum(l));
    if (fs->io.write(fs->io.ctx, CMSFS_LABEL0 + (fs->gen + 1) % 2, l))
        return CMSFS_E_IO;
    /* Committed. */
    fs->gen++;
    fs->ndirblk = (uint16_t)nd;
    memcpy(fs->dirblk, nd_blk, sizeof nd_blk);
    memcpy(fs->mapblk, nm_blk, sizeof nm_blk);
    memcpy(fs->cmap, fs->wmap, sizeof fs->cmap);
    return CMSFS_OK;
}

/* After a failure: forget what was under way. */
static int undo(struct cmsfs *fs, int err)
{
    struct cmsfs_io io = fs->io;
    cmsfs_mount(fs, &io, fs->nblocks, fs->ro);
    return err;
}

static int sizes(uint32_t nblocks, uint16_t *nmap)
{
    if (nblocks < CMSFS_FIRST_FREE + 8 || nblocks > CMSFS_MAX_MAPBLK * CMSFS_BLK * 8)
        return CMSFS_E_SIZE;
    *nmap = (uint16_t)((nblocks + CMSFS_BLK * 8 - 1) / (CMSFS_BLK * 8));
    return CMSFS_OK;
}

int cmsfs_format(struct cmsfs *fs, const struct cmsfs_io *io, uint32_t nblocks, const char *volid,
                 uint64_t tod)
{
    (void)tod;
    uint16_t nmap;
    int rc = sizes(nblocks, &nmap);
    size_t vl = strlen(volid);
    if (rc)
        return rc;
    if (vl < 1 || vl > 6)
        return CMSFS_E_BADID;
    memset(fs, 0, sizeof *fs);
    fs->io = *io;
    fs->nblocks = nblocks;
    fs->nmapblk = nmap;
    memcpy(fs->volid, volid, vl);
    fs->rotor = CMSFS_FIRST_FREE;
    for (uint32_t b = 0; b < CMSFS_FIRST_FREE; b++)
        set(fs->wmap, b);
    /* Blocks past the end of the disk, in the map's last byte or block. */
    for (uint32_t b = nblocks; b < (uint32_t)nmap * CMSFS_BLK * 8; b++)
        set(fs->wmap, b);
    memcpy(fs->cmap, fs->wmap, sizeof fs->cmap);
    /* Both labels invalid first, so no older file system shows through. */
    memset(fs->blk, 0, CMSFS_BLK);
    if (io->write(io->ctx, CMSFS_LABEL0, fs->blk) || io->write(io->ctx, CMSFS_LABEL0 + 1, fs->blk))
        return CMSFS_E_IO;
    fs->gen = 0;
    return commit(fs);
}

static int read_label(const struct cmsfs_io *io, uint32_t blk, uint8_t *b, uint32_t nblocks)
{
    if (io->read(io->ctx, blk, b) || get32(b) != LBL_MAGIC || get32(b + LBL_SUM) != checksum(b)
        || get32(b + LBL_BLKSIZE) != CMSFS_BLK || get32(b + LBL_NBLOCKS) != nblocks)
        return -1;
    return 0;
}

int cmsfs_mount(struct cmsfs *fs, const struct cmsfs_io *io, uint32_t nblocks, bool ro)
{
    static uint8_t l0[CMSFS_BLK], l1[CMSFS_BLK];
    uint16_t nmap;
    int rc = sizes(nblocks, &nmap);
    if (rc)
        return rc;
    memset(fs, 0, sizeof *fs);
    fs->io = *io;
    fs->nblocks = nblocks;
    fs->ro = ro;
    bool ok0 = read_label(io, CMSFS_LABEL0, l0, nblocks) == 0;
    bool ok1 = read_label(io, CMSFS_LABEL0 + 1, l1, nblocks) == 0;
    if (!ok0 && !ok1)
        return CMSFS_E_NOTFMT;
    const uint8_t *l = !ok1 || (ok0 && get32(l0 + LBL_GEN) > get32(l1 + LBL_GEN)) ? l0 : l1;
    fs->gen = get32(l + LBL_GEN);
    fs->nfiles = get32(l + LBL_NFILES);
    fs->ndirblk = (uint16_t)(l[LBL_NDIR] << 8 | l[LBL_NDIR + 1]);
    fs->nmapblk = (uint16_t)(l[LBL_NMAP] << 8 | l[LBL_NMAP + 1]);
    if (fs->nmapblk != nmap || fs->ndirblk > CMSFS_MAX_DIRBLK
        || fs->nfiles > (uint32_t)fs->ndirblk * CMSFS_PER_DIRBLK)
        return CMSFS_E_NOTFMT;
    ebc_to_ascii(fs->volid, l + LBL_VOLID, 6);
    for (int n = 6; n > 0 && fs->volid[n - 1] == ' '; n--)
        fs->volid[n - 1] = '\0';
    for (uint32_t i = 0; i < fs->nmapblk; i++) {
        fs->mapblk[i] = get32(l + LBL_MAPS + 4 * i);
        if (io->read(io->ctx, fs->mapblk[i], fs->cmap + (size_t)i * CMSFS_BLK))
            return CMSFS_E_IO;
    }
    for (uint32_t i = 0; i < fs->ndirblk; i++) {
        fs->dirblk[i] = get32(l + LBL_DIRS + 4 * i);
        if (io->read(io->ctx, fs->dirblk[i], fs->dir + (size_t)i * CMSFS_BLK))
            return CMSFS_E_IO;
    }
    memcpy(fs->wmap, fs->cmap, sizeof fs->wmap);
    fs->rotor = CMSFS_FIRST_FREE;
    return CMSFS_OK;
}

/* ---- reading ------------------------------------------------------------------- */

static int load_ptr(struct cmsfs_reader *r, uint32_t blk)
{
    uint8_t *b = r->blk;
    if (r->fs->io.read(r->fs->io.ctx, blk, b))
        return CMSFS_E_IO;
    r->nptr = get32(b + 4 * CMSFS_PTRS);
    r->nextptr = get32(b + 4 * (CMSFS_PTRS + 1));
    if (r->nptr > CMSFS_PTRS)
        return CMSFS_E_IO;
    for (uint32_t i = 0; i < r->nptr; i++)
        r->ptrs[i] = get32(b + 4 * i);
    r->ptrblk = blk;
    r->ptridx = 0;
    r->have = false;
    return CMSFS_OK;
}

int cmsfs_open(struct cmsfs *fs, const char *fn, const char *ft, struct cmsfs_reader *r)
{
    int i = cmsfs_find(fs, fn, ft);
    if (i < 0)
        return i;
    memset(r, 0, sizeof *r);
    r->fs = fs;
    cmsfs_file(fs, (uint32_t)i, &r->f);
    r->left = r->f.bytes;
    uint32_t first = get32(entry(fs, (uint32_t)i) + E_PTR);
    return first ? load_ptr(r, first) : CMSFS_OK;
}

/* n bytes of the data stream into out (NULL: skip them). */
static int take(struct cmsfs_reader *r, uint8_t *out, uint32_t n)
{
    while (n) {
        if (!r->have || r->off == CMSFS_BLK) {
            if (r->ptridx == r->nptr) {
                if (!r->nextptr)
                    return CMSFS_E_IO;
                int rc = load_ptr(r, r->nextptr);
                if (rc)
                    return rc;
                if (!r->nptr)
                    return CMSFS_E_IO;
            }
            if (r->fs->io.read(r->fs->io.ctx, r->ptrs[r->ptridx++], r->blk))
                return CMSFS_E_IO;
            r->have = true;
            r->off = 0;
        }
        uint32_t k = CMSFS_BLK - r->off < n ? CMSFS_BLK - r->off : n;
        if (out) {
            memcpy(out, r->blk + r->off, k);
            out += k;
        }
        r->off += k;
        n -= k;
    }
    return CMSFS_OK;
}

int cmsfs_read(struct cmsfs_reader *r, uint8_t *buf, uint32_t cap, uint32_t *len)
{
    uint32_t n;
    if (!r->left) {
        *len = 0;
        return 0;
    }
    if (r->f.recfm == 'V') {
        uint8_t h[2];
        if (r->left < 2 || take(r, h, 2))
            return CMSFS_E_IO;
        r->left -= 2;
        n = (uint32_t)h[0] << 8 | h[1];
    } else {
        n = r->f.lrecl;
    }
    if (n > r->left)
        return CMSFS_E_IO;
    uint32_t keep = n < cap ? n : cap;
    if (take(r, buf, keep) || take(r, NULL, n - keep))
        return CMSFS_E_IO;
    r->left -= n;
    *len = n;
    return 1;
}

/* ---- writing ------------------------------------------------------------------ */

int cmsfs_create(struct cmsfs *fs, struct cmsfs_writer *w, const char *fn, const char *ft,
                 char fmnum, char recfm, uint32_t lrecl)
{
    if (fs->ro)
        return CMSFS_E_RDONLY;
    if (!cmsfs_name_ok(fn) || !cmsfs_name_ok(ft) || fmnum < '0' || fmnum > '6')
        return CMSFS_E_BADID;
    if ((recfm != 'F' && recfm != 'V') || lrecl > CMSFS_MAX_LRECL || (recfm == 'F' && !lrecl))
        return CMSFS_E_BADREC;
    memset(w, 0, sizeof *w);
    w->fs = fs;
    memcpy(w->f.fn, fn, strlen(fn) + 1);
    memcpy(w->f.ft, ft, strlen(ft) + 1);
    w->f.fmnum = fmnum;
    w->f.recfm = recfm;
    w->f.lrecl = recfm == 'F' ? lrecl : 0;
    return CMSFS_OK;
}

/* Note data block b in the pointer chain. */
static int add_ptr(struct cmsfs_writer *w, uint32_t b)
{
    struct cmsfs *fs = w->fs;
    if (!w->first_ptr) {
        if (!(w->first_ptr = w->cur_ptr = alloc(fs)))
            return CMSFS_E_FULL;
        w->f.blocks++;
    }
    if (w->nptr == CMSFS_PTRS) {
        uint32_t next = alloc(fs);
        if (!next)
            return CMSFS_E_FULL;
        w->f.blocks++;
        memset(fs->blk, 0, CMSFS_BLK);
        for (uint32_t i = 0; i < w->nptr; i++)
            put32(fs->blk + 4 * i, w->ptrs[i]);
        put32(fs->blk + 4 * CMSFS_PTRS, w->nptr);
        put32(fs->blk + 4 * (CMSFS_PTRS + 1), next);
        if (fs->io.write(fs->io.ctx, w->cur_ptr, fs->blk))
            return CMSFS_E_IO;
        w->cur_ptr = next;
        w->nptr = 0;
    }
    w->ptrs[w->nptr++] = b;
    w->f.blocks++;
    return CMSFS_OK;
}

static int flush_data(struct cmsfs_writer *w)
{
    if (!w->cur_data)
        return CMSFS_OK;
    memset(w->blk + w->off, 0, CMSFS_BLK - w->off);
    if (w->fs->io.write(w->fs->io.ctx, w->cur_data, w->blk))
        return CMSFS_E_IO;
    int rc = add_ptr(w, w->cur_data);
    w->cur_data = 0;
    return rc;
}

static int put_bytes(struct cmsfs_writer *w, const uint8_t *p, uint32_t n)
{
    while (n) {
        if (!w->cur_data) {
            if (!(w->cur_data = alloc(w->fs)))
                return CMSFS_E_FULL;
            w->off = 0;
        }
        uint32_t k = CMSFS_BLK - w->off < n ? CMSFS_BLK - w->off : n;
        memcpy(w->blk + w->off, p, k);
        w->off += k;
        p += k;
        n -= k;
        w->f.bytes += k;
        if (w->off == CMSFS_BLK) {
            int rc = flush_data(w);
            if (rc)
                return rc;
        }
    }
    return CMSFS_OK;
}

int cmsfs_write(struct cmsfs_writer *w, const uint8_t *rec, uint32_t len)
{
    if (w->err)
        return w->err;
    int rc;
    if (w->f.recfm == 'F') {
        if (len != w->f.lrecl)
            return CMSFS_E_BADREC;
        rc = put_bytes(w, rec, len);
    } else {
        if (len > CMSFS_MAX_LRECL)
            return CMSFS_E_BADREC;
        uint8_t h[2] = { (uint8_t)(len >> 8), (uint8_t)len };
        rc = put_bytes(w, h, 2);
        if (!rc)
            rc = put_bytes(w, rec, len);
        if (len > w->f.lrecl)
            w->f.lrecl = len;
    }
    if (!rc)
        w->f.records++;
    return w->err = rc;
}

/* Free every block of the file at directory index i. */
static int free_file(struct cmsfs *fs, uint32_t i)
{
    uint32_t p = get32(entry(fs, i) + E_PTR);
    while (p) {
        if (fs->io.read(fs->io.ctx, p, fs->blk))
            return CMSFS_E_IO;
        uint32_t n = get32(fs->blk + 4 * CMSFS_PTRS), next = get32(fs->blk + 4 * (CMSFS_PTRS + 1));
        if (n > CMSFS_PTRS)
            return CMSFS_E_IO;
        for (uint32_t k = 0; k < n; k++)
            release(fs, get32(fs->blk + 4 * k));
        release(fs, p);
        p = next;
    }
    return CMSFS_OK;
}

int cmsfs_close(struct cmsfs_writer *w, uint64_t tod)
{
    struct cmsfs *fs = w->fs;
    int rc = w->err ? w->err : flush_data(w);
    if (!rc && w->first_ptr) {
        memset(fs->blk, 0, CMSFS_BLK);
        for (uint32_t i = 0; i < w->nptr; i++)
            put32(fs->blk + 4 * i, w->ptrs[i]);
        put32(fs->blk + 4 * CMSFS_PTRS, w->nptr);
        if (fs->io.write(fs->io.ctx, w->cur_ptr, fs->blk))
            rc = CMSFS_E_IO;
    }
    int i = rc ? rc : cmsfs_find(fs, w->f.fn, w->f.ft);
    if (!rc && i < 0) {
        if (fs->nfiles == CMSFS_MAX_FILES)
            rc = CMSFS_E_DIRFULL;
        else
            i = (int)fs->nfiles++;
        if (!rc)
            memset(entry(fs, (uint32_t)i), 0, CMSFS_ENTRY);
    } else if (!rc) {
        rc = free_file(fs, (uint32_t)i);
    }
    if (rc)
        return undo(fs, rc);
    uint8_t *e = entry(fs, (uint32_t)i);
    memset(e, 0, CMSFS_ENTRY);
    put_name(e + E_FN, w->f.fn);
    put_name(e + E_FT, w->f.ft);
    e[E_FMNUM] = ebc_from_ascii_tab[(uint8_t)w->f.fmnum];
    e[E_RECFM] = w->f.recfm == 'V' ? EBC_V : EBC_F;
    put32(e + E_LRECL, w->f.lrecl);
    put32(e + E_RECS, w->f.records);
    put32(e + E_BYTES, w->f.bytes);
    put32(e + E_BLOCKS, w->f.blocks);
    put32(e + E_PTR, w->first_ptr);
    put32(e + E_TOD, (uint32_t)(tod >> 32));
    put32(e + E_TOD + 4, (uint32_t)tod);
    rc = commit(fs);
    return rc ? undo(fs, rc) : CMSFS_OK;
}

void cmsfs_abandon(struct cmsfs_writer *w)
{
    memcpy(w->fs->wmap, w->fs->cmap, sizeof w->fs->wmap);
}

int cmsfs_erase(struct cmsfs *fs, const char *fn, const char *ft)
{
    if (fs->ro)
        return CMSFS_E_RDONLY;
    int i = cmsfs_find(fs, fn, ft);
    if (i < 0)
        return i;
    int rc = free_file(fs, (uint32_t)i);
    if (rc)
        return undo(fs, rc);
    /* The last entry fills the hole: the directory stays dense. */
    fs->nfiles--;
    if ((uint32_t)i != fs->nfiles)
        memcpy(entry(fs, (uint32_t)i), entry(fs, fs->nfiles), CMSFS_ENTRY);
    memset(entry(fs, fs->nfiles), 0, CMSFS_ENTRY);
    rc = commit(fs);
    return rc ? undo(fs, rc) : CMSFS_OK;
}

int cmsfs_rename(struct cmsfs *fs, const char *fn, const char *ft, const char *nfn,
                 const char *nft, char nfmnum)
{
    if (fs->ro)
        return CMSFS_E_RDONLY;
    if (!cmsfs_name_ok(nfn) || !cmsfs_name_ok(nft) || nfmnum < '0' || nfmnum > '6')
        return CMSFS_E_BADID;
    int i = cmsfs_find(fs, fn, ft);
    if (i < 0)
        return i;
    int j = cmsfs_find(fs, nfn, nft);
    if (j >= 0 && j != i)
        return CMSFS_E_EXISTS;
    uint8_t *e = entry(fs, (uint32_t)i);
    put_name(e + E_FN, nfn);
    put_name(e + E_FT, nft);
    e[E_FMNUM] = ebc_from_ascii_tab[(uint8_t)nfmnum];
    int rc = commit(fs);
    return rc ? undo(fs, rc) : CMSFS_OK;
}

const char *cmsfs_strerror(int err)
{
    static const char *const msg[] = {
        "no error", "I/O error", "not formatted", "disk full", "directory full",
        "file not found", "file already exists", "invalid file identifier",
        "invalid record format or length", "disk is read-only", "disk size not supported",
    };
    unsigned k = (unsigned)(-err);
    return k < sizeof msg / sizeof msg[0] ? msg[k] : "unknown error";
}
