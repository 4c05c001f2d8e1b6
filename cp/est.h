/* est.h: an ESA/390 address space of 16 one-megabyte segments (the whole
 * 24-bit space a System/370 guest addresses), as CP builds it twice for
 * each guest: once for guest real storage (vst.c) and once as the shadow
 * of the guest's own DAT tables (shd.c).
 *
 * ESA/390 formats (SA22-7201, "Dynamic Address Translation"):
 *  CR1 (STD):   |0| segment-table origin (bits 1-19) |...| STL (25-31) |
 *  segment-table entry: |0| page-table origin (1-25) |I|C| PTL (28-31) |
 *  page-table entry:    |0| frame (1-19) |0|I|P|0...|   I = X'400', P = X'200'
 * The segment table (16 entries, 64 bytes) sits at the start of a frame
 * whose other three kilobytes hold the page tables of segments 0-2; further
 * page tables come four to a frame. A 1M space therefore costs one frame.
 */
#ifndef CP_EST_H
#define CP_EST_H

#include <stdint.h>

#define EST_SEGS        16u
#define EST_PAGES       256u          /* 4K pages to a 1M segment */
#define EST_STE_INVALID 0x00000020u
#define EST_PTE_INVALID 0x00000400u
#define EST_PTE_PROTECT 0x00000200u
#define EST_PTE_FRAME   0x7FFFF000u

struct est {
    uint32_t *es_segtab;              /* NULL: not built */
    uint32_t *es_ptab[EST_SEGS];      /* page table of each segment, or NULL */
};

/* A segment table with every segment invalid; 0, or -1 with no frame. */
int  est_create(struct est *t);
/* Segment s's page table (every page invalid when new), its segment-table
 * entry made valid; NULL with no frame left. */
uint32_t *est_page_table(struct est *t, unsigned s);
/* Give the table frames back (the pages they map are the caller's). */
void est_destroy(struct est *t);
/* The page-table entry of address a, or NULL when its segment has none. */
uint32_t *est_pte(const struct est *t, uint32_t a);
/* CR1 for this space: STL 0, 16 entries. */
uint32_t est_std(const struct est *t);

#endif
