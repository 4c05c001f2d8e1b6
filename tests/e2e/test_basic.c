/*
 * test_basic.c: the first end-to-end tests. Suite "harness" checks the
 * harness against bare Hercules (no IPL); suite "basic" checks CP's first
 * promises (contract.h): ONLINE, the logo, operator commands, SHUTDOWN.
 */
#include "contract.h"
#include "herc.h"
#include "s3270.h"

#include <CUnit/CUnit.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* ESA/390 PSW, first word (Principles of Operation SA22-7201, chapter 4,
 * "Program-Status Word"): bit 6 I/O mask, bit 7 external mask, bit 14 wait
 * state. Second word: bit 0 addressing mode, bits 1-31 instruction address. */
#define PSW_IO          0x02000000u
#define PSW_EXT         0x01000000u
#define PSW_WAIT        0x00020000u
#define PSW_ADDR        0x7FFFFFFFu

/* What bare Hercules shows a 3270 until the guest writes to it. */
#define HERC_LOGO       "Hercules Version"

/* Static: teardown reaches them after a fatal assertion (see herc.h). */
static struct herc H;
static struct s3270 T1, T2;

static const struct herc_opts bare = { .rc = "", .volumes_optional = true };
static const char *const time_is[] = { CONTRACT_TIME_REPLY, NULL };

/* Ask for the PSW: Hercules' "psw" command logs "psw sm=00 pk=0 cmwp=2 ...",
 * then a line "PSW=00020000 80000FFF" (other messages indent theirs).
 * Is it the disabled wait of the contract? The line goes to line. */
static bool in_shutdown_wait(char *line, size_t cap)
{
	static const char *const psw[] = { "^PSW=", NULL };
	unsigned w0, w1;
	long mark = herc_log_mark(&H);

	line[0] = '\0';
	return herc_command(&H, "psw") == 0 &&
	       herc_wait_line_from(&H, mark, psw, 5.0, line, cap) == 0 &&
	       sscanf(line, "PSW=%8x %8x", &w0, &w1) == 2 &&
	       (w0 & (PSW_IO | PSW_EXT | PSW_WAIT)) == PSW_WAIT &&
	       (w1 & PSW_ADDR) == CONTRACT_SHUTDOWN_WAIT;
}

/* The log line answering console command cmd, holding all of want[]. */
static void expect_reply(const char *cmd, const char *const want[], double timeout_s)
{
	char line[512];
	long mark = herc_log_mark(&H);

	CU_ASSERT_FATAL(herc_command(&H, cmd) == 0);
	CU_ASSERT(herc_wait_line_from(&H, mark, want, timeout_s, line, sizeof line) == 0);
}

/* ---- suite harness: bare Hercules ---- */

static void start_stop(void)
{
	char dir[sizeof H.dir], want[64];
	pid_t pid;

	HERC_START(&H, &bare);
	pid = H.pid;
	memcpy(dir, H.dir, sizeof dir);
	CU_ASSERT(herc_running(&H));
	CU_ASSERT(H.cnslport > 0 && H.httpport > 0 && H.cnslport != H.httpport);
	snprintf(want, sizeof want, "console connection on port %d", H.cnslport);
	CU_ASSERT(herc_wait_log(&H, want, 1) == 0);
	CU_ASSERT(herc_wait_log(&H, "CPU0000 architecture mode ESA/390", 5) == 0);
	herc_stop(&H, false);
	CU_ASSERT(!H.live && H.pid == 0);
	CU_ASSERT(kill(pid, 0) != 0 && errno == ESRCH);
	CU_ASSERT(access(dir, F_OK) != 0);
}

static void command(void)
{
	static const char *const mem[] = { "R:00000000:K:", NULL },
			  *const oper[] = { "QUERY TIME", NULL };
	char line[512], set[64];
	double t0;

	HERC_START(&H, &bare);
	expect_reply("r 0.8", mem, 5);
	expect_reply("/QUERY TIME", oper, 5);           /* Hercules echoes it for 0009 */
	/* The shutdown test's check, on a PSW set by hand (stopped CPU). */
	CU_ASSERT(!in_shutdown_wait(line, sizeof line));
	CU_ASSERT(strcmp(line, "PSW=00000000 00000000") == 0);
	snprintf(set, sizeof set, "psw cmwp=2 am=31 ia=%X", CONTRACT_SHUTDOWN_WAIT);
	CU_ASSERT(herc_command(&H, set) == 0);
	CU_ASSERT(in_shutdown_wait(line, sizeof line));
	CU_ASSERT(herc_command(&H, "psw cmwp=0") == 0);
	CU_ASSERT(!in_shutdown_wait(line, sizeof line));
	t0 = herc_now();
	CU_ASSERT(herc_wait_log_from(&H, herc_log_mark(&H), "NEVER LOGGED", 0.5) == -1);
	CU_ASSERT(herc_now() - t0 < 2.0);
}

