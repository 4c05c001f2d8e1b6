/* ccw.c: CCW translation and untranslation (ccw.h; docs/ccw.md).
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
#include "ccw.h"
#include "cplib.h"

/* CSW/SCSW channel status bits (same positions in both). */
#define CST_PCI   0x80
#define CST_IL    0x40
#define CST_PGM   0x20
#define CST_PROT  0x10

#define GFLAGS    (CCW_CD | CCW_CC | CCW_SLI | CCW_SKIP | CCW_PCI)
#define F0_BAD    0x07        /* format-0 flag bits 37-39: must be zero */
#define DATA_CMD  0x00        /* command byte of a data-chained real CCW:
                                 ignored by the channel, invalid if not */
#define CKD_SEEK  0x07
#define CKD_RD    0x06
#define UNSET     0xFFFFu
#define KEYBLK    2048u       /* System/370 storage keys cover 2K blocks */

/* How the channel reaches a guest CCW: as a new command, or by data
 * chaining from an input, output or search command. */
enum { X_CMD, X_IN, X_OUT, X_SRCH };

/* IBM 3380 on a 3880, as VM minidisks use it. Multi-track forms are safe:
 * without Locate Record a head switch past the last track of a cylinder
 * ends in unit check (end of cylinder), and extents are whole cylinders. */
const struct ccw_cmd ccw_3380[] = {
    { 0x02, CCW_READ,    CCW_A_IPL,    0,           "RDIPL"    },
    { 0x03, CCW_CONTROL, CCW_A_NODATA, 0,           "NOP"      },
    { 0x04, CCW_SENSE,   CCW_A_DATA,   0,           "SENSE"    },
    { 0x05, CCW_WRITE,   CCW_A_DATA,   CCW_F_WRITE, "WD"       },
    { 0x06, CCW_READ,    CCW_A_DATA,   0,           "RD"       },
    { 0x07, CCW_CONTROL, CCW_A_SEEK,   0,           "SEEK"     },
    { 0x0B, CCW_CONTROL, CCW_A_SEEK,   0,           "SEEKCYL"  },
    { 0x0D, CCW_WRITE,   CCW_A_DATA,   CCW_F_WRITE, "WKD"      },
    { 0x0E, CCW_READ,    CCW_A_DATA,   0,           "RKD"      },
    { 0x11, CCW_WRITE,   CCW_A_DATA,   CCW_F_WRITE, "ERASE"    },
    { 0x12, CCW_READ,    CCW_A_RCOUNT, 0,           "RC"       },
    { 0x13, CCW_CONTROL, CCW_A_RECAL,  0,           "RECAL"    },
    { 0x15, CCW_WRITE,   CCW_A_WCOUNT, CCW_F_WRITE, "WR0"      },
    { 0x16, CCW_READ,    CCW_A_RCKD,   0,           "RR0"      },
    { 0x1A, CCW_READ,    CCW_A_RHA,    0,           "RHA"      },
    { 0x1B, CCW_CONTROL, CCW_A_SEEKHD, 0,           "SEEKHD"   },
    { 0x1D, CCW_WRITE,   CCW_A_WCOUNT, CCW_F_WRITE, "WCKD"     },
    { 0x1E, CCW_READ,    CCW_A_RCKD,   0,           "RCKD"     },
    { 0x29, CCW_SEARCH,  CCW_A_DATA,   0,           "SKEQ"     },
    { 0x31, CCW_SEARCH,  CCW_A_SRCHID, 0,           "SIDEQ"    },
    { 0x49, CCW_SEARCH,  CCW_A_DATA,   0,           "SKHI"     },
    { 0x51, CCW_SEARCH,  CCW_A_SRCHID, 0,           "SIDHI"    },
    { 0x69, CCW_SEARCH,  CCW_A_DATA,   0,           "SKHE"     },
    { 0x71, CCW_SEARCH,  CCW_A_SRCHID, 0,           "SIDHE"    },
    { 0x86, CCW_READ,    CCW_A_DATA,   CCW_F_MT,    "RD MT"    },
    { 0x8E, CCW_READ,    CCW_A_DATA,   CCW_F_MT,    "RKD MT"   },
    { 0x92, CCW_READ,    CCW_A_RCOUNT, CCW_F_MT,    "RC MT"    },
    { 0x96, CCW_READ,    CCW_A_RCKD,   CCW_F_MT,    "RR0 MT"   },
    { 0x9A, CCW_READ,    CCW_A_RHA,    CCW_F_MT,    "RHA MT"   },
    { 0x9E, CCW_READ,    CCW_A_RCKD,   CCW_F_MT,    "RCKD MT"  },
    { 0xA9, CCW_SEARCH,  CCW_A_DATA,   CCW_F_MT,    "SKEQ MT"  },
    { 0xB1, CCW_SEARCH,  CCW_A_SRCHID, CCW_F_MT,    "SIDEQ MT" },
    { 0xC9, CCW_SEARCH,  CCW_A_DATA,   CCW_F_MT,    "SKHI MT"  },
    { 0xD1, CCW_SEARCH,  CCW_A_SRCHID, CCW_F_MT,    "SIDHI MT" },
    { 0xE4, CCW_SENSE,   CCW_A_DATA,   0,           "SENSEID"  },
    { 0xE9, CCW_SEARCH,  CCW_A_DATA,   CCW_F_MT,    "SKHE MT"  },
    { 0xF1, CCW_SEARCH,  CCW_A_SRCHID, CCW_F_MT,    "SIDHE MT" },
};
const size_t ccw_n3380 = sizeof ccw_3380 / sizeof ccw_3380[0];

