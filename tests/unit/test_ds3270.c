/* test_ds3270.c: 3270 buffer addresses, the stream builder and reply parsing.
 *
 * Tables of {input, expected bytes or result}; expected bytes are worked
 * out by hand from the code table and order values in cp/ds3270.h.
 */
#include <stdint.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "../../cp/ds3270.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* ---- Addresses ------------------------------------------------------ */

static const struct {
	unsigned addr;
	uint8_t  b0, b1;
} addr_rows[] = {
	{     0, 0x40, 0x40 },  /* 12-bit: code[0], code[0]            */
	{    79, 0xC1, 0x4F },  /* row 0 col 79: code[1], code[15]     */
	{    80, 0xC1, 0x50 },  /* row 1 col 0:  code[1], code[16]     */
	{  1919, 0x5D, 0x7F },  /* last of 24x80: code[29], code[63]   */
	{  4095, 0x7F, 0x7F },  /* last 12-bit address                 */
	{  4096, 0x10, 0x00 },  /* first 14-bit address                */
	{ 16383, 0x3F, 0xFF },  /* last 14-bit address                 */
};

static void test_addr_encode(void)
{
	for (size_t i = 0; i < N(addr_rows); i++) {
		uint8_t out[2];

		ds_addr_encode(addr_rows[i].addr, out);
		CU_ASSERT_EQUAL(out[0], addr_rows[i].b0);
		CU_ASSERT_EQUAL(out[1], addr_rows[i].b1);
	}
}

static void test_addr_decode(void)
{
	for (size_t i = 0; i < N(addr_rows); i++)
		CU_ASSERT_EQUAL(ds_addr_decode(addr_rows[i].b0, addr_rows[i].b1),
				addr_rows[i].addr);
	/* 12-bit form reads only the low six bits of each byte */
	CU_ASSERT_EQUAL(ds_addr_decode(0xC1, 0x50), 80);
	CU_ASSERT_EQUAL(ds_addr_decode(0x41, 0x10), 80);
	/* 14-bit form: top bits 00, binary */
	CU_ASSERT_EQUAL(ds_addr_decode(0x00, 0x50), 80);
}

static void test_addr_round_trip(void)
{
	for (unsigned a = 0; a < 16384; a++) {
		uint8_t out[2];

		ds_addr_encode(a, out);
		if (ds_addr_decode(out[0], out[1]) != a) {
			CU_FAIL("address does not round trip");
			return;
		}
		/* 12-bit bytes are graphics; 14-bit first bytes are not */
		CU_ASSERT_EQUAL(a < 4096, (out[0] & 0xC0) != 0);
	}
}

/* ---- Builder -------------------------------------------------------- */

static void b_wcc(struct ds_buf *b)  { ds_wcc(b, DS_WCC_RESTORE | DS_WCC_RESET_MDT); }
static void b_wcc_alarm(struct ds_buf *b) { ds_wcc(b, DS_WCC_ALARM); }
static void b_sba_rc(struct ds_buf *b) { ds_sba_rc(b, 1, 0); }
static void b_sba_big(struct ds_buf *b) { ds_sba(b, 5000); }
static void b_sf_prot_high(struct ds_buf *b) { ds_sf(b, DS_FA_PROTECT | DS_FA_HIGH); }
static void b_sf_input(struct ds_buf *b) { ds_sf(b, DS_FA_NORMAL); }
static void b_sf_skip(struct ds_buf *b) { ds_sf(b, DS_FA_SKIP); }
static void b_sf_nodisp(struct ds_buf *b) { ds_sf(b, DS_FA_NODISP); }
static void b_ic(struct ds_buf *b) { ds_ic(b); }
static void b_ra(struct ds_buf *b) { ds_ra(b, 80, 'A'); }
static void b_ra_null(struct ds_buf *b) { ds_ra(b, 5, '\0'); }
static void b_eua(struct ds_buf *b) { ds_eua(b, 4096); }
static void b_text(struct ds_buf *b) { ds_text(b, "Hi\t!"); }
static void b_text_c1(struct ds_buf *b) { ds_textn(b, "\x88\x9f\x7f", 3); }
static void b_text_empty(struct ds_buf *b) { ds_text(b, ""); }
static void b_screen(struct ds_buf *b)
{
	ds_wcc(b, DS_WCC_RESTORE);
	ds_sba_rc(b, 0, 0);
	ds_sf(b, DS_FA_PROTECT);
	ds_text(b, "OK");
	ds_sf(b, DS_FA_NORMAL);
	ds_ic(b);
}

