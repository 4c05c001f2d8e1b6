/* cpuload.c: a processor's busy and lock-spin shares (see cpuload.h). */
#include "cpuload.h"

void cpuload_init(struct cpuload *c, uint64_t now, uint64_t idle, uint64_t spin)
{
    c->cl_start = now;
    c->cl_idle0 = idle;
    c->cl_spin0 = spin;
    c->cl_busy = c->cl_spin = 0;
    c->cl_known = false;
}

/* part of whole in percent, at most 100: an idle wait that began before
 * the window counts whole in the window it ends in. */
static uint8_t percent(uint64_t part, uint64_t whole)
{
    return part >= whole ? 100 : (uint8_t)(part * 100u / whole);
}

void cpuload_tick(struct cpuload *c, uint64_t now, uint64_t idle, uint64_t spin)
{
    if (now < c->cl_start || now - c->cl_start < CPULOAD_WINDOW_US)
        return;
    uint64_t span = now - c->cl_start;
    c->cl_busy = (uint8_t)(100u - percent(idle - c->cl_idle0, span));
    c->cl_spin = percent(spin - c->cl_spin0, span);
    c->cl_known = true;
    c->cl_start = now;
    c->cl_idle0 = idle;
    c->cl_spin0 = spin;
}
