/*
 * e2e_main.c: the end-to-end test program, build/e2e [suite[/test]]...
 * Registers the suites, selects tests by name, runs them with CUnit's basic
 * interface; each test gets a watchdog and a teardown that stops what it
 * started and keeps the logs of a failure.
 */
#include "herc.h"
#include "oracle.h"
#include "s3270.h"

#include <CUnit/Basic.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEST_TIMEOUT 180        /* seconds per test; $E2E_TIMEOUT overrides */

static unsigned failures_before;
static unsigned test_timeout = TEST_TIMEOUT;

static void setup(void)
{
	if (herc_signal && herc_signal != SIGALRM) {    /* came between two tests */
		fprintf(stderr, "e2e: stopped by signal %d\n", (int)herc_signal);
		exit(128 + herc_signal);
	}
	herc_clear_signal();
	failures_before = CU_get_number_of_failures();
	alarm(test_timeout);
}

/* Runs after every test, also after a fatal assertion or the watchdog. */
static void teardown(void)
{
	int sig = herc_signal;
	bool failed;

	if (sig == SIGALRM) {
		CU_FAIL("watchdog: the test took longer than E2E_TIMEOUT");
	} else if (sig) {
		CU_FAIL("interrupted by a signal");
	}
	failed = CU_get_number_of_failures() > failures_before;
	s3270_close_all(failed ? herc_last_dir() : NULL);
	herc_stop_all(failed);
	if (sig && sig != SIGALRM) {
		fprintf(stderr, "e2e: stopped by signal %d\n", sig);
		exit(128 + sig);
	}
	herc_clear_signal();
}

static CU_SuiteInfo suites[] = {
	{ "harness", NULL, NULL, setup, teardown, e2e_harness_tests },
	{ "basic", NULL, NULL, setup, teardown, e2e_basic_tests },
	{ "cp", NULL, NULL, setup, teardown, e2e_cp_tests },
	{ "vio", NULL, NULL, setup, teardown, e2e_vio_tests },
	{ "cms", NULL, NULL, setup, teardown, e2e_cms_tests },
	{ "paging", NULL, NULL, setup, teardown, e2e_paging_tests },
	{ "sched", NULL, NULL, setup, teardown, e2e_sched_tests },
	CU_SUITE_INFO_NULL,
};

static void list_tests(FILE *f)
{
	for (CU_pSuite s = CU_get_registry()->pSuite; s; s = s->pNext)
		for (CU_pTest t = s->pTest; t; t = t->pNext)
			fprintf(f, "  %s/%s\n", s->pName, t->pName);
}

static void activate(CU_pSuite s, CU_BOOL on)
{
	CU_set_suite_active(s, on);
	for (CU_pTest t = s->pTest; t; t = t->pNext)
		CU_set_test_active(t, on);
}

/* Leave active only the suites and tests named by the arguments. */
static int select_tests(int argc, char **argv)
{
	for (CU_pSuite s = CU_get_registry()->pSuite; s; s = s->pNext)
		activate(s, CU_FALSE);
	for (int i = 1; i < argc; i++) {
		char name[128], *slash;
		CU_pSuite s;
		CU_pTest t = NULL;

		snprintf(name, sizeof name, "%s", argv[i]);
		slash = strchr(name, '/');
		if (slash)
			*slash++ = '\0';
		s = CU_get_suite_by_name(name, CU_get_registry());
		if (s && slash && *slash)
			t = CU_get_test_by_name(slash, s);
		if (!s || (slash && *slash && !t)) {
			fprintf(stderr, "e2e: no test %s; there are:\n", argv[i]);
			list_tests(stderr);
			return -1;
		}
		if (t) {
			CU_set_suite_active(s, CU_TRUE);
			CU_set_test_active(t, CU_TRUE);
		} else {
			activate(s, CU_TRUE);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *timeout = getenv("E2E_TIMEOUT");
	int rc;

	if (timeout && atoi(timeout) > 0)
		test_timeout = (unsigned)atoi(timeout);
	setvbuf(stdout, NULL, _IOLBF, 0);
	herc_init();
	if (CU_initialize_registry() != CUE_SUCCESS || CU_register_suites(suites) != CUE_SUCCESS) {
		fprintf(stderr, "e2e: %s\n", CU_get_error_msg());
		return 2;
	}
	suite_oracle_bare();
	suite_oracle_cp();
	if (argc == 2 && (!strcmp(argv[1], "-l") || !strcmp(argv[1], "--list"))) {
		list_tests(stdout);
		CU_cleanup_registry();
		return 0;
	}
	if (argc > 1 && (argv[1][0] == '-' || select_tests(argc, argv) != 0)) {
		fprintf(stderr, "usage: %s [-l | suite[/test]...]\n", argv[0]);
		CU_cleanup_registry();
		return 2;
	}
	CU_set_fail_on_inactive(CU_FALSE);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	rc = CU_get_number_of_failures() || CU_get_number_of_tests_failed() ? 1 : 0;
	CU_cleanup_registry();
	return rc;
}
