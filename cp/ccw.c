/* ccw.c: CCW translation and untranslation (ccw.h; docs/ccw.md): the chain
 * as a whole (runs, TICs, groups, self-modification, the real CSW back);
 * one command CCW by its device row is ccwckd.c.
 *
 * Entered by a virtual device class: ccw_translate at the guest's SIO,
 * ccw_untranslate at each real interruption (PCI or ending), ccw_post and
 * ccw_release when the operation is over. It keeps no state of its own.
 *
 * The guest chain is copied in "runs": a run starts at a TIC target (or the
 * CAW) and takes the CCWs at ascending addresses for as long as anything can
 * reach the next one (chaining flags, or a status modifier from a search).
 * A guest TIC becomes a real TIC to the copy of its target, translated as a
 * new run if it has none. Runs keep the guest's spacing, so the channel's
 * own sequencing is the guest's.
 */
#include "ccwint.h"
#include "cplib.h"

/* CSW/SCSW channel status bits (same positions in both). */
#define CST_PCI   0x80
#define CST_IL    0x40
#define CST_PGM   0x20
#define CST_PROT  0x10

#define F0_BAD    0x07        /* format-0 flag bits 37-39: must be zero */
#define DATA_CMD  0x00        /* command byte of a data-chained real CCW:
                                 ignored by the channel, invalid if not */
#define UNSET     0xFFFFu
#define KEYBLK    2048u       /* System/370 storage keys cover 2K blocks */

/* ---- the translation state and small helpers ----------------------- */

uint32_t ccw_raddr(const struct ccw_prog *p, const void *field)
{
    return p->cp_real + (uint32_t)((const uint8_t *)field - (const uint8_t *)p);
}

uint32_t ccw_real_addr(const struct ccw_prog *p, unsigned idx)
{
    return ccw_raddr(p, &p->cp_ccw[idx]);
}

static bool inside(const struct xl *x, uint32_t ga, uint32_t len)
{
    return ga <= x->g->cg_size && len <= x->g->cg_size - ga;
}

/* May the CAW key store into (or fetch from) [ga, ga+len)? GA22-7000,
 * "Key-Controlled Protection": key 0 or a matching key may do both; any
 * key may fetch from a block without the fetch-protection bit. */
static bool keyok(const struct xl *x, uint32_t ga, uint32_t len, bool store)
{
    if (!x->g->cg_key || x->key == 0)
        return true;
    for (uint32_t b = ga & ~(KEYBLK - 1); b < ga + len; b += KEYBLK) {
        uint8_t sk = x->g->cg_key(x->g->cg_ctx, b);
        if ((sk >> 4) != x->key && (store || (sk & 0x08)))
            return false;
    }
    return true;
}

static unsigned emit(struct xl *x, uint8_t kind, uint8_t ctx)
{
    unsigned k = x->p->cp_nccw++;
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    memset(ri, 0, sizeof *ri);
    ri->ri_kind = kind;
    ri->ri_ctx = ctx;
    ri->ri_blk = UNSET;
    x->p->cp_ccw[k] = (struct ccw1){ 0, 0, 0, 0 };
    return k;
}

void ccw_set(struct xl *x, unsigned k, uint8_t cmd, uint8_t flags, uint32_t count,
             uint32_t ra)
{
    x->p->cp_ccw[k] = (struct ccw1){ cmd, flags, (uint16_t)count, ra };
}

/* Make real CCW k a stop: a NOP that ends the chain where the guest's
 * chain would have met the error. As a data-chained CCW it moves one
 * byte: none with SKIP on input, a zero from the bucket on output. */
void ccw_stop_at(struct xl *x, unsigned k, uint8_t why, uint32_t csw)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    ccw_set(x, k, CMD_NOP, CCW_SKIP, 1, ccw_raddr(x->p, x->p->cp_bucket));
    ri->ri_stop = why;
    ri->ri_aux = csw;
}

/* Guest bytes [ga, ga+len) that real CCW k will store into (or fetch):
 * inside storage and allowed by the key, or k becomes the stop. */
