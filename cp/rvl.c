/* rvl.c: the real DASD volumes (see rvl.h). */
#include "rvl.h"
#include "con.h"
#include "dsk.h"
#include "ebcdic.h"
#include "cplib.h"
#include "../dasd/volmap.h"

static struct rvol vols[RVL_MAX];
static int nvols;

void rvl_init(void)
{
    static uint8_t blk[VOL_BLKSIZE] __attribute__((aligned(8)));
    nvols = 0;
    for (int i = 0; i < ios_ndev && nvols < RVL_MAX; i++) {
        struct iodev *d = &ios_dev[i];
        if (d->id_class != DC_DASD)
            continue;
        struct rvol *v = &vols[nvols];
        memset(v, 0, sizeof *v);
        v->rv_dev = d;
        /* VOL1 is record 3 of cylinder 0 head 0; the map record 1 of head 1. */
        if (dsk_read_sync(d, 0, 0, 3, blk, VOL_LABEL_LEN) != VOL_LABEL_LEN) {
            con_printf("CPI007W DASD %04X HAS NO VOLUME LABEL; NOT USED", d->id_devno);
            continue;
        }
        ebc_to_ascii(v->rv_volser, blk + VOL_LABEL_VOLSER_OFF, VOL_LABEL_VOLSER_LEN);
        v->rv_volser[VOL_LABEL_VOLSER_LEN] = '\0';
        for (int k = VOL_LABEL_VOLSER_LEN - 1; k >= 0 && v->rv_volser[k] == ' '; k--)
            v->rv_volser[k] = '\0';
        if (dsk_read_sync(d, 0, 1, 1, blk, VOL_BLKSIZE) == (int)VOL_BLKSIZE
            && volmap_decode(blk, &v->rv_map) == 0)
            v->rv_cyls = (uint16_t)v->rv_map.vm_cyls;
        if (rvl_find(v->rv_volser)) {
            con_printf("CPI008W DASD %04X VOLUME %s IS A DUPLICATE; NOT USED",
                       d->id_devno, v->rv_volser);
            continue;
        }
        nvols++;
        con_printf("CPI006I DASD %04X VOLUME %s, %u CYLINDERS", d->id_devno, v->rv_volser,
                   (unsigned)v->rv_cyls);
    }
}

struct rvol *rvl_find(const char *volser)
{
    for (int i = 0; i < nvols; i++)
        if (strcmp(vols[i].rv_volser, volser) == 0)
            return &vols[i];
    return NULL;
}

struct rvol *rvl_of(const struct iodev *d)
{
    for (int i = 0; i < nvols; i++)
        if (vols[i].rv_dev == d)
            return &vols[i];
    return NULL;
}

struct rvol *rvl_at(int i)
{
    return i >= 0 && i < nvols ? &vols[i] : NULL;
}
