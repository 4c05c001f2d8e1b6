/*
 * test_sched.c: end-to-end tests of [Storage and scheduling]'s scheduler
 * under the real CP: 32 CPU-bound users get equal shares, SET PRIORITY
 * biases them, and a CMS user keeps sub-second response while 16 users
 * loop; the same work gives the same results with one processor and
 * with two. The looping program is pagetouch.S with one page and endless
 * passes.
 */
#include "contract.h"
#include "cpsess.h"
#include "herc.h"
#include "s3270.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SC_USERS      32
#define SC_FIRST      70        /* USER070 ... */
#define SC_WINDOW_S   12.0      /* how long shares are measured */
#define PT_LIMIT      0x500     /* pagetouch.S's parameters */
#define PT_PASSES     0x50C

static struct herc H;
static struct s3270 T[SC_USERS + 1];

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Log on USERnnn and start it looping. */
static int start_looper(struct s3270 *s, int n)
{
	char user[16];
	size_t len;
	snprintf(user, sizeof user, "USER%03d", n);
	if (cps_logon(s, H.cnslport, user, user) != 0)
		return -1;
	uint8_t *bin = cps_guest("pagetouch", &len);
	int rc = bin ? cps_load(s, bin, len) : -1;
	free(bin);
	if (rc == 0) {
		rc |= cps_line(s, "STORE 500 00002000");          /* one page */
		rc |= cps_line(s, "STORE 50C 7FFFFFFF");          /* passes: for ever */
		rc |= cps_line(s, "STORE PSW 00000000 00000400");
		rc |= cps_line(s, "BEGIN");
	}
	return rc ? -1 : 0;
}

/* The user's virtual CPU seconds (QUERY TIME, VIRTCPU= mmm:ss.hh), and
 * the host time it was asked at. */
static int virtcpu(struct s3270 *s, double *cpu, double *at)
{
	char scr[4096];
	unsigned m, sec, hund;
	*at = now_s();
	if (cps_cmd_expect(s, "#CP QUERY TIME", "VIRTCPU=", 10) != 0 || s3270_screen(s, scr, sizeof scr) != 0)
		return -1;
	const char *p = strstr(scr, "VIRTCPU=");
	if (!p || sscanf(p, "VIRTCPU= %u:%u.%u", &m, &sec, &hund) != 3)
		return -1;
	*cpu = m * 60.0 + sec + hund / 100.0;
	return 0;
}

/* CPU rate of each of users [0, n) over SC_WINDOW_S: seconds of CPU a second. */
static int rates(int n, double *rate)
{
	double c0[SC_USERS], t0[SC_USERS], c1, t1;
	for (int i = 0; i < n; i++)
		if (virtcpu(&T[i], &c0[i], &t0[i]) != 0)
			return -1;
	double until = now_s() + SC_WINDOW_S;
	while (now_s() < until)
		nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
	for (int i = 0; i < n; i++) {
		if (virtcpu(&T[i], &c1, &t1) != 0)
			return -1;
		rate[i] = (c1 - c0[i]) / (t1 - t0[i]);
	}
	return 0;
}

static void shares_32(void)
{
	struct herc_opts o = { 0 };
	double rate[SC_USERS];
	HERC_START(&H, &o);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
	for (int i = 0; i < SC_USERS; i++)
		CU_ASSERT_FATAL(start_looper(&T[i], SC_FIRST + i) == 0);
	CU_ASSERT_FATAL(rates(SC_USERS, rate) == 0);
	double lo = rate[0], hi = rate[0], sum = 0;
	for (int i = 0; i < SC_USERS; i++) {
		lo = rate[i] < lo ? rate[i] : lo;
		hi = rate[i] > hi ? rate[i] : hi;
		sum += rate[i];
	}
	fprintf(stderr, "[CPU shares of 32: %.4f to %.4f, sum %.3f]", lo, hi, sum);
	CU_ASSERT(lo > 0);
	CU_ASSERT(lo >= 0.8 * hi);          /* within 20% of each other */
	CU_ASSERT(sum > 0.5);               /* and they did use the CPU */
}

/* One processor: with two, two loopers would each have one. */
static void priority(void)
{
	struct herc_opts o = { .numcpu = 1 };
	double rate[2];
	HERC_START(&H, &o);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
	for (int i = 0; i < 2; i++)
		CU_ASSERT_FATAL(start_looper(&T[i], SC_FIRST + i) == 0);
	/* A class G user may not; bad operands change nothing. */
	CU_ASSERT(cps_cmd_expect(&T[1], "#CP SET PRIORITY USER071 0", "CFM003E", 10) == 0);
	/* (Refused commands change nothing, so they may be typed again.) */
	CU_ASSERT(herc_operator_expect(&H, "/SET PRIORITY USER071 100", "CFM003E INVALID OPTION - 100", 10) == 0);
	CU_ASSERT(herc_operator_expect(&H, "/SET PRIORITY USER999 10", "CFS045E USER999 NOT LOGGED ON", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "#CP INDICATE USER", "PRIORITY=50", 10) == 0);
	/* The operator favours USER070: weight 10+10 against 10+50. */
	CU_ASSERT(herc_command(&H, "/SET PRIORITY USER070 10") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "#CP INDICATE USER", "PRIORITY=10", 10) == 0);
	CU_ASSERT_FATAL(rates(2, rate) == 0);
	fprintf(stderr, "[priority 10: %.3f, priority 50: %.3f]", rate[0], rate[1]);
	CU_ASSERT(rate[1] > 0);
	CU_ASSERT(rate[0] > 2.0 * rate[1]);
	CU_ASSERT(rate[0] < 4.0 * rate[1]);
}

