/* mdk.c: the minidisk device class (see mdk.h).
 *
 * One start at a time per real volume (ios_submit queues the others), so
 * each volume has one translated program, built when its start comes up:
 * a start queued behind another user's is translated when the volume is
 * free, and an error found then (one SIO would have reported with
 * condition code 1) arrives as an I/O interruption instead
 * (docs/ccw.md). */
#include "mdk.h"
#include "ccw.h"
#include "ios.h"
#include "mdl.h"
#include "rvl.h"
#include "vm.h"
#include "vst.h"
#include "fmt.h"
#include "cplib.h"
#include "../dasd/dir.h"
#include "dsk.h"
#include "tdk.h"
#include "../dasd/volmap.h"

#define MDK_MAX       (VIO_MAXDEV * 40)
#define SENSE_LEN     24
#define CCW_FLAG_CD   0x80
#define CCW_FLAG_CC   0x40
#define CCW_FLAG_SLI  0x20

struct mdisk {
    struct ioreq    md_rq;          /* first: the request is the mdisk */
    struct vmblok  *md_vm;
    struct vdev    *md_vd;
    struct rvol    *md_vol;         /* NULL for a dedicated device that is not DASD */
    struct iodev   *md_dev;         /* the real device the I/O runs on */
    struct mdl_ext *md_ext;
    struct ccw_rules md_rules;
    bool     md_used;
    bool     md_write;              /* an R/W link */
    bool     md_now;                /* translating inside SIO: failures give cc 1 */
    bool     md_cc1;
    bool     md_sense_valid;        /* md_sense answers the guest's next SENSE */
    bool     md_ipl;                /* the next start is an IPL's chain */
    bool     md_temp;               /* a temporary disk (tdk.c) */
    bool     md_dedicated;          /* the whole volume, DEDICATEd */
    uint32_t md_caw;
    uint8_t  md_sense[SENSE_LEN];
    char     md_owner[DIR_NAME_LEN + 1];
    uint16_t md_ovaddr;
};

/* What an IPL's chain runs behind: the orientation a READ IPL leaves
 * (just past record 1's data on the extent's first track), rebuilt since
 * CP read that record itself: SEEK, SEARCH ID EQUAL R1, TIC back, READ
 * DATA with SKIP, then a TIC into the translated chain. */
struct iplpfx {
    struct ccw1 ip_ccw[5];
    uint8_t     ip_seek[8] __attribute__((aligned(8)));
    uint8_t     ip_srch[8] __attribute__((aligned(8)));
    uint8_t     ip_bucket[8] __attribute__((aligned(8)));
};

static struct mdisk pool[MDK_MAX];
/* The translated program of each real volume, and its IPL prefix. */
static struct ccw_prog progs[RVL_MAX];
static struct iplpfx pfxs[RVL_MAX];
static const struct iodev *prog_dev[RVL_MAX];

/* The slot of real device d, given one the first time; -1 if all are
 * taken (RVL_MAX volumes and dedicated devices in use at once). */
static int dev_index(const struct iodev *d)
{
    for (int i = 0; i < RVL_MAX; i++) {
        if (prog_dev[i] == d)
            return i;
        if (!prog_dev[i]) {
            prog_dev[i] = d;
            return i;
        }
    }
    return -1;
}

static struct ccw_prog *prog_of(const struct mdisk *md)
{
    return &progs[dev_index(md->md_dev)];
}

static const struct ccw1 *ipl_prefix(const struct mdisk *md, const struct ccw_prog *p)
{
    struct iplpfx *x = &pfxs[dev_index(md->md_dev)];
    uint16_t cyl = md->md_rules.ru_start;
    memset(x, 0, sizeof *x);
    x->ip_seek[2] = (uint8_t)(cyl >> 8);
    x->ip_seek[3] = (uint8_t)cyl;
    memcpy(x->ip_srch, x->ip_seek + 2, 4);
    x->ip_srch[4] = 1;
    x->ip_ccw[0] = (struct ccw1){ 0x07, CCW_CC, 6, ios_addr(x->ip_seek) };
    x->ip_ccw[1] = (struct ccw1){ 0x31, CCW_CC, 5, ios_addr(x->ip_srch) };
    x->ip_ccw[2] = (struct ccw1){ CMD_TIC, 0, 0, ios_addr(&x->ip_ccw[1]) };
    x->ip_ccw[3] = (struct ccw1){ 0x06, CCW_CC | CCW_SLI | CCW_SKIP, 1, ios_addr(x->ip_bucket) };
    x->ip_ccw[4] = (struct ccw1){ CMD_TIC, 0, 0, ccw_real_addr(p, p->cp_begin) };
    return x->ip_ccw;
}

