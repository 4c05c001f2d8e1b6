/* nucwrite.h: writing a nucleus image into a volume image's NUC area, a
 * track of VOL_BLKSIZE blocks at a time (cpvol for CP, cmsboot for CMS). */
#ifndef DASD_NUCWRITE_H
#define DASD_NUCWRITE_H

#include <stdint.h>
#include "ckd.h"
#include "vol.h"

/* Write len bytes of bin as blocks of area nuc, the last one padded;
 * cylinders are those of the area plus cyl_offset (a minidisk's first
 * cylinder, or 0). 0 or -1 (ckd_error tells). */
int nuc_write(struct ckd_image *ci, const struct vol_area *nuc, uint32_t cyl_offset,
              const uint8_t *bin, uint32_t len);

#endif
