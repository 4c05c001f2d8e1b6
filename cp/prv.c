/* prv.c: the privileged-operation simulator's table and dispatcher.
 *
 *  op    op2  mnemonic  what
 *  08    -    SSK       set storage key (2K block)
 *  09    -    ISK       insert storage key
 *  80    -    SSM       set system mask
 *  82    -    LPSW      load PSW
 *  83    -    DIAG      DIAGNOSE: the guest's call to CP
 *  9C    00   SIO       start I/O            (01 SIOF: start I/O fast release)
 *  9D    00   TIO       test I/O             (01 CLRIO: clear I/O)
 *  9E    00   HIO       halt I/O             (01 HDV: halt device)
 *  9F    00   TCH       test channel
 *  AC    -    STNSM     store then AND system mask
 *  AD    -    STOSM     store then OR system mask
 *  AE    -    SIGP      signal processor
 *  B1    -    LRA       load real address
 *  B6    -    STCTL     store control
 *  B7    -    LCTL      load control
 *  B2    02   STIDP     store CPU id        03 STIDC store channel id
 *  B2    04   SCK       set clock           06 SCKC  07 STCKC
 *  B2    08   SPT       set CPU timer       09 STPT
 *  B2    0A   SPKA      set PSW key from address   0B IPK insert PSW key
 *  B2    0D   PTLB      purge TLB           12 STAP  13 RRB reset reference bit
 *  E5    01   TPROT     test protection
 */
#include "prv.h"
#include "vm.h"
#include "vin.h"
#include "vst.h"
#include "gla.h"
#include "cplib.h"

#define P PRV_PRIVILEGED

const struct prv_op prv_ops[] = {
    { 0x08, -1,   "SSK",   FMT_RR, P, prv_ssk },
    { 0x09, -1,   "ISK",   FMT_RR, P, prv_isk },
    { 0x80, -1,   "SSM",   FMT_S,  P, prv_ssm },
    { 0x82, -1,   "LPSW",  FMT_S,  P, prv_lpsw },
    { 0x83, -1,   "DIAG",  FMT_RS, P, prv_diagnose },
    { 0x9C, 0x00, "SIO",   FMT_S,  P, prv_io },
    { 0x9C, 0x01, "SIOF",  FMT_S,  P, prv_io },
    { 0x9D, 0x00, "TIO",   FMT_S,  P, prv_io },
    { 0x9D, 0x01, "CLRIO", FMT_S,  P, prv_io },
    { 0x9E, 0x00, "HIO",   FMT_S,  P, prv_io },
    { 0x9E, 0x01, "HDV",   FMT_S,  P, prv_io },
    { 0x9F, 0x00, "TCH",   FMT_S,  P, prv_io },
    { 0xAC, -1,   "STNSM", FMT_SI, P, prv_stnsm },
    { 0xAD, -1,   "STOSM", FMT_SI, P, prv_stosm },
    { 0xAE, -1,   "SIGP",  FMT_RS, P, prv_sigp },
    { 0xB1, -1,   "LRA",   FMT_RX, P, prv_lra },
    { 0xB6, -1,   "STCTL", FMT_RS, P, prv_stctl },
    { 0xB7, -1,   "LCTL",  FMT_RS, P, prv_lctl },
    { 0xB2, 0x02, "STIDP", FMT_S,  P, prv_stidp },
    { 0xB2, 0x03, "STIDC", FMT_S,  P, prv_stidc },
    { 0xB2, 0x04, "SCK",   FMT_S,  P, prv_sck },
    { 0xB2, 0x06, "SCKC",  FMT_S,  P, prv_sckc },
    { 0xB2, 0x07, "STCKC", FMT_S,  P, prv_stckc },
    { 0xB2, 0x08, "SPT",   FMT_S,  P, prv_spt },
    { 0xB2, 0x09, "STPT",  FMT_S,  P, prv_stpt },
    { 0xB2, 0x0A, "SPKA",  FMT_S,  0, prv_spka },    /* semi-privileged: CR3 */
    { 0xB2, 0x0B, "IPK",   FMT_S,  0, prv_ipk },     /* semi-privileged: CR0 */
    { 0xB2, 0x0D, "PTLB",  FMT_S,  P, prv_ptlb },
    { 0xB2, 0x12, "STAP",  FMT_S,  P, prv_stap },
    { 0xB2, 0x13, "RRB",   FMT_S,  P, prv_rrb },
    { 0xE5, 0x01, "TPROT", FMT_SS, P, prv_tprot },
};
const unsigned prv_nops = sizeof prv_ops / sizeof prv_ops[0];
uint32_t prv_counts[sizeof prv_ops / sizeof prv_ops[0]];