static const struct {
	const char *name;
	void      (*build)(struct ds_buf *);
	size_t      len;
	uint8_t     bytes[16];
} build_rows[] = {
	{ "wcc restore+mdt", b_wcc,          1, { 0xC3 } },
	{ "wcc alarm",       b_wcc_alarm,    1, { 0xC4 } },
	{ "sba row 1 col 0", b_sba_rc,       3, { 0x11, 0xC1, 0x50 } },
	{ "sba 14-bit",      b_sba_big,      3, { 0x11, 0x13, 0x88 } },
	{ "sf prot high",    b_sf_prot_high, 2, { 0x1D, 0xE8 } },
	{ "sf input",        b_sf_input,     2, { 0x1D, 0x40 } },
	{ "sf autoskip",     b_sf_skip,      2, { 0x1D, 0xF0 } },
	{ "sf nondisplay",   b_sf_nodisp,    2, { 0x1D, 0x4C } },
	{ "ic",              b_ic,           1, { 0x13 } },
	{ "ra 'A' to 80",    b_ra,           4, { 0x3C, 0xC1, 0x50, 0xC1 } },
	{ "ra null to 5",    b_ra_null,      4, { 0x3C, 0x40, 0xC5, 0x00 } },
	{ "eua 4096",        b_eua,          3, { 0x12, 0x10, 0x00 } },
	{ "text, tab blank", b_text,         4, { 0xC8, 0x89, 0x40, 0x5A } },
	{ "text, C1 blank",  b_text_c1,      3, { 0x40, 0x40, 0x40 } },
	{ "text empty",      b_text_empty,   0, { 0 } },
	{ "small screen",    b_screen,      11, { 0xC2, 0x11, 0x40, 0x40, 0x1D,
					      0x60, 0xD6, 0xD2, 0x1D, 0x40,
					      0x13 } },
};

static void test_builder_rows(void)
{
	for (size_t i = 0; i < N(build_rows); i++) {
		uint8_t mem[64];
		struct ds_buf b;

		ds_start(&b, mem, sizeof mem);
		build_rows[i].build(&b);
		CU_ASSERT_FALSE(b.db_overflow);
		CU_ASSERT_EQUAL(ds_end(&b), build_rows[i].len);
		if (ds_end(&b) == build_rows[i].len)
			CU_ASSERT(memcmp(mem, build_rows[i].bytes, build_rows[i].len) == 0);
	}
}

/* Every build row, at every capacity short of its length, overflows and
 * leaves the canary after the capacity untouched.
 */
static void test_builder_overflow_canary(void)
{
	for (size_t i = 0; i < N(build_rows); i++) {
		for (size_t cap = 0; cap < build_rows[i].len; cap++) {
			uint8_t mem[64];
			struct ds_buf b;

			memset(mem, 0xA5, sizeof mem);
			ds_start(&b, mem, cap);
			build_rows[i].build(&b);
			CU_ASSERT_TRUE(b.db_overflow);
			CU_ASSERT_EQUAL(ds_end(&b), 0);
			CU_ASSERT(b.db_len <= cap);
			for (size_t k = cap; k < sizeof mem; k++)
				CU_ASSERT_EQUAL(mem[k], 0xA5);
		}
	}
}

/* Once overflowed, a later order that would fit is still not written. */
static void test_builder_stops_after_overflow(void)
{
	uint8_t mem[8];
	struct ds_buf b;

	memset(mem, 0xA5, sizeof mem);
	ds_start(&b, mem, 3);
	ds_wcc(&b, 0);
	ds_sba(&b, 0);          /* needs 3, 2 left: overflow */
	ds_ic(&b);              /* would fit, must not be written */
	CU_ASSERT_TRUE(b.db_overflow);
	CU_ASSERT_EQUAL(b.db_len, 1);
	CU_ASSERT_EQUAL(mem[1], 0xA5);
	ds_start(&b, NULL, 100);  /* no memory means no capacity */
	ds_ic(&b);
	CU_ASSERT_TRUE(b.db_overflow);
}

/* ---- Inbound -------------------------------------------------------- */

#define NOF 0xFFFF  /* no first field expected */

