/*
 * s3270.c: scripted 3270 sessions for the end-to-end tests. Each session is
 * an s3270 process (x3270 suite) that reads actions on stdin and answers
 * with "data: ..." lines, a status line, then "ok" or "error".
 */
#include "s3270.h"
#include "herc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ACTION_TIMEOUT  15.0
#define QUIT_WAIT       2.0

static struct s3270 *sessions;          /* opened during this test */
static void drop(struct s3270 *s);
static int last_id;

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t r = write(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

/* The next reply line, without its '\n'. 0, or -1 on EOF, time up or signal. */
static int read_line(struct s3270 *s, char *line, size_t cap, double end)
{
	for (;;) {
		char *nl = memchr(s->buf, '\n', s->len);
		size_t n = nl ? (size_t)(nl - s->buf) : s->len;
		if (nl || s->len == sizeof s->buf) {    /* a line, or an overlong piece */
			size_t c = n < cap - 1 ? n : cap - 1;
			size_t used = nl ? n + 1 : n;
			memcpy(line, s->buf, c);
			line[c] = '\0';
			memmove(s->buf, s->buf + used, s->len - used);
			s->len -= used;
			return 0;
		}
		double left = end - herc_now();
		struct pollfd p = { .fd = s->from_fd, .events = POLLIN };
		if (left <= 0 || herc_signal)
			return -1;
		int r = poll(&p, 1, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0)
			continue;               /* time is checked above */
		ssize_t got = r < 0 ? -1 : read(s->from_fd, s->buf + s->len, sizeof s->buf - s->len);
		if (got <= 0)
			return -1;
		s->len += (size_t)got;
	}
}

int s3270_do(struct s3270 *s, const char *action, char *data, size_t cap, double timeout_s)
{
	double end = herc_now() + timeout_s;
	char line[512];
	size_t used = 0;

	if (data && cap)
		data[0] = '\0';
	if (s->pid <= 0)
		return -2;
	if (write_all(s->to_fd, action, strlen(action)) == 0 && write_all(s->to_fd, "\n", 1) == 0)
		while (read_line(s, line, sizeof line, end) == 0) {
			if (strcmp(line, "ok") == 0)
				return 0;
			if (strcmp(line, "error") == 0)
				return -1;
			if (strncmp(line, "data:", 5) != 0) {     /* the status line */
				size_t n = strnlen(line, sizeof s->status - 1);
				memcpy(s->status, line, n);
				s->status[n] = '\0';
				continue;
			}
			const char *d = line + 5 + (line[5] == ' ');
			if (data && used > 0 && used + 1 < cap)
				data[used++] = '\n';
			while (data && *d && used + 1 < cap)
				data[used++] = *d++;
			if (data && cap)
				data[used] = '\0';
		}
	fprintf(stderr, "e2e: s3270 session %d: no answer to %s\n", s->id, action);
	s3270_kill(s);
	return -2;
}

int s3270_action(struct s3270 *s, const char *action)
{
	return s3270_do(s, action, NULL, 0, ACTION_TIMEOUT);
}

/* Status line fields: keyboard, formatted, protected, connection ("C(host)"
 * or "N"), mode, model, rows, cols, cursor row, cursor col, window, time. */
bool s3270_connected(struct s3270 *s)
{
	const char *p = s->status;

	for (int field = 0; field < 3 && p; field++) {
		p = strchr(p, ' ');
		p = p ? p + 1 : NULL;
	}
	return p && strncmp(p, "C(", 2) == 0;
}

int s3270_open(struct s3270 *s, int port)
{
	const char *bin = getenv("S3270");
	const char *argv[] = { bin && *bin ? bin : "s3270", "-model", "3278-2", "-utf8", NULL };
	struct s3270 *next = s->next;
	bool listed = s->listed;
	int id = s->id, in[2], out[2], nullfd;
	char action[64];

	if (listed && s->pid > 0) {
		fprintf(stderr, "e2e: s3270_open: session %d is open\n", id);
		return -1;
	}
	memset(s, 0, sizeof *s);
	s->to_fd = s->from_fd = -1;
	s->listed = true;
	s->next = listed ? next : sessions;
	s->id = listed ? id : ++last_id;
	if (!listed)
		sessions = s;
	if (pipe2(in, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(out, O_CLOEXEC) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	nullfd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	s->pid = herc_spawn(argv, NULL, NULL, in[0], out[1], nullfd < 0 ? 2 : nullfd);
	close(in[0]);
	close(out[1]);
	if (nullfd >= 0)
		close(nullfd);
	s->to_fd = in[1];
	s->from_fd = out[0];
	if (s->pid < 0) {
		drop(s);
		return -1;
	}
	snprintf(action, sizeof action, "Connect(127.0.0.1:%d)", port);
	if (s3270_action(s, action) != 0 || !s3270_connected(s)) {
		fprintf(stderr, "e2e: s3270 session %d: cannot connect to port %d (%s)\n",
			s->id, port, s->status);
		s3270_kill(s);
		return -1;
	}
	return 0;
}

int s3270_screen(struct s3270 *s, char *buf, size_t cap)
{
	if (s3270_do(s, "Ascii()", buf, cap, ACTION_TIMEOUT) != 0)
		return -1;
	snprintf(s->last, sizeof s->last, "%s", buf);
	return 0;
}

int s3270_wait_text(struct s3270 *s, const char *text, double timeout_s)
{
	char screen[S3270_SCREEN];
	double end = herc_now() + timeout_s;

	for (;;) {
		if (s3270_screen(s, screen, sizeof screen) != 0)
			return -1;
		if (strstr(screen, text))
			return 0;
		if (herc_signal || herc_now() >= end)
			return -1;
		herc_sleep(0.1);
	}
}

/* Inside a quoted action argument, backslash escapes '"' and itself;
 * String() then types the text as it stands. */
int s3270_type(struct s3270 *s, const char *text)
{
	char action[1024];
	size_t n = 0;

	n += (size_t)snprintf(action, sizeof action, "String(\"");
	for (; *text; text++) {
		unsigned char c = (unsigned char)*text;
		if (c < 0x20 || c == 0x7f || n + 5 >= sizeof action)
			return -1;
		if (c == '"' || c == '\\')
			action[n++] = '\\';
		action[n++] = (char)c;
	}
	memcpy(action + n, "\")", 3);
	return s3270_action(s, action) == 0 ? 0 : -1;
}

int s3270_save_screen(struct s3270 *s, const char *path)
{
	char screen[S3270_SCREEN];
	FILE *f;

	if (s->pid > 0)
		s3270_screen(s, screen, sizeof screen);     /* refreshes s->last */
	f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "%s\n-- s3270 session %d, last status: %s\n", s->last, s->id, s->status);
	return fclose(f);
}

/* Close the pipes of a session whose process is gone or was never there. */
static void drop(struct s3270 *s)
{
	if (s->to_fd >= 0)
		close(s->to_fd);
	if (s->from_fd >= 0)
		close(s->from_fd);
	s->to_fd = s->from_fd = -1;
	s->len = 0;
	s->pid = 0;
}

void s3270_kill(struct s3270 *s)
{
	if (s->pid <= 0)
		return;
	kill(-s->pid, SIGKILL);
	while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
		;
	herc_forget(s->pid);
	drop(s);
}

void s3270_close(struct s3270 *s)
{
	double end;

	if (s->pid <= 0 || s3270_action(s, "Disconnect()") == -2)
		return;                 /* not open, or killed for not answering */
	close(s->to_fd);                /* EOF on its stdin: s3270 exits */
	s->to_fd = -1;
	for (end = herc_now() + QUIT_WAIT; herc_now() < end; herc_sleep(0.02))
		if (waitpid(s->pid, NULL, WNOHANG) == s->pid) {
			herc_forget(s->pid);
			drop(s);
			return;
		}
	s3270_kill(s);
}

void s3270_close_all(const char *dir)
{
	char path[PATH_MAX];

	while (sessions) {
		struct s3270 *s = sessions;
		sessions = s->next;
		if (dir && snprintf(path, sizeof path, "%s/screen-%d.txt", dir, s->id) < (int)sizeof path)
			s3270_save_screen(s, path);
		s3270_close(s);
		s->listed = false;
		s->next = NULL;
	}
	last_id = 0;
}
