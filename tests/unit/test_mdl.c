/* test_mdl.c: cp/mdl.c: what each link mode gets while other users hold
 * the disk, and the table of extents in use. */
#include <CUnit/CUnit.h>
#include "../../cp/mdl.h"
#include "../../dasd/dir.h"

void suite_mdl(void);

/* Every mode against nobody, readers only, and a writer (with readers). */
static const struct {
    const char *mode;
    enum mdl_outcome alone, readers, writer;
} rows[] = {
    { "R",  MDL_READ,  MDL_READ,      MDL_REFUSED   },
    { "RR", MDL_READ,  MDL_READ,      MDL_READ      },
    { "W",  MDL_WRITE, MDL_REFUSED,   MDL_REFUSED   },
    { "WR", MDL_WRITE, MDL_FORCED_RO, MDL_FORCED_RO },
    { "M",  MDL_WRITE, MDL_WRITE,     MDL_REFUSED   },
    { "MR", MDL_WRITE, MDL_WRITE,     MDL_FORCED_RO },
    { "MW", MDL_WRITE, MDL_WRITE,     MDL_WRITE     },
};

static void test_modes(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int m = mdl_mode_parse(rows[i].mode);
        CU_ASSERT_NOT_EQUAL_FATAL(m, 0);
        CU_ASSERT_STRING_EQUAL(mdl_mode_name(m), rows[i].mode);
        CU_ASSERT_EQUAL(mdl_decide(m, 0, 0), rows[i].alone);
        CU_ASSERT_EQUAL(mdl_decide(m, 3, 0), rows[i].readers);
        CU_ASSERT_EQUAL(mdl_decide(m, 0, 1), rows[i].writer);
        CU_ASSERT_EQUAL(mdl_decide(m, 2, 1), rows[i].writer);
    }
    CU_ASSERT_EQUAL(mdl_mode_parse("X"), 0);
    CU_ASSERT_EQUAL(mdl_mode_parse(""), 0);
    CU_ASSERT_EQUAL(mdl_mode_parse("RRR"), 0);
    CU_ASSERT_EQUAL(mdl_decide(0, 0, 0), MDL_BADMODE);
    CU_ASSERT_EQUAL(mdl_decide(DIR_M_COUNT, 0, 0), MDL_BADMODE);
}

static void test_table(void)
{
    static const int vol_a = 1, vol_b = 2;
    unsigned r, w;
    mdl_reset();
    struct mdl_ext *e1 = mdl_add(&vol_a, 10, 5, true);
    struct mdl_ext *e2 = mdl_add(&vol_a, 10, 5, false);
    struct mdl_ext *e3 = mdl_add(&vol_b, 10, 5, false);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e1);
    CU_ASSERT_PTR_EQUAL(e1, e2);                /* same volume and cylinder: one entry */
    CU_ASSERT_PTR_NOT_EQUAL(e1, e3);
    mdl_holders(&vol_a, 10, &r, &w);
    CU_ASSERT(r == 1 && w == 1);
    mdl_holders(&vol_a, 11, &r, &w);
    CU_ASSERT(r == 0 && w == 0);
    CU_ASSERT_EQUAL(mdl_count(), 2);
    mdl_drop(e1, true);
    mdl_holders(&vol_a, 10, &r, &w);
    CU_ASSERT(r == 1 && w == 0);
    mdl_drop(e1, false);                        /* the last link frees the entry */
    CU_ASSERT_EQUAL(mdl_count(), 1);
    mdl_drop(e3, false);
    CU_ASSERT_EQUAL(mdl_count(), 0);
    /* A full table refuses, and frees nothing it did not take. */
    for (unsigned i = 0; i < MDL_MAX; i++)
        CU_ASSERT_PTR_NOT_NULL_FATAL(mdl_add(&vol_a, (uint16_t)i, 1, false));
    CU_ASSERT_PTR_NULL(mdl_add(&vol_b, 0, 1, false));
    CU_ASSERT_EQUAL(mdl_count(), MDL_MAX);
    mdl_reset();
}

void suite_mdl(void)
{
    CU_pSuite s = CU_add_suite("mdl", NULL, NULL);
    CU_add_test(s, "modes", test_modes);
    CU_add_test(s, "table", test_table);
}
