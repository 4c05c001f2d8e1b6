# pgmfloor.S: what a trapped instruction costs on bare Hercules in the
# real machine's own mode, with no CP at all: the floor under any CP's
# trap cost. ESA/390, run bare (bench.c): a problem-state loop with DAT on
# (the first megabyte mapped to itself), 24-bit, enabled for I/O and
# external interruptions, as CP runs a guest, issues SSM; the program
# check handler, in supervisor state with DAT off as CP's, goes straight
# back with LPSW of the old PSW (loop 2), or first saves and reloads the
# sixteen registers and copies the PSW, as CP's entry must (loop 3).
# Loop 4 is cpuloop.S's AR + BCT in that same state: against cpuloop's
# bare S/370 run, the most a CP on ESA/390 could make of a CPU-bound guest.
# Result area (X'1000'): C'COMP', 80, then each loop's start and end TOD:
#   0  N0 x BCT          1  N0 x LR + BCT
#   2  N1 x SSM + BCT, bare handler
#   3  N1 x SSM + BCT, saving handler
#   4  N2 x AR + BCT
        .include "timing.inc"
        .text
        .org    0
        .long   0x00080000,0x80000400   # IPL PSW: ESA/390, 31-bit
        .org    0x58                    # new PSWs: external, SVC, program,
        .long   0x00080000,0x80000000+dead      # machine check, I/O
        .long   0x00080000,0x80000000+svch
        .long   0x00080000,0x80000000+pgmh
        .long   0x00080000,0x80000000+dead
        .long   0x00080000,0x80000000+dead
        .org    0x400
start:  basr    %r12,0
s0:     lctl    %c0,%c0,cr0-s0(%r12)
        lctl    %c1,%c1,cr1-s0(%r12)
        la      %r2,0x7FF(%r0)          # segment table at X'2000': entry 0
        la      %r2,0x7FF(%r2)          # -> the page table at X'3000', the
        la      %r2,2(%r2)              # other fifteen invalid
        la      %r3,0(%r2,%r2)
        l       %r4,ste0-s0(%r12)
        st      %r4,0(%r3)
        l       %r4,inv-s0(%r12)
        la      %r5,15(%r0)
        la      %r6,4(%r3)
f1:     st      %r4,0(%r6)
        la      %r6,4(%r6)
        bct     %r5,f1-s0(%r12)
        la      %r6,0(%r2,%r3)          # page table: page n -> frame n
        sr      %r7,%r7
        la      %r5,256(%r0)
f2:     st      %r7,0(%r6)
        la      %r6,4(%r6)
        la      %r7,0(%r2,%r7)
        bct     %r5,f2-s0(%r12)
        spt     tmax-s0(%r12)
        sckc    never-s0(%r12)
        lpsw    prob-s0(%r12)
        .align  8
prob:   .long   0x07090000,ploop        # DAT, I/O, external; problem state
done:   .long   0x000A0000,0x00000000   # the normal wait
deadw:  .long   0x000A0000,0x0000DEAD
tmax:   .long   0x7FFFFFFF,0xFFFFFFFF   # the CPU timer's largest
never:  .long   0xFFFFFFFF,0xFFFFFFFF   # a clock comparator never reached
cr0:    .long   0x00B00C00              # ESA/390 translation format, as CP's
cr1:    .long   0x00002000
ste0:   .long   0x0000300F
inv:    .long   0x00000020
header: .long   0xC3D6D4D7,80
        .align  8
ploop:  basr    %r12,0
b:      la      %r11,0x800(%r0)
        la      %r11,0x800(%r11)        # R11 -> X'1000'
        TIMED   8, n0, b                            # loop 0
        TIMED   24, n0, b, "lr %r5,%r6"             # loop 1
        TIMED   40, n1, b, "ssm mask-b(%r12)"       # loop 2
        mvi     0x7F0,1                 # the handler saves from now on
        TIMED   56, n1, b, "ssm mask-b(%r12)"       # loop 3
        sr      %r4,%r4
        TIMED   72, n2, b, "ar %r4,%r3"             # loop 4
        mvc     0(8,%r11),header
        svc     0
n0:     .long   50000000
n1:     .long   2000000
n2:     .long   100000000
mask:   .byte   0
        .align  2
svch:   lpsw    done
dead:   lpsw    deadw
pgmh:   cli     0x7F0,1
        je      save
        lpsw    0x28                    # program old PSW: past the SSM
save:   stm     %r0,%r15,0x200
        mvc     0x300(8),0x28
        lm      %r0,%r15,0x200
        lpsw    0x300
