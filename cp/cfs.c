/* cfs.c: the scheduler's commands (docs/scheduler.md).
 *
 *  SET PRIORITY userid nn   classes A and C (VM/370's): nn 0-99, lower is
 *                           favoured; lasts until LOGOFF. No reply, as in
 *                           VM/370.
 *  INDICATE [LOAD]          any class: how busy each processor was in the
 *                           last whole second, how many users are in Q1, in
 *                           Q2 and eligible, how much of the storage for
 *                           working sets the dispatch list holds, and the
 *                           processors' share of time spent waiting for
 *                           the CP lock.
 *  INDICATE USER [userid]   the user's queue, priority and projected
 *                           working set (its own without userid; another
 *                           user's for classes A, C and E).
 * The INDICATE lines are CPCMS's own wording.
 */
#include "cfm.h"
#include "dsp.h"
#include "sch.h"
#include "cpuload.h"
#include "vm.h"
#include "vst.h"
#include "cplib.h"

static struct vmblok *find_user(struct cmdctx *cx, const char *who)
{
    for (struct vmblok *vm = dsp_first(); vm; vm = vm->vm_next)
        if (strcmp(vm->vm_user, who) == 0)
            return vm;
    cfm_reply(cx, "CFS045E %s NOT LOGGED ON", who);
    return NULL;
}

static bool decimal(const char *s, unsigned max, unsigned *v)
{
    unsigned n = 0;
    if (!*s || strlen(s) > 2)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        n = n * 10 + (unsigned)(*s - '0');
    }
    if (n > max)
        return false;
    *v = n;
    return true;
}

static void set_priority(struct cmdctx *cx)
{
    const char *who = cfm_arg(cx), *value = cfm_arg(cx);
    unsigned prio;
    if (!who || !value) {
        cfm_missing(cx);
        return;
    }
    if (!decimal(value, SCH_MAX_PRIORITY, &prio)) {
        cfm_invalid(cx, value);
        return;
    }
    struct vmblok *vm = find_user(cx, who);
    if (vm)
        sch_set_priority(dsp_sched(), &vm->vm_sch, prio);
}

static const struct cmd_entry set_tab[] = {
    { "PRIORITY", 3, CMD_CLASS('A') | CMD_CLASS('C'), set_priority, 0 },
};

void cfs_set(struct cmdctx *cx)
{
    cfm_subcommand(cx, set_tab, sizeof set_tab / sizeof set_tab[0]);
}

static void ind_load(struct cmdctx *cx)
{
    const struct sch *s = dsp_sched();
    unsigned q1, q2, el;
    sch_counts(s, &q1, &q2, &el);
    unsigned pct = s->s_capacity ? (unsigned)((uint64_t)s->s_in_ws * 100u / s->s_capacity) : 0;
    /* Processor 0 as CPU, 1 as APU (VM/370's attached processor); LOCK:
     * their time spinning for the CP lock, on average. */
    const struct cpuload *cpu = dsp_load(0), *apu = dsp_load(1);
    if (apu)
        cfm_reply(cx, "CPU-%03u%% APU-%03u%% USERS-%03d Q1-%02u Q2-%02u ELIGIBLE-%02u STORAGE-%03u%% LOCK-%03u%%",
                  cpu->cl_busy, apu->cl_busy, dsp_count(), q1, q2, el, pct, (cpu->cl_spin + apu->cl_spin) / 2u);
    else
        cfm_reply(cx, "CPU-%03u%% USERS-%03d Q1-%02u Q2-%02u ELIGIBLE-%02u STORAGE-%03u%% LOCK-%03u%%",
                  cpu->cl_busy, dsp_count(), q1, q2, el, pct, cpu->cl_spin);
}

static const char *const state_name[] = {
    [SCH_DORMANT] = "DORMANT", [SCH_ELIGIBLE] = "ELIGIBLE", [SCH_DISPATCH] = "DISPATCH",
};

static void ind_user(struct cmdctx *cx)
{
    const char *who = cfm_arg(cx);
    struct vmblok *vm = cx->cx_vm;
    if (who) {
        bool may = (cx->cx_classes & (CMD_CLASS('A') | CMD_CLASS('C') | CMD_CLASS('E'))) != 0
                   || (vm && strcmp(vm->vm_user, who) == 0);
        if (!may) {
            cfm_invalid(cx, who);
            return;
        }
        vm = find_user(cx, who);
    } else if (!vm) {
        cfm_missing(cx);
        return;
    }
    if (!vm)
        return;
    const struct sch_user *u = &vm->vm_sch;
    const char *q = u->su_state == SCH_DORMANT ? "" : u->su_queue == SCH_Q1 ? " Q1" : " Q2";
    cfm_reply(cx, "USERID=%s %s%s PRIORITY=%02u WS=%u RESIDENT=%u", vm->vm_user,
              state_name[u->su_state], q, (unsigned)u->su_priority, (unsigned)u->su_ws,
              (unsigned)vst_resident(vm));
    cfm_reply(cx, "Q1 STAYS=%u Q2 STAYS=%u", (unsigned)u->su_q1, (unsigned)u->su_q2);
}

static const struct cmd_entry indicate_tab[] = {
    { "LOAD", 1, CMD_CLASSES_AG, ind_load, 0 },
    { "USER", 1, CMD_CLASSES_AG, ind_user, 0 },
};

void cfs_indicate(struct cmdctx *cx)
{
    if (!cfm_more(cx)) {
        ind_load(cx);
        return;
    }
    cfm_subcommand(cx, indicate_tab, sizeof indicate_tab / sizeof indicate_tab[0]);
}