static const struct {
	const char  *name;
	enum ds_read kind;
	size_t       n;
	uint8_t      in[16];
	int          rc;
	uint8_t      aid;
	bool         isshort;
	uint16_t     cursor;
	size_t       nfields;
	uint16_t     f0addr;     /* first field: address, attribute, text */
	uint8_t      f0attr;
	const char  *f0text;
} reply_rows[] = {
	{ "enter, one field", DS_READ_MODIFIED, 8,
	  { 0x7D, 0xC1, 0x50, 0x11, 0x5B, 0xE5, 0xC1, 0xC2 },
	  0, 0x7D, false, 80, 1, 1765, 0, "AB" },
	{ "enter, two fields", DS_READ_MODIFIED, 10,
	  { 0x7D, 0x40, 0x40, 0x11, 0x40, 0xC5, 0xF1, 0x11, 0xC1, 0x50 },
	  0, 0x7D, false, 0, 2, 5, 0, "1" },
	{ "enter, nothing modified", DS_READ_MODIFIED, 3,
	  { 0x7D, 0x5D, 0x7F }, 0, 0x7D, false, 1919, 0, NOF, 0, NULL },
	{ "pf24, 14-bit cursor", DS_READ_MODIFIED, 3,
	  { 0x4C, 0x10, 0x00 }, 0, 0x4C, false, 4096, 0, NOF, 0, NULL },
	{ "clear, short read", DS_READ_MODIFIED, 1, { 0x6D },
	  0, 0x6D, true, 0, 0, NOF, 0, NULL },
	{ "pa1, short read", DS_READ_MODIFIED, 1, { 0x6C },
	  0, 0x6C, true, 0, 0, NOF, 0, NULL },
	{ "sysreq test request", DS_READ_MODIFIED, 4, { 0x01, 0x6C, 0x61, 0x02 },
	  0, 0xF0, true, 0, 0, NOF, 0, NULL },
	{ "sysreq, x3270 form", DS_READ_MODIFIED, 4, { 0x01, 0x5B, 0x61, 0x02 },
	  0, 0xF0, true, 0, 0, NOF, 0, NULL },
	{ "unformatted screen", DS_READ_MODIFIED, 5,
	  { 0x7D, 0x40, 0x40, 0xC1, 0xC2 }, 0, 0x7D, false, 0, 1, 0, 0, "AB" },
	{ "read buffer", DS_READ_BUFFER, 10,
	  { 0x7D, 0x40, 0x40, 0x1D, 0xF0, 0xC1, 0x1D, 0x40, 0xC2, 0x00 },
	  0, 0x7D, false, 0, 2, 1, 0xF0, "A" },
	{ "empty", DS_READ_MODIFIED, 0, { 0 },
	  DS_E_TRUNC, 0, false, 0, 0, NOF, 0, NULL },
	{ "enter alone", DS_READ_MODIFIED, 1, { 0x7D },
	  DS_E_TRUNC, 0x7D, false, 0, 0, NOF, 0, NULL },
	{ "half a cursor", DS_READ_MODIFIED, 2, { 0x7D, 0x40 },
	  DS_E_TRUNC, 0x7D, false, 0, 0, NOF, 0, NULL },
	{ "truncated sba", DS_READ_MODIFIED, 5,
	  { 0x7D, 0x40, 0x40, 0x11, 0x5B }, DS_E_TRUNC, 0x7D, false, 0, 0, NOF, 0, NULL },
	{ "truncated sf", DS_READ_BUFFER, 4,
	  { 0x7D, 0x40, 0x40, 0x1D }, DS_E_TRUNC, 0x7D, false, 0, 0, NOF, 0, NULL },
	{ "not an aid", DS_READ_MODIFIED, 3, { 0x99, 0x40, 0x40 },
	  DS_E_BADAID, 0, false, 0, 0, NOF, 0, NULL },
	{ "sf in read modified", DS_READ_MODIFIED, 5,
	  { 0x7D, 0x40, 0x40, 0x1D, 0x40 }, DS_E_FORMAT, 0x7D, false, 0, 0, NOF, 0, NULL },
	{ "too many fields", DS_READ_MODIFIED, 15,
	  { 0x7D, 0x40, 0x40, 0x11, 0x40, 0xC1, 0xC1, 0x11, 0x40, 0xC3,
	    0xC1, 0x11, 0x40, 0xC5, 0xC1 },
	  DS_E_TOOMANY, 0x7D, false, 0, 0, NOF, 0, NULL },
};

#define REPLY_MAX 2  /* field array size given to the parser */

static void check_reply_row(size_t i)
{
	struct ds_field f[REPLY_MAX];
	struct ds_reply r;
	int rc = ds_parse_reply(reply_rows[i].kind, reply_rows[i].in,
				reply_rows[i].n, &r, f, REPLY_MAX);

	CU_ASSERT_EQUAL(rc, reply_rows[i].rc);
	if (rc != 0)
		return;
	CU_ASSERT_EQUAL(r.dr_aid, reply_rows[i].aid);
	CU_ASSERT_EQUAL(r.dr_short, reply_rows[i].isshort);
	CU_ASSERT_EQUAL(r.dr_cursor, reply_rows[i].cursor);
	CU_ASSERT_EQUAL(r.dr_nfields, reply_rows[i].nfields);
	if (reply_rows[i].f0addr != NOF && r.dr_nfields > 0) {
		char text[16];

		CU_ASSERT_EQUAL(f[0].df_addr, reply_rows[i].f0addr);
		CU_ASSERT_EQUAL(f[0].df_attr, reply_rows[i].f0attr);
		ds_field_text(&f[0], text, sizeof text);
		CU_ASSERT_STRING_EQUAL(text, reply_rows[i].f0text);
	}
}

