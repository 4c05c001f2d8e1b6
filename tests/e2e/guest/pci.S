# pci.S: a program-controlled interruption from a minidisk chain. Formats
# track 2 of cylinder 0 on X'191' with ten 4K records, then runs one chain
# that reads all ten with PCI set on the first READ DATA, and keeps the CSW
# of every I/O interruption it takes (at most four, from X'320') and their
# number (X'318') until one has device end. Ends in the disabled wait
# X'00020000 00000C11'. BC mode, from X'400'.
        .text
        .org    0x78
        .long   0,0
        .org    0x400
start:  basr    %r12,0
base:   la      %r2,fmt-base(%r12)
        st      %r2,0x48(%r0)
        la      %r1,0x191
        .insn   s,0x9c000000,0(%r1)
        la      %r3,fmtend-base(%r12)
        st      %r3,0x7C(%r0)
        lpsw    waitio-base(%r12)
fmtend: tm      0x44(%r0),0x04
        bz      fmtwait-base(%r12)
        la      %r2,rd-base(%r12)       # the read chain
        st      %r2,0x48(%r0)
        la      %r1,0x191
        .insn   s,0x9c000000,0(%r1)
        sr      %r5,%r5                 # interruptions taken
        la      %r3,gotone-base(%r12)
        st      %r3,0x7C(%r0)
        lpsw    waitio-base(%r12)
gotone: la      %r6,0x320(%r0)
        lr      %r7,%r5
        sll     %r7,3
        c       %r5,four-base(%r12)
        bnl     counted-base(%r12)
        ar      %r6,%r7
        mvc     0(8,%r6),0x40(%r0)
counted: la     %r5,1(%r5)
        st      %r5,0x318(%r0)
        tm      0x44(%r0),0x04          # device end: the chain is over
        bo      fin-base(%r12)
        lpsw    waitio-base(%r12)
fin:    lpsw    done-base(%r12)
fmtwait: lpsw   waitio-base(%r12)
        .align  8
waitio: .long   0xFE020000,0
done:   .long   0x00020000,0x00000C11
four:   .long   4
        .align  8
fmt:    .long   0x07000000+seek, 0x40000006
        .long   0x31000000+id0,  0x40000005
        .long   0x08000000+fmt+8, 0
        .irp    r,1,2,3,4,5,6,7,8,9,10
        .long   0x1D000000+cnt\r, 0x80000008
        .long   0x00002000,       0x40001000
        .endr
        .long   0x03000000,       0x00000001
rd:     .long   0x07000000+seek, 0x40000006
        .long   0x31000000+id1,  0x40000005
        .long   0x08000000+rd+8, 0
        .long   0x06002000,      0x48001000    # READ DATA, chained, PCI
        .irp    r,2,3,4,5,6,7,8,9
        .long   0x06002000,      0x40001000
        .endr
        .long   0x06002000,      0x00001000
seek:   .byte   0,0,0,0,0,2
id0:    .byte   0,0,0,2,0
id1:    .byte   0,0,0,2,1
        .irp    r,1,2,3,4,5,6,7,8,9,10
cnt\r:  .byte   0,0,0,2,\r,0,0x10,0x00
        .endr
