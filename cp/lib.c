/* lib.c: the C library routines the freestanding nucleus needs: the string
 * functions cplib.h declares and the 64-bit division helpers that gcc calls
 * in 31-bit mode (there is no 31-bit libgcc in Debian's cross compiler, and
 * ESA/390 has no 64-bit divide instruction). */
#include "cplib.h"

/* MVC moves up to 256 bytes in one instruction, where a byte loop takes
 * four per byte: whole 256-byte pieces, then the rest by an EXECUTE of an
 * MVC whose length the EX supplies. MVC goes left to right a byte at a
 * time, which memset relies on (a one-byte overlap repeats the byte). */
static void mvc_run(uint8_t *d, const uint8_t *s, size_t n)
{
    for (; n >= 256; d += 256, s += 256, n -= 256)
        __asm__ volatile("mvc 0(256,%0),0(%1)" : : "a"(d), "a"(s) : "memory");
    if (n)
        __asm__ volatile("bras 1,0f\n\t"
                         "mvc 0(1,%0),0(%1)\n"
                         "0:\tex %2,0(1)"
                         : : "a"(d), "a"(s), "d"(n - 1) : "1", "memory");
}

void *memcpy(void *dst, const void *src, size_t n)
{
    mvc_run(dst, src, n);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    if (n) {
        d[0] = (uint8_t)c;
        mvc_run(d + 1, d, n - 1);
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (uint8_t)*a - (uint8_t)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n && *a && *a == *b; n--, a++, b++)
        ;
    return n ? (unsigned char)*a - (unsigned char)*b : 0;
}

/* Shift-and-subtract division: quotient returned, remainder through rem. */
static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t q = 0, r = 0;
    if (d == 0) {               /* CP never divides by zero; keep it defined */
        if (rem)
            *rem = 0;
        return 0;
    }
    if ((n >> 32) == 0 && (d >> 32) == 0) {
        uint32_t n32 = (uint32_t)n, d32 = (uint32_t)d;
        if (rem)
            *rem = n32 % d32;
        return n32 / d32;
    }
    for (int i = 63; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= (uint64_t)1 << i;
        }
    }
    if (rem)
        *rem = r;
    return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t  __divdi3(int64_t n, int64_t d);
int64_t  __moddi3(int64_t n, int64_t d);

uint64_t __udivdi3(uint64_t n, uint64_t d) { return udivmod64(n, d, NULL); }

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    udivmod64(n, d, &r);
    return r;
}

int64_t __divdi3(int64_t n, int64_t d)
{
    int neg = (n < 0) != (d < 0);
    uint64_t q = udivmod64(n < 0 ? -(uint64_t)n : (uint64_t)n,
                           d < 0 ? -(uint64_t)d : (uint64_t)d, NULL);
    return neg ? -(int64_t)q : (int64_t)q;
}

int64_t __moddi3(int64_t n, int64_t d)
{
    uint64_t r;
    udivmod64(n < 0 ? -(uint64_t)n : (uint64_t)n,
              d < 0 ? -(uint64_t)d : (uint64_t)d, &r);
    return n < 0 ? -(int64_t)r : (int64_t)r;
}
