/* test_sched.c: cp/sch.c, the scheduler's decisions, with a fake clock
 * and a fake dispatcher that runs whoever it is told for a slice. */
#include <CUnit/CUnit.h>
#include <string.h>
#include "../../cp/sch.h"

void suite_sched(void);

#define SLICE 10000u          /* microseconds, as DSP_SLICE_US */
#define MAXU  40

static struct sch S;
static struct sch_user U[MAXU];
static bool busy[MAXU];       /* wants the CPU */
static uint64_t cpu[MAXU], now;

static bool is_ready(struct sch_user *u, void *ctx)
{
    (void)ctx;
    return busy[u - U];
}

/* One dispatcher pass: report readiness, admit, pick, run a slice. */
static int pass(uint32_t resident)
{
    for (int i = 0; i < MAXU; i++) {
        if (busy[i])
            sch_ready(&S, &U[i], false, now);
        else
            sch_not_ready(&S, &U[i], false, resident, now);
    }
    sch_admit(&S, now);
    struct sch_user *u = sch_pick(&S, is_ready, NULL);
    if (!u) {
        now += SLICE;
        return -1;
    }
    int i = (int)(u - U);
    cpu[i] += SLICE;
    now += SLICE;
    sch_charge(&S, u, SLICE, resident, now);
    return i;
}

static void setup(int n, uint32_t capacity)
{
    sch_init(&S, capacity);
    memset(busy, 0, sizeof busy);
    memset(cpu, 0, sizeof cpu);
    now = 1000000;
    for (int i = 0; i < MAXU; i++)
        sch_user_init(&U[i], &U[i], 50);
    for (int i = 0; i < n; i++)
        busy[i] = true;
}

static void test_equal_shares(void)
{
    setup(32, 100000);
    for (int k = 0; k < 32 * 200; k++)
        pass(8);
    uint64_t lo = ~0ull, hi = 0;
    for (int i = 0; i < 32; i++) {
        lo = cpu[i] < lo ? cpu[i] : lo;
        hi = cpu[i] > hi ? cpu[i] : hi;
    }
    CU_ASSERT(lo > 0);
    CU_ASSERT(hi - lo <= SLICE);              /* within one slice of each other */
    for (int i = 32; i < MAXU; i++)
        CU_ASSERT_EQUAL(cpu[i], 0);           /* not ready: never run */
}

static void test_priority_bias(void)
{
    setup(2, 100000);
    sch_set_priority(&S, &U[0], 10);          /* weight 20 against 60 */
    for (int k = 0; k < 4000; k++)
        pass(8);
    double ratio = (double)cpu[0] / (double)cpu[1];
    CU_ASSERT(ratio > 2.8 && ratio < 3.2);
    /* The worst priority still runs. */
    setup(3, 100000);
    sch_set_priority(&S, &U[2], 99);
    sch_set_priority(&S, &U[0], 0);
    for (int k = 0; k < 3000; k++)
        pass(8);
    CU_ASSERT(cpu[2] > 0);
    CU_ASSERT(cpu[0] > cpu[1] && cpu[1] > cpu[2]);
}

static void test_interactive_first(void)
{
    setup(16, 100000);
    for (int k = 0; k < 500; k++)
        pass(8);
    /* A line typed for user 20: it is Q1, in at once, and runs next. */
    busy[20] = true;
    sch_ready(&S, &U[20], true, now);
    CU_ASSERT_EQUAL(U[20].su_queue, SCH_Q1);
    CU_ASSERT_EQUAL(pass(8), 20);
    CU_ASSERT_EQUAL(U[20].su_state, SCH_DISPATCH);
    /* It keeps being preferred until its Q1 allowance is used, then it is
     * a Q2 user like the others. */
    int runs = 1;
    while (U[20].su_queue == SCH_Q1 && runs < 100)
        if (pass(8) == 20)
            runs++;
    CU_ASSERT_EQUAL(runs, SCH_Q1_US / SLICE);
    CU_ASSERT_EQUAL(U[20].su_queue, SCH_Q2);
}

