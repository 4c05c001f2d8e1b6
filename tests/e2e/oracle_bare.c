/*
 * oracle_bare.c: the bare side of the oracle suite. Runs each program of
 * tests/guest/ on its own bare Hercules in S/370 mode and compares the
 * result area with tests/guest/NAME.expect; also the helpers the CP side
 * shares (expect files, result checks, STORE commands).
 */
#include "herc.h"
#include "oracle.h"

#include <CUnit/CUnit.h>
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define BOOT_TIMEOUT  10.0      /* s from start to the HTTP port */
#define RUN_TIMEOUT   10.0      /* s from start to the disabled wait */
#define CMD_TIMEOUT   5.0       /* s for the answer to a console command */
#define START_TRIES   3
#define MAX_PROGRAMS  200
#define TEST_TIMEOUT  60        /* s per test (watchdog) */

/* BC-mode PSW (GA22-7000, chap. 4): byte 0 system mask, bit 14 wait. */
#define PSW_SYSMASK   0xFF000000u
#define PSW_WAIT      0x00020000u
#define PSW_ADDR      0x00FFFFFFu

static void say(char *why, size_t cap, const char *fmt, ...)
{
	va_list ap;

	if (!cap)
		return;
	va_start(ap, fmt);
	vsnprintf(why, cap, fmt, ap);
	va_end(ap);
}

uint32_t oracle_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* ---- shared helpers ---- */

uint8_t *oracle_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n) {
		*len = (size_t)n;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* Append s to out (cap bytes, kept NUL-terminated) as far as it fits;
 * *used counts the whole text. */
static void append(char *out, size_t cap, size_t *used, const char *s)
{
	size_t n = strlen(s);

	if (*used + 1 < cap) {
		size_t k = n < cap - 1 - *used ? n : cap - 1 - *used;
		memcpy(out + *used, s, k);
		out[*used + k] = '\0';
	}
	*used += n;
}

size_t oracle_store_cmds(const uint8_t *bin, size_t len, char *out, size_t cap)
{
	size_t used = 0;
	int inrun = 0;

	if (cap)
		out[0] = '\0';
	for (size_t a = 0; a < len; a += 4) {
		uint8_t w[4] = { 0, 0, 0, 0 };
		char piece[48];

		memcpy(w, bin + a, len - a < 4 ? len - a : 4);
		if (oracle_get32(w) == 0) {
			inrun = 0;
			continue;
		}
		if (inrun == 8)
			inrun = 0;
		if (inrun)
			snprintf(piece, sizeof piece, " %08X", oracle_get32(w));
		else
			snprintf(piece, sizeof piece, "%sSTORE %06zX %08X", used ? "\n" : "", a, oracle_get32(w));
		append(out, cap, &used, piece);
		inrun++;
	}
	if (used)
		append(out, cap, &used, "\n");
	return used;
}

int oracle_load_expect(const char *path, uint8_t want[ORACLE_RESULT_LEN],
		       char *why, size_t whycap)
{
	char line[512];
	int lineno = 0, rc = 0;
	FILE *f = fopen(path, "r");

	memset(want, 0, ORACLE_RESULT_LEN);
	if (!f) {
		say(why, whycap, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && fgets(line, sizeof line, f)) {
		char *hash = strchr(line, '#'), *p = line, *end;
		unsigned long addr, word;
		int nwords = 0;

		lineno++;
		if (hash)
			*hash = '\0';
		addr = strtoul(p, &end, 16);
		if (end == p)                   /* blank or comment only */
			continue;
		for (p = end; rc == 0; p = end, nwords++) {
			p += strspn(p, " \t");
			word = strtoul(p, &end, 16);
			if (end == p)
				break;
			if (end - p > 8 || word > 0xFFFFFFFFul || nwords == 4 || addr % 4 ||
			    addr < ORACLE_RESULT_ADDR ||
			    addr + 4 * (unsigned long)nwords + 4 > ORACLE_RESULT_ADDR + ORACLE_RESULT_LEN)
				rc = -1;
			else
				put32(want + addr - ORACLE_RESULT_ADDR + 4 * nwords, (uint32_t)word);
		}
		if (rc == 0 && (nwords == 0 || strspn(end, " \t\r\n") != strlen(end)))
			rc = -1;
		if (rc)
			say(why, whycap, "%s:%d: not \"ADDR WORD...\" within X'1000'-X'10FF'",
			    path, lineno);
	}
	fclose(f);
	return rc;
}

int oracle_check(const uint8_t got[ORACLE_RESULT_LEN],
		 const uint8_t want[ORACLE_RESULT_LEN], char *why, size_t whycap)
{
	uint32_t used = oracle_get32(got + 4);

	if (oracle_get32(got) != ORACLE_MAGIC) {
		say(why, whycap, "result header: word 0 is %08X, not %08X",
		    oracle_get32(got), ORACLE_MAGIC);
		return -1;
	}
	if (used % 4 || used > ORACLE_MAX_RESULTS) {
		say(why, whycap, "result header: count %08X is not a multiple of 4 up to %u",
		    used, ORACLE_MAX_RESULTS);
		return -1;
	}
	int first = -1, ndiff = 0;
	for (unsigned off = 0; off < ORACLE_RESULT_LEN; off += 4) {
		if (oracle_get32(got + off) == oracle_get32(want + off))
			continue;
		/* Every difference on stderr, in the .expect file's form. */
		fprintf(stderr, "\n      %04X %08X  # expected %08X", ORACLE_RESULT_ADDR + off,
			oracle_get32(got + off), oracle_get32(want + off));
		if (first < 0)
			first = (int)off;
		ndiff++;
	}
	if (first < 0)
		return 0;
	fprintf(stderr, "\n");
	say(why, whycap, "at %04X: got %08X, expected %08X (%d words differ)",
	    ORACLE_RESULT_ADDR + first, oracle_get32(got + first), oracle_get32(want + first), ndiff);
	return -1;
}

/* ---- one bare run ---- */

/* A free TCP port on 127.0.0.1 (bound, then released for Hercules). */
static int free_port(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), port = -1;

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &len) == 0)
		port = ntohs(a.sin_port);
	if (fd >= 0)
		close(fd);
	return port;
}