/* First-opcode index into prv_ops, built on first use: each byte leads to
 * its first row; a family (B2, 9C-9F, E5) is then searched on op2. */
static const struct prv_op *by_op[256];
static bool indexed;

static void build_index(void)
{
    for (unsigned i = prv_nops; i-- > 0;)
        by_op[prv_ops[i].po_op] = &prv_ops[i];
    indexed = true;
}

const struct prv_op *prv_find(uint8_t op, uint8_t op2)
{
    if (!indexed)
        build_index();
    const struct prv_op *e = by_op[op];
    for (; e && e < prv_ops + prv_nops && e->po_op == op; e++)
        if (e->po_op2 < 0 || e->po_op2 == op2)
            return e;
    return NULL;
}

uint32_t prv_ea(const struct vmblok *vm, unsigned b, unsigned x, unsigned d)
{
    return prv_ea_gr(vm->vm_ctx.hc_gr, b, x, d);
}

#define OP_EX 0x44

/* Fetch the instruction the guest was executing: at addr, or, when that is
 * an EXECUTE, its target with the second byte ORed from R1 (GA22-7000,
 * "EXECUTE"). Returns 0 or a program-interruption code. */
static int fetch(struct vmblok *vm, uint32_t addr, uint8_t bytes[6], bool *executed)
{
    memset(bytes, 0, 6);
    int rc = gla_read(vm, addr, bytes, 2);
    if (rc)
        return rc;
    *executed = false;
    if (bytes[0] == OP_EX) {
        uint8_t ex[4];
        if ((rc = gla_read(vm, addr, ex, 4)))
            return rc;
        unsigned r1 = ex[1] >> 4, x2 = ex[1] & 15, b2 = ex[2] >> 4;
        uint32_t target = prv_ea(vm, b2, x2, (unsigned)((ex[2] & 15) << 8 | ex[3]));
        if (target & 1)
            return PGM_SPECIFICATION;
        if ((rc = gla_read(vm, target, bytes, 2)))
            return rc;
        if (bytes[0] == OP_EX)
            return PGM_EXECUTE;
        if (r1)
            bytes[1] |= (uint8_t)vm->vm_ctx.hc_gr[r1];
        addr = target;
        *executed = true;
    }
    unsigned len = insn_length(bytes[0]);
    return len > 2 ? gla_read(vm, addr + 2, bytes + 2, len - 2) : 0;
}

/* Reflect code for the instruction at at. The PSW already points past it
 * (a privileged-operation exception suppresses); a translation exception
 * on an operand nullifies instead, so the guest can page in and retry. */
static int reflect(struct vmblok *vm, int code, unsigned ilc, uint32_t at)
{
    if (gla_is_translation((unsigned)code))
        vm->vm_psw.ps_addr = at;
    vin_program(vm, (unsigned)code, ilc);
    return code;
}

int prv_simulate(struct vmblok *vm, unsigned code, unsigned ilc)
{
    uint32_t at = (vm->vm_psw.ps_addr - ilc * 2) & 0x00FFFFFFu;
    uint8_t bytes[6];
    bool executed;
    int rc = fetch(vm, at, bytes, &executed);
    if (rc)
        return reflect(vm, rc, ilc, at);
    const struct prv_op *op = prv_find(bytes[0], bytes[1]);
    if (!op) {
        /* Not one CP simulates. A special-operation exception is the
         * guest's own (MVCP and MVCS with DAT off give it on System/370
         * too); anything else is an ESA/390 instruction the guest's
         * machine does not have. */
        unsigned reflect = code == PGM_SPECIAL_OP ? PGM_SPECIAL_OP : PGM_OPERATION;
        vin_program(vm, reflect, ilc);
        return (int)reflect;
    }
    prv_counts[op - prv_ops]++;
    vm->vm_intercepts++;
    if ((op->po_flags & PRV_PRIVILEGED) && vm->vm_psw.ps_prob) {
        vin_program(vm, PGM_PRIVILEGED, ilc);
        return PGM_PRIVILEGED;
    }
    struct insn in;
    insn_decode(bytes, (enum insn_fmt)op->po_fmt, &in);
    in.in_addr = at;
    (void)executed;
    rc = op->po_fn(vm, &in);
    return rc > 0 ? reflect(vm, rc, ilc, at) : rc;
}
