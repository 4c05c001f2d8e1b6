/* vm.h: the VMBLOK, one per logged-on user: the virtual System/370's
 * processor state, its storage, its timers and pending interruptions, and
 * the user it belongs to. Fields carry the vm_ prefix. */
#ifndef CP_VM_H
#define CP_VM_H

#include <stdint.h>
#include <stdbool.h>
#include "psw.h"
#include "hw/hw.h"
#include "vio.h"
#include "est.h"
#include "shd.h"
#include "sch.h"

struct trm;
struct dir_user;

/* Run states (what the status area shows follows from them). */
enum vm_run {
    VM_STOPPED,     /* CP READ: the user is in CP mode, the machine is stopped */
    VM_RUNNING,     /* dispatchable */
    VM_WAITING,     /* enabled wait: dispatchable again when an interruption comes */
};

/* Pending external interruption reasons, as bits of vm_ext_pending. */
#define VM_EXT_ITIMER   0x01u   /* interval timer, code X'0080' */
#define VM_EXT_KEY      0x02u   /* interrupt key (EXTERNAL command), X'0040' */
#define VM_EXT_CLKCMP   0x04u   /* clock comparator, X'1004' */
#define VM_EXT_CPUTMR   0x08u   /* CPU timer, X'1005' */

/* System/370 CR0 external subclass masks (GA22-7000). */
#define CR0_CLKCMP  0x00000800u   /* clock comparator */
#define CR0_CPUTMR  0x00000400u   /* CPU timer */
#define CR0_ITIMER  0x00000080u   /* interval timer */
#define CR0_KEY     0x00000040u   /* interrupt key */

#define VM_CONIN_LINES 8        /* typed-ahead console lines kept */
#define VM_DEFERRED    4        /* lines held while it runs on the other processor */
#define VM_SEGS   16            /* 16 x 1M: the whole 24-bit address space */

struct vmblok {
    struct vmblok *vm_next;             /* on the logged-on list */
    char      vm_user[9];
    uint32_t  vm_classes;               /* privilege classes, a bit per letter */
    const struct dir_user *vm_dir;
    struct trm *vm_trm;                 /* the user's terminal */
    uint64_t  vm_logon_tod;

    /* The virtual CPU. */
    struct hw_ctx vm_ctx;               /* GRs, and the real PSW while it runs */
    uint64_t  vm_fpr[4];                /* FPRs 0, 2, 4, 6 */
    uint32_t  vm_ar[16];                /* access registers (ESA/390 problem state) */
    struct vpsw vm_psw;                 /* the virtual PSW */
    uint32_t  vm_cr[16];
    uint8_t   vm_run;                   /* enum vm_run */
    bool      vm_cpmode;                /* the user pressed PA1 / #CP */
    uint8_t   vm_ext_pending;           /* VM_EXT_* */
    uint8_t   vm_ext_enab;              /* VM_EXT_* its CR0 lets in, set by the
                                         * dispatcher for the fast path (pvfrun.c) */

    /* Timers: the TOD offset SCK set, CPU timer and clock comparator as
     * TOD-format values, the interval timer's last update. */
    int64_t   vm_tod_offset;
    int64_t   vm_cpu_timer;
    uint64_t  vm_clock_comp;
    uint64_t  vm_timer_tod;             /* TOD when timers were last brought up to date */
    uint64_t  vm_itimer_tod;            /* ... and the interval timer, to a whole unit */

    /* Accounting, in TOD units. */
    uint64_t  vm_vcpu;                  /* time the guest ran */
    uint64_t  vm_tcpu;                  /* plus CP's time on its behalf */

    /* Storage (vst.c). */
    uint32_t  vm_size;                  /* bytes */
    struct est vm_real;                 /* guest real storage, CP's tables */
    struct est vm_shadow;               /* shadow of the guest's own DAT tables (shd.c) */
    uint32_t  vm_shcr0, vm_shcr1;       /* the guest CR0 format and CR1 it shadows */
    uint16_t  vm_shsegs;                /* shadow segments with entries filled in */
    uint8_t   vm_ncomp;                 /* stand-ins for split 2K pages in use */
    struct shd_comp vm_comp[SHD_COMPOSITES];
    uint8_t  *vm_keyf[2];               /* key bytes, one per 2K block (vst.c) */
    uint32_t  vm_resident;              /* pages with frames */
    uint32_t  vm_pins;                  /* pages fixed for I/O under way (mdk.c) */

    /* Devices (vio.c) and the console's typed-ahead line (vcon.c). */
    struct vdev vm_dev[VIO_MAXDEV];
    int       vm_ndev;
    bool      vm_io_pending;            /* some device has an interruption pending */
    /* Bit (address & X'FF') on: some device has that last byte. A clear
     * bit is the assembler fast path's proof that an I/O instruction's
     * device does not exist (hw/pvfasm.S); vio.c keeps it. */
    uint8_t   vm_devbits[32];
    bool      vm_iowait;                /* a DIAGNOSE waits for its I/O: not dispatchable */
    bool      vm_pgwait;                /* waits for a page-in or a frame: not dispatchable (pag.c) */
    bool      vm_framewait;             /* ... for a frame, from a page-out under way */
    uint8_t   vm_diag_ry;               /* ... and the register its status goes to */
    bool      vm_vmread;                /* a console read waits for the user */
    struct vdev *vm_console;            /* the virtual console, if the directory gives one */
    /* Lines typed while the machine was not reading, oldest first (vcon.c). */
    uint8_t   vm_conin_head, vm_conin_count;
    bool      vm_conout_wait;           /* a console write waits for room on the screen */
    uint8_t   vm_conin_len[VM_CONIN_LINES];
    char      vm_conin[VM_CONIN_LINES][131];

    /* Scheduling (sch.c): its place in the lists; a line was typed for
     * the machine since the scheduler last looked (it is interactive). */
    struct sch_user vm_sch;
    bool      vm_typed;
    /* The processor running it, plus one (0: none), and terminal lines
     * that came for it meanwhile from the other processor: they wait for
     * its slice to end (vmcons_deferred). */
    uint8_t   vm_oncpu;
    uint8_t   vm_ndeferred;
    char      vm_deferred[VM_DEFERRED][131];

    /* Counters for QUERY and the intercept statistics. */
    uint32_t  vm_intercepts;
};

#endif