static void test_idle_goes_dormant(void)
{
    setup(2, 100000);
    for (int k = 0; k < 10; k++)
        pass(8);
    CU_ASSERT_EQUAL(U[1].su_state, SCH_DISPATCH);
    busy[1] = false;                            /* waits, say for the terminal */
    uint64_t t0 = now;
    while (U[1].su_state != SCH_DORMANT && now - t0 < 10 * SCH_IDLE_US)
        pass(8);
    CU_ASSERT_EQUAL(U[1].su_state, SCH_DORMANT);
    CU_ASSERT(now - t0 >= SCH_IDLE_US);
    CU_ASSERT(now - t0 < SCH_IDLE_US + 2 * SLICE);
    /* Stopping (CP READ) is at once. */
    sch_not_ready(&S, &U[0], true, 8, now);
    CU_ASSERT_EQUAL(U[0].su_state, SCH_DORMANT);
    CU_ASSERT_EQUAL(S.s_in_ws, 0);
}

static void test_storage_admission(void)
{
    /* Room for 100 pages; every user's projection is 40 once measured. */
    setup(5, 100);
    for (int i = 0; i < 5; i++)
        U[i].su_ws = 40;
    pass(40);
    CU_ASSERT(S.s_in_ws <= 100);
    unsigned q1, q2, el;
    sch_counts(&S, &q1, &q2, &el);
    CU_ASSERT_EQUAL(q2, 2);
    CU_ASSERT_EQUAL(el, 3);
    /* Nobody starves: taking turns by queue stays, all of them run. */
    for (int k = 0; k < 2000; k++) {
        pass(40);
        CU_ASSERT(S.s_in_ws <= 100);
    }
    for (int i = 0; i < 5; i++)
        CU_ASSERT(cpu[i] > 0);
    /* A user too big for storage still gets in when the list is empty. */
    setup(1, 100);
    U[0].su_ws = 500;
    CU_ASSERT_EQUAL(pass(500), 0);
}

static void test_small_passes_big(void)
{
    /* Users 0 and 1 are big (60 of 100 pages each), 2 is small (5). */
    setup(3, 100);
    U[0].su_ws = U[1].su_ws = 60;
    U[2].su_ws = 5;
    pass(60);
    /* 0 is in; 1 does not fit and waits; 2 fits and passes it. */
    CU_ASSERT_EQUAL(U[0].su_state, SCH_DISPATCH);
    CU_ASSERT_EQUAL(U[1].su_state, SCH_ELIGIBLE);
    CU_ASSERT_EQUAL(U[2].su_state, SCH_DISPATCH);
    /* Over a long run the small one gets at least its share while the big
     * ones take turns, and the big one that waited is not starved. */
    for (int k = 0; k < 3000; k++)
        pass(60);
    CU_ASSERT(cpu[1] > 0);
    CU_ASSERT(cpu[2] * 3 >= cpu[0] + cpu[1] + cpu[2] - 3 * SLICE * 40);
    /* Once the passed-over head has waited SCH_PASS_US, nobody passes it:
     * a small newcomer waits behind it. */
    setup(3, 100);
    U[0].su_ws = U[1].su_ws = 60;
    U[2].su_ws = 5;
    busy[2] = false;
    pass(60);                                   /* 0 in, 1 waits */
    CU_ASSERT_EQUAL(U[1].su_state, SCH_ELIGIBLE);
    now += SCH_PASS_US;
    busy[2] = true;
    sch_ready(&S, &U[2], false, now);
    sch_admit(&S, now);
    CU_ASSERT_EQUAL(U[2].su_state, SCH_ELIGIBLE);
}

void suite_sched(void)
{
    CU_pSuite s = CU_add_suite("sched", NULL, NULL);
    CU_add_test(s, "equal_shares", test_equal_shares);
    CU_add_test(s, "priority_bias", test_priority_bias);
    CU_add_test(s, "interactive_first", test_interactive_first);
    CU_add_test(s, "idle_goes_dormant", test_idle_goes_dormant);
    CU_add_test(s, "storage_admission", test_storage_admission);
    CU_add_test(s, "small_passes_big", test_small_passes_big);
}
