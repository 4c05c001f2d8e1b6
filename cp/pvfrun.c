/* pvfrun.c: the privileged-instruction fast path in C (decisions in pvf.h).
 *
 * The assembler path (hw/pvfasm.S) does SSM, LPSW and the I/O
 * instructions below first, in their commonest cases; what it leaves
 * comes here: a page to translate with LRA, STNSM and STOSM, and cases it
 * does not know.
 *
 * Entered from the program-interruption entry (hw/pvfasm.S) when the
 * dispatcher allowed it (LC_FAST_VM), with the guest's registers in
 * LC_SAVE_GR and its old PSW in LC_PGM_OLD, on CP's stack and without the
 * CP lock: it touches only the machine this processor runs, which nothing
 * else changes meanwhile (docs/smp.md). pvf_program returns 1 when the
 * instruction is done and the guest goes on at LC_PGM_OLD with the
 * registers in LC_SAVE_GR, 0 when the full path must do it; nothing has
 * changed then.
 *
 *  op  mnemonic        fast when
 *  80  SSM             pvf_ssm
 *  82  LPSW            pvf_lpsw (a doubleword operand)
 *  AC  STNSM, AD STOSM pvf_sysmask, and the guest's DAT is off (a store's
 *                      protection is the full path's to check)
 *  9C  SIO, SIOF       the machine has no such device: condition code 3
 *  9D  TIO, CLRIO      ... the same
 *  9E  HIO, HDV        ... the same
 *
 * The handlers are one switch, inlined into pvf_program, rather than a
 * table of functions: at this length each call's register saving would
 * be a fair part of the cost (docs/performance.md).
 *
 * Guest storage is reached through CP's own translation of it, which the
 * real CR1 still holds (the guest's real-storage tables, or the shadow
 * tables when its DAT is on): LOAD REAL ADDRESS gives the frame. A page
 * without one sends the instruction down the full path, which pages it
 * in or reflects the guest's exception. The last page translated is kept
 * in LC_FAST_PAGE/LC_FAST_FRAME, like one TLB entry; the dispatcher
 * forgets it each time it enters the guest, and every change of CP's
 * tables or the guest's happens outside the guest (a trap that takes the
 * full path, or between slices), so it is never stale.
 */
#include "pvf.h"
#include "prv.h"
#include "vm.h"
#include "vio.h"
#include "gla.h"
#include "hw/cpu.h"
#include "hw/hw.h"
#include "hw/vmoff.h"
#include <stddef.h>

/* The assembler path's view of the VMBLOK (hw/vmoff.h). */
#define VMOFF(field, off) _Static_assert(offsetof(struct vmblok, field) == (off), #field " moved: hw/vmoff.h")
VMOFF(vm_psw.ps_sysmask, VM_SYSMASK);
VMOFF(vm_psw.ps_key, VM_KEY);
VMOFF(vm_psw.ps_ec, VM_EC);
VMOFF(vm_psw.ps_mck, VM_MCK);
VMOFF(vm_psw.ps_wait, VM_WAIT);
VMOFF(vm_psw.ps_prob, VM_PROB);
VMOFF(vm_psw.ps_intcode, VM_INTCODE);
VMOFF(vm_psw.ps_ilc, VM_ILC);
VMOFF(vm_psw.ps_cc, VM_CC);
VMOFF(vm_psw.ps_pgmmask, VM_PGMMASK);
VMOFF(vm_psw.ps_addr, VM_ADDR);
VMOFF(vm_ext_pending, VM_EXTPEND);
VMOFF(vm_ext_enab, VM_EXTPEND + 1);
VMOFF(vm_io_pending, VM_IOPEND);
VMOFF(vm_devbits, VM_DEVBITS);
_Static_assert(sizeof(bool) == 1 && sizeof(((struct vmblok *)0)->vm_ext_pending) == 1 &&
               sizeof(((struct vmblok *)0)->vm_psw.ps_intcode) == 2 &&
               sizeof(((struct vmblok *)0)->vm_devbits) == 32 && sizeof(struct vpsw) == 16,
               "a field's size changed: hw/vmoff.h");
_Static_assert(LC_FAST_VM == LC_FAST_PGMID + 4 && LC_FAST_PAGE == LC_FAST_VM + 4 &&
               LC_FAST_FRAME == LC_FAST_PAGE + 4, "hw/pvfasm.S loads the four with one LM");
_Static_assert(sizeof(struct pvf_lpsw_b1) == 16 && sizeof(struct pvf_lpsw_ccpm) == 8,
               "hw/pvfasm.S indexes LPSW's tables by 16 and 8");

/* LPSW's tables (pvf.h), for hw/pvfasm.S; filled at IPL. */
struct pvf_lpsw_tabs {
    struct pvf_lpsw_ccpm cc[256];
    struct pvf_lpsw_b1 b1[256];
} pvf_lpsw_tabs __attribute__((aligned(16)));
_Static_assert(offsetof(struct pvf_lpsw_tabs, b1) == PVF_LPSW_TAB1_AT, "hw/vmoff.h");

#define ADDR24     0x00FFFFFFu
#define PAGE_MASK  0x00FFF000u
#define REAL_CC    0x00003000u          /* the condition code in a real PSW */
#define ILC_4      2                    /* every instruction here is 4 bytes */
#define OP_SSM     0x80
#define OP_LPSW    0x82
#define OP_SIO     0x9C
#define OP_TIO     0x9D
#define OP_HIO     0x9E
#define OP_STNSM   0xAC
#define OP_STOSM   0xAD

/* Where guest logical bytes [la, la + len) are, when they are in one page
 * that has a frame now; else NULL. */