static void logo(void)
{
	char screen[S3270_SCREEN], path[sizeof H.dir + 16];
	int lines = 1;

	HERC_START(&H, &bare);
	CU_ASSERT_FATAL(s3270_open(&T1, H.cnslport) == 0);
	CU_ASSERT(s3270_wait_text(&T1, HERC_LOGO, 10) == 0);
	CU_ASSERT(s3270_wait_text(&T1, "Device number     : 00C0", 1) == 0);
	CU_ASSERT_FATAL(s3270_open(&T2, H.cnslport) == 0);      /* lowest free device */
	CU_ASSERT(s3270_wait_text(&T2, "Device number     : 00C1", 10) == 0);
	CU_ASSERT_FATAL(s3270_screen(&T1, screen, sizeof screen) == 0);
	for (char *p = screen; (p = strchr(p, '\n')); p++)
		lines++;
	CU_ASSERT_EQUAL(lines, S3270_ROWS);
	CU_ASSERT_EQUAL(strchr(screen, '\n') - screen, S3270_COLS);
	snprintf(path, sizeof path, "%s/saved.txt", H.dir);
	CU_ASSERT(s3270_save_screen(&T2, path) == 0 && access(path, R_OK) == 0);
	/* The logo has no input field: s3270 parses the quoted text, then finds
	 * the keyboard locked (a syntax error would leave it unlocked). */
	CU_ASSERT(T1.status[0] == 'U');
	CU_ASSERT(s3270_type(&T1, "a\"b\\c") == -1 && T1.status[0] == 'L');
	CU_ASSERT(s3270_type(&T1, "bad\n") == -1);
	CU_ASSERT(s3270_action(&T1, "Clear()") == 0 && s3270_action(&T1, "PA(1)") == 0);
}

static void reconnect(void)
{
	static const char *const oper[] = { "QUERY TIME", NULL };
	pid_t pid;

	HERC_START(&H, &bare);
	CU_ASSERT_FATAL(s3270_open(&T1, H.cnslport) == 0);
	CU_ASSERT(s3270_wait_text(&T1, HERC_LOGO, 10) == 0);
	pid = T1.pid;
	s3270_kill(&T1);
	CU_ASSERT(T1.pid == 0 && kill(pid, 0) != 0);
	CU_ASSERT_FATAL(s3270_open(&T2, H.cnslport) == 0);
	CU_ASSERT(s3270_wait_text(&T2, HERC_LOGO, 10) == 0);
	expect_reply("/QUERY TIME", oper, 5);
	CU_ASSERT(herc_running(&H));
}

static void keep_logs(void)
{
	char kept[PATH_MAX], file[PATH_MAX + 32], screen[S3270_SCREEN + 128] = "";
	FILE *f;

	HERC_START(&H, &bare);
	CU_ASSERT_FATAL(s3270_open(&T1, H.cnslport) == 0);
	CU_ASSERT(s3270_wait_text(&T1, HERC_LOGO, 10) == 0);
	CU_ASSERT_FATAL(snprintf(kept, sizeof kept, "%s/build/test-logs/%s", herc_root(),
				 H.name) < (int)sizeof kept);
	s3270_close_all(H.dir);                         /* as teardown does on failure */
	herc_stop(&H, true);
	snprintf(file, sizeof file, "%s/hercules.log", kept);
	CU_ASSERT(access(file, R_OK) == 0);
	snprintf(file, sizeof file, "%s/hercules.cnf", kept);
	CU_ASSERT(access(file, R_OK) == 0);
	snprintf(file, sizeof file, "%s/screen-1.txt", kept);
	f = fopen(file, "r");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(fread(screen, 1, sizeof screen - 1, f) > 0 && strstr(screen, HERC_LOGO));
	fclose(f);
	CU_ASSERT(herc_rmtree(kept) == 0);
}

static void watchdog(void)
{
	double t0;

	HERC_START(&H, &bare);
	CU_ASSERT_FATAL(s3270_open(&T1, H.cnslport) == 0);
	alarm(1);                                       /* the per-test watchdog, early */
	t0 = herc_now();
	CU_ASSERT(herc_wait_log(&H, "NEVER LOGGED", 20) == -1);
	CU_ASSERT(herc_now() - t0 < 5.0);
	CU_ASSERT(herc_signal == SIGALRM);
	while (herc_running(&H) && herc_now() - t0 < 5.0)       /* the handler killed it */
		herc_sleep(0.05);
	CU_ASSERT(!herc_running(&H));
	CU_ASSERT(s3270_wait_text(&T1, HERC_LOGO, 1) == -1);
	herc_clear_signal();                            /* expected here: not a failure */
}

