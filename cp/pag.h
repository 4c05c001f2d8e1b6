/* pag.h: demand paging of guest storage to the PAGE area (docs/paging.md).
 *
 * vst.c owns the page tables; this file owns what backs them: a table of
 * every real frame (which guest page it holds, and that page's slot), the
 * slots of the PAGE area on the first volume that has one, and the page
 * I/O. A guest page is in one of these states, told by its page-table
 * entry and the frame table:
 *   never touched   invalid entry, no slot: reads as zeros when touched
 *   resident        valid entry: a frame (the page may keep its slot, so
 *                   an unchanged page needs no write when it is taken)
 *   on DASD         invalid entry holding the slot number
 *   in transit      a page-out or page-in under way (an op in this file)
 * Frames are taken by the clock policy (pgclock.c) when free frames run
 * low: pag_balance, between slices, starts page-outs that run while
 * guests run; a guest touching a page on DASD waits (vm_pgwait) while
 * its page-in runs and others are dispatched. CP touching one on a guest's
 * behalf reads it at once.
 */
#ifndef CP_PAG_H
#define CP_PAG_H

#include <stdint.h>
#include <stdbool.h>

struct vmblok;

/* Frame table for storage_size bytes, slots of the PAGE area (after
 * rvl_init). Without a PAGE area, frames are never taken: a guest that
 * runs out gets addressing exceptions, as before paging. */
void pag_init(uint32_t storage_size);

/* The frame now holds guest page ga of vm, whose slot (0: none) it keeps. */
void pag_own(uint32_t frame, struct vmblok *vm, uint32_t ga, uint32_t slot);
/* The page leaves its frame for good (release, LOGOFF): the frame is
 * freed and so is the page's slot. */
void pag_drop_frame(uint32_t frame);
/* A page on DASD is released: its slot is free again. */
void pag_drop_slot(uint32_t slot);
/* Forget page ops under way for vm's pages from first to last: their
 * ending frees what they hold (LOGOFF, SYSTEM CLEAR, DIAGNOSE X'10'). */
void pag_forget(struct vmblok *vm, uint32_t first, uint32_t last);

/* A frame for a guest page: a free one, or one taken from another page
 * now (written out synchronously if it must be). guest: for the guest's
 * own fault, which leaves the last free frames to CP. 0 when none can be
 * had. */
uint32_t pag_frame(bool guest);

/* The page ga of vm is not resident and its entry says pte (invalid).
 * wait: the guest itself touched it, so it may wait for a page-in.
 *   1  the page is resident now (a page-out under way was taken back,
 *      or, without wait, it was read in at once)
 *   0  not in transit and not on DASD: the caller gives it a zero frame
 *  -1  a page-in was started: vm waits (vm_pgwait) and retries
 *  -2  no frame or the page could not be read */
int pag_fault(struct vmblok *vm, uint32_t ga, uint32_t pte, bool wait);

/* The guest's fault found no frame: while page-outs are under way it
 * waits for one (vm_pgwait, vm_framewait): -1. Otherwise -2 (nothing will
 * come free). */
int pag_wait_frame(struct vmblok *vm);

/* Between slices: start page-outs while free frames are below the low
 * mark. */
void pag_balance(void);

/* For QUERY and the benchmarks. */
struct pag_stats {
    uint32_t ps_frames, ps_free;     /* real frames for everything, free now */
    uint32_t ps_slots, ps_slots_used;
    uint32_t ps_ins, ps_outs;        /* page reads and writes since IPL */
    uint32_t ps_reclaims;            /* pages taken back during their page-out */
};
void pag_stats(struct pag_stats *st);

#endif
