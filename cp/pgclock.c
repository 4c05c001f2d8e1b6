/* pgclock.c: the clock replacement policy (see pgclock.h). */
#include "pgclock.h"

int32_t pgclock_select(uint32_t *hand, uint32_t n, const struct pgclock_ops *ops, void *ctx)
{
    if (n == 0)
        return -1;
    uint32_t h = *hand % n;
    for (uint32_t k = 0; k < 2 * n; k++, h = (h + 1) % n) {
        if (!ops->eligible(ctx, h) || ops->referenced(ctx, h))
            continue;
        *hand = (h + 1) % n;
        return (int32_t)h;
    }
    *hand = h;
    return -1;
}
