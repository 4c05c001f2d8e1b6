/*
 * herc.c: start, command and stop a private Hercules for one end-to-end test:
 * its config and volume copies, console commands over HTTP, waits on its log.
 */
#include "herc.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define HERC_CONF     "hercules-configs/cpcms.cnf"
#define HERC_RC       "hercules-configs/cpcms.rc"
#define START_TRIES   3
#define QUIT_WAIT     5.0       /* seconds Hercules gets to quit by itself */

static struct herc *live;                      /* newest first */

/* ---- small helpers ---- */

/* snprintf that reports truncation as -1. */
static int join(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, cap, fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

const char *herc_root(void)
{
	static char root[PATH_MAX];
	char conf[PATH_MAX + 32];
	const char *env = getenv("CPCMS_ROOT");
	ssize_t n;

	if (root[0])
		return root;
	if (env && *env && join(root, sizeof root, "%s", env) == 0)
		return root;
	n = readlink("/proc/self/exe", root, sizeof root - 1);
	for (int up = 0; n > 0 && up < 2; up++) {       /* <root>/build/e2e */
		char *slash;
		root[n] = '\0';
		slash = strrchr(root, '/');
		n = slash ? slash - root : 0;
	}
	if (n > 0) {
		root[n] = '\0';
		if (join(conf, sizeof conf, "%s/%s", root, HERC_CONF) == 0 && access(conf, R_OK) == 0)
			return root;
	}
	if (!getcwd(root, sizeof root))
		strcpy(root, ".");
	return root;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

int herc_rmtree(const char *path)
{
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Copy src to dst, leaving holes for the source's holes and for all-zero
 * 4K blocks, so that a mostly empty 600 MB volume costs little. */
int herc_copy_file(const char *src, const char *dst)
{
	static const char zero[4096];
	static char buf[1 << 16];
	struct stat st;
	off_t pos = 0, data, hole;
	int in, out = -1, rc = -1;

	in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0 || fstat(in, &st) < 0)
		goto done;
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0)
		goto done;
	while (pos < st.st_size) {
		data = lseek(in, pos, SEEK_DATA);
		if (data < 0 && errno == ENXIO)
			break;                  /* only a hole is left */
		hole = data < 0 ? st.st_size : lseek(in, data, SEEK_HOLE);
		if (data < 0)
			data = pos;
		if (hole < 0)
			hole = st.st_size;
		for (pos = data; pos < hole;) {
			size_t want = (size_t)(hole - pos) < sizeof buf ? (size_t)(hole - pos) : sizeof buf;
			ssize_t n = pread(in, buf, want, pos);
			if (n <= 0)
				goto done;
			for (ssize_t o = 0; o < n; o += sizeof zero) {
				size_t len = (size_t)(n - o) < sizeof zero ? (size_t)(n - o) : sizeof zero;
				if (memcmp(buf + o, zero, len) != 0 &&
				    pwrite(out, buf + o, len, pos + o) != (ssize_t)len)
					goto done;
			}
			pos += n;
		}
	}
	rc = ftruncate(out, st.st_size);
done:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		rc = -1;
	return rc;
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* ---- the private config ---- */

static bool is_volume(const char *name)
{
	static const char *const ext[] = { ".3380", ".3390", ".3350", ".3330", ".3375",
					   ".3370", ".fba", ".cckd", NULL };
	const char *dot = strrchr(name, '.');

	for (int i = 0; dot && ext[i]; i++)
		if (strcasecmp(dot, ext[i]) == 0)
			return true;
	return false;
}

/* "build/<name>" in the config becomes "<dir>/<name>". Volumes are copied
 * in (once); other files, like printer output, are just redirected there. */
static int map_path(struct herc *h, const struct herc_opts *o, const char *name,
		    char *out, size_t cap)
{
	char src[PATH_MAX];

	if (!*name || strchr(name, '/') || join(out, cap, "%s/%s", h->dir, name) < 0) {
		fprintf(stderr, "e2e: config path build/%s not supported\n", name);
		return -1;
	}
	if (!is_volume(name))
		return 0;
	for (int i = 0; i < h->ninputs; i++)
		if (strcmp(h->inputs[i], name) == 0)
			return 0;
	if (join(src, sizeof src, "%s/build/%s", herc_root(), name) < 0)
		return -1;
	if (access(src, R_OK) != 0) {
		if (o->volumes_optional)
			return 0;
		fprintf(stderr, "e2e: volume %s is missing (build the system first)\n", src);
		return -1;
	}
	if (herc_copy_file(src, out) != 0) {
		fprintf(stderr, "e2e: copying %s: %s\n", src, strerror(errno));
		return -1;
	}
	if (h->ninputs < HERC_MAX_INPUTS)
		strcpy(h->inputs[h->ninputs++], name);
	return 0;
}

#define OPERATOR_RETRY_S 3.0

int herc_operator_query(struct herc *h, const char *cmd, const char *const texts[], double timeout_s,
			char *line, size_t cap, long *mark)
{
	double end = herc_now() + timeout_s;
	while (herc_now() < end && !herc_signal) {
		double left = end - herc_now(), wait = left < OPERATOR_RETRY_S ? left : OPERATOR_RETRY_S;
		*mark = herc_log_mark(h);
		if (herc_command(h, cmd) != 0)
			return -1;
		if (herc_wait_line_from(h, *mark, texts, wait, line, cap) == 0)
			return 0;
		fprintf(stderr, "[no answer to %s in %.0f s: again]", cmd, wait);
	}
	return -1;
}

int herc_operator_expect(struct herc *h, const char *cmd, const char *text, double timeout_s)
{
	const char *const texts[] = { text, NULL };
	char line[256];
	long mark;
	return herc_operator_query(h, cmd, texts, timeout_s, line, sizeof line, &mark);
}

int herc_operator_shutdown(struct herc *h, double timeout_s)
{
	return herc_operator_expect(h, "/SHUTDOWN", "CPI020I", timeout_s);
}

int herc_config_stmt(const char *stmt, char *line, size_t cap)
{
	char path[PATH_MAX], buf[1024];
	FILE *in;
	int rc = -1;
	size_t n = strlen(stmt);

	if (join(path, sizeof path, "%s/%s", herc_root(), HERC_CONF) < 0 || !(in = fopen(path, "r")))
		return -1;
	while (rc != 0 && fgets(buf, sizeof buf, in))
		if (strncasecmp(buf, stmt, n) == 0 && (buf[n] == ' ' || buf[n] == '\t'))
			rc = join(line, cap, "%s", buf);
	fclose(in);
	return rc;
}

static bool replaced(const char *stmt, const struct herc_opts *o)
{
	return !strcasecmp(stmt, "CNSLPORT") || !strcasecmp(stmt, "HTTPPORT") ||
	       !strcasecmp(stmt, "HTTPROOT") ||
	       (o->numcpu && !strcasecmp(stmt, "NUMCPU")) ||
	       (o->mainsize && !strcasecmp(stmt, "MAINSIZE"));
}

/* Write <dir>/hercules.cnf from the demo config: our ports and overrides
 * first (system statements precede devices), the config's own dropped. */
static int write_config(struct herc *h, const struct herc_opts *o)
{
	char src[PATH_MAX], dst[PATH_MAX], line[1024], path[PATH_MAX];
	FILE *in, *out;
	int rc = 0;

	if (join(src, sizeof src, "%s/%s", herc_root(), HERC_CONF) < 0 ||
	    join(dst, sizeof dst, "%s/hercules.cnf", h->dir) < 0)
		return -1;
	in = fopen(src, "r");
	if (!in) {
		fprintf(stderr, "e2e: %s: %s\n", src, strerror(errno));
		return -1;
	}
	out = fopen(dst, "w");
	if (!out) {
		fclose(in);
		return -1;
	}
	/* The test's commands go through Hercules' HTTP server: loopback-only
	 * 3270 port, and an HTTP port the demo configuration does not open. */
	fprintf(out, "# %s for test %s\nCNSLPORT 127.0.0.1:%d\nHTTPPORT %d NOAUTH\n"
		"HTTPROOT /usr/share/hercules/\n", HERC_CONF, h->name, h->cnslport, h->httpport);
	if (o->numcpu)
		fprintf(out, "NUMCPU %d\n", o->numcpu);
	if (o->mainsize)
		fprintf(out, "MAINSIZE %d\n", o->mainsize);
	while (rc == 0 && fgets(line, sizeof line, in)) {
		char *save, *tok = strtok_r(line, " \t\r\n", &save);
		if (!tok || *tok == '#' || replaced(tok, o))
			continue;
		for (int i = 0; rc == 0 && tok; i++, tok = strtok_r(NULL, " \t\r\n", &save)) {
			if (strncmp(tok, "build/", 6) == 0) {
				rc = map_path(h, o, tok + 6, path, sizeof path);
				tok = path;
			}
			fprintf(out, "%s%s", i ? " " : "", tok);
		}
		fputc('\n', out);
	}
	fclose(in);
	if (fclose(out) != 0)
		rc = -1;
	return rc;
}

static int write_rc(struct herc *h, const struct herc_opts *o)
{
	char src[PATH_MAX], dst[PATH_MAX];

	if (join(dst, sizeof dst, "%s/hercules.rc", h->dir) < 0)
		return -1;
	if (o->rc)
		return write_file(dst, o->rc);
	if (join(src, sizeof src, "%s/%s", herc_root(), HERC_RC) < 0)
		return -1;
	return herc_copy_file(src, dst);
}

/* ---- sockets and HTTP ---- */

/* A free TCP port on 127.0.0.1; fd stays bound so a second call differs. */
static int free_port(int *fd)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof a;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	*fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (*fd < 0 || bind(*fd, (struct sockaddr *)&a, sizeof a) < 0 ||
	    getsockname(*fd, (struct sockaddr *)&a, &len) < 0)
		return -1;
	return ntohs(a.sin_port);
}

/* A socket connected to 127.0.0.1:port within timeout_s, or -1. */
static int dial(int port, double timeout_s)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0), err = 0;
	socklen_t len = sizeof err;
	struct pollfd p = { .fd = fd, .events = POLLOUT };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 ||
	    (errno == EINPROGRESS && poll(&p, 1, (int)(timeout_s * 1000)) == 1 &&
	     getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0))
		return fd;
	close(fd);
	return -1;
}

