# trapcost.S: what an instruction CP must simulate costs a guest, measured
# by the guest itself with STCK around five loops:
#   0  N0 x BCT                    (the loop alone)
#   1  N0 x LR + BCT               (one plain register instruction)
#   2  N1 x SSM + BCT              (trapped and simulated under CP)
#   3  N1 x LPSW + BCT             (LPSW to the BCT that follows it)
#   4  N1 x SIO X'0F0F' + BCT      (no such device: condition code 3)
# Result area (X'1000'): C'COMP', 80, then each loop's start and end TOD.
        .include "timing.inc"
        .text
        .org    0
        .long   0x00000000,0x00000400
        .org    0x400
start:  basr    %r12,0
base:   la      %r11,0x800(%r0)
        la      %r11,0x800(%r11)        # R11 -> X'1000'
        TIMED   8, n0, base                         # loop 0
        TIMED   24, n0, base, "lr %r5,%r6"          # loop 1
        TIMED   40, n1, base, "ssm mask-base(%r12)" # loop 2
        stck    56(%r11)                # loop 3
        l       %r3,n1-base(%r12)
l3:     lpsw    next-base(%r12)
l3b:    bct     %r3,l3-base(%r12)
        stck    64(%r11)
        stck    72(%r11)                # loop 4
        l       %r3,n1-base(%r12)
l4:     .insn   s,0x9c000000,0x0f0f(%r0)
        bct     %r3,l4-base(%r12)
        stck    80(%r11)
        mvc     0(8,%r11),header-base(%r12)
        lpsw    done-base(%r12)
        .align  8
done:   .long   0x00020000,0x00000000
next:   .long   0x00000000,l3b          # BC, disabled, key 0: as the loop runs
header: .long   0xC3D6D4D7,80
n0:     .long   50000000
n1:     .long   200000
mask:   .byte   0x00
