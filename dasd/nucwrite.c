/* nucwrite.c: a nucleus into its area (see nucwrite.h). */
#include "nucwrite.h"
#include "volmap.h"
#include <string.h>

int nuc_write(struct ckd_image *ci, const struct vol_area *nuc, uint32_t cyl_offset,
              const uint8_t *bin, uint32_t len)
{
    static uint8_t pad[VOL_BLKSIZE];
    uint32_t blocks = (len + VOL_BLKSIZE - 1) / VOL_BLKSIZE;

    for (uint32_t b = 0; b < blocks; b += VOL_RECS_PER_TRACK) {
        struct ckd_rec recs[VOL_RECS_PER_TRACK];
        struct volmap_chr chr;
        size_t n = 0;

        if (!volmap_area_block(nuc, b, &chr))
            return -1;   /* the caller checked the size (volmap_ipl_build) */
        for (uint32_t k = b; k < blocks && n < VOL_RECS_PER_TRACK; k++, n++) {
            const uint8_t *data = bin + (size_t)k * VOL_BLKSIZE;
            if (len - k * VOL_BLKSIZE < VOL_BLKSIZE) {
                memset(pad, 0, sizeof pad);
                memcpy(pad, data, len - k * VOL_BLKSIZE);
                data = pad;
            }
            recs[n] = (struct ckd_rec){ (uint8_t)(n + 1), 0, VOL_BLKSIZE, NULL, data };
        }
        if (ckd_write_track(ci, chr.vc_cyl + cyl_offset, chr.vc_head, recs, n) != 0)
            return -1;
    }
    return 0;
}
