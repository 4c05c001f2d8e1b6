/*
 * cpsess.c: driving a logged-on user's line-mode console (see cpsess.h).
 * Every action waits for the keyboard to unlock first: CP's write after an
 * Enter is what unlocks it, so a line typed sooner would be refused.
 */
#include "cpsess.h"
#include "herc.h"
#include "oracle.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNLOCK_WAIT "Wait(10,Unlock)"

int cps_line(struct s3270 *s, const char *line)
{
	if (s3270_do(s, UNLOCK_WAIT, NULL, 0, 15) != 0)
		return -1;
	if (s3270_type(s, line) != 0 || s3270_action(s, "Enter()") != 0)
		return -1;
	return s3270_do(s, UNLOCK_WAIT, NULL, 0, 15) == 0 ? 0 : -1;
}

int cps_logon(struct s3270 *s, int port, const char *user, const char *pw)
{
	char line[64];
	if (s3270_open(s, port) != 0 || s3270_wait_text(s, "ONLINE", 10) != 0)
		return -1;
	snprintf(line, sizeof line, "LOGON %s", user);
	if (cps_line(s, line) != 0 || s3270_wait_text(s, "ENTER PASSWORD", 10) != 0)
		return -1;
	if (cps_line(s, pw) != 0)
		return -1;
	return s3270_wait_text(s, "LOGON AT", 10);
}

/* Clear blanks the screen at once; CP's redraw brings the status area
 * back, with the system name, and unlocks the keyboard. A Clear pressed
 * while CP is writing can go unanswered (docs/console.md, "Known
 * races"): then a person presses it again, and so does this. */
/* Wait (up to 2 s) until two looks 100 ms apart see the same screen: CP
 * has finished writing, so a Clear now is not lost in the race above. */
static void quiet(struct s3270 *s)
{
	static char a[S3270_SCREEN], b[S3270_SCREEN];
	if (s3270_screen(s, a, sizeof a) != 0)
		return;
	for (int i = 0; i < 20; i++) {
		herc_sleep(0.1);
		if (s3270_screen(s, b, sizeof b) != 0 || strcmp(a, b) == 0)
			return;
		memcpy(a, b, sizeof a);
	}
}

static int clear(struct s3270 *s)
{
	quiet(s);
	for (int tries = 0; tries < 3; tries++) {
		/* A retry first resets the locked keyboard, as a person would. */
		if (tries && s3270_action(s, "Reset()") != 0)
			return -1;
		if (s3270_do(s, UNLOCK_WAIT, NULL, 0, 15) != 0 || s3270_action(s, "Clear()") != 0)
			return -1;
		if (s3270_wait_text(s, "CPCMS", 5) == 0 && s3270_do(s, "Wait(3,Unlock)", NULL, 0, 5) == 0)
			return 0;
	}
	return -1;
}

int cps_cmd_expect(struct s3270 *s, const char *line, const char *want, double timeout_s)
{
	if (clear(s) != 0 || cps_line(s, line) != 0)
		return -1;
	return cps_wait(s, want, timeout_s);
}

/* Wait for want; output held at MORE... is paged on with Clear. Between
 * looks at the screen, either look again within 0.2 s, or (idle) let
 * s3270 sleep in Wait(Output) until CP writes: for timed runs, where
 * everything shares one host core and each look (the harness, s3270 and
 * their wake-ups) is time taken from the guest being timed. A write
 * between a look and the Wait is caught by the Wait's own timeout, a
 * second later; that timeout is an error to s3270 and none here. */
static int wait_screen(struct s3270 *s, const char *want, double timeout_s, bool idle)
{
	char screen[S3270_SCREEN];
	double end = herc_now() + timeout_s;
	for (;;) {
		if (s3270_screen(s, screen, sizeof screen) != 0)
			return -1;
		if (strstr(screen, want))
			return 0;
		if (herc_signal || herc_now() >= end)
			return -1;
		if (strstr(screen, "MORE..."))
			clear(s);
		else if (idle)
			s3270_do(s, "Wait(1,Output)", NULL, 0, 5);
		else
			s3270_wait_text(s, want, 0.2);
	}
}

int cps_wait(struct s3270 *s, const char *want, double timeout_s)
{
	return wait_screen(s, want, timeout_s, false);
}

int cps_wait_idle(struct s3270 *s, const char *want, double timeout_s)
{
	return wait_screen(s, want, timeout_s, true);
}

