/* test_cylmap.c: cp/cylmap.c: first-fit runs of cylinders in an area. */
#include <CUnit/CUnit.h>
#include "../../cp/cylmap.h"

void suite_cylmap(void);

static void test_alloc_free(void)
{
    static struct cylmap m;
    cylmap_init(&m, 161, 39);
    CU_ASSERT_EQUAL(cylmap_free_count(&m), 39);
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 0), -1);
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 40), -1);               /* more than the area */
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 5), 161);
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 10), 166);
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 3), 176);
    CU_ASSERT_EQUAL(cylmap_free_count(&m), 21);
    cylmap_free(&m, 166, 10);                                 /* a hole of 10 */
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 12), 179);               /* does not fit the hole */
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 4), 166);                /* first fit */
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 10), -1);                /* 6 + 9 left, not in a row */
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 6), 170);
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 9), 191);
    CU_ASSERT_EQUAL(cylmap_free_count(&m), 0);
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 1), -1);
    cylmap_free(&m, 100, 70);                                 /* partly outside: the inside part */
    CU_ASSERT_EQUAL(cylmap_free_count(&m), 9);
    CU_ASSERT_EQUAL(cylmap_alloc(&m, 9), 161);
}

void suite_cylmap(void)
{
    CU_pSuite s = CU_add_suite("cylmap", NULL, NULL);
    CU_add_test(s, "alloc and free", test_alloc_free);
}
