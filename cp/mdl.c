/* mdl.c: minidisk links and link modes (see mdl.h). */
#include "mdl.h"
#include "../dasd/dir.h"
#ifdef CP_HOST
#include <string.h>
#else
#include "cplib.h"
#endif

/* Per mode: does it want write access, and what happens when others hold
 * the disk R/W (busy_w) or only R/O (busy_r). */
static const struct {
    const char *name;
    bool write;
    enum mdl_outcome busy_w, busy_r;
} modes[DIR_M_COUNT] = {
    [DIR_M_R]  = { "R",  false, MDL_REFUSED,   MDL_READ      },
    [DIR_M_RR] = { "RR", false, MDL_READ,      MDL_READ      },
    [DIR_M_W]  = { "W",  true,  MDL_REFUSED,   MDL_REFUSED   },
    [DIR_M_WR] = { "WR", true,  MDL_FORCED_RO, MDL_FORCED_RO },
    [DIR_M_M]  = { "M",  true,  MDL_REFUSED,   MDL_WRITE     },
    [DIR_M_MR] = { "MR", true,  MDL_FORCED_RO, MDL_WRITE     },
    [DIR_M_MW] = { "MW", true,  MDL_WRITE,     MDL_WRITE     },
};

int mdl_mode_parse(const char *s)
{
    for (int m = 1; m < DIR_M_COUNT; m++)
        if (strcmp(s, modes[m].name) == 0)
            return m;
    return 0;
}

const char *mdl_mode_name(int mode)
{
    return mode > 0 && mode < DIR_M_COUNT ? modes[mode].name : "?";
}

enum mdl_outcome mdl_decide(int mode, unsigned readers, unsigned writers)
{
    if (mode <= 0 || mode >= DIR_M_COUNT)
        return MDL_BADMODE;
    if (writers)
        return modes[mode].busy_w;
    if (readers)
        return modes[mode].busy_r;
    return modes[mode].write ? MDL_WRITE : MDL_READ;
}

static struct mdl_ext table[MDL_MAX];

static struct mdl_ext *find(const void *vol, uint16_t start)
{
    for (unsigned i = 0; i < MDL_MAX; i++)
        if (table[i].me_vol && table[i].me_vol == vol && table[i].me_start == start)
            return &table[i];
    return NULL;
}

void mdl_holders(const void *vol, uint16_t start, unsigned *readers, unsigned *writers)
{
    const struct mdl_ext *e = find(vol, start);
    *readers = e ? e->me_readers : 0;
    *writers = e ? e->me_writers : 0;
}

struct mdl_ext *mdl_add(const void *vol, uint16_t start, uint16_t cyls, bool write)
{
    struct mdl_ext *e = find(vol, start);
    for (unsigned i = 0; !e && i < MDL_MAX; i++) {
        if (!table[i].me_vol) {
            e = &table[i];
            e->me_vol = vol;
            e->me_start = start;
            e->me_cyls = cyls;
            e->me_readers = e->me_writers = 0;
        }
    }
    if (e) {
        if (write)
            e->me_writers++;
        else
            e->me_readers++;
    }
    return e;
}

void mdl_drop(struct mdl_ext *e, bool write)
{
    if (write && e->me_writers)
        e->me_writers--;
    else if (!write && e->me_readers)
        e->me_readers--;
    if (!e->me_readers && !e->me_writers)
        e->me_vol = NULL;
}

unsigned mdl_count(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < MDL_MAX; i++)
        n += table[i].me_vol != NULL;
    return n;
}

void mdl_reset(void)
{
    memset(table, 0, sizeof table);
}
