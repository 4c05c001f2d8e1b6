/* vcon.c: the virtual 3215 console. Its channel programs run at once:
 *   X'01' write, X'09' write and carriage return   a line on the screen
 *   X'0A' read inquiry                             the user's next line
 *   X'03' no-operation, X'0B' audible alarm        nothing
 *   X'04' sense                                    the sense byte
 * anything else is a command reject (unit check, sense X'80'). Data
 * chaining joins buffers; command chaining goes on to the next CCW. A read
 * with no line typed yet leaves the device working (VM READ) until one is.
 */
#include "vcon.h"
#include "vm.h"
#include "vst.h"
#include "vmcons.h"
#include "ebcdic.h"
#include "cplib.h"
#include "fmt.h"
#include "trm.h"

#define CMD_WRITE     0x01
#define CMD_WRITE_CR  0x09
#define CMD_READ      0x0A
#define CMD_NOP       0x03
#define CMD_ALARM     0x0B
#define CMD_SENSE     0x04
#define SENSE_CMDREJ  0x80
#define CCW_CD        0x80
#define CCW_CC        0x40
#define CCW_SLI       0x20
#define LINE_MAX      130

static struct vdev *console(struct vmblok *vm)
{
    return vm->vm_console;
}

bool vcon_reading(const struct vmblok *vm)
{
    struct vdev *vd = console((struct vmblok *)vm);
    return vd && vd->vd_working;
}

/* Write: gather the data (with data chaining) and show it as one line. */
static int do_write(struct vmblok *vm, struct vdev *vd, uint32_t addr, uint8_t flags,
                    uint16_t count, uint16_t *residual)
{
    uint8_t buf[LINE_MAX];
    size_t n = 0;
    for (;;) {
        for (uint16_t i = 0; i < count; i++) {
            uint8_t b;
            if (vst_read(vm, addr + i, &b, 1))
                return CS_PGM;
            if (n < sizeof buf)
                buf[n++] = b;
        }
        if (!(flags & CCW_CD))
            break;
        uint8_t cmd;
        vd->vd_ccw += 8;
        int st = vio_fetch_ccw(vm, vd, &cmd, &addr, &flags, &count, true);
        if (st)
            return st;
    }
    char line[LINE_MAX + 1];
    ebc_to_ascii(line, buf, n);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)line[i] < 0x20)
            line[i] = ' ';
    while (n && line[n - 1] == ' ')
        n--;
    line[n] = '\0';
    vmcons_write(vm, line);
    *residual = 0;
    return 0;
}

/* Read: copy the typed line; a shorter line is an incorrect length unless
 * SLI is on, as on the real 3215. */
static int finish_read(struct vmblok *vm, struct vdev *vd, uint32_t addr, uint8_t flags,
                       uint16_t count, uint8_t *cs, uint16_t *residual)
{
    uint8_t buf[LINE_MAX];
    unsigned h = vm->vm_conin_head;
    size_t n = vm->vm_conin_len[h];
    if (n > count)
        n = count;
    ebc_from_ascii(buf, vm->vm_conin[h], n);
    vm->vm_conin_head = (uint8_t)((h + 1) % VM_CONIN_LINES);
    vm->vm_conin_count--;
    if (vst_write(vm, addr, buf, (uint32_t)n))
        return CS_PGM;
    *residual = (uint16_t)(count - n);
    if (n != count && !(flags & CCW_SLI))
        *cs |= CS_IL;
    (void)vd;
    return 0;
}

/* Run the chain from vd_ccw until it ends or waits for a line, or for
 * room on the screen; with force, the first write goes on without room. */
