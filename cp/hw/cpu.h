/* cpu.h: inline wrappers for the privileged instructions CP issues itself.
 * Each returns the condition code where the instruction sets one.
 * References: ESA/390 Principles of Operation (SA22-7201), chapters 10 and 14.
 */
#ifndef CP_HW_CPU_H
#define CP_HW_CPU_H

#include <stdint.h>

struct schib;
struct orb;
struct irb;

static inline int cpu_cc(void)
{
    int cc;
    __asm__ volatile("ipm %0\n\tsrl %0,28" : "=d"(cc) : : "cc");
    return cc;
}

/* STORE SUBCHANNEL: cc 0 stored, 3 not operational. */
static inline int cpu_stsch(uint32_t sid, struct schib *s)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("stsch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc) : "d"(r1), "a"(s) : "cc", "memory");
    return cc;
}

/* MODIFY SUBCHANNEL: cc 0 done, 1 status pending, 2 busy, 3 not operational. */
static inline int cpu_msch(uint32_t sid, const struct schib *s)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("msch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc) : "d"(r1), "a"(s) : "cc", "memory");
    return cc;
}

/* START SUBCHANNEL: cc 0 started, 1 status pending, 2 busy, 3 not operational. */
static inline int cpu_ssch(uint32_t sid, const struct orb *o)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("ssch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc) : "d"(r1), "a"(o) : "cc", "memory");
    return cc;
}

/* TEST SUBCHANNEL: cc 0 status was pending (IRB stored), 1 not pending,
 * 3 not operational. */
static inline int cpu_tsch(uint32_t sid, struct irb *i)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("tsch 0(%2)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc) : "d"(r1), "a"(i) : "cc", "memory");
    return cc;
}

/* STORE CLOCK: the TOD clock; bit 51 ticks once a microsecond. */
static inline uint64_t cpu_stck(void)
{
    uint64_t tod;
    __asm__ volatile("stck %0" : "=Q"(tod) : : "cc");
    return tod;
}

/* STORE CPU ADDRESS. */
static inline uint16_t cpu_stap(void)
{
    uint16_t a;
    __asm__ volatile("stap %0" : "=Q"(a));
    return a;
}

/* SIGNAL PROCESSOR with order and parameter; returns cc, status in *status. */
static inline int cpu_sigp(uint16_t addr, uint32_t order, uint32_t *status)
{
    register uint32_t r1 __asm__("1") = 0;
    int cc;
    __asm__ volatile("sigp %1,%2,0(%3)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc), "+d"(r1) : "d"((uint32_t)addr), "a"(order)
                     : "cc", "memory");
    if (status)
        *status = r1;
    return cc;
}

/* LOAD CONTROL of one register; the register number must be a constant. */
#define cpu_lctl(cr, v) do {                                            \
        uint32_t cpu_lctl_v_ = (v);                                     \
        __asm__ volatile("lctl " #cr "," #cr ",%0" : : "Q"(cpu_lctl_v_)); \
    } while (0)

#endif
