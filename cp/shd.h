/* shd.h: shadow tables. A guest that turns on its own DAT runs under a
 * second ESA/390 space of CP's (vm_shadow) whose page-table entries map
 * the guest's virtual pages straight to the real frames that hold the
 * guest real pages its own tables name. The entries start invalid and are
 * filled one page at a time as the guest touches them (shd_fault).
 *
 * They stay consistent the way a System/370's TLB does: the architecture
 * lets a guest count on a changed table entry only after PTLB (or after
 * loading CR0 or CR1), and CP empties the shadow at exactly those points.
 * When CP itself takes a frame from under a guest real page (paging,
 * DIAGNOSE X'10', reset), the shadow entries for that frame go too. */
#ifndef CP_SHD_H
#define CP_SHD_H

#include <stdint.h>
#include <stdbool.h>

struct vmblok;

#define SHD_STOPPED (-2)

/* 2K guest pages whose halves one 4K page cannot hold (shd.c) are given,
 * for the one instruction that needs them, a frame of their own holding
 * copies of both halves, the instruction is run alone under PER, and the
 * copies go back. An instruction may need a few such pages at once. */
#define SHD_COMPOSITES 4
#define SHD_PSW_PER    0x40000000u    /* real PSW bit 1: PER events on */
#define SHD_NO_HALF    0xFFFFFFFFu

struct shd_comp {
    uint32_t sc_va;          /* the virtual 4K page */
    uint32_t sc_frame;       /* the stand-in frame */
    uint32_t sc_ra[2];       /* guest real address of each half, or SHD_NO_HALF */
};

/* While vm_ncomp is not 0 the stand-ins are in use and the guest runs
 * under PER. When the instruction is over (or did not start): copy the
 * stand-ins' halves back into guest real storage (copy_back) and drop
 * them. */
void shd_step_end(struct vmblok *vm, bool copy_back);

/* CR1 to run the guest under while its DAT is on, emptying the shadow
 * first if CR0's translation format or CR1 changed; 0 when CP has no
 * frame for the tables (the machine is then stopped, with SHD002E). */
uint32_t shd_std(struct vmblok *vm);
/* A translation exception under the shadow at virtual page va: 0 filled
 * (retry), -1 the machine waits for a page-in, SHD_STOPPED the machine was
 * stopped (CP has said why), else the program-interruption code to
 * reflect (a translation exception has stored its address already). */
int  shd_fault(struct vmblok *vm, uint32_t va);
/* Forget every shadow entry (guest PTLB, CR0/CR1 change, reset). */
void shd_purge(struct vmblok *vm);
/* Guest real storage lost this frame: drop the entries that map it. The
 * caller purges the real TLB. */
void shd_drop_frame(struct vmblok *vm, uint32_t frame);
/* Give the shadow tables' frames back (LOGOFF, DEFINE STORAGE). */
void shd_destroy(struct vmblok *vm);

#endif
