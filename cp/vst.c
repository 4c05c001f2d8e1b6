/* vst.c: virtual machine storage (see vst.h). Guest real storage is an
 * ESA/390 address space of CP's (est.h) whose page-table entries hold a
 * frame, or, while the page is out, the number of its slot on the paging
 * volume (pag.c).
 */
#include "vst.h"
#include "vm.h"
#include "est.h"
#include "shd.h"
#include "frm.h"
#include "pag.h"
#include "cplib.h"
#include "bigend.h"
#include "hw/cpu.h"

#define PTE_INVALID  EST_PTE_INVALID
#define PTE_FRAME    EST_PTE_FRAME
#define PAGES_PER_SEG EST_PAGES

/* The key byte of 2K block n: the table is one frame, or two for guests
 * over 8M (4,096 blocks to a frame; the frames need not be adjacent). */
static uint8_t *key_of(const struct vmblok *vm, uint32_t blk)
{
    return &vm->vm_keyf[blk / FRAME_SIZE][blk % FRAME_SIZE];
}

int vst_create(struct vmblok *vm, uint32_t size)
{
    vm->vm_size = size;
    vm->vm_resident = 0;
    vm->vm_keyf[0] = vm->vm_keyf[1] = NULL;
    uint32_t nkeys = size >> VST_KEY_SHIFT;
    int rc = est_create(&vm->vm_real);
    vm->vm_keyf[0] = frm_alloc();
    if (nkeys > FRAME_SIZE)
        vm->vm_keyf[1] = frm_alloc();
    if (rc || !vm->vm_keyf[0] || (nkeys > FRAME_SIZE && !vm->vm_keyf[1])) {
        vst_destroy(vm);
        return -1;
    }
    unsigned nseg = (size + (1u << VST_SEG_SHIFT) - 1) >> VST_SEG_SHIFT;
    for (unsigned s = 0; s < nseg; s++) {
        if (!est_page_table(&vm->vm_real, s)) {
            vst_destroy(vm);
            return -1;
        }
    }
    return 0;
}

/* A page is released: its frame and its slot are free again. */
static void release_entry(struct vmblok *vm, uint32_t *pte)
{
    if (!(*pte & PTE_INVALID)) {
        shd_drop_frame(vm, *pte & PTE_FRAME);
        pag_drop_frame(*pte & PTE_FRAME);
        vm->vm_resident--;
    } else {
        pag_drop_slot((*pte & PTE_FRAME) >> VST_PAGE_SHIFT);
    }
    *pte = PTE_INVALID;
}

static void release_pages(struct vmblok *vm)
{
    pag_forget(vm, 0, ~0u);
    for (unsigned s = 0; s < VM_SEGS; s++) {
        uint32_t *pt = vm->vm_real.es_ptab[s];
        if (!pt)
            continue;
        for (unsigned i = 0; i < PAGES_PER_SEG; i++)
            release_entry(vm, &pt[i]);
    }
    vm->vm_resident = 0;
    cpu_ptlb();
}

void vst_destroy(struct vmblok *vm)
{
    shd_destroy(vm);
    if (vm->vm_real.es_segtab)
        release_pages(vm);
    est_destroy(&vm->vm_real);
    frm_free(vm->vm_keyf[0]);
    frm_free(vm->vm_keyf[1]);
    vm->vm_keyf[0] = vm->vm_keyf[1] = NULL;
    vm->vm_size = 0;
}

void vst_clear(struct vmblok *vm)
{
    shd_purge(vm);
    release_pages(vm);
    for (int i = 0; i < 2; i++)
        if (vm->vm_keyf[i])
            memset(vm->vm_keyf[i], 0, FRAME_SIZE);
}

void vst_release(struct vmblok *vm, uint32_t first, uint32_t last)
{
    pag_forget(vm, first, last);
    for (uint32_t ga = first; ga <= last && ga < vm->vm_size; ga += FRAME_SIZE) {
        uint32_t *pte = est_pte(&vm->vm_real, ga);
        if (pte)
            release_entry(vm, pte);
        if (ga + FRAME_SIZE < ga)
            break;
    }
    cpu_ptlb();
}

uint32_t vst_std(const struct vmblok *vm)
{
    return est_std(&vm->vm_real);
}

/* The real key a frame gets from its two 2K blocks' virtual keys. When the
 * halves differ, the first half's key is used (docs/cp-core.md). */
static uint8_t frame_key(const struct vmblok *vm, uint32_t ga)
{
    uint32_t blk = (ga >> VST_PAGE_SHIFT) << 1;
    return *key_of(vm, blk) & (VKEY_ACC | VKEY_FETCH);
}

static uint32_t *pte_of(struct vmblok *vm, uint32_t ga)
{
    return ga < vm->vm_size ? est_pte(&vm->vm_real, ga) : NULL;
}

void vst_map(struct vmblok *vm, uint32_t ga, uint32_t frame, uint32_t slot)
{
    uint32_t *pte = pte_of(vm, ga);
    cpu_sske(frame, frame_key(vm, ga));
    *pte = frame;
    vm->vm_resident++;
    pag_own(frame, vm, ga & ~(FRAME_SIZE - 1), slot);
}

void vst_unmap(struct vmblok *vm, uint32_t ga, uint32_t slot)
{
    uint32_t *pte = pte_of(vm, ga);
    shd_drop_frame(vm, *pte & PTE_FRAME);
    *pte = (slot << VST_PAGE_SHIFT) | PTE_INVALID;
    vm->vm_resident--;
    cpu_ptlb();
}

