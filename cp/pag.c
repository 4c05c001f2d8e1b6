/* pag.c: demand paging (see pag.h and docs/paging.md).
 *
 * Page I/O runs on the paging volume's queue (ios_submit), so it overlaps
 * with guests running and with minidisk I/O on other volumes. Channel
 * programs, one 4K record per slot (a 3380 track holds ten):
 *   read      SEEK, SEARCH ID EQUAL Rn, TIC *-8, READ DATA
 *   write     SEEK, SEARCH ID EQUAL Rn, TIC *-8, WRITE DATA
 *   format    SEEK, SEARCH ID EQUAL R0, TIC *-8, then ten WRITE COUNT KEY
 *             AND DATA (R1-R10), each count data-chained to its 4K: the
 *             first write to a track since IPL (cpvol leaves area tracks
 *             with R0 only); the other nine records get zeros.
 */
#include "pag.h"
#include "smp.h"
#include "pgslot.h"
#include "pgclock.h"
#include "vst.h"
#include "vm.h"
#include "dsp.h"
#include "frm.h"
#include "ios.h"
#include "rvl.h"
#include "con.h"
#include "cplib.h"
#include "hw/cpu.h"
#include "../dasd/volmap.h"

#define PAG_FREE_LOW   64u      /* frames: below this, page out ... */
#define PAG_FREE_HIGH  96u      /* ... until this many are free or coming */
#define PAG_RESERVE    32u      /* frames a guest's fault does not take */
#define PAG_OPS        32       /* page I/O under way at once */
#define PAG_MAX_FRAMES (0x80000000u / FRAME_SIZE)
#define PTE_INVALID    0x00000400u
#define PTE_SLOT_SHIFT 12

#define CKD_SEEK       0x07
#define CKD_SEARCH_ID  0x31
#define CKD_READ_DATA  0x06
#define CKD_WRITE_DATA 0x05
#define CKD_WRITE_CKD  0x1D

/* PF_RECLAIMED: resident again (taken back by a fault) while the write
 * that was taking it away still runs. Such a frame is not to be taken
 * until that write ends: taken without a write of its own (unchanged),
 * it would be freed and reused, zeroed or read into, while the channel
 * may not yet have read it for the write, and the slot would get those
 * contents instead of the page's (docs/smp.md, "A page lost"). */
enum pf_state { PF_NONE, PF_RESIDENT, PF_OUT, PF_RECLAIMED };

/* One real frame: the guest page it holds, if any. */
struct pframe {
    struct vmblok *pf_vm;
    uint32_t pf_ga;
    uint32_t pf_slot;          /* the page's slot (0: none yet) */
    uint32_t pf_state;         /* enum pf_state */
};
#define PF_PER_FRAME (FRAME_SIZE / sizeof(struct pframe))

enum op_kind { OP_FREE, OP_IN, OP_OUT };

struct pgop {
    struct ioreq po_rq;        /* first: rq_done gets the op's address */
    uint8_t  po_kind;          /* enum op_kind */
    bool     po_orphan;        /* the page was released meanwhile */
    bool     po_reclaimed;     /* OUT: the page was taken back meanwhile */
    struct vmblok *po_vm;
    uint32_t po_ga, po_frame, po_slot;
    struct ccw1 po_prog[3 + 2 * PGSLOT_PER_TRACK] __attribute__((aligned(8)));
    uint8_t  po_seek[8] __attribute__((aligned(8)));
    uint8_t  po_search[8] __attribute__((aligned(8)));
    uint8_t  po_count[PGSLOT_PER_TRACK][8] __attribute__((aligned(8)));
};

static struct pframe *fpage[PAG_MAX_FRAMES / PF_PER_FRAME];
static uint32_t nframes, hand;
static struct pgslot slots;
static struct iodev *pdev;
static struct vol_area parea;
static struct pgop ops[PAG_OPS], syncop;
static uint32_t outs_coming;   /* OUT ops whose frame will come free */
static uint32_t n_ins, n_outs, n_reclaims;
static bool frame_waiters;     /* some machine waits for a frame */
static uint8_t zero_page[FRAME_SIZE] __attribute__((aligned(FRAME_SIZE)));

