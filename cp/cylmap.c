/* cylmap.c: cylinder allocation in an area (see cylmap.h). */
#include "cylmap.h"
#include <stdbool.h>
#ifdef CP_HOST
#include <string.h>
#else
#include "cplib.h"
#endif

static bool used(const struct cylmap *m, unsigned i)
{
    return m->cm_used[i / 8] & (0x80u >> (i % 8));
}

static void mark(struct cylmap *m, unsigned i, bool on)
{
    if (on)
        m->cm_used[i / 8] |= (uint8_t)(0x80u >> (i % 8));
    else
        m->cm_used[i / 8] &= (uint8_t)~(0x80u >> (i % 8));
}

void cylmap_init(struct cylmap *m, uint16_t first, uint16_t count)
{
    memset(m, 0, sizeof *m);
    m->cm_first = first;
    m->cm_count = count > VOL_MAX_CYLS ? VOL_MAX_CYLS : count;
}

int cylmap_alloc(struct cylmap *m, uint16_t n)
{
    unsigned run = 0;
    if (n == 0)
        return -1;
    for (unsigned i = 0; i < m->cm_count; i++) {
        run = used(m, i) ? 0 : run + 1;
        if (run == n) {
            unsigned start = i + 1 - n;
            for (unsigned k = start; k <= i; k++)
                mark(m, k, true);
            return (int)(m->cm_first + start);
        }
    }
    return -1;
}

void cylmap_free(struct cylmap *m, uint16_t start, uint16_t n)
{
    for (unsigned c = start; c < (unsigned)start + n; c++)
        if (c >= m->cm_first && c < (unsigned)m->cm_first + m->cm_count)
            mark(m, c - m->cm_first, false);
}

unsigned cylmap_free_count(const struct cylmap *m)
{
    unsigned n = 0;
    for (unsigned i = 0; i < m->cm_count; i++)
        n += !used(m, i);
    return n;
}
