/* psw.c: S/370 PSW formats and the real PSW that runs a guest. */
#include "psw.h"
#include "fmt.h"

#define B1_EC    0x08u
#define B1_MCK   0x04u
#define B1_WAIT  0x02u
#define B1_PROB  0x01u

bool psw_decode(const uint8_t raw[8], struct vpsw *p)
{
    p->ps_sysmask = raw[0];
    p->ps_key  = raw[1] >> 4;
    p->ps_ec   = (raw[1] & B1_EC) != 0;
    p->ps_mck  = (raw[1] & B1_MCK) != 0;
    p->ps_wait = (raw[1] & B1_WAIT) != 0;
    p->ps_prob = (raw[1] & B1_PROB) != 0;
    p->ps_addr = (uint32_t)raw[5] << 16 | (uint32_t)raw[6] << 8 | raw[7];
    if (p->ps_ec) {
        p->ps_intcode = 0;
        p->ps_ilc = 0;
        p->ps_cc = (raw[2] >> 4) & 3;
        p->ps_pgmmask = raw[2] & 0x0F;
        /* Bits 0, 2-4 and 16-17 and 24-39 must be zero in EC mode. */
        if ((raw[0] & PSW_EC_SYSMASK_ZERO) || (raw[2] & 0xC0) || raw[3] || raw[4])
            return false;
    } else {
        p->ps_intcode = (uint16_t)(raw[2] << 8 | raw[3]);
        p->ps_ilc = raw[4] >> 6;
        p->ps_cc = (raw[4] >> 4) & 3;
        p->ps_pgmmask = raw[4] & 0x0F;
    }
    return true;
}

void psw_encode(const struct vpsw *p, uint8_t raw[8])
{
    raw[0] = p->ps_sysmask;
    raw[1] = (uint8_t)(p->ps_key << 4 | (p->ps_ec ? B1_EC : 0) | (p->ps_mck ? B1_MCK : 0)
                       | (p->ps_wait ? B1_WAIT : 0) | (p->ps_prob ? B1_PROB : 0));
    if (p->ps_ec) {
        raw[2] = (uint8_t)(p->ps_cc << 4 | p->ps_pgmmask);
        raw[3] = 0;
        raw[4] = 0;
    } else {
        raw[2] = (uint8_t)(p->ps_intcode >> 8);
        raw[3] = (uint8_t)p->ps_intcode;
        raw[4] = (uint8_t)(p->ps_ilc << 6 | p->ps_cc << 4 | p->ps_pgmmask);
    }
    raw[5] = (uint8_t)(p->ps_addr >> 16);
    raw[6] = (uint8_t)(p->ps_addr >> 8);
    raw[7] = (uint8_t)p->ps_addr;
}

void psw_text(const struct vpsw *p, char buf[PSW_TEXT_LEN])
{
    uint8_t r[8];
    psw_encode(p, r);
    fmt(buf, PSW_TEXT_LEN, "%02X%02X%02X%02X %02X%02X%02X%02X",
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
}

bool psw_io_enabled(const struct vpsw *p, unsigned ch)
{
    if (p->ps_ec)
        return (p->ps_sysmask & PSW_EC_IO) != 0;
    return ch < 6 ? (p->ps_sysmask & PSW_BC_IO_CHAN(ch)) != 0
                  : (p->ps_sysmask & PSW_BC_IO_REST) != 0;
}

bool psw_ext_enabled(const struct vpsw *p)
{
    return (p->ps_sysmask & PSW_EXT) != 0;
}

/* Real ESA/390 PSW bits for a guest. */
#define REAL_DAT   0x04000000u
#define REAL_IO    0x02000000u
#define REAL_EXT   0x01000000u
#define REAL_B12   0x00080000u
#define REAL_PROB  0x00010000u

void psw_to_real(const struct vpsw *p, uint32_t real[2])
{
    real[0] = REAL_DAT | REAL_IO | REAL_EXT | REAL_B12 | REAL_PROB
              | (uint32_t)p->ps_key << 20 | (uint32_t)p->ps_cc << 12
              | (uint32_t)p->ps_pgmmask << 8;
    real[1] = p->ps_addr & 0x00FFFFFFu;           /* 24-bit addressing mode */
}

void psw_from_real(struct vpsw *p, const uint32_t real[2])
{
    p->ps_cc = (real[0] >> 12) & 3;
    p->ps_pgmmask = (real[0] >> 8) & 0x0F;
    p->ps_addr = real[1] & 0x00FFFFFFu;
}