static int run_chain(struct vmblok *vm, struct vdev *vd, bool force)
{
    for (;;) {
        uint8_t cmd, flags, cs = 0;
        uint32_t addr;
        uint16_t count, residual = 0;
        int st = vio_fetch_ccw(vm, vd, &cmd, &addr, &flags, &count, false);
        if (st) {
            /* Found when command chaining to a new operation: channel end
             * and device end are off (GA22-7000, "Chaining"). The first
             * CCW's check ends with them on, as Hercules' channel does. */
            vio_end(vm, vd, vd->vd_nccw > 1 ? 0 : US_CE | US_DE, (uint8_t)st, 0);
            return VIO_DONE;
        }
        switch (cmd) {
        case CMD_WRITE:
        case CMD_WRITE_CR:
            if (!force && vm->vm_trm && !trm_output_room(vm->vm_trm)) {
                vm->vm_conout_wait = true;
                return VIO_WORKING;          /* held until the user pages on */
            }
            force = false;
            st = do_write(vm, vd, addr, flags, count, &residual);
            break;
        case CMD_READ:
            if (!vm->vm_conin_count) {
                vmcons_reading(vm, true);
                return VIO_WORKING;          /* VM READ until the user types */
            }
            vmcons_reading(vm, false);
            st = finish_read(vm, vd, addr, flags, count, &cs, &residual);
            break;
        case CMD_SENSE: {
            uint8_t s = vd->vd_sense;
            st = vst_write(vm, addr, &s, 1) ? CS_PGM : 0;
            residual = (uint16_t)(count - 1);
            if (count != 1 && !(flags & CCW_SLI))
                cs |= CS_IL;
            vd->vd_sense = 0;
            break;
        }
        case CMD_NOP:
        case CMD_ALARM:
            residual = count;
            break;
        default:
            vd->vd_sense = SENSE_CMDREJ;
            vio_end(vm, vd, US_CE | US_DE | US_UC, 0, count);
            return VIO_DONE;
        }
        if (st || cs || !(flags & CCW_CC)) {
            vio_end(vm, vd, US_CE | US_DE, (uint8_t)(st | cs), residual);
            /* Lines typed meanwhile that no read took: an attention now
             * (it waits if the ending's status is still pending). */
            if (vm->vm_conin_count)
                vio_unsolicited(vm, vd, US_ATTN);
            return VIO_DONE;
        }
        vd->vd_ccw += 8;
    }
}

static int vcon_start(struct vmblok *vm, struct vdev *vd)
{
    return run_chain(vm, vd, false);
}

static void vcon_halt(struct vmblok *vm, struct vdev *vd)
{
    vm->vm_conout_wait = false;
    vmcons_reading(vm, false);
    vio_end(vm, vd, US_CE | US_DE, 0, 0);
}

static void vcon_describe(const struct vmblok *vm, const struct vdev *vd, char *buf, size_t cap)
{
    if (vm->vm_trm)
        fmt(buf, cap, "CONS %03X %04X ON TERMINAL %04X", vd->vd_addr, vd->vd_type,
            trm_devno(vm->vm_trm));
    else
        fmt(buf, cap, "CONS %03X %04X DISCONNECTED", vd->vd_addr, vd->vd_type);
}

const struct vdev_ops vcon_ops = {
    .vo_name = "CONS", .vo_start = vcon_start, .vo_halt = vcon_halt,
    .vo_describe = vcon_describe,
};

void vcon_output_room(struct vmblok *vm)
{
    struct vdev *vd = console(vm);
    vm->vm_conout_wait = false;
    if (vd && vd->vd_working)
        vcon_start(vm, vd);
}

void vcon_input(struct vmblok *vm, const char *line)
{
    struct vdev *vd = console(vm);
    size_t n = strlen(line);
    if (n > LINE_MAX)
        n = LINE_MAX;
    if (vm->vm_conin_count == VM_CONIN_LINES) {
        vmcons_printf(vm, "VCN002W LINE NOT TAKEN: %d LINES WAIT FOR THE MACHINE TO READ THEM",
                      VM_CONIN_LINES);
        return;
    }
    unsigned t = (vm->vm_conin_head + vm->vm_conin_count) % VM_CONIN_LINES;
    memcpy(vm->vm_conin[t], line, n);
    vm->vm_conin_len[t] = (uint8_t)n;
    vm->vm_conin_count++;
    if (!vd)
        return;
    if (vm->vm_conout_wait) {
        /* A write held for room on the screen ends now (the queue keeps
         * room for a line past the limit), so the attention for this line
         * comes at once: HT typed at MORE... must reach the guest. */
        vm->vm_conout_wait = false;
        run_chain(vm, vd, true);
    } else if (vd->vd_working) {
        vcon_start(vm, vd);               /* the read waiting for it goes on */
    } else {
        vio_unsolicited(vm, vd, US_ATTN); /* tell the guest there is a line */
    }
}