bool ccw_usable(struct xl *x, unsigned k, uint32_t ga, uint32_t len, bool store)
{
    uint32_t csw = x->p->cp_info[k].ri_gccw + 8;
    if (!inside(x, ga, len))
        ccw_stop_at(x, k, CCW_S_ADDR, csw);
    else if (!keyok(x, ga, len, store))
        ccw_stop_at(x, k, CCW_S_PROT, csw);
    else
        return true;
    return false;
}

int ccw_newslot(struct xl *x)
{
    if (x->p->cp_nslot == CCW_MAXSLOT)
        return -1;
    memset(x->p->cp_slot[x->p->cp_nslot], 0, CCW_SLOTLEN);
    return x->p->cp_nslot++;
}

/* Host real address of guest page gpage, pinning it the first time. */
static uint32_t frame(struct xl *x, uint32_t gpage)
{
    struct ccw_prog *p = x->p;
    for (unsigned i = p->cp_npin; i-- > 0;)
        if (p->cp_pin[i] == gpage)
            return p->cp_frame[i];
    if (p->cp_npin == CCW_MAXPIN)
        return 0;
    uint32_t f = x->g->cg_pin(x->g->cg_ctx, gpage);
    if (f) {
        p->cp_pin[p->cp_npin] = gpage;
        p->cp_frame[p->cp_npin++] = f;
    }
    return f;
}

/* Real address for len bytes of guest storage at ga (checked inside):
 * direct within one page, else a list of 2K IDAWs. 0, or the stop. */
int ccw_area(struct xl *x, uint32_t ga, uint32_t len, uint32_t *ra, uint8_t *ida)
{
    struct ccw_prog *p = x->p;
    uint32_t end = ga + len;
    uint32_t f = frame(x, ga & ~(CCW_PAGE - 1));
    if (!f)
        return CCW_S_LONG;
    if ((ga & ~(CCW_PAGE - 1)) == ((end - 1) & ~(CCW_PAGE - 1))) {
        *ra = f + (ga & (CCW_PAGE - 1));
        *ida = 0;
        return 0;
    }
    unsigned n = p->cp_nidaw;
    for (uint32_t b = ga; b < end; b = (b | (CCW_IDAWLEN - 1)) + 1) {
        if (n == CCW_MAXIDAW || !(f = frame(x, b & ~(CCW_PAGE - 1))))
            return CCW_S_LONG;
        p->cp_idaw[n++] = f + (b & (CCW_PAGE - 1));
    }
    *ra = ccw_raddr(p, &p->cp_idaw[p->cp_nidaw]);
    *ida = CCW_IDA;
    p->cp_nidaw = (uint16_t)n;
    return 0;
}

/* ---- one guest CCW: fetch, TIC, dispatch (commands: ccwckd.c) -------- */

/* A guest TIC at ga in context ctx (GA22-7000, "Transfer in Channel"): not
 * as the first CCW, to a doubleword inside storage, not to another TIC. */
static void tic(struct xl *x, unsigned k, uint32_t ga, uint32_t to, bool first)
{
    uint8_t c;
    if (first || (to & 7) || !inside(x, to, 8))
        ccw_stop_at(x, k, CCW_S_PGM, ga + 8);
    else if (x->g->cg_read(x->g->cg_ctx, to, &c, 1) || (c & 0x0F) == CMD_TIC)
        ccw_stop_at(x, k, CCW_S_PGM, to + 8);
    else {
        ccw_set(x, k, CMD_TIC, 0, 0, 0);
        x->p->cp_info[k].ri_aux = to;
    }
}

static uint8_t dirctx(uint8_t cls)
{
    return cls == CCW_READ || cls == CCW_SENSE ? X_IN : cls == CCW_SEARCH ? X_SRCH : X_OUT;
}

/* Fetch the guest CCW at ga for real CCW k, as the channel would: from
 * inside storage, under the CAW key. false: k is a stop. */
