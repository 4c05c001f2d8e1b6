/* vmoff.h: the offsets of the VMBLOK fields the assembler fast path
 * (pvfasm.S) reads and writes. Plain #defines for the .S file; pvfrun.c
 * checks each against offsetof at compile time, so a change to struct
 * vmblok or struct vpsw that moves one fails the build instead of the
 * guest. The LPSW path stores the whole struct vpsw, bytes 208-223, with
 * one STM of four words laid out as these offsets say. */
#ifndef CP_HW_VMOFF_H
#define CP_HW_VMOFF_H

#define VM_SYSMASK     208      /* vm_psw.ps_sysmask (uint8_t) */
#define VM_KEY         209      /* vm_psw.ps_key (uint8_t) */
#define VM_EC          210      /* vm_psw.ps_ec (bool, one byte) */
#define VM_MCK         211      /* vm_psw.ps_mck (bool) */
#define VM_WAIT        212      /* vm_psw.ps_wait (bool) */
#define VM_PROB        213      /* vm_psw.ps_prob (bool) */
#define VM_INTCODE     214      /* vm_psw.ps_intcode (uint16_t) */
#define VM_ILC         216      /* vm_psw.ps_ilc (uint8_t) */
#define VM_CC          217      /* vm_psw.ps_cc (uint8_t) */
#define VM_PGMMASK     218      /* vm_psw.ps_pgmmask (uint8_t) */
#define VM_ADDR        220      /* vm_psw.ps_addr (uint32_t) */
#define VM_EXTPEND     290      /* vm_ext_pending (uint8_t) */
#define VM_IOPEND      1228     /* vm_io_pending (bool) */
#define VM_DEVBITS     1229     /* vm_devbits[32] */

/* LPSW's tables (pvfrun.c pvf_lpsw_tabs): the CC byte's 256 rows of 8
 * bytes, then byte 1's 256 rows of 16, here, so one base reaches both. */
#define PVF_LPSW_TAB1_AT 2048

#endif
