# timerwait.S: a guest that sets its CPU timer to half a second and waits
# for it in an enabled wait (BC mode). The external interruption stores the
# old PSW (with code X'1005') at X'500' and ends in the disabled wait
# X'00020000 00000124'. Under CP the wait must cost no real CPU.
        .text
        .org    0x58
        .long   0x00000000,handler      # external new PSW: BC, disabled
        .org    0x400
start:  basr    %r12,0
base:   lctl    %r0,%r0,cr0-base(%r12)  # CPU-timer subclass only
        spt     half-base(%r12)
        lpsw    waitpsw-base(%r12)      # enabled for external, wait
handler: mvc    0x500(8,%r0),0x18(%r0)  # the external old PSW
        lpsw    done-base(%r12)
        .align  8
waitpsw: .long  0x01020000,0x00000000
done:   .long   0x00020000,0x00000124
half:   .long   0x00000000,0x7A120000   # 500,000 us: the microsecond is bit 51
cr0:    .long   0x00000400
