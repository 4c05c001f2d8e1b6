/* vctc.c: virtual channel-to-channel adapters (see vctc.h).
 *
 * Each side runs its own chain. A READ on one side meets a WRITE on the
 * other: the data moves from the writer's storage to the reader's (as much
 * as the shorter count allows) and both end with channel end and device
 * end, incorrect length where the counts differ and SLI is off. A side
 * whose READ or WRITE finds no partner waits (working); if the other side
 * is idle it gets an attention interruption, and SENSE COMMAND BYTE (X'14')
 * there tells which command waits. CONTROL (X'07') also raises attention
 * on the other side. An adapter not coupled, or whose partner goes away,
 * ends READ and WRITE with unit check, sense intervention required.
 * Commands by their low bits: ..01 write, ..10 read, ..11 control/NOP.
 */
#include "vctc.h"
#include "cfm.h"
#include "log.h"
#include "vm.h"
#include "vst.h"
#include "fmt.h"
#include "cplib.h"

#define VCTC_MAX     64
#define CMD_SENSE    0x04
#define CMD_SCB      0x14       /* sense command byte */
#define CMD_NOP      0x03
#define CMD_CONTROL  0x07
#define SENSE_CMDREJ 0x80
#define SENSE_INTREQ 0x40
#define CCW_CD       0x80
#define CCW_CC       0x40
#define CCW_SLI      0x20
#define CS_PGMCHK    0x20
#define CS_INCLEN    0x40

struct vctc {
    bool          vc_used;
    struct vmblok *vc_vm;
    struct vdev  *vc_vd;
    struct vctc  *vc_peer;
    /* The READ or WRITE waiting for the other side. */
    bool          vc_waiting;
    uint8_t       vc_cmd, vc_flags;
    uint32_t      vc_addr;
    uint16_t      vc_count;
};

static struct vctc pool[VCTC_MAX];

static bool is_write(uint8_t cmd) { return (cmd & 3) == 1; }
static bool is_read(uint8_t cmd)  { return (cmd & 3) == 2; }

static void run(struct vctc *c);

/* Move the data of a write and a read, and end both. */
static void transfer(struct vctc *w, struct vctc *r)
{
    uint16_t n = w->vc_count < r->vc_count ? w->vc_count : r->vc_count;
    uint8_t wcs = 0, rcs = 0, buf[256];
    for (uint32_t done = 0; done < n;) {
        uint32_t k = n - done < sizeof buf ? n - done : sizeof buf;
        if (vst_read(w->vc_vm, w->vc_addr + done, buf, k)) {
            wcs = CS_PGMCHK;
            break;
        }
        if (vst_write(r->vc_vm, r->vc_addr + done, buf, k)) {
            rcs = CS_PGMCHK;
            break;
        }
        done += k;
    }
    if (w->vc_count != r->vc_count) {
        if (!(w->vc_flags & CCW_SLI))
            wcs |= CS_INCLEN;
        if (!(r->vc_flags & CCW_SLI))
            rcs |= CS_INCLEN;
    }
    w->vc_waiting = r->vc_waiting = false;
    struct vctc *sides[2] = { w, r };
    uint8_t cs[2] = { wcs, rcs };
    uint16_t res[2] = { (uint16_t)(w->vc_count - n), (uint16_t)(r->vc_count - n) };
    for (int i = 0; i < 2; i++) {
        struct vctc *c = sides[i];
        if (cs[i] || !(c->vc_flags & CCW_CC)) {
            vio_end(c->vc_vm, c->vc_vd, US_CE | US_DE, cs[i], res[i]);
        } else {
            c->vc_vd->vd_ccw += 8;
            run(c);
        }
    }
}

