# checksum.S: a CPU-bound guest for the end-to-end tests. Sums 1..COUNT
# (mod 2**32) into RESULT, then loads the disabled wait PSW X'00020000
# 00000123'. COUNT is patched by the test (STORE 500 ...) before BEGIN.
# STARTED and ENDED get the TOD clock around the loop (STCK runs in
# problem state, under CP too): make bench's two-processor figure spans
# them, so the terminals' pace does not count.
# System/370 instructions only; BC mode; starts at X'400'.
        .text
        .org    0x400
start:  basr    %r12,0
base:   stck    0x508(%r0)              # STARTED
        l       %r3,0x500(%r0)          # COUNT
        sr      %r4,%r4
loop:   ar      %r4,%r3
        bct     %r3,loop-base(%r12)
        st      %r4,0x504(%r0)          # RESULT
        stck    0x510(%r0)              # ENDED
        lpsw    done-base(%r12)
        .align  8
done:   .long   0x00020000,0x00000123
        .org    0x500
count:  .long   1000
result: .long   0
started: .quad  0
ended:  .quad   0