int cps_load(struct s3270 *s, const uint8_t *bin, size_t len)
{
	size_t need = oracle_store_cmds(bin, len, NULL, 0) + 1;
	char *text = malloc(need);
	int rc = 0;
	if (!text)
		return -1;
	oracle_store_cmds(bin, len, text, need);
	for (char *line = strtok(text, "\n"); line && rc == 0; line = strtok(NULL, "\n"))
		rc = cps_line(s, line);
	free(text);
	/* Page through the echoed STOREs still held at MORE..., so what the
	 * program writes next starts on a screen of its own. */
	char screen[S3270_SCREEN];
	for (int pages = 0; rc == 0 && pages < 64; pages++) {
		if (s3270_screen(s, screen, sizeof screen) != 0)
			return -1;
		if (!strstr(screen, "MORE..."))
			break;
		rc = clear(s);
	}
	return rc;
}

/* The screen line that starts with label (DISPLAY's output), not one that
 * merely contains it (the echoed command line may). */
static const char *line_starting(const char *screen, const char *label)
{
	size_t n = strlen(label);
	for (const char *p = screen; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, label, n) == 0)
			return p;
	return NULL;
}

/* DISPLAY is harmless to repeat: a command lost to the Clear race
 * (docs/console.md) is typed again once. */
static int display_cmd(struct s3270 *s, const char *cmd, const char *want, char *screen)
{
	for (int tries = 0; tries < 2; tries++)
		if (cps_cmd_expect(s, cmd, want, 10) == 0 && s3270_screen(s, screen, S3270_SCREEN) == 0)
			return 0;
	return -1;
}

int cps_display(struct s3270 *s, uint32_t addr, size_t len, uint8_t *out)
{
	char screen[S3270_SCREEN], cmd[32], want[16];
	if (len == 0 || len % 16 || len > 16 * 20)
		return -1;
	snprintf(cmd, sizeof cmd, "DISPLAY %X.%zX", addr, len);
	snprintf(want, sizeof want, "%06X  ", addr + (uint32_t)len - 16);
	if (display_cmd(s, cmd, want, screen) != 0)
		return -1;
	for (size_t off = 0; off < len; off += 16) {
		char label[16];
		unsigned w[4];
		snprintf(label, sizeof label, "%06X  ", addr + (uint32_t)off);
		const char *p = line_starting(screen, label);
		if (!p || sscanf(p + strlen(label), "%8x %8x %8x %8x", &w[0], &w[1], &w[2], &w[3]) != 4)
			return -1;
		for (int i = 0; i < 4; i++)
			for (int b = 0; b < 4; b++)
				out[off + (size_t)i * 4 + (size_t)b] = (uint8_t)(w[i] >> (24 - 8 * b));
	}
	return 0;
}

int cps_display_word(struct s3270 *s, uint32_t addr, uint32_t *v)
{
	char cmd[32], want[16], screen[S3270_SCREEN];
	snprintf(cmd, sizeof cmd, "DISPLAY %X", addr);
	snprintf(want, sizeof want, "%06X  ", addr);
	if (display_cmd(s, cmd, want, screen) != 0)
		return -1;
	const char *p = line_starting(screen, want);
	return p && sscanf(p + strlen(want), "%8x", v) == 1 ? 0 : -1;
}

uint8_t *cps_guest(const char *name, size_t *len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/build/e2e-guest/%s.bin", herc_root(), name);
	return oracle_read_file(path, len);
}

int cps_load_checksum(struct s3270 *s, uint32_t count)
{
	size_t len;
	uint8_t *bin = cps_guest("checksum", &len);
	char line[64];
	int rc = -1;
	if (bin && cps_load(s, bin, len) == 0) {
		snprintf(line, sizeof line, "STORE %X %08X", CHECKSUM_COUNT_ADDR, count);
		rc = cps_line(s, line) || cps_line(s, "STORE PSW 00000000 00000400") ? -1 : 0;
	}
	free(bin);
	return rc;
}

int cps_start_checksum(struct s3270 *s, uint32_t count)
{
	return cps_load_checksum(s, count) == 0 && cps_line(s, "BEGIN") == 0 ? 0 : -1;
}

uint32_t cps_checksum_of(uint32_t count)
{
	uint64_t n = count;
	return (uint32_t)(n * (n + 1) / 2);
}
