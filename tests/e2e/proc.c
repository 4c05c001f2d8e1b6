/*
 * proc.c: child processes and signals for the end-to-end tests and the bench.
 * Keeps every child on a list so that none outlives the tests, whether they
 * end by exit, a signal or a crash; and the clock every wait uses.
 */
#include "proc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#define MAX_CHILDREN  64   /* 33 terminals and Hercules in sched/shares_32 */
#define HARD_STOP     15        /* seconds from a signal to a forced exit */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

volatile sig_atomic_t herc_signal;
static volatile pid_t children[MAX_CHILDREN];  /* process groups to SIGKILL */
static void (*volatile cleanup_hook)(void);     /* herc_set_cleanup */
static void (*volatile crash_hook)(void);

static const int soft_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGALRM };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

void herc_say(const char *s)                    /* async-signal-safe */
{
	ssize_t r = write(2, s, strlen(s));
	(void)r;
}

static void kill_children(void)                 /* async-signal-safe */
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] > 0)
			kill(-children[i], SIGKILL);
}

/* INT, TERM, HUP, ALRM: kill the children, which ends every wait at once;
 * the test's teardown then keeps the logs. A second one exits. */
static void on_signal(int sig)
{
	kill_children();
	if (herc_signal) {
		herc_say("e2e: cleanup did not finish; exiting\n");
		_exit(128 + sig);
	}
	herc_signal = sig;
	alarm(HARD_STOP);
}

static void on_crash(int sig)
{
	kill_children();
	herc_say("e2e: crashed; Hercules killed; temp dirs left:");
	if (crash_hook)
		crash_hook();
	herc_say("\n");
	signal(sig, SIG_DFL);
	raise(sig);
}

static void at_exit(void)
{
	if (cleanup_hook)
		cleanup_hook();         /* only has work left on abnormal exits */
	kill_children();
}

void herc_set_cleanup(void (*cleanup)(void), void (*crash_note)(void))
{
	cleanup_hook = cleanup;
	crash_hook = crash_note;
}

void herc_init(void)
{
	static bool done;
	struct sigaction sa;

	if (done)
		return;
	done = true;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;      /* no SA_RESTART: poll() and sleeps end at once */
	for (size_t i = 0; i < NELEM(soft_signals); i++)
		sigaction(soft_signals[i], &sa, NULL);
	sa.sa_handler = on_crash;
	for (size_t i = 0; i < NELEM(crash_signals); i++)
		sigaction(crash_signals[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	atexit(at_exit);
}

void herc_clear_signal(void)
{
	alarm(0);
	herc_signal = 0;
}

void herc_forget(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == pid)
			children[i] = 0;
}

static void remember(pid_t pid)
{
	for (int i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == 0) {
			children[i] = pid;
			return;
		}
	fprintf(stderr, "e2e: too many children; pid %d untracked\n", (int)pid);
}

pid_t herc_spawn(const char *const argv[], const char *dir, const char *env,
		 int fd0, int fd1, int fd2)
{
	sigset_t all, old;
	pid_t parent = getpid(), pid;

	herc_init();
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);     /* our handlers must not run in the child */
	pid = fork();
	if (pid == 0) {
		for (size_t i = 0; i < NELEM(soft_signals); i++)
			signal(soft_signals[i], SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		sigprocmask(SIG_SETMASK, &old, NULL);
		setpgid(0, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		if (dup2(fd0, 0) < 0 || dup2(fd1, 1) < 0 || dup2(fd2, 2) < 0)
			_exit(127);
		if (dir && chdir(dir) != 0)
			_exit(127);
		if (env)
			putenv((char *)env);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (pid > 0) {
		setpgid(pid, pid);
		remember(pid);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return pid;
}

double herc_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void herc_sleep(double s)                      /* a signal cuts it short */
{
	struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };

	nanosleep(&ts, NULL);
}
