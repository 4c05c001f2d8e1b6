/* vio.h: a virtual machine's devices and the System/370 I/O instructions
 * against them (GA22-7000, "Input/Output Operations"): SIO, SIOF, TIO,
 * CLRIO, HIO, HDV, TCH, STIDC, the CAW at X'48' and the CSW at X'40', and
 * I/O interruptions held until the PSW (and, in EC mode, CR2) allow them.
 *
 * Each device class is a row of operations; the virtual console (vcon.c)
 * is the first. Unit record devices, minidisks and the rest of CCW
 * translation arrive with [Virtual I/O].
 */
#ifndef CP_VIO_H
#define CP_VIO_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

struct vmblok;
struct vdev;

/* CSW unit status and channel status bits. */
#define US_ATTN 0x80
#define US_CE   0x08
#define US_DE   0x04
#define US_UC   0x02
#define US_BUSY 0x10
#define CS_PCI  0x80    /* program-controlled interruption */
#define CS_IL   0x40    /* incorrect length */
#define CS_PGM  0x20    /* program check */
#define CS_PROT 0x10    /* protection check */

/* Start results. */
#define VIO_DONE     0  /* ended: CSW ready, interruption made pending */
#define VIO_WORKING  1  /* under way (a console read waiting for a line) */
#define VIO_CC1      2  /* ended before the device started: vd_csw is stored
                           at once and SIO sets condition code 1 */

struct vdev_ops {
    const char *vo_name;                                   /* "CONS" ... */
    int  (*vo_start)(struct vmblok *vm, struct vdev *vd);  /* run from vd_ccw */
    void (*vo_halt)(struct vmblok *vm, struct vdev *vd);   /* end what is under way */
    /* Optional: let go of the device's resources (DETACH, LOGOFF); nothing
     * is under way when it is called. */
    void (*vo_detach)(struct vmblok *vm, struct vdev *vd);
    /* QUERY VIRTUAL's line for the device. */
    void (*vo_describe)(const struct vmblok *vm, const struct vdev *vd, char *buf, size_t cap);
};

struct vdev {
    uint16_t vd_addr;            /* cuu: channel in the high byte */
    uint16_t vd_type;            /* e.g. 0x3215 */
    const struct vdev_ops *vd_ops;
    bool     vd_working;         /* an operation is under way */
    bool     vd_pending;         /* an interruption is pending: vd_csw */
    uint8_t  vd_sense;           /* sense byte for SENSE */
    uint32_t vd_ccw;             /* address of the CCW being run */
    uint32_t vd_nccw;            /* CCWs run by this start (VIO_MAX_CCWS) */
    uint8_t  vd_key;             /* the CAW's protection key: it goes into the CSW */
    uint8_t  vd_csw[8];          /* status for the next interruption or TIO */
    void    *vd_priv;            /* the device class's own state */
    /* Set while a DIAGNOSE runs a channel program: the ending goes to it
     * (vd_csw built, no interruption) instead of becoming pending. */
    void   (*vd_sync)(struct vmblok *vm, struct vdev *vd);
};

#define VIO_MAXDEV 16
/* A channel program may loop for ever on a real channel (until HIO); CP
 * runs a console's synchronously, so it ends one that has run this many
 * CCWs with a channel program check (docs/cp-core.md). */
#define VIO_MAX_CCWS 4096

/* Simple channel-program walking for device classes: fetch the CCW at
 * vd_ccw (following one TIC), checking it as a channel would. 0 and the
 * fields, or a channel status (CS_PGM, CS_PROT) to end with. */
int vio_fetch_ccw(struct vmblok *vm, struct vdev *vd, uint8_t *cmd, uint32_t *addr,
                  uint8_t *flags, uint16_t *count, bool data_chaining);
/* End the operation: CSW with unit status us, channel status cs, residual
 * count, the CCW address after the last one run; the interruption is now
 * pending. */
void vio_end(struct vmblok *vm, struct vdev *vd, uint8_t us, uint8_t cs, uint16_t residual);
/* The same with the CSW's CCW address given. */
void vio_end_at(struct vmblok *vm, struct vdev *vd, uint32_t ccw, uint8_t us, uint8_t cs,
                uint16_t residual);
/* Status while the operation goes on (a PCI): an interruption pending,
 * the device still working. If it is still pending at the end, the ending
 * CSW keeps its PCI bit, as the channel would merge them. */
void vio_intermediate(struct vmblok *vm, struct vdev *vd, uint32_t ccw, uint8_t us, uint8_t cs,
                      uint16_t residual);
/* Build vd_csw without making an interruption pending (VIO_CC1). */
void vio_set_csw(struct vdev *vd, uint32_t ccw, uint8_t us, uint8_t cs, uint16_t residual);
/* Status the device presents on its own (attention). */
void vio_unsolicited(struct vmblok *vm, struct vdev *vd, uint8_t us);

/* Slots of vm_dev with vd_ops NULL are free (a DETACH leaves a hole, so
 * pointers to the others stay good). */
struct vdev *vio_find(struct vmblok *vm, uint16_t addr);
/* Add a device; NULL when the table is full or the address is in use. */
struct vdev *vio_attach(struct vmblok *vm, uint16_t addr, uint16_t type, const struct vdev_ops *ops);
/* Halt what is under way, drop its status, let go of it, free the slot. */
void vio_detach(struct vmblok *vm, struct vdev *vd);
void vio_detach_all(struct vmblok *vm);
/* Reset every device (SYSTEM RESET): nothing under way, nothing pending. */
void vio_reset(struct vmblok *vm);
/* QUERY VIRTUAL's line for vd. */
void vio_describe(const struct vmblok *vm, const struct vdev *vd, char *buf, size_t cap);

/* Start the chain at caw (key in bits 0-3) for a DIAGNOSE: done is
 * called with vd_csw built when it ends, perhaps before this returns. 2
 * if the device is busy or has status pending (nothing started), else 0. */
int vio_start_sync(struct vmblok *vm, struct vdev *vd, uint32_t caw,
                   void (*done)(struct vmblok *vm, struct vdev *vd));

/* The device's pending interruption is taken another way (TIO, SIO). */
void vio_clear_pending(struct vmblok *vm, struct vdev *vd);
/* Present a pending I/O interruption the PSW and CR2 allow; true if one was. */
bool vio_deliver(struct vmblok *vm);

#endif
