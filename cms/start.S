/* start.S: the CMS nucleus entry point. CP's IPL has loaded the nucleus
 * through the bootstrap on the system disk and loaded the IPL PSW: BC mode,
 * disabled, key 0, supervisor, 24-bit addressing. Clear BSS, set up the
 * stack and enter C; the IPL device's address is at X'02'. */
        .section .text.start,"ax"
        .globl  _start
_start:
        larl    %r2,__bss_start
        larl    %r3,__bss_end
        sr      %r3,%r2
        sr      %r4,%r4
        sr      %r5,%r5
        mvcl    %r2,%r4
        larl    %r15,cms_stack_top
        ahi     %r15,-96
        xc      0(4,%r15),0(%r15)
        brasl   %r14,cms_main
        larl    %r1,cms_stopped
        lpsw    0(%r1)

        .section .rodata
        .align  8
cms_stopped:
        .long   0x00020000,0x00000C35   /* disabled wait: cms_main returned */

        .section .bss.stack,"aw",@nobits
        .align  8
        .space  32768
        .globl  cms_stack_top
cms_stack_top:

        .section .note.GNU-stack,"",@progbits