static bool fetch(struct xl *x, unsigned k, uint32_t ga)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    uint8_t c[8];
    ri->ri_gccw = ga;
    ri->ri_arg = CCW_A_DATA;
    if (k == CCW_MAXCCW - 1)                    /* the last place is for a stop */
        ccw_stop_at(x, k, CCW_S_LONG, ga + 8);
    else if (!inside(x, ga, 8) || x->g->cg_read(x->g->cg_ctx, ga, c, 8))
        ccw_stop_at(x, k, CCW_S_PGM, ga);
    else if (!keyok(x, ga, 8, false))
        ccw_stop_at(x, k, CCW_S_PROT, ga + 8);
    else {
        ri->ri_gcmd = c[0];
        ri->ri_gdata = (uint32_t)c[1] << 16 | (uint32_t)c[2] << 8 | c[3];
        ri->ri_gflags = c[4];
        ri->ri_gcount = (uint16_t)(c[6] << 8 | c[7]);
        return true;
    }
    return false;
}

/* Translate the guest CCW at ga into the next real CCW. clash: the CCW is
 * reached both by data chaining and, after a status modifier, as a new
 * command; one real CCW cannot be both. */
static struct step unit(struct xl *x, uint32_t ga, uint8_t ctx, bool first, bool clash)
{
    struct step s = { false, X_CMD, false };
    unsigned k = emit(x, CCW_K_POS, ctx);
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    if (!fetch(x, k, ga))
        return s;
    if (clash) {
        ccw_stop_at(x, k, CCW_S_PGM, ga + 8);
        return s;
    }
    if ((ri->ri_gcmd & 0x0F) == CMD_TIC) {
        tic(x, k, ga, ri->ri_gdata, first);
        return s;
    }
    uint8_t chain = 0, cls = ctx == X_IN ? CCW_READ : ctx == X_SRCH ? CCW_SEARCH : CCW_WRITE;
    const struct ccw_cmd *row = NULL;
    if ((ri->ri_gflags & F0_BAD) || ri->ri_gcount == 0
        || (ctx == X_CMD && (ri->ri_gcmd & 0x0F) == 0))
        ccw_stop_at(x, k, CCW_S_PGM, ga + 8);
    else if (ctx != X_CMD) {
        if (ctx == X_SRCH)
            ri->ri_attr |= CCW_R_SM;
        ccw_plain(x, k, DATA_CMD, ctx == X_IN);
        chain = ri->ri_gflags & (CCW_CD | CCW_CC);
    } else if (!(row = ccw_lookup(x->r, ri->ri_gcmd)))
        ccw_stop_at(x, k, CCW_S_CMDREJ, ga + 8);
    else if ((row->cc_flags & CCW_F_WRITE) && x->r->ru_readonly)
        ccw_stop_at(x, k, CCW_S_FILEPROT, ga + 8);
    else {
        chain = ccw_command(x, k, row);
        cls = row->cc_class;
    }
    if (ri->ri_stop || !chain)
        return s;
    s.chain = true;
    s.next = (chain & CCW_CD) ? dirctx(cls) : X_CMD;
    s.sm = (ri->ri_attr & CCW_R_SM) && !(chain & CCW_CD);
    if (s.sm && k + 2 > CCW_MAXCCW - 1) {       /* no room for the CCW a skip lands on */
        ccw_stop_at(x, k, CCW_S_LONG, ga + 8);
        s.chain = s.sm = false;
    }
    return s;
}

/* ---- out-of-line groups and runs -------------------------------------- */

/* The group for ENTRY k: a piece from the slot (the count field, or READ
 * IPL's seek), the guest's part, and a TIC back to the CCW after k when k
 * chains. The pieces stand for k in untranslation. */