/* Enter to "R;" for a CMS command, seconds: the screen is read every
 * 10 ms (cps_wait's 0.1 s steps would hide what is measured). */
static double response(struct s3270 *s, const char *cmd)
{
	char scr[S3270_SCREEN];
	if (s3270_do(s, "Wait(10,Unlock)", NULL, 0, 15) != 0 || s3270_action(s, "Clear()") != 0 ||
	    s3270_wait_text(s, "CPCMS", 5) != 0 || s3270_do(s, "Wait(3,Unlock)", NULL, 0, 5) != 0 ||
	    s3270_type(s, cmd) != 0)
		return 99;
	double t0 = now_s();
	if (s3270_action(s, "Enter()") != 0)
		return 99;
	while (now_s() - t0 < 20) {
		if (s3270_screen(s, scr, sizeof scr) != 0)
			return 99;
		if (strstr(scr, "R; T="))
			return now_s() - t0;
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	}
	return 99;
}

static void interactive_16(void)
{
	struct herc_opts o = { 0 };
	struct s3270 *cms = &T[16];
	HERC_START(&H, &o);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
	CU_ASSERT_FATAL(cps_logon(cms, H.cnslport, "USER052", "USER052") == 0);
	CU_ASSERT_FATAL(cps_cmd_expect(cms, "IPL CMS", "R; T=", 20) == 0);
	for (int i = 0; i < 16; i++)
		CU_ASSERT_FATAL(start_looper(&T[i], SC_FIRST + i) == 0);
	/* BEGIN makes each of them Q1 for its first 50 ms of CPU: soon all
	 * sixteen are Q2. */
	int tries = 0;
	while (tries++ < 20 && cps_cmd_expect(&T[0], "#CP INDICATE", "Q2-16", 1) != 0)
		;
	CU_ASSERT(tries <= 20);
	/* Each response (the commands' output fits the screen), with the
	 * pause a person takes between commands (enough for CMS to go idle
	 * and come back as Q1). */
	double worst = 0;
	for (int k = 0; k < 5; k++) {
		nanosleep(&(struct timespec){ 0, 500000000 }, NULL);
		double r = response(cms, k % 2 ? "LISTFILE * DATA S" : "QUERY DISK");
		worst = r > worst ? r : worst;
	}
	fprintf(stderr, "[worst CMS response beside 16 loopers: %.3f s]", worst);
	CU_ASSERT(worst < 1.0);
	CU_ASSERT(cps_cmd_expect(cms, "CP INDICATE USER", "Q1 STAYS=", 10) == 0);
}

/* Eight checksum guests and eight loopers with NUMCPU n: every checksum
 * right, every processor busy all the time (INDICATE LOAD), and with two
 * processors both dispatch (SMP001I, and the loopers get more than one
 * processor's worth of CPU between them). */
static void same_work(int numcpu)
{
	struct herc_opts o = { .numcpu = numcpu };
	double rate[8], sum = 0;
	HERC_START(&H, &o);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
	CU_ASSERT((herc_wait_log(&H, "SMP001I PROCESSOR 01 ONLINE", numcpu > 1 ? 10 : 1) == 0) == (numcpu > 1));
	for (int i = 0; i < 8; i++)
		CU_ASSERT_FATAL(start_looper(&T[i], SC_FIRST + i) == 0);
	/* INDICATE LOAD: with eight loopers no processor waits for work (the
	 * first second may still hold the LOGONs' idle time). */
	const char *busy = numcpu > 1 ? "CPU-100% APU-100% USERS" : "CPU-100% USERS";
	int tries = 0;
	while (tries++ < 10 && cps_cmd_expect(&T[0], "#CP INDICATE LOAD", busy, 2) != 0)
		;
	CU_ASSERT(tries <= 10);
	for (int i = 0; i < 8; i++) {
		char user[16];
		snprintf(user, sizeof user, "USER%03d", SC_FIRST + 8 + i);
		CU_ASSERT_FATAL(cps_logon(&T[8 + i], H.cnslport, user, user) == 0);
		CU_ASSERT_FATAL(cps_start_checksum(&T[8 + i], 20000000u + (uint32_t)i * 1000003u) == 0);
	}
	for (int i = 0; i < 8; i++) {
		uint32_t v = 0;
		CU_ASSERT(s3270_wait_text(&T[8 + i], CHECKSUM_DONE, 120) == 0);
		CU_ASSERT(cps_display_word(&T[8 + i], CHECKSUM_RESULT_ADDR, &v) == 0);
		CU_ASSERT_EQUAL(v, cps_checksum_of(20000000u + (uint32_t)i * 1000003u));
	}
	CU_ASSERT_FATAL(rates(8, rate) == 0);
	for (int i = 0; i < 8; i++)
		sum += rate[i];
	fprintf(stderr, "[NUMCPU %d: 8 loopers use %.2f processors]", numcpu, sum);
	CU_ASSERT(sum > 0.5);
	if (numcpu > 1) {
		CU_ASSERT(sum > 1.2);
	} else {
		CU_ASSERT(sum < 1.05);
	}
}

static void numcpu_1(void) { same_work(1); }
static void numcpu_2(void) { same_work(2); }

CU_TestInfo e2e_sched_tests[] = {
	{ "numcpu_1", numcpu_1 },
	{ "numcpu_2", numcpu_2 },
	{ "shares_32", shares_32 },
	{ "priority", priority },
	{ "interactive_16", interactive_16 },
	CU_TEST_INFO_NULL,
};
