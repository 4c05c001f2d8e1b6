/*
 * proc.h: child processes and signals for the end-to-end tests and the bench.
 * Every child is registered so that a signal, a crash or exit kills it; the
 * first INT/TERM/HUP/ALRM only sets herc_signal, so waits end and teardown runs.
 */
#ifndef E2E_PROC_H
#define E2E_PROC_H

#include <signal.h>
#include <sys/types.h>

/* herc_spawn starts argv in its own process group, with the given fds as
 * 0, 1, 2, in dir (or "."), with env ("NAME=value" or NULL) added; it dies
 * with this process (PR_SET_PDEATHSIG) and is registered so that signal
 * handlers and atexit can SIGKILL it. Returns pid or -1. */
pid_t herc_spawn(const char *const argv[], const char *dir, const char *env,
		 int fd0, int fd1, int fd2);
void herc_forget(pid_t pid);            /* after reaping it */

/* Install atexit and SIGINT/SIGTERM/SIGHUP/SIGALRM (and crash) handlers.
 * The first such signal kills every child and sets herc_signal, so waits
 * return -1 at once and the test's teardown cleans up; a second one, or 15 s
 * without herc_clear_signal, exits at once. */
void herc_init(void);
extern volatile sig_atomic_t herc_signal;
void herc_clear_signal(void);

/* What the owner of the children adds: cleanup runs at exit before the
 * children are killed; crash_note (async-signal-safe, may use herc_say)
 * completes the "temp dirs left:" line. Either may be NULL. */
void herc_set_cleanup(void (*cleanup)(void), void (*crash_note)(void));
void herc_say(const char *s);           /* to stderr; async-signal-safe */

double herc_now(void);                  /* monotonic seconds */
void herc_sleep(double s);              /* a signal cuts it short */

#endif
