/* lnk.c: making and breaking minidisk links (see lnk.h).
 *
 * Messages follow VM/370's DMKLNK ones with our LNK prefix; all are in
 * docs/messages.md. A LINK command that fails changes nothing. */
#include "lnk.h"
#include "cfm.h"
#include "mdk.h"
#include "ios.h"
#include "mdl.h"
#include "rvl.h"
#include "udr.h"
#include "vm.h"
#include "vmcons.h"
#include "fmt.h"
#include "cplib.h"
#include "../dasd/dir.h"

/* The directory entry of a user other than the caller's (LINK reads it
 * from DASD); one at a time. */
static struct dir_user other;

static const struct dir_dev *find_mdisk(const struct dir_user *u, uint16_t vaddr)
{
    for (unsigned i = 0; i < u->du_ndevs; i++)
        if (u->du_dev[i].dd_kind == DIR_K_MDISK && u->du_dev[i].dd_vaddr == vaddr)
            return &u->du_dev[i];
    return NULL;
}

/* "R/W BY MAINT", "R/O BY 3 USERS": who holds the extent. */
static void holders(const struct vmblok *vm, const struct rvol *vol, uint16_t start,
                    char *buf, size_t cap)
{
    unsigned r, w;
    mdl_holders(vol, start, &r, &w);
    const char *who = mdk_writer(vm, vol, start);
    if (w == 1 && who)
        fmt(buf, cap, "R/W BY %s", who);
    else if (w)
        fmt(buf, cap, "R/W BY %u USERS", w);
    else
        fmt(buf, cap, "R/O BY %u USER%s", r, r == 1 ? "" : "S");
}

/* Link owner's MDISK d to vm as vaddr in mode. true when linked; msg
 * holds what to tell the user ("" for nothing). */
static bool link_mdisk(struct vmblok *vm, uint16_t vaddr, const char *owner,
                       const struct dir_dev *d, int mode, char *msg, size_t cap)
{
    char who[40];
    msg[0] = '\0';
    struct rvol *vol = rvl_find(d->dd_volser);
    if (!vol) {
        fmt(msg, cap, "LNK103E DASD %03X NOT LINKED; VOLID %s NOT MOUNTED", vaddr, d->dd_volser);
        return false;
    }
    holders(vm, vol, d->dd_start, who, sizeof who);
    switch (mdk_attach(vm, vaddr, vol, d->dd_start, d->dd_count, mode, owner, d->dd_vaddr)) {
    case MDK_OK:
        return true;
    case MDK_FORCED_RO:
        fmt(msg, cap, "LNK101W DASD %03X FORCED R/O; %s", vaddr, who);
        return true;
    case MDK_REFUSED:
        fmt(msg, cap, "LNK104E %s %03X NOT LINKED; %s", owner, d->dd_vaddr, who);
        return false;
    case MDK_EXISTS:
        fmt(msg, cap, "LNK109E DASD %03X NOT LINKED; VIRTUAL ADDRESS %03X IN USE", vaddr, vaddr);
        return false;
    case MDK_FULL:
        fmt(msg, cap, "LNK116E DASD %03X NOT LINKED; NO ROOM FOR ANOTHER DEVICE", vaddr);
        return false;
    case MDK_INUSE:
        fmt(msg, cap, "LNK122E DASD %03X NOT LINKED; VOLUME %s IS DEDICATED", vaddr, vol->rv_volser);
        return false;
    case MDK_EXTENT:
    default:
        fmt(msg, cap, "LNK115E DASD %03X NOT LINKED; EXTENT OUTSIDE VOLUME %s", vaddr, vol->rv_volser);
        return false;
    }
}

/* The real device at devno, or NULL. */
static struct iodev *real_device(uint16_t devno)
{
    for (int i = 0; i < ios_ndev; i++)
        if (ios_dev[i].id_devno == devno)
            return &ios_dev[i];
    return NULL;
}

/* DEDICATE vaddr raddr|volser: a whole DASD volume, or another real
 * device that CP does not use itself. */