void vst_set_slot(struct vmblok *vm, uint32_t ga, uint32_t slot)
{
    uint32_t *pte = pte_of(vm, ga);
    if (pte && (*pte & PTE_INVALID))
        *pte = (slot << VST_PAGE_SHIFT) | PTE_INVALID;
}

bool vst_resident_page(struct vmblok *vm, uint32_t ga)
{
    uint32_t *pte = pte_of(vm, ga);
    return pte && !(*pte & PTE_INVALID);
}

uint32_t vst_frame(struct vmblok *vm, uint32_t ga)
{
    uint32_t *pte = pte_of(vm, ga);
    return pte && !(*pte & PTE_INVALID) ? *pte & PTE_FRAME : 0;
}

/* Make ga's page resident. wait: for the guest itself, which may wait for
 * a page-in. 0 resident, -1 waiting, 5 no storage (addressing). */
static int page_in(struct vmblok *vm, uint32_t ga, uint32_t *pte, bool wait)
{
    uint32_t page = ga & ~(FRAME_SIZE - 1);
    if (!(*pte & PTE_INVALID))
        return 0;
    int r = pag_fault(vm, page, *pte, wait);
    if (r == 1)
        return 0;
    if (r == -1)
        return -1;
    if (r == 0) {                       /* never touched: a page of zeros */
        uint32_t f = pag_frame(wait);
        if (!f)
            return wait && pag_wait_frame(vm) == -1 ? -1 : 5;
        vst_map(vm, page, f, 0);
        return 0;
    }
    return 5;
}

uint8_t *vst_ptr(struct vmblok *vm, uint32_t ga)
{
    uint32_t *pte = pte_of(vm, ga);
    if (!pte || page_in(vm, ga, pte, false) != 0)
        return NULL;
    return (uint8_t *)(uintptr_t)((*pte & PTE_FRAME) | (ga & (FRAME_SIZE - 1)));
}

int vst_fault(struct vmblok *vm, uint32_t ga)
{
    uint32_t *pte = pte_of(vm, ga & 0x00FFFFFFu);
    return pte ? page_in(vm, ga & 0x00FFFFFFu, pte, true) : 5;
}

static int copy(struct vmblok *vm, uint32_t ga, uint8_t *buf, uint32_t len, bool to_guest)
{
    if ((uint64_t)ga + len > vm->vm_size)
        return 5;
    while (len) {
        uint32_t chunk = FRAME_SIZE - (ga & (FRAME_SIZE - 1));
        if (chunk > len)
            chunk = len;
        uint8_t *p = vst_ptr(vm, ga);
        if (!p)
            return 5;
        if (to_guest)
            memcpy(p, buf, chunk);
        else
            memcpy(buf, p, chunk);
        ga += chunk;
        buf += chunk;
        len -= chunk;
    }
    return 0;
}

int vst_read(struct vmblok *vm, uint32_t ga, void *buf, uint32_t len)
{
    return copy(vm, ga, buf, len, false);
}

int vst_write(struct vmblok *vm, uint32_t ga, const void *buf, uint32_t len)
{
    return copy(vm, ga, (uint8_t *)buf, len, true);
}

int vst_read_u32(struct vmblok *vm, uint32_t ga, uint32_t *v)
{
    uint8_t b[4];
    int rc = vst_read(vm, ga, b, 4);
    *v = be_get32(b);
    return rc;
}

int vst_write_u32(struct vmblok *vm, uint32_t ga, uint32_t v)
{
    uint8_t b[4];
    be_put32(b, v);
    return vst_write(vm, ga, b, 4);
}

/* Fold the real frame's R and C bits into both 2K blocks' virtual keys,
 * so the frame's bits can be reset without losing either half's. */
static uint32_t *fold_rc(struct vmblok *vm, uint32_t ga)
{
    uint32_t *pte = pte_of(vm, ga);
    if (!pte || (*pte & PTE_INVALID))
        return NULL;
    uint8_t rc = cpu_iske(*pte & PTE_FRAME) & (VKEY_REF | VKEY_CHG);
    uint32_t blk = (ga >> VST_PAGE_SHIFT) << 1;
    *key_of(vm, blk) |= rc;
    *key_of(vm, blk + 1) |= rc;
    return pte;
}

void vst_fold_rc(struct vmblok *vm, uint32_t ga)
{
    fold_rc(vm, ga);
}

uint8_t vst_key_get(struct vmblok *vm, uint32_t ga)
{
    fold_rc(vm, ga);
    return *key_of(vm, ga >> VST_KEY_SHIFT) & 0xFE;
}

void vst_key_set(struct vmblok *vm, uint32_t ga, uint8_t key)
{
    uint32_t *pte = fold_rc(vm, ga);
    *key_of(vm, ga >> VST_KEY_SHIFT) = key & 0xFE;
    if (pte)
        cpu_sske(*pte & PTE_FRAME, frame_key(vm, ga));   /* resets real R and C */
}

uint8_t vst_key_rrb(struct vmblok *vm, uint32_t ga)
{
    uint32_t *pte = fold_rc(vm, ga);
    uint8_t *k = key_of(vm, ga >> VST_KEY_SHIFT);
    uint8_t old = *k & (VKEY_REF | VKEY_CHG);
    *k &= (uint8_t)~VKEY_REF;
    if (pte)
        cpu_rrbe(*pte & PTE_FRAME);   /* the other half's R was folded above */
    return old;
}

uint32_t vst_resident(const struct vmblok *vm)
{
    return vm->vm_resident;
}
