/* ccwckd.c: the IBM 3380 (on a 3880) command table and the translation of
 * one guest command CCW by its row: data areas, argument copies, seeks,
 * count fields and READ IPL (ccw.h; docs/ccw.md). Called from ccw.c. */
#include "ccwint.h"
#include "cplib.h"

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

/* ---- one guest CCW ---------------------------------------------------- */

/* Data straight between the device and the guest's storage. */
void ccw_plain(struct xl *x, unsigned k, uint8_t cmd, bool input)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    uint8_t fl = ri->ri_gflags & GFLAGS, ida;
    uint32_t ra;
    ri->ri_attr |= input ? CCW_R_IN : CCW_R_OUT;
    if (input && (fl & CCW_SKIP)) {             /* nothing is stored */
        ccw_set(x, k, cmd, fl, ri->ri_gcount, ccw_raddr(x->p, x->p->cp_bucket));
        return;
    }
    if (!ccw_usable(x, k, ri->ri_gdata, ri->ri_gcount, input))
        return;
    int why = ccw_area(x, ri->ri_gdata, ri->ri_gcount, &ra, &ida);
    if (why)
        ccw_stop_at(x, k, (uint8_t)why, ri->ri_gccw + 8);
    else
        ccw_set(x, k, cmd, fl | ida, ri->ri_gcount, ra);
}

/* Copy the first min(count, w) argument bytes into a fresh slot (the rest
 * zero). The slot, or -1 after making k a stop. */
static int argcopy(struct xl *x, unsigned k, uint32_t w)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    uint32_t n = min32(ri->ri_gcount, w);
    int s;
    if (n < w && (ri->ri_gflags & CCW_CD))
        ccw_stop_at(x, k, CCW_S_SPLIT, ri->ri_gccw + 8);
    else if (!ccw_usable(x, k, ri->ri_gdata, n, false))
        return -1;
    else if ((s = ccw_newslot(x)) < 0)
        ccw_stop_at(x, k, CCW_S_LONG, ri->ri_gccw + 8);
    else if (x->g->cg_read(x->g->cg_ctx, ri->ri_gdata, x->p->cp_slot[s], n))
        ccw_stop_at(x, k, CCW_S_ADDR, ri->ri_gccw + 8);
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
    ccw_set(x, k, cmd, ri->ri_gflags & GFLAGS, n, ccw_raddr(x->p, x->p->cp_slot[s]));
    ri->ri_adj = (int32_t)(ri->ri_gcount - n);
}

/* SEEK, SEEK CYLINDER, SEEK HEAD: 00 00 CC CC HH HH. Out of the extent is
 * the device's answer for a cylinder it does not have. */
static void seek(struct xl *x, unsigned k, bool headonly)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    const struct ccw_rules *r = x->r;
    int s;
    if (ri->ri_gcount < 6 && !(ri->ri_gflags & CCW_CD)) {
        ccw_stop_at(x, k, CCW_S_SHORT, ri->ri_gccw + 8);
        return;
    }
    if ((s = argcopy(x, k, 6)) < 0)
        return;
    uint8_t *a = x->p->cp_slot[s];
    uint32_t cc = be_get16(a + 2), hh = be_get16(a + 4);
    if (be_get16(a) != 0 || hh >= r->ru_heads || (!headonly && cc >= r->ru_cyls)) {
        ccw_stop_at(x, k, CCW_S_SEEK, ri->ri_gccw + 8);
        return;
    }
    if (cc >= r->ru_cyls)          /* SEEK HEAD: the device ignores CC */
        cc = 0;
    if (cc + r->ru_start > 0xFFFF) {  /* an extent past X'FFFF': nothing there */
        ccw_stop_at(x, k, CCW_S_SEEK, ri->ri_gccw + 8);
        return;
    }
    be_put16(a + 2, cc + r->ru_start);
    fromslot(x, k, ri->ri_gcmd, s);
}

/* RECALIBRATE: a SEEK to the extent's cylinder 0, head 0. It moves no
 * guest data, so the residual is the real seek's (0), data chaining is
 * dropped and incorrect length cannot arise. */
static void recal(struct xl *x, unsigned k)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    int s = ccw_newslot(x);
    if (s < 0) {
        ccw_stop_at(x, k, CCW_S_LONG, ri->ri_gccw + 8);
        return;
    }
    be_put16(x->p->cp_slot[s] + 2, x->r->ru_start);
    ccw_set(x, k, CKD_SEEK, ri->ri_gflags & (CCW_CC | CCW_PCI), 6, ccw_raddr(x->p, x->p->cp_slot[s]));
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
        be_put16(a, be_get16(a) + x->r->ru_start);
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
        be_put16(a, be_get16(a) + x->r->ru_start);
    if (ri->ri_gcount <= 8) {
        ccw_set(x, k, ri->ri_gcmd, ri->ri_gflags & GFLAGS, ri->ri_gcount, ccw_raddr(x->p, a));
        return;
    }
    if (!ccw_usable(x, k, ri->ri_gdata, ri->ri_gcount, false))
        return;
    ri->ri_kind = CCW_K_ENTRY;
    ccw_set(x, k, CMD_TIC, 0, 0, 0);
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
        ccw_stop_at(x, k, CCW_S_SPLIT, ri->ri_gccw + 8);
        return;
    }
    if (!ccw_usable(x, k, ri->ri_gdata, need, true))
        return;
    if (p->cp_nnote == CCW_MAXNOTE || (s = ccw_newslot(x)) < 0) {
        ccw_stop_at(x, k, CCW_S_LONG, ri->ri_gccw + 8);
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
    ccw_set(x, k, CMD_TIC, 0, 0, 0);
}

/* READ IPL: record 1 of the minidisk's cylinder 0, head 0. Becomes a group
 * SEEK (extent start, head 0), READ DATA; after a seek READ DATA reads the
 * first record past R0, which is what READ IPL reads. */
static void ipl(struct xl *x, unsigned k)
{
    struct ccw_rinfo *ri = &x->p->cp_info[k];
    int s = ccw_newslot(x);
    ri->ri_attr |= CCW_R_IN;
    if (s < 0) {
        ccw_stop_at(x, k, CCW_S_LONG, ri->ri_gccw + 8);
        return;
    }
    if (!(ri->ri_gflags & CCW_SKIP) && !ccw_usable(x, k, ri->ri_gdata, ri->ri_gcount, true))
        return;
    be_put16(x->p->cp_slot[s] + 2, x->r->ru_start);
    ri->ri_slot = (uint8_t)s;
    ri->ri_kind = CCW_K_ENTRY;
    ccw_set(x, k, CMD_TIC, 0, 0, 0);
}

/* A command CCW: its row decides. Returns the flags that chain on. On an
 * extent that starts at cylinder 0 nothing is relocated, so searches and
 * count fields go straight to the guest; so does a count read with SKIP. */
uint8_t ccw_command(struct xl *x, unsigned k, const struct ccw_cmd *row)
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
        ccw_set(x, k, ri->ri_gcmd, ri->ri_gflags & GFLAGS, ri->ri_gcount,
            ccw_raddr(x->p, x->p->cp_bucket));
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
        ccw_plain(x, k, ri->ri_gcmd, input);
        break;
    }
    return ri->ri_gflags & (CCW_CD | CCW_CC);
}
