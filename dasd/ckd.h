/* ckd.h: host access to Hercules' uncompressed CKD disk images ("CKD_P370").
 *
 * Host only (the build tools and unit tests); CP reaches the same volumes
 * through real channel programs.  Only 3380 images, the one device type
 * CPCMS volumes use, are created or opened.
 *
 * Image layout, as Hercules' dasdinit writes it:
 *   device header, CKD_DEVHDR_LEN bytes:
 *      0  8  "CKD_P370" in ASCII
 *      8  4  heads per cylinder, little-endian
 *     12  4  bytes per track in the image (trksize), little-endian
 *     16  1  device type, low byte (0x80: 3380)
 *     17  1  file sequence number (0: a single-file image)
 *     18  2  highest cylinder in this file (0: the last or only file)
 *     20     zero to the end of the header
 *   then cyls * heads tracks of exactly trksize bytes each:
 *      0  5  track header: 0, cylinder (2, big-endian), head (2, big-endian)
 *            records, each an 8-byte count field followed by key and data:
 *              cylinder (2), head (2), record (1), key length (1),
 *              data length (2), all big-endian
 *            R0 first: record 0, no key, 8 bytes of zero data
 *            8 bytes of X'FF' after the last record; zero to the track end
 * The cylinder count is not stored: it is (file size - header) / (heads *
 * trksize).
 */
#ifndef DASD_CKD_H
#define DASD_CKD_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define CKD_DEVHDR_LEN     512u
#define CKD_TRKHDR_LEN     5u
#define CKD_COUNT_LEN      8u
#define CKD_EOT_LEN        8u
#define CKD_R0_DLEN        8u

/* A 3380 in Hercules' image format.  trksize is what Hercules allots a
 * track: header, R0, one maximum-length record and the end marker,
 * 5 + 16 + 8 + 47476 + 8 = 47513, rounded up to a multiple of 512. */
#define CKD_3380_HEADS     15u
#define CKD_3380_TRKSIZE   47616u
#define CKD_3380_DEVTYPE   0x80u
#define CKD_3380_MAX_CYLS  2655u     /* the largest single 3380, model K */

/* Real 3380 track capacity (the Read Device Characteristics factors):
 * a record with key length KL and data length DL uses
 *     roundup32(DL + 492) + (KL ? roundup32(KL + 236) : 0)
 * bytes, and R1..Rn of a track may use CKD_3380_TRKLEN bytes in all.
 * So ten 4096-byte blocks without key fit (10 * 4608), eleven do not, and
 * the longest single record is 47476 bytes. */
#define CKD_3380_TRKLEN    47968u
#define CKD_3380_F1        32u
#define CKD_3380_F2        492u
#define CKD_3380_F3        236u

/* One record to write, or one found on a track.  On write, a NULL key or
 * data pointer stands for zeros of the given length. */
struct ckd_rec {
    uint8_t        cr_rec;    /* record number, 1..255 (R0 is ckd's own) */
    uint8_t        cr_klen;
    uint16_t       cr_dlen;
    const uint8_t *cr_key;
    const uint8_t *cr_data;
};

/* An open image.  Every function returns 0 on success and -1 on failure,
 * leaving a one-line message for ckd_error(). */
struct ckd_image {
    int       ci_fd;
    bool      ci_writable;
    uint32_t  ci_cyls;
    uint32_t  ci_heads;
    uint32_t  ci_trksize;
    uint8_t   ci_devtype;
    uint8_t  *ci_trk;         /* last track read; ckd_rec pointers aim here */
    char     *ci_path;
    char      ci_msg[512];
};

/* Create a new 3380 image of cyls cylinders (path must not exist), every
 * track formatted with R0 and the end marker.  The file is sparse: only
 * the first bytes of each track are written.  On failure nothing is left
 * behind.  On success the image is open for writing. */
int  ckd_create(struct ckd_image *ci, const char *path, uint32_t cyls);

/* Open an existing 3380 image, checking its header and size. */
int  ckd_open(struct ckd_image *ci, const char *path, bool writable);

/* Close (after fsync if writable); ci can then be opened again. */
int  ckd_close(struct ckd_image *ci);

const char *ckd_error(const struct ckd_image *ci);

/* Read one whole track (trksize bytes) into ci->ci_trk; *trk points there. */
int  ckd_read_track(struct ckd_image *ci, uint32_t cyl, uint32_t head,
                    const uint8_t **trk);

/* Replace a track's records with R0 and recs[0..n-1] (numbered strictly
 * increasing from 1).  The track is built in memory, checked against the
 * image's track size and the real 3380 capacity above, then written with a
 * single write; if a check fails nothing is written. */
int  ckd_write_track(struct ckd_image *ci, uint32_t cyl, uint32_t head,
                     const struct ckd_rec *recs, size_t n);

/* Find record rec on a track; out's key and data point into ci->ci_trk,
 * valid until the next read. */
int  ckd_read_record(struct ckd_image *ci, uint32_t cyl, uint32_t head,
                     unsigned rec, struct ckd_rec *out);

#endif