const struct ccw_cmd *ccw_lookup(const struct ccw_rules *r, uint8_t code)
{
    size_t lo = 0, hi = r->ru_ncmds;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->ru_cmds[mid].cc_code == code)
            return &r->ru_cmds[mid];
        if (r->ru_cmds[mid].cc_code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- the translation state and small helpers ----------------------- */

struct xl {
    struct ccw_prog        *p;
    const struct ccw_guest *g;
    const struct ccw_rules *r;
    uint8_t                 key;   /* the CAW's protection key */
};

/* What a translated guest CCW leads to. */
struct step {
    bool    chain;     /* the next CCW is fetched ... */
    uint8_t next;      /* ... in this context */
    bool    sm;        /* and the one after it, on status modifier */
};

static uint32_t raddr(const struct ccw_prog *p, const void *field)
{
    return p->cp_real + (uint32_t)((const uint8_t *)field - (const uint8_t *)p);
}

uint32_t ccw_real_addr(const struct ccw_prog *p, unsigned idx)
{
    return raddr(p, &p->cp_ccw[idx]);
}

static bool inside(const struct xl *x, uint32_t ga, uint32_t len)
{
    return ga <= x->g->cg_size && len <= x->g->cg_size - ga;
}

static uint32_t min32(uint32_t a, uint32_t b) { return a < b ? a : b; }

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

static void set(struct xl *x, unsigned k, uint8_t cmd, uint8_t flags, uint32_t count,
                uint32_t ra)
{
    x->p->cp_ccw[k] = (struct ccw1){ cmd, flags, (uint16_t)count, ra };
}

/* Make real CCW k a stop: a NOP that ends the chain where the guest's
 * chain would have met the error. As a data-chained CCW it moves one
 * byte: none with SKIP on input, a zero from the bucket on output. */
static void stop(struct xl *x, unsigned k, uint8_t why, uint32_t csw)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    set(x, k, CMD_NOP, CCW_SKIP, 1, raddr(x->p, x->p->cp_bucket));
    ri->ri_stop = why;
    ri->ri_aux = csw;
}

/* Guest bytes [ga, ga+len) that real CCW k will store into (or fetch):
 * inside storage and allowed by the key, or k becomes the stop. */
static bool usable(struct xl *x, unsigned k, uint32_t ga, uint32_t len, bool store)
{
    uint32_t csw = x->p->cp_info[k].ri_gccw + 8;
    if (!inside(x, ga, len))
        stop(x, k, CCW_S_ADDR, csw);
    else if (!keyok(x, ga, len, store))
        stop(x, k, CCW_S_PROT, csw);
    else
        return true;
    return false;
}

