/*
 * s3270.h: one scripted 3270 terminal session per struct, driving an s3270
 * process over pipes (actions in, "data:" lines + status + ok/error out).
 * Every read has a timeout; a session that times out is killed.
 */
#ifndef E2E_S3270_H
#define E2E_S3270_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define S3270_ROWS 24
#define S3270_COLS 80
#define S3270_SCREEN ((S3270_COLS + 1) * S3270_ROWS + 1)

struct s3270 {
	pid_t pid;              /* s3270, in its own process group; 0 when gone */
	int to_fd;              /* its stdin: our actions */
	int from_fd;            /* its stdout: its replies */
	int id;                 /* 1, 2, ... in the order of s3270_open in this test */
	char buf[4096];         /* reply bytes read but not yet used */
	size_t len;
	char status[160];       /* status line of the last action */
	char last[S3270_SCREEN];/* last screen read (saved if the test fails) */
	bool listed;            /* on the list of this test's sessions */
	struct s3270 *next;
};

/* Start s3270 and connect it to the 3270 port on 127.0.0.1. 0 or -1.
 * The struct must outlive the test (make it static), as with struct herc. */
int s3270_open(struct s3270 *s, int port);

/* Run one action, e.g. "Enter()"; its data lines, joined by '\n', go to data
 * (if cap). 0 ok, -1 error, -2 no answer in time (session killed). */
int s3270_do(struct s3270 *s, const char *action, char *data, size_t cap, double timeout_s);
int s3270_action(struct s3270 *s, const char *action);     /* 15 s timeout */

bool s3270_connected(struct s3270 *s);  /* per the last status line */

/* The screen as 24 lines of 80 characters joined by '\n'. 0 or -1. */
int s3270_screen(struct s3270 *s, char *buf, size_t cap);

/* Poll the screen until it contains text. 0, or -1 after timeout_s. */
int s3270_wait_text(struct s3270 *s, const char *text, double timeout_s);

/* Type text at the cursor (String action, quoted so it is typed as is;
 * printable characters only). 0 or -1. */
int s3270_type(struct s3270 *s, const char *text);

/* Write the current (or, if the session is gone, the last) screen to path. */
int s3270_save_screen(struct s3270 *s, const char *path);

void s3270_kill(struct s3270 *s);       /* SIGKILL: the connection just drops */
void s3270_close(struct s3270 *s);      /* Disconnect, Quit, reap */

/* End of a test: save each session's screen as dir/screen-<id>.txt (if dir),
 * close the sessions still open, forget them all. */
void s3270_close_all(const char *dir);

#endif
