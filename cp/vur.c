/* vur.c: virtual unit record devices (see vur.h).
 *
 * Commands by their low-order bits, as the 2540 and 1403 decode them:
 *   ...... 01  write (punch a card, print a line); the rest of the byte
 *              is spacing or stacker selection
 *   ...... 10  read (reader)
 *   ...... 11  control (space, skip, feed, stacker select; X'03' NOP)
 *   0000 0100  sense
 * A command the device does not have is a command reject. The empty reader
 * answers a read with unit check and intervention required, as a 2540
 * with no cards in its hopper does.
 */
#include "vur.h"
#include "vm.h"
#include "vst.h"
#include "fmt.h"
#include "cplib.h"
#include "../dasd/dir.h"

#define CMD_SENSE      0x04
#define SENSE_CMDREJ   0x80
#define SENSE_INTREQ   0x40
#define CCW_CD         0x80
#define CCW_CC         0x40
#define CCW_SLI        0x20
#define VUR_MAX        (160 * 3)

enum { K_READER, K_PUNCH, K_PRINTER };

static const struct {
    uint16_t type;          /* the device type the guest sees */
    uint8_t  kind;
    uint8_t  reclen;        /* bytes in a record: card 80, line 132 */
    const struct vdev_ops *ops;
} types[DIR_T_COUNT] = {
    [DIR_T_2540R] = { 0x2540, K_READER,  80,  &vur_reader_ops },
    [DIR_T_3505]  = { 0x3505, K_READER,  80,  &vur_reader_ops },
    [DIR_T_2540P] = { 0x2540, K_PUNCH,   80,  &vur_punch_ops },
    [DIR_T_3525]  = { 0x3525, K_PUNCH,   80,  &vur_punch_ops },
    [DIR_T_1403]  = { 0x1403, K_PRINTER, 132, &vur_printer_ops },
};

struct vur {
    bool     vu_used;
    uint8_t  vu_kind;
    uint8_t  vu_reclen;
    char     vu_class;
    uint32_t vu_records;
};

static struct vur pool[VUR_MAX];

/* A write: the data (with data chaining) must be addressable; it is
 * counted as one record. 0 or a channel status. */
static int do_write(struct vmblok *vm, struct vdev *vd, struct vur *u, uint32_t addr,
                    uint8_t flags, uint16_t count, uint8_t *cs)
{
    uint32_t total = 0;
    for (;;) {
        uint8_t b;
        if (count && (vst_read(vm, addr, &b, 1) || vst_read(vm, addr + count - 1u, &b, 1)))
            return 0x20;
        total += count;
        if (!(flags & CCW_CD))
            break;
        uint8_t cmd;
        vd->vd_ccw += 8;
        int st = vio_fetch_ccw(vm, vd, &cmd, &addr, &flags, &count, true);
        if (st)
            return st;
    }
    u->vu_records++;
    if (total != u->vu_reclen && !(flags & CCW_SLI) && u->vu_kind == K_PUNCH)
        *cs |= 0x40;        /* incorrect length: a card is 80 columns */
    return 0;
}

static int vur_start(struct vmblok *vm, struct vdev *vd)
{
    struct vur *u = vd->vd_priv;
    for (;;) {
        uint8_t cmd, flags, cs = 0;
        uint32_t addr;
        uint16_t count, residual = 0;
        int st = vio_fetch_ccw(vm, vd, &cmd, &addr, &flags, &count, false);
        if (st) {
            vio_end(vm, vd, vd->vd_nccw > 1 ? 0 : US_CE | US_DE, (uint8_t)st, 0);
            return VIO_DONE;
        }
        uint8_t low = cmd & 3;
        if (cmd == CMD_SENSE) {
            uint8_t s = vd->vd_sense;
            st = vst_write(vm, addr, &s, 1) ? 0x20 : 0;
            residual = (uint16_t)(count - 1);
            if (count != 1 && !(flags & CCW_SLI))
                cs |= 0x40;
            vd->vd_sense = 0;
        } else if (low == 3) {
            residual = count;                       /* control: nothing moves */
        } else if (low == 1 && u->vu_kind != K_READER) {
            st = do_write(vm, vd, u, addr, flags, count, &cs);
        } else if (low == 2 && u->vu_kind == K_READER) {
            vd->vd_sense = SENSE_INTREQ;            /* no cards: [Spooling] brings files */
            vio_end(vm, vd, US_CE | US_DE | US_UC, 0, count);
            return VIO_DONE;
        } else {
            vd->vd_sense = SENSE_CMDREJ;
            vio_end(vm, vd, US_CE | US_DE | US_UC, 0, count);
            return VIO_DONE;
        }
        if (st || cs || !(flags & CCW_CC)) {
            vio_end(vm, vd, US_CE | US_DE, (uint8_t)(st | cs), residual);
            return VIO_DONE;
        }
        vd->vd_ccw += 8;
    }
}

static void vur_halt(struct vmblok *vm, struct vdev *vd)
{
    /* Every operation ends inside its SIO: nothing is ever under way. */
    vio_end(vm, vd, 0, 0, 0);
}

static void vur_detach(struct vmblok *vm, struct vdev *vd)
{
    (void)vm;
    struct vur *u = vd->vd_priv;
    u->vu_used = false;
    vd->vd_priv = NULL;
}

static void vur_describe(const struct vmblok *vm, const struct vdev *vd, char *buf, size_t cap)
{
    (void)vm;
    const struct vur *u = vd->vd_priv;
    static const char *const names[] = { "RDR  ", "PUN  ", "PRT  " };
    fmt(buf, cap, "%s%03X %04X CL %c NOHOLD %u RECORDS", names[u->vu_kind], vd->vd_addr,
        vd->vd_type, u->vu_class, u->vu_records);
}

const struct vdev_ops vur_reader_ops = {
    .vo_name = "RDR", .vo_start = vur_start, .vo_halt = vur_halt,
    .vo_detach = vur_detach, .vo_describe = vur_describe,
};
const struct vdev_ops vur_punch_ops = {
    .vo_name = "PUN", .vo_start = vur_start, .vo_halt = vur_halt,
    .vo_detach = vur_detach, .vo_describe = vur_describe,
};
const struct vdev_ops vur_printer_ops = {
    .vo_name = "PRT", .vo_start = vur_start, .vo_halt = vur_halt,
    .vo_detach = vur_detach, .vo_describe = vur_describe,
};

struct vdev *vur_attach(struct vmblok *vm, uint16_t vaddr, int type, char spool_class)
{
    if (type <= 0 || type >= DIR_T_COUNT || !types[type].ops)
        return NULL;
    struct vur *u = NULL;
    for (int i = 0; i < VUR_MAX && !u; i++)
        if (!pool[i].vu_used)
            u = &pool[i];
    if (!u)
        return NULL;
    struct vdev *vd = vio_attach(vm, vaddr, types[type].type, types[type].ops);
    if (!vd)
        return NULL;
    *u = (struct vur){ true, types[type].kind, types[type].reclen,
                       spool_class ? spool_class : 'A', 0 };
    vd->vd_priv = u;
    return vd;
}

uint32_t vur_records(const struct vdev *vd)
{
    const struct vur *u = vd->vd_priv;
    return u ? u->vu_records : 0;
}