static int newslot(struct xl *x)
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
static int area(struct xl *x, uint32_t ga, uint32_t len, uint32_t *ra, uint8_t *ida)
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
    *ra = raddr(p, &p->cp_idaw[p->cp_nidaw]);
    *ida = CCW_IDA;
    p->cp_nidaw = (uint16_t)n;
    return 0;
}

/* ---- one guest CCW ---------------------------------------------------- */

/* Data straight between the device and the guest's storage. */
static void plain(struct xl *x, unsigned k, uint8_t cmd, bool input)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    uint8_t fl = ri->ri_gflags & GFLAGS, ida;
    uint32_t ra;
    ri->ri_attr |= input ? CCW_R_IN : CCW_R_OUT;
    if (input && (fl & CCW_SKIP)) {             /* nothing is stored */
        set(x, k, cmd, fl, ri->ri_gcount, raddr(x->p, x->p->cp_bucket));
        return;
    }
    if (!usable(x, k, ri->ri_gdata, ri->ri_gcount, input))
        return;
    int why = area(x, ri->ri_gdata, ri->ri_gcount, &ra, &ida);
    if (why)
        stop(x, k, (uint8_t)why, ri->ri_gccw + 8);
    else
        set(x, k, cmd, fl | ida, ri->ri_gcount, ra);
}

/* Copy the first min(count, w) argument bytes into a fresh slot (the rest
 * zero). The slot, or -1 after making k a stop. */
static int argcopy(struct xl *x, unsigned k, uint32_t w)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    uint32_t n = min32(ri->ri_gcount, w);
    int s;
    if (n < w && (ri->ri_gflags & CCW_CD))
        stop(x, k, CCW_S_SPLIT, ri->ri_gccw + 8);
    else if (!usable(x, k, ri->ri_gdata, n, false))
        return -1;
    else if ((s = newslot(x)) < 0)
        stop(x, k, CCW_S_LONG, ri->ri_gccw + 8);
    else if (x->g->cg_read(x->g->cg_ctx, ri->ri_gdata, x->p->cp_slot[s], n))
        stop(x, k, CCW_S_ADDR, ri->ri_gccw + 8);
    else {
        ri->ri_slot = (uint8_t)s;
        ri->ri_attr |= CCW_R_COPY;
        return s;
    }
    return -1;
}

/* The real CCW for an argument in slot s: at most CCW_SLOTLEN bytes; a
 * longer guest count only adds to the residual, which is the same
 * incorrect-length answer the device gives (it takes the argument and
 * stops either way). */
static void fromslot(struct xl *x, unsigned k, uint8_t cmd, int s)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    uint32_t n = min32(ri->ri_gcount, CCW_SLOTLEN);
    set(x, k, cmd, ri->ri_gflags & GFLAGS, n, raddr(x->p, x->p->cp_slot[s]));
    ri->ri_adj = (int32_t)(ri->ri_gcount - n);
}

static void put16(uint8_t *b, uint32_t v)
{
    b[0] = (uint8_t)(v >> 8);
    b[1] = (uint8_t)v;
}

static uint32_t get16(const uint8_t *b) { return (uint32_t)b[0] << 8 | b[1]; }

/* SEEK, SEEK CYLINDER, SEEK HEAD: 00 00 CC CC HH HH. Out of the extent is
 * the device's answer for a cylinder it does not have. */