static struct pframe *pf(uint32_t frame)
{
    uint32_t n = frame / FRAME_SIZE;
    return &fpage[n / PF_PER_FRAME][n % PF_PER_FRAME];
}

void pag_init(uint32_t storage_size)
{
    nframes = storage_size / FRAME_SIZE;
    if (nframes > PAG_MAX_FRAMES)
        nframes = PAG_MAX_FRAMES;
    for (uint32_t i = 0; i < (nframes + PF_PER_FRAME - 1) / PF_PER_FRAME; i++)
        fpage[i] = frm_alloc();       /* zeroed: every frame PF_NONE */
    pdev = NULL;
    for (int i = 0; i < RVL_MAX && !pdev; i++) {
        struct rvol *v = rvl_at(i);
        if (!v)
            break;
        int a = v->rv_cyls ? volmap_find_area(&v->rv_map, VOL_AREA_PAGE) : -1;
        if (a < 0)
            continue;
        pdev = v->rv_dev;
        parea = v->rv_map.vm_area[a];
        pgslot_init(&slots, volmap_area_blocks(&parea));
        con_printf("PAG010I PAGING ON %04X %s, %u SLOTS OF 4K", pdev->id_devno, v->rv_volser,
                   (unsigned)slots.ps_count);
    }
    if (!pdev)
        con_printf("PAG011W NO PAGE AREA: GUEST STORAGE CANNOT BE PAGED");
}

void pag_own(uint32_t frame, struct vmblok *vm, uint32_t ga, uint32_t slot)
{
    *pf(frame) = (struct pframe){ vm, ga, slot, PF_RESIDENT };
}

void pag_drop_slot(uint32_t slot)
{
    pgslot_free(&slots, slot);
}

void pag_drop_frame(uint32_t frame)
{
    struct pframe *p = pf(frame);
    if (p->pf_state == PF_RESIDENT || p->pf_state == PF_RECLAIMED)
        pgslot_free(&slots, p->pf_slot);
    *p = (struct pframe){ 0 };
    frm_free((void *)(uintptr_t)frame);
}

void pag_forget(struct vmblok *vm, uint32_t first, uint32_t last)
{
    for (int i = 0; i < PAG_OPS; i++) {
        struct pgop *op = &ops[i];
        if (op->po_kind == OP_FREE || op->po_orphan || op->po_vm != vm ||
            op->po_ga < first || op->po_ga > last)
            continue;
        op->po_orphan = true;
        if (op->po_kind == OP_IN)
            vm->vm_pgwait = false;
    }
}

/* ---- channel programs ---------------------------------------------------- */

static void build(struct pgop *op, bool write)
{
    struct volmap_chr c;
    volmap_area_block(&parea, op->po_slot - 1, &c);
    memset(op->po_seek, 0, sizeof op->po_seek);
    op->po_seek[2] = (uint8_t)(c.vc_cyl >> 8);
    op->po_seek[3] = (uint8_t)c.vc_cyl;
    op->po_seek[5] = (uint8_t)c.vc_head;
    memcpy(op->po_search, op->po_seek + 2, 4);
    bool format = write && !pgslot_formatted(&slots, op->po_slot);
    op->po_search[4] = format ? 0 : c.vc_rec;

    struct ccw1 *p = op->po_prog;
    *p++ = (struct ccw1){ CKD_SEEK, CCW_CC, 6, ios_addr(op->po_seek) };
    *p++ = (struct ccw1){ CKD_SEARCH_ID, CCW_CC, 5, ios_addr(op->po_search) };
    *p++ = (struct ccw1){ CMD_TIC, 0, 0, ios_addr(&op->po_prog[1]) };
    if (!format) {
        *p = (struct ccw1){ write ? CKD_WRITE_DATA : CKD_READ_DATA, 0, FRAME_SIZE, op->po_frame };
        return;
    }
    /* The format is queued before any later write to this track, and the
     * queue runs in order, so the track counts as formatted from now. */
    pgslot_mark_formatted(&slots, op->po_slot);
    for (uint8_t r = 1; r <= PGSLOT_PER_TRACK; r++) {
        uint8_t *cnt = op->po_count[r - 1];
        memcpy(cnt, op->po_search, 4);
        cnt[4] = r;
        cnt[5] = 0;                        /* no key */
        cnt[6] = FRAME_SIZE >> 8;
        cnt[7] = 0;
        uint32_t data = r == c.vc_rec ? op->po_frame : ios_addr(zero_page);
        *p++ = (struct ccw1){ CKD_WRITE_CKD, CCW_CD, 8, ios_addr(cnt) };
        *p++ = (struct ccw1){ 0, (uint8_t)(r < PGSLOT_PER_TRACK ? CCW_CC : 0), FRAME_SIZE, data };
    }
}

