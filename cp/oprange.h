/* oprange.h: the storage an instruction may touch (pure; host-tested).
 * The shadow tables need it for 2K guest pages: the real machine reports
 * a translation exception only to the 4K page, and when the two 2K halves
 * of that page differ CP must know which half the instruction used.
 * Lengths are upper bounds (an RX operand of unknown width counts 8
 * bytes): enough to tell halves apart, and safe, since a half counted in
 * needlessly only costs the guest an exception it will retry. */
#ifndef CP_OPRANGE_H
#define CP_OPRANGE_H

#include <stdint.h>

#define OPRANGE_MAX 3

struct oprange {
    uint32_t or_addr;       /* 24-bit logical address */
    uint32_t or_len;        /* bytes, at least 1 */
};

/* Operand ranges of the instruction in insn (6 bytes, as fetched) with
 * general registers gr: how many (0 to OPRANGE_MAX), or -1 when the
 * instruction is not one this table knows (assume any storage). The
 * instruction's own bytes are not included. */
int oprange_of(const uint8_t insn[6], const uint32_t gr[16], struct oprange out[OPRANGE_MAX]);

#endif
