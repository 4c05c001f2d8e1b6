/* test_fmt.c: CP's bounded formatter, row by row. */
#include <CUnit/CUnit.h>
#include <stdint.h>
#include <string.h>
#include "../../cp/fmt.h"

static void test_conversions(void)
{
    static const struct { const char *want; size_t len; } rows[] = {
        { "abc", 3 }, { "42", 2 }, { "-7", 2 }, { "00C3", 4 }, { "ff", 2 },
        { "4294967295", 10 }, { "  x", 3 }, { "x  |", 4 }, { "100%", 4 },
        { "18446744073709551615", 20 }, { "0009 3215", 9 },
    };
    size_t got[11];
    char out[11][64];
    got[0]  = fmt(out[0], 64, "%s", "abc");
    got[1]  = fmt(out[1], 64, "%d", 42);
    got[2]  = fmt(out[2], 64, "%d", -7);
    got[3]  = fmt(out[3], 64, "%04X", 0xC3u);
    got[4]  = fmt(out[4], 64, "%x", 255u);
    got[5]  = fmt(out[5], 64, "%u", 4294967295u);
    got[6]  = fmt(out[6], 64, "%3s", "x");
    got[7]  = fmt(out[7], 64, "%-3s|", "x");
    got[8]  = fmt(out[8], 64, "%d%%", 100);
    got[9]  = fmt(out[9], 64, "%llu", (unsigned long long)UINT64_MAX);
    got[10] = fmt(out[10], 64, "%04X %04X", 9u, 0x3215u);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        CU_ASSERT_STRING_EQUAL(out[i], rows[i].want);
        CU_ASSERT_EQUAL(got[i], rows[i].len);
    }
}

static void test_never_overruns(void)
{
    char buf[8];
    memset(buf, 'Z', sizeof buf);
    size_t n = fmt(buf, 5, "%s-%d", "abcdef", 123);
    CU_ASSERT_EQUAL(n, 4);
    CU_ASSERT_STRING_EQUAL(buf, "abcd");
    CU_ASSERT_EQUAL(buf[5], 'Z');
    CU_ASSERT_EQUAL(fmt(buf, 0, "xyz"), 0);
    CU_ASSERT_EQUAL(buf[0], 'a');          /* cap 0 writes nothing */
}

void suite_fmt(void);
void suite_fmt(void)
{
    CU_pSuite s = CU_add_suite("fmt", NULL, NULL);
    CU_add_test(s, "conversions", test_conversions);
    CU_add_test(s, "never overruns", test_never_overruns);
}