static void seek(struct xl *x, unsigned k, bool headonly)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    const struct ccw_rules *r = x->r;
    int s;
    if (ri->ri_gcount < 6 && !(ri->ri_gflags & CCW_CD)) {
        stop(x, k, CCW_S_SHORT, ri->ri_gccw + 8);
        return;
    }
    if ((s = argcopy(x, k, 6)) < 0)
        return;
    uint8_t *a = x->p->cp_slot[s];
    uint32_t cc = get16(a + 2), hh = get16(a + 4);
    if (get16(a) != 0 || hh >= r->ru_heads || (!headonly && cc >= r->ru_cyls)) {
        stop(x, k, CCW_S_SEEK, ri->ri_gccw + 8);
        return;
    }
    if (cc >= r->ru_cyls)          /* SEEK HEAD: the device ignores CC */
        cc = 0;
    if (cc + r->ru_start > 0xFFFF) {  /* an extent past X'FFFF': nothing there */
        stop(x, k, CCW_S_SEEK, ri->ri_gccw + 8);
        return;
    }
    put16(a + 2, cc + r->ru_start);
    fromslot(x, k, ri->ri_gcmd, s);
}

/* RECALIBRATE: a SEEK to the extent's cylinder 0, head 0. It moves no
 * guest data, so the residual is the real seek's (0), data chaining is
 * dropped and incorrect length cannot arise. */
static void recal(struct xl *x, unsigned k)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    int s = newslot(x);
    if (s < 0) {
        stop(x, k, CCW_S_LONG, ri->ri_gccw + 8);
        return;
    }
    put16(x->p->cp_slot[s] + 2, x->r->ru_start);
    set(x, k, CKD_SEEK, ri->ri_gflags & (CCW_CC | CCW_PCI), 6, raddr(x->p, x->p->cp_slot[s]));
}

/* SEARCH ID: CC CC HH HH R. A search only compares, so the cylinder is
 * relocated modulo 2^16 and not range-checked: an argument outside the
 * extent matches nothing on the extent's tracks, as on a real disk. */
static void srchid(struct xl *x, unsigned k)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    int s = argcopy(x, k, 5);
    if (s < 0)
        return;
    uint8_t *a = x->p->cp_slot[s];
    if (ri->ri_gcount >= 2)
        put16(a, get16(a) + x->r->ru_start);
    fromslot(x, k, ri->ri_gcmd, s);
}

/* WRITE R0, WRITE CKD: the count field (8 bytes) goes from a slot with the
 * cylinder relocated; key and data follow from the guest by data chaining
 * (an out-of-line group). */
static void wcount(struct xl *x, unsigned k)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    int s = argcopy(x, k, 8);
    if (s < 0)
        return;
    uint8_t *a = x->p->cp_slot[s];
    if (ri->ri_gcount >= 2)
        put16(a, get16(a) + x->r->ru_start);
    if (ri->ri_gcount <= 8) {
        set(x, k, ri->ri_gcmd, ri->ri_gflags & GFLAGS, ri->ri_gcount, raddr(x->p, a));
        return;
    }
    if (!usable(x, k, ri->ri_gdata, ri->ri_gcount, false))
        return;
    ri->ri_kind = CCW_K_ENTRY;
    set(x, k, CMD_TIC, 0, 0, 0);
}

/* READ COUNT, READ HA, READ R0, READ CKD: the count field (or home
 * address) is read into a slot filled with X'FF' and goes to the guest
 * relocated by ccw_post; the rest of R0/CKD goes straight to the guest. */
static void rcount(struct xl *x, unsigned k, uint8_t arg)
{
    struct ccw_prog *p = x->p;
    struct ccw_rinfo *ri = &p->cp_info[k];
    uint32_t w = arg == CCW_A_RHA ? 5 : 8, c = ri->ri_gcount;
    uint32_t need = arg == CCW_A_RCKD ? c : min32(c, w);
    int s;
    ri->ri_attr |= CCW_R_IN | CCW_R_NOTE;
    if (c < w && (ri->ri_gflags & CCW_CD)) {
        stop(x, k, CCW_S_SPLIT, ri->ri_gccw + 8);
        return;
    }
    if (!usable(x, k, ri->ri_gdata, need, true))
        return;
    if (p->cp_nnote == CCW_MAXNOTE || (s = newslot(x)) < 0) {
        stop(x, k, CCW_S_LONG, ri->ri_gccw + 8);
        return;
    }
    memset(p->cp_slot[s], 0xFF, CCW_SLOTLEN);
    p->cp_note[p->cp_nnote++] = (struct ccw_note){
        ri->ri_gdata, (uint16_t)k, (uint8_t)s, (uint8_t)min32(c, w), arg == CCW_A_RHA };
    ri->ri_slot = (uint8_t)s;
    if (arg != CCW_A_RCKD || c <= 8) {
        fromslot(x, k, ri->ri_gcmd, s);
        return;
    }
    ri->ri_kind = CCW_K_ENTRY;
    set(x, k, CMD_TIC, 0, 0, 0);
}

