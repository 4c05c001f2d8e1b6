# dasdread.S: the minidisk throughput benchmark guest. Formats track 2 of
# cylinder 0 on the 3380 at X'191' with ten 4K records, then times, with
# STCK, COUNT channel programs that each read all ten (SEEK, SEARCH ID
# EQUAL R1, TIC, ten READ DATA), waiting for each one's I/O interruption in
# an enabled wait. Leaves in the result area (X'1000'): C'COMP', 16, start
# TOD, end TOD; then the normal disabled wait. Bare (a one-cylinder 3380
# at 0191) and under CP (the user's one-cylinder 191) alike.
        .text
        .org    0
        .long   0x00000000,0x00000400   # the IPL PSW for a bare run
        .org    0x78
        .long   0x00000000,0x00000000   # I/O new PSW, address set below
        .org    0x400
start:  basr    %r12,0
base:   la      %r11,0x800(%r0)
        la      %r11,0x800(%r11)        # R11 -> X'1000', the result area
        la      %r2,fmt-base(%r12)
        bal     %r14,doio-base(%r12)
        stck    8(%r11)
        l       %r3,count-base(%r12)
loop:   la      %r2,rd-base(%r12)
        bal     %r14,doio-base(%r12)
        bct     %r3,loop-base(%r12)
        stck    16(%r11)
        mvc     0(8,%r11),header-base(%r12)
        lpsw    done-base(%r12)
# doio: SIO the chain at R2 on X'191' and wait for its interruption.
doio:   st      %r2,0x48(%r0)
        la      %r1,0x191
        .insn   s,0x9c000000,0(%r1)
        st      %r14,0x7C(%r0)          # the interruption returns to the caller
        lpsw    waitio-base(%r12)
        .align  8
waitio: .long   0xFE020000,0            # every channel enabled, wait
done:   .long   0x00020000,0x00000000
header: .long   0xC3D6D4D7,16
count:  .long   100
        .align  8
fmt:    .long   0x07000000+seek, 0x40000006
        .long   0x31000000+id0,  0x40000005
        .long   0x08000000+fmt+8, 0
        .irp    r,1,2,3,4,5,6,7,8,9,10
        .long   0x1D000000+cnt\r, 0x80000008
        .long   0x00002000,       0x40001000
        .endr
        .long   0x03000000,       0x00000001   # NOP ends the chain
rd:     .long   0x07000000+seek, 0x40000006
        .long   0x31000000+id1,  0x40000005
        .long   0x08000000+rd+8, 0
        .irp    r,1,2,3,4,5,6,7,8,9
        .long   0x06002000,      0x40001000    # READ DATA, chained
        .endr
        .long   0x06002000,      0x00001000
seek:   .byte   0,0,0,0,0,2
id0:    .byte   0,0,0,2,0
id1:    .byte   0,0,0,2,1
        .irp    r,1,2,3,4,5,6,7,8,9,10
cnt\r:  .byte   0,0,0,2,\r,0,0x10,0x00
        .endr
