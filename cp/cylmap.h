/* cylmap.h: which cylinders of a volume area are in use: first-fit
 * allocation of contiguous runs (temporary disks). Pure: host-tested. */
#ifndef CP_CYLMAP_H
#define CP_CYLMAP_H

#include <stdint.h>
#include "../dasd/vol.h"

struct cylmap {
    uint16_t cm_first, cm_count;            /* the area */
    uint8_t  cm_used[(VOL_MAX_CYLS + 7) / 8]; /* bit per cylinder of the area */
};

void cylmap_init(struct cylmap *m, uint16_t first, uint16_t count);
/* The first cylinder of n free ones in a row (marked used now), or -1. */
int cylmap_alloc(struct cylmap *m, uint16_t n);
/* Give back n cylinders from start (absolute); cylinders outside the area
 * are ignored. */
void cylmap_free(struct cylmap *m, uint16_t start, uint16_t n);
unsigned cylmap_free_count(const struct cylmap *m);

#endif
