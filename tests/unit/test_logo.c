/* test_logo.c: the logo screen, played into a small 3270 screen model, and
 * the Read Modified replies a user would send back from it.
 */
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "../../cp/ebcdic.h"
#include "../../cp/ds3270.h"
#include "../../cp/logo.h"

/* Just enough of a 3270 to apply what logo_build() emits. */
struct screen {
	uint8_t ch[DS_SCREEN];    /* EBCDIC; 0 = null                  */
	bool    isfa[DS_SCREEN];  /* position holds a field attribute  */
	uint8_t fa[DS_SCREEN];
	int     cursor;
	uint8_t wcc;
};

/* Apply a Write stream; false on an order the logo should not use or a
 * stream that ends inside an order.
 */
static bool screen_play(struct screen *s, const uint8_t *p, size_t n)
{
	unsigned pos = 0;
	size_t i = 1;

	memset(s, 0, sizeof *s);
	s->cursor = -1;
	if (n == 0)
		return false;
	s->wcc = p[0];
	while (i < n) {
		uint8_t c = p[i];

		if (c == DS_ORD_SBA && i + 2 < n) {
			pos = ds_addr_decode(p[i + 1], p[i + 2]);
			if (pos >= DS_SCREEN)
				return false;
			i += 3;
		} else if (c == DS_ORD_SF && i + 1 < n) {
			s->isfa[pos] = true;
			s->fa[pos] = p[i + 1];
			s->ch[pos] = 0;
			pos = (pos + 1) % DS_SCREEN;
			i += 2;
		} else if (c == DS_ORD_IC) {
			s->cursor = (int)pos;
			i++;
		} else if (c >= 0x40 && c != 0xFF) {
			s->ch[pos] = c;
			s->isfa[pos] = false;
			pos = (pos + 1) % DS_SCREEN;
			i++;
		} else {
			return false;
		}
	}
	return true;
}

/* Row r as ASCII, attribute positions and nulls as blanks. */
static void screen_row(const struct screen *s, unsigned r, char out[DS_COLS + 1])
{
	for (unsigned c = 0; c < DS_COLS; c++) {
		unsigned a = r * DS_COLS + c;

		out[c] = (s->isfa[a] || s->ch[a] == 0) ? ' ' : (char)ebc_to_ascii_tab[s->ch[a]];
	}
	out[DS_COLS] = '\0';
}

/* The attribute governing position a (the nearest one at or before it). */
static uint8_t screen_attr(const struct screen *s, unsigned a)
{
	for (unsigned k = 0; k < DS_SCREEN; k++) {
		unsigned at = (a + DS_SCREEN - k) % DS_SCREEN;

		if (s->isfa[at])
			return s->fa[at];
	}
	return 0;
}

static const struct logo_info demo = {
	.li_sysname = "CPCMS1", .li_version = "VERSION 0.1",
	.li_message = "Userid not in CP directory", .li_message2 = "LOGOFF AT 12:00:00",
	.li_devno = 0x00C3,
};

static size_t build(uint8_t *buf, size_t cap, const struct logo_info *li,
		    struct screen *s)
{
	size_t n = logo_build(buf, cap, li);

	CU_ASSERT_FATAL(n > 0);
	CU_ASSERT_FATAL(screen_play(s, buf, n));
	return n;
}

static void test_stream_has_online_in_ebcdic(void)
{
	static const uint8_t online[] = { 0xD6, 0xD5, 0xD3, 0xC9, 0xD5, 0xC5 };
	uint8_t buf[LOGO_BUF_MAX];
	size_t n = logo_build(buf, sizeof buf, &demo);
	bool found = false;

	CU_ASSERT_FATAL(n > sizeof online);
	for (size_t i = 0; i + sizeof online <= n; i++)
		found |= memcmp(buf + i, online, sizeof online) == 0;
	CU_ASSERT_TRUE(found);
	CU_ASSERT_EQUAL(buf[0], 0xC3);  /* WCC: restore + reset MDT */
}

