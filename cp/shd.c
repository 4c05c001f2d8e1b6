/* shd.c: shadow tables (see shd.h).
 *
 * With 4K guest pages a shadow entry is one guest page. With 2K guest
 * pages the real machine's 4K page holds two guest pages, and one entry
 * stands for both when they are the two halves of one 4K block of guest
 * real storage, in order, with the same protection: the arrangement a
 * V=R region, or a system that allocates 4K at a time, gives.
 *
 * Any other pair (halves that map apart, one half invalid) cannot be put
 * in an ESA/390 table, and the real translation exception names only the
 * 4K page. So CP works out from the instruction and its operands
 * (oprange.c) which halves it uses: an invalid one is the guest's
 * exception, at that half; if both are valid, a stand-in frame gets
 * copies of the two halves, the shadow entry points at it, and the guest
 * runs that one instruction with PER instruction fetching on. When it has
 * run (or anything else interrupts it) the halves are copied back, if it
 * changed them, and the stand-in goes away. docs/paging.md has the limits.
 */
#include "shd.h"
#include "vm.h"
#include "vst.h"
#include "gla.h"
#include "est.h"
#include "prv.h"
#include "vmcons.h"
#include "fmt.h"
#include "frm.h"
#include "insn.h"
#include "oprange.h"
#include "cplib.h"
#include "hw/cpu.h"

#define CR0_DAT_FORMAT 0x00F80000u   /* page size (8-9), segment size (10-12) */
#define CR0_PAGE_MASK  0x00C00000u
#define CR0_PAGE_2K    0x00400000u
#define HALF           0x800u
#define ADDR_24        0x00FFFFFFu
#define NO_STORAGE     "SHD002E NO STORAGE FOR SHADOW TABLES; VIRTUAL MACHINE STOPPED"

void shd_purge(struct vmblok *vm)
{
    struct est *t = &vm->vm_shadow;
    shd_step_end(vm, true);
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
        if (est_create(t)) {
            vmcons_stop(vm, NO_STORAGE);
            return 0;
        }
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
    shd_step_end(vm, false);
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
        return stop(vm, NO_STORAGE);
    pt[(va >> 12) & (EST_PAGES - 1)] = vst_frame(vm, ra) | (protect ? EST_PTE_PROTECT : 0);
    vm->vm_shsegs |= (uint16_t)(1u << (va >> 20));
    return 0;
}

/* Which halves (bit 0 low, bit 1 high) of 4K page va does [a, a+len) touch? */
static unsigned span(uint32_t va, uint32_t a, uint32_t len)
{
    unsigned m = 0;
    for (unsigned h = 0; h < 2; h++) {
        uint32_t lo = va + h * HALF;
        if (((lo - a) & ADDR_24) < len || ((a - lo) & ADDR_24) < HALF)
            m |= 1u << h;
    }
    return m;
}

/* The halves of page va the interrupted instruction (nullified: the PSW
 * still points at it) may use, its own bytes included; both when unsure. */
static unsigned halves_used(struct vmblok *vm, uint32_t va)
{
    uint32_t at = vm->vm_psw.ps_addr;
    uint8_t in[6] = { 0 };
    if (gla_read(vm, at, in, 2))
        return span(va, at, 2) ? span(va, at, 2) : 3;
    unsigned len = insn_length(in[0]);
    if (len > 2 && gla_read(vm, at + 2, in + 2, len - 2))
        return 3;
    unsigned used = span(va, at, len);
    struct oprange r[OPRANGE_MAX];
    int n = oprange_of(in, vm->vm_ctx.hc_gr, r);
    if (n < 0)
        return 3;
    for (int i = 0; i < n; i++)
        used |= span(va, r[i].or_addr, r[i].or_len);
    return used ? used : 3;
}

/* Turn PER instruction fetching on over all addresses: the real PSW's PER
 * bit (dsp.c, while vm_ncomp) then ends the guest after one instruction. */
static void per_everywhere(void)
{
    cpu_lctl(9, 0x40000000u);
    cpu_lctl(10, 0);
    cpu_lctl(11, 0x7FFFFFFFu);
}

