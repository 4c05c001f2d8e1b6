# echo.S: a guest that talks to its virtual console (3215 at X'009'):
# it writes a greeting, reads a line, writes it back after "ECHO: ", and
# ends in the disabled wait X'00020000 00000125'. Each I/O ends with an
# I/O interruption it waits for in an enabled wait (BC mode, channel 0).
        .text
        .org    0x78                    # I/O new PSW: BC, disabled
        .long   0x00000000,0x00000000   # (address set before each wait)
        .org    0x400
start:  basr    %r12,0
base:   la      %r2,ccwhello-base(%r12)
        bal     %r14,doio-base(%r12)
        la      %r2,ccwread-base(%r12)
        bal     %r14,doio-base(%r12)
        lh      %r3,0x46(%r0)           # residual count from the CSW
        la      %r4,80
        sr      %r4,%r3                 # bytes read
        sth     %r4,ccwread+6-base(%r12) # (re-used below as a length cell)
        la      %r4,6(%r4)              # "ECHO: " + the line
        sth     %r4,ccwecho+6-base(%r12)
        la      %r2,ccwecho-base(%r12)
        bal     %r14,doio-base(%r12)
        lpsw    done-base(%r12)
# doio: start the channel program at R2 on X'009', wait for its interruption.
doio:   st      %r2,0x48(%r0)           # CAW: key 0, CCW address
        .insn   s,0x9c000000,0x0009(%r0)    # SIO X'009'
        st      %r14,0x7C(%r0)          # I/O new PSW address: back to the caller
        lpsw    waitio-base(%r12)
        .align  8
waitio: .long   0x80020000,0x00000000   # BC: channel 0 enabled, wait
done:   .long   0x00020000,0x00000125
ccwhello: .long 0x09000000+hello, 0x20000000+hellolen
ccwread:  .long 0x0A000000+line, 0x20000050     # read 80, SLI
ccwecho:  .long 0x09000000+echo, 0x20000000
hello:  .byte   0xC8,0xC5,0xD3,0xD3,0xD6,0x40,0xC6,0xD9,0xD6,0xD4,0x40,0xE3,0xC8,0xC5,0x40,0xC7,0xE4,0xC5,0xE2,0xE3
        .set    hellolen, . - hello     # "HELLO FROM THE GUEST" in EBCDIC
echo:   .byte   0xC5,0xC3,0xC8,0xD6,0x7A,0x40   # "ECHO: "
line:   .space  80
