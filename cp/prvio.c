/* prvio.c: the System/370 I/O instructions against a virtual machine's
 * devices (GA22-7000, "Input/Output Instructions"). The device address is
 * bits 16-31 of the second-operand address; its channel is the high byte.
 *
 *  instruction  cc 0               cc 1                 cc 2     cc 3
 *  SIO, SIOF    started            CSW stored           busy     not there
 *  TIO, CLRIO   available          CSW stored (status)  busy     not there
 *  HIO, HDV     nothing under way  CSW stored (halted)  -        not there
 *  TCH          channel available  interruption pending -        no channel
 */
#include "prv.h"
#include "vm.h"
#include "vio.h"
#include "vst.h"
#include "vin.h"

#define CAW_ADDR    0x48
#define CAW_KEY     0xF0000000u
#define OP2_SIOF    0x01
#define OP_SIO      0x9C
#define OP_TIO      0x9D
#define OP_HIO      0x9E
#define OP_TCH      0x9F

static void store_csw(struct vmblok *vm, const uint8_t csw[8])
{
    vst_write(vm, V_CSW, csw, 8);
}

/* Store only the CSW's status bytes (4-5): the other fields are "unchanged"
 * when an instruction stores status without an operation (GA22-7000). */
static void store_status(struct vmblok *vm, uint8_t us, uint8_t cs)
{
    uint8_t st[2] = { us, cs };
    vst_write(vm, V_CSW + 4, st, 2);
}

static int sio(struct vmblok *vm, struct vdev *vd)
{
    /* Busy, or status of a concluded operation still held for the device:
     * condition code 2, nothing stored, the condition stays. */
    if (vd->vd_working || vd->vd_pending)
        return 2;
    uint32_t caw;
    if (vst_read_u32(vm, CAW_ADDR, &caw))
        return 3;
    vd->vd_ccw = caw & 0x00FFFFFFu;
    vd->vd_key = (uint8_t)(caw >> 28);
    if (vd->vd_ccw & 7) {              /* CAW format error: program check */
        store_status(vm, 0, CS_PGM);
        return 1;
    }
    vd->vd_working = true;
    vd->vd_nccw = 0;
    /* The start ends (interruption pending), works on, or fails before the
     * device started, when the CSW is stored now. */
    if (vd->vd_ops->vo_start(vm, vd) == VIO_CC1) {
        vd->vd_working = false;
        store_csw(vm, vd->vd_csw);
        return 1;
    }
    return 0;
}

static int tio(struct vmblok *vm, struct vdev *vd)
{
    if (vd->vd_working)
        return 2;
    if (vd->vd_pending) {
        vio_clear_pending(vm, vd);
        store_csw(vm, vd->vd_csw);
        return 1;
    }
    return 0;
}

static int hio(struct vmblok *vm, struct vdev *vd)
{
    /* Nothing under way: CSW status bytes zero, condition code 1, and no
     * interruption follows (GA22-7000, "Halt I/O"). */
    if (!vd->vd_working) {
        store_status(vm, 0, 0);
        return 1;
    }
    vd->vd_ops->vo_halt(vm, vd);       /* ends it: status pending */
    vio_clear_pending(vm, vd);
    store_csw(vm, vd->vd_csw);
    return 1;
}

static int tch(struct vmblok *vm, unsigned ch)
{
    bool any = false, pending = false;
    for (int i = 0; i < vm->vm_ndev; i++) {
        if (vm->vm_dev[i].vd_ops && (vm->vm_dev[i].vd_addr >> 8) == ch) {
            any = true;
            pending |= vm->vm_dev[i].vd_pending;
        }
    }
    return !any ? 3 : pending ? 1 : 0;
}

int prv_io(struct vmblok *vm, const struct insn *in)
{
    uint16_t addr = (uint16_t)prv_ea2(vm, in);
    int cc;
    if (in->in_op == OP_TCH) {
        cc = tch(vm, addr >> 8);
    } else {
        struct vdev *vd = vio_find(vm, addr);
        if (!vd)
            cc = 3;
        else if (in->in_op == OP_SIO)
            cc = sio(vm, vd);
        else if (in->in_op == OP_TIO)
            cc = tio(vm, vd);
        else
            cc = hio(vm, vd);
    }
    vm->vm_psw.ps_cc = (uint8_t)cc;
    return PRV_DONE;
}

/* STIDC: a channel with devices is a byte multiplexer, channel ID
 * X'10000000' stored at X'A8'. */
int prv_stidc(struct vmblok *vm, const struct insn *in)
{
    unsigned ch = (prv_ea2(vm, in) >> 8) & 0xFF;
    if (tch(vm, ch) == 3) {
        vm->vm_psw.ps_cc = 3;
        return PRV_DONE;
    }
    vst_write_u32(vm, 0xA8, 0x10000000u);
    vm->vm_psw.ps_cc = 0;
    return PRV_DONE;
}
