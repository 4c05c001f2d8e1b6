/* pvfasm.S: the program-interruption entry, and in it the fast path for
 * the privileged instructions a guest issues most, in assembler.
 *
 * A guest's SSM, LPSW, and SIO, TIO or HIO to a device it does not have,
 * come here as program interruptions. Most change nothing but the
 * virtual PSW; this path does those before anything else: six registers
 * saved, the instruction read through the page the fast path translated
 * last (LC_FAST_PAGE), the rules of pvf.h applied, the VMBLOK updated,
 * and the guest goes on. That is VM/370's way (DMKPRV's fast paths, then
 * ECPS:VM's microcode). The C fast path (pvfrun.c) did the same in about
 * 130 instructions with 26 registers saved and loaded, which cost more
 * than twice the goal (docs/performance.md).
 *
 * A guest whose CR0 suppresses SSM, or in virtual problem state, never
 * comes here (dsp.c leaves LC_FAST_VM zero for it, and pvfrun.c clears it
 * when its LPSW loads a problem-state PSW). Whatever this path does not settle at once
 * goes, with nothing changed, to pvf_program (pvfrun.c), which can
 * translate a new page with LRA and knows STNSM and STOSM, and from there
 * to the full simulator (prv.c):
 *  - another interruption code, or an instruction that is not 4 bytes;
 *  - the instruction or its operand in a page other than LC_FAST_PAGE's
 *    (or an operand in that page's first four bytes);
 *  - a new mask that is not valid, switches DAT, has PER on, or enables
 *    for a pending interruption (pvf_sysmask);
 *  - LPSW of an operand not on a doubleword, of a wait PSW or a
 *    problem-state one, of one in the other mode (BC/EC), or of an EC PSW
 *    with bits that must be zero;
 *  - an I/O instruction whose address the machine may have (a device
 *    with the same last byte).
 * The field offsets are in vmoff.h, checked against the C structures.
 *
 * Registers: r5 the VMBLOK, r3 the instruction, r6 the fast page's guest
 * address plus 4, r7 its frame, r0-r4 work. The guest's r0-r7 are in
 * LC_SAVE_GR; r8-r15 are still its own.
 */
#include "lowcore.h"
#include "vmoff.h"

#define OP_SSM   0x80
#define OP_LPSW  0x82
#define OP_SIO   0x9C
#define OP_HIO   0x9E

        .text

/* r2, a guest address, must be in the fast page, past its first four
 * bytes (r6 is the page's address plus 4): then r2 becomes its offset
 * less 4, and 4(%r2,%r7) is the byte in the frame. One unsigned compare
 * checks both ends. */
        .macro  IN_PAGE
        sr      %r2,%r6
        lhi     %r4,4091
        clr     %r2,%r4
        jh      c_path
        .endm

/* pvf_sysmask for a new system mask in r1 and the mask now in r3: on
 * when it may simply be set, else to c_path. MASK_EC is the EC-mode part
 * (uses r4), MASK_ON what any mode asks: a mask that turns a bit on while
 * an interruption is pending goes to CP, which may let it in (uses r4,
 * and r2 through PENDING: SSM's only user is done with it by then). */
        .macro  MASK_EC
        tmll    %r1,0xB8                /* EC: bits 0, 2-4 zero */
        jnz     c_path
        lr      %r4,%r1
        or      %r4,%r3
        tmll    %r4,0x40                /* PER before or after */
        jnz     c_path
        lr      %r4,%r1
        xr      %r4,%r3
        tmll    %r4,0x04                /* DAT switched */
        jnz     c_path
        .endm
        .macro  MASK_ON
        lhi     %r4,-1
        xr      %r4,%r3
        nr      %r4,%r1                 /* the bits it turns on */
        jz      2f
        PENDING %r2
2:
        .endm

/* An interruption that a mask turning bits on might let in: an I/O
 * interruption, or an external reason the guest's CR0 lets in
 * (vm_ext_pending, and in the next byte the dispatcher's vm_ext_enab: a
 * clock comparator long past under a CR0 that masks it is no reason).
 * Uses r4 and w. */
        .macro  PENDING w
        cli     VM_IOPEND(%r5),0
        jne     c_path
        lh      %r4,VM_EXTPEND(%r5)     /* pending, enabled */
        lr      \w,%r4
        srl     \w,8
        nr      \w,%r4
        tmll    \w,0x00FF
        jnz     c_path
        .endm

/* Back to the guest. (Not counted in prv_counts: what this path does
 * never reaches CP proper, as VM/370's counts never saw what ECPS:VM's
 * microcode did; a counter here would cost a tenth of the path.) */
        .macro  DONE
        lm      %r0,%r7,LC_SAVE_GR
        lpsw    LC_PGM_OLD
        .endm

        .globl  hw_pgm_entry
