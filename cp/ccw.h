/* ccw.h: CCW translation. A guest's System/370 channel program (format-0
 * CCWs in guest real storage) becomes a real ESA/390 one (format-1 CCWs,
 * 2K IDAWs) that CP can start on the real subchannel, and the real ending
 * status becomes the guest's CSW again. Pure: guest storage is reached
 * through struct ccw_guest, the device through a table of command rows.
 *
 *  Format-0 CCW (guest), GA22-7000 "Channel Command Word":
 *    | command (8) | data address (24) | CD CC SLI SKIP PCI 0 0 0 | ///// | count (16) |
 *  Format-1 CCW (real): css.h.  Format-1 IDAW: | 0 | 31-bit address |; the
 *  first IDAW may point anywhere, each later one to a 2K boundary, and each
 *  covers up to the next 2K boundary (SA22-7201, "Indirect Data Addressing").
 *
 * How a guest chain becomes a real one (docs/ccw.md has the reasons):
 *  - Every guest CCW the chain can reach is copied once into a real CCW at
 *    the same relative place, so "next CCW", "+16 after a status modifier"
 *    and data chaining work unchanged; a TIC becomes a real TIC to the
 *    copy of its target. A guest CCW that needs more than one real CCW
 *    (READ IPL, a count field split from its key and data) is a real TIC to
 *    an out-of-line group that TICs back.
 *  - Data areas go straight to the guest's frames: one page direct, more
 *    through IDAWs. Every page is pinned (cg_pin) until ccw_release().
 *  - SEEK and SEARCH ID arguments and written count fields are copied into
 *    CP slots with the cylinder relocated, so the guest cannot change them
 *    after they were checked. Count fields a read returns land in slots too
 *    and go back relocated by ccw_post().
 *  - Whatever the guest would meet as an error (program check, command
 *    reject, seek outside the extent, write on a read-only link) becomes a
 *    "stop": a real NOP at that place. The channel reaches it exactly when
 *    it would have reached the bad CCW, and ccw_untranslate() then turns
 *    the real ending into the guest's status.
 */
#ifndef CP_CCW_H
#define CP_CCW_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "css.h"

/* Limits of one translated program (docs/ccw.md: beyond them the chain
 * ends in a channel program check where the limit is met). */
#define CCW_MAXCCW   256    /* real CCWs, out-of-line groups included */
#define CCW_MAXIDAW  512    /* 2K IDAWs */
#define CCW_MAXSLOT  64     /* CP-owned argument and count-field copies */
#define CCW_MAXPIN   128    /* distinct guest pages pinned */
#define CCW_MAXNOTE  32     /* count fields to relocate after the I/O */
#define CCW_SLOTLEN  16
#define CCW_PAGE     4096u  /* guest page, the unit cg_pin fixes */
#define CCW_IDAWLEN  2048u  /* ESA/390 format-1 IDAW block */

/* Guest real storage. cg_read and cg_write fail (nonzero) outside
 * [0, cg_size); the translator never asks outside. cg_pin makes guest page
 * gpage (a multiple of CCW_PAGE) resident and fixed and returns the host
 * real address of its frame, or 0 if it cannot; cg_unpin undoes one pin.
 * cg_key gives the storage key of the 2K block holding ga as ISK stores it
 * (KKKK F R C 0); NULL: no key checking. */
struct ccw_guest {
    void     *cg_ctx;
    uint32_t  cg_size;
    int      (*cg_read)(void *ctx, uint32_t ga, void *buf, uint32_t len);
    int      (*cg_write)(void *ctx, uint32_t ga, const void *buf, uint32_t len);
    uint32_t (*cg_pin)(void *ctx, uint32_t gpage);
    void     (*cg_unpin)(void *ctx, uint32_t gpage);
    uint8_t  (*cg_key)(void *ctx, uint32_t ga);
};

