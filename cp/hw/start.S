/* start.S: the nucleus entry point. IPL2 has loaded the nucleus and the
 * machine has loaded the IPL PSW (disabled, supervisor, 31-bit). Clear BSS,
 * set up the stack and enter C. The IPL device's subsystem id is at X'B8'. */
        .section .text.start,"ax"
        .globl  _start
_start:
        larl    %r2,__bss_start
        larl    %r3,__bss_end
        sr      %r3,%r2
        sr      %r4,%r4
        sr      %r5,%r5
        mvcl    %r2,%r4
        larl    %r15,cp_stack_top
        ahi     %r15,-96
        xc      0(4,%r15),0(%r15)
        brasl   %r14,cpi_main
        j       .

        .section .bss.stack,"aw",@nobits
        .align  8
        .space  65536
        .globl  cp_stack_top
cp_stack_top:

        .section .note.GNU-stack,"",@progbits
