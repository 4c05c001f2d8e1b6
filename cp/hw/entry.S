/* entry.S: interruption entry, hw_run, and the few routines that must be
 * assembler (storage probe, disabled wait).
 *
 * Every new PSW points at an entry stub here. If CP was running a context
 * (LC_CUR_CTX != 0), the stub saves that context's registers and old PSW
 * into it and returns from hw_run() with the interruption class. If CP
 * itself was interrupted, that breaks an invariant (CP runs disabled), so
 * the stub switches to the fault stack and calls hw_fault(), which abends.
 */
#include "lowcore.h"

        .text

/* int hw_run(struct hw_ctx *ctx) */
        .globl  hw_run
hw_run:
        stm     %r6,%r15,24(%r15)
        st      %r15,LC_CP_SP
        st      %r2,LC_CUR_CTX
        mvc     LC_RUN_PSW(8),CTX_PSW(%r2)
        lm      %r0,%r15,CTX_GR(%r2)
        lpsw    LC_RUN_PSW

/* Common tail: back to hw_run's caller with the class in r2. */
hw_exit:
        xc      LC_CUR_CTX(4),LC_CUR_CTX
        l       %r15,LC_CP_SP
        lm      %r6,%r15,24(%r15)
        br      %r14

        .macro  ENTRY name, oldpsw, class
        .globl  \name
\name:
        stm     %r0,%r15,LC_SAVE_GR
        l       %r1,LC_CUR_CTX
        ltr     %r1,%r1
        jz      1f
        mvc     CTX_GR(64,%r1),LC_SAVE_GR
        mvc     CTX_PSW(8,%r1),\oldpsw
        lhi     %r2,\class
        j       hw_exit
1:      lhi     %r2,\class
        j       hw_cp_fault
        .endm

        ENTRY   hw_restart_entry, LC_RESTART_OLD, INT_RESTART
        ENTRY   hw_ext_entry,     LC_EXT_OLD,     INT_EXT
        ENTRY   hw_svc_entry,     LC_SVC_OLD,     INT_SVC
        ENTRY   hw_pgm_slow,      LC_PGM_OLD,     INT_PGM
        ENTRY   hw_mck_entry,     LC_MCK_OLD,     INT_MCK
        ENTRY   hw_io_entry,      LC_IO_OLD,      INT_IO

/* A program interruption: hw_pgm_entry (pvfasm.S) tries the fast paths
 * and comes to hw_pgm_slow with the guest's registers as interrupted
 * when they do not settle it, or to hw_cp_fault for CP's own. */

/* Processor 1 starts here (smp.c), on the stack whose top is in its own
 * lowcore's LC_CP_SP. */
        .globl  smp_start
smp_start:
        l       %r15,LC_CP_SP
        ahi     %r15,-96
        xc      0(4,%r15),0(%r15)
        brasl   %r14,smp_cpu_main
        j       .

/* CP itself was interrupted: call hw_fault(class) on the fault stack. */
        .globl  hw_cp_fault
hw_cp_fault:
        st      %r2,LC_FAULT_CLASS
        larl    %r15,hw_fault_stack_top
        ahi     %r15,-96
        xc      0(4,%r15),0(%r15)
        brasl   %r14,hw_fault
        j       .                       /* hw_fault does not return */

/* uint32_t hw_storage_size(void): touch each megabyte until an addressing
 * exception. The program new PSW is pointed at the recovery label meanwhile. */
        .globl  hw_storage_size
hw_storage_size:
        stm     %r6,%r15,24(%r15)
        larl    %r6,probe_data
        mvc     8(8,%r6),LC_PGM_NEW     /* save the program new PSW */
        mvc     LC_PGM_NEW(8),0(%r6)
        larl    %r3,probe_fail
        o       %r3,16(%r6)             /* 31-bit addressing mode bit */
        st      %r3,LC_PGM_NEW+4
        sr      %r2,%r2
        l       %r4,20(%r6)             /* one megabyte */
probe_loop:
        lr      %r5,%r2
        ar      %r5,%r4
        bctr    %r5,0                   /* last byte of this megabyte */
        ic      %r0,0(%r5)
        ar      %r2,%r4
        cl      %r2,24(%r6)             /* stop at 2G - 1M */
        jl      probe_loop
probe_fail:
        larl    %r6,probe_data
        mvc     LC_PGM_NEW(8),8(%r6)
        lm      %r6,%r15,24(%r15)
        br      %r14

/* void hw_disabled_wait(uint32_t code) */
        .globl  hw_disabled_wait
hw_disabled_wait:
        larl    %r1,wait_psw
        st      %r2,4(%r1)
        lpsw    0(%r1)

        .data
        .align  8
probe_data:                             /* probe PSW, saved PSW, constants */
        .long   0x00080000,0x80000000
        .long   0,0
        .long   0x80000000,0x00100000,0x7FF00000
        .align  8                       /* LPSW needs a doubleword */
wait_psw:
        .long   0x000A0000,0x00000000

        .bss
        .align  8
        .space  8192
hw_fault_stack_top:

        .section .note.GNU-stack,"",@progbits
