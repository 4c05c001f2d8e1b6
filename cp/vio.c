/* vio.c: virtual devices, the CSW and I/O interruptions (see vio.h). */
#include "vio.h"
#include "vm.h"
#include "vin.h"
#include "vst.h"
#include "cplib.h"
#include "fmt.h"

#define CCW_CD   0x80
#define CCW_TIC  0x08
#define CR2_CHAN(ch) (0x80000000u >> (ch))

struct vdev *vio_find(struct vmblok *vm, uint16_t addr)
{
    for (int i = 0; i < vm->vm_ndev; i++)
        if (vm->vm_dev[i].vd_ops && vm->vm_dev[i].vd_addr == addr)
            return &vm->vm_dev[i];
    return NULL;
}

struct vdev *vio_attach(struct vmblok *vm, uint16_t addr, uint16_t type, const struct vdev_ops *ops)
{
    if (vio_find(vm, addr))
        return NULL;
    int slot = 0;
    while (slot < vm->vm_ndev && vm->vm_dev[slot].vd_ops)
        slot++;
    if (slot == VIO_MAXDEV)
        return NULL;
    if (slot == vm->vm_ndev)
        vm->vm_ndev++;
    struct vdev *vd = &vm->vm_dev[slot];
    memset(vd, 0, sizeof *vd);
    vm->vm_devbits[(addr & 0xFF) >> 3] |= (uint8_t)(0x80u >> (addr & 7));
    vd->vd_addr = addr;
    vd->vd_type = type;
    vd->vd_ops = ops;
    return vd;
}

/* End what the device has under way, and forget its status. */
static void quiesce(struct vmblok *vm, struct vdev *vd)
{
    vd->vd_sync = NULL;             /* a DIAGNOSE waiting for it is reset too */
    if (vd->vd_working && vd->vd_ops->vo_halt)
        vd->vd_ops->vo_halt(vm, vd);
    vd->vd_working = false;
    vd->vd_pending = false;
}

static void recount(struct vmblok *vm);

void vio_detach(struct vmblok *vm, struct vdev *vd)
{
    quiesce(vm, vd);
    if (vd->vd_ops->vo_detach)
        vd->vd_ops->vo_detach(vm, vd);
    if (vm->vm_console == vd)
        vm->vm_console = NULL;
    vd->vd_ops = NULL;
    while (vm->vm_ndev && !vm->vm_dev[vm->vm_ndev - 1].vd_ops)
        vm->vm_ndev--;
    recount(vm);
    memset(vm->vm_devbits, 0, sizeof vm->vm_devbits);
    for (int i = 0; i < vm->vm_ndev; i++)
        if (vm->vm_dev[i].vd_ops) {
            uint16_t a = vm->vm_dev[i].vd_addr;
            vm->vm_devbits[(a & 0xFF) >> 3] |= (uint8_t)(0x80u >> (a & 7));
        }
}

void vio_detach_all(struct vmblok *vm)
{
    for (int i = 0; i < vm->vm_ndev; i++)
        if (vm->vm_dev[i].vd_ops)
            vio_detach(vm, &vm->vm_dev[i]);
    vm->vm_ndev = 0;
    memset(vm->vm_devbits, 0, sizeof vm->vm_devbits);
}

void vio_reset(struct vmblok *vm)
{
    for (int i = 0; i < vm->vm_ndev; i++)
        if (vm->vm_dev[i].vd_ops)
            quiesce(vm, &vm->vm_dev[i]);
    vm->vm_io_pending = false;
    vm->vm_conin_count = 0;
    vm->vm_iowait = false;
}

void vio_describe(const struct vmblok *vm, const struct vdev *vd, char *buf, size_t cap)
{
    if (vd->vd_ops->vo_describe)
        vd->vd_ops->vo_describe(vm, vd, buf, cap);
    else
        fmt(buf, cap, "%s %03X %04X", vd->vd_ops->vo_name, vd->vd_addr, vd->vd_type);
}

int vio_fetch_ccw(struct vmblok *vm, struct vdev *vd, uint8_t *cmd, uint32_t *addr,
                  uint8_t *flags, uint16_t *count, bool data_chaining)
{
    uint8_t c[8];
    if (++vd->vd_nccw > VIO_MAX_CCWS)
        return CS_PGM;
    for (int tics = 0;; tics++) {
        if ((vd->vd_ccw & 7) || vst_read(vm, vd->vd_ccw, c, 8))
            return CS_PGM;
        if ((c[0] & 0x0F) != CCW_TIC)
            break;
        /* A TIC to a TIC is a program check (GA22-7000, "Transfer in Channel"). */
        if (tics)
            return CS_PGM;
        vd->vd_ccw = ((uint32_t)c[1] << 16 | (uint32_t)c[2] << 8 | c[3]);
    }
    *cmd = c[0];
    *addr = (uint32_t)c[1] << 16 | (uint32_t)c[2] << 8 | c[3];
    *flags = c[4];
    *count = (uint16_t)(c[6] << 8 | c[7]);
    /* Bits 37-39 must be zero, and a zero count is invalid; the command
     * code is not tested while data chaining (GA22-7000, "Data Chaining"). */
    if ((c[4] & 0x07) || *count == 0 || (!data_chaining && (*cmd & 0x0F) == 0))
        return CS_PGM;
    return 0;
}

