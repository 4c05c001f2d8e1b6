# diag58.S: DIAGNOSE X'58', VM/370's 3270 virtual console interface. Erases
# the output area and shows "SIXTH ROW" on row 5 (data-chained: "SIXTH"
# and " ROW"), command-chained to "EIGHTH ROW" on row 7; then asks for 200
# bytes from row 21 (does not fit: cc 1) and names a device that is not the
# console (cc 3). The condition codes go to X'300'-X'308'; ends in the
# disabled wait X'00020000 00005858'. BC mode, from X'400'.
        .text
        .org    0x400
start:  basr    %r12,0
base:   la      %r2,ch1-base(%r12)
        la      %r4,0x009
        .insn   rs,0x83000000,%r2,%r4,0x58(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x300(%r0)
        la      %r2,ch2-base(%r12)
        .insn   rs,0x83000000,%r2,%r4,0x58(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x304(%r0)
        la      %r2,ch1-base(%r12)
        la      %r4,0x00E
        .insn   rs,0x83000000,%r2,%r4,0x58(%r0)
        ipm     %r1
        srl     %r1,28
        st      %r1,0x308(%r0)
        lpsw    done-base(%r12)
        .align  8
done:   .long   0x00020000,0x00005858
ch1:    .long   0x19000000+t1, 0xA0850005    # CD SLI, erase, row 5
        .long   0x19000000+t2, 0x60050004    # CC SLI (end of the data)
        .long   0x19000000+t3, 0x2007000A    # row 7
ch2:    .long   0x19000000+t3, 0x201500C8    # row 21, 200 bytes
t1:     .byte   0xE2,0xC9,0xE7,0xE3,0xC8                # "SIXTH"
t2:     .byte   0x40,0xD9,0xD6,0xE6                     # " ROW"
t3:     .byte   0xC5,0xC9,0xC7,0xC8,0xE3,0xC8,0x40,0xD9,0xD6,0xE6   # "EIGHTH ROW"
        .fill   200,1,0x40
