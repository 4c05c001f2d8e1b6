/* dat370.c: System/370 address translation (see dat370.h). */
#include "dat370.h"

#define CR0_PAGE_MASK  0x00C00000u
#define CR0_PAGE_2K    0x00400000u
#define CR0_PAGE_4K    0x00800000u
#define CR0_SEG_MASK   0x00380000u
#define CR0_SEG_64K    0x00000000u
#define CR0_SEG_1M     0x00100000u
#define STD_STL        0xFF000000u
#define STD_STO        0x00FFFFC0u
#define STE_PTL        0xF0000000u
#define STE_RESERVED   0x0F000000u
#define STE_PTO        0x00FFFFF8u
#define STE_PROT       0x00000004u
#define STE_INVALID    0x00000001u
#define PTE4K_FRAME    0xFFF0u
#define PTE4K_INVALID  0x0008u
#define PTE2K_FRAME    0xFFF8u
#define PTE2K_INVALID  0x0004u
#define PTE2K_RESERVED 0x0002u

enum dat370_status dat370_translate(uint32_t cr0, uint32_t cr1, uint32_t vaddr,
                                    const struct dat370_mem *m, struct dat370_result *r)
{
    uint32_t page = cr0 & CR0_PAGE_MASK, seg = cr0 & CR0_SEG_MASK;
    if ((page != CR0_PAGE_2K && page != CR0_PAGE_4K) || (seg != CR0_SEG_64K && seg != CR0_SEG_1M))
        return DAT_SPEC;
    bool big = seg == CR0_SEG_1M, k4 = page == CR0_PAGE_4K;
    vaddr &= 0x00FFFFFFu;
    r->dr_protect = false;

    /* Segment table: index = segment number; the length is in units of
     * 16 entries (64 bytes), so compare the index's high bits with STL. */
    uint32_t sx = big ? vaddr >> 20 : vaddr >> 16;
    uint32_t ste_addr = (cr1 & STD_STO) + sx * 4;
    r->dr_addr = ste_addr;
    if ((sx >> 4) > (cr1 & STD_STL) >> 24)
        return DAT_SEG_LENGTH;
    uint32_t ste;
    if (m->dm_word(m->dm_ctx, ste_addr, &ste))
        return DAT_ADDRESSING;
    if (ste & STE_INVALID)
        return DAT_SEG_INVALID;
    if (ste & STE_RESERVED)
        return DAT_SPEC;
    r->dr_protect = (ste & STE_PROT) != 0;

    /* Page table: the length is in sixteenths of a full table, compared
     * with the high four bits of the page index. */
    uint32_t offset_in_seg = big ? vaddr & 0x000FFFFFu : vaddr & 0x0000FFFFu;
    uint32_t px = offset_in_seg >> (k4 ? 12 : 11);
    uint32_t npages = (big ? 0x100000u : 0x10000u) >> (k4 ? 12 : 11);
    uint32_t pte_addr = (ste & STE_PTO) + px * 2;
    r->dr_addr = pte_addr;
    if (px / (npages / 16) > (ste & STE_PTL) >> 28)
        return DAT_PAGE_LENGTH;
    uint16_t pte;
    if (m->dm_half(m->dm_ctx, pte_addr, &pte))
        return DAT_ADDRESSING;
    if (k4) {
        if (pte & PTE4K_INVALID)
            return DAT_PAGE_INVALID;
        r->dr_addr = ((uint32_t)(pte & PTE4K_FRAME) << 8) | (vaddr & 0xFFFu);
    } else {
        if (pte & PTE2K_INVALID)
            return DAT_PAGE_INVALID;
        if (pte & PTE2K_RESERVED)
            return DAT_SPEC;
        r->dr_addr = ((uint32_t)(pte & PTE2K_FRAME) << 8) | (vaddr & 0x7FFu);
    }
    return DAT_OK;
}
