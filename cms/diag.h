/* diag.h: CMS's calls to CP, the DIAGNOSE codes (docs/diagnose.md). Each
 * returns the condition code; results come back through the pointers. */
#ifndef CMS_DIAG_H
#define CMS_DIAG_H

#include <stdint.h>

/* X'08': a CP command. With resp, the response goes there (EBCDIC lines,
 * X'15' after each) and *resplen gets its length (or the bytes that did
 * not fit, cc 1); without, to the console. *rc: CP's return code. */
static inline int diag_cpcmd(const uint8_t *cmd, uint32_t len, uint8_t *resp, uint32_t cap,
                             uint32_t *resplen, uint32_t *rc)
{
    register uint32_t rx __asm__("2") = (uint32_t)(uintptr_t)cmd;
    register uint32_t rx1 __asm__("3") = (uint32_t)(uintptr_t)resp;
    register uint32_t ry __asm__("4") = len | (resp ? 0x40000000u : 0);
    register uint32_t ry1 __asm__("5") = cap;
    int cc;
    __asm__ volatile(".insn rs,0x83000000,%2,%4,0x08(%%r0)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc), "+d"(ry1), "+d"(rx), "+d"(rx1), "+d"(ry) : : "cc", "memory");
    if (resplen)
        *resplen = ry1;
    if (rc)
        *rc = ry;
    return cc;
}

/* X'0C': date and time (EBCDIC "MM/DD/YY" "HH:MM:SS") and virtual and total
 * CPU microseconds, into a doubleword-aligned 32-byte area. */
static inline void diag_timer(uint8_t area[32])
{
    register uint32_t rx __asm__("2") = (uint32_t)(uintptr_t)area;
    __asm__ volatile(".insn rs,0x83000000,%0,%0,0x0C(%%r0)" : : "d"(rx) : "memory");
}

/* X'18'/X'20': run the format-0 chain at ccw on device dev to its end.
 * *status gets the CSW's unit status, channel status and residual count. */
static inline int diag_io(unsigned code, uint16_t dev, const void *ccw, uint32_t *status)
{
    register uint32_t rx __asm__("2") = dev;
    register uint32_t ry __asm__("4") = (uint32_t)(uintptr_t)ccw;
    int cc;
    if (code == 0x18)
        __asm__ volatile(".insn rs,0x83000000,%1,%2,0x18(%%r0)\n\tipm %0\n\tsrl %0,28"
                         : "=d"(cc), "+d"(rx), "+d"(ry) : : "cc", "memory");
    else
        __asm__ volatile(".insn rs,0x83000000,%1,%2,0x20(%%r0)\n\tipm %0\n\tsrl %0,28"
                         : "=d"(cc), "+d"(rx), "+d"(ry) : : "cc", "memory");
    if (status)
        *status = ry;
    return cc;
}

/* X'24': device type word and, for a minidisk, its cylinders. cc 3: none. */
static inline int diag_devtype(uint16_t dev, uint32_t *type, uint32_t *cyls)
{
    register uint32_t rx __asm__("2") = dev;
    register uint32_t ry __asm__("4") = 0;
    register uint32_t ry1 __asm__("5") = 0;
    int cc;
    __asm__ volatile(".insn rs,0x83000000,%1,%2,0x24(%%r0)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc), "+d"(rx), "+d"(ry), "+d"(ry1) : : "cc");
    if (type)
        *type = ry;
    if (cyls)
        *cyls = ry1;
    return cc;
}

#endif
