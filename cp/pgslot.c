/* pgslot.c: paging slot allocation (see pgslot.h). */
#include "pgslot.h"
#include "cplib.h"

static bool bit(const uint8_t *m, uint32_t i) { return m[i / 8] & (1u << (i % 8)); }
static void set(uint8_t *m, uint32_t i) { m[i / 8] |= (uint8_t)(1u << (i % 8)); }
static void clr(uint8_t *m, uint32_t i) { m[i / 8] &= (uint8_t)~(1u << (i % 8)); }

void pgslot_init(struct pgslot *s, uint32_t count)
{
    memset(s, 0, sizeof *s);
    s->ps_count = count > PGSLOT_MAX ? PGSLOT_MAX : count;
}

uint32_t pgslot_alloc(struct pgslot *s)
{
    if (s->ps_used_n >= s->ps_count)
        return 0;
    for (uint32_t k = 0; k < s->ps_count; k++) {
        uint32_t i = (s->ps_next + k) % s->ps_count;    /* bit i is slot i+1 */
        if (!bit(s->ps_used, i)) {
            set(s->ps_used, i);
            s->ps_used_n++;
            s->ps_next = (i + 1) % s->ps_count;
            return i + 1;
        }
    }
    return 0;
}

void pgslot_free(struct pgslot *s, uint32_t slot)
{
    if (slot == 0 || slot > s->ps_count || !bit(s->ps_used, slot - 1))
        return;
    clr(s->ps_used, slot - 1);
    s->ps_used_n--;
}

bool pgslot_in_use(const struct pgslot *s, uint32_t slot)
{
    return slot && slot <= s->ps_count && bit(s->ps_used, slot - 1);
}

uint32_t pgslot_free_count(const struct pgslot *s)
{
    return s->ps_count - s->ps_used_n;
}

uint32_t pgslot_track(uint32_t slot) { return (slot - 1) / PGSLOT_PER_TRACK; }
uint8_t pgslot_record(uint32_t slot) { return (uint8_t)((slot - 1) % PGSLOT_PER_TRACK + 1); }

bool pgslot_formatted(const struct pgslot *s, uint32_t slot)
{
    return slot && slot <= s->ps_count && bit(s->ps_fmt, pgslot_track(slot));
}

void pgslot_mark_formatted(struct pgslot *s, uint32_t slot)
{
    if (slot && slot <= s->ps_count)
        set(s->ps_fmt, pgslot_track(slot));
}