/* ---- the guest's storage, as the translator sees it ---------------------- */

static int g_read(void *ctx, uint32_t ga, void *buf, uint32_t len)
{
    return vst_read(ctx, ga, buf, len);
}

static int g_write(void *ctx, uint32_t ga, const void *buf, uint32_t len)
{
    return vst_write(ctx, ga, buf, len);
}

static uint32_t g_pin(void *ctx, uint32_t gpage)
{
    /* Frames are not paged out yet, so a page with a frame stays put; the
     * count keeps DIAGNOSE X'10' from releasing any page while I/O is under
     * way. [Storage and scheduling] makes this a pin per page. */
    struct vmblok *vm = ctx;
    uint8_t *frame = vst_ptr(vm, gpage);
    if (frame)
        vm->vm_pins++;
    return (uint32_t)(uintptr_t)frame;
}

static void g_unpin(void *ctx, uint32_t gpage)
{
    struct vmblok *vm = ctx;
    (void)gpage;
    if (vm->vm_pins)
        vm->vm_pins--;
}

static uint8_t g_key(void *ctx, uint32_t ga)
{
    return vst_key_get(ctx, ga);
}

static void guest_of(struct vmblok *vm, struct ccw_guest *g)
{
    *g = (struct ccw_guest){ vm, vm->vm_size, g_read, g_write, g_pin, g_unpin, g_key };
}

/* ---- ending ------------------------------------------------------------- */

/* The operation ended with c: SIO's condition code 1 while inside it, if
 * the channel refused the chain (no unit status: the device never saw
 * it), else the ending (an interruption, or the DIAGNOSE that started
 * it): a unit check CP makes for the first CCW is one the device would
 * have presented after accepting the command. */
static void finish(struct mdisk *md, const struct ccw_csw *c)
{
    struct vdev *vd = md->md_vd;
    if (md->md_now && !c->cs_us) {
        md->md_cc1 = true;
        vio_set_csw(vd, c->cs_ccw, c->cs_us, c->cs_cs, c->cs_count);
    } else {
        vio_end_at(md->md_vm, vd, c->cs_ccw, c->cs_us, c->cs_cs, c->cs_count);
    }
}

/* The real device's sense bytes after its unit check, taken before anyone
 * else's start can change them. */
static void real_sense(struct mdisk *md)
{
    static uint8_t buf[SENSE_LEN] __attribute__((aligned(8)));
    static struct ccw1 ccw;
    struct irb irb;
    memset(buf, 0, sizeof buf);
    ccw = (struct ccw1){ CMD_SENSE, CCW_SLI, SENSE_LEN, ios_addr(buf) };
    if (ios_sync(md->md_dev, &ccw, &irb, 1000) != 0)
        buf[0] = 0x10;      /* equipment check: the sense itself failed */
    memcpy(md->md_sense, buf, SENSE_LEN);
}

static const struct ccw1 *md_prepare(struct ioreq *rq)
{
    struct mdisk *md = (struct mdisk *)rq;
    struct ccw_prog *p = prog_of(md);
    struct ccw_guest g;
    guest_of(md->md_vm, &g);
    p->cp_real = (uint32_t)(uintptr_t)p;
    bool ipl = md->md_ipl;
    md->md_ipl = false;
    if (ccw_translate(p, &g, &md->md_rules, md->md_caw) == 0)
        return ipl ? ipl_prefix(md, p) : &p->cp_ccw[p->cp_begin];
    ccw_release(p, &g);
    struct ccw_csw c = p->cp_csw;
    if (c.cs_us & US_UC) {
        ccw_sense(c.cs_sense, md->md_sense);
        md->md_sense_valid = true;
    }
    finish(md, &c);
    return NULL;
}

static void md_done(struct ioreq *rq, const struct irb *irb)
{
    struct mdisk *md = (struct mdisk *)rq;
    struct ccw_prog *p = prog_of(md);
    struct ccw_guest g;
    struct ccw_csw c;
    const struct scsw *s = &irb->ir_scsw;
    guest_of(md->md_vm, &g);
    ccw_untranslate(p, s->sc_ccw, s->sc_dstat, s->sc_cstat, s->sc_count, &c);
    ccw_post(p, &g);
    ccw_release(p, &g);
    if (c.cs_us & US_UC) {
        if (c.cs_sense != CCW_S_NONE)
            ccw_sense(c.cs_sense, md->md_sense);
        else
            real_sense(md);
        md->md_sense_valid = true;
    }
    finish(md, &c);
}