/* Put a stand-in frame under page va holding copies of its valid halves. */
static int stand_in(struct vmblok *vm, uint32_t va, const enum dat370_status st[2],
                    const struct dat370_result res[2], unsigned used)
{
    if (vm->vm_ncomp == SHD_COMPOSITES)
        return stop(vm, "SHD003E INSTRUCTION USES TOO MANY SPLIT 2K PAGES; VIRTUAL MACHINE STOPPED");
    int first = (used & 1) ? 0 : 1;
    for (int h = 0; h < 2; h++) {
        if (st[h] != DAT_OK)
            continue;
        if (res[h].dr_addr >= vm->vm_size)
            return PGM_ADDRESSING;
        int r = vst_fault(vm, res[h].dr_addr);
        if (r)
            return r;
    }
    uint8_t *c = frm_alloc();
    uint32_t *pt = c ? est_page_table(&vm->vm_shadow, va >> 20) : NULL;
    if (!pt) {
        frm_free(c);
        return stop(vm, NO_STORAGE);
    }
    struct shd_comp *sc = &vm->vm_comp[vm->vm_ncomp++];
    sc->sc_va = va;
    sc->sc_frame = (uint32_t)(uintptr_t)c;
    for (int h = 0; h < 2; h++) {
        const uint8_t *src = st[h] == DAT_OK ? vst_ptr(vm, res[h].dr_addr) : NULL;
        sc->sc_ra[h] = src ? res[h].dr_addr : SHD_NO_HALF;
        if (src)
            memcpy(c + h * HALF, src, HALF);
    }
    /* The key of the half the instruction uses first (one key per frame). */
    cpu_sske(sc->sc_frame, vst_key_get(vm, res[first].dr_addr) & (VKEY_ACC | VKEY_FETCH));
    pt[(va >> 12) & (EST_PAGES - 1)] = sc->sc_frame | (res[first].dr_protect ? EST_PTE_PROTECT : 0);
    vm->vm_shsegs |= (uint16_t)(1u << (va >> 20));
    per_everywhere();
    return 0;
}

void shd_step_end(struct vmblok *vm, bool copy_back)
{
    for (unsigned i = 0; i < vm->vm_ncomp; i++) {
        struct shd_comp *sc = &vm->vm_comp[i];
        uint8_t *c = (uint8_t *)(uintptr_t)sc->sc_frame;
        if (copy_back && (cpu_iske(sc->sc_frame) & VKEY_CHG))
            for (int h = 0; h < 2; h++) {
                uint8_t *dst = sc->sc_ra[h] != SHD_NO_HALF ? vst_ptr(vm, sc->sc_ra[h]) : NULL;
                if (dst)
                    memcpy(dst, c + h * HALF, HALF);
            }
        uint32_t *pte = est_pte(&vm->vm_shadow, sc->sc_va);
        if (pte && (*pte & EST_PTE_FRAME) == sc->sc_frame)
            *pte = EST_PTE_INVALID;
        frm_free(c);
    }
    if (vm->vm_ncomp)
        cpu_ptlb();
    vm->vm_ncomp = 0;
}

int shd_fault(struct vmblok *vm, uint32_t va)
{
    va &= ADDR_24 & ~(uint32_t)0xFFF;
    enum dat370_status st[2];
    struct dat370_result res[2];
    st[0] = gla_dat(vm, va, &res[0]);
    if ((vm->vm_cr[0] & CR0_PAGE_MASK) != CR0_PAGE_2K) {
        if (st[0] != DAT_OK)
            return (int)gla_exception(vm, st[0], va);
        return map(vm, va, res[0].dr_addr & ~(uint32_t)0xFFF, res[0].dr_protect);
    }
    st[1] = gla_dat(vm, va | HALF, &res[1]);
    if (st[0] == DAT_OK && st[1] == DAT_OK && !(res[0].dr_addr & 0xFFF)
        && res[1].dr_addr == res[0].dr_addr + HALF && res[0].dr_protect == res[1].dr_protect)
        return map(vm, va, res[0].dr_addr, res[0].dr_protect);
    unsigned used = halves_used(vm, va);
    for (int h = 0; h < 2; h++)
        if ((used & (1u << h)) && st[h] != DAT_OK)
            return (int)gla_exception(vm, st[h], va + (uint32_t)h * HALF);
    return stand_in(vm, va, st, res, used);
}