static inline uint8_t *guest_bytes(uint32_t la, uint32_t len)
{
    uint32_t ra, page = la & PAGE_MASK;
    if ((la & ~PAGE_MASK & ADDR24) + len > 0x1000u)
        return NULL;
    if (page + LC_FAST_PAGE_BIAS != LOWCORE_U32(LC_FAST_PAGE)) {
        if (cpu_lra(page, &ra) != 0)
            return NULL;
        LOWCORE_U32(LC_FAST_PAGE) = page + LC_FAST_PAGE_BIAS;
        LOWCORE_U32(LC_FAST_FRAME) = ra;
    }
    return (uint8_t *)(uintptr_t)(LOWCORE_U32(LC_FAST_FRAME) + (la - page));
}

/* The operand address of an S or SI format instruction: base and
 * displacement in bytes 2-3. */
static inline uint32_t operand(const uint8_t *ip, const uint32_t *gr)
{
    return prv_ea_gr(gr, ip[2] >> 4, 0, (unsigned)(ip[2] & 15) << 8 | ip[3]);
}

static inline bool fast_ssm(struct vmblok *vm, uint32_t a, bool pending)
{
    const uint8_t *m = guest_bytes(a, 1);
    if (!m || !pvf_ssm(&vm->vm_psw, vm->vm_cr[0], *m, pending))
        return false;
    vm->vm_psw.ps_sysmask = *m;
    return true;
}

static inline bool fast_store_then(struct vmblok *vm, uint32_t a, uint8_t m, bool pending)
{
    uint8_t was = vm->vm_psw.ps_sysmask;
    uint8_t *d;
    if (gla_dat_on(vm) || !pvf_sysmask(&vm->vm_psw, m, pending) || !(d = guest_bytes(a, 1)))
        return false;
    *d = was;
    vm->vm_psw.ps_sysmask = m;
    return true;
}

static bool fast_lpsw(struct vmblok *vm, uint32_t a, bool pending, uint32_t old[2])
{
    const uint8_t *raw = (a & 7) ? NULL : guest_bytes(a, 8);
    struct vpsw n;
    if (!raw || !pvf_lpsw(&vm->vm_psw, raw, pending, &n))
        return false;
    vm->vm_psw = n;
    psw_to_real(&n, old);
    /* The assembler path does not look for virtual problem state: it
     * never runs for a guest in it (hw/pvfasm.S). */
    if (n.ps_prob)
        LOWCORE_U32(LC_FAST_VM) = 0;
    return true;
}

/* SIO, TIO, HIO and their X'01' forms to a device the machine does not
 * have: condition code 3, as prvio.c would set. */
static inline bool fast_io(struct vmblok *vm, const uint8_t *ip, uint32_t a, uint32_t old[2])
{
    if (ip[1] > 1 || vio_find(vm, (uint16_t)a))
        return false;
    old[0] = (old[0] & ~REAL_CC) | 3u << 12;
    return true;
}

/* prv.c's counter for each fast instruction and its X'00'/X'01' second
 * byte, so the intercept counts include what the fast path did. */
static uint32_t *counter[256][2];

void pvf_init(void)
{
    static const uint8_t ops[] = { OP_SSM, OP_LPSW, OP_SIO, OP_TIO, OP_HIO, OP_STNSM, OP_STOSM };
    static uint32_t unused;
    pvf_lpsw_tables(pvf_lpsw_tabs.b1, pvf_lpsw_tabs.cc);
    for (unsigned i = 0; i < sizeof ops; i++)
        for (uint8_t op2 = 0; op2 < 2; op2++) {
            const struct prv_op *row = prv_find(ops[i], op2);
            counter[ops[i]][op2] = row ? &prv_counts[row - prv_ops] : &unused;
        }
}

int pvf_program(struct vmblok *vm)
{
    uint32_t *old = (uint32_t *)(uintptr_t)(hw_lowcore + LC_PGM_OLD);
    const uint32_t *gr = (const uint32_t *)(uintptr_t)(hw_lowcore + LC_SAVE_GR);
    unsigned code = LOWCORE_U16(LC_PGM_CODE);
    if ((code != PGM_PRIVILEGED && code != PGM_OPERATION) || vm->vm_psw.ps_prob ||
        ((LOWCORE_U8(LC_PGM_ILC) >> 1) & 3) != ILC_4)
        return 0;
    const uint8_t *ip = guest_bytes((old[1] - 4) & ADDR24, 4);
    if (!ip)
        return 0;
    uint32_t a = operand(ip, gr);
    /* An external reason its CR0 masks cannot come in, whatever the
     * new mask: a clock comparator long past, an interval timer run out
     * under a CR0 that does not use it. */
    bool pending = (vm->vm_ext_pending & vm->vm_ext_enab) || vm->vm_io_pending, done;
    switch (ip[0]) {
    case OP_SSM:   done = fast_ssm(vm, a, pending); break;
    case OP_LPSW:  done = fast_lpsw(vm, a, pending, old); break;
    case OP_STNSM: done = fast_store_then(vm, a, vm->vm_psw.ps_sysmask & ip[1], pending); break;
    case OP_STOSM: done = fast_store_then(vm, a, vm->vm_psw.ps_sysmask | ip[1], pending); break;
    case OP_SIO: case OP_TIO: case OP_HIO:
                   done = fast_io(vm, ip, a, old); break;
    default:       done = false; break;
    }
    if (!done)
        return 0;
    vm->vm_intercepts++;
    (*counter[ip[0]][ip[1] & 1])++;
    return 1;
}