hw_pgm_entry:
        stm     %r0,%r7,LC_SAVE_GR
        lm      %r2,%r3,LC_PGM_OLD      /* r3: the old PSW's address */
        tmlh    %r2,0x0001              /* CP runs in supervisor state: */
        jz      cp_check                /* this one is CP's own */
        lm      %r4,%r7,LC_FAST_PGMID   /* r4 X'00040001', r5 VMBLOK, r6-r7 fast page */
        ltr     %r5,%r5
        jz      slow                    /* the dispatcher wants the full path */
        l       %r1,LC_PGM_ILC-1        /* 0, ILC, code: 00040001 or 00040002 */
        sr      %r1,%r4
        sra     %r1,1                   /* 0 or 1 to 0; SRL would set no CC */
        jnz     c_path                  /* not operation or privileged operation, 4 bytes */
        /* The instruction, 4 bytes before the old PSW's address, in the
         * page the fast path translated last (r6: its address plus 4,
         * X'80000000' for none; r7: its frame): its offset there is the
         * old PSW's address less r6, and an unsigned compare with 4092
         * finds one outside the page or running into the next. */
        lr      %r1,%r3
        sr      %r1,%r6
        lhi     %r4,4092
        clr     %r1,%r4
        jh      c_path
        l       %r3,0(%r1,%r7)          /* r3: the instruction */
        /* Its operand address D2(B2): every one of these is S format. */
        lr      %r2,%r3
        sll     %r2,20
        srl     %r2,20                  /* D2 */
        lr      %r1,%r3
        sll     %r1,16
        srl     %r1,28
        sll     %r1,3                   /* B2, times a row of base_add */
        larl    %r4,base_add
        b       0(%r1,%r4)
opaddr: sll     %r2,8
        srl     %r2,8                   /* r2: the operand address */
        lr      %r1,%r3
        srl     %r1,24
        chi     %r1,OP_SSM
        je      f_ssm
        chi     %r1,OP_LPSW
        je      f_lpsw
        chi     %r1,OP_SIO
        jl      c_path
        chi     %r1,OP_HIO
        jnh     f_io
        j       c_path

/* SSM: the byte at the operand becomes the system mask. */
f_ssm:  IN_PAGE                         /* (SSM suppression: no LC_FAST_VM) */
        l       %r0,VM_SYSMASK(%r5)     /* r0: mask, key, EC, M */
        sr      %r1,%r1
        ic      %r1,4(%r2,%r7)
        lr      %r3,%r0
        srl     %r3,24                  /* the mask now */
        tmll    %r0,0xFF00              /* r0 byte 2: EC */
        jz      1f
        MASK_EC
1:      MASK_ON
        stc     %r1,VM_SYSMASK(%r5)
        DONE

/* LPSW: the doubleword at the operand becomes the PSW (psw.c psw_decode,
 * pvf.c pvf_lpsw, psw_to_real). BC mode runs straight through; EC mode's
 * further checks are out of line, at lpsw_ec. */
f_lpsw: tmll    %r2,7
        jnz     c_path                  /* the full path's specification exception */
        IN_PAGE
        la      %r2,4(%r2,%r7)
        lm      %r6,%r7,0(%r2)          /* r6, r7: the new PSW */
        l       %r0,VM_SYSMASK(%r5)     /* r0: mask, key, EC, M */
        tmlh    %r6,0x000B
        jnz     lpsw_ec                 /* EC mode, a wait, or problem state */
        tmll    %r0,0xFF00              /* BC: from BC only */
        jnz     c_path
        lr      %r2,%r7
        srl     %r2,24                  /* r2: byte 4, ILC, CC, program mask */
lpsw_on:
        /* MASK_ON, on the first bytes of the new PSW and of r0. */
        lr      %r4,%r6
        or      %r4,%r0
        xr      %r4,%r0
        tmlh    %r4,0xFF00              /* the bits the new mask turns on */
        jz      1f
        PENDING %r3
        /* Valid, and nothing else to do. The virtual PSW's first 16 bytes
         * (struct vpsw: mask key EC M, W P code, ILC CC mask -, address)
         * are built in r1-r4 from a row of each of LPSW's tables, one LM
         * each (pvf.h: pvf_lpsw_compose is this recipe), and stored at
         * once, then the real PSW in r0-r1. */
