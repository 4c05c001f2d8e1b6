/* pgslot.h: the paging slots of the PAGE area: which are in use, and
 * which tracks have been formatted since IPL. Pure: host-tested.
 *
 * Slots are numbered from 1 (0 means "no slot", so an invalid page-table
 * entry can hold a slot number or nothing). Slot n is block n-1 of the
 * area: track (n-1)/10, record (n-1)%10+1 (docs/paging.md). */
#ifndef CP_PGSLOT_H
#define CP_PGSLOT_H

#include <stdint.h>
#include <stdbool.h>

#define PGSLOT_PER_TRACK 10u
#define PGSLOT_MAX       60000u        /* 400 cylinders of a 3380 */

struct pgslot {
    uint32_t ps_count;                 /* slots 1..ps_count */
    uint32_t ps_used_n;
    uint32_t ps_next;                  /* next-fit: where the last search ended */
    uint8_t  ps_used[(PGSLOT_MAX + 7) / 8];
    uint8_t  ps_fmt[(PGSLOT_MAX / PGSLOT_PER_TRACK + 7) / 8];
};

/* count slots (at most PGSLOT_MAX), all free, no track formatted. */
void pgslot_init(struct pgslot *s, uint32_t count);
/* A free slot, now in use; 0 when every slot is taken. Next-fit, so slots
 * fill tracks in order and a track is mostly written whole. */
uint32_t pgslot_alloc(struct pgslot *s);
/* Give slot back; 0 and slots out of range are ignored. */
void pgslot_free(struct pgslot *s, uint32_t slot);
bool pgslot_in_use(const struct pgslot *s, uint32_t slot);
uint32_t pgslot_free_count(const struct pgslot *s);
/* The track (from 0 in the area) and record (1-10) of slot. */
uint32_t pgslot_track(uint32_t slot);
uint8_t  pgslot_record(uint32_t slot);
/* Has slot's track been formatted with its ten records? Marking it is the
 * caller's promise that the formatting write is queued before any other
 * write to that track. */
bool pgslot_formatted(const struct pgslot *s, uint32_t slot);
void pgslot_mark_formatted(struct pgslot *s, uint32_t slot);

#endif