static bool ended_well(const struct irb *irb)
{
    return irb->ir_scsw.sc_cstat == 0 && !(irb->ir_scsw.sc_dstat & (DS_UC | DS_UX))
           && (irb->ir_scsw.sc_dstat & DS_DE);
}

static const struct ccw1 *op_prog(struct ioreq *rq)
{
    return ((struct pgop *)rq)->po_prog;      /* built when the op was made */
}

static bool sync_ok;

static void sync_done(struct ioreq *rq, const struct irb *irb)
{
    (void)rq;
    sync_ok = ended_well(irb);
}

/* Page I/O CP waits for goes through the queue too, never ahead of it:
 * the queue's order is what keeps a track's format before its other
 * writes, and an old write of a slot before a new one. */
static bool run_sync(struct pgop *op, bool write)
{
    build(op, write);
    op->po_rq.rq_prepare = op_prog;
    op->po_rq.rq_done = sync_done;
    sync_ok = false;
    ios_submit(pdev, &op->po_rq);
    ios_finish(pdev, &op->po_rq);
    return sync_ok;
}

/* ---- taking frames ------------------------------------------------------- */

/* Not a page of a machine the other processor is running: its guest
 * could change the page between the look at the change bit and the
 * invalid entry (docs/smp.md). */
static bool clk_eligible(void *ctx, uint32_t i)
{
    (void)ctx;
    const struct pframe *p = pf(i * FRAME_SIZE);
    unsigned on = p->pf_vm->vm_oncpu;
    return p->pf_state == PF_RESIDENT && p->pf_vm->vm_pins == 0 && (!on || on == smp_cpu() + 1);
}

static bool clk_referenced(void *ctx, uint32_t i)
{
    (void)ctx;
    uint32_t frame = i * FRAME_SIZE;
    if (!(cpu_iske(frame) & VKEY_REF))
        return false;
    const struct pframe *p = pf(frame);
    vst_fold_rc(p->pf_vm, p->pf_ga);   /* the guest's own R bit survives */
    cpu_rrbe(frame);
    return true;
}

static const struct pgclock_ops clk_ops = { clk_eligible, clk_referenced };

static struct pgop *free_op(void)
{
    for (int i = 0; i < PAG_OPS; i++)
        if (ops[i].po_kind == OP_FREE)
            return &ops[i];
    return NULL;
}

static void op_done(struct ioreq *rq, const struct irb *irb);

/* Take frame's page away. op NULL: now, writing synchronously if the page
 * changed since it was last written: 1 and the frame is free to use.
 * Otherwise a page-out on op is started: 0, the frame comes free when it
 * ends. -1: the page stays (no slot, or the write failed). */