static void url_encode(const char *s, char *out)        /* out: 3 * strlen(s) + 1 */
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    strchr("-_.~", c)) {
			*out++ = (char)c;
		} else {
			*out++ = '%';
			*out++ = hex[c >> 4];
			*out++ = hex[c & 15];
		}
	}
	*out = '\0';
}

int herc_command(struct herc *h, const char *cmd)
{
	char enc[3 * 512 + 1], req[2048], head[64] = "", junk[4096];
	double end = herc_now() + 10.0;
	size_t got = 0;
	int fd, n;

	if (strlen(cmd) > 512 || h->httpport <= 0)
		return -1;
	url_encode(cmd, enc);
	n = snprintf(req, sizeof req, "GET /cgi-bin/tasks/syslog?command=%s HTTP/1.0\r\n"
		     "Host: 127.0.0.1\r\n\r\n", enc);
	fd = dial(h->httpport, 5.0);
	if (fd < 0)
		return -1;
	if (send(fd, req, (size_t)n, MSG_NOSIGNAL) != n) {
		close(fd);
		return -1;
	}
	for (;;) {                      /* read the page to its end; keep the head */
		struct pollfd p = { .fd = fd, .events = POLLIN };
		double left = end - herc_now();
		ssize_t r;
		if (left <= 0 || poll(&p, 1, (int)(left * 1000) + 1) != 1)
			break;
		r = read(fd, junk, sizeof junk);
		if (r <= 0)
			break;
		for (ssize_t i = 0; i < r && got < sizeof head - 1; i++)
			head[got++] = junk[i];
	}
	close(fd);
	return strncmp(head, "HTTP/1.", 7) == 0 && strncmp(head + 8, " 200", 4) == 0 ? 0 : -1;
}