static const struct {
	unsigned    row;
	const char *text;
} line_rows[] = {
	{ 2,  "CCCCCCC    PPPPPPPP     CCCCCCC    MM     MM    SSSSSSS" },
	{ 10, "CPCMS  ONLINE" },
	{ 12, "CPCMS1  VERSION 0.1" },
	{ 14, "TERMINAL 00C3" },
	{ 18, "Userid not in CP directory" },
	{ 19, "LOGOFF AT 12:00:00" },
	{ 21, "Fill in your USERID and press ENTER (LOGON userid)" },
	{ 22, "==>" },
	{ 23, "CPCMS1" },
};

static void test_screen_lines(void)
{
	uint8_t buf[LOGO_BUF_MAX];
	struct screen s;
	char row[DS_COLS + 1];

	build(buf, sizeof buf, &demo, &s);
	for (size_t i = 0; i < sizeof line_rows / sizeof line_rows[0]; i++) {
		screen_row(&s, line_rows[i].row, row);
		CU_ASSERT_PTR_NOT_NULL(strstr(row, line_rows[i].text));
	}
	screen_row(&s, 23, row);
	CU_ASSERT(memcmp(row + DS_COLS - 6, "CPCMS1", 6) == 0);  /* right-aligned */
}

/* One unprotected field, where logo.h says, with the cursor in it; the
 * message is intensified and protected.
 */
static void test_screen_fields(void)
{
	uint8_t buf[LOGO_BUF_MAX];
	struct screen s;
	int unprot = 0;

	build(buf, sizeof buf, &demo, &s);
	for (unsigned a = 0; a < DS_SCREEN; a++)
		if (s.isfa[a] && !(s.fa[a] & DS_FA_PROTECT))
			unprot++;
	CU_ASSERT_EQUAL(unprot, 1);
	CU_ASSERT_TRUE(s.isfa[LOGO_INPUT_ADDR - 1]);
	CU_ASSERT_EQUAL(s.fa[LOGO_INPUT_ADDR - 1] & DS_FA_PROTECT, 0);
	CU_ASSERT_TRUE(s.isfa[LOGO_INPUT_ADDR + LOGO_INPUT_LEN]);
	CU_ASSERT_EQUAL(s.fa[LOGO_INPUT_ADDR + LOGO_INPUT_LEN] & DS_FA_SKIP, DS_FA_SKIP);
	CU_ASSERT_EQUAL(s.cursor, LOGO_INPUT_ADDR);
	CU_ASSERT_TRUE(s.isfa[0]);  /* formatted from address 0 */
	CU_ASSERT_EQUAL(screen_attr(&s, 18 * DS_COLS + 5) & DS_FA_INTENSITY, DS_FA_HIGH);
	CU_ASSERT_EQUAL(screen_attr(&s, 19 * DS_COLS + 5) & DS_FA_INTENSITY, DS_FA_HIGH);
	CU_ASSERT_EQUAL(screen_attr(&s, 21 * DS_COLS + 5) & DS_FA_INTENSITY, DS_FA_NORMAL);
	CU_ASSERT_NOT_EQUAL(screen_attr(&s, 21 * DS_COLS + 5) & DS_FA_PROTECT, 0);
}

/* Over-long and missing strings are cut or skipped; the fields survive. */
static void test_long_and_missing_strings(void)
{
	char big[201];
	uint8_t buf[LOGO_BUF_MAX];
	struct screen s;
	struct logo_info li = { .li_sysname = big, .li_version = big, .li_message = big,
				.li_message2 = big, .li_devno = 0xFFFF };
	struct logo_info none = { .li_devno = 0 };
	char row[DS_COLS + 1];

	memset(big, 'W', 200);
	big[200] = '\0';
	build(buf, sizeof buf, &li, &s);
	CU_ASSERT_EQUAL(s.cursor, LOGO_INPUT_ADDR);
	CU_ASSERT_TRUE(s.isfa[LOGO_INPUT_ADDR - 1]);
	CU_ASSERT_TRUE(s.isfa[20 * DS_COLS]);  /* attribute ending the message rows */
	screen_row(&s, 14, row);
	CU_ASSERT_PTR_NOT_NULL(strstr(row, "TERMINAL FFFF"));
	build(buf, sizeof buf, &none, &s);
	screen_row(&s, 19, row);
	CU_ASSERT_STRING_EQUAL(row, "                                        "
				    "                                        ");
}