static void group(struct xl *x, unsigned k)
{
    struct ccw_prog *p = x->p;
    struct ccw_rinfo *ri = &p->cp_info[k];
    bool isipl = ri->ri_arg == CCW_A_IPL;
    uint32_t off = isipl ? 0 : 8, len = ri->ri_gcount - off;
    uint32_t ra = ccw_raddr(p, p->cp_bucket), sa = ccw_raddr(p, p->cp_slot[ri->ri_slot]);
    uint8_t fl = ri->ri_gflags & GFLAGS, ida = 0;
    int why = p->cp_nccw + 3 > CCW_MAXCCW ? CCW_S_LONG : 0;
    if (!why && !(isipl && (fl & CCW_SKIP)))
        why = ccw_area(x, ri->ri_gdata + off, len, &ra, &ida);
    if (why) {
        ccw_stop_at(x, k, (uint8_t)why, ri->ri_gccw + 8);
        return;
    }
    unsigned a = emit(x, CCW_K_PIECE, X_CMD), b = emit(x, CCW_K_PIECE, X_CMD);
    p->cp_info[a] = p->cp_info[b] = *ri;
    p->cp_info[a].ri_kind = p->cp_info[b].ri_kind = CCW_K_PIECE;
    p->cp_info[a].ri_attr = p->cp_info[b].ri_attr = 0;
    p->cp_info[b].ri_adj = 0;
    if (isipl) {
        ccw_set(x, a, CKD_SEEK, CCW_CC | (fl & CCW_PCI), 6, sa);
        ccw_set(x, b, CKD_RD, (fl & ~CCW_PCI) | ida, len, ra);
        p->cp_info[a].ri_adj = ri->ri_gcount;
    } else {
        ccw_set(x, a, ri->ri_gcmd, CCW_CD | (fl & CCW_PCI), 8, sa);
        ccw_set(x, b, DATA_CMD, (fl & ~CCW_PCI) | ida, len, ra);
        p->cp_info[a].ri_adj = (int32_t)len;
    }
    if (fl & (CCW_CD | CCW_CC)) {
        unsigned t = emit(x, CCW_K_BACK, X_CMD);
        p->cp_info[t] = p->cp_info[b];
        p->cp_info[t].ri_kind = CCW_K_BACK;
        p->cp_info[t].ri_blk = (uint16_t)(k + 1);
        ccw_set(x, t, CMD_TIC, 0, 0, 0);
    }
    ri->ri_blk = (uint16_t)a;
}

/* Copy guest CCWs from ga on while anything reaches the next one: viasm
 * says the CCW after the current one is reached, as a command, by a
 * status modifier from the search just before the current one. */
static void run(struct xl *x, uint32_t ga, uint8_t ctx, bool first)
{
    unsigned from = x->p->cp_nccw;
    bool viasm = false, clash = false;
    for (;;) {
        struct step s = unit(x, ga, ctx, first, clash);
        first = false;
        if (!s.chain && !viasm)
            break;
        clash = viasm && s.chain && s.next != X_CMD;
        ctx = s.chain ? s.next : X_CMD;
        viasm = s.sm;
        ga += 8;
    }
    for (unsigned k = from; k < x->p->cp_nccw; k++)
        if (x->p->cp_info[k].ri_kind == CCW_K_ENTRY && !x->p->cp_info[k].ri_stop)
            group(x, k);
}

/* The real CCW that already stands for the guest CCW at ga in ctx, or -1. */
static int find(const struct ccw_prog *p, uint32_t ga, uint8_t ctx)
{
    for (unsigned k = 0; k < p->cp_nccw; k++) {
        const struct ccw_rinfo *ri = &p->cp_info[k];
        if ((ri->ri_kind == CCW_K_POS || ri->ri_kind == CCW_K_ENTRY)
            && ri->ri_gccw == ga && ri->ri_ctx == ctx)
            return (int)k;
    }
    return -1;
}

/* Give every guest TIC a target, translating a new run where there is
 * none yet. New runs land beyond k, so one pass sees their TICs too. */
static void tics(struct xl *x)
{
    struct ccw_prog *p = x->p;
    for (unsigned k = 0; k < p->cp_nccw; k++) {
        struct ccw_rinfo *ri = &p->cp_info[k];
        if (ri->ri_kind != CCW_K_POS || ri->ri_stop || p->cp_ccw[k].cw_cmd != CMD_TIC)
            continue;
        int t = find(p, ri->ri_aux, ri->ri_ctx);
        if (t < 0 && p->cp_nccw == CCW_MAXCCW) {
            ccw_stop_at(x, k, CCW_S_LONG, ri->ri_gccw + 8);
            continue;
        }
        if (t < 0) {
            t = p->cp_nccw;
            run(x, ri->ri_aux, ri->ri_ctx, false);
        }
        ri->ri_blk = (uint16_t)t;
    }
}

