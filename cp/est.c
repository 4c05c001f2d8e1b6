/* est.c: ESA/390 segment and page tables for a 16M space (see est.h). */
#include "est.h"
#include "frm.h"
#include "cplib.h"

#define STE_PTL_FULL 0x0000000Fu     /* 256 entries */
#define PT_BYTES     1024u           /* 256 entries of 4 bytes */
#define IN_SEGFRAME  3u              /* page tables sharing the segment table's frame */
#define PER_FRAME    4u

static uintptr_t frame_of(const void *p)
{
    return (uintptr_t)p & ~(uintptr_t)(FRAME_SIZE - 1);
}

int est_create(struct est *t)
{
    memset(t->es_ptab, 0, sizeof t->es_ptab);
    t->es_segtab = frm_alloc();
    if (!t->es_segtab)
        return -1;
    for (unsigned s = 0; s < EST_SEGS; s++)
        t->es_segtab[s] = EST_STE_INVALID;
    return 0;
}

uint32_t *est_page_table(struct est *t, unsigned s)
{
    if (t->es_ptab[s])
        return t->es_ptab[s];
    uint8_t *base;
    unsigned slot;
    if (s < IN_SEGFRAME) {
        base = (uint8_t *)t->es_segtab;
        slot = s + 1;
    } else {
        unsigned first = IN_SEGFRAME + (s - IN_SEGFRAME) / PER_FRAME * PER_FRAME;
        slot = (s - IN_SEGFRAME) % PER_FRAME;
        base = NULL;
        for (unsigned u = first; u < first + PER_FRAME && u < EST_SEGS; u++)
            if (t->es_ptab[u])
                base = (uint8_t *)frame_of(t->es_ptab[u]);
        if (!base && !(base = frm_alloc()))
            return NULL;
    }
    uint32_t *pt = (uint32_t *)(base + slot * PT_BYTES);
    for (unsigned i = 0; i < EST_PAGES; i++)
        pt[i] = EST_PTE_INVALID;
    t->es_ptab[s] = pt;
    t->es_segtab[s] = (uint32_t)(uintptr_t)pt | STE_PTL_FULL;
    return pt;
}

void est_destroy(struct est *t)
{
    for (unsigned s = IN_SEGFRAME; s < EST_SEGS; s++) {
        uintptr_t f = frame_of(t->es_ptab[s]);
        if (!f)
            continue;
        for (unsigned u = s; u < EST_SEGS; u++)
            if (frame_of(t->es_ptab[u]) == f)
                t->es_ptab[u] = NULL;
        frm_free((void *)f);
    }
    memset(t->es_ptab, 0, sizeof t->es_ptab);
    frm_free(t->es_segtab);
    t->es_segtab = NULL;
}

uint32_t *est_pte(const struct est *t, uint32_t a)
{
    uint32_t *pt = t->es_ptab[(a >> 20) & (EST_SEGS - 1)];
    return pt ? &pt[(a >> 12) & (EST_PAGES - 1)] : NULL;
}

uint32_t est_std(const struct est *t)
{
    return (uint32_t)(uintptr_t)t->es_segtab;
}