/* Every capacity short of the full stream: 0 back, canary untouched. */
static void test_tiny_cap(void)
{
	uint8_t buf[LOGO_BUF_MAX + 16];
	size_t full = logo_build(buf, LOGO_BUF_MAX, &demo);

	CU_ASSERT_FATAL(full > 0);
	for (size_t cap = 0; cap < full; cap++) {
		memset(buf, 0x5A, sizeof buf);
		CU_ASSERT_EQUAL(logo_build(buf, cap, &demo), 0);
		for (size_t k = cap; k < sizeof buf; k++)
			if (buf[k] != 0x5A) {
				CU_FAIL("logo_build wrote past cap");
				return;
			}
	}
}

/* A Read Modified reply: AID, cursor, then one SBA + text per field. */
static size_t reply(uint8_t *out, uint8_t aid, unsigned addr, const char *typed)
{
	size_t n = 0;

	out[n++] = aid;
	ds_addr_encode(LOGO_INPUT_ADDR + (typed ? strlen(typed) : 0), out + n);
	n += 2;
	if (typed) {
		out[n++] = DS_ORD_SBA;
		ds_addr_encode(addr, out + n);
		n += 2;
		ebc_from_ascii(out + n, typed, strlen(typed));
		n += strlen(typed);
	}
	return n;
}

static const struct {
	const char *name;
	uint8_t     aid;
	unsigned    addr;
	const char *typed;
	int         rc;
	const char *text;
} input_rows[] = {
	{ "typed userid",      DS_AID_ENTER, LOGO_INPUT_ADDR, "maint",        0x7D, "maint" },
	{ "kept as typed",     DS_AID_ENTER, LOGO_INPUT_ADDR, " LOGON Alice  ", 0x7D, " LOGON Alice" },
	{ "untouched field",   DS_AID_ENTER, 0,               NULL,           0x7D, "" },
	{ "pf3",               0xF3,         LOGO_INPUT_ADDR, "x",            0xF3, "x" },
	{ "other address",     DS_AID_ENTER, 100,             "junk",         0x7D, "" },
};

static void test_input_rows(void)
{
	for (size_t i = 0; i < sizeof input_rows / sizeof input_rows[0]; i++) {
		uint8_t in[64];
		char out[LOGO_INPUT_LEN + 1];
		size_t n = reply(in, input_rows[i].aid, input_rows[i].addr, input_rows[i].typed);

		CU_ASSERT_EQUAL(logo_input(in, n, out, sizeof out), input_rows[i].rc);
		CU_ASSERT_STRING_EQUAL(out, input_rows[i].text);
	}
}

static void test_input_short_and_bad(void)
{
	static const uint8_t clear[] = { DS_AID_CLEAR };
	static const uint8_t pa1[] = { DS_AID_PA1 };
	static const uint8_t cut[] = { DS_AID_ENTER, 0x40, 0x40, DS_ORD_SBA, 0x5B };
	char out[8];

	strcpy(out, "stale");
	CU_ASSERT_EQUAL(logo_input(clear, sizeof clear, out, sizeof out), DS_AID_CLEAR);
	CU_ASSERT_STRING_EQUAL(out, "");
	CU_ASSERT_EQUAL(logo_input(pa1, sizeof pa1, out, sizeof out), DS_AID_PA1);
	strcpy(out, "stale");
	CU_ASSERT_EQUAL(logo_input(cut, sizeof cut, out, sizeof out), DS_E_TRUNC);
	CU_ASSERT_STRING_EQUAL(out, "");
}

void suite_logo(void)
{
	CU_pSuite s = CU_add_suite("logo", NULL, NULL);

	CU_add_test(s, "stream has ONLINE in EBCDIC", test_stream_has_online_in_ebcdic);
	CU_add_test(s, "screen lines", test_screen_lines);
	CU_add_test(s, "screen fields and cursor", test_screen_fields);
	CU_add_test(s, "long and missing strings", test_long_and_missing_strings);
	CU_add_test(s, "tiny cap", test_tiny_cap);
	CU_add_test(s, "typed input", test_input_rows);
	CU_add_test(s, "short and bad replies", test_input_short_and_bad);
}
