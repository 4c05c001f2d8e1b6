# print.S: prints two lines on the printer at X'00F' (a real 1403 the
# directory dedicates), skipping to channel 1 first, then ends in the
# disabled wait X'00020000 0000F00F' with the CSW at X'318'. BC mode.
        .text
        .org    0x78
        .long   0,0
        .org    0x400
start:  basr    %r12,0
base:   la      %r2,chain-base(%r12)
        st      %r2,0x48(%r0)
        .insn   s,0x9c000000,0x00F(%r0) # SIO X'00F'
        la      %r3,after-base(%r12)
        st      %r3,0x7C(%r0)
        lpsw    waitio-base(%r12)
after:  tm      0x44(%r0),0x04          # device end?
        bz      again-base(%r12)
        mvc     0x318(8,%r0),0x40(%r0)
        lpsw    done-base(%r12)
again:  lpsw    waitio-base(%r12)
        .align  8
waitio: .long   0x80020000,0            # channel 0, wait
done:   .long   0x00020000,0x0000F00F
chain:  .long   0x8B000000,0x60000001   # skip to channel 1 immediate; CC, SLI
        .long   0x09000000+line1,0x40000000+len1   # write, space 1
        .long   0x09000000+line2,0x00000000+len2
line1:  .byte   0xC4,0xC5,0xC4,0xC9,0xC3,0xC1,0xE3,0xC5,0xC4,0x40,0xD7,0xD9,0xC9,0xD5,0xE3,0xC5,0xD9
        .set    len1, . - line1        # "DEDICATED PRINTER"
line2:  .byte   0xD3,0xC9,0xD5,0xC5,0x40,0xE3,0xE6,0xD6 # "LINE TWO"
        .set    len2, . - line2