/* One row of a device's command table. */
enum ccw_class { CCW_CONTROL, CCW_READ, CCW_WRITE, CCW_SEARCH, CCW_SENSE };
enum ccw_arg {
    CCW_A_DATA,     /* data moves straight between device and guest */
    CCW_A_NODATA,   /* nothing moves (NOP): the address is not used */
    CCW_A_SEEK,     /* BBCCHH checked against the extent, CC relocated */
    CCW_A_SEEKHD,   /* SEEK HEAD: as SEEK, but the device ignores CC */
    CCW_A_RECAL,    /* becomes a SEEK to the extent's cylinder 0 head 0 */
    CCW_A_SRCHID,   /* CCHHR, CC relocated */
    CCW_A_WCOUNT,   /* writes a count field first: CC relocated */
    CCW_A_RCOUNT,   /* returns only a count field (8 bytes) */
    CCW_A_RHA,      /* returns only the home address F CC HH (5 bytes) */
    CCW_A_RCKD,     /* returns a count field, then key and data */
    CCW_A_IPL,      /* READ IPL: SEEK to the extent start, READ DATA */
};
#define CCW_F_WRITE 0x01    /* changes the medium: refused on read-only links */
#define CCW_F_MT    0x02    /* multi-track form */

struct ccw_cmd {
    uint8_t     cc_code;
    uint8_t     cc_class;   /* enum ccw_class */
    uint8_t     cc_arg;     /* enum ccw_arg */
    uint8_t     cc_flags;   /* CCW_F_ */
    const char *cc_name;
};

/* How a device is presented: its command table (sorted by code) and, for a
 * CKD minidisk, the extent. Cylinder 0 of the guest's disk is real cylinder
 * ru_start; the guest may address cylinders 0 .. ru_cyls-1, heads
 * 0 .. ru_heads-1. */
struct ccw_rules {
    const struct ccw_cmd *ru_cmds;
    size_t    ru_ncmds;
    uint16_t  ru_start;
    uint16_t  ru_cyls;
    uint16_t  ru_heads;
    bool      ru_readonly;
};

extern const struct ccw_cmd ccw_3380[];
extern const size_t ccw_n3380;

const struct ccw_cmd *ccw_lookup(const struct ccw_rules *r, uint8_t code);
/* Every command of a device known only by its command-code classes
 * (ccwgen.c); *n gets the row count. */
const struct ccw_cmd *ccw_generic(size_t *n);

/* What a stop presents instead of the real ending. */
enum ccw_stop {
    CCW_S_NONE,
    CCW_S_PGM,        /* channel program check: a CCW the channel rejects */
    CCW_S_ADDR,       /* program check: data area not inside guest storage */
    CCW_S_LONG,       /* program check: the chain outgrew the limits above */
    CCW_S_SELFMOD,    /* program check: the chain would change its own CCWs
                         or arguments, or read a count field it then uses */
    CCW_S_SPLIT,      /* program check: an argument split by data chaining */
    CCW_S_PROT,       /* protection check: the CAW key may not store or fetch */
    CCW_S_CMDREJ,     /* unit check: command the device does not have */
    CCW_S_SEEK,       /* unit check: seek address outside the minidisk */
    CCW_S_SHORT,      /* unit check: seek argument shorter than 6 bytes */
    CCW_S_FILEPROT,   /* unit check: write on a read-only link */
};

/* Per real CCW: what it stands for. */
struct ccw_rinfo {
    uint32_t ri_gccw;    /* guest address of the guest CCW */
    uint32_t ri_gdata;   /* its data address */
    uint32_t ri_aux;     /* TIC: guest target; stop: guest CSW CCW address */
    int32_t  ri_adj;     /* guest residual = real residual + ri_adj */
    uint16_t ri_gcount;  /* its count */
    uint16_t ri_blk;     /* real CCW a TIC leads to: target, group, or back */
    uint8_t  ri_gcmd, ri_gflags;
    uint8_t  ri_kind;    /* CCW_K_ */
    uint8_t  ri_ctx;     /* how the channel reaches it: command or data chaining */
    uint8_t  ri_stop;    /* enum ccw_stop */
    uint8_t  ri_arg;     /* enum ccw_arg of its row (CCW_A_DATA in data chaining) */
    uint8_t  ri_attr;    /* CCW_R_ */
    uint8_t  ri_slot;    /* the slot its argument or count field uses */
};
#define CCW_K_POS    1   /* a guest CCW in its place */
#define CCW_K_ENTRY  2   /* a guest CCW in its place, as a TIC to its group */
#define CCW_K_PIECE  3   /* part of an out-of-line group */
#define CCW_K_BACK   4   /* the TIC that ends a group */
#define CCW_R_IN     0x01    /* stores into guest storage */
#define CCW_R_OUT    0x02    /* fetches guest data */
#define CCW_R_SM     0x04    /* a search: status modifier skips a CCW */
#define CCW_R_COPY   0x08    /* its argument was copied into a slot */
#define CCW_R_NOTE   0x10    /* its count field comes back through ccw_post */