/* A PCI while the chain runs: an interruption for the guest now, the
 * device still working (GA22-7000, "Program-Controlled Interruption"). A
 * DIAGNOSE's chain takes none: its caller waits for the end. */
static void md_pci(struct ioreq *rq, const struct irb *irb)
{
    struct mdisk *md = (struct mdisk *)rq;
    struct vdev *vd = md->md_vd;
    const struct scsw *s = &irb->ir_scsw;
    struct ccw_csw c;
    if (vd->vd_sync || !(s->sc_cstat & 0x80))
        return;
    ccw_untranslate(prog_of(md), s->sc_ccw, s->sc_dstat, s->sc_cstat, s->sc_count, &c);
    vio_intermediate(md->md_vm, vd, c.cs_ccw, c.cs_us, c.cs_cs, c.cs_count);
}

/* A SENSE right after a unit check gets the bytes CP kept (a chain that
 * starts with a lone SENSE). true if it was answered so. */
static bool kept_sense(struct vmblok *vm, struct vdev *vd, struct mdisk *md)
{
    uint8_t cmd, flags;
    uint32_t addr;
    uint16_t count;
    bool valid = md->md_sense_valid;
    md->md_sense_valid = false;     /* any other command resets it, as on the device */
    if (!valid)
        return false;
    uint32_t save = vd->vd_ccw;
    int st = vio_fetch_ccw(vm, vd, &cmd, &addr, &flags, &count, false);
    if (st || cmd != CMD_SENSE || (flags & (CCW_FLAG_CC | CCW_FLAG_CD))) {
        vd->vd_ccw = save;
        vd->vd_nccw = 0;
        return false;
    }
    uint16_t n = count < SENSE_LEN ? count : SENSE_LEN;
    uint8_t key = vd->vd_key;
    for (uint32_t a = addr; key && a < addr + n; a += 2048 - (a & 2047)) {
        if (a >= vm->vm_size)
            break;
        if ((vst_key_get(vm, a) >> 4) != key) {
            vio_end(vm, vd, US_CE | US_DE, CS_PROT, count);
            return true;
        }
    }
    if (vst_write(vm, addr, md->md_sense, n)) {
        vio_end(vm, vd, US_CE | US_DE, CS_PGM, count);
        return true;
    }
    bool il = count != SENSE_LEN && !(flags & CCW_FLAG_SLI);
    vio_end(vm, vd, US_CE | US_DE, il ? CS_IL : 0, (uint16_t)(count - n));
    return true;
}

static int md_start(struct vmblok *vm, struct vdev *vd)
{
    struct mdisk *md = vd->vd_priv;
    if (kept_sense(vm, vd, md))
        return VIO_DONE;
    md->md_caw = (uint32_t)vd->vd_key << 28 | vd->vd_ccw;
    md->md_now = true;
    md->md_cc1 = false;
    ios_submit(md->md_dev, &md->md_rq);
    md->md_now = false;
    return md->md_cc1 ? VIO_CC1 : VIO_WORKING;
}

static void md_halt(struct vmblok *vm, struct vdev *vd)
{
    struct mdisk *md = vd->vd_priv;
    /* Still queued: it never reached the device; the halt ends it with no
     * status. Running: ios_cancel halts it and md_done ends it. */
    if (ios_cancel(md->md_dev, &md->md_rq) == 0 && vd->vd_working)
        vio_end(vm, vd, 0, 0, 0);
}

static void md_detach(struct vmblok *vm, struct vdev *vd)
{
    (void)vm;
    struct mdisk *md = vd->vd_priv;
    if (md->md_ext)
        mdl_drop(md->md_ext, md->md_write);
    if (md->md_temp)
        tdk_free(md->md_vol, md->md_rules.ru_start, md->md_rules.ru_cyls);
    if (md->md_dedicated && md->md_vol)
        md->md_vol->rv_owner = NULL;
    if (md->md_dedicated)
        md->md_dev->id_owner = NULL;
    md->md_used = false;
    vd->vd_priv = NULL;
}