1:      larl    %r3,pvf_lpsw_tabs       /* the CC byte's table, then byte 1's */
        sll     %r2,3
        la      %r4,0(%r2,%r3)          /* r4: the CC byte's row */
        lr      %r2,%r6
        sll     %r2,8
        srl     %r2,24
        sll     %r2,4
        la      %r2,PVF_LPSW_TAB1_AT(%r2,%r3) /* r2: byte 1's row */
        lm      %r3,%r4,0(%r4)          /* word 2: ILC, CC, program mask; real: CC, program mask */
        lm      %r0,%r2,0(%r2)          /* real: the rest, with the key; word 0: key, EC, M; word 1: W, P, code 0 */
        srl     %r6,24
        sll     %r6,24
        or      %r1,%r6                 /* word 0: and the system mask */
        or      %r0,%r4                 /* the real PSW's first word */
        lr      %r4,%r7
        sll     %r4,8
        srl     %r4,8                   /* word 3: the address */
        stm     %r1,%r4,VM_SYSMASK(%r5)
        lr      %r1,%r4
        stm     %r0,%r1,LC_PGM_OLD
        DONE
lpsw_ec:
        tmlh    %r6,0x0003
        jnz     c_path                  /* a wait, or problem state */
        tmll    %r0,0xFF00              /* EC: from EC only, and */
        jz      c_path
        tmll    %r6,0xC0FF              /* bits 16-17 and 24-39 zero */
        jnz     c_path
        tmlh    %r7,0xFF00
        jnz     c_path
        lr      %r3,%r0
        srl     %r3,24                  /* the mask now */
        lr      %r1,%r6
        srl     %r1,24                  /* the new mask */
        MASK_EC
        lr      %r2,%r6
        sll     %r2,16
        srl     %r2,24                  /* r2: byte 2, CC and program mask */
        j       lpsw_on

/* SIO, TIO, HIO and their X'01' forms: condition code 3 when no device
 * of the machine has the address's last byte (vm_devbits; vio.c). */
f_io:   tmlh    %r3,0x00FE              /* the second byte: X'00' or X'01' */
        jnz     c_path
        lr      %r3,%r2
        sll     %r3,24
        srl     %r3,27                  /* the address's last byte / 8 */
        sr      %r1,%r1
        ic      %r1,VM_DEVBITS(%r3,%r5)
        lhi     %r4,7
        nr      %r4,%r2
        sll     %r1,0(%r4)              /* its bit to X'80' */
        tmll    %r1,0x80
        jnz     c_path                  /* a device may have it: vio_find */
        oi      LC_PGM_OLD+2,0x30       /* condition code 3 */
        DONE

/* Not settled here: the C fast path (pvfrun.c) with every register in
 * LC_SAVE_GR, on CP's stack below hw_run's caller, then if need be the
 * full path (entry.S hw_pgm_slow, which saves the guest again). */
c_path: stm     %r8,%r15,LC_SAVE_GR+32
        l       %r2,LC_FAST_VM
        l       %r15,LC_CP_SP
        ahi     %r15,-96
        brasl   %r14,pvf_program
        ltr     %r2,%r2
        jz      1f
        lm      %r0,%r15,LC_SAVE_GR
        lpsw    LC_PGM_OLD
1:      lm      %r0,%r15,LC_SAVE_GR
        j       hw_pgm_slow
slow:   lm      %r0,%r7,LC_SAVE_GR
        j       hw_pgm_slow
cp_check:
        stm     %r8,%r15,LC_SAVE_GR+32  /* r0-r7 are there already */
        lhi     %r2,INT_PGM
        j       hw_cp_fault

/* Add base register B2 to r2, one 8-byte row for each: r1-r7 are in
 * LC_SAVE_GR (r3, r6 and r7 hold the instruction and the fast page by
 * now), r8-r15 are still the guest's own. A jump into the row beats the
 * EXECUTE of an AR it replaced. */
        .macro  BASE_SAVED n
        a       %r2,LC_SAVE_GR+4*\n
        j       opaddr
        .endm
        .macro  BASE_LIVE n
        ar      %r2,%r\n
        j       opaddr
        .balign 8
        .endm
        .balign 8
base_add:
        j       opaddr                      /* B2 0: no base */
        .balign 8
        BASE_SAVED 1
        BASE_SAVED 2
        BASE_SAVED 3
        BASE_SAVED 4
        BASE_SAVED 5
        BASE_SAVED 6
        BASE_SAVED 7
        BASE_LIVE 8
        BASE_LIVE 9
        BASE_LIVE 10
        BASE_LIVE 11
        BASE_LIVE 12
        BASE_LIVE 13
        BASE_LIVE 14
        BASE_LIVE 15

        .section .note.GNU-stack,"",@progbits
