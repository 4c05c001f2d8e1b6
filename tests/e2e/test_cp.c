/*
 * test_cp.c: end-to-end tests of [CP core] as a user sees it: LOGON and
 * LOGOFF, CP commands, guests that compute, and guests that misbehave.
 */
#include "contract.h"
#include "cpsess.h"
#include "herc.h"
#include "s3270.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NUSERS      16

static struct herc H;
static struct s3270 T[NUSERS + 1];

static void start_cp(void)
{
	HERC_START(&H, NULL);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
}

static void user_pw(int n, char *user, size_t cap)
{
	snprintf(user, cap, "USER%03d", n);
}

static void logon_good(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER001", "USER001") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "CP READ", 5) == 0);
	CU_ASSERT(herc_wait_log(&H, "LOG001I USER001 LOGON AT", 5) == 0);
}

static void logon_bad_password(void)
{
	start_cp();
	CU_ASSERT_FATAL(s3270_open(&T[0], H.cnslport) == 0);
	CU_ASSERT_FATAL(s3270_wait_text(&T[0], "ONLINE", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "LOGON USER001") == 0);
	CU_ASSERT_FATAL(s3270_wait_text(&T[0], "ENTER PASSWORD", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "NOTRIGHT") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "PASSWORD INCORRECT", 10) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "ONLINE", 1) == 0);          /* back at the logo */
	CU_ASSERT(herc_wait_log(&H, "LOG001I", 0.5) != 0);             /* no session */
}

static void logon_unknown_user(void)
{
	start_cp();
	CU_ASSERT_FATAL(s3270_open(&T[0], H.cnslport) == 0);
	CU_ASSERT_FATAL(s3270_wait_text(&T[0], "ONLINE", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "LOGON NOBODY") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "NOBODY NOT IN CP DIRECTORY", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "L") == 0);                   /* LOGON's abbreviation */
	CU_ASSERT(s3270_wait_text(&T[0], "USERID MISSING", 10) == 0);
}

static void logon_twice(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER002", "USER002") == 0);
	CU_ASSERT_FATAL(s3270_open(&T[1], H.cnslport) == 0);
	CU_ASSERT_FATAL(s3270_wait_text(&T[1], "ONLINE", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[1], "LOGIN USER002") == 0);
	CU_ASSERT_FATAL(s3270_wait_text(&T[1], "ENTER PASSWORD", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[1], "user002") == 0);              /* any case */
	CU_ASSERT(s3270_wait_text(&T[1], "ALREADY LOGGED ON", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY NAMES", "USER002", 10) == 0);  /* first one unharmed */
}

static void logoff_times(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER003", "USER003") == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "LOGOFF") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "LOGOFF AT", 10) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "CONNECT=", 1) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "VIRTCPU=", 1) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "TOTCPU=", 1) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "ONLINE", 1) == 0);
	CU_ASSERT(herc_wait_log(&H, "LOG002I USER003 LOGOFF AT", 5) == 0);
	/* The user can log on again at once. */
	CU_ASSERT_FATAL(cps_line(&T[0], "LOGON USER003") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "ENTER PASSWORD", 10) == 0);
}

static void display_store(void)
{
	uint32_t v = 0;
	char screen[S3270_SCREEN];
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER004", "USER004") == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE 1000 CAFEBABE 12345678") == 0);
	CU_ASSERT(cps_display_word(&T[0], 0x1000, &v) == 0 && v == 0xCAFEBABEu);
	CU_ASSERT(cps_display_word(&T[0], 0x1004, &v) == 0 && v == 0x12345678u);
	CU_ASSERT(cps_cmd_expect(&T[0], "D T1000.8", "*", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "ST G7 ABC") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "D G4-7", "GPR  4 = 00000000 00000000 00000000 00000ABC", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000ABC") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY PSW", "PSW = 00000000 00000ABC", 10) == 0);
	/* Bad operands change nothing. */
	CU_ASSERT(cps_cmd_expect(&T[0], "STORE 1000 NOTHEX", "INVALID OPTION - NOTHEX", 10) == 0);
	CU_ASSERT(cps_display_word(&T[0], 0x1000, &v) == 0 && v == 0xCAFEBABEu);
	CU_ASSERT(cps_cmd_expect(&T[0], "DISPLAY 200000", "EXCEEDS STORAGE", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "STORE PSW 08080000 00000000", "NOT A VALID PSW", 10) == 0);
	/* The largest machine the directory allows, and back: storage and
	 * keys for 16M, then 1M again; the old contents are gone. */
	CU_ASSERT(cps_cmd_expect(&T[0], "DEFINE STORAGE 16M", "STORAGE = 16384K", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE FFFFFC 5A5A5A5A") == 0);
	CU_ASSERT(cps_display_word(&T[0], 0xFFFFFC, &v) == 0 && v == 0x5A5A5A5Au);
	CU_ASSERT(cps_cmd_expect(&T[0], "DEFINE STORAGE 17M", "SIZE MUST BE", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "DEF STOR 1M", "STORAGE = 01024K", 10) == 0);
	CU_ASSERT(cps_display_word(&T[0], 0x1000, &v) == 0 && v == 0);
	CU_ASSERT(s3270_screen(&T[0], screen, sizeof screen) == 0);
}

static void unknown_command(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER005", "USER005") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "FROBNICATE", "UNKNOWN CP COMMAND: FROBNICATE", 10) == 0);
	/* SHUTDOWN is class A: unknown to a class G user, and nothing happens. */
	CU_ASSERT(cps_cmd_expect(&T[0], "SHUTDOWN", "UNKNOWN CP COMMAND: SHUTDOWN", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY TIME", "TIME IS", 10) == 0);
}

static void cpu_bound_16(void)
{
	char user[16];
	start_cp();
	for (int i = 0; i < NUSERS; i++) {
		user_pw(10 + i, user, sizeof user);
		CU_ASSERT_FATAL(cps_logon(&T[i], H.cnslport, user, user) == 0);
		CU_ASSERT_FATAL(cps_start_checksum(&T[i], 50000000u + (uint32_t)i * 1000003u) == 0);
	}
	for (int i = 0; i < NUSERS; i++) {
		uint32_t v = 0;
		CU_ASSERT(s3270_wait_text(&T[i], CHECKSUM_DONE, 120) == 0);
		CU_ASSERT(cps_display_word(&T[i], CHECKSUM_RESULT_ADDR, &v) == 0);
		CU_ASSERT_EQUAL(v, cps_checksum_of(50000000u + (uint32_t)i * 1000003u));
	}
}

static void isolation(void)
{
	size_t len;
	uint8_t *bin;
	uint32_t v = 0;
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER020", "USER020") == 0);
	CU_ASSERT_FATAL(cps_logon(&T[1], H.cnslport, "USER021", "USER021") == 0);
	/* The victim starts a long sum; then the vandal is let loose. */
	CU_ASSERT_FATAL(cps_start_checksum(&T[0], 300000000u) == 0);
	bin = cps_guest("scribble", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[1], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[1], "STORE PSW 00000000 00000400") == 0);
	CU_ASSERT_FATAL(cps_line(&T[1], "BEGIN") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], CHECKSUM_DONE, 120) == 0);
	CU_ASSERT(cps_display_word(&T[0], CHECKSUM_RESULT_ADDR, &v) == 0);
	CU_ASSERT_EQUAL(v, cps_checksum_of(300000000u));
	/* The victim's program is intact, and CP and the operator still answer. */
	uint8_t code[32];
	uint8_t *ck = cps_guest("checksum", &len);
	CU_ASSERT_FATAL(ck != NULL && len >= 0x400 + sizeof code);
	CU_ASSERT(cps_display(&T[0], 0x400, sizeof code, code) == 0 && memcmp(code, ck + 0x400, sizeof code) == 0);
	free(ck);
	CU_ASSERT(herc_operator_expect(&H, "/QUERY TIME", "TIME IS", 10) == 0);
	/* The vandal can still be stopped and logged off. */
	CU_ASSERT_FATAL(s3270_action(&T[1], "PA(1)") == 0);
	CU_ASSERT(cps_cmd_expect(&T[1], "LOGOFF", "LOGOFF AT", 20) == 0);
}