/* ---- a chain that changes itself -------------------------------------- */

/* Real CCWs the channel may fetch after real CCW i. */
static unsigned succ(const struct ccw_prog *p, unsigned i, unsigned out[2])
{
    const struct ccw_rinfo *ri = &p->cp_info[i];
    const struct ccw1 *c = &p->cp_ccw[i];
    unsigned n = 0;
    if (ri->ri_stop)
        return 0;
    if (c->cw_cmd == CMD_TIC) {
        if (ri->ri_blk != UNSET)
            out[n++] = ri->ri_blk;
        return n;
    }
    if ((c->cw_flags & (CCW_CD | CCW_CC)) && i + 1 < p->cp_nccw)
        out[n++] = i + 1;
    if ((ri->ri_attr & CCW_R_SM) && (c->cw_flags & (CCW_CD | CCW_CC)) == CCW_CC
        && i + 2 < p->cp_nccw)
        out[n++] = i + 2;
    return n;
}

static bool overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
    return alen && blen && a < b + blen && b < a + alen;
}

/* Guest bytes in the CCW's argument copy: the argument the device takes. */
static uint32_t copied(const struct ccw_rinfo *ri)
{
    static const uint8_t w[] = { [CCW_A_SEEK] = 6, [CCW_A_SEEKHD] = 6, [CCW_A_SRCHID] = 5,
                                 [CCW_A_WCOUNT] = 8 };
    return ri->ri_arg < sizeof w ? min32(ri->ri_gcount, w[ri->ri_arg]) : 0;
}

/* Guest bytes the CCW moves: an argument or a lone count field is all the
 * device takes or gives; anything else may use the whole count. */
static uint32_t moved(const struct ccw_rinfo *ri)
{
    if (ri->ri_stop || ((ri->ri_attr & CCW_R_IN) && (ri->ri_gflags & CCW_SKIP)))
        return 0;
    if (ri->ri_arg == CCW_A_RCOUNT || ri->ri_arg == CCW_A_RHA)
        return min32(ri->ri_gcount, ri->ri_arg == CCW_A_RHA ? 5 : 8);
    if (ri->ri_arg == CCW_A_WCOUNT)
        return ri->ri_gcount;
    if (copied(ri))
        return copied(ri);
    return (ri->ri_attr & (CCW_R_IN | CCW_R_OUT)) ? ri->ri_gcount : 0;
}

/* Can the chain, after real CCW k, fetch guest bytes [ga, ga+len) that CP
 * copied (a CCW or an argument)? strict: also any data moved (k's own
 * store is late: a count field reaches the guest only in ccw_post). */
static bool reaches(const struct ccw_prog *p, unsigned k, uint32_t ga, uint32_t len, bool strict)
{
    uint32_t seen[CCW_MAXCCW / 32] = { 0 };
    uint16_t todo[CCW_MAXCCW];
    unsigned n = 0, nx[2], m = succ(p, k, nx);
    for (unsigned i = 0; i < m; i++)
        if (!(seen[nx[i] / 32] & (1u << nx[i] % 32))) {
            seen[nx[i] / 32] |= 1u << nx[i] % 32;
            todo[n++] = (uint16_t)nx[i];
        }
    while (n) {
        unsigned j = todo[--n];
        const struct ccw_rinfo *ri = &p->cp_info[j];
        if (ri->ri_kind == CCW_K_POS || ri->ri_kind == CCW_K_ENTRY) {
            if (overlap(ga, len, ri->ri_gccw, 8)
                || ((ri->ri_attr & CCW_R_COPY) && overlap(ga, len, ri->ri_gdata, copied(ri)))
                || (strict && j != k && overlap(ga, len, ri->ri_gdata, moved(ri))))
                return true;
        }
        m = succ(p, j, nx);
        for (unsigned i = 0; i < m; i++)
            if (!(seen[nx[i] / 32] & (1u << nx[i] % 32))) {
                seen[nx[i] / 32] |= 1u << nx[i] % 32;
                todo[n++] = (uint16_t)nx[i];
            }
    }
    return false;
}

