/* dsk.c: CKD channel programs CP runs on its own volumes. */
#include "dsk.h"
#include "cplib.h"

#define CKD_SEEK        0x07
#define CKD_SEARCH_ID   0x31
#define CKD_READ_DATA   0x06

int dsk_read_sync(struct iodev *d, uint16_t cyl, uint16_t head, uint8_t rec,
                  void *buf, uint16_t len)
{
    static uint8_t seek[6] __attribute__((aligned(8)));
    static uint8_t search[5] __attribute__((aligned(8)));
    static struct ccw1 prog[4];
    struct irb irb;

    seek[0] = seek[1] = 0;
    seek[2] = (uint8_t)(cyl >> 8);  seek[3] = (uint8_t)cyl;
    seek[4] = (uint8_t)(head >> 8); seek[5] = (uint8_t)head;
    memcpy(search, seek + 2, 4);
    search[4] = rec;

    prog[0] = (struct ccw1){ CKD_SEEK, CCW_CC, 6, ios_addr(seek) };
    prog[1] = (struct ccw1){ CKD_SEARCH_ID, CCW_CC, 5, ios_addr(search) };
    prog[2] = (struct ccw1){ CMD_TIC, 0, 0, ios_addr(&prog[1]) };
    prog[3] = (struct ccw1){ CKD_READ_DATA, CCW_SLI, len, ios_addr(buf) };

    if (ios_sync(d, prog, &irb, 2000) != 0)
        return -1;
    if (irb.ir_scsw.sc_dstat & (DS_UC | DS_UX))
        return -1;
    return len - irb.ir_scsw.sc_count;
}