/* READ IPL: record 1 of the minidisk's cylinder 0, head 0. Becomes a group
 * SEEK (extent start, head 0), READ DATA; after a seek READ DATA reads the
 * first record past R0, which is what READ IPL reads. */
static void ipl(struct xl *x, unsigned k)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    int s = newslot(x);
    ri->ri_attr |= CCW_R_IN;
    if (s < 0) {
        stop(x, k, CCW_S_LONG, ri->ri_gccw + 8);
        return;
    }
    if (!(ri->ri_gflags & CCW_SKIP) && !usable(x, k, ri->ri_gdata, ri->ri_gcount, true))
        return;
    put16(x->p->cp_slot[s] + 2, x->r->ru_start);
    ri->ri_slot = (uint8_t)s;
    ri->ri_kind = CCW_K_ENTRY;
    set(x, k, CMD_TIC, 0, 0, 0);
}

/* A command CCW: its row decides. Returns the flags that chain on. On an
 * extent that starts at cylinder 0 nothing is relocated, so searches and
 * count fields go straight to the guest; so does a count read with SKIP. */
static uint8_t command(struct xl *x, unsigned k, const struct ccw_cmd *row)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    bool input = row->cc_class == CCW_READ || row->cc_class == CCW_SENSE;
    bool count = row->cc_arg == CCW_A_RCOUNT || row->cc_arg == CCW_A_RHA
                 || row->cc_arg == CCW_A_RCKD;
    uint8_t arg = row->cc_arg;
    if ((x->r->ru_start == 0 && (count || arg == CCW_A_SRCHID || arg == CCW_A_WCOUNT))
        || (count && (ri->ri_gflags & CCW_SKIP)))
        arg = CCW_A_DATA;
    ri->ri_arg = arg;
    if (row->cc_class == CCW_SEARCH)
        ri->ri_attr |= CCW_R_SM;
    switch (arg) {
    case CCW_A_NODATA:
        set(x, k, ri->ri_gcmd, ri->ri_gflags & GFLAGS, ri->ri_gcount,
            raddr(x->p, x->p->cp_bucket));
        break;
    case CCW_A_SEEK:   seek(x, k, false); break;
    case CCW_A_SEEKHD: seek(x, k, true); break;
    case CCW_A_RECAL:  recal(x, k); return ri->ri_gflags & CCW_CC;
    case CCW_A_IPL:    ipl(x, k); break;
    case CCW_A_SRCHID: srchid(x, k); break;
    case CCW_A_WCOUNT: wcount(x, k); break;
    case CCW_A_RCOUNT: case CCW_A_RHA: case CCW_A_RCKD:
        rcount(x, k, arg);
        break;
    default:
        plain(x, k, ri->ri_gcmd, input);
        break;
    }
    return ri->ri_gflags & (CCW_CD | CCW_CC);
}

/* A guest TIC at ga in context ctx (GA22-7000, "Transfer in Channel"): not
 * as the first CCW, to a doubleword inside storage, not to another TIC. */