/* GA22-7000 lets a chain read into its own later CCWs and arguments; CP
 * runs copies, so such a store would not be seen. The storing CCW becomes
 * a channel program check instead (docs/ccw.md). */
static void selfmod(struct xl *x)
{
    struct ccw_prog *p = x->p;
    for (unsigned k = 0; k < p->cp_nccw; k++) {
        struct ccw_rinfo *ri = &p->cp_info[k];
        if ((ri->ri_kind != CCW_K_POS && ri->ri_kind != CCW_K_ENTRY) || !(ri->ri_attr & CCW_R_IN))
            continue;
        uint32_t len = moved(ri);
        if (len && reaches(p, k, ri->ri_gdata, len, ri->ri_attr & CCW_R_NOTE))
            ccw_stop_at(x, k, CCW_S_SELFMOD, ri->ri_gccw + 8);
    }
}

/* ---- finishing, untranslation ------------------------------------------ */

/* Follow TICs from real CCW t to the CCW the channel will execute: a guest
 * TIC may land on a group's TIC, a group's TIC back on a guest TIC, and a
 * real TIC must not lead to another (SA22-7201, "Transfer in Channel"). */
static unsigned follow(const struct ccw_prog *p, unsigned t)
{
    for (int hop = 0; hop < 4; hop++) {
        const struct ccw_rinfo *ri = &p->cp_info[t];
        if (p->cp_ccw[t].cw_cmd != CMD_TIC || ri->ri_stop || ri->ri_blk == UNSET)
            break;
        t = ri->ri_blk;
    }
    return t;
}

static void resolve(struct xl *x)
{
    struct ccw_prog *p = x->p;
    for (unsigned k = 0; k < p->cp_nccw; k++) {
        struct ccw_rinfo *ri = &p->cp_info[k];
        if (p->cp_ccw[k].cw_cmd != CMD_TIC || ri->ri_stop)
            continue;
        unsigned t = ri->ri_blk == UNSET ? k : follow(p, ri->ri_blk);
        if (p->cp_ccw[t].cw_cmd == CMD_TIC && !p->cp_info[t].ri_stop)
            ccw_stop_at(x, k, CCW_S_PGM, ri->ri_gccw + 8);     /* cannot happen; never run it */
        else
            p->cp_ccw[k].cw_addr = ccw_real_addr(p, t);
    }
    p->cp_begin = (uint16_t)follow(p, 0);
}

static bool unitcheck(uint8_t why)
{
    return why >= CCW_S_CMDREJ;
}

/* The guest's status for a chain that ended on a stop. A unit check comes
 * as the 3380 presents it under Hercules (channel end, device end, unit
 * check; the whole count left); a program check with the count zero. */
static void stopped(const struct ccw_rinfo *ri, uint8_t pci, struct ccw_csw *out)
{
    memset(out, 0, sizeof *out);
    out->cs_ccw = ri->ri_aux;
    out->cs_sense = ri->ri_stop;
    out->cs_cs = pci;
    if (unitcheck(ri->ri_stop)) {
        out->cs_us = DS_CE | DS_DE | DS_UC;
        /* A seek outside the extent is one the device took (all six
         * bytes) and then refused, as Hercules' 3380 does past the volume's
         * end (tests/guest/io_dasd); a rejected command took nothing. */
        out->cs_count = ri->ri_stop == CCW_S_SEEK ? 0 : ri->ri_gcount;
    } else
        out->cs_cs |= ri->ri_stop == CCW_S_PROT ? CST_PROT : CST_PGM;
}