/* ---- the log ---- */

long herc_log_mark(struct herc *h)
{
	struct stat st;

	return stat(h->log, &st) == 0 ? (long)st.st_size : 0;
}

/* Does the log after mark hold texts[0] (lines false), or one complete line
 * holding all of texts[] (lines true, copied to line)? */
static bool log_has(struct herc *h, long mark, const char *const texts[], bool lines,
		    char *line, size_t cap)
{
	long end = herc_log_mark(h);
	size_t n = end > mark ? (size_t)(end - mark) : 0;
	char *buf = malloc(n + 1), *p, *nl;
	bool found = false;
	int fd = open(h->log, O_RDONLY | O_CLOEXEC);
	ssize_t r = fd >= 0 && buf ? pread(fd, buf, n, mark) : -1;

	if (fd >= 0)
		close(fd);
	if (r < 0) {
		free(buf);
		return false;
	}
	for (ssize_t i = 0; i < r; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	buf[r] = '\0';
	if (!lines)
		found = strstr(buf, texts[0]) != NULL;
	for (p = buf; lines && !found && (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		found = true;
		for (int i = 0; found && texts[i]; i++)
			found = texts[i][0] == '^' ? strncmp(p, texts[i] + 1, strlen(texts[i] + 1)) == 0
						   : strstr(p, texts[i]) != NULL;
		if (found && cap)
			snprintf(line, cap, "%s", p);
	}
	free(buf);
	return found;
}

static int wait_log(struct herc *h, long mark, const char *const texts[], bool lines,
		    double timeout_s, char *line, size_t cap)
{
	double end = herc_now() + timeout_s;

	for (;;) {
		bool alive = herc_running(h);   /* before reading: its last words count */
		if (log_has(h, mark, texts, lines, line, cap))
			return 0;
		if (!alive || herc_signal || herc_now() >= end)
			return -1;
		herc_sleep(0.05);
	}
}

int herc_wait_log_from(struct herc *h, long mark, const char *text, double timeout_s)
{
	const char *texts[] = { text, NULL };

	return wait_log(h, mark, texts, false, timeout_s, NULL, 0);
}

int herc_wait_log(struct herc *h, const char *text, double timeout_s)
{
	return herc_wait_log_from(h, 0, text, timeout_s);
}

int herc_wait_line_from(struct herc *h, long mark, const char *const texts[],
			double timeout_s, char *line, size_t cap)
{
	return wait_log(h, mark, texts, true, timeout_s, line, cap);
}

/* ---- start and stop ---- */

static void stop_all_kept(void)         /* at exit: only hercs left on abnormal exits */
{
	herc_stop_all(true);
}

static void say_dirs(void)              /* on a crash: async-signal-safe */
{
	for (struct herc *h = live; h; h = h->next) {
		herc_say(" ");
		herc_say(h->dir);
	}
}

static void reaped(struct herc *h)
{
	kill(-h->pid, SIGKILL);         /* anything it left in its group */
	herc_forget(h->pid);
	h->pid = 0;
}

bool herc_running(struct herc *h)
{
	int st;
	pid_t r;

	if (h->pid <= 0)
		return false;
	r = waitpid(h->pid, &st, WNOHANG);
	if (r == 0 || (r < 0 && errno == EINTR))
		return true;
	if (r == h->pid && !(WIFEXITED(st) && WEXITSTATUS(st) == 0))
		fprintf(stderr, "e2e: hercules (%s) ended, wait status 0x%x\n", h->name, st);
	reaped(h);
	return false;
}

static void kill_and_reap(struct herc *h)
{
	if (h->pid <= 0)
		return;
	kill(-h->pid, SIGKILL);
	while (waitpid(h->pid, NULL, 0) < 0 && errno == EINTR)
		;
	reaped(h);
}

/* One attempt: 0 Hercules is up, 1 a port was taken (try again), -1 failed. */
static int launch(struct herc *h, const struct herc_opts *o)
{
	static const char *const up[] = { "HHCHT006I", NULL }, *const up3270[] = { "HHCTE003I", NULL },
				 *const busy[] = { "to become free", NULL };
	const char *hercules = getenv("HERCULES");
	char conf[PATH_MAX], env[PATH_MAX + 16];
	int fa, fb, logfd, nullfd, fd;
	double end = herc_now() + (o->start_timeout > 0 ? o->start_timeout : 20.0);

	h->cnslport = free_port(&fa);
	h->httpport = free_port(&fb);
	close(fa);
	close(fb);
	if (h->cnslport < 0 || h->httpport < 0 || write_config(h, o) != 0 ||
	    join(conf, sizeof conf, "%s/hercules.cnf", h->dir) < 0 ||
	    join(env, sizeof env, "HERCULES_RC=%s/hercules.rc", h->dir) < 0)
		return -1;
	const char *argv[] = { hercules && *hercules ? hercules : "hercules", "-f", conf, "-d", NULL };
	logfd = open(h->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	nullfd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	h->pid = logfd < 0 || nullfd < 0 ? -1 : herc_spawn(argv, h->dir, env, nullfd, logfd, logfd);
	close(logfd);
	close(nullfd);
	if (h->pid < 0) {
		h->pid = 0;
		return -1;
	}
	while (herc_now() < end && !herc_signal) {
		if (log_has(h, 0, busy, false, NULL, 0)) {
			kill_and_reap(h);
			return 1;
		}
		if (!herc_running(h))
			return -1;
		if (log_has(h, 0, up, false, NULL, 0) && log_has(h, 0, up3270, false, NULL, 0) &&
		    (fd = dial(h->httpport, 1.0)) >= 0) {
			close(fd);
			return 0;
		}
		herc_sleep(0.05);
	}
	fprintf(stderr, "e2e: hercules (%s) did not come up\n", h->name);
	return -1;
}

int herc_start(struct herc *h, const char *name, const struct herc_opts *o)
{
	static const struct herc_opts defaults;
	const char *tmp = getenv("TMPDIR");
	int r = -1;

	herc_init();
	herc_set_cleanup(stop_all_kept, say_dirs);
	if (h->live) {
		fprintf(stderr, "e2e: herc_start: %s is already running\n", h->name);
		return -1;
	}
	memset(h, 0, sizeof *h);
	for (size_t i = 0; name[i] && i < sizeof h->name - 1; i++)     /* a safe file name */
		h->name[i] = isalnum((unsigned char)name[i]) || strchr("-_.", name[i]) ? name[i] : '_';
	if (join(h->dir, sizeof h->dir, "%s/cpcms-e2e-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp",
		 h->name) < 0 || !mkdtemp(h->dir) ||
	    join(h->log, sizeof h->log, "%s/hercules.log", h->dir) < 0) {
		fprintf(stderr, "e2e: temp dir for %s: %s\n", h->name, strerror(errno));
		return -1;
	}
	h->live = true;
	h->next = live;
	live = h;
	if (write_rc(h, o ? o : &defaults) == 0)
		for (int i = 0; i < START_TRIES && (r = launch(h, o ? o : &defaults)) == 1; i++)
			;
	if (r != 0) {
		fprintf(stderr, "e2e: could not start hercules for %s\n", h->name);
		herc_stop(h, true);
		return -1;
	}
	return 0;
}

/* Copy everything but the input volumes to build/test-logs/<name>/. */
static void keep_logs(struct herc *h)
{
	char dst[PATH_MAX], from[PATH_MAX], to[PATH_MAX];
	struct dirent *e;
	DIR *d;

	if (join(dst, sizeof dst, "%s/build", herc_root()) < 0)
		return;
	mkdir(dst, 0755);
	if (join(dst, sizeof dst, "%s/build/test-logs", herc_root()) < 0)
		return;
	mkdir(dst, 0755);
	if (join(dst, sizeof dst, "%s/build/test-logs/%s", herc_root(), h->name) < 0)
		return;
	herc_rmtree(dst);
	if (mkdir(dst, 0755) != 0 || !(d = opendir(h->dir))) {
		fprintf(stderr, "e2e: cannot keep logs in %s: %s\n", dst, strerror(errno));
		return;
	}
	while ((e = readdir(d))) {
		bool input = e->d_name[0] == '.';
		for (int i = 0; !input && i < h->ninputs; i++)
			input = strcmp(e->d_name, h->inputs[i]) == 0;
		if (!input && join(from, sizeof from, "%s/%s", h->dir, e->d_name) == 0 &&
		    join(to, sizeof to, "%s/%s", dst, e->d_name) == 0)
			herc_copy_file(from, to);
	}
	closedir(d);
	fflush(stdout);
	printf("\n    e2e: logs of %s kept in %s\n", h->name, dst);
	fflush(stdout);
}

int herc_crash_restart(struct herc *h, const struct herc_opts *o)
{
	static const struct herc_opts defaults;
	int r = -1;
	if (!h->live)
		return -1;
	kill_and_reap(h);                 /* SIGKILL: no chance to write anything back */
	for (int i = 0; i < START_TRIES && (r = launch(h, o ? o : &defaults)) == 1; i++)
		;
	return r == 0 ? 0 : -1;
}

int herc_quit(struct herc *h)
{
	double end = herc_now() + QUIT_WAIT;
	if (!h->live)
		return -1;
	herc_command(h, "quit");
	while (herc_running(h) && herc_now() < end)
		herc_sleep(0.05);
	return herc_running(h) ? -1 : 0;
}

void herc_stop(struct herc *h, bool keep)
{
	struct herc **pp;

	if (!h->live)
		return;
	if (herc_running(h)) {
		double end = herc_now() + QUIT_WAIT;
		herc_command(h, "quit");
		while (herc_running(h) && herc_now() < end)
			herc_sleep(0.05);
	}
	kill_and_reap(h);
	for (pp = &live; *pp; pp = &(*pp)->next)
		if (*pp == h) {
			*pp = h->next;
			break;
		}
	if (keep)
		keep_logs(h);
	herc_rmtree(h->dir);
	h->live = false;
}

void herc_stop_all(bool keep)
{
	while (live)
		herc_stop(live, keep);
}

const char *herc_last_dir(void)
{
	return live ? live->dir : NULL;
}