/* Run the chain from vd_ccw until it ends or a READ/WRITE must wait. */
static void run(struct vctc *c)
{
    struct vmblok *vm = c->vc_vm;
    struct vdev *vd = c->vc_vd;
    for (;;) {
        uint8_t cmd, flags, cs = 0;
        uint32_t addr;
        uint16_t count, residual = 0;
        int st = vio_fetch_ccw(vm, vd, &cmd, &addr, &flags, &count, false);
        if (st) {
            vio_end(vm, vd, vd->vd_nccw > 1 ? 0 : US_CE | US_DE, (uint8_t)st, 0);
            return;
        }
        if (is_write(cmd) || is_read(cmd)) {
            if (!c->vc_peer) {
                vd->vd_sense = SENSE_INTREQ;
                vio_end(vm, vd, US_CE | US_DE | US_UC, 0, count);
                return;
            }
            c->vc_waiting = true;
            c->vc_cmd = cmd;
            c->vc_flags = flags;
            c->vc_addr = addr;
            c->vc_count = count;
            struct vctc *p = c->vc_peer;
            if (p->vc_waiting && (is_write(cmd) ? is_read(p->vc_cmd) : is_write(p->vc_cmd))) {
                transfer(is_write(cmd) ? c : p, is_write(cmd) ? p : c);
                return;
            }
            vio_unsolicited(p->vc_vm, p->vc_vd, US_ATTN);
            return;                          /* working until the partner answers */
        }
        if (cmd == CMD_SENSE || cmd == CMD_SCB) {
            uint8_t b = cmd == CMD_SENSE ? vd->vd_sense
                      : c->vc_peer && c->vc_peer->vc_waiting ? c->vc_peer->vc_cmd : 0;
            st = vst_write(vm, addr, &b, 1) ? CS_PGMCHK : 0;
            residual = (uint16_t)(count - 1);
            if (count != 1 && !(flags & CCW_SLI))
                cs |= CS_INCLEN;
            if (cmd == CMD_SENSE)
                vd->vd_sense = 0;
        } else if ((cmd & 3) == 3) {
            residual = count;
            if (cmd == CMD_CONTROL && c->vc_peer)
                vio_unsolicited(c->vc_peer->vc_vm, c->vc_peer->vc_vd, US_ATTN);
        } else {
            vd->vd_sense = SENSE_CMDREJ;
            vio_end(vm, vd, US_CE | US_DE | US_UC, 0, count);
            return;
        }
        if (st || cs || !(flags & CCW_CC)) {
            vio_end(vm, vd, US_CE | US_DE, (uint8_t)(st | cs), residual);
            return;
        }
        vd->vd_ccw += 8;
    }
}

static int vctc_start(struct vmblok *vm, struct vdev *vd)
{
    (void)vm;
    struct vctc *c = vd->vd_priv;
    run(c);
    return vd->vd_working ? VIO_WORKING : VIO_DONE;
}

static void vctc_halt(struct vmblok *vm, struct vdev *vd)
{
    struct vctc *c = vd->vd_priv;
    c->vc_waiting = false;
    vio_end(vm, vd, 0, 0, c->vc_count);
}

/* Break the coupling; a partner waiting on it ends in unit check. */
static void uncouple(struct vctc *c)
{
    struct vctc *p = c->vc_peer;
    if (!p)
        return;
    c->vc_peer = p->vc_peer = NULL;
    if (p->vc_waiting) {
        p->vc_waiting = false;
        p->vc_vd->vd_sense = SENSE_INTREQ;
        vio_end(p->vc_vm, p->vc_vd, US_CE | US_DE | US_UC, 0, p->vc_count);
    }
}

static void vctc_detach(struct vmblok *vm, struct vdev *vd)
{
    (void)vm;
    struct vctc *c = vd->vd_priv;
    uncouple(c);
    c->vc_used = false;
    vd->vd_priv = NULL;
}

static void vctc_describe(const struct vmblok *vm, const struct vdev *vd, char *buf, size_t cap)
{
    (void)vm;
    const struct vctc *c = vd->vd_priv;
    if (c->vc_peer)
        fmt(buf, cap, "CTCA %03X ON CTCA %03X %s", vd->vd_addr, c->vc_peer->vc_vd->vd_addr,
            c->vc_peer->vc_vm->vm_user);
    else
        fmt(buf, cap, "CTCA %03X UNCOUPLED", vd->vd_addr);
}

