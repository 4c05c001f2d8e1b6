# pagetouch.S: a paging workload for the end-to-end tests. PASSES times:
# write a word at the start and at the end of every 4K page from X'1000'
# up to LIMIT, each (page address XOR SEED) + pass, then read them all
# back, counting words that differ in ERRORS and summing the first words
# in SUM. Then the disabled wait PSW X'00020000 00000123'. LIMIT, SEED
# and PASSES are patched by the test (STORE) before BEGIN.
# With DAT (X'514') not zero the passes run in EC mode under the
# program's own tables (4K pages, 64K segments, at X'1000' and X'2000'):
# virtual page 0 is V=R and virtual page v (1 to N-16, N = LIMIT/4K + 15)
# is real page N - v, so LIMIT must be the storage size less 60K. After
# the passes DAT goes off and every page's two words are checked again
# at their real addresses (errors counted in ERRORS too).
# System/370 instructions only; starts at X'400' in BC mode, DAT off.
        .text
        .org    0x400
start:  basr    %r12,0
base:   la      %r10,2048(%r0)
        ar      %r10,%r10               # 4096: a page
        icm     %r0,15,0x514(%r0)       # DAT?
        bz      nodat-base(%r12)
        bal     %r14,mktab-base(%r12)
        lctl    0,1,dcr-base(%r12)
        lpsw    datpsw-base(%r12)       # on at nodat, in EC mode with DAT
nodat:        l       %r3,0x500(%r0)          # LIMIT
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
        icm     %r0,15,0x514(%r0)
        bz      fin-base(%r12)
        lpsw    realpsw-base(%r12)      # DAT off, BC mode, at check
fin:    st      %r7,0x504(%r0)          # ERRORS
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
dat:    .long   0
        .align  8
datpsw: .long   0x04080000,nodat
realpsw: .long  0x00000000,check
dcr:    .long   0x00800000,0x00001000

# The tables: PTE of page v at X'2000' + 2v, STE of segment s at
# X'1000' + 4s with page-table length 15 (16 entries).
mktab:  l       %r1,0x500(%r0)
        srl     %r1,12
        la      %r1,15(%r1)             # N
        la      %r7,0x800(%r0)
        ar      %r7,%r7
        ar      %r7,%r10                # X'2000'
        sr      %r3,%r3                 # v
ptloop: lr      %r6,%r3
        ar      %r6,%r6
        ar      %r6,%r7
        sr      %r5,%r5                 # v = 0: real page 0
        ltr     %r3,%r3
        bz      ptset-base(%r12)
        lr      %r5,%r1
        sr      %r5,%r3                 # N - v
        la      %r0,16
        clr     %r5,%r0
        bl      ptinv-base(%r12)
        sll     %r5,4
        b       ptset-base(%r12)
ptinv:  la      %r5,8                   # I bit
ptset:  sth     %r5,0(%r6)
        la      %r3,1(%r3)
        clr     %r3,%r1
        bl      ptloop-base(%r12)
        lr      %r8,%r1
        srl     %r8,4                   # segments
        sr      %r3,%r3
stloop: lr      %r6,%r3
        sll     %r6,5
        ar      %r6,%r7
        o       %r6,ptl15-base(%r12)
        lr      %r9,%r3
        sll     %r9,2
        st      %r6,0(%r9,%r10)
        la      %r3,1(%r3)
        clr     %r3,%r8
        bl      stloop-base(%r12)
        srl     %r8,4
        bctr    %r8,0
        sll     %r8,24                  # segment-table length
        o       %r8,dcr+4-base(%r12)
        st      %r8,dcr+4-base(%r12)
        br      %r14
ptl15:  .long   0xF0000000

# DAT off again: each virtual page's last values at its real page.
check:  lr      %r2,%r10
cloop:  lr      %r6,%r2
        xr      %r6,%r5
        la      %r0,1
        ar      %r6,%r0                 # the last pass wrote + 1 (not LA: 24 bits)
        lr      %r1,%r3
        a       %r1,k60-base(%r12)
        sr      %r1,%r2                 # real address of virtual r2
        c       %r6,0(%r1)
        be      cok1-base(%r12)
        la      %r7,1(%r7)
cok1:   c       %r6,4092(%r1)
        be      cok2-base(%r12)
        la      %r7,1(%r7)
cok2:   ar      %r2,%r10
        clr     %r2,%r3
        bl      cloop-base(%r12)
        b       fin-base(%r12)
k60:    .long   0x0000F000