static int take(uint32_t frame, struct pgop *op)
{
    struct pframe *p = pf(frame);
    struct vmblok *vm = p->pf_vm;
    uint32_t ga = p->pf_ga, slot = p->pf_slot;
    uint8_t key = cpu_iske(frame);
    bool changed = (key & VKEY_CHG) || slot == 0;
    if (changed && slot == 0 && (slot = pgslot_alloc(&slots)) == 0)
        return -1;
    vst_fold_rc(vm, ga);                  /* the guest's R and C survive */
    vst_unmap(vm, ga, slot);
    if (!changed) {
        *p = (struct pframe){ 0 };
        return 1;
    }
    cpu_sske(frame, key & (VKEY_ACC | VKEY_FETCH));   /* C off: changes from now count */
    struct pgop *o = op ? op : &syncop;
    *o = (struct pgop){ .po_kind = OP_OUT, .po_vm = vm, .po_ga = ga, .po_frame = frame,
                        .po_slot = slot };
    p->pf_slot = slot;
    n_outs++;
    if (op) {
        p->pf_state = PF_OUT;
        outs_coming++;
        build(op, true);
        op->po_rq.rq_prepare = op_prog;
        op->po_rq.rq_done = op_done;
        ios_submit(pdev, &op->po_rq);
        return 0;
    }
    if (!run_sync(&syncop, true)) {
        vst_map(vm, ga, frame, 0);     /* keep the page; its slot is no good */
        pgslot_free(&slots, slot);
        return -1;
    }
    *p = (struct pframe){ 0 };
    return 1;
}

uint32_t pag_frame(bool guest)
{
    /* The guest's own faults leave the last frames to CP (control blocks,
     * a LOGON) and start page-outs early, so they overlap with running. */
    if (guest && pdev && frm_free_count() < PAG_FREE_LOW)
        pag_balance();
    void *f = !guest || !pdev || frm_free_count() > PAG_RESERVE ? frm_alloc() : NULL;
    if (f)
        return (uint32_t)(uintptr_t)f;
    if (!pdev)
        return 0;
    for (int tries = 0; tries < 8; tries++) {
        int32_t i = pgclock_select(&hand, nframes, &clk_ops, NULL);
        if (i < 0)
            return 0;
        uint32_t frame = (uint32_t)i * FRAME_SIZE;
        if (take(frame, NULL) == 1) {
            memset((void *)(uintptr_t)frame, 0, FRAME_SIZE);
            return frame;
        }
    }
    return 0;
}

int pag_wait_frame(struct vmblok *vm)
{
    if (!pdev || outs_coming == 0)
        return -2;
    vm->vm_pgwait = vm->vm_framewait = true;
    frame_waiters = true;
    return -1;
}

/* A frame came free: machines waiting for one try their fault again. */
static void wake_frame_waiters(void)
{
    if (!frame_waiters)
        return;
    frame_waiters = false;
    for (struct vmblok *vm = dsp_first(); vm; vm = vm->vm_next)
        if (vm->vm_framewait)
            vm->vm_framewait = vm->vm_pgwait = false;
}

void pag_balance(void)
{
    if (!pdev || frm_free_count() >= PAG_FREE_LOW)
        return;
    while (frm_free_count() + outs_coming < PAG_FREE_HIGH) {
        struct pgop *op = free_op();
        int32_t i;
        if (!op || (i = pgclock_select(&hand, nframes, &clk_ops, NULL)) < 0)
            return;
        uint32_t frame = (uint32_t)i * FRAME_SIZE;
        if (take(frame, op) == 1) {
            frm_free((void *)(uintptr_t)frame);      /* unchanged: free at once */
            wake_frame_waiters();
        }
        else if (pgslot_free_count(&slots) == 0)
            return;
    }
}

/* ---- ends of page I/O ---------------------------------------------------- */

static void out_done(struct pgop *op, bool ok)
{
    struct pframe *p = pf(op->po_frame);
    if (!op->po_reclaimed)
        outs_coming--;
    if (op->po_orphan) {
        /* Released meanwhile: the slot went with the page-table entry; a
         * frame taken back went with it too. */
        if (!op->po_reclaimed) {
            *p = (struct pframe){ 0 };
            frm_free((void *)(uintptr_t)op->po_frame);
        }
    } else if (op->po_reclaimed) {
        p->pf_state = PF_RESIDENT;          /* may be taken again now */
        if (!ok) {                          /* resident; its slot is no good */
            pgslot_free(&slots, p->pf_slot);
            p->pf_slot = 0;
        }
    } else if (ok) {
        *p = (struct pframe){ 0 };
        frm_free((void *)(uintptr_t)op->po_frame);
        wake_frame_waiters();
    } else {
        vst_map(op->po_vm, op->po_ga, op->po_frame, 0);
        pgslot_free(&slots, op->po_slot);
        con_printf("PAG001E PAGE WRITE TO %04X SLOT %u FAILED; PAGE KEPT IN STORAGE",
                   pdev->id_devno, (unsigned)op->po_slot);
    }
}