CU_TestInfo e2e_harness_tests[] = {
	{ "start_stop", start_stop },
	{ "command", command },
	{ "logo", logo },
	{ "reconnect", reconnect },
	{ "keep_logs", keep_logs },
	{ "watchdog", watchdog },
	CU_TEST_INFO_NULL,
};

/* ---- suite basic: CP ---- */

static void cp_online(void)
{
	HERC_START(&H, NULL);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
}

static void see_logo(struct s3270 *s)
{
	CU_ASSERT_FATAL(s3270_open(s, H.cnslport) == 0);
	CU_ASSERT(s3270_wait_text(s, CONTRACT_LOGO_1, CONTRACT_LOGO_TIMEOUT) == 0);
	CU_ASSERT(s3270_wait_text(s, CONTRACT_LOGO_2, 1) == 0);
}

static void ipl_online(void)
{
	cp_online();
}

static void logo_one(void)
{
	cp_online();
	see_logo(&T1);
}

static void logo_two(void)
{
	cp_online();
	see_logo(&T1);
	see_logo(&T2);
	CU_ASSERT(s3270_wait_text(&T1, CONTRACT_LOGO_1, 1) == 0);
}

static void oper_unknown(void)
{
	static const char *const want[] = { CONTRACT_UNKNOWN_CMD, "FROBNICATE", NULL };

	cp_online();
	expect_reply("/FROBNICATE", want, CONTRACT_REPLY_TIMEOUT);
}

static void oper_query_time(void)
{
	cp_online();
	expect_reply("/QUERY TIME", time_is, CONTRACT_REPLY_TIMEOUT);
}

static void shutdown_wait(void)
{
	char line[512] = "";
	bool waiting = false;
	long mark;

	cp_online();
	mark = herc_log_mark(&H);
	CU_ASSERT_FATAL(herc_operator_shutdown(&H, CONTRACT_REPLY_TIMEOUT) == 0);
	CU_ASSERT_FATAL(herc_wait_log_from(&H, mark, CONTRACT_SHUTDOWN_MSG,
					   CONTRACT_SHUTDOWN_TIMEOUT) == 0);
	/* The message may precede the wait PSW by a moment: ask a few times. */
	for (double end = herc_now() + 5.0; !waiting && herc_now() < end; herc_sleep(0.2))
		waiting = in_shutdown_wait(line, sizeof line);
	if (!waiting)
		printf("\n    last psw: %s\n", line);
	CU_ASSERT(waiting);
}

/* A client that sends input and vanishes before CP's answer is written:
 * CP's write gets a unit check, the terminal is forgotten, all else goes on. */
static void drop_mid_input(void)
{
	cp_online();
	see_logo(&T1);
	CU_ASSERT_FATAL(s3270_type(&T1, "HELLO") == 0);
	CU_ASSERT_FATAL(s3270_action(&T1, "Enter()") == 0);
	s3270_kill(&T1);
	see_logo(&T2);
	expect_reply("/QUERY TIME", time_is, CONTRACT_REPLY_TIMEOUT);
}

static void drop_client(void)
{
	cp_online();
	see_logo(&T1);
	s3270_kill(&T1);
	see_logo(&T2);
	expect_reply("/QUERY TIME", time_is, CONTRACT_REPLY_TIMEOUT);
}

static void logo_before_logon(void)
{
	cp_online();
	see_logo(&T1);
	CU_ASSERT_FATAL(s3270_type(&T1, "HELLO") == 0);
	CU_ASSERT_FATAL(s3270_action(&T1, "Enter()") == 0);
	CU_ASSERT(s3270_wait_text(&T1, CONTRACT_PRELOGON_REPLY, CONTRACT_LOGO_TIMEOUT) == 0);
}

CU_TestInfo e2e_basic_tests[] = {
	{ "ipl_online", ipl_online },
	{ "logo_one", logo_one },
	{ "logo_two", logo_two },
	{ "oper_unknown", oper_unknown },
	{ "oper_query_time", oper_query_time },
	{ "shutdown", shutdown_wait },
	{ "drop_client", drop_client },
	{ "drop_mid_input", drop_mid_input },
	{ "logo_before_logon", logo_before_logon },
	CU_TEST_INFO_NULL,
};
