/* insn.c: instruction field decoding. */
#include "insn.h"

void insn_decode(const uint8_t *b, enum insn_fmt fmt, struct insn *in)
{
    in->in_op = b[0];
    in->in_op2 = 0;
    in->in_len = (uint8_t)insn_length(b[0]);
    in->in_r1 = in->in_r2 = in->in_r3 = in->in_x2 = 0;
    in->in_b1 = in->in_b2 = in->in_i2 = 0;
    in->in_d1 = in->in_d2 = 0;
    uint8_t hi = b[1] >> 4, lo = b[1] & 0x0F;
    switch (fmt) {
    case FMT_RR:
        in->in_r1 = hi;
        in->in_r2 = lo;
        return;
    case FMT_RX:
        in->in_r1 = hi;
        in->in_x2 = lo;
        break;
    case FMT_RS:
        in->in_r1 = hi;
        in->in_r3 = lo;
        break;
    case FMT_SI:
        in->in_i2 = b[1];
        in->in_b1 = b[2] >> 4;
        in->in_d1 = (uint16_t)((b[2] & 0x0F) << 8 | b[3]);
        return;
    case FMT_S:
        in->in_op2 = b[1];
        break;
    case FMT_SS:
        in->in_r1 = hi;
        in->in_r3 = lo;
        in->in_b1 = b[2] >> 4;
        in->in_d1 = (uint16_t)((b[2] & 0x0F) << 8 | b[3]);
        in->in_b2 = b[4] >> 4;
        in->in_d2 = (uint16_t)((b[4] & 0x0F) << 8 | b[5]);
        return;
    }
    in->in_b2 = b[2] >> 4;
    in->in_d2 = (uint16_t)((b[2] & 0x0F) << 8 | b[3]);
}
