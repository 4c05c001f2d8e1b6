# mkboot.S: makes its 191 bootable, for the end-to-end test of IPL from a
# minidisk. Writes record 1 of cylinder 0 head 0 (the IPL record: a PSW
# and a CCW that reads record 2 to X'400') and record 2 (PAYLOAD, which
# writes "BOOTED FROM DISK" on the console and ends in the disabled wait
# X'00020000 0000B007'), then ends in the disabled wait X'00020000
# 0000B00F' with the write's CSW at X'318'. BC mode, from X'400'.
        .text
        .org    0x78                    # I/O new PSW (address set before the wait)
        .long   0x00000000,0x00000000
        .org    0x400
start:  basr    %r12,0
base:   la      %r2,chain-base(%r12)
        st      %r2,0x48(%r0)
        la      %r1,0x191
        .insn   s,0x9c000000,0(%r1)     # SIO X'191'
        la      %r3,after-base(%r12)
        st      %r3,0x7C(%r0)
        lpsw    waitio-base(%r12)
after:  mvc     0x318(8,%r0),0x40(%r0)
        lpsw    done-base(%r12)
        .align  8
waitio: .long   0xFE020000,0
done:   .long   0x00020000,0x0000B00F
chain:  .long   0x07000000+seekarg, 0x40000006
        .long   0x31000000+srch0,   0x40000005
        .long   0x08000000+chain+8, 0
        .long   0x1D000000+count1,  0x80000008
        .long   0x00000000+iplrec,  0x40000018
        .long   0x1D000000+count2,  0x80000008
        .long   0x00000000+payload, 0x00000200
seekarg: .byte  0,0,0,0,0,0
srch0:  .byte   0,0,0,0,0
        .align  2
count1: .byte   0,0,0,0,1,0,0x00,0x18   # R1: 24 bytes
count2: .byte   0,0,0,0,2,0,0x02,0x00   # R2: 512 bytes
        .align  8
iplrec: .long   0x00000000,0x00000400   # IPL PSW: BC, disabled, X'400'
        .long   0x06000400,0x20000200   # READ DATA 512 to X'400', SLI
        .long   0,0

# The program the IPL loads at X'400' (position independent).
        .org    0x800
payload: basr   %r12,0
pbase:  la      %r2,pmsg-pbase(%r12)
        la      %r3,pccw-pbase(%r12)
        st      %r2,0(%r3)
        mvi     0(%r3),0x09             # WRITE, carriage return
        st      %r3,0x48(%r0)
        .insn   s,0x9c000000,0x009(%r0) # SIO X'009'
        la      %r4,pafter-pbase(%r12)
        st      %r4,0x7C(%r0)
        xc      0x78(4,%r0),0x78(%r0)   # I/O new PSW: disabled, BC
        lpsw    pwait-pbase(%r12)
pafter: lpsw    pdone-pbase(%r12)
        .align  8
pwait:  .long   0x80020000,0            # channel 0 enabled, wait
pdone:  .long   0x00020000,0x0000B007
pccw:   .long   0, 0x00000000+pmsglen
pmsg:   .byte   0xC2,0xD6,0xD6,0xE3,0xC5,0xC4,0x40,0xC6,0xD9,0xD6,0xD4,0x40,0xC4,0xC9,0xE2,0xD2
        .set    pmsglen, . - pmsg       # "BOOTED FROM DISK"
        .org    0xA00