static void build_csw(struct vdev *vd, uint8_t us, uint8_t cs, uint16_t residual, uint32_t ccw)
{
    vd->vd_csw[0] = (uint8_t)(vd->vd_key << 4);  /* the key the CAW gave */
    vd->vd_csw[1] = (uint8_t)(ccw >> 16);
    vd->vd_csw[2] = (uint8_t)(ccw >> 8);
    vd->vd_csw[3] = (uint8_t)ccw;
    vd->vd_csw[4] = us;
    vd->vd_csw[5] = cs;
    vd->vd_csw[6] = (uint8_t)(residual >> 8);
    vd->vd_csw[7] = (uint8_t)residual;
}

void vio_end(struct vmblok *vm, struct vdev *vd, uint8_t us, uint8_t cs, uint16_t residual)
{
    vio_end_at(vm, vd, vd->vd_ccw + 8, us, cs, residual);
}

void vio_intermediate(struct vmblok *vm, struct vdev *vd, uint32_t ccw, uint8_t us, uint8_t cs,
                      uint16_t residual)
{
    build_csw(vd, us, cs, residual, ccw);
    vd->vd_pending = true;
    vm->vm_io_pending = true;
}

void vio_end_at(struct vmblok *vm, struct vdev *vd, uint32_t ccw, uint8_t us, uint8_t cs,
                uint16_t residual)
{
    if (vd->vd_pending && (vd->vd_csw[5] & CS_PCI))
        cs |= CS_PCI;               /* a PCI not yet taken goes with the end */
    build_csw(vd, us, cs, residual, ccw);
    vd->vd_working = false;
    if (vd->vd_sync) {
        void (*done)(struct vmblok *, struct vdev *) = vd->vd_sync;
        vd->vd_sync = NULL;
        done(vm, vd);
        return;
    }
    vd->vd_pending = true;
    vm->vm_io_pending = true;
}

int vio_start_sync(struct vmblok *vm, struct vdev *vd, uint32_t caw,
                   void (*done)(struct vmblok *vm, struct vdev *vd))
{
    /* An attention the device raised on its own (a console line typed
     * ahead) is taken by the DIAGNOSE: a guest doing its I/O this way
     * never enables for the interruption that would clear it. */
    if (!vd->vd_working && vd->vd_pending && vd->vd_csw[4] == US_ATTN)
        vio_clear_pending(vm, vd);
    if (vd->vd_working || vd->vd_pending)
        return 2;
    vd->vd_ccw = caw & 0x00FFFFFFu;
    vd->vd_key = (uint8_t)(caw >> 28);
    vd->vd_nccw = 0;
    vd->vd_working = true;
    vd->vd_sync = done;
    if (vd->vd_ccw & 7) {
        vio_end_at(vm, vd, vd->vd_ccw, 0, CS_PGM, 0);
        return 0;
    }
    if (vd->vd_ops->vo_start(vm, vd) == VIO_CC1) {
        /* Ended before the device started: vd_csw is built already. */
        vd->vd_working = false;
        vd->vd_sync = NULL;
        done(vm, vd);
    }
    return 0;
}

void vio_set_csw(struct vdev *vd, uint32_t ccw, uint8_t us, uint8_t cs, uint16_t residual)
{
    build_csw(vd, us, cs, residual, ccw);
}

void vio_unsolicited(struct vmblok *vm, struct vdev *vd, uint8_t us)
{
    if (vd->vd_pending || vd->vd_working)
        return;                     /* status already waiting, or busy: not now */
    vd->vd_key = 0;                 /* no operation: no key */
    build_csw(vd, us, 0, 0, 0);
    vd->vd_pending = true;
    vm->vm_io_pending = true;
}

static bool enabled_for(const struct vmblok *vm, unsigned ch)
{
    if (!psw_io_enabled(&vm->vm_psw, ch))
        return false;
    return !vm->vm_psw.ps_ec || (ch < 32 && (vm->vm_cr[2] & CR2_CHAN(ch)));
}

static void recount(struct vmblok *vm)
{
    vm->vm_io_pending = false;
    for (int i = 0; i < vm->vm_ndev; i++)
        if (vm->vm_dev[i].vd_ops && vm->vm_dev[i].vd_pending)
            vm->vm_io_pending = true;
}

void vio_clear_pending(struct vmblok *vm, struct vdev *vd)
{
    vd->vd_pending = false;
    recount(vm);
}

bool vio_deliver(struct vmblok *vm)
{
    if (!vm->vm_io_pending)
        return false;
    for (int i = 0; i < vm->vm_ndev; i++) {
        struct vdev *vd = &vm->vm_dev[i];
        if (vd->vd_ops && vd->vd_pending && enabled_for(vm, vd->vd_addr >> 8)) {
            vio_clear_pending(vm, vd);
            vst_write(vm, V_CSW, vd->vd_csw, 8);
            vin_io(vm, vd->vd_addr);
            return true;
        }
    }
    return false;
}
