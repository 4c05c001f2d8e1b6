/* test_pollecho.c: a client's second copy of a key CP's poll caught is
 * dropped once, and nothing else is (fake clock, ms). */
#include <CUnit/CUnit.h>
#include <string.h>
#include "../../cp/pollecho.h"

/* Enter, cursor, SBA and "FIRST LINE" in EBCDIC, as a Read Modified gives it. */
static const uint8_t enter_line[] = { 0x7D, 0x5B, 0x60, 0x11, 0x5A, 0x50,
                                      0xC6, 0xC9, 0xD9, 0xE2, 0xE3, 0x40,
                                      0xD3, 0xC9, 0xD5, 0xC5 };

static void test_copy_dropped_once(void)
{
    struct pollecho pe = { 0 };
    pollecho_remember(&pe, enter_line, sizeof enter_line, 1000);
    CU_ASSERT_TRUE(pollecho_repeat(&pe, enter_line, sizeof enter_line, 1005));
    /* The same line typed again afterwards is the user's. */
    CU_ASSERT_FALSE(pollecho_repeat(&pe, enter_line, sizeof enter_line, 1200));
}

static void test_different_input_kept(void)
{
    uint8_t other[sizeof enter_line];
    memcpy(other, enter_line, sizeof other);
    other[sizeof other - 1] = 0xC4;              /* one letter differs */
    struct pollecho pe = { 0 };
    pollecho_remember(&pe, enter_line, sizeof enter_line, 0);
    CU_ASSERT_FALSE(pollecho_repeat(&pe, other, sizeof other, 1));
    /* ... and the next read after it is not compared any more. */
    CU_ASSERT_FALSE(pollecho_repeat(&pe, enter_line, sizeof enter_line, 2));
    pollecho_remember(&pe, enter_line, sizeof enter_line, 0);
    CU_ASSERT_FALSE(pollecho_repeat(&pe, enter_line, sizeof enter_line - 1, 1));
}

static void test_late_copy_kept(void)
{
    struct pollecho pe = { 0 };
    pollecho_remember(&pe, enter_line, sizeof enter_line, 5000);
    CU_ASSERT_TRUE(pollecho_repeat(&pe, enter_line, sizeof enter_line, 5000 + POLLECHO_MS));
    pollecho_remember(&pe, enter_line, sizeof enter_line, 5000);
    CU_ASSERT_FALSE(pollecho_repeat(&pe, enter_line, sizeof enter_line, 5001 + POLLECHO_MS));
}

static void test_nothing_remembered(void)
{
    struct pollecho pe = { 0 };
    static const uint8_t clear = 0x6D;
    CU_ASSERT_FALSE(pollecho_repeat(&pe, &clear, 1, 0));
    CU_ASSERT_FALSE(pollecho_repeat(&pe, NULL, 0, 0));
    pollecho_remember(&pe, &clear, 1, 0);        /* a Clear the poll caught */
    CU_ASSERT_TRUE(pollecho_repeat(&pe, &clear, 1, 3));
}

void suite_pollecho(void);
void suite_pollecho(void)
{
    CU_pSuite s = CU_add_suite("pollecho", NULL, NULL);
    CU_add_test(s, "the client's copy is dropped, once", test_copy_dropped_once);
    CU_add_test(s, "other input is kept", test_different_input_kept);
    CU_add_test(s, "a copy after the window is kept", test_late_copy_kept);
    CU_add_test(s, "nothing remembered, nothing dropped", test_nothing_remembered);
}
