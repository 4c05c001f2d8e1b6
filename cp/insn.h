/* insn.h: decoding a System/370 instruction into its fields (pure;
 * host-tested). Formats as GA22-7000 names them:
 *   RR  |op|R1 R2|
 *   RX  |op|R1 X2|B2 D2 (12)|
 *   RS  |op|R1 R3|B2 D2|
 *   SI  |op|  I2 |B1 D1|
 *   S   |op  op2 |B2 D2|        (B2xx, and 9C-9F whose second byte selects)
 *   SS  |op|R1 R3|B1 D1|B2 D2|  (MVCP/MVCS form)
 */
#ifndef CP_INSN_H
#define CP_INSN_H

#include <stdint.h>
#include <stddef.h>

enum insn_fmt { FMT_RR, FMT_RX, FMT_RS, FMT_SI, FMT_S, FMT_SS };

struct insn {
    uint8_t  in_op, in_op2;        /* op2: second byte in S format */
    uint8_t  in_len;               /* bytes: 2, 4 or 6 */
    uint8_t  in_r1, in_r2, in_r3, in_x2;
    uint8_t  in_b1, in_b2, in_i2;
    uint16_t in_d1, in_d2;
    uint32_t in_addr;              /* guest address it was fetched from */
};

/* Instruction length from the first opcode byte's two high bits. */
static inline unsigned insn_length(uint8_t op)
{
    return op < 0x40 ? 2 : op < 0xC0 ? 4 : 6;
}

/* Fill in the fields of the instruction in bytes (at least its length)
 * according to fmt. */
void insn_decode(const uint8_t *bytes, enum insn_fmt fmt, struct insn *in);

#endif
