/* sch.h: the scheduler, after VM/370's (pure; host-tested with a fake
 * clock). It decides who may compete for the CPU and in what order; the
 * dispatcher (dsp.c) tells it what the machines do and runs its choice.
 *
 * A user is dormant (CP READ, or idle: not ready to run for SCH_IDLE_US),
 * eligible (ready, waiting to be let in) or in the dispatch list (let in:
 * its working set counts against real storage). Users come into the
 * dispatch list in eligible-list order while their projected working sets
 * fit the storage there is, and leave it when they have used their
 * queue's CPU allowance (back to the eligible list) or go idle.
 *
 *  - Q1, interactive: a user woken by a line typed for it. A short
 *    allowance (SCH_Q1_US), first place in the eligible list, and it may
 *    overcommit storage by an eighth.
 *  - Q2, the rest, and Q1 users who used up their Q1 allowance: a longer
 *    allowance (SCH_Q2_US), placed behind by their priority.
 *
 * In the dispatch list the ready user with the lowest virtual time runs
 * next; running advances it by the CPU used times 10 + priority, so
 * users of equal priority get equal shares, priority 0 gets six times the
 * share of priority 50 (the default), and nobody is shut out. A user who
 * comes in starts no earlier than the list's virtual time, so sleeping
 * banks nothing; a Q1 user starts at it. docs/scheduler.md. */
#ifndef CP_SCH_H
#define CP_SCH_H

#include <stdint.h>
#include <stdbool.h>

#define SCH_Q1_US      50000u       /* CPU a Q1 stay allows */
#define SCH_Q2_US     400000u       /* ... a Q2 stay */
#define SCH_IDLE_US   300000u       /* not ready this long: dormant */
#define SCH_MIN_WS         8u       /* smallest projected working set, pages */
#define SCH_PASS_US   1000000u      /* eligible users that fit may pass one that does not, this long */
#define SCH_WEIGHT_BASE   10u       /* virtual time per microsecond: base + priority */
#define SCH_MAX_PRIORITY  99u
#define SCH_DEFAULT_PRIORITY 50u   /* the directory's, when it gives none */

enum sch_state { SCH_DORMANT, SCH_ELIGIBLE, SCH_DISPATCH };
enum sch_queue { SCH_Q1 = 1, SCH_Q2 = 2 };

struct sch_user {
    struct sch_user *su_next;       /* on the eligible or the dispatch list */
    void    *su_owner;              /* the VMBLOK */
    uint8_t  su_state;              /* enum sch_state */
    uint8_t  su_queue;              /* enum sch_queue */
    uint8_t  su_priority;           /* 0-99, lower is favoured */
    uint32_t su_ws;                 /* projected working set, pages */
    uint64_t su_vtime;              /* dispatch order */
    uint64_t su_deadline;           /* eligible-list order, microseconds */
    uint64_t su_eligible_at;        /* when it last became eligible */
    uint64_t su_qcpu;               /* CPU used in this dispatch-list stay, us */
    uint64_t su_ready_at;           /* when it was last seen ready */
    uint32_t su_q1, su_q2;          /* stays begun, for QUERY and tests */
};

struct sch {
    struct sch_user *s_eligible;    /* by deadline, earliest first */
    struct sch_user *s_dispatch;
    uint32_t s_capacity;            /* pages for working sets */
    uint32_t s_in_ws;               /* projected working sets in the dispatch list */
    uint64_t s_vtime;               /* virtual time of the dispatch list */
};

void sch_init(struct sch *s, uint32_t capacity);
/* A new user (LOGON): dormant. */
void sch_user_init(struct sch_user *u, void *owner, unsigned priority);
/* The user is ready to run at now (microseconds); interactive: because
 * of a line typed for it. A dormant user becomes eligible. */
void sch_ready(struct sch *s, struct sch_user *u, bool interactive, uint64_t now);
/* The user stopped (CP READ, LOGOFF), or was seen not ready: it goes
 * dormant when stopped or idle for SCH_IDLE_US. resident: its pages in
 * storage now, for the working-set projection. */
void sch_not_ready(struct sch *s, struct sch_user *u, bool stopped, uint32_t resident, uint64_t now);
/* Let eligible users in while they fit, at now. */
void sch_admit(struct sch *s, uint64_t now);
/* The next user to run among those in the dispatch list for which
 * ready() is true; NULL if none. */
struct sch_user *sch_pick(struct sch *s, bool (*ready)(struct sch_user *u, void *ctx), void *ctx);
/* u ran for used microseconds at now. */
void sch_charge(struct sch *s, struct sch_user *u, uint64_t used, uint32_t resident, uint64_t now);
/* SET PRIORITY. */
void sch_set_priority(struct sch *s, struct sch_user *u, unsigned priority);
/* Counts for INDICATE: users in Q1, in Q2, eligible. */
void sch_counts(const struct sch *s, unsigned *q1, unsigned *q2, unsigned *eligible);

#endif
