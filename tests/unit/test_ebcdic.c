/* test_ebcdic.c: the code page 037 tables against glibc's iconv IBM037.
 *
 * Host only: iconv is the reference the tables were generated from, so any
 * hand edit to cp/ebcdic.c that breaks the bijection shows up here.
 */
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "../../cp/ebcdic.h"

/* Convert all 256 byte values with iconv in one call (both charsets are
 * single-byte, so out[i] is the image of i).
 */
static int iconv_all(const char *to, const char *from, uint8_t out[256])
{
	char in[256];
	char *ip = in, *op = (char *)out;
	size_t il = sizeof in, ol = 256;
	iconv_t cd = iconv_open(to, from);

	if (cd == (iconv_t)-1)
		return -1;
	for (int i = 0; i < 256; i++)
		in[i] = (char)i;
	size_t rc = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	return (rc == (size_t)-1 || il != 0 || ol != 0) ? -1 : 0;
}

static void test_from_ascii_matches_iconv(void)
{
	uint8_t ref[256];

	CU_ASSERT_FATAL(iconv_all("IBM037", "ISO-8859-1", ref) == 0);
	for (int i = 0; i < 256; i++)
		CU_ASSERT_EQUAL(ebc_from_ascii_tab[i], ref[i]);
}

static void test_to_ascii_matches_iconv(void)
{
	uint8_t ref[256];

	CU_ASSERT_FATAL(iconv_all("ISO-8859-1", "IBM037", ref) == 0);
	for (int i = 0; i < 256; i++)
		CU_ASSERT_EQUAL(ebc_to_ascii_tab[i], ref[i]);
}

/* Each table undoes the other for every value: a bijection. */
static void test_round_trip(void)
{
	for (int i = 0; i < 256; i++) {
		CU_ASSERT_EQUAL(ebc_to_ascii_tab[ebc_from_ascii_tab[i]], i);
		CU_ASSERT_EQUAL(ebc_from_ascii_tab[ebc_to_ascii_tab[i]], i);
	}
}

/* Known rows, so a failure names a character rather than an index. */
static void test_known_characters(void)
{
	static const struct { char a; uint8_t e; } rows[] = {
		{ ' ', 0x40 }, { 'A', 0xC1 }, { 'I', 0xC9 }, { 'J', 0xD1 },
		{ 'S', 0xE2 }, { 'Z', 0xE9 }, { 'a', 0x81 }, { 'z', 0xA9 },
		{ '0', 0xF0 }, { '9', 0xF9 }, { '.', 0x4B }, { '$', 0x5B },
		{ '|', 0x4F }, { '!', 0x5A }, { '\n', 0x25 }, { '\0', 0x00 },
	};

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		CU_ASSERT_EQUAL(ebc_from_ascii_tab[(uint8_t)rows[i].a], rows[i].e);
}

/* The functions translate n bytes and work in place. */
static void test_functions_in_place(void)
{
	char buf[] = "LOGON MAINT";
	uint8_t ebc[] = { 0xD3, 0xD6, 0xC7, 0xD6, 0xD5, 0x40, 0xD4, 0xC1,
			  0xC9, 0xD5, 0xE3 };
	size_t n = sizeof ebc;

	ebc_from_ascii((uint8_t *)buf, buf, n);
	CU_ASSERT(memcmp(buf, ebc, n) == 0);
	ebc_to_ascii(buf, (uint8_t *)buf, n);
	CU_ASSERT(memcmp(buf, "LOGON MAINT", n + 1) == 0);
}

void suite_ebcdic(void)
{
	CU_pSuite s = CU_add_suite("ebcdic", NULL, NULL);

	CU_add_test(s, "from_ascii table = iconv IBM037", test_from_ascii_matches_iconv);
	CU_add_test(s, "to_ascii table = iconv IBM037", test_to_ascii_matches_iconv);
	CU_add_test(s, "tables are inverse", test_round_trip);
	CU_add_test(s, "known characters", test_known_characters);
	CU_add_test(s, "functions, in place", test_functions_in_place);
}
