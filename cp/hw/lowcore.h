/* lowcore.h: ESA/390 assigned storage locations (SA22-7201, chapter 3) and the
 * few CP-owned lowcore slots that the interruption entry code uses.
 * Plain #defines so that both C and the .S files can include it.
 */
#ifndef CP_HW_LOWCORE_H
#define CP_HW_LOWCORE_H

/* Old and new PSW pairs, 8 bytes each. */
#define LC_RESTART_NEW   0x000
#define LC_RESTART_OLD   0x008
#define LC_EXT_OLD       0x018
#define LC_SVC_OLD       0x020
#define LC_PGM_OLD       0x028
#define LC_MCK_OLD       0x030
#define LC_IO_OLD        0x038
#define LC_EXT_NEW       0x058
#define LC_SVC_NEW       0x060
#define LC_PGM_NEW       0x068
#define LC_MCK_NEW       0x070
#define LC_IO_NEW        0x078

/* Interruption codes. */
#define LC_EXT_CPUADDR   0x084   /* 2 bytes */
#define LC_EXT_CODE      0x086   /* 2 bytes */
#define LC_SVC_ILC       0x089   /* 1 byte  */
#define LC_SVC_CODE      0x08A   /* 2 bytes */
#define LC_PGM_ILC       0x08D   /* 1 byte  */
#define LC_PGM_CODE      0x08E   /* 2 bytes */
#define LC_TRANS_EXC     0x090   /* 4 bytes */
#define LC_SUBSYS_ID     0x0B8   /* 4 bytes: I/O interruption and IPL device */
#define LC_IO_PARM       0x0BC   /* 4 bytes: interruption parameter */

/* CP's own slots in the first 4K (the architecture leaves 0x200+ to the program). */
#define LC_SAVE_GR       0x200   /* 64 bytes: registers at interruption */
#define LC_CUR_CTX       0x240   /* struct hw_ctx * being run, 0 when CP runs */
#define LC_CP_SP         0x244   /* CP stack pointer saved by hw_run */
#define LC_RUN_PSW       0x248   /* 8 bytes: the PSW hw_run loads */
#define LC_FAST_PGMID    0x250   /* constant X'00040001': the fast path's first word */
#define LC_FAST_VM       0x254   /* struct vmblok * the fast path may act for, or 0 */
#define LC_FAST_PAGE     0x258   /* the fast path's last translation: guest page address + 4, */
#define LC_FAST_FRAME    0x25C   /* ... and its real frame (see pvfrun.c) */
#define LC_FAST_PAGE_BIAS 4      /* (pvfasm.S takes the offset of the instruction, 4 bytes
                                  * before the old PSW's address, in one subtraction) */
#define LC_FAST_NO_PAGE  0x80000000u /* no page: no 24-bit address minus it is below 4096 */
#define LC_FAULT_CLASS   0x260   /* interruption class of a CP fault */
/* (pvfasm.S loads the four LC_FAST_ words with one LM: keep them in order.) */

/* Offsets inside struct hw_ctx (cp/hw/hw.h). */
#define CTX_GR           0
#define CTX_PSW          64

/* Interruption classes as hw_run returns them. */
#define INT_RESTART      1
#define INT_EXT          2
#define INT_SVC          3
#define INT_PGM          4
#define INT_MCK          5
#define INT_IO           6

#endif
