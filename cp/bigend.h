/* bigend.h: big-endian fields in on-disk and architected formats, byte by
 * byte, so the same code reads them on the host and on the mainframe. */
#ifndef CP_BIGEND_H
#define CP_BIGEND_H

#include <stdint.h>

static inline void be_put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline void be_put32(uint8_t *p, uint32_t v)
{
    be_put16(p, v >> 16);
    be_put16(p + 2, v);
}

static inline uint32_t be_get16(const uint8_t *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static inline uint32_t be_get32(const uint8_t *p)
{
    return be_get16(p) << 16 | be_get16(p + 2);
}

#endif