/* CPU seconds Hercules (its whole process) has used so far. */
static double herc_cpu(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *p = strrchr(buf, ')');
	unsigned long ut = 0, st = 0;
	/* fields after the command: state ppid pgrp session tty tpgid flags
	 * minflt cminflt majflt cmajflt utime stime */
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* A machine in an enabled wait for its CPU timer is woken by it, and costs
 * no real CPU while it waits (the CPU is in a real wait until the clock
 * comparator CP set for that timer). */
static void enabled_wait(void)
{
	size_t len;
	uint32_t v = 0;
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER022", "USER022") == 0);
	uint8_t *bin = cps_guest("timerwait", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[0], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000400") == 0);
	double cpu0 = herc_cpu(H.pid), t0 = herc_now();
	CU_ASSERT_FATAL(cps_line(&T[0], "BEGIN") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "PSW '00020000 00000124'", 10) == 0);
	double waited = herc_now() - t0, cpu = herc_cpu(H.pid) - cpu0;
	CU_ASSERT(waited >= 0.45);                     /* the timer's half second */
	CU_ASSERT(cpu >= 0 && cpu < 0.5 * waited);     /* a spinning CPU would use it all */
	fprintf(stderr, "[waited %.2f s, Hercules used %.2f s CPU]", waited, cpu);
	CU_ASSERT(cps_display_word(&T[0], 0x500, &v) == 0);
	fprintf(stderr, "[old PSW %08X]", v);
	CU_ASSERT((v & 0xFFFF) == 0x1005);
}

/* The virtual console: a guest writes with SIO, reads the user's line
 * (status VM READ meanwhile) and writes it back; each I/O ends with an
 * I/O interruption reflected through the guest's low storage. */
static void console_echo(void)
{
	size_t len;
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER023", "USER023") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "CONS 009 3215 ON TERMINAL", 10) == 0);
	uint8_t *bin = cps_guest("echo", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[0], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000400") == 0);
	CU_ASSERT_FATAL(cps_cmd_expect(&T[0], "BEGIN", "HELLO FROM THE GUEST", 10) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "VM READ", 10) == 0);
	CU_ASSERT_FATAL(cps_line(&T[0], "hello there") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "ECHO: hello there", 10) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "PSW '00020000 00000125'", 10) == 0);
}

CU_TestInfo e2e_cp_tests[] = {
	{ "logon_good", logon_good },
	{ "logon_bad_password", logon_bad_password },
	{ "logon_unknown_user", logon_unknown_user },
	{ "logon_twice", logon_twice },
	{ "logoff_times", logoff_times },
	{ "display_store", display_store },
	{ "unknown_command", unknown_command },
	{ "cpu_bound_16", cpu_bound_16 },
	{ "isolation", isolation },
	{ "enabled_wait", enabled_wait },
	{ "console_echo", console_echo },
	CU_TEST_INFO_NULL,
};
