/*
 * test_paging.c: end-to-end tests of [Storage and scheduling]'s paging:
 * guests whose storage adds up to four times the real machine's all run
 * a program that writes and checks every page, under the real CP.
 */
#include "contract.h"
#include "cpsess.h"
#include "herc.h"
#include "s3270.h"

#include <CUnit/CUnit.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PG_REAL_MB   8          /* MAINSIZE for these tests */
#define PG_USERS     4
#define PG_GUEST_MB  8          /* each: 4 x 8M = 4 x real storage */
#define PG_PASSES    2
#define PG_LIMIT     0x500      /* pagetouch.S: LIMIT, ERRORS, SUM, PASSES, SEED */
#define PG_ERRORS    0x504
#define PG_SUM       0x508
#define PG_PASSES_AT 0x50C
#define PG_SEED      0x510
#define PG_DAT       0x514      /* ... and DAT: run under the guest's own tables */
#define PG_DAT_LIMIT (PG_GUEST_MB * 0x100000u - 0xF000u)   /* pagetouch.S's mapping leaves 60K */
#define PG_DONE      "PSW '00020000 00000123'"

static struct herc H;
static struct s3270 T[PG_USERS];

static uint32_t seed_of(int i) { return 0x5A000000u + (uint32_t)i * 0x01010101u; }

/* What pagetouch.S sums: the first word of every page, every pass. */
static uint32_t expected_sum(uint32_t limit, uint32_t seed, uint32_t passes)
{
	uint32_t sum = 0;
	for (uint32_t p = passes; p >= 1; p--)
		for (uint32_t a = 0x1000; a < limit; a += 0x1000)
			sum += (a ^ seed) + p;
	return sum;
}

/* QUERY PAGING at the operator console: its two lines' figures. */
static int query_paging(unsigned *ins, unsigned *outs, unsigned *rec, unsigned *used,
			unsigned *slots)
{
	static const char *const l1[] = { "PAGING:", "PAGE-OUTS", NULL };
	static const char *const l2[] = { "FRAMES:", "SLOTS:", NULL };
	char a[256], b[256];
	unsigned fr, tot;
	long mark;
	if (herc_operator_query(&H, "/QUERY PAGING", l1, 20, a, sizeof a, &mark) != 0 ||
	    herc_wait_line_from(&H, mark, l2, 10, b, sizeof b) != 0)
		return -1;
	const char *p = strstr(a, "PAGING:"), *q = strstr(b, "FRAMES:");
	if (sscanf(p, "PAGING: %u PAGE-INS, %u PAGE-OUTS, %u RECLAIMED", ins, outs, rec) != 3 ||
	    sscanf(q, "FRAMES: %u FREE OF %u; SLOTS: %u IN USE OF %u", &fr, &tot, used, slots) != 4)
		return -1;
	return 0;
}

static int start_pagetouch(struct s3270 *s, int i, uint32_t limit, bool dat)
{
	size_t len;
	char line[64];
	uint8_t *bin = cps_guest("pagetouch", &len);
	int rc = -1;
	if (bin && cps_load(s, bin, len) == 0) {
		rc = 0;
		snprintf(line, sizeof line, "STORE %X %08X", PG_LIMIT, limit);
		rc |= cps_line(s, line);
		snprintf(line, sizeof line, "STORE %X %08X", PG_PASSES_AT, PG_PASSES);
		rc |= cps_line(s, line);
		snprintf(line, sizeof line, "STORE %X %08X", PG_SEED, seed_of(i));
		rc |= cps_line(s, line);
		snprintf(line, sizeof line, "STORE %X %08X", PG_DAT, dat ? 1u : 0u);
		rc |= cps_line(s, line);
		rc |= cps_line(s, "STORE PSW 00000000 00000400");
		rc |= cps_line(s, "BEGIN");
	}
	free(bin);
	return rc ? -1 : 0;
}

/* Four 8M users on an 8M machine, each writing and checking every page;
 * with dat, under their own DAT tables, so CP pages the frames that its
 * shadow tables point at (and pagetouch.S checks each page's real home). */
static void four_users(bool dat)
{
	/* The shipped two processors (docs/smp.md, "A page lost under paging
	 * with two processors", which this test found). */
	struct herc_opts o = { .mainsize = PG_REAL_MB };
	const uint32_t limit = dat ? PG_DAT_LIMIT : PG_GUEST_MB << 20;
	char user[16], def[32];
	HERC_START(&H, &o);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
	CU_ASSERT(herc_wait_log(&H, "PAG010I PAGING ON 0A81 CPPAG0", 1) == 0);
	snprintf(def, sizeof def, "DEFINE STORAGE %dM", PG_GUEST_MB);
	for (int i = 0; i < PG_USERS; i++) {
		snprintf(user, sizeof user, "USER%03d", 60 + i);
		CU_ASSERT_FATAL(cps_logon(&T[i], H.cnslport, user, user) == 0);
		CU_ASSERT_FATAL(cps_cmd_expect(&T[i], def, "STORAGE = 08192K", 10) == 0);
		CU_ASSERT_FATAL(start_pagetouch(&T[i], i, limit, dat) == 0);
	}
	for (int i = 0; i < PG_USERS; i++) {
		uint32_t errors = 1, sum = 0;
		CU_ASSERT(s3270_wait_text(&T[i], PG_DONE, 300) == 0);
		CU_ASSERT(cps_display_word(&T[i], PG_ERRORS, &errors) == 0);
		CU_ASSERT(cps_display_word(&T[i], PG_SUM, &sum) == 0);
		CU_ASSERT_EQUAL(errors, 0);
		CU_ASSERT_EQUAL(sum, expected_sum(limit, seed_of(i), PG_PASSES));
	}
	/* It was paging that made room: pages went out and came back. */
	unsigned ins = 0, outs = 0, rec = 0, used = 1, slots = 0;
	CU_ASSERT(query_paging(&ins, &outs, &rec, &used, &slots) == 0);
	fprintf(stderr, "[%u page-ins, %u page-outs, %u reclaimed, %u slots in use]", ins, outs, rec, used);
	CU_ASSERT(outs >= PG_USERS * (limit >> 12) - (PG_REAL_MB << 8));
	CU_ASSERT(ins > 0);
	CU_ASSERT(used > 0 && used <= slots);
	/* Logging off frees every slot the users had. */
	for (int i = 0; i < PG_USERS; i++)
		CU_ASSERT(cps_cmd_expect(&T[i], "LOGOFF", "LOGOFF AT", 20) == 0);
	CU_ASSERT(query_paging(&ins, &outs, &rec, &used, &slots) == 0);
	CU_ASSERT_EQUAL(used, 0);
}

static void paging_4x_real(void) { four_users(false); }
static void paging_4x_real_dat(void) { four_users(true); }

CU_TestInfo e2e_paging_tests[] = {
	{ "paging_4x_real", paging_4x_real },
	{ "paging_4x_real_dat", paging_4x_real_dat },
	CU_TEST_INFO_NULL,
};
