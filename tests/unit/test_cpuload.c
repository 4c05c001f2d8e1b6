/* test_cpuload.c: a processor's busy and spin shares over windows, with a
 * fake clock (microseconds). */
#include <CUnit/CUnit.h>
#include "../../cp/cpuload.h"

#define W CPULOAD_WINDOW_US

static void test_unknown_until_a_window(void)
{
    struct cpuload c;
    cpuload_init(&c, 1000, 0, 0);
    cpuload_tick(&c, 1000 + W - 1, W / 2, 0);
    CU_ASSERT_FALSE(c.cl_known);
    cpuload_tick(&c, 1000 + W, W / 2, 0);
    CU_ASSERT_TRUE(c.cl_known);
    CU_ASSERT_EQUAL(c.cl_busy, 50);
}

static void test_windows_are_separate(void)
{
    struct cpuload c;
    cpuload_init(&c, 0, 500, 7);            /* totals need not start at 0 */
    cpuload_tick(&c, W, 500 + W / 4, 7 + W / 10);
    CU_ASSERT_EQUAL(c.cl_busy, 75);
    CU_ASSERT_EQUAL(c.cl_spin, 10);
    /* The next window: no idle at all, no spin. */
    cpuload_tick(&c, 2 * W, 500 + W / 4, 7 + W / 10);
    CU_ASSERT_EQUAL(c.cl_busy, 100);
    CU_ASSERT_EQUAL(c.cl_spin, 0);
}

static void test_long_idle_clamps(void)
{
    struct cpuload c;
    cpuload_init(&c, 0, 0, 0);
    /* A wait that began before the window ends in it: more idle than
     * the window is long reads as idle throughout, not as a wrap. */
    cpuload_tick(&c, W + 10, 3 * W, 0);
    CU_ASSERT_EQUAL(c.cl_busy, 0);
}

static void test_clock_behind_is_ignored(void)
{
    struct cpuload c;
    cpuload_init(&c, 5 * W, 0, 0);
    cpuload_tick(&c, W, W, 0);              /* an earlier time: no window */
    CU_ASSERT_FALSE(c.cl_known);
    CU_ASSERT_EQUAL(c.cl_start, 5 * W);
}

void suite_cpuload(void);
void suite_cpuload(void)
{
    CU_pSuite s = CU_add_suite("cpuload", NULL, NULL);
    CU_add_test(s, "nothing known until a whole window", test_unknown_until_a_window);
    CU_add_test(s, "each window on its own", test_windows_are_separate);
    CU_add_test(s, "an idle wait longer than the window", test_long_idle_clamps);
    CU_add_test(s, "a clock behind the window's start", test_clock_behind_is_ignored);
}
