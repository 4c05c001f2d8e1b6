# dasd.S: a guest that runs channel programs on a minidisk, for the
# end-to-end tests of [Virtual I/O]. The test patches the parameters at
# X'300' with STORE, then BEGINs at X'400'; the program ends in the
# disabled wait PSW X'00020000 000000nn', nn = the operation it ran + X'A0'.
#   OPSEL 0  write: fill OUTBUF (4K) with PATTERN, PATTERN+1, ...; write it
#            as record 1 of guest cylinder CYL head 1 (WRITE CKD after R0),
#            read it back into INBUF, RESULT = 1 if equal, 2 if not
#   OPSEL 1  read: READ COUNT and READ DATA of that record; the count field
#            goes to RCOUNT, RESULT = INBUF's first word
#   OPSEL 2  seek: SEEK to cylinder CYL head 1 only
# After each start the CSW (SIO's cc 1, or the interruption's) is copied to
# CSWOUT, SIO's condition code to SIOCC; after a unit check a SENSE puts 24
# bytes at SENSEOUT. BC mode, System/370 instructions only.
        .set    DEVADDR, 0x300
        .set    OPSEL,   0x304
        .set    PATTERN, 0x308
        .set    CYL,     0x30C
        .set    RESULT,  0x310
        .set    SIOCC,   0x314
        .set    CSWOUT,  0x318
        .set    RCOUNT,  0x320
        .set    SENSEOUT,0x328
        .text
        .org    0x78                    # I/O new PSW (address set before each wait)
        .long   0x00000000,0x00000000
        .org    0x300
        .long   0x191, 0, 0x12345678, 0, 0, 0
        .org    0x400
start:  basr    %r12,0
base:   lh      %r2,CYL+2(%r0)          # the cylinder goes into every argument
        sth     %r2,seekarg+2-base(%r12)
        sth     %r2,srch0+0-base(%r12)
        sth     %r2,srch1+0-base(%r12)
        sth     %r2,countf+0-base(%r12)
        l       %r2,OPSEL(%r0)
        sll     %r2,2
        b       optab-base(%r12,%r2)
optab:  b       opwrite-base(%r12)
        b       opread-base(%r12)
        b       opseek-base(%r12)

opwrite: l      %r3,PATTERN(%r0)
        l       %r4,outbuf-base(%r12)
        la      %r5,1024
fill:   st      %r3,0(%r4)
        a       %r3,one-base(%r12)
        la      %r4,4(%r4)
        bct     %r5,fill-base(%r12)
        la      %r2,chwrite-base(%r12)
        bal     %r14,doio-base(%r12)
        ltr     %r15,%r15
        bnz     fail-base(%r12)
        la      %r2,chread-base(%r12)
        bal     %r14,doio-base(%r12)
        ltr     %r15,%r15
        bnz     fail-base(%r12)
        l       %r2,outbuf-base(%r12)
        l       %r3,len4k-base(%r12)
        l       %r4,inbuf-base(%r12)
        lr      %r5,%r3
        clcl    %r2,%r4
        la      %r2,1
        be      setres-base(%r12)
        la      %r2,2
setres: st      %r2,RESULT(%r0)
        lpsw    done0-base(%r12)

opread: la      %r2,chread-base(%r12)
        bal     %r14,doio-base(%r12)
        l       %r4,inbuf-base(%r12)
        l       %r2,0(%r4)
        st      %r2,RESULT(%r0)
        lpsw    done1-base(%r12)

opseek: la      %r2,chseek-base(%r12)
        bal     %r14,doio-base(%r12)
        lpsw    done2-base(%r12)

fail:   lpsw    donef-base(%r12)

# doio: run the chain at R2 on DEVADDR; R15 = 0 if it ended with channel
# end and device end alone, else the CSW's status bytes.
doio:   lr      %r11,%r14
        bal     %r14,start1-base(%r12)
        sr      %r15,%r15
        icm     %r15,3,CSWOUT+4(%r0)
        cl      %r15,cedeonly-base(%r12)
        bne     doio2-base(%r12)
        sr      %r15,%r15
        br      %r11
doio2:  tm      CSWOUT+4(%r0),0x02      # unit check: get the sense
        bzr     %r11
        lr      %r10,%r15
        la      %r2,chsense-base(%r12)
        st      %r2,0x48(%r0)
        l       %r1,DEVADDR(%r0)
        .insn   s,0x9c000000,0(%r1)     # SIO
        bc      7,sensed-base(%r12)     # not started: no sense
        la      %r2,sensed-base(%r12)
        st      %r2,0x7C(%r0)
        lpsw    waitio-base(%r12)
sensed: lr      %r15,%r10
        br      %r11
# start1: SIO the chain at R2, wait for its interruption, copy the CSW.
start1: st      %r2,0x48(%r0)           # CAW: key 0
        l       %r1,DEVADDR(%r0)
        .insn   s,0x9c000000,0(%r1)     # SIO
        ipm     %r3
        srl     %r3,28
        st      %r3,SIOCC(%r0)
        ltr     %r3,%r3
        bnz     nowait-base(%r12)
        la      %r3,copycsw-base(%r12)  # I/O new PSW: copy the CSW, return
        st      %r3,0x7C(%r0)
        lr      %r9,%r14
        lpsw    waitio-base(%r12)
copycsw: mvc    CSWOUT(8,%r0),0x40(%r0)
        br      %r9
nowait: mvc     CSWOUT(8,%r0),0x40(%r0)
        br      %r14

        .align  8
waitio: .long   0xFE020000,0x00000000   # BC: every channel enabled, wait
done0:  .long   0x00020000,0x000000A0
done1:  .long   0x00020000,0x000000A1
done2:  .long   0x00020000,0x000000A2
donef:  .long   0x00020000,0x000000AF
one:    .long   1
len4k:  .long   4096
outbuf: .long   0x2000
inbuf:  .long   0x3000
cedeonly: .long 0x00000C00
        .align  8
chwrite: .long  0x07000000+seekarg, 0x40000006
        .long   0x31000000+srch0,   0x40000005
        .long   0x08000000+chwrite+8, 0
        .long   0x1D000000+countf,  0x80000008   # WRITE CKD: count, data chained
        .long   0x00002000,         0x00001000
chread: .long   0x07000000+seekarg, 0x40000006
        .long   0x31000000+srch0,   0x40000005
        .long   0x08000000+chread+8, 0
        .long   0x12000000+RCOUNT,  0x40000008   # READ COUNT of R1
        .long   0x06003000,         0x00001000   # READ DATA
chseek: .long   0x07000000+seekarg, 0x00000006
chsense: .long  0x04000000+SENSEOUT, 0x20000018
seekarg: .byte  0,0,0,0,0,1                # BB CC HH: head 1
        .align  2
srch0:  .byte   0,0,0,1,0                # CC HH R: record 0 of head 1
        .align  2
srch1:  .byte   0,0,0,1,1
        .align  2
countf: .byte   0,0,0,1,1,0,0x10,0x00    # CC HH R KL DL: R1, no key, 4096