/* A count field read into slot cn_slot, to go to the guest relocated. */
struct ccw_note {
    uint32_t cn_ga;      /* where the guest asked for it */
    uint16_t cn_real;    /* the real CCW (its position) */
    uint8_t  cn_slot;
    uint8_t  cn_len;     /* bytes to copy back */
    uint8_t  cn_ccoff;   /* offset of the cylinder: 0 count field, 1 home address */
};

/* The guest's view of an ending: the CSW fields. cs_sense tells the device
 * class which sense bytes (ccw_sense) a following SENSE must return when
 * the unit check was CP's own (CCW_S_NONE: the real device's). */
struct ccw_csw {
    uint32_t cs_ccw;
    uint8_t  cs_us;
    uint8_t  cs_cs;
    uint16_t cs_count;
    uint8_t  cs_sense;   /* enum ccw_stop */
};

/* The translated program. Caller-provided, physically contiguous, and
 * cp_real must hold its host real address before ccw_translate (the real
 * CCWs point at its IDAWs and slots). About 13K. */
struct ccw_prog {
    struct ccw1      cp_ccw[CCW_MAXCCW];
    uint32_t         cp_idaw[CCW_MAXIDAW];
    uint8_t          cp_slot[CCW_MAXSLOT][CCW_SLOTLEN] __attribute__((aligned(8)));
    uint8_t          cp_bucket[CCW_SLOTLEN] __attribute__((aligned(8)));
    struct ccw_rinfo cp_info[CCW_MAXCCW];
    struct ccw_note  cp_note[CCW_MAXNOTE];
    uint32_t         cp_pin[CCW_MAXPIN];     /* guest page ... */
    uint32_t         cp_frame[CCW_MAXPIN];   /* ... and its frame */
    uint32_t         cp_real;     /* in: host real address of this struct */
    uint16_t         cp_nccw, cp_nidaw, cp_nslot, cp_nnote, cp_npin;
    uint16_t         cp_begin;    /* real CCW the ORB must name */
    uint16_t         cp_cstart;   /* the extent's first cylinder (for ccw_post) */
    struct ccw_csw   cp_csw;      /* status when ccw_translate returned 1 */
};

/* Translate the chain the CAW names (the word at X'48': key in bits 0-3,
 * bits 4-7 zero, CCW address in 8-31). The guest's key is checked here,
 * block by block, against every CCW, argument and data area, so the real
 * program runs with ORB key 0 (its slots are CP storage). 0: start it at
 * real CCW cp_begin (ccw_real_addr(p, p->cp_begin)). 1: the chain ends
 * before the device starts (a bad CAW or first CCW): present cp_csw, as
 * SIO does with condition code 1. Either way ccw_release() must follow. */
int  ccw_translate(struct ccw_prog *p, const struct ccw_guest *g,
                   const struct ccw_rules *r, uint32_t caw);

uint32_t ccw_real_addr(const struct ccw_prog *p, unsigned idx);

/* The guest's CSW for a real ending (or PCI): scsw_ccw, dstat, cstat and
 * count as the real SCSW gave them. */
void ccw_untranslate(const struct ccw_prog *p, uint32_t scsw_ccw, uint8_t dstat,
                     uint8_t cstat, uint16_t count, struct ccw_csw *out);

/* After the I/O has ended: copy the count fields the device returned into
 * the guest's buffers with the cylinder back in guest terms. */
void ccw_post(struct ccw_prog *p, const struct ccw_guest *g);

/* Unpin every page ccw_translate pinned. */
void ccw_release(struct ccw_prog *p, const struct ccw_guest *g);

/* Sense bytes (3880/3380, 24 of them) for a unit check CP made itself. */
void ccw_sense(uint8_t code, uint8_t sense[24]);

#endif