static void in_done(struct pgop *op, bool ok)
{
    if (op->po_orphan) {
        frm_free((void *)(uintptr_t)op->po_frame);
        return;
    }
    op->po_vm->vm_pgwait = false;
    if (ok) {
        vst_map(op->po_vm, op->po_ga, op->po_frame, op->po_slot);
        return;
    }
    /* The page's contents are lost: it reads as zeros from now on. */
    frm_free((void *)(uintptr_t)op->po_frame);
    vst_set_slot(op->po_vm, op->po_ga, 0);
    pgslot_free(&slots, op->po_slot);
    con_printf("PAG002E PAGE READ FROM %04X SLOT %u FAILED; %s LOST A PAGE AT %06X",
               pdev->id_devno, (unsigned)op->po_slot, op->po_vm->vm_user, (unsigned)op->po_ga);
}

static void op_done(struct ioreq *rq, const struct irb *irb)
{
    struct pgop *op = (struct pgop *)rq;
    bool ok = ended_well(irb);
    if (op->po_kind == OP_OUT)
        out_done(op, ok);
    else
        in_done(op, ok);
    op->po_kind = OP_FREE;
}

static struct pgop *op_for(const struct vmblok *vm, uint32_t ga)
{
    for (int i = 0; i < PAG_OPS; i++)
        if (ops[i].po_kind != OP_FREE && !ops[i].po_orphan && ops[i].po_vm == vm &&
            ops[i].po_ga == ga)
            return &ops[i];
    return NULL;
}

int pag_fault(struct vmblok *vm, uint32_t ga, uint32_t pte, bool wait)
{
    struct pgop *op = op_for(vm, ga);
    if (op && op->po_kind == OP_OUT && !op->po_reclaimed) {
        /* Its page-out is under way: the frame still holds the page. */
        op->po_reclaimed = true;
        outs_coming--;
        n_reclaims++;
        vst_map(vm, ga, op->po_frame, op->po_slot);
        pf(op->po_frame)->pf_state = PF_RECLAIMED;
        return 1;
    }
    if (op && op->po_kind == OP_IN) {
        if (wait) {
            vm->vm_pgwait = true;
            return -1;
        }
        ios_finish(pdev, &op->po_rq);
        return vst_resident_page(vm, ga) ? 1 : -2;
    }
    uint32_t slot = (pte & ~PTE_INVALID) >> PTE_SLOT_SHIFT;
    if (slot == 0 || !pdev)
        return 0;
    uint32_t frame = pag_frame(wait);
    if (!frame)
        return wait ? pag_wait_frame(vm) : -2;
    n_ins++;
    struct pgop *o = wait ? free_op() : NULL;
    if (o) {
        *o = (struct pgop){ .po_kind = OP_IN, .po_vm = vm, .po_ga = ga, .po_frame = frame,
                            .po_slot = slot };
        build(o, false);
        o->po_rq.rq_prepare = op_prog;
        o->po_rq.rq_done = op_done;
        vm->vm_pgwait = true;
        ios_submit(pdev, &o->po_rq);
        return -1;
    }
    syncop = (struct pgop){ .po_kind = OP_IN, .po_vm = vm, .po_ga = ga, .po_frame = frame,
                            .po_slot = slot };
    if (!run_sync(&syncop, false)) {
        frm_free((void *)(uintptr_t)frame);
        return -2;
    }
    vst_map(vm, ga, frame, slot);
    return 1;
}

void pag_stats(struct pag_stats *st)
{
    st->ps_frames = frm_total();
    st->ps_free = frm_free_count();
    st->ps_slots = slots.ps_count;
    st->ps_slots_used = slots.ps_count - pgslot_free_count(&slots);
    st->ps_ins = n_ins;
    st->ps_outs = n_outs;
    st->ps_reclaims = n_reclaims;
}
