/* ccwgen.c: the command table for a device CP does not know command by
 * command (a dedicated printer, reader, punch ...): every code classed by
 * its low-order bits, as System/370 devices decode them (GA22-7000,
 * "Command Code"): ....0100 sense (input), ......01 write (output),
 * ......10 read (input), ......11 control (output, X'03' no data). Read
 * backward (....1100) is left out: the translator moves data forward only,
 * so it is a command reject. */
#include "ccw.h"

static struct ccw_cmd table[256];
static size_t ntable;

const struct ccw_cmd *ccw_generic(size_t *n)
{
    if (!ntable) {
        for (unsigned c = 1; c < 256; c++) {
            uint8_t cls, arg = CCW_A_DATA;
            if ((c & 0x0F) == 0x04)
                cls = CCW_SENSE;
            else if ((c & 3) == 1)
                cls = CCW_WRITE;
            else if ((c & 3) == 2)
                cls = CCW_READ;
            else if ((c & 3) == 3) {
                cls = CCW_CONTROL;
                if (c == 0x03)
                    arg = CCW_A_NODATA;
            } else
                continue;               /* X'x0' invalid, X'x8' TIC, X'xC' read backward */
            table[ntable++] = (struct ccw_cmd){ (uint8_t)c, cls, arg, 0, "DEV" };
        }
    }
    *n = ntable;
    return table;
}
