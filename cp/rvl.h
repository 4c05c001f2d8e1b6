/* rvl.h: the real DASD volumes CP found at IPL. Each CPCMS volume carries
 * a VOL1 label and an allocation map (dasd/vol.h); minidisks are named by
 * volser in the directory and found here. */
#ifndef CP_RVL_H
#define CP_RVL_H

#include <stdint.h>
#include "ios.h"
#include "../dasd/vol.h"

#define RVL_MAX 16

struct rvol {
    struct iodev *rv_dev;
    char      rv_volser[VOL_LABEL_VOLSER_LEN + 1];
    uint16_t  rv_cyls;            /* from the allocation map; 0: no map */
    struct vol_map rv_map;
    const struct vmblok *rv_owner;  /* DEDICATEd to this machine, or NULL */
};

struct vmblok;

/* Read the label and map of every DASD; one CPI006I line per volume. */
void rvl_init(void);
/* The mounted volume with this volser, or NULL. */
struct rvol *rvl_find(const char *volser);
/* The i-th volume (0-based), or NULL. */
struct rvol *rvl_at(int i);
/* The volume on d, or NULL. */
struct rvol *rvl_of(const struct iodev *d);

#endif