const struct vdev_ops vctc_ops = {
    .vo_name = "CTCA", .vo_start = vctc_start, .vo_halt = vctc_halt,
    .vo_detach = vctc_detach, .vo_describe = vctc_describe,
};

struct vdev *vctc_attach(struct vmblok *vm, uint16_t vaddr)
{
    struct vctc *c = NULL;
    for (int i = 0; i < VCTC_MAX && !c; i++)
        if (!pool[i].vc_used)
            c = &pool[i];
    struct vdev *vd = c ? vio_attach(vm, vaddr, 0x3088, &vctc_ops) : NULL;
    if (!vd)
        return NULL;
    *c = (struct vctc){ .vc_used = true, .vc_vm = vm, .vc_vd = vd };
    vd->vd_priv = c;
    return vd;
}

static bool vaddr_of(const char *s, uint16_t *v)
{
    uint32_t x;
    if (!s || strlen(s) > 4 || !cfm_hex(s, &x))
        return false;
    *v = (uint16_t)x;
    return true;
}

void vctc_cmd_define(struct cmdctx *cx)
{
    const char *a = cfm_arg(cx);
    if (a && strcmp(a, "AS") == 0)
        a = cfm_arg(cx);
    uint16_t vaddr;
    if (!vaddr_of(a, &vaddr)) {
        cfm_reply(cx, "CTC022E VADDR MISSING OR INVALID");
        return;
    }
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    if (vio_find(cx->cx_vm, vaddr)) {
        cfm_reply(cx, "CTC024E DEV %03X ALREADY DEFINED", vaddr);
        return;
    }
    if (!vctc_attach(cx->cx_vm, vaddr)) {
        cfm_reply(cx, "CTC027E DEV %03X NOT DEFINED: NO ROOM FOR ANOTHER DEVICE", vaddr);
        return;
    }
    cfm_reply(cx, "CTCA %03X DEFINED", vaddr);
}

void vctc_cmd_couple(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    uint16_t mine, theirs;
    if (!vaddr_of(cfm_arg(cx), &mine)) {
        cfm_reply(cx, "CTC022E VADDR MISSING OR INVALID");
        return;
    }
    const char *who = cfm_arg(cx);
    if (who && strcmp(who, "TO") == 0)
        who = cfm_arg(cx);
    if (!who) {
        cfm_reply(cx, "CTC020E USERID MISSING OR INVALID");
        return;
    }
    if (!vaddr_of(cfm_arg(cx), &theirs)) {
        cfm_reply(cx, "CTC022E VADDR MISSING OR INVALID");
        return;
    }
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    struct vdev *a = vio_find(vm, mine);
    if (!a || a->vd_ops != &vctc_ops) {
        cfm_reply(cx, "CTC040E DEV %03X IS NOT A CTCA", mine);
        return;
    }
    struct vmblok *other = log_find(who);
    if (!other) {
        cfm_reply(cx, "CTC045E %s NOT LOGGED ON", who);
        return;
    }
    struct vdev *b = vio_find(other, theirs);
    if (!b || b->vd_ops != &vctc_ops || b == a) {
        cfm_reply(cx, "CTC040E %s DEV %03X IS NOT A CTCA", who, theirs);
        return;
    }
    struct vctc *ca = a->vd_priv, *cb = b->vd_priv;
    if (ca->vc_peer || cb->vc_peer) {
        cfm_reply(cx, "CTC050E %s %03X IS ALREADY COUPLED", ca->vc_peer ? vm->vm_user : who,
                  ca->vc_peer ? mine : theirs);
        return;
    }
    ca->vc_peer = cb;
    cb->vc_peer = ca;
    cfm_reply(cx, "CTCA %03X COUPLED TO %s %03X", mine, who, theirs);
}
