# diag.S: a guest that calls CP with the DIAGNOSE codes of [Virtual I/O]
# and keeps every result for the end-to-end test to DISPLAY. Runs in BC
# mode, supervisor state, key 0, from X'400', and ends in the disabled wait
# PSW X'00020000 0000D1A6'. Results (words):
#   300 DIAG 24 of 191: Ry, 304 Ry+1, 308 cc      30C DIAG 24 of 999: cc
#   310 DIAG 08 QUERY VIRTUAL: Ry (rc), 314 Ry+1 (length), 318 cc
#   31C DIAG 08 FROB: Ry (rc)                     (response lines at X'1000')
#   320 DIAG 18 write then read: 1 equal, 2 not   324 Ry (status) of the read, 328 its cc
#   32C DIAG 18 seek to cylinder 1: cc            330 its Ry (status)
#   334 DIAG 20 console write: cc                 338 DIAG 08 response too long: cc, 33C Ry+1
#   340 DIAG 10: the word at X'5000' after its page was released (0)
#   344 DIAG 20 print a line on 00E: cc        348 DIAG 20 read the reader 00C: cc, 34C Ry (status)
        .text
        .org    0x400
start:  basr    %r12,0
base:
# DIAG X'24' device type
        la      %r2,0x191
        .insn   rs,0x83000000,%r2,%r4,0x24(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r4,0x300(%r0)
        st      %r5,0x304(%r0)
        st      %r1,0x308(%r0)
        la      %r2,0x999
        .insn   rs,0x83000000,%r2,%r4,0x24(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x30C(%r0)
# DIAG X'08' with a response buffer
        la      %r2,cmdqv-base(%r12)
        l       %r3,buf1-base(%r12)
        l       %r4,qvlen-base(%r12)
        l       %r5,buflen-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x08(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r4,0x310(%r0)
        st      %r5,0x314(%r0)
        st      %r1,0x318(%r0)
        la      %r2,cmdfrob-base(%r12)
        l       %r3,buf2-base(%r12)
        l       %r4,froblen-base(%r12)
        l       %r5,buflen-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x08(%r0)
        st      %r4,0x31C(%r0)
# ... and one whose response does not fit in 10 bytes
        la      %r2,cmdqv-base(%r12)
        l       %r3,buf3-base(%r12)
        l       %r4,qvlen-base(%r12)
        l       %r5,tiny-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x08(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x338(%r0)
        st      %r5,0x33C(%r0)
# DIAG X'18': format record 1 of head 1, read it back
        l       %r3,pattern-base(%r12)
        l       %r4,outbuf-base(%r12)
        la      %r5,1024
fill:   st      %r3,0(%r4)
        la      %r4,4(%r4)
        bct     %r5,fill-base(%r12)
        la      %r2,0x191
        la      %r4,chwrite-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x18(%r0)
        la      %r2,0x191
        la      %r4,chread-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x18(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r4,0x324(%r0)
        st      %r1,0x328(%r0)
        l       %r2,outbuf-base(%r12)
        l       %r3,len4k-base(%r12)
        l       %r4,inbuf-base(%r12)
        lr      %r5,%r3
        clcl    %r2,%r4
        la      %r2,1
        be      res18-base(%r12)
        la      %r2,2
res18:  st      %r2,0x320(%r0)
# DIAG X'18' past the extent
        la      %r2,0x191
        la      %r4,chseek1-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x18(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x32C(%r0)
        st      %r4,0x330(%r0)
# DIAG X'20' on the console
        la      %r2,0x009
        la      %r4,chcons-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x20(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x334(%r0)
# DIAG X'10': a page released reads as zeros
        l       %r2,page5-base(%r12)
        l       %r3,pattern-base(%r12)
        st      %r3,0(%r2)
        lr      %r4,%r2
        .insn   rs,0x83000000,%r2,%r4,0x10(%r0)
        l       %r3,0(%r2)
        st      %r3,0x340(%r0)
# DIAG X'20' on the unit record devices: print a line, read an empty reader
        la      %r2,0x00E
        la      %r4,chprt-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x20(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x344(%r0)
        la      %r2,0x00C
        la      %r4,chrdr-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x20(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x348(%r0)
        st      %r4,0x34C(%r0)
        lpsw    done-base(%r12)

        .align  8
done:   .long   0x00020000,0x0000D1A6
pattern: .long  0x0D1A6000
len4k:  .long   4096
outbuf: .long   0x2000
inbuf:  .long   0x3000
buf1:   .long   0x1000
page5:  .long   0x5000
buf2:   .long   0x1800
buf3:   .long   0x1C00
buflen: .long   0x40000000+512
tiny:   .long   0x40000000+10
qvlen:  .long   0x40000000+13
froblen: .long  0x40000000+4
        .align  8
chwrite: .long  0x07000000+seekarg, 0x40000006
        .long   0x31000000+srch0,   0x40000005
        .long   0x08000000+chwrite+8, 0
        .long   0x1D000000+countf,  0x80000008
        .long   0x00002000,         0x00001000
chread: .long   0x07000000+seekarg, 0x40000006
        .long   0x31000000+srch1,   0x40000005
        .long   0x08000000+chread+8, 0
        .long   0x06003000,         0x00001000
chseek1: .long  0x07000000+seekcyl1, 0x00000006
chcons: .long   0x09000000+hi,      0x00000000+hilen
chprt:  .long   0x09000000+hi,      0x20000000+hilen
chrdr:  .long   0x02003000,         0x00000050
seekarg: .byte  0,0,0,0,0,1
seekcyl1: .byte 0,0,0,1,0,0
srch0:  .byte   0,0,0,1,0
srch1:  .byte   0,0,0,1,1
countf: .byte   0,0,0,1,1,0,0x10,0x00
cmdqv:  .byte   0xD8,0xE4,0xC5,0xD9,0xE8,0x40,0xE5,0xC9,0xD9,0xE3,0xE4,0xC1,0xD3
cmdfrob: .byte  0xC6,0xD9,0xD6,0xC2
hi:     .byte   0xC4,0xC9,0xC1,0xC7,0x40,0xF2,0xF0,0x40,0xE2,0xC1,0xE8,0xE2,0x40,0xC8,0xC9
        .set    hilen, . - hi