static void md_describe(const struct vmblok *vm, const struct vdev *vd, char *buf, size_t cap)
{
    (void)vm;
    const struct mdisk *md = vd->vd_priv;
    if (md->md_dedicated && md->md_vol) {
        fmt(buf, cap, "DASD %03X ON DASD %04X %s", vd->vd_addr, md->md_dev->id_devno,
            md->md_vol->rv_volser);
        return;
    }
    if (md->md_dedicated) {
        static const char *const names[] = {
            [DC_READER] = "RDR", [DC_PUNCH] = "PUN", [DC_PRINTER] = "PRT",
        };
        const char *n = md->md_dev->id_class < sizeof names / sizeof names[0]
                        && names[md->md_dev->id_class] ? names[md->md_dev->id_class] : "DEV";
        fmt(buf, cap, "%s %03X ON %s %04X %04X", n, vd->vd_addr, n, md->md_dev->id_devno,
            md->md_dev->id_devtype);
        return;
    }
    fmt(buf, cap, "DASD %03X %04X %-6s %s %5u CYL", vd->vd_addr, vd->vd_type,
        md->md_temp ? "(TEMP)" : md->md_vol->rv_volser, md->md_write ? "R/W" : "R/O",
        (unsigned)md->md_rules.ru_cyls);
}

const struct vdev_ops mdk_ops = {
    .vo_name = "DASD", .vo_start = md_start, .vo_halt = md_halt,
    .vo_detach = md_detach, .vo_describe = md_describe,
};

/* A dedicated device other than DASD: the same translation and queueing,
 * every command by its class (ccwgen.c). */
static const struct vdev_ops ded_ops = {
    .vo_name = "DEV", .vo_start = md_start, .vo_halt = md_halt,
    .vo_detach = md_detach, .vo_describe = md_describe,
};

/* ---- linking ------------------------------------------------------------- */

/* Make the virtual device; write says R/W, e its link entry (or NULL). */
static enum mdk_result make(struct vmblok *vm, uint16_t vaddr, struct rvol *vol, uint16_t start,
                            uint16_t cyls, bool write, bool temp, const char *owner,
                            uint16_t ovaddr)
{
    struct mdisk *md = NULL;
    for (int i = 0; i < MDK_MAX && !md; i++)
        if (!pool[i].md_used)
            md = &pool[i];
    if (dev_index(vol->rv_dev) < 0)
        return MDK_FULL;
    struct vdev *vd = md ? vio_attach(vm, vaddr, VOL_DEVTYPE, &mdk_ops) : NULL;
    if (!vd)
        return MDK_FULL;
    struct mdl_ext *e = NULL;
    if (!temp && !(e = mdl_add(vol, start, cyls, write))) {
        vio_detach(vm, vd);
        return MDK_FULL;
    }
    memset(md, 0, sizeof *md);
    md->md_used = true;
    md->md_vm = vm;
    md->md_vd = vd;
    md->md_vol = vol;
    md->md_dev = vol->rv_dev;
    md->md_ext = e;
    md->md_write = write;
    md->md_temp = temp;
    md->md_rq.rq_prepare = md_prepare;
    md->md_rq.rq_done = md_done;
    md->md_rq.rq_intermediate = md_pci;
    md->md_rules = (struct ccw_rules){ ccw_3380, ccw_n3380, start, cyls, VOL_HEADS, !write };
    fmt(md->md_owner, sizeof md->md_owner, "%s", owner);
    md->md_ovaddr = ovaddr;
    vd->vd_priv = md;
    return MDK_OK;
}

enum mdk_result mdk_attach(struct vmblok *vm, uint16_t vaddr, struct rvol *vol, uint16_t start,
                           uint16_t cyls, int mode, const char *owner, uint16_t ovaddr)
{
    if (vio_find(vm, vaddr))
        return MDK_EXISTS;
    if (!cyls || !vol->rv_cyls || start >= vol->rv_cyls || cyls > vol->rv_cyls - start)
        return MDK_EXTENT;
    if (vol->rv_owner)
        return MDK_INUSE;
    unsigned readers, writers;
    mdl_holders(vol, start, &readers, &writers);
    enum mdl_outcome o = mdl_decide(mode, readers, writers);
    if (o == MDL_REFUSED || o == MDL_BADMODE)
        return MDK_REFUSED;
    enum mdk_result r = make(vm, vaddr, vol, start, cyls, o == MDL_WRITE, false, owner, ovaddr);
    if (r != MDK_OK)
        return r;
    return o == MDL_FORCED_RO ? MDK_FORCED_RO : MDK_OK;
}

enum mdk_result mdk_attach_temp(struct vmblok *vm, uint16_t vaddr, struct rvol *vol,
                                uint16_t start, uint16_t cyls)
{
    if (vio_find(vm, vaddr))
        return MDK_EXISTS;
    return make(vm, vaddr, vol, start, cyls, true, true, vm->vm_user, vaddr);
}

