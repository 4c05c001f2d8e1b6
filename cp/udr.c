/* udr.c: the user directory on the system residence volume (see udr.h). */
#include "udr.h"
#include "con.h"
#include "dsk.h"
#include "cplib.h"
#include "../dasd/volmap.h"
#include "../dasd/dirfmt.h"

static struct iodev *udr_dev;
static struct vol_area udr_area;
static struct dir_header udr_hdr;
static bool udr_ok;
static uint8_t udr_blk[VOL_BLKSIZE] __attribute__((aligned(8)));

static int read_block(uint32_t n)
{
    struct volmap_chr chr;
    if (!volmap_area_block(&udr_area, n, &chr))
        return -1;
    int got = dsk_read_sync(udr_dev, (uint16_t)chr.vc_cyl, chr.vc_head, chr.vc_rec,
                            udr_blk, VOL_BLKSIZE);
    return got == (int)VOL_BLKSIZE ? 0 : -1;
}

int udr_init(struct iodev *sysres)
{
    static struct vol_map map;
    udr_dev = sysres;
    udr_ok = false;
    if (!sysres || dsk_read_sync(sysres, 0, 1, 1, udr_blk, VOL_BLKSIZE) != (int)VOL_BLKSIZE
        || volmap_decode(udr_blk, &map) != 0) {
        con_printf("UDR001W NO ALLOCATION MAP ON THE IPL VOLUME; NO USER DIRECTORY");
        return -1;
    }
    int a = volmap_find_area(&map, VOL_AREA_DIR);
    if (a < 0) {
        con_printf("UDR002W NO DIRECTORY AREA ON THE IPL VOLUME; NO USER DIRECTORY");
        return -1;
    }
    udr_area = map.vm_area[a];
    int rc;
    if (read_block(0) != 0 || (rc = dirfmt_decode_header(udr_blk, &udr_hdr)) != 0) {
        con_printf("UDR003W USER DIRECTORY NOT READABLE; RUN DIRC TO WRITE ONE");
        return -1;
    }
    udr_ok = true;
    con_printf("UDR010I USER DIRECTORY SERIAL %u: %u USERS", udr_hdr.dh_serial, udr_hdr.dh_nusers);
    return 0;
}

int udr_count(void)
{
    return udr_ok ? (int)udr_hdr.dh_nusers : 0;
}

int udr_find(const char *userid)
{
    return udr_ok ? dirfmt_find(&udr_hdr, userid) : -1;
}

int udr_load(int index, struct dir_user *u)
{
    if (!udr_ok || index < 0 || (uint32_t)index >= udr_hdr.dh_nusers)
        return -1;
    if (read_block(1 + (uint32_t)index) != 0)
        return -1;
    return dirfmt_decode_user(udr_blk, (uint32_t)index, u, NULL) == 0 ? 0 : -1;
}
