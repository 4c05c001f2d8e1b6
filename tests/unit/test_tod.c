/* test_tod.c: TOD clock to calendar, checked against the host's gmtime. */
#include <CUnit/CUnit.h>
#include <string.h>
#include <time.h>
#include "../../cp/tod.h"

/* Seconds from 1900-01-01 to 1970-01-01. */
#define EPOCH_DELTA 2208988800ull

static uint64_t tod_of_unix(uint64_t t)
{
    return (t + EPOCH_DELTA) * TOD_PER_SEC;
}

static void test_against_gmtime(void)
{
    static const uint64_t rows[] = {
        0, 951782400 /* 2000-02-29 */, 1798070400 /* 2026-12-24 */,
        2240611199 /* 2040-12-31 23:59:59; the TOD clock wraps in 2042 */, 1772323199, 86399, 68169600,
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        time_t t = (time_t)rows[i];
        struct tm g;
        gmtime_r(&t, &g);
        struct tod_tm m;
        tod_to_tm(tod_of_unix(rows[i]), &m);
        CU_ASSERT_EQUAL(m.tm_year, g.tm_year + 1900);
        CU_ASSERT_EQUAL(m.tm_mon, g.tm_mon + 1);
        CU_ASSERT_EQUAL(m.tm_mday, g.tm_mday);
        CU_ASSERT_EQUAL(m.tm_hour, g.tm_hour);
        CU_ASSERT_EQUAL(m.tm_min, g.tm_min);
        CU_ASSERT_EQUAL(m.tm_sec, g.tm_sec);
        CU_ASSERT_EQUAL(m.tm_wday, g.tm_wday);
    }
}

static void test_formats(void)
{
    char buf[64];
    /* 2026-11-24 21:55:28 UTC was a Tuesday. */
    tod_fmt_stamp(buf, sizeof buf, tod_of_unix(1795557328));
    CU_ASSERT_STRING_EQUAL(buf, "21:55:28 UTC TUESDAY 11/24/26");
    tod_fmt_elapsed(buf, sizeof buf, 3723 * TOD_PER_SEC);
    CU_ASSERT_STRING_EQUAL(buf, "01:02:03");
    struct tod_tm tm;
    tod_to_tm(0, &tm);                      /* the TOD epoch */
    CU_ASSERT_EQUAL(tm.tm_year, 1900);
    CU_ASSERT_STRING_EQUAL(tod_weekday(tm.tm_wday), "MONDAY");
    CU_ASSERT_STRING_EQUAL(tod_weekday(9), "?");
}

void suite_tod(void);
void suite_tod(void)
{
    CU_pSuite s = CU_add_suite("tod", NULL, NULL);
    CU_add_test(s, "against gmtime", test_against_gmtime);
    CU_add_test(s, "formats", test_formats);
}