/* The machine of the oracle: S/370, 2M, one CPU, the one device Hercules
 * insists on (a 3215 console at 0009: channel 0, never X'0F'), and a fresh
 * copy of a one-cylinder 3380 at 0191 (build/guest/dasd191.3380), as the
 * oracle user's 191 minidisk is under CP. */
static int write_files(struct herc *h, const char *ins, const char *arch, int numcpu)
{
	char path[PATH_MAX + 32], dasd[PATH_MAX + 32];
	FILE *f;

	snprintf(path, sizeof path, "%s/build/guest/dasd191.3380", herc_root());
	snprintf(dasd, sizeof dasd, "%s/dasd191.3380", h->dir);
	if (herc_copy_file(path, dasd) != 0)
		return -1;

	snprintf(path, sizeof path, "%s/hercules.cnf", h->dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "# oracle suite: bare %s for %s\n"
		"ARCHMODE  %s\nMAINSIZE  %d\nXPNDSIZE  0\nNUMCPU    %d\n"
		"CPUSERIAL 000370\nCPUMODEL  3158\nOSTAILOR  QUIET\nPANRATE   FAST\n"
		"TZOFFSET  +0000\nCNSLPORT  127.0.0.1:%d\nHTTPPORT  %d NOAUTH\n"
		"HTTPROOT  /usr/share/hercules/\n0009      3215-C /\n0191      3380 %s\n",
		arch, h->name, arch, ORACLE_MAINSIZE_MB, numcpu, h->cnslport, h->httpport, dasd);
	/* The demo machine's timer interval, so bare and CP runs see the same
	 * Hercules (the benchmarks compare them). */
	if (herc_config_stmt("TIMERINT", path, sizeof path) == 0)
		fputs(path, f);
	if (fclose(f) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/hercules.rc", h->dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "ipl %s\n", ins);
	return fclose(f);
}

/* Start Hercules on h (dir, name, log set): 0 up, 1 port taken, -1 failed. */
static int launch(struct herc *h, const char *ins, const char *arch, int numcpu)
{
	static const char *const up[] = { "HHCHT006I", NULL }, *const busy[] = { "to become free", NULL };
	const char *hercules = getenv("HERCULES");
	char conf[PATH_MAX + 32], env[PATH_MAX + 48];
	double end = herc_now() + BOOT_TIMEOUT;
	int logfd, nullfd;

	h->cnslport = free_port();
	h->httpport = free_port();
	if (h->cnslport == h->httpport)
		return 1;
	if (h->cnslport < 0 || h->httpport < 0 || write_files(h, ins, arch, numcpu) != 0)
		return -1;
	snprintf(conf, sizeof conf, "%s/hercules.cnf", h->dir);
	snprintf(env, sizeof env, "HERCULES_RC=%s/hercules.rc", h->dir);
	const char *argv[] = { hercules && *hercules ? hercules : "hercules", "-f", conf, "-d", NULL };
	logfd = open(h->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	nullfd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	h->pid = logfd < 0 || nullfd < 0 ? -1 : herc_spawn(argv, h->dir, env, nullfd, logfd, logfd);
	if (logfd >= 0)
		close(logfd);
	if (nullfd >= 0)
		close(nullfd);
	if (h->pid < 0) {
		h->pid = 0;
		return -1;
	}
	while (herc_now() < end && !herc_signal) {
		if (herc_wait_line_from(h, 0, busy, 0, NULL, 0) == 0) {
			kill(-h->pid, SIGKILL);
			while (herc_running(h))
				herc_sleep(0.01);
			return 1;
		}
		if (herc_wait_line_from(h, 0, up, 0, NULL, 0) == 0)
			return 0;
		if (!herc_running(h))
			return -1;
		herc_sleep(0.01);
	}
	return -1;
}

/* A console command over HTTP; Hercules' HTTP server now and then drops a
 * request (seen about once in 300), so try again. Both commands used here
 * may run twice without harm. */
static int command(struct herc *h, const char *cmd)
{
	for (int i = 0; i < 3; i++) {
		if (herc_command(h, cmd) == 0)
			return 0;
		herc_sleep(0.1);
	}
	return -1;
}

/* Ask "psw": the line "PSW=xxxxxxxx xxxxxxxx" that Hercules logs. */
static int ask_psw(struct herc *h, uint32_t psw[2])
{
	static const char *const want[] = { "^PSW=", NULL };
	char line[256];
	unsigned w0, w1;
	long mark = herc_log_mark(h);

	if (command(h, "psw") != 0 ||
	    herc_wait_line_from(h, mark, want, CMD_TIMEOUT, line, sizeof line) != 0 ||
	    sscanf(line, "PSW=%8x %8x", &w0, &w1) != 2)
		return -1;
	psw[0] = w0;
	psw[1] = w1;
	return 0;
}

/* "r 1000.100": 16 lines "R:00001000:K:06=xxxxxxxx xxxxxxxx ... text". */
static int read_results(struct herc *h, uint8_t result[ORACLE_RESULT_LEN])
{
	long mark = herc_log_mark(h);

	if (command(h, "r 1000.100") != 0)
		return -1;
	for (unsigned off = 0; off < ORACLE_RESULT_LEN; off += 16) {
		char head[24], line[256], *eq;
		const char *want[] = { head, NULL };
		unsigned w[4];

		snprintf(head, sizeof head, "^R:%08X:", ORACLE_RESULT_ADDR + off);
		if (herc_wait_line_from(h, mark, want, CMD_TIMEOUT, line, sizeof line) != 0 ||
		    !(eq = strchr(line, '=')) ||
		    sscanf(eq + 1, "%8x %8x %8x %8x", &w[0], &w[1], &w[2], &w[3]) != 4)
			return -1;
		for (int i = 0; i < 4; i++)
			put32(result + off + 4 * i, w[i]);
	}
	return 0;
}

/* Why the run is not a normal end, from the wait PSW and the result area. */
static int judge(const uint32_t psw[2], const uint8_t *res, char *why, size_t whycap)
{
	static const char *const cls[] = { "?", "external", "SVC", "program", "machine-check", "I/O" };
	uint32_t c = oracle_get32(res + ORACLE_UNX_OFF + 8);

	if ((psw[0] & (PSW_SYSMASK | PSW_WAIT)) == PSW_WAIT && (psw[1] & PSW_ADDR) == ORACLE_WAIT_NORMAL)
		return 0;
	if ((psw[0] & PSW_WAIT) && (psw[1] & PSW_ADDR) == ORACLE_WAIT_DEAD)
		say(why, whycap, "unexpected %s interruption: old PSW %08X %08X, code word %08X",
		    cls[c < 6 ? c : 0], oracle_get32(res + ORACLE_UNX_OFF), oracle_get32(res + ORACLE_UNX_OFF + 4),
		    oracle_get32(res + ORACLE_UNX_OFF + 12));
	else
		say(why, whycap, "not in the normal wait: PSW %08X %08X", psw[0], psw[1]);
	return -1;
}

int oracle_run_bare(const char *name, uint8_t result[ORACLE_RESULT_LEN], char *why, size_t whycap)
{
	char ins[PATH_MAX];
	snprintf(ins, sizeof ins, "%s/build/guest/%s.ins", herc_root(), name);
	return oracle_run_bare_ins(name, ins, result, why, whycap);
}

int oracle_run_bare_ins(const char *name, const char *ins, uint8_t result[ORACLE_RESULT_LEN],
			char *why, size_t whycap)
{
	return oracle_run_bare_arch(name, ins, "S/370", result, why, whycap);
}

int oracle_run_bare_arch(const char *name, const char *ins, const char *arch,
			 uint8_t result[ORACLE_RESULT_LEN], char *why, size_t whycap)
{
	return oracle_run_bare_cpus(name, ins, arch, 1, result, why, whycap);
}

int oracle_run_bare_cpus(const char *name, const char *ins, const char *arch, int numcpu,
			 uint8_t result[ORACLE_RESULT_LEN], char *why, size_t whycap)
{
	static const char *const waited[] = { "HHCCP011I", NULL };
	struct herc h;
	const char *tmp = getenv("TMPDIR");
	uint32_t psw[2] = { 0, 0 };
	int r = -1;

	herc_init();
	memset(result, 0, ORACLE_RESULT_LEN);
	memset(&h, 0, sizeof h);
	snprintf(h.name, sizeof h.name, "oracle_%s", name);
	if (access(ins, R_OK) != 0) {
		say(why, whycap, "%s: %s (make guest)", ins, strerror(errno));
		return -1;
	}
	snprintf(h.dir, sizeof h.dir, "%s/cpcms-oracle-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
	if (!mkdtemp(h.dir)) {
		say(why, whycap, "temp dir: %s", strerror(errno));
		return -1;
	}
	if (snprintf(h.log, sizeof h.log, "%s/hercules.log", h.dir) >= (int)sizeof h.log) {
		say(why, whycap, "temp dir name too long");
		herc_rmtree(h.dir);
		return -1;
	}
	h.live = true;
	for (int i = 0; i < START_TRIES && (r = launch(&h, ins, arch, numcpu)) == 1; i++)
		;
	if (r != 0) {
		say(why, whycap, "hercules did not start");
		herc_stop(&h, true);
		return -1;
	}
	herc_wait_line_from(&h, 0, waited, RUN_TIMEOUT, NULL, 0);  /* else judge says */
	if (ask_psw(&h, psw) != 0 || read_results(&h, result) != 0) {
		say(why, whycap, "no answer to psw or r 1000.100");
		r = -1;
	} else {
		r = judge(psw, result, why, whycap);
	}
	herc_stop(&h, r != 0);
	return r;
}

/* ---- the CUnit suite ---- */

static char programs[MAX_PROGRAMS][NAME_MAX + 1];
static int nprograms;

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Every build/guest/NAME.bin, sorted (also for the CP side, oracle_cp.c). */
int oracle_find_programs(void)
{
	char dir[PATH_MAX];
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof dir, "%s/build/guest", herc_root());
	d = opendir(dir);
	nprograms = 0;
	while (d && (e = readdir(d)) && nprograms < MAX_PROGRAMS) {
		size_t n = strlen(e->d_name);
		if (n > 4 && n < sizeof programs[0] && strcmp(e->d_name + n - 4, ".bin") == 0) {
			memcpy(programs[nprograms], e->d_name, n - 4);
			programs[nprograms++][n - 4] = '\0';
		}
	}
	if (d)
		closedir(d);
	qsort(programs, (size_t)nprograms, sizeof programs[0], by_name);
	return nprograms;
}

const char *oracle_program(int i)
{
	return i >= 0 && i < nprograms ? programs[i] : NULL;
}

/* One test per program, all this function: the test's name is the program. */
static void test_program(void)
{
	const char *name = CU_get_current_test()->pName;
	uint8_t got[ORACLE_RESULT_LEN], want[ORACLE_RESULT_LEN];
	char path[PATH_MAX], why[256] = "";
	int ran, loaded;

	snprintf(path, sizeof path, "%s/tests/guest/%s.expect", herc_root(), name);
	ran = oracle_run_bare(name, got, why, sizeof why);
	if (ran != 0)
		fprintf(stderr, "\n    oracle %s: %s\n", name, why);
	CU_ASSERT_FATAL(ran == 0);
	loaded = oracle_load_expect(path, want, why, sizeof why);
	if (loaded != 0)
		fprintf(stderr, "\n    oracle %s: %s\n", name, why);
	CU_ASSERT_FATAL(loaded == 0);
	if (oracle_check(got, want, why, sizeof why) != 0) {
		fprintf(stderr, "\n    oracle %s: %s\n", name, why);
		CU_FAIL("result area differs from the .expect file");
	}
}

static void no_programs(void)
{
	CU_FAIL("no build/guest/*.bin: build them with make guest");
}

static void program_to_store(void)
{
	static const uint8_t img[] = { 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0xA, 0, 0, 0,
				       1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5,
				       6, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 9 };
	static const char want[] =
		"STORE 000004 00000400\n"
		"STORE 00000C 01020304 0A000000 01010101 02020202 03030303 04040404 05050505 06060606\n"
		"STORE 00002C 07070707 08080808 09000000\n";
	char out[256];

	CU_ASSERT(oracle_store_cmds(img, sizeof img, out, sizeof out) == strlen(want));
	CU_ASSERT_STRING_EQUAL(out, want);
	CU_ASSERT(oracle_store_cmds(img, sizeof img, out, 10) == strlen(want));
	CU_ASSERT(strlen(out) == 9);
}

/* Each test: a watchdog, as e2e_main.c gives its suites. */
static void setup(void)
{
	herc_clear_signal();
	alarm(TEST_TIMEOUT);
}

static void teardown(void)
{
	alarm(0);
	if (herc_signal)
		CU_FAIL("watchdog or signal during the test");
	herc_clear_signal();
}

void suite_oracle_bare(void)
{
	CU_pSuite s = CU_add_suite_with_setup_and_teardown("oracle_bare", NULL, NULL,
							   setup, teardown);

	if (!s)
		return;
	CU_add_test(s, "store_cmds", program_to_store);
	oracle_find_programs();
	if (nprograms == 0)
		CU_add_test(s, "no_programs", no_programs);
	for (int i = 0; i < nprograms; i++)
		CU_add_test(s, programs[i], test_program);
}
