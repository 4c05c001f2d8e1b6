/* diaio.c: the DIAGNOSE codes that do I/O for the guest (docs/diagnose.md).
 *
 * X'18' and X'20' run a channel program to its end while the virtual
 * machine waits (it is not dispatched meanwhile; other users run), so a
 * CMS needs neither SIO nor I/O interruptions for its disks. The chain is
 * translated and checked exactly as for SIO; it runs with the PSW key.
 */
#include "dia.h"
#include "prv.h"
#include "vm.h"
#include "vio.h"
#include "mdk.h"
#include "vcon.h"
#include "vst.h"
#include "trm.h"
#include "scr.h"
#include "ebcdic.h"

#define GR(n) (vm->vm_ctx.hc_gr[(n) & 15])

/* The chain ended: Ry = CSW bytes 4-7 (unit status, channel status,
 * residual count); cc 0 if that is channel end and device end alone, else
 * cc 1. The machine may run again. (Not R15, which VM/370 used: it is the
 * stack pointer of a CMS written in C.) */
static void io_done(struct vmblok *vm, struct vdev *vd)
{
    const uint8_t *c = vd->vd_csw;
    GR(vm->vm_diag_ry) = (uint32_t)c[4] << 24 | (uint32_t)c[5] << 16 | (uint32_t)c[6] << 8 | c[7];
    vm->vm_psw.ps_cc = (c[4] & ~(US_CE | US_DE)) || c[5] ? 1 : 0;
    vm->vm_iowait = false;
}

static int run_sync(struct vmblok *vm, struct vdev *vd, unsigned ry)
{
    uint32_t ccw = GR(ry);
    if (ccw & 0xFF000000u)
        return PGM_SPECIFICATION;
    vm->vm_diag_ry = (uint8_t)ry;
    uint32_t caw = (uint32_t)vm->vm_psw.ps_key << 28 | ccw;
    /* Waiting first: the ending may come before vio_start_sync returns. */
    vm->vm_iowait = true;
    if (vio_start_sync(vm, vd, caw, io_done) != 0) {
        vm->vm_iowait = false;
        vm->vm_psw.ps_cc = 2;           /* busy, or an interruption pending */
    }
    return PRV_DONE;
}

/* X'18' standard DASD I/O: Rx the minidisk's address, Ry the chain. */
int dia_dasdio(struct vmblok *vm, unsigned rx, unsigned ry)
{
    struct vdev *vd = vio_find(vm, (uint16_t)GR(rx));
    if (!vd || !mdk_is(vd) || (GR(rx) & 0xFFFF0000u)) {
        vm->vm_psw.ps_cc = 3;
        return PRV_DONE;
    }
    return run_sync(vm, vd, ry);
}

/* X'20' general I/O: the same for any device. */
int dia_genio(struct vmblok *vm, unsigned rx, unsigned ry)
{
    struct vdev *vd = vio_find(vm, (uint16_t)GR(rx));
    if (!vd || (GR(rx) & 0xFFFF0000u)) {
        vm->vm_psw.ps_cc = 3;
        return PRV_DONE;
    }
    return run_sync(vm, vd, ry);
}

/* Device classes for X'24' (bits 16-23 of Ry). */
#define DT_DASD     0x01
#define DT_CONSOLE  0x02
#define DT_RDONLY   0x80    /* flag: a read-only link */

/* X'24' device type: Rx the address. cc 3 if there is no such device;
 * else Ry = type (bits 0-15), class (16-23), flags (24-31), and for a
 * minidisk Ry+1 = its cylinders. */
int dia_devtype(struct vmblok *vm, unsigned rx, unsigned ry)
{
    struct vdev *vd = vio_find(vm, (uint16_t)GR(rx));
    if (!vd || (GR(rx) & 0xFFFF0000u)) {
        vm->vm_psw.ps_cc = 3;
        return PRV_DONE;
    }
    uint32_t cls = 0, flags = 0;
    if (mdk_is(vd)) {
        cls = DT_DASD;
        flags = mdk_writable(vd) ? 0 : DT_RDONLY;
        GR(ry + 1) = mdk_cylinders(vd);
    } else if (vd == vm->vm_console) {
        cls = DT_CONSOLE;
    }
    GR(ry) = (uint32_t)vd->vd_type << 16 | cls << 8 | flags;
    vm->vm_psw.ps_cc = 0;
    return PRV_DONE;
}

#define D58_WRITE    0x19
#define D58_CLEAR    0xFF
#define D58_ERASE    0x80
#define D58_MAXDATA  (SCR_OUT_ROWS * DS_COLS)

/* X'58' 3270 virtual console interface (VM/370 Release 6): Rx the
 * address of a chain of X'19' CCWs, Ry the console's address. Each CCW's
 * byte 5 is a control byte: X'FF' clears the screen; otherwise bits 2-7
 * are the output row the data starts on, and bit 0 erases the output area
 * first. Data chaining gathers up to a screenful (22 rows of 80); command
 * chaining starts another display. cc 0 shown, cc 1 it does not fit (nothing
 * of that CCW shown), cc 3 Ry is not the console. */
int dia_console(struct vmblok *vm, unsigned rx, unsigned ry)
{
    struct vdev *vd = vm->vm_console;
    if (!vd || GR(ry) != vd->vd_addr) {
        vm->vm_psw.ps_cc = 3;
        return PRV_DONE;
    }
    uint32_t a = GR(rx);
    static char text[D58_MAXDATA];
    for (int n = 0; n < 256; n++, a += 8) {
        uint8_t c[8];
        if (a & 7)
            return PGM_SPECIFICATION;
        if (vst_read(vm, a, c, 8))
            return PGM_ADDRESSING;
        if (c[0] != D58_WRITE)
            return PGM_SPECIFICATION;
        uint8_t ctl = c[5];
        size_t len = 0;
        if (ctl != D58_CLEAR) {
            /* Gather the data, following data chaining. */
            for (uint32_t d = a;; d += 8) {
                uint32_t addr = (uint32_t)c[1] << 16 | (uint32_t)c[2] << 8 | c[3];
                uint16_t count = (uint16_t)(c[6] << 8 | c[7]);
                if (len + count > sizeof text) {
                    vm->vm_psw.ps_cc = 1;
                    return PRV_DONE;
                }
                uint8_t e[256];
                for (uint32_t k = 0; k < count; k += sizeof e) {
                    uint32_t m = count - k < sizeof e ? count - k : sizeof e;
                    if (vst_read(vm, addr + k, e, m))
                        return PGM_ADDRESSING;
                    ebc_to_ascii(text + len + k, e, m);
                }
                for (size_t k = len; k < len + count; k++)
                    if ((unsigned char)text[k] < 0x20)
                        text[k] = ' ';
                len += count;
                if (!(c[4] & 0x80))
                    break;
                a = d + 8;
                if (vst_read(vm, a, c, 8))
                    return PGM_ADDRESSING;
            }
            unsigned first = ctl & 0x3F;
            if (first >= SCR_OUT_ROWS || len > (size_t)(SCR_OUT_ROWS - first) * DS_COLS) {
                vm->vm_psw.ps_cc = 1;
                return PRV_DONE;
            }
            if (vm->vm_trm)
                trm_display(vm->vm_trm, first, text, len, ctl & D58_ERASE);
        } else if (vm->vm_trm) {
            trm_display(vm->vm_trm, 0, text, 0, true);
        }
        if (!(c[4] & 0x40))             /* the last (data-chained) CCW's chaining */
            break;
    }
    vm->vm_psw.ps_cc = 0;
    return PRV_DONE;
}