static void tic(struct xl *x, unsigned k, uint32_t ga, uint32_t to, bool first)
{
    uint8_t c;
    if (first || (to & 7) || !inside(x, to, 8))
        stop(x, k, CCW_S_PGM, ga + 8);
    else if (x->g->cg_read(x->g->cg_ctx, to, &c, 1) || (c & 0x0F) == CMD_TIC)
        stop(x, k, CCW_S_PGM, to + 8);
    else {
        set(x, k, CMD_TIC, 0, 0, 0);
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
        stop(x, k, CCW_S_LONG, ga + 8);
    else if (!inside(x, ga, 8) || x->g->cg_read(x->g->cg_ctx, ga, c, 8))
        stop(x, k, CCW_S_PGM, ga);
    else if (!keyok(x, ga, 8, false))
        stop(x, k, CCW_S_PROT, ga + 8);
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
        stop(x, k, CCW_S_PGM, ga + 8);
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
        stop(x, k, CCW_S_PGM, ga + 8);
    else if (ctx != X_CMD) {
        if (ctx == X_SRCH)
            ri->ri_attr |= CCW_R_SM;
        plain(x, k, DATA_CMD, ctx == X_IN);
        chain = ri->ri_gflags & (CCW_CD | CCW_CC);
    } else if (!(row = ccw_lookup(x->r, ri->ri_gcmd)))
        stop(x, k, CCW_S_CMDREJ, ga + 8);
    else if ((row->cc_flags & CCW_F_WRITE) && x->r->ru_readonly)
        stop(x, k, CCW_S_FILEPROT, ga + 8);
    else {
        chain = command(x, k, row);
        cls = row->cc_class;
    }
    if (ri->ri_stop || !chain)
        return s;
    s.chain = true;
    s.next = (chain & CCW_CD) ? dirctx(cls) : X_CMD;
    s.sm = (ri->ri_attr & CCW_R_SM) && !(chain & CCW_CD);
    if (s.sm && k + 2 > CCW_MAXCCW - 1) {       /* no room for the CCW a skip lands on */
        stop(x, k, CCW_S_LONG, ga + 8);
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
    uint32_t ra = raddr(p, p->cp_bucket), sa = raddr(p, p->cp_slot[ri->ri_slot]);
    uint8_t fl = ri->ri_gflags & GFLAGS, ida = 0;
    int why = p->cp_nccw + 3 > CCW_MAXCCW ? CCW_S_LONG : 0;
    if (!why && !(isipl && (fl & CCW_SKIP)))
        why = area(x, ri->ri_gdata + off, len, &ra, &ida);
    if (why) {
        stop(x, k, (uint8_t)why, ri->ri_gccw + 8);
        return;
    }
    unsigned a = emit(x, CCW_K_PIECE, X_CMD), b = emit(x, CCW_K_PIECE, X_CMD);
    p->cp_info[a] = p->cp_info[b] = *ri;
    p->cp_info[a].ri_kind = p->cp_info[b].ri_kind = CCW_K_PIECE;
    p->cp_info[a].ri_attr = p->cp_info[b].ri_attr = 0;
    p->cp_info[b].ri_adj = 0;
    if (isipl) {
        set(x, a, CKD_SEEK, CCW_CC | (fl & CCW_PCI), 6, sa);
        set(x, b, CKD_RD, (fl & ~CCW_PCI) | ida, len, ra);
        p->cp_info[a].ri_adj = ri->ri_gcount;
    } else {
        set(x, a, ri->ri_gcmd, CCW_CD | (fl & CCW_PCI), 8, sa);
        set(x, b, DATA_CMD, (fl & ~CCW_PCI) | ida, len, ra);
        p->cp_info[a].ri_adj = (int32_t)len;
    }
    if (fl & (CCW_CD | CCW_CC)) {
        unsigned t = emit(x, CCW_K_BACK, X_CMD);
        p->cp_info[t] = p->cp_info[b];
        p->cp_info[t].ri_kind = CCW_K_BACK;
        p->cp_info[t].ri_blk = (uint16_t)(k + 1);
        set(x, t, CMD_TIC, 0, 0, 0);
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
            stop(x, k, CCW_S_LONG, ri->ri_gccw + 8);
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
            stop(x, k, CCW_S_SELFMOD, ri->ri_gccw + 8);
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
            stop(x, k, CCW_S_PGM, ri->ri_gccw + 8);     /* cannot happen; never run it */
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
        out->cs_count = ri->ri_gcount;
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
            put16(s + n->cn_ccoff, get16(s + n->cn_ccoff) - p->cp_cstart);
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
