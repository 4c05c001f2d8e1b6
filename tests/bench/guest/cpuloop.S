# cpuloop.S: the CPU-bound benchmark guest. Times a register loop of COUNT
# iterations with STCK (which runs natively, bare or under CP) and leaves
# in the oracle result area (X'1000'): C'COMP', 20, start TOD, end TOD,
# and the sum 1+...+COUNT, then loads the normal disabled wait.
        .text
        .org    0
        .long   0x00000000,0x00000400   # the IPL PSW for a bare run
        .org    0x400
start:  basr    %r12,0
base:   la      %r11,0x800(%r0)
        la      %r11,0x800(%r11)        # R11 -> X'1000', the result area
        stck    8(%r11)
        l       %r3,count-base(%r12)
        sr      %r4,%r4
loop:   ar      %r4,%r3
        bct     %r3,loop-base(%r12)
        stck    16(%r11)
        st      %r4,24(%r11)
        mvc     0(8,%r11),header-base(%r12)
        lpsw    done-base(%r12)
        .align  8
done:   .long   0x00020000,0x00000000
header: .long   0xC3D6D4D7,20
count:  .long   500000000
