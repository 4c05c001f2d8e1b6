# ctc.S: one side of a virtual channel-to-channel adapter, for the
# end-to-end test of COUPLE. Parameters at X'300' (patched with STORE):
#   DEVADDR  the adapter's address
#   OPSEL 0  write the 80 bytes at MSG
#         1  wait for the attention interruption, SENSE COMMAND BYTE into
#            SCB, then read (count 100, no SLI) into X'1000'
#         2  read at once, as in 1
# Then the CSW of the write or read goes to CSWOUT, the attention's CSW to
# ATTNCSW, and the program ends in the disabled wait X'00020000 0000C7Cn',
# n = OPSEL. BC mode, from X'400'.
        .set    DEVADDR, 0x300
        .set    OPSEL,   0x304
        .set    CSWOUT,  0x308
        .set    ATTNCSW, 0x310
        .set    SCB,     0x318
        .text
        .org    0x78
        .long   0,0
        .org    0x300
        .long   0x500, 0
        .org    0x400
start:  basr    %r12,0
base:   l       %r2,OPSEL(%r0)
        ltr     %r2,%r2
        bz      write-base(%r12)
        c       %r2,one-base(%r12)
        bne     read-base(%r12)
        la      %r3,gotattn-base(%r12)  # wait for the attention
        st      %r3,0x7C(%r0)
        lpsw    waitio-base(%r12)
gotattn: mvc    ATTNCSW(8,%r0),0x40(%r0)
        la      %r2,chscb-base(%r12)
        bal     %r14,doio-base(%r12)
read:   la      %r2,chread-base(%r12)
        bal     %r14,doio-base(%r12)
        b       finish-base(%r12)
write:  la      %r2,chwrite-base(%r12)
        bal     %r14,doio-base(%r12)
finish: l       %r2,OPSEL(%r0)
        sll     %r2,3
        la      %r2,dones-base(%r12,%r2)
        lpsw    0(%r2)
# doio: TIO (a pending attention is taken and dropped), SIO the chain at
# R2, wait for its ending, CSW to CSWOUT.
doio:   st      %r2,0x48(%r0)
        l       %r1,DEVADDR(%r0)
        .insn   s,0x9d000000,0(%r1)     # TIO: take an attention the other side caused
        .insn   s,0x9c000000,0(%r1)
        bnz     nowait-base(%r12)
        st      %r14,savret-base(%r12)
        la      %r3,ended-base(%r12)
        st      %r3,0x7C(%r0)
        lpsw    waitio-base(%r12)
ended:  tm      0x44(%r0),0x04          # device end yet?
        bz      again-base(%r12)
        mvc     CSWOUT(8,%r0),0x40(%r0)
        l       %r14,savret-base(%r12)
        br      %r14
again:  lpsw    waitio-base(%r12)
nowait: mvc     CSWOUT(8,%r0),0x40(%r0)
        br      %r14
        .align  8
waitio: .long   0xFE020000,0
dones:  .long   0x00020000,0x0000C7C0
        .long   0x00020000,0x0000C7C1
        .long   0x00020000,0x0000C7C2
one:    .long   1
savret: .long   0
chwrite: .long  0x01000000+msg, 0x00000050
chread: .long   0x02001000,     0x00000064
chscb:  .long   0x14000000+SCB, 0x00000001
msg:    .ascii  "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG 0123456789 ABCDEFGHIJKLMNOPQRSTUVWX"
