# smpceil.S: the ceiling this host and Hercules set on two processors,
# with no CP at all. The checksum guest's loop (AR + BCT, as 32 guests
# run it in the two-processor benchmark), COUNT iterations per processor.
# Run bare in S/370 mode (bench.c), once with NUMCPU 1 and once with
# NUMCPU 2: CPU 0 starts CPU 1 with SIGP RESTART (the restart new PSW at
# 0 is the IPL PSW, so CPU 1 begins here too) and both loop at once;
# with one processor the SIGP finds no CPU 1 (condition code 3) and CPU 0
# runs the loop twice. The same work either way; bench.c divides the
# times. CPU 0 waits for CPU 1's end, stops it (SIGP STOP: only CPU 0
# ends in the normal wait, which is what the harness looks at) and loads
# the normal wait. S/370 instructions only (no relative branches).
# Result area (X'1000'): C'COMP', 32, start TOD, CPU 0's end TOD, CPU 1's
# end TOD (zero with one processor), CPU 1's done flag, CPU 0's sum.
        .text
        .org    0
        .long   0x00000000,0x00000400   # IPL PSW, and restart new PSW
        .org    0x400
start:  basr    %r12,0
base:   la      %r11,0x800(%r0)
        la      %r11,0x800(%r11)        # R11 -> X'1000', the result area
        stap    cpuad-base(%r12)
        lh      %r5,cpuad-base(%r12)
        ltr     %r5,%r5
        bnz     cpu1-base(%r12)
        stck    8(%r11)
        la      %r6,1(%r0)              # CPU address 1
        sigp    %r2,%r6,6(%r0)          # RESTART
        bz      both-base(%r12)
        bas     %r14,work-base(%r12)    # alone: the other processor's share
        mvi     32(%r11),1              # ... and nobody to wait for
both:   bas     %r14,work-base(%r12)
        stck    16(%r11)
        st      %r4,36(%r11)
wait1:  cli     32(%r11),1
        bne     wait1-base(%r12)
        sigp    %r2,%r6,5(%r0)          # STOP (condition code 3 if alone)
        mvc     0(8,%r11),header-base(%r12)
        lpsw    done-base(%r12)
cpu1:   bas     %r14,work-base(%r12)
        stck    24(%r11)
        mvi     32(%r11),1
spin:   b       spin-base(%r12)         # until CPU 0 stops us
work:   l       %r3,count-base(%r12)
        sr      %r4,%r4
loop:   ar      %r4,%r3
        bct     %r3,loop-base(%r12)
        br      %r14
        .align  8
done:   .long   0x00020000,0x00000000
header: .long   0xC3D6D4D7,32
count:  .long   400000000
cpuad:  .short  0