/* Areas that make a volume CP's own: never dedicated. */
static bool cp_volume(const struct rvol *vol)
{
    static const unsigned cp_areas[] = {
        VOL_AREA_NUC, VOL_AREA_DIR, VOL_AREA_WARM, VOL_AREA_PAGE, VOL_AREA_SPOOL, VOL_AREA_TDSK,
    };
    for (size_t i = 0; i < sizeof cp_areas / sizeof cp_areas[0]; i++)
        if (volmap_find_area(&vol->rv_map, cp_areas[i]) >= 0)
            return true;
    return false;
}

enum mdk_result mdk_attach_dedicated(struct vmblok *vm, uint16_t vaddr, struct rvol *vol)
{
    if (vio_find(vm, vaddr))
        return MDK_EXISTS;
    if (!vol->rv_cyls || cp_volume(vol))
        return MDK_REFUSED;
    if (vol->rv_owner)
        return MDK_INUSE;
    for (int i = 0; i < MDK_MAX; i++)
        if (pool[i].md_used && pool[i].md_vol == vol)
            return MDK_INUSE;
    enum mdk_result r = make(vm, vaddr, vol, 0, vol->rv_cyls, true, true, vm->vm_user, vaddr);
    if (r != MDK_OK)
        return r;
    struct mdisk *md = vio_find(vm, vaddr)->vd_priv;
    md->md_temp = false;            /* "temp" above only kept it out of the link table */
    md->md_dedicated = true;
    vol->rv_owner = vm;
    vol->rv_dev->id_owner = vm;
    return MDK_OK;
}

static const struct vdev_ops ded_ops;

enum mdk_result mdk_attach_device(struct vmblok *vm, uint16_t vaddr, struct iodev *d)
{
    if (vio_find(vm, vaddr))
        return MDK_EXISTS;
    if (d->id_class == DC_CONSOLE || d->id_class == DC_TERMINAL || d->id_class == DC_DASD
        || d->id_class == DC_UNKNOWN)
        return MDK_REFUSED;
    if (d->id_owner)
        return MDK_INUSE;
    struct mdisk *md = NULL;
    for (int i = 0; i < MDK_MAX && !md; i++)
        if (!pool[i].md_used)
            md = &pool[i];
    if (!md || dev_index(d) < 0)
        return MDK_FULL;
    struct vdev *vd = vio_attach(vm, vaddr, d->id_devtype, &ded_ops);
    if (!vd)
        return MDK_FULL;
    size_t n;
    const struct ccw_cmd *cmds = ccw_generic(&n);
    memset(md, 0, sizeof *md);
    md->md_used = true;
    md->md_vm = vm;
    md->md_vd = vd;
    md->md_dev = d;
    md->md_write = true;
    md->md_dedicated = true;
    md->md_rq.rq_prepare = md_prepare;
    md->md_rq.rq_done = md_done;
    md->md_rq.rq_intermediate = md_pci;
    md->md_rules = (struct ccw_rules){ cmds, n, 0, 0, 0, false };
    fmt(md->md_owner, sizeof md->md_owner, "%s", vm->vm_user);
    md->md_ovaddr = vaddr;
    vd->vd_priv = md;
    d->id_owner = vm;
    return MDK_OK;
}

bool mdk_is(const struct vdev *vd)
{
    return vd->vd_ops == &mdk_ops;
}

bool mdk_writable(const struct vdev *vd)
{
    return mdk_is(vd) && ((const struct mdisk *)vd->vd_priv)->md_write;
}

unsigned mdk_cylinders(const struct vdev *vd)
{
    return mdk_is(vd) ? ((const struct mdisk *)vd->vd_priv)->md_rules.ru_cyls : 0;
}

const char *mdk_writer(const struct vmblok *vm, const struct rvol *vol, uint16_t start)
{
    for (int i = 0; i < MDK_MAX; i++) {
        const struct mdisk *md = &pool[i];
        if (md->md_used && md->md_write && md->md_vm != vm && md->md_vol == vol
            && md->md_rules.ru_start == start)
            return md->md_vm->vm_user;
    }
    return NULL;
}

int mdk_ipl(struct vmblok *vm, struct vdev *vd, void (*done)(struct vmblok *vm, struct vdev *vd))
{
    static uint8_t rec[24] __attribute__((aligned(8)));
    struct mdisk *md = vd->vd_priv;
    memset(rec, 0, sizeof rec);
    int n = dsk_read_sync(md->md_dev, md->md_rules.ru_start, 0, 1, rec, sizeof rec);
    if (n <= 0 || vst_write(vm, 0, rec, (uint32_t)n))
        return -1;
    md->md_ipl = true;
    if (vio_start_sync(vm, vd, 8, done) != 0) {
        md->md_ipl = false;
        return -1;
    }
    return 0;
}
