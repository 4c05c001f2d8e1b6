# scribble.S: a hostile guest for the isolation test. It writes over all of
# its own storage, stores far beyond its end, and issues every System/370
# privileged and I/O instruction with junk operands, forever. Program
# checks resume after the failing instruction; whatever it does to itself
# is its own business: the test checks that CP and other guests never see it.
        .text
        .org    0x68                    # program new PSW: BC, disabled
        .long   0x00000000,pgm
        .org    0x400
start:  basr    %r12,0
base:   l       %r2,k_8k-base(%r12)     # 1. scribble 8K to the end of its 1M
        l       %r5,k_junk-base(%r12)
fill:   st      %r5,0(%r2)
        la      %r2,4(%r2)
        c       %r2,k_1m-base(%r12)
        bl      fill-base(%r12)
beyond: st      %r5,0(%r2)              # 2. a store at every 64K from 1M to
        a       %r2,k_64k-base(%r12)    #    16M: addressing exceptions
        c       %r2,k_16m-base(%r12)
        bl      beyond-base(%r12)
        sr      %r6,%r6                 # 3. privileged instructions, junk operands
        l       %r7,k_high-base(%r12)
        .insn   rr,0x0800,%r5,%r6       # SSK
        .insn   rr,0x0900,%r5,%r7       # ISK
        .insn   s,0x9c000000,0x0f0f(%r0) # SIO
        .insn   s,0x9c010000,0x0000(%r0) # SIOF
        .insn   s,0x9d000000,0x0009(%r0) # TIO
        .insn   s,0x9e000000,0x0a80(%r0) # HIO (a real DASD address)
        .insn   s,0x9e010000,0x00c0(%r0) # HDV (a real terminal address)
        .insn   s,0x9f000000,0x0000(%r0) # TCH
        .insn   s,0xb2030000,0x0000(%r0) # STIDC
        .insn   s,0xb2040000,0x0ff8(%r0) # SCK
        .insn   s,0xb2060000,0x0ff8(%r0) # SCKC
        .insn   s,0xb2080000,0x0ff8(%r0) # SPT
        .insn   s,0xb20d0000,0x0000(%r0) # PTLB
        .insn   s,0xb2130000,0x0000(%r0) # RRB
        mvc     0x48(4,%r0),kcaw-base(%r12)  # a console channel program that
        .insn   s,0x9c000000,0x0009(%r0)     # loops for ever: write, data chain, TIC
        lra     %r8,0(%r7)
        stctl   %r0,%r15,0x0f00(%r0)
        sigp    %r8,%r1,0
        .insn   rs,0x83000000,%r7,%r7,0x0008(%r0)   # DIAGNOSE 8 with junk
        .insn   rs,0x83000000,%r7,%r7,0x0018(%r0)   # DIAGNOSE 18
        .insn   rs,0x83000000,%r7,%r7,0x0fff(%r0)   # DIAGNOSE junk code
        lpsw    0x0ff9(%r0)             # misaligned: specification
        ssm     0x0ff8(%r0)             # junk system mask
                                        # 4. now in problem state: same again
        lpsw    probpsw-base(%r12)
prob:   .insn   rr,0x0800,%r5,%r6
        .insn   s,0x9c000000,0x0f0f(%r0)
        lpsw    0x0ff8(%r0)
        ssm     0x0ff8(%r0)
        svc     255
        .long   0                       # operation exception
        bc      15,0x400(%r0)           # and round again, for ever
pgm:    mvi     0x29,0x00               # resume after the failing instruction,
        lpsw    0x28                    # in the supervisor state
        .align  8
probpsw: .long  0x00010000,prob         # BC, problem state
k_8k:   .long   0x00002000
k_junk: .long   0xDEADBEEF
k_1m:   .long   0x00100000
k_64k:  .long   0x00010000
k_16m:  .long   0x01000000
k_high: .long   0xFFFFFFF0
kcaw:   .long   loopccw
        .align  8
loopccw: .long  0x01000000+k_junk, 0x80000001   # write 1 byte, chain data
        .long   0x08000000+loopccw, 0x00000001  # TIC back to it
