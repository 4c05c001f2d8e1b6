/* dat370.h: System/370 dynamic address translation as a guest's own tables
 * define it (GA22-7000, "Dynamic Address Translation"); pure, host-tested.
 * Used by LRA now and by the shadow tables of [Storage and scheduling].
 *
 *  CR0 bits 8-9 page size:    01 2K, 10 4K      bits 10-12 segment size: 000 64K, 010 1M
 *  CR1:  | STL (8) | segment-table origin (18, 64-byte units) |
 *  STE:  | PTL (4) | 0000 | page-table origin (bits 8-28) |0|P|C|I|
 *  PTE (halfword), 4K pages: | frame (12) |I|x x|0|    2K pages: | frame (13) |I|0 0|
 */
#ifndef CP_DAT370_H
#define CP_DAT370_H

#include <stdint.h>
#include <stdbool.h>

enum dat370_status {
    DAT_OK,              /* addr: the real address */
    DAT_SEG_INVALID,     /* addr: the segment-table entry's address */
    DAT_PAGE_INVALID,    /* addr: the page-table entry's address */
    DAT_SEG_LENGTH,      /* addr: where the entry would be */
    DAT_PAGE_LENGTH,
    DAT_SPEC,            /* translation-specification exception */
    DAT_ADDRESSING,      /* a table lies outside real storage */
};

/* Reads of the guest's real storage: 0, or nonzero when out of range. */
struct dat370_mem {
    int (*dm_word)(void *ctx, uint32_t addr, uint32_t *v);
    int (*dm_half)(void *ctx, uint32_t addr, uint16_t *v);
    void *dm_ctx;
};

struct dat370_result {
    uint32_t dr_addr;
    bool     dr_protect;      /* segment protection bit */
};

enum dat370_status dat370_translate(uint32_t cr0, uint32_t cr1, uint32_t vaddr,
                                    const struct dat370_mem *m, struct dat370_result *r);

#endif
