/* pgclock.h: which guest page gives up its frame: the clock (second
 * chance) algorithm over the real frames. Pure: host-tested with a fake
 * frame table; pag.c gives it the real one, where "referenced" is the
 * frame's reference bit in its storage key. */
#ifndef CP_PGCLOCK_H
#define CP_PGCLOCK_H

#include <stdint.h>
#include <stdbool.h>

struct pgclock_ops {
    /* Frame i holds a guest page that may be taken now. */
    bool (*eligible)(void *ctx, uint32_t i);
    /* Frame i's reference bit, reset by the test. */
    bool (*referenced)(void *ctx, uint32_t i);
};

/* Sweep from *hand over n frames: an eligible frame that was referenced
 * is passed over (its bit now reset, its second chance); the first one
 * that was not is chosen and *hand moves past it. After two full turns
 * with nothing chosen, -1 (no frame is eligible). */
int32_t pgclock_select(uint32_t *hand, uint32_t n, const struct pgclock_ops *ops, void *ctx);

#endif
