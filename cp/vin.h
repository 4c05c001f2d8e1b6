/* vin.h: interruptions reflected to a virtual System/370 through its own
 * low storage, as the hardware would present them (GA22-7000,
 * "Interruptions"): the old PSW stored at the class's old-PSW location, the
 * interruption code in the old PSW (BC mode) or at X'84'-X'8F' (EC mode),
 * and the new PSW loaded from the class's new-PSW location. */
#ifndef CP_VIN_H
#define CP_VIN_H

#include <stdint.h>
#include <stdbool.h>

struct vmblok;

/* Guest low-storage locations (S/370). */
#define V_EXT_OLD   0x18
#define V_SVC_OLD   0x20
#define V_PGM_OLD   0x28
#define V_MCK_OLD   0x30
#define V_IO_OLD    0x38
#define V_CSW       0x40
#define V_CAW       0x48
#define V_TIMER     0x50
#define V_EXT_NEW   0x58
#define V_SVC_NEW   0x60
#define V_PGM_NEW   0x68
#define V_MCK_NEW   0x70
#define V_IO_NEW    0x78
#define V_EXT_CPU   0x84
#define V_EXT_CODE  0x86
#define V_SVC_ILC   0x89
#define V_SVC_CODE  0x8A
#define V_PGM_ILC   0x8D
#define V_PGM_CODE  0x8E
#define V_TRANS_EXC 0x90
#define V_IO_ADDR   0xBA
#define V_MCK_CODE  0xE8

/* External interruption codes. */
#define EXT_ITIMER  0x0080
#define EXT_KEY     0x0040
#define EXT_CLKCMP  0x1004
#define EXT_CPUTMR  0x1005

/* Reflect now (the machine takes the interruption). ilc in halfwords. */
void vin_program(struct vmblok *vm, unsigned code, unsigned ilc);
void vin_svc(struct vmblok *vm, unsigned code, unsigned ilc);
void vin_external(struct vmblok *vm, unsigned code);
/* A machine check: the interruption code (8 bytes) goes to X'E8'. */
void vin_machine_check(struct vmblok *vm, const uint8_t code[8]);
/* An I/O interruption from device addr (the CSW is already at X'40'). */
void vin_io(struct vmblok *vm, unsigned addr);
/* A system reset of the CPU (GA22-7000 "Resets"): PSW zero, control
 * registers to their reset values, no interruption pending, timers reset,
 * devices idle. */
void vin_reset(struct vmblok *vm);

/* Present the highest-priority pending interruption the PSW and control
 * registers allow; true if one was taken. */
bool vin_deliver(struct vmblok *vm);

/* The VM_EXT_* reasons the guest's CR0 lets in as interruptions (the
 * others wait, however its PSW is masked). */
uint8_t vin_ext_subclasses(const struct vmblok *vm);

/* Load a PSW the guest supplied (LPSW, new PSWs). false: it was invalid;
 * a specification exception has been reflected (or, if the program new
 * PSW itself is invalid, the machine is stopped with a message). */
bool vin_load_psw(struct vmblok *vm, const uint8_t raw[8], bool from_pgm_new);

#endif
