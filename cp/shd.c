/* shd.c: shadow tables (see shd.h).
 *
 * With 4K guest pages a shadow entry is one guest page. With 2K guest
 * pages the real machine's 4K page holds two guest pages, and one entry
 * can stand for both only when they are the two halves of one 4K block of
 * guest real storage, in order, with the same protection: the
 * arrangement a V=R region, or an operating system that allocates 4K at
 * a time, gives. Other arrangements (halves that map apart, or one half
 * invalid) cannot be expressed in ESA/390 tables, and the real exception
 * address does not say which half an instruction touched; CP stops such
 * a machine with SHD001E rather than run it wrongly (docs/paging.md).
 */
#include "shd.h"
#include "vm.h"
#include "vst.h"
#include "gla.h"
#include "est.h"
#include "prv.h"
#include "vmcons.h"
#include "fmt.h"
#include "hw/cpu.h"

#define CR0_DAT_FORMAT 0x00F80000u   /* page size (8-9), segment size (10-12) */
#define CR0_PAGE_MASK  0x00C00000u
#define CR0_PAGE_2K    0x00400000u
#define HALF           0x800u
#define ADDR_24        0x00FFFFFFu

void shd_purge(struct vmblok *vm)
{
    struct est *t = &vm->vm_shadow;
    if (!t->es_segtab || !vm->vm_shsegs)
        return;
    for (unsigned s = 0; s < EST_SEGS; s++) {
        if (!(vm->vm_shsegs & (1u << s)))
            continue;
        for (unsigned i = 0; i < EST_PAGES; i++)
            t->es_ptab[s][i] = EST_PTE_INVALID;
    }
    vm->vm_shsegs = 0;
    cpu_ptlb();
}

uint32_t shd_std(struct vmblok *vm)
{
    struct est *t = &vm->vm_shadow;
    if (!t->es_segtab) {
        if (est_create(t))
            return 0;
        vm->vm_shsegs = 0;
    }
    uint32_t format = vm->vm_cr[0] & CR0_DAT_FORMAT;
    if (format != vm->vm_shcr0 || vm->vm_cr[1] != vm->vm_shcr1) {
        shd_purge(vm);
        vm->vm_shcr0 = format;
        vm->vm_shcr1 = vm->vm_cr[1];
    }
    return est_std(t);
}

void shd_drop_frame(struct vmblok *vm, uint32_t frame)
{
    struct est *t = &vm->vm_shadow;
    if (!t->es_segtab)
        return;
    for (unsigned s = 0; s < EST_SEGS; s++) {
        if (!(vm->vm_shsegs & (1u << s)))
            continue;
        uint32_t *pt = t->es_ptab[s];
        for (unsigned i = 0; i < EST_PAGES; i++)
            if (!(pt[i] & EST_PTE_INVALID) && (pt[i] & EST_PTE_FRAME) == frame)
                pt[i] = EST_PTE_INVALID;
    }
}

void shd_destroy(struct vmblok *vm)
{
    est_destroy(&vm->vm_shadow);
    vm->vm_shsegs = 0;
    vm->vm_shcr0 = vm->vm_shcr1 = 0;
}

static int stop(struct vmblok *vm, const char *why)
{
    vmcons_stop(vm, why);
    return SHD_STOPPED;
}

/* Map virtual page va (4K) to the frame of guest real ra (4K aligned). */
static int map(struct vmblok *vm, uint32_t va, uint32_t ra, bool protect)
{
    if (ra >= vm->vm_size)
        return PGM_ADDRESSING;
    int r = vst_fault(vm, ra);
    if (r)
        return r;
    uint32_t *pt = est_page_table(&vm->vm_shadow, va >> 20);
    if (!pt)
        return stop(vm, "SHD002E NO STORAGE FOR SHADOW TABLES; VIRTUAL MACHINE STOPPED");
    pt[(va >> 12) & (EST_PAGES - 1)] = vst_frame(vm, ra) | (protect ? EST_PTE_PROTECT : 0);
    vm->vm_shsegs |= (uint16_t)(1u << (va >> 20));
    return 0;
}

int shd_fault(struct vmblok *vm, uint32_t va)
{
    va &= ADDR_24 & ~(uint32_t)0xFFF;
    struct dat370_result lo, hi;
    enum dat370_status st = gla_dat(vm, va, &lo);
    if ((vm->vm_cr[0] & CR0_PAGE_MASK) != CR0_PAGE_2K) {
        if (st != DAT_OK)
            return (int)gla_exception(vm, st, va);
        return map(vm, va, lo.dr_addr & ~(uint32_t)0xFFF, lo.dr_protect);
    }
    enum dat370_status st2 = gla_dat(vm, va | HALF, &hi);
    if (st == st2 && st != DAT_OK && st != DAT_PAGE_INVALID)
        return (int)gla_exception(vm, st, va);      /* the segment (or format) decides */
    if (st == DAT_OK && st2 == DAT_OK && !(lo.dr_addr & 0xFFF)
        && hi.dr_addr == lo.dr_addr + HALF && lo.dr_protect == hi.dr_protect)
        return map(vm, va, lo.dr_addr, lo.dr_protect);
    if (st == DAT_PAGE_INVALID && st2 == DAT_PAGE_INVALID)
        return (int)gla_exception(vm, st, va);
    char msg[96];
    fmt(msg, sizeof msg, "SHD001E 2K PAGES %06X AND %06X ARE NOT ONE 4K FRAME; VIRTUAL MACHINE STOPPED",
        va, va | HALF);
    return stop(vm, msg);
}
