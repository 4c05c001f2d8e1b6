/*
 * herc.h: one private Hercules per end-to-end test, in a temp dir with free
 * ports; herc_stop keeps a failed test's logs under build/test-logs/<name>/.
 * Every wait has a timeout. Child processes and signals: proc.h.
 */
#ifndef E2E_HERC_H
#define E2E_HERC_H

#include <CUnit/CUnit.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "proc.h"           /* herc_spawn, herc_init, herc_signal, herc_now ... */

#define HERC_MAX_INPUTS 16

struct herc_opts {
	const char *rc;         /* startup script text; NULL: hercules-configs/cpcms.rc */
	int numcpu;             /* 0: as in the config */
	int mainsize;           /* MB; 0: as in the config */
	bool volumes_optional;  /* a volume missing from build/ is no error (bare Hercules) */
	double start_timeout;   /* seconds until the HTTP port answers; 0: 20 */
};

struct herc {
	char name[64];          /* test name: build/test-logs/<name>/ */
	char dir[PATH_MAX];     /* private temp dir: config, rc, log, volumes */
	char log[PATH_MAX];     /* Hercules' stdout+stderr */
	pid_t pid;              /* also its process group; 0 once reaped */
	int cnslport;           /* 3270 clients connect here */
	int httpport;           /* console commands over HTTP */
	bool live;              /* between herc_start and herc_stop */
	int ninputs;            /* files copied in (not kept on failure) */
	char inputs[HERC_MAX_INPUTS][NAME_MAX + 1];
	struct herc *next;      /* list of live hercs */
};

/* Start Hercules for test `name`; 0, or -1 with a message on stderr.
 * The struct must outlive the test (make it static): the CUnit teardown
 * reaches it through the live list even after a fatal assertion. */
int herc_start(struct herc *h, const char *name, const struct herc_opts *o);

/* The demo configuration's statement stmt (e.g. "TIMERINT"), its whole
 * line with the newline, into line: 0, or -1 when it has none. For a bare
 * Hercules that must run as the demo machine does (oracle_bare.c). */
int herc_config_stmt(const char *stmt, char *line, size_t cap);

/* Copy a file, keeping holes (sparse DASD images); 0 or -1. */
int herc_copy_file(const char *src, const char *dst);

/* Send one console command (as typed at the Hercules prompt; "/text" goes to
 * the 3215 operator console) over HTTP. 0 when Hercules answered 200. */
int herc_command(struct herc *h, const char *cmd);

/* An operator query ("/QUERY PAGING") and the first line after it that
 * holds every string of texts[] (as herc_wait_line_from), copied to line.
 * Hercules' integrated 3215 drops the attention for a line typed while CP
 * is writing to it (README, "The operator console"), so with no answer in
 * a few seconds the query goes again; for commands without side effects
 * only. 0, or -1 after timeout_s. */
int herc_operator_query(struct herc *h, const char *cmd, const char *const texts[], double timeout_s,
			char *line, size_t cap, long *mark);

/* herc_operator_query for one text, when the line and mark are not
 * wanted. 0, or -1 after timeout_s. */
int herc_operator_expect(struct herc *h, const char *cmd, const char *text, double timeout_s);

/* /SHUTDOWN on the operator console, typed again (as herc_operator_query
 * does) until CP says it has begun: CPI020I, its first line, so a repeat
 * goes only when CP never heard the first. 0, or -1 after timeout_s. */
int herc_operator_shutdown(struct herc *h, double timeout_s);

/* Log offset now: pass to the *_from calls to wait for the next occurrence. */
long herc_log_mark(struct herc *h);
int herc_wait_log(struct herc *h, const char *text, double timeout_s);
int herc_wait_log_from(struct herc *h, long mark, const char *text, double timeout_s);

/* Wait for one complete log line after mark that holds every string of the
 * NULL-terminated texts[] ("^text": the line starts with text); copy it to
 * line (if cap). 0, or -1 on timeout. */
int herc_wait_line_from(struct herc *h, long mark, const char *const texts[],
			double timeout_s, char *line, size_t cap);

/* Is the Hercules process still there? (reaps it if not) */
bool herc_running(struct herc *h);

/* Quit Hercules (HTTP "quit", then SIGKILL to its process group), reap it;
 * keep: copy log, config and screens to build/test-logs/<name>/, print the
 * path. Then remove the temp dir. */
/* Kill Hercules at once (SIGKILL, as a crash would) and start it again
 * in the same directory on the same volumes; 0 when it is up again. */
int herc_crash_restart(struct herc *h, const struct herc_opts *o);

/* Quit Hercules (its images are then complete on disk) but keep its
 * directory until herc_stop; 0 when it has exited. */
int herc_quit(struct herc *h);
void herc_stop(struct herc *h, bool keep);
void herc_stop_all(bool keep);
const char *herc_last_dir(void);        /* temp dir of the newest live herc */

/* Remove a directory tree; 0 or -1. */
int herc_rmtree(const char *path);

/* Repository root: $CPCMS_ROOT, else the parent of the directory holding
 * this program (build/e2e), else the current directory. */
const char *herc_root(void);

/* Test fixture: start a Hercules named after the running CUnit test, or end
 * the test; the suite teardown (e2e_main.c) stops it and keeps the logs. */
#define HERC_START(h, o) \
	CU_ASSERT_FATAL(herc_start((h), CU_get_current_test()->pName, (o)) == 0)

/* Test tables, one per suite, run by e2e_main.c (test_basic.c). */
extern CU_TestInfo e2e_harness_tests[];
extern CU_TestInfo e2e_basic_tests[];
extern CU_TestInfo e2e_cp_tests[];
extern CU_TestInfo e2e_vio_tests[];
extern CU_TestInfo e2e_cms_tests[];
extern CU_TestInfo e2e_paging_tests[];
extern CU_TestInfo e2e_sched_tests[];

#endif