static void test_reply_rows(void)
{
	for (size_t i = 0; i < N(reply_rows); i++)
		check_reply_row(i);
}

/* The second Read Buffer field: two positions, the null included. */
static void test_read_buffer_second_field(void)
{
	struct ds_field f[REPLY_MAX];
	struct ds_reply r;
	size_t rb = 9;  /* the "read buffer" row */

	CU_ASSERT_FATAL(strcmp(reply_rows[rb].name, "read buffer") == 0);
	CU_ASSERT_FATAL(ds_parse_reply(DS_READ_BUFFER, reply_rows[rb].in,
				       reply_rows[rb].n, &r, f, REPLY_MAX) == 0);
	CU_ASSERT_EQUAL(f[1].df_addr, 3);
	CU_ASSERT_TRUE(f[1].df_has_attr);
	CU_ASSERT_EQUAL(f[1].df_attr, 0x40);
	CU_ASSERT_EQUAL(f[1].df_len, 2);
}

static const struct {
	size_t      len;
	uint8_t     data[8];
	size_t      outcap;
	const char *text;
} text_rows[] = {
	{ 7, { 0x40, 0xC1, 0x00, 0xC2, 0x40, 0x40, 0x00 }, 16, " AB" },
	{ 7, { 0x40, 0xC1, 0x00, 0xC2, 0x40, 0x40, 0x00 },  3, " A" },
	{ 3, { 0x40, 0x00, 0x40 },                          16, "" },
	{ 3, { 0xC1, 0x1C, 0xC2 },                          16, "A B" },
	{ 3, { 0x81, 0x82, 0x4B },                          16, "ab." },
	{ 2, { 0xC1, 0xC2 },                                 1, "" },
	{ 0, { 0 },                                         16, "" },
};

static void test_field_text(void)
{
	for (size_t i = 0; i < N(text_rows); i++) {
		struct ds_field f = { 0, false, 0, text_rows[i].data, text_rows[i].len };
		char out[16];

		memset(out, 'x', sizeof out);
		size_t n = ds_field_text(&f, out, text_rows[i].outcap);
		CU_ASSERT_STRING_EQUAL(out, text_rows[i].text);
		CU_ASSERT_EQUAL(n, strlen(text_rows[i].text));
	}
}

static void test_aid_table(void)
{
	static const struct { uint8_t aid; uint8_t pf; const char *name; } rows[] = {
		{ 0x7D, 0, "ENTER" }, { 0xF1, 1, "PF1" }, { 0x7A, 10, "PF10" },
		{ 0x7C, 12, "PF12" }, { 0xC1, 13, "PF13" }, { 0x4C, 24, "PF24" },
		{ 0x6B, 0, "PA3" },  { 0x6D, 0, "CLEAR" },
	};

	for (size_t i = 0; i < N(rows); i++) {
		const struct ds_aid *a = ds_aid_find(rows[i].aid);

		CU_ASSERT_PTR_NOT_NULL_FATAL(a);
		CU_ASSERT_EQUAL(a->da_pf, rows[i].pf);
		CU_ASSERT_STRING_EQUAL(a->da_name, rows[i].name);
	}
	CU_ASSERT_PTR_NULL(ds_aid_find(0x00));
	CU_ASSERT_PTR_NULL(ds_aid_find(0x11));
}

void suite_ds3270(void)
{
	CU_pSuite s = CU_add_suite("ds3270", NULL, NULL);

	CU_add_test(s, "address encode", test_addr_encode);
	CU_add_test(s, "address decode", test_addr_decode);
	CU_add_test(s, "address round trip", test_addr_round_trip);
	CU_add_test(s, "builder rows", test_builder_rows);
	CU_add_test(s, "builder overflow canary", test_builder_overflow_canary);
	CU_add_test(s, "builder stops after overflow", test_builder_stops_after_overflow);
	CU_add_test(s, "reply rows", test_reply_rows);
	CU_add_test(s, "read buffer second field", test_read_buffer_second_field);
	CU_add_test(s, "field text", test_field_text);
	CU_add_test(s, "aid table", test_aid_table);
}
