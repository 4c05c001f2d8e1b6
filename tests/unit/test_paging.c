/* test_paging.c: cp/pgslot.c (paging slots) and cp/pgclock.c (the clock
 * replacement policy), with a fake frame table. */
#include <CUnit/CUnit.h>
#include <string.h>
#include "../../cp/pgslot.h"
#include "../../cp/pgclock.h"

void suite_paging(void);

static void test_slots(void)
{
    static struct pgslot s;
    pgslot_init(&s, 25);
    CU_ASSERT_EQUAL(pgslot_free_count(&s), 25);
    /* Next-fit from slot 1: tracks fill in order. */
    for (uint32_t i = 1; i <= 25; i++)
        CU_ASSERT_EQUAL(pgslot_alloc(&s), i);
    CU_ASSERT_EQUAL(pgslot_alloc(&s), 0);                 /* full */
    CU_ASSERT_EQUAL(pgslot_free_count(&s), 0);
    pgslot_free(&s, 7);
    pgslot_free(&s, 7);                                   /* twice: no effect */
    pgslot_free(&s, 0);
    pgslot_free(&s, 26);                                  /* out of range */
    CU_ASSERT_EQUAL(pgslot_free_count(&s), 1);
    CU_ASSERT(!pgslot_in_use(&s, 7));
    CU_ASSERT(pgslot_in_use(&s, 8));
    CU_ASSERT_EQUAL(pgslot_alloc(&s), 7);                 /* wraps around to the hole */
    CU_ASSERT_EQUAL(pgslot_alloc(&s), 0);
    pgslot_free(&s, 3);
    pgslot_free(&s, 20);
    CU_ASSERT_EQUAL(pgslot_alloc(&s), 20);                /* next-fit: after 7 */
    CU_ASSERT_EQUAL(pgslot_alloc(&s), 3);
    /* Where a slot lives. */
    CU_ASSERT_EQUAL(pgslot_track(1), 0);
    CU_ASSERT_EQUAL(pgslot_record(1), 1);
    CU_ASSERT_EQUAL(pgslot_track(10), 0);
    CU_ASSERT_EQUAL(pgslot_record(10), 10);
    CU_ASSERT_EQUAL(pgslot_track(11), 1);
    CU_ASSERT_EQUAL(pgslot_record(11), 1);
    /* Formatting is by track. */
    CU_ASSERT(!pgslot_formatted(&s, 12));
    pgslot_mark_formatted(&s, 15);
    CU_ASSERT(pgslot_formatted(&s, 11) && pgslot_formatted(&s, 20));
    CU_ASSERT(!pgslot_formatted(&s, 10) && !pgslot_formatted(&s, 21));
    CU_ASSERT(!pgslot_formatted(&s, 0));
    /* More than the limit is cut to it. */
    pgslot_init(&s, PGSLOT_MAX + 5);
    CU_ASSERT_EQUAL(pgslot_free_count(&s), PGSLOT_MAX);
}

/* A fake frame table: who may be taken, and reference bits. */
struct fake {
    bool elig[8];
    bool ref[8];
    int  tests;
};
static bool f_elig(void *ctx, uint32_t i) { return ((struct fake *)ctx)->elig[i]; }
static bool f_ref(void *ctx, uint32_t i)
{
    struct fake *f = ctx;
    bool r = f->ref[i];
    f->ref[i] = false;
    f->tests++;
    return r;
}
static const struct pgclock_ops fops = { f_elig, f_ref };

static void test_clock(void)
{
    struct fake f;
    uint32_t hand = 0;
    memset(&f, 0, sizeof f);
    /* Nothing eligible: -1 after two turns, no bit tested. */
    CU_ASSERT_EQUAL(pgclock_select(&hand, 8, &fops, &f), -1);
    CU_ASSERT_EQUAL(f.tests, 0);
    /* 2, 3, 5 eligible; 2 and 3 referenced: 5 is chosen, 2 and 3 lose
     * their bits (second chance used), the hand moves to 6. */
    f.elig[2] = f.elig[3] = f.elig[5] = true;
    f.ref[2] = f.ref[3] = true;
    CU_ASSERT_EQUAL(pgclock_select(&hand, 8, &fops, &f), 5);
    CU_ASSERT_EQUAL(hand, 6);
    CU_ASSERT(!f.ref[2] && !f.ref[3]);
    /* From 6 around: 2 is next, now unreferenced. */
    CU_ASSERT_EQUAL(pgclock_select(&hand, 8, &fops, &f), 2);
    CU_ASSERT_EQUAL(hand, 3);
    /* Every eligible frame referenced: the first turn resets, the second
     * chooses the first one met. */
    f.ref[2] = f.ref[3] = f.ref[5] = true;
    CU_ASSERT_EQUAL(pgclock_select(&hand, 8, &fops, &f), 3);
    /* A hand past the end (the table shrank) starts over inside it. */
    hand = 100;
    CU_ASSERT(pgclock_select(&hand, 8, &fops, &f) >= 0);
    CU_ASSERT(hand < 8);
    CU_ASSERT_EQUAL(pgclock_select(&hand, 0, &fops, &f), -1);
}

void suite_paging(void)
{
    CU_pSuite s = CU_add_suite("paging", NULL, NULL);
    CU_add_test(s, "slots", test_slots);
    CU_add_test(s, "clock", test_clock);
}
