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

/* HALT SUBCHANNEL: cc 0 initiated, 1 status pending, 2 busy (halt or
 * clear under way), 3 not operational. */
static inline int cpu_hsch(uint32_t sid)
{
    register uint32_t r1 __asm__("1") = sid;
    int cc;
    __asm__ volatile("hsch\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "d"(r1) : "cc", "memory");
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

/* Storage keys of a real 4K frame: SET STORAGE KEY EXTENDED, INSERT
 * STORAGE KEY EXTENDED (key byte KKKKFRC0), RESET REFERENCE BIT EXTENDED
 * (returns the cc: 0 R=0 C=0, 1 R=0 C=1, 2 R=1 C=0, 3 R=1 C=1). */
static inline void cpu_sske(uint32_t frame, uint8_t key)
{
    __asm__ volatile("sske %0,%1" : : "d"((uint32_t)key), "a"(frame) : "memory");
}

static inline uint8_t cpu_iske(uint32_t frame)
{
    uint32_t k = 0;
    __asm__ volatile("iske %0,%1" : "+d"(k) : "a"(frame));
    return (uint8_t)k;
}

static inline int cpu_rrbe(uint32_t frame)
{
    int cc;
    __asm__ volatile("rrbe 0,%1\n\tipm %0\n\tsrl %0,28" : "=d"(cc) : "a"(frame) : "cc");
    return cc;
}

/* LOAD REAL ADDRESS through the current CR1: cc 0 and the real address,
 * or 1-3 when the segment or page is not there (SA22-7201, "Load Real
 * Address"). CP runs with DAT off, so CR1 still holds the guest's. */
static inline int cpu_lra(uint32_t la, uint32_t *ra)
{
    uint32_t r;
    int cc;
    __asm__ volatile("lra %0,0(%2)\n\tipm %1\n\tsrl %1,28"
                     : "=&d"(r), "=&d"(cc) : "a"(la) : "cc");
    *ra = r;
    return cc;
}

/* CPU timer and clock comparator (TOD format: bit 51 is a microsecond). */
static inline void cpu_spt(int64_t v)
{
    __asm__ volatile("spt %0" : : "Q"(v));
}

static inline int64_t cpu_stpt(void)
{
    int64_t v;
    __asm__ volatile("stpt %0" : "=Q"(v));
    return v;
}

static inline void cpu_sckc(uint64_t v)
{
    __asm__ volatile("sckc %0" : : "Q"(v));
}

/* The guest-visible registers CP itself never uses (it is built with
 * -msoft-float and touches no access register): floating-point registers
 * 0, 2, 4, 6 and the 16 access registers, switched between guests. */
static inline void cpu_save_fpr(uint64_t f[4])
{
    __asm__ volatile("std 0,0(%0)\n\tstd 2,8(%0)\n\tstd 4,16(%0)\n\tstd 6,24(%0)"
                     : : "a"(f) : "memory");
}

static inline void cpu_load_fpr(const uint64_t f[4])
{
    __asm__ volatile("ld 0,0(%0)\n\tld 2,8(%0)\n\tld 4,16(%0)\n\tld 6,24(%0)"
                     : : "a"(f) : "memory");
}

static inline void cpu_save_ar(uint32_t a[16])
{
    __asm__ volatile("stam 0,15,0(%0)" : : "a"(a) : "memory");
}

static inline void cpu_load_ar(const uint32_t a[16])
{
    __asm__ volatile("lam 0,15,0(%0)" : : "a"(a) : "memory");
}

/* Purge the TLBs of every processor, after CP changes or reuses
 * page-table entries: COMPARE AND SWAP AND PURGE on a word of its own
 * (the swap always succeeds), with the purge-TLB bit. PTLB would purge
 * only this processor's, while the other may be running the guest. */
static inline void cpu_ptlb(void)
{
    static uint32_t word;
    register uint32_t r0 __asm__("0") = word;
    register uint32_t r1 __asm__("1") = word;
    register uint32_t r2 __asm__("2") = (uint32_t)(uintptr_t)&word | 1u;
    __asm__ volatile("csp %0,%2" : "+d"(r0) : "d"(r1), "a"(r2) : "cc", "memory");
}

/* DIAGNOSE X'44', voluntary time-slice end: Hercules' CPU thread yields
 * its host core (sched_yield). For loops that wait on something else: the
 * CP lock held by the other processor, a subchannel's status. Without it
 * two processors spinning take both host cores from the device threads
 * that would end the wait. */
static inline void cpu_yield(void)
{
    __asm__ volatile(".insn rs,0x83000000,0,0,0x44(0)" : : : "memory");
}

/* SIGNAL PROCESSOR with a parameter (SET PREFIX); returns the cc. */
static inline int cpu_sigp_parm(uint16_t addr, uint32_t order, uint32_t parm)
{
    register uint32_t r1 __asm__("1") = parm;
    int cc;
    __asm__ volatile("sigp %1,%2,0(%3)\n\tipm %0\n\tsrl %0,28"
                     : "=d"(cc), "+d"(r1) : "d"((uint32_t)addr), "a"(order)
                     : "cc", "memory");
    return cc;
}

/* All sixteen control registers, out and in. */
static inline void cpu_stctl_all(uint32_t cr[16])
{
    __asm__ volatile("stctl 0,15,0(%0)" : : "a"(cr) : "memory");
}

static inline void cpu_lctl_all(const uint32_t cr[16])
{
    __asm__ volatile("lctl 0,15,0(%0)" : : "a"(cr) : "memory");
}

/* LOAD CONTROL of one register; the register number must be a constant. */
#define cpu_lctl(cr, v) do {                                            \
        uint32_t cpu_lctl_v_ = (v);                                     \
        __asm__ volatile("lctl " #cr "," #cr ",%0" : : "Q"(cpu_lctl_v_)); \
    } while (0)

#endif
