/* ipl.c: IPL (see ipl.h).
 *
 * As on a real System/370 (GA22-7000, "Initial Program Loading"): a system
 * reset (with CLEAR, storage is zeroed too), then the device reads its IPL
 * record into storage 0-23 and the channel goes on with the CCW at 8; when
 * the chain ends with channel end and device end alone, the PSW at 0 is
 * loaded and the device's address is stored at 2-3. The machine then runs;
 * a failed IPL leaves it stopped in CP mode with a message.
 *
 * Saved systems are later work: "IPL CMS" loads CMS from MAINT's system
 * disk, which every user has linked at 190 (docs/cp-core.md).
 */
#include "ipl.h"
#include "cfm.h"
#include "mdk.h"
#include "vm.h"
#include "vin.h"
#include "vio.h"
#include "vst.h"
#include "vmcons.h"
#include "ebcdic.h"
#include "fmt.h"
#include "cplib.h"
#include "../dasd/dir.h"

#define PARM_MAX 64

/* Saved-system names and the device each stands for until saved systems exist. */
static const struct {
    const char *name;
    uint16_t    vaddr;
} by_name[] = {
    { "CMS", 0x190 },
};

static void ipl_done(struct vmblok *vm, struct vdev *vd)
{
    const uint8_t *c = vd->vd_csw;
    vm->vm_iowait = false;
    if ((c[4] & ~(US_CE | US_DE)) || c[5] || !(c[4] & US_DE)) {
        char msg[96];
        fmt(msg, sizeof msg, "IPL043E IPL FAILED: DEV %03X CSW %02X%02X%02X%02X %02X%02X%02X%02X",
            vd->vd_addr, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
        vmcons_stop(vm, msg);
        return;
    }
    uint8_t psw[8];
    vst_read(vm, 0, psw, 8);
    uint8_t dev[2] = { (uint8_t)(vd->vd_addr >> 8), (uint8_t)vd->vd_addr };
    vin_load_psw(vm, psw, false);
    vst_write(vm, 2, dev, 2);
}

/* Reset, load, start. NULL when under way (the machine runs once the
 * chain ends), else the message saying why not. */
static const char *ipl(struct vmblok *vm, uint16_t vaddr, bool clear, const char *parm,
                       char *msg, size_t cap)
{
    struct vdev *vd = vio_find(vm, vaddr);
    if (!vd) {
        fmt(msg, cap, "IPL040E DEV %03X DOES NOT EXIST", vaddr);
        return msg;
    }
    if (!mdk_is(vd)) {
        fmt(msg, cap, "IPL041E DEV %03X CANNOT BE IPLED: ONLY MINIDISKS CAN, FOR NOW", vaddr);
        return msg;
    }
    vin_reset(vm);
    if (clear)
        vst_clear(vm);
    if (parm) {
        uint8_t regs[PARM_MAX];
        size_t n = strlen(parm);
        memset(regs, 0x40, sizeof regs);
        ebc_from_ascii(regs, parm, n < PARM_MAX ? n : PARM_MAX);
        for (int r = 0; r < 16; r++)
            vm->vm_ctx.hc_gr[r] = (uint32_t)regs[4 * r] << 24 | (uint32_t)regs[4 * r + 1] << 16
                                  | (uint32_t)regs[4 * r + 2] << 8 | regs[4 * r + 3];
    }
    /* Not dispatched until the chain has ended and the PSW is in. */
    vm->vm_iowait = true;
    if (mdk_ipl(vm, vd, ipl_done) != 0) {
        vm->vm_iowait = false;
        fmt(msg, cap, "IPL042E IPL FAILED: DEV %03X HAS NO IPL RECORD", vaddr);
        return msg;
    }
    return NULL;
}

static bool name_vaddr(const char *what, uint16_t *vaddr)
{
    uint32_t v;
    if (strlen(what) <= 4 && cfm_hex(what, &v)) {
        *vaddr = (uint16_t)v;
        return true;
    }
    for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++) {
        if (strcmp(what, by_name[i].name) == 0) {
            *vaddr = by_name[i].vaddr;
            return true;
        }
    }
    return false;
}

void ipl_cmd(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *what = cfm_arg(cx);
    if (!what) {
        cfm_missing(cx);
        return;
    }
    uint16_t vaddr;
    if (!name_vaddr(what, &vaddr)) {
        cfm_reply(cx, "IPL044E SYSTEM %s DOES NOT EXIST", what);
        return;
    }
    bool clear = false;
    char parm[PARM_MAX + 1] = "";
    bool has_parm = false;
    const char *a;
    while ((a = cfm_arg(cx)) != NULL) {
        if (strcmp(a, "CLEAR") == 0 && !has_parm) {
            clear = true;
        } else if (strcmp(a, "PARM") == 0 && !has_parm) {
            has_parm = true;
            size_t len = 0;
            while ((a = cfm_arg(cx)) != NULL)
                len += fmt(parm + len, sizeof parm - len, "%s%s", len ? " " : "", a);
        } else {
            cfm_invalid(cx, a);
            return;
        }
    }
    char msg[96];
    if (ipl(vm, vaddr, clear, has_parm ? parm : NULL, msg, sizeof msg)) {
        cfm_reply(cx, "%s", msg);
        return;
    }
    vmcons_begin(vm);
}

void ipl_at_logon(struct vmblok *vm)
{
    const struct dir_user *u = vm->vm_dir;
    uint16_t vaddr;
    char msg[96];
    if (u->du_ipl == DIR_IPL_NONE)
        return;
    if (u->du_ipl == DIR_IPL_VADDR)
        vaddr = u->du_ipl_vaddr;
    else if (!name_vaddr(u->du_ipl_name, &vaddr)) {
        vmcons_printf(vm, "IPL044E SYSTEM %s DOES NOT EXIST", u->du_ipl_name);
        return;
    }
    if (ipl(vm, vaddr, false, u->du_ipl_parm[0] ? u->du_ipl_parm : NULL, msg, sizeof msg)) {
        vmcons_write(vm, msg);
        return;
    }
    vmcons_begin(vm);
}