static void dedicate(struct vmblok *vm, const struct dir_dev *d, char *msg, size_t cap)
{
    struct rvol *vol = NULL;
    msg[0] = '\0';
    if (d->dd_raddr != DIR_NO_RADDR) {
        for (int i = 0; (vol = rvl_at(i)) != NULL; i++)
            if (vol->rv_dev->id_devno == d->dd_raddr)
                break;
        if (!vol) {
            struct iodev *dev = real_device(d->dd_raddr);
            enum mdk_result r = dev ? mdk_attach_device(vm, d->dd_vaddr, dev) : MDK_EXTENT;
            if (r == MDK_EXTENT)
                fmt(msg, cap, "LNK120E DEV %04X NOT DEDICATED; NO SUCH REAL DEVICE", d->dd_raddr);
            else if (r == MDK_REFUSED)
                fmt(msg, cap, "LNK121E DEV %04X NOT DEDICATED; IT IS CP'S", d->dd_raddr);
            else if (r == MDK_INUSE)
                fmt(msg, cap, "LNK122E DEV %04X NOT DEDICATED; IT IS IN USE", d->dd_raddr);
            else if (r == MDK_EXISTS)
                fmt(msg, cap, "LNK109E DEV %03X NOT DEDICATED; VIRTUAL ADDRESS %03X IN USE",
                    d->dd_vaddr, d->dd_vaddr);
            else if (r != MDK_OK)
                fmt(msg, cap, "LNK116E DEV %03X NOT DEDICATED; NO ROOM FOR ANOTHER DEVICE", d->dd_vaddr);
            return;
        }
    } else if (!(vol = rvl_find(d->dd_volser))) {
        fmt(msg, cap, "LNK103E DASD %03X NOT DEDICATED; VOLID %s NOT MOUNTED", d->dd_vaddr, d->dd_volser);
        return;
    }
    switch (mdk_attach_dedicated(vm, d->dd_vaddr, vol)) {
    case MDK_OK:
        return;
    case MDK_REFUSED:
        fmt(msg, cap, "LNK121E DEV %04X NOT DEDICATED; VOLUME %s IS CP'S", vol->rv_dev->id_devno,
            vol->rv_volser);
        return;
    case MDK_INUSE:
        fmt(msg, cap, "LNK122E DEV %04X NOT DEDICATED; VOLUME %s IS IN USE", vol->rv_dev->id_devno,
            vol->rv_volser);
        return;
    case MDK_EXISTS:
        fmt(msg, cap, "LNK109E DASD %03X NOT DEDICATED; VIRTUAL ADDRESS %03X IN USE", d->dd_vaddr,
            d->dd_vaddr);
        return;
    default:
        fmt(msg, cap, "LNK116E DASD %03X NOT DEDICATED; NO ROOM FOR ANOTHER DEVICE", d->dd_vaddr);
        return;
    }
}

void lnk_logon(struct vmblok *vm, const struct dir_user *u)
{
    char msg[96];
    for (unsigned i = 0; i < u->du_ndevs; i++) {
        const struct dir_dev *d = &u->du_dev[i];
        if (d->dd_kind == DIR_K_MDISK) {
            link_mdisk(vm, d->dd_vaddr, u->du_userid, d, d->dd_mode, msg, sizeof msg);
        } else if (d->dd_kind == DIR_K_LINK) {
            const struct dir_user *o = u;
            if (strcmp(d->dd_linkuser, u->du_userid) != 0) {
                int idx = udr_find(d->dd_linkuser);
                o = idx >= 0 && udr_load(idx, &other) == 0 ? &other : NULL;
            }
            const struct dir_dev *m = o ? find_mdisk(o, d->dd_linkaddr) : NULL;
            if (!m)
                fmt(msg, sizeof msg, "LNK107E %s %03X NOT LINKED; NOT IN CP DIRECTORY",
                    d->dd_linkuser, d->dd_linkaddr);
            else
                link_mdisk(vm, d->dd_vaddr, d->dd_linkuser, m, d->dd_mode, msg, sizeof msg);
        } else if (d->dd_kind == DIR_K_DEDICATE) {
            dedicate(vm, d, msg, sizeof msg);
        } else {
            continue;
        }
        if (msg[0])
            vmcons_write(vm, msg);
    }
}

