/* sch.c: the scheduler (see sch.h). */
#include "sch.h"
#include <stddef.h>

static uint64_t weight(const struct sch_user *u)
{
    return SCH_WEIGHT_BASE + u->su_priority;
}

static void unlink_from(struct sch_user **head, struct sch_user *u)
{
    for (struct sch_user **p = head; *p; p = &(*p)->su_next)
        if (*p == u) {
            *p = u->su_next;
            u->su_next = NULL;
            return;
        }
}

/* Leave whichever list u is on. */
static void leave(struct sch *s, struct sch_user *u)
{
    if (u->su_state == SCH_ELIGIBLE)
        unlink_from(&s->s_eligible, u);
    else if (u->su_state == SCH_DISPATCH) {
        unlink_from(&s->s_dispatch, u);
        s->s_in_ws -= u->su_ws;
    }
    u->su_state = SCH_DORMANT;
}

/* Into the eligible list at its deadline: Q1 at once, Q2 behind by the
 * share of a Q2 stay its priority gives (a default user a whole one). */
static void make_eligible(struct sch *s, struct sch_user *u, uint64_t now)
{
    u->su_deadline = now;
    if (u->su_queue == SCH_Q2)
        u->su_deadline += (uint64_t)SCH_Q2_US * weight(u) / (SCH_WEIGHT_BASE + 50u);
    struct sch_user **p = &s->s_eligible;
    while (*p && (*p)->su_deadline <= u->su_deadline)
        p = &(*p)->su_next;
    u->su_next = *p;
    *p = u;
    u->su_state = SCH_ELIGIBLE;
    u->su_eligible_at = now;
}

/* The projection: half the old one, half what it has now. */
static void project(struct sch_user *u, uint32_t resident)
{
    uint32_t ws = (u->su_ws + resident) / 2;
    u->su_ws = ws < SCH_MIN_WS ? SCH_MIN_WS : ws;
}

void sch_init(struct sch *s, uint32_t capacity)
{
    s->s_eligible = s->s_dispatch = NULL;
    s->s_capacity = capacity;
    s->s_in_ws = 0;
    s->s_vtime = 0;
}

void sch_user_init(struct sch_user *u, void *owner, unsigned priority)
{
    *u = (struct sch_user){ .su_owner = owner, .su_state = SCH_DORMANT, .su_queue = SCH_Q2,
                            .su_ws = SCH_MIN_WS };
    u->su_priority = (uint8_t)(priority > SCH_MAX_PRIORITY ? SCH_MAX_PRIORITY : priority);
}

void sch_ready(struct sch *s, struct sch_user *u, bool interactive, uint64_t now)
{
    u->su_ready_at = now;
    if (u->su_state != SCH_DORMANT)
        return;
    u->su_queue = interactive ? SCH_Q1 : SCH_Q2;
    make_eligible(s, u, now);
}

void sch_not_ready(struct sch *s, struct sch_user *u, bool stopped, uint32_t resident, uint64_t now)
{
    if (u->su_state == SCH_DORMANT)
        return;
    if (!stopped && now - u->su_ready_at < SCH_IDLE_US)
        return;
    if (u->su_state == SCH_DISPATCH) {
        leave(s, u);
        project(u, resident);
    } else {
        leave(s, u);
    }
}

/* Into the dispatch list. */
static void admit(struct sch *s, struct sch_user *u)
{
    u->su_next = s->s_dispatch;
    s->s_dispatch = u;
    u->su_state = SCH_DISPATCH;
    s->s_in_ws += u->su_ws;
    u->su_qcpu = 0;
    if (u->su_queue == SCH_Q1) {
        u->su_vtime = s->s_vtime;
        u->su_q1++;
    } else {
        if (u->su_vtime < s->s_vtime)
            u->su_vtime = s->s_vtime;
        u->su_q2++;
    }
}

static bool fits(const struct sch *s, const struct sch_user *u)
{
    uint32_t room = s->s_capacity;
    if (u->su_queue == SCH_Q1)
        room += s->s_capacity / 8;
    return !s->s_dispatch || s->s_in_ws + u->su_ws <= room;
}

/* In eligible-list order, everyone who fits (anyone at all when the
 * dispatch list is empty). A user who does not fit is passed over by
 * later ones that do, so small users keep running beside big ones; but
 * once it has waited SCH_PASS_US nobody passes it any more, and it gets
 * in when enough room has been given back: nobody starves. */
void sch_admit(struct sch *s, uint64_t now)
{
    struct sch_user **p = &s->s_eligible;
    while (*p) {
        struct sch_user *u = *p;
        if (fits(s, u)) {
            *p = u->su_next;
            admit(s, u);
            continue;
        }
        if (now - u->su_eligible_at >= SCH_PASS_US)
            return;
        p = &u->su_next;
    }
}

struct sch_user *sch_pick(struct sch *s, bool (*ready)(struct sch_user *u, void *ctx), void *ctx)
{
    struct sch_user *best = NULL;
    for (struct sch_user *u = s->s_dispatch; u; u = u->su_next)
        if ((!best || u->su_vtime < best->su_vtime) && ready(u, ctx))
            best = u;
    return best;
}

/* The list's virtual time: its lowest, so newcomers start level. */
static void advance_vtime(struct sch *s)
{
    struct sch_user *u = s->s_dispatch;
    if (!u)
        return;
    uint64_t low = u->su_vtime;
    for (u = u->su_next; u; u = u->su_next)
        if (u->su_vtime < low)
            low = u->su_vtime;
    if (low > s->s_vtime)
        s->s_vtime = low;
}

void sch_charge(struct sch *s, struct sch_user *u, uint64_t used, uint32_t resident, uint64_t now)
{
    u->su_ready_at = now;
    if (u->su_state != SCH_DISPATCH)
        return;
    u->su_vtime += used * weight(u);
    u->su_qcpu += used;
    uint64_t allowance = u->su_queue == SCH_Q1 ? SCH_Q1_US : SCH_Q2_US;
    if (u->su_qcpu >= allowance) {
        leave(s, u);
        project(u, resident);
        u->su_queue = SCH_Q2;
        make_eligible(s, u, now);
    }
    advance_vtime(s);
}

void sch_set_priority(struct sch *s, struct sch_user *u, unsigned priority)
{
    (void)s;
    u->su_priority = (uint8_t)(priority > SCH_MAX_PRIORITY ? SCH_MAX_PRIORITY : priority);
}

void sch_counts(const struct sch *s, unsigned *q1, unsigned *q2, unsigned *eligible)
{
    *q1 = *q2 = *eligible = 0;
    for (const struct sch_user *u = s->s_dispatch; u; u = u->su_next)
        (*(u->su_queue == SCH_Q1 ? q1 : q2))++;
    for (const struct sch_user *u = s->s_eligible; u; u = u->su_next)
        (*eligible)++;
}
