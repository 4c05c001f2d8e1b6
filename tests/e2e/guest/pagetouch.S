# pagetouch.S: a paging workload for the end-to-end tests. PASSES times:
# write a word at the start and at the end of every 4K page from X'1000'
# up to LIMIT, each (page address XOR SEED) + pass, then read them all
# back, counting words that differ in ERRORS and summing the first words
# in SUM. Then the disabled wait PSW X'00020000 00000123'. LIMIT, SEED
# and PASSES are patched by the test (STORE) before BEGIN.
# System/370 instructions only; BC mode, DAT off; starts at X'400'.
        .text
        .org    0x400
start:  basr    %r12,0
base:   la      %r10,2048(%r0)
        ar      %r10,%r10               # 4096: a page
        l       %r3,0x500(%r0)          # LIMIT
        l       %r5,0x510(%r0)          # SEED
        l       %r9,0x50c(%r0)          # PASSES, counted down
        sr      %r7,%r7                 # errors
        sr      %r8,%r8                 # sum
pass:   lr      %r2,%r10
wloop:  lr      %r6,%r2
        xr      %r6,%r5
        ar      %r6,%r9
        st      %r6,0(%r2)
        st      %r6,4092(%r2)
        ar      %r2,%r10
        clr     %r2,%r3
        bl      wloop-base(%r12)
        lr      %r2,%r10
rloop:  lr      %r6,%r2
        xr      %r6,%r5
        ar      %r6,%r9
        c       %r6,0(%r2)
        be      ok1-base(%r12)
        la      %r7,1(%r7)
ok1:    c       %r6,4092(%r2)
        be      ok2-base(%r12)
        la      %r7,1(%r7)
ok2:    a       %r8,0(%r2)
        ar      %r2,%r10
        clr     %r2,%r3
        bl      rloop-base(%r12)
        bct     %r9,pass-base(%r12)
        st      %r7,0x504(%r0)          # ERRORS
        st      %r8,0x508(%r0)          # SUM
        lpsw    done-base(%r12)
        .align  8
done:   .long   0x00020000,0x00000123
        .org    0x500
limit:  .long   0x00100000
errors: .long   0xFFFFFFFF
sum:    .long   0
passes: .long   1
seed:   .long   0
