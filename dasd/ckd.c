/* ckd.c: create, open, read and rewrite tracks of Hercules CKD disk images.
 *
 * Host only; the image layout is drawn in ckd.h.  A track is always built
 * and checked whole in memory and then written with one call, so a refused
 * write leaves the image as it was.
 */
#define _POSIX_C_SOURCE 200809L
#define _FILE_OFFSET_BITS 64

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ckd.h"

#define CKD_MAGIC     "CKD_P370"
#define CKD_MAGIC_CMP "CKD_C370"   /* compressed (CCKD) images */
#define CKD_MAGIC_LEN 8u

static const uint8_t ckd_eot[CKD_EOT_LEN] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
};

/* ---- messages and small helpers ---- */

/* Record "path: message" for ckd_error() and return -1. */
__attribute__((format(printf, 2, 3)))
static int ckd_fail(struct ckd_image *ci, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(ci->ci_msg, sizeof ci->ci_msg, "%s: ",
                     ci->ci_path ? ci->ci_path : "ckd");

    if (n < 0 || (size_t)n >= sizeof ci->ci_msg)
        n = 0;
    va_start(ap, fmt);
    vsnprintf(ci->ci_msg + n, sizeof ci->ci_msg - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

const char *ckd_error(const struct ckd_image *ci)
{
    return ci->ci_msg[0] ? ci->ci_msg : "no error";
}

static void ckd_put_be16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static uint32_t ckd_get_be16(const uint8_t *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static void ckd_put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t ckd_get_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16
         | (uint32_t)p[3] << 24;
}

static int ckd_pwrite_all(int fd, const uint8_t *buf, size_t len, off_t off)
{
    while (len > 0) {
        ssize_t n = pwrite(fd, buf, len, off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
        off += n;
    }
    return 0;
}

static int ckd_pread_all(int fd, uint8_t *buf, size_t len, off_t off)
{
    while (len > 0) {
        ssize_t n = pread(fd, buf, len, off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;   /* short file: report it as an I/O error */
            return -1;
        }
        buf += n;
        len -= (size_t)n;
        off += n;
    }
    return 0;
}

/* Fresh state for ci, naming path in its messages. */
static int ckd_reset(struct ckd_image *ci, const char *path)
{
    memset(ci, 0, sizeof *ci);
    ci->ci_fd = -1;
    ci->ci_path = strdup(path);
    if (ci->ci_path == NULL)
        return ckd_fail(ci, "out of memory");
    return 0;
}

/* Release everything but the message, after a failure. */
static int ckd_abandon(struct ckd_image *ci)
{
    if (ci->ci_fd >= 0)
        close(ci->ci_fd);
    free(ci->ci_trk);
    free(ci->ci_path);
    ci->ci_fd = -1;
    ci->ci_trk = NULL;
    ci->ci_path = NULL;
    return -1;
}

static int ckd_set_3380(struct ckd_image *ci, uint32_t cyls)
{
    ci->ci_cyls = cyls;
    ci->ci_heads = CKD_3380_HEADS;
    ci->ci_trksize = CKD_3380_TRKSIZE;
    ci->ci_devtype = CKD_3380_DEVTYPE;
    ci->ci_trk = calloc(1, CKD_3380_TRKSIZE);
    if (ci->ci_trk == NULL)
        return ckd_fail(ci, "out of memory");
    return 0;
}

static off_t ckd_track_off(const struct ckd_image *ci, uint32_t cyl,
                           uint32_t head)
{
    return (off_t)CKD_DEVHDR_LEN
         + ((off_t)cyl * ci->ci_heads + head) * (off_t)ci->ci_trksize;
}

static int ckd_check_addr(struct ckd_image *ci, uint32_t cyl, uint32_t head)
{
    if (ci->ci_fd < 0)
        return ckd_fail(ci, "image is not open");
    if (cyl >= ci->ci_cyls || head >= ci->ci_heads)
        return ckd_fail(ci, "cylinder %u head %u is outside the image "
                        "(%u cylinders of %u heads)",
                        cyl, head, ci->ci_cyls, ci->ci_heads);
    return 0;
}

/* ---- building a track ---- */

static uint8_t *ckd_put_count(uint8_t *p, uint32_t cyl, uint32_t head,
                              uint8_t rec, uint8_t klen, uint16_t dlen)
{
    ckd_put_be16(p, cyl);
    ckd_put_be16(p + 2, head);
    p[4] = rec;
    p[5] = klen;
    ckd_put_be16(p + 6, dlen);
    return p + CKD_COUNT_LEN;
}

static uint8_t *ckd_put_field(uint8_t *p, const uint8_t *src, size_t len)
{
    if (src != NULL)
        memcpy(p, src, len);
    else
        memset(p, 0, len);
    return p + len;
}

/* Lay out header, R0, recs and the end marker at the start of trk; returns
 * the bytes used.  The caller has checked that they fit. */
static size_t ckd_build_track(uint8_t *trk, uint32_t cyl, uint32_t head,
                              const struct ckd_rec *recs, size_t n)
{
    static const uint8_t r0_data[CKD_R0_DLEN];
    uint8_t *p = trk;

    *p++ = 0;
    ckd_put_be16(p, cyl);
    ckd_put_be16(p + 2, head);
    p = ckd_put_count(p + 4, cyl, head, 0, 0, CKD_R0_DLEN);
    p = ckd_put_field(p, r0_data, CKD_R0_DLEN);
    for (size_t i = 0; i < n; i++) {
        p = ckd_put_count(p, cyl, head, recs[i].cr_rec, recs[i].cr_klen,
                          recs[i].cr_dlen);
        p = ckd_put_field(p, recs[i].cr_key, recs[i].cr_klen);
        p = ckd_put_field(p, recs[i].cr_data, recs[i].cr_dlen);
    }
    memcpy(p, ckd_eot, CKD_EOT_LEN);
    return (size_t)(p - trk) + CKD_EOT_LEN;
}

/* Bytes of a real 3380 track one record takes (see ckd.h). */
static uint32_t ckd_3380_space(uint8_t klen, uint16_t dlen)
{
    uint32_t d = (dlen + CKD_3380_F2 + CKD_3380_F1 - 1) / CKD_3380_F1;
    uint32_t k = (klen + CKD_3380_F3 + CKD_3380_F1 - 1) / CKD_3380_F1;

    return (d + (klen ? k : 0)) * CKD_3380_F1;
}

/* The rules for a track's records: numbered 1..255 rising, within the real
 * 3380's capacity, and within the image track with room left over (Hercules
 * itself insists the end marker end before the track does). */
static int ckd_check_recs(struct ckd_image *ci, uint32_t cyl, uint32_t head,
                          const struct ckd_rec *recs, size_t n)
{
    size_t bytes = CKD_TRKHDR_LEN + CKD_COUNT_LEN + CKD_R0_DLEN + CKD_EOT_LEN;
    uint32_t space = 0;

    for (size_t i = 0; i < n; i++) {
        if (recs[i].cr_rec == 0 || (i > 0 && recs[i].cr_rec <= recs[i - 1].cr_rec))
            return ckd_fail(ci, "cylinder %u head %u: record %zu is R%u; "
                            "records must be numbered rising from R1",
                            cyl, head, i, recs[i].cr_rec);
        space += ckd_3380_space(recs[i].cr_klen, recs[i].cr_dlen);
        bytes += CKD_COUNT_LEN + recs[i].cr_klen + recs[i].cr_dlen;
    }
    if (space > CKD_3380_TRKLEN)
        return ckd_fail(ci, "cylinder %u head %u: %zu records need %u bytes "
                        "of 3380 track capacity, more than its %u",
                        cyl, head, n, space, CKD_3380_TRKLEN);
    if (bytes >= ci->ci_trksize)
        return ckd_fail(ci, "cylinder %u head %u: %zu records need %zu bytes, "
                        "more than the image's %u-byte track",
                        cyl, head, n, bytes, ci->ci_trksize);
    return 0;
}

/* ---- create, open, close ---- */

/* Header, full length, then R0 and the end marker of every track: the
 * rest of each track is zero and stays a hole in the file. */
static int ckd_format(struct ckd_image *ci)
{
    uint8_t hdr[CKD_DEVHDR_LEN] = { 0 };
    off_t size = ckd_track_off(ci, ci->ci_cyls, 0);

    memcpy(hdr, CKD_MAGIC, CKD_MAGIC_LEN);
    ckd_put_le32(hdr + 8, ci->ci_heads);
    ckd_put_le32(hdr + 12, ci->ci_trksize);
    hdr[16] = ci->ci_devtype;
    if (ckd_pwrite_all(ci->ci_fd, hdr, sizeof hdr, 0) != 0
        || ftruncate(ci->ci_fd, size) != 0)
        return ckd_fail(ci, "cannot write: %s", strerror(errno));
    for (uint32_t cyl = 0; cyl < ci->ci_cyls; cyl++) {
        for (uint32_t head = 0; head < ci->ci_heads; head++) {
            size_t used = ckd_build_track(ci->ci_trk, cyl, head, NULL, 0);
            if (ckd_pwrite_all(ci->ci_fd, ci->ci_trk, used,
                               ckd_track_off(ci, cyl, head)) != 0)
                return ckd_fail(ci, "cannot write: %s", strerror(errno));
        }
    }
    return 0;
}

int ckd_create(struct ckd_image *ci, const char *path, uint32_t cyls)
{
    if (ckd_reset(ci, path) != 0)
        return ckd_abandon(ci);
    if (cyls < 1 || cyls > CKD_3380_MAX_CYLS) {
        ckd_fail(ci, "%u cylinders: a 3380 image has 1 to %u", cyls,
                 CKD_3380_MAX_CYLS);
        return ckd_abandon(ci);
    }
    if (ckd_set_3380(ci, cyls) != 0)
        return ckd_abandon(ci);
    ci->ci_fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0666);
    if (ci->ci_fd < 0) {
        ckd_fail(ci, "cannot create: %s", strerror(errno));
        return ckd_abandon(ci);
    }
    ci->ci_writable = true;
    if (ckd_format(ci) != 0) {
        unlink(path);
        return ckd_abandon(ci);
    }
    return 0;
}

/* The header must describe a single-file 3380 image. */
static int ckd_check_header(struct ckd_image *ci, const uint8_t *hdr)
{
    uint32_t heads = ckd_get_le32(hdr + 8), trksize = ckd_get_le32(hdr + 12);

    if (memcmp(hdr, CKD_MAGIC_CMP, CKD_MAGIC_LEN) == 0)
        return ckd_fail(ci, "compressed (CCKD) images are not supported");
    if (memcmp(hdr, CKD_MAGIC, CKD_MAGIC_LEN) != 0)
        return ckd_fail(ci, "not a Hercules CKD image (no CKD_P370 header)");
    if (hdr[16] != CKD_3380_DEVTYPE || heads != CKD_3380_HEADS
        || trksize != CKD_3380_TRKSIZE)
        return ckd_fail(ci, "not a 3380 image (device type X'%02X', %u heads, "
                        "%u-byte tracks)", hdr[16], heads, trksize);
    if (hdr[17] != 0 || hdr[18] != 0 || hdr[19] != 0)
        return ckd_fail(ci, "multi-file CKD images are not supported");
    return 0;
}

int ckd_open(struct ckd_image *ci, const char *path, bool writable)
{
    uint8_t hdr[CKD_DEVHDR_LEN];
    const off_t cylsize = (off_t)CKD_3380_HEADS * CKD_3380_TRKSIZE;
    struct stat st;
    off_t body;

    if (ckd_reset(ci, path) != 0)
        return ckd_abandon(ci);
    ci->ci_fd = open(path, writable ? O_RDWR : O_RDONLY);
    if (ci->ci_fd < 0 || fstat(ci->ci_fd, &st) != 0) {
        ckd_fail(ci, "cannot open: %s", strerror(errno));
        return ckd_abandon(ci);
    }
    if (st.st_size < (off_t)CKD_DEVHDR_LEN) {
        ckd_fail(ci, "too short to be a CKD image (%lld bytes)",
                 (long long)st.st_size);
        return ckd_abandon(ci);
    }
    if (ckd_pread_all(ci->ci_fd, hdr, sizeof hdr, 0) != 0) {
        ckd_fail(ci, "cannot read: %s", strerror(errno));
        return ckd_abandon(ci);
    }
    if (ckd_check_header(ci, hdr) != 0)
        return ckd_abandon(ci);
    body = st.st_size - (off_t)CKD_DEVHDR_LEN;
    if (body == 0 || body % cylsize != 0 || body / cylsize > CKD_3380_MAX_CYLS) {
        ckd_fail(ci, "size %lld is not 1 to %u whole 3380 cylinders",
                 (long long)st.st_size, CKD_3380_MAX_CYLS);
        return ckd_abandon(ci);
    }
    if (ckd_set_3380(ci, (uint32_t)(body / cylsize)) != 0)
        return ckd_abandon(ci);
    ci->ci_writable = writable;
    return 0;
}

int ckd_close(struct ckd_image *ci)
{
    int rc = 0;

    if (ci->ci_fd >= 0) {
        if ((ci->ci_writable && fsync(ci->ci_fd) != 0) || close(ci->ci_fd) != 0)
            rc = ckd_fail(ci, "cannot close: %s", strerror(errno));
        ci->ci_fd = -1;   /* even on failure: the descriptor is gone or useless */
    }
    free(ci->ci_trk);
    free(ci->ci_path);
    ci->ci_trk = NULL;
    ci->ci_path = NULL;
    return rc;
}

/* ---- tracks and records ---- */

int ckd_read_track(struct ckd_image *ci, uint32_t cyl, uint32_t head,
                   const uint8_t **trk)
{
    uint8_t *t = ci->ci_trk;

    if (ckd_check_addr(ci, cyl, head) != 0)
        return -1;
    if (ckd_pread_all(ci->ci_fd, t, ci->ci_trksize,
                      ckd_track_off(ci, cyl, head)) != 0)
        return ckd_fail(ci, "cannot read cylinder %u head %u: %s",
                        cyl, head, strerror(errno));
    if (t[0] != 0 || ckd_get_be16(t + 1) != cyl || ckd_get_be16(t + 3) != head)
        return ckd_fail(ci, "cylinder %u head %u has a bad track header",
                        cyl, head);
    *trk = t;
    return 0;
}

int ckd_write_track(struct ckd_image *ci, uint32_t cyl, uint32_t head,
                    const struct ckd_rec *recs, size_t n)
{
    if (ckd_check_addr(ci, cyl, head) != 0)
        return -1;
    if (!ci->ci_writable)
        return ckd_fail(ci, "image is open read-only");
    if (ckd_check_recs(ci, cyl, head, recs, n) != 0)
        return -1;
    memset(ci->ci_trk, 0, ci->ci_trksize);
    ckd_build_track(ci->ci_trk, cyl, head, recs, n);
    if (ckd_pwrite_all(ci->ci_fd, ci->ci_trk, ci->ci_trksize,
                       ckd_track_off(ci, cyl, head)) != 0)
        return ckd_fail(ci, "cannot write cylinder %u head %u: %s",
                        cyl, head, strerror(errno));
    return 0;
}

/* Records are matched on their record number alone; the count fields
 * ckd_write_track writes carry the track's own cylinder and head. */
int ckd_read_record(struct ckd_image *ci, uint32_t cyl, uint32_t head,
                    unsigned rec, struct ckd_rec *out)
{
    const uint8_t *trk;
    size_t off = CKD_TRKHDR_LEN;

    if (ckd_read_track(ci, cyl, head, &trk) != 0)
        return -1;
    for (;;) {
        const uint8_t *c = trk + off;
        size_t end;

        if (off + CKD_COUNT_LEN > ci->ci_trksize)
            break;
        if (memcmp(c, ckd_eot, CKD_EOT_LEN) == 0)
            return ckd_fail(ci, "cylinder %u head %u has no record %u",
                            cyl, head, rec);
        end = off + CKD_COUNT_LEN + c[5] + ckd_get_be16(c + 6);
        if (end > ci->ci_trksize)
            break;
        if (c[4] == rec) {
            out->cr_rec = c[4];
            out->cr_klen = c[5];
            out->cr_dlen = (uint16_t)ckd_get_be16(c + 6);
            out->cr_key = c + CKD_COUNT_LEN;
            out->cr_data = c + CKD_COUNT_LEN + c[5];
            return 0;
        }
        off = end;
    }
    return ckd_fail(ci, "cylinder %u head %u: records run past the end of "
                    "the track (damaged image)", cyl, head);
}