/* The password the mode needs from someone who does not own the disk:
 * NULL if the disk has none for it (no such link is possible). */
static const char *needed_password(const struct dir_dev *d, int mode)
{
    const char *pw = mode == DIR_M_R || mode == DIR_M_RR ? d->dd_readpw
                   : mode == DIR_M_W || mode == DIR_M_WR ? d->dd_writepw
                   : d->dd_multpw;
    return pw[0] ? pw : NULL;
}

static bool parse_vaddr(const char *s, uint16_t *v)
{
    uint32_t x;
    if (!s || strlen(s) > 4 || !cfm_hex(s, &x))
        return false;
    *v = (uint16_t)x;
    return true;
}

void lnk_cmd_link(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *a = cfm_arg(cx);
    if (a && strcmp(a, "TO") == 0)
        a = cfm_arg(cx);
    if (!a || strlen(a) > 8) {
        cfm_reply(cx, "LNK020E USERID MISSING OR INVALID");
        return;
    }
    char owner[DIR_NAME_LEN + 1];
    fmt(owner, sizeof owner, "%s", a);
    uint16_t from, to;
    if (!parse_vaddr(cfm_arg(cx), &from)) {
        cfm_reply(cx, "LNK022E VADDR MISSING OR INVALID");
        return;
    }
    a = cfm_arg(cx);
    if (a && strcmp(a, "AS") == 0)
        a = cfm_arg(cx);
    if (!parse_vaddr(a, &to)) {
        cfm_reply(cx, "LNK022E VADDR MISSING OR INVALID");
        return;
    }
    int mode = DIR_M_R;
    const char *pw = NULL;
    if ((a = cfm_arg(cx)) != NULL) {
        mode = mdl_mode_parse(a);
        if (!mode) {
            cfm_reply(cx, "LNK023E MODE %s INVALID: R, RR, W, WR, M, MR OR MW", a);
            return;
        }
        a = cfm_arg(cx);
        if (a && strcmp(a, "PASS=") == 0)
            a = cfm_arg(cx);
        pw = a;
        if (cfm_more(cx)) {
            cfm_invalid(cx, cfm_arg(cx));
            return;
        }
    }
    const struct dir_user *o = vm->vm_dir;
    if (strcmp(owner, vm->vm_user) != 0) {
        int idx = udr_find(owner);
        if (idx < 0 || udr_load(idx, &other) != 0) {
            cfm_reply(cx, "LNK105E %s NOT IN CP DIRECTORY", owner);
            return;
        }
        o = &other;
    }
    const struct dir_dev *d = find_mdisk(o, from);
    if (!d) {
        cfm_reply(cx, "LNK107E %s %03X NOT LINKED; NOT IN CP DIRECTORY", owner, from);
        return;
    }
    if (o != vm->vm_dir) {
        const char *need = needed_password(d, mode);
        if (!need) {
            cfm_reply(cx, "LNK111E %s %03X NOT LINKED; NO %s PASSWORD", owner, from,
                      mode <= DIR_M_RR ? "READ" : mode <= DIR_M_WR ? "WRITE" : "MULT");
            return;
        }
        if (strcmp(need, "ALL") != 0 && (!pw || strcmp(pw, need) != 0)) {
            cfm_reply(cx, "LNK113E %s %03X NOT LINKED; PASSWORD INCORRECT", owner, from);
            return;
        }
    }
    char msg[96];
    link_mdisk(vm, to, owner, d, mode, msg, sizeof msg);
    if (msg[0])
        cfm_reply(cx, "%s", msg);
}

void lnk_cmd_detach(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    uint16_t vaddr;
    if (!parse_vaddr(cfm_arg(cx), &vaddr)) {
        cfm_reply(cx, "LNK022E VADDR MISSING OR INVALID");
        return;
    }
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    struct vdev *vd = vio_find(vm, vaddr);
    if (!vd) {
        cfm_reply(cx, "LNK040E DEV %03X DOES NOT EXIST", vaddr);
        return;
    }
    const char *name = vd->vd_ops->vo_name;
    vio_detach(vm, vd);
    cfm_reply(cx, "%s %03X DETACHED", name, vaddr);
}