int ccw_translate(struct ccw_prog *p, const struct ccw_guest *g,
                  const struct ccw_rules *r, uint32_t caw)
{
    struct xl x = { p, g, r, (uint8_t)(caw >> 28) };
    p->cp_nccw = p->cp_nidaw = p->cp_nslot = p->cp_nnote = p->cp_npin = 0;
    p->cp_begin = 0;
    p->cp_cstart = r->ru_start;
    memset(p->cp_bucket, 0, sizeof p->cp_bucket);
    memset(&p->cp_csw, 0, sizeof p->cp_csw);
    if ((caw & 0x0F000007u) || !inside(&x, caw & 0xFFFFFF, 8)) {
        p->cp_csw.cs_ccw = caw & 0xFFFFFF;     /* GA22-7000: CAW bits 4-7 zero */
        p->cp_csw.cs_cs = CST_PGM;
        p->cp_csw.cs_sense = CCW_S_PGM;
        return 1;
    }
    run(&x, caw & 0xFFFFFF, X_CMD, true);
    tics(&x);
    selfmod(&x);
    resolve(&x);
    if (p->cp_info[p->cp_begin].ri_stop) {
        stopped(&p->cp_info[p->cp_begin], 0, &p->cp_csw);
        return 1;
    }
    return 0;
}

void ccw_untranslate(const struct ccw_prog *p, uint32_t scsw_ccw, uint8_t dstat,
                     uint8_t cstat, uint16_t count, struct ccw_csw *out)
{
    uint32_t base = ccw_real_addr(p, 0), a = scsw_ccw - ((dstat & DS_SM) ? 8 : 0);
    memset(out, 0, sizeof *out);
    out->cs_us = dstat;
    out->cs_cs = cstat;
    out->cs_count = count;
    if (a < base + 8 || a > base + 8u * p->cp_nccw || ((a - base) & 7))
        return;                           /* not ours: status as it is, no address */
    const struct ccw_rinfo *ri = &p->cp_info[(a - base) / 8 - 1];
    if (ri->ri_stop && (dstat & DS_CE) && !(dstat & (DS_UC | DS_UX))
        && !(cstat & ~(CST_IL | CST_PCI))) {
        stopped(ri, cstat & CST_PCI, out);
        return;
    }
    int32_t res = (int32_t)count + ri->ri_adj;
    out->cs_ccw = ri->ri_gccw + 8 + ((dstat & DS_SM) ? 8 : 0);
    out->cs_count = (uint16_t)(res < 0 ? 0 : res > 0xFFFF ? 0xFFFF : res);
}

void ccw_post(struct ccw_prog *p, const struct ccw_guest *g)
{
    for (unsigned i = 0; i < p->cp_nnote; i++) {
        const struct ccw_note *n = &p->cp_note[i];
        uint8_t *s = p->cp_slot[n->cn_slot];
        bool stored = false;
        for (unsigned b = 0; b < n->cn_len; b++)
            stored |= s[b] != 0xFF;
        if (p->cp_info[n->cn_real].ri_stop || !stored)
            continue;                     /* the device never got there */
        if (n->cn_len >= n->cn_ccoff + 2u)
            be_put16(s + n->cn_ccoff, be_get16(s + n->cn_ccoff) - p->cp_cstart);
        g->cg_write(g->cg_ctx, n->cn_ga, s, n->cn_len);
        memset(s, 0xFF, CCW_SLOTLEN);     /* a second call changes nothing */
    }
}

void ccw_release(struct ccw_prog *p, const struct ccw_guest *g)
{
    for (unsigned i = 0; i < p->cp_npin; i++)
        g->cg_unpin(g->cg_ctx, p->cp_pin[i]);
    p->cp_npin = 0;
}

/* 3880 sense for the unit checks CP makes: byte 0 X'80' command reject,
 * byte 1 X'04' file protected, byte 7 format 0 and a message: 1 invalid
 * command, 2 invalid command sequence (the 3880's answer to a write its file
 * mask forbids), 3 count less than required, 4 invalid argument (Hercules'
 * answer to a seek past the volume). */
void ccw_sense(uint8_t code, uint8_t sense[24])
{
    memset(sense, 0, 24);
    switch (code) {
    case CCW_S_CMDREJ:   sense[0] = 0x80; sense[7] = 0x01; break;
    case CCW_S_FILEPROT: sense[0] = 0x80; sense[1] = 0x04; sense[7] = 0x02; break;
    case CCW_S_SHORT:    sense[0] = 0x80; sense[7] = 0x03; break;
    case CCW_S_SEEK:     sense[0] = 0x80; sense[7] = 0x04; break;
    default: break;
    }
}
