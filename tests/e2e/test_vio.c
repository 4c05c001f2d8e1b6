/*
 * test_vio.c: end-to-end tests of [Virtual I/O]: guests running channel
 * programs on their minidisks under the real CP, links and their modes.
 * The guest is tests/e2e/guest/dasd.S; its parameters are patched with
 * STORE and its results read back with DISPLAY.
 */
#include "contract.h"
#include "cpsess.h"
#include "herc.h"
#include "s3270.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

/* dasd.S's parameter and result words. */
#define D_DEVADDR  0x300
#define D_OPSEL    0x304
#define D_PATTERN  0x308
#define D_CYL      0x30C
#define D_RESULT   0x310
#define D_SIOCC    0x314
#define D_CSW      0x318
#define D_RCOUNT   0x320
#define D_SENSE    0x328
enum { OP_WRITE, OP_READ, OP_SEEK };

static struct herc H;
static struct s3270 T[3];

static void start_cp(void)
{
	HERC_START(&H, NULL);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
}

/* Load dasd.S, set its parameters, run it; 0 when it ended in the wait
 * PSW of operation op (or of a failure, when expect_fail). */
static int run_dasd(struct s3270 *s, uint16_t dev, int op, uint32_t pattern, uint32_t cyl,
		    bool expect_fail)
{
	size_t len;
	uint8_t *bin = cps_guest("dasd", &len);
	char line[80], want[64];
	int rc = -1;
	if (bin && cps_load(s, bin, len) == 0) {
		snprintf(line, sizeof line, "STORE %X %08X %08X %08X %08X", D_DEVADDR, dev, op, pattern, cyl);
		snprintf(want, sizeof want, "PSW '00020000 000000%02X'", expect_fail ? 0xAF : 0xA0 + op);
		if (cps_line(s, line) == 0 && cps_line(s, "STORE PSW 00000000 00000400") == 0
		    && cps_cmd_expect(s, "BEGIN", want, 20) == 0)
			rc = 0;
	}
	free(bin);
	uint8_t res[32];
	if (rc != 0 && cps_display(s, D_SIOCC - 4, 32, res) == 0) {
		fprintf(stderr, "\n    dasd.S:");
		for (int i = 0; i < 32; i++)
			fprintf(stderr, "%s%02X", i % 4 ? "" : " ", res[i]);
		fprintf(stderr, "\n");
	}
	return rc;
}

static uint32_t word(struct s3270 *s, uint32_t addr)
{
	uint32_t v = 0xDEADBEEF;
	CU_ASSERT(cps_display_word(s, addr, &v) == 0);
	return v;
}

/* A guest formats a record on its 191, reads it back, and finds it again
 * in a new session: the data went to the real volume. */
static void mdisk_persists(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER030", "USER030") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "DASD 191 3380 CPUSR0 R/W", 10) == 0);
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x191, OP_WRITE, 0x5A5A0000u, 0, false) == 0);
	CU_ASSERT_EQUAL(word(&T[0], D_RESULT), 1);
	CU_ASSERT_EQUAL(word(&T[0], D_SIOCC), 0);
	CU_ASSERT_EQUAL(word(&T[0], D_CSW + 4) >> 16, 0x0C00);      /* CE DE */
	CU_ASSERT(cps_cmd_expect(&T[0], "LOGOFF", "LOGOFF AT", 20) == 0);
	/* A new terminal: the old one is back at the logo. */
	CU_ASSERT_FATAL(cps_logon(&T[1], H.cnslport, "USER030", "USER030") == 0);
	CU_ASSERT_FATAL(run_dasd(&T[1], 0x191, OP_READ, 0, 0, false) == 0);
	CU_ASSERT_EQUAL(word(&T[1], D_RESULT), 0x5A5A0000u);
	/* The count field comes back in the guest's terms: cylinder 0, head
	 * 1, record 1, no key, 4096 bytes (the real cylinder is 30). */
	CU_ASSERT_EQUAL(word(&T[1], D_RCOUNT), 0x00000001u);
	CU_ASSERT_EQUAL(word(&T[1], D_RCOUNT + 4), 0x01001000u);
	/* Another user's 191 is another extent: nothing there yet. */
	CU_ASSERT_FATAL(cps_logon(&T[2], H.cnslport, "USER031", "USER031") == 0);
	CU_ASSERT_FATAL(run_dasd(&T[2], 0x191, OP_READ, 0, 0, false) == 0);
	CU_ASSERT_NOT_EQUAL(word(&T[2], D_RESULT), 0x5A5A0000u);
}

/* MAINT's 190 is linked RR by every user: a write is refused with the
 * unit check and file-protect sense a real 3380 gives. */
static void mdisk_readonly(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER032", "USER032") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "DASD 190 3380 CPUSR0 R/O", 10) == 0);
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x190, OP_WRITE, 1, 0, true) == 0);
	CU_ASSERT((word(&T[0], D_CSW + 4) >> 16) & 0x0200);            /* unit check */
	uint32_t sense = word(&T[0], D_SENSE);
	CU_ASSERT_EQUAL(sense >> 24, 0x80);                            /* command reject */
	CU_ASSERT_EQUAL((sense >> 16) & 0x04, 0x04);                   /* file protected */
}

/* A seek past the extent (USER033 has one cylinder) ends as a seek past
 * a real volume's end does: unit check, command reject. */
static void mdisk_seek_outside(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER033", "USER033") == 0);
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x191, OP_SEEK, 0, 0, false) == 0);
	CU_ASSERT_EQUAL(word(&T[0], D_CSW + 4) >> 16, 0x0C00);       /* cylinder 0: fine */
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x191, OP_SEEK, 0, 1, false) == 0);
	CU_ASSERT((word(&T[0], D_CSW + 4) >> 16) & 0x0200);
	CU_ASSERT_EQUAL(word(&T[0], D_SENSE) >> 24, 0x80);
	/* And the real volume was not touched: the guest's own cylinder still reads. */
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x191, OP_SEEK, 0, 0, false) == 0);
	CU_ASSERT_EQUAL(word(&T[0], D_CSW + 4) >> 16, 0x0C00);
}

/* LINK and DETACH, passwords and modes, QUERY VIRTUAL. */
static void link_modes(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER034", "USER034") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "LINK USER035 191 291 RR", "NO READ PASSWORD", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "LINK MAINT 190 291 W", "NO WRITE PASSWORD", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "LINK NOBODY 191 291", "NOBODY NOT IN CP DIRECTORY", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "LINK MAINT 199 291", "NOT LINKED; NOT IN CP DIRECTORY", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "LINK MAINT 190 191", "VIRTUAL ADDRESS 191 IN USE", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "LINK MAINT 190 291 XX", "MODE XX INVALID", 10) == 0);
	CU_ASSERT(cps_line(&T[0], "LINK TO MAINT 190 AS 291 RR") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "DASD 291 3380 CPUSR0 R/O", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "DETACH 291", "DASD 291 DETACHED", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "DETACH 291", "DEV 291 DOES NOT EXIST", 10) == 0);
	/* MAINT gets its 190 R/W (MR: only readers hold it); then a link in
	 * mode R is refused and one in RR is not. */
	CU_ASSERT_FATAL(cps_logon(&T[1], H.cnslport, "MAINT", "MAINT") == 0);
	CU_ASSERT(cps_cmd_expect(&T[1], "QUERY VIRTUAL", "DASD 190 3380 CPUSR0 R/W", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "LINK MAINT 190 291 R", "NOT LINKED; R/W BY MAINT", 10) == 0);
	CU_ASSERT(cps_line(&T[0], "LINK MAINT 190 291 RR") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "DASD 291 3380 CPUSR0 R/O", 10) == 0);
	/* A second user logging on finds MAINT's 190 held R/W: still R/O, as linked RR. */
	CU_ASSERT_FATAL(cps_logon(&T[2], H.cnslport, "USER036", "USER036") == 0);
	CU_ASSERT(cps_cmd_expect(&T[2], "QUERY VIRTUAL", "DASD 190 3380 CPUSR0 R/O", 10) == 0);
}

/* The DIAGNOSE codes a CMS uses for its I/O, from tests/e2e/guest/diag.S. */
static void diagnose_io(void)
{
	size_t len;
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER037", "USER037") == 0);
	uint8_t *bin = cps_guest("diag", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[0], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000400") == 0);
	CU_ASSERT_FATAL(cps_cmd_expect(&T[0], "BEGIN", "PSW '00020000 0000D1A6'", 20) == 0);
	if (s3270_wait_text(&T[0], "DIAG 20 SAYS HI", 1) != 0) {
		char screen[4096];
		CU_FAIL("no DIAG 20 SAYS HI");
		if (s3270_screen(&T[0], screen, sizeof screen) == 0)
			fprintf(stderr, "\n%s\n", screen);
	}
	uint8_t res[64];
	if (CU_get_number_of_failures() && cps_display(&T[0], 0x300, sizeof res, res) == 0) {
		fprintf(stderr, "\n    diag.S results:");
		for (size_t i = 0; i < sizeof res; i++)
			fprintf(stderr, "%s%02X", i % 4 ? "" : " ", res[i]);
		fprintf(stderr, "\n");
	}
	/* X'24': a read-write 3380 minidisk of one cylinder; no device at 999. */
	CU_ASSERT_EQUAL(word(&T[0], 0x300), 0x33800100u);
	CU_ASSERT_EQUAL(word(&T[0], 0x304), 1);
	CU_ASSERT_EQUAL(word(&T[0], 0x308), 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x30C), 3);
	/* X'08': QUERY VIRTUAL's lines in the buffer, EBCDIC, X'15' after each. */
	uint32_t qlen = word(&T[0], 0x314);
	CU_ASSERT_EQUAL(word(&T[0], 0x310), 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x318), 0);
	CU_ASSERT(qlen > 40 && qlen <= 512);
	uint8_t resp[320];
	char text[321];
	CU_ASSERT_FATAL(cps_display(&T[0], 0x1000, sizeof resp, resp) == 0);
	for (size_t i = 0; i < sizeof resp; i++) {
		static const char e2a[] = "                                                                "
			"           .<(+|&         !$*);^-/         ,%_>?         `:#@'=\""
			" abcdefghi       jklmnopqr       ~stuvwxyz                      "
			"{ABCDEFGHI      }JKLMNOPQR      \\ STUVWXYZ      0123456789      ";
		text[i] = resp[i] == 0x15 ? '\n' : e2a[resp[i]];
	}
	text[sizeof resp] = '\0';
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "DASD 191 3380 CPUSR0 R/W"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "STORAGE = "));
	/* ... the return code of an unknown command is its message number ... */
	CU_ASSERT_EQUAL(word(&T[0], 0x31C), 1);
	/* ... and a response too long for its buffer: cc 1 and the bytes left out. */
	CU_ASSERT_EQUAL(word(&T[0], 0x338), 1);
	CU_ASSERT_EQUAL(word(&T[0], 0x33C), qlen - 10);
	/* X'18': the record went to the disk and came back; cc 0, CE DE. */
	CU_ASSERT_EQUAL(word(&T[0], 0x320), 1);
	CU_ASSERT_EQUAL(word(&T[0], 0x328), 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x324) >> 16, 0x0C00);
	/* ... and past the extent, cc 1 with the unit check in Ry. */
	CU_ASSERT_EQUAL(word(&T[0], 0x32C), 1);
	CU_ASSERT((word(&T[0], 0x330) >> 24) & 0x02);
	/* X'20' on the console: cc 0. */
	CU_ASSERT_EQUAL(word(&T[0], 0x334), 0);
	/* X'10': the released page came back as zeros. */
	CU_ASSERT_EQUAL(word(&T[0], 0x340), 0);
	/* The printer took a line; the empty reader says intervention required. */
	CU_ASSERT_EQUAL(word(&T[0], 0x344), 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x348), 1);
	CU_ASSERT_EQUAL(word(&T[0], 0x34C) >> 16, 0x0E00);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "PRT  00E 1403 CL A NOHOLD 1 RECORDS", 10) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "RDR  00C 2540 CL * NOHOLD 0 RECORDS", 1) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "PUN  00D 2540 CL A NOHOLD 0 RECORDS", 1) == 0);
}

/* IPL from a minidisk: a guest writes an IPL record and a program on its
 * 191; IPL 191 CLEAR loads and runs that program. */
static void ipl_minidisk(void)
{
	size_t len;
	uint32_t v = 0;
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER040", "USER040") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "IPL 191", "DEV 191 HAS NO IPL RECORD", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "IPL 999", "DEV 999 DOES NOT EXIST", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "IPL 009", "DEV 009 CANNOT BE IPLED", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "IPL FROB", "SYSTEM FROB DOES NOT EXIST", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "IPL 191 NOW", "INVALID OPTION - NOW", 10) == 0);
	uint8_t *bin = cps_guest("mkboot", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[0], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000400") == 0);
	CU_ASSERT_FATAL(cps_cmd_expect(&T[0], "BEGIN", "PSW '00020000 0000B00F'", 20) == 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x31C) >> 16, 0x0C00);
	CU_ASSERT(cps_cmd_expect(&T[0], "IPL 191 CLEAR", "BOOTED FROM DISK", 20) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "PSW '00020000 0000B007'", 10) == 0);
	/* The IPL device's address at 2-3; storage cleared around the program. */
	CU_ASSERT(cps_display_word(&T[0], 0, &v) == 0 && v == 0x00000191u);
	CU_ASSERT(cps_display_word(&T[0], 0x800, &v) == 0 && v == 0);
}

/* DEFINE T3380: a temporary disk to write on, erased before the next
 * user gets its cylinders. */
static void temp_disk(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER042", "USER042") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "DEFINE T3380 AS 1F0 CYL 99", "CYLINDERS MISSING OR INVALID", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "DEFINE T3380 AS 191 CYL 1", "DEV 191 ALREADY DEFINED", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "DEFINE T3380 AS 1F0 CYL 2", "DASD 1F0 DEFINED", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "DASD 1F0 3380 (TEMP) R/W     2 CYL", 10) == 0);
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x1F0, OP_WRITE, 0x7E3D0000u, 1, false) == 0);
	CU_ASSERT_EQUAL(word(&T[0], D_RESULT), 1);
	/* Cylinder 2 is past this 2-cylinder disk. */
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x1F0, OP_SEEK, 0, 2, false) == 0);
	CU_ASSERT((word(&T[0], D_CSW + 4) >> 16) & 0x0200);
	CU_ASSERT(cps_cmd_expect(&T[0], "DETACH 1F0", "DASD 1F0 DETACHED", 10) == 0);
	/* The next user gets the same cylinders, erased. */
	CU_ASSERT_FATAL(cps_logon(&T[1], H.cnslport, "USER043", "USER043") == 0);
	CU_ASSERT(cps_cmd_expect(&T[1], "DEF T3380 2A0 2", "DASD 2A0 DEFINED", 10) == 0);
	CU_ASSERT_FATAL(run_dasd(&T[1], 0x2A0, OP_READ, 0, 1, false) == 0);
	CU_ASSERT_NOT_EQUAL(word(&T[1], D_RESULT), 0x7E3D0000u);
	CU_ASSERT_EQUAL((word(&T[1], D_SENSE) >> 16) & 0xFF, 0x08);  /* no record found */
}

/* Run ctc.S on s as side op of the adapter at 500; do not wait. */
static int ctc_side(struct s3270 *s, int op)
{
	size_t len;
	uint8_t *bin = cps_guest("ctc", &len);
	char line[64];
	int rc = -1;
	if (bin && cps_load(s, bin, len) == 0) {
		snprintf(line, sizeof line, "STORE 300 00000500 %08X", op);
		rc = cps_line(s, line) || cps_line(s, "STORE PSW 00000000 00000400")
		     || cps_line(s, "BEGIN") ? -1 : 0;
	}
	free(bin);
	return rc;
}

/* Two users' coupled adapters carry 80 bytes, both ways round: the
 * reader first, then the writer first (the reader hears an attention). */
static void ctca_couple(void)
{
	uint8_t data[96];
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER044", "USER044") == 0);
	CU_ASSERT_FATAL(cps_logon(&T[1], H.cnslport, "USER045", "USER045") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "DEFINE CTCA AS 500", "CTCA 500 DEFINED", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[1], "DEFINE CTCA 500", "CTCA 500 DEFINED", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "COUPLE 500 TO USER045 501", "USER045 DEV 501 IS NOT A CTCA", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "COUPLE 500 TO NOBODY 500", "NOBODY NOT LOGGED ON", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "COUPLE 500 USER045 500", "CTCA 500 COUPLED TO USER045 500", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[1], "QUERY VIRTUAL", "CTCA 500 ON CTCA 500 USER044", 10) == 0);
	/* Reader first. */
	CU_ASSERT_FATAL(ctc_side(&T[1], 2) == 0);
	CU_ASSERT_FATAL(ctc_side(&T[0], 0) == 0);
	CU_ASSERT(cps_wait(&T[0], "PSW '00020000 0000C7C0'", 20) == 0);
	CU_ASSERT(cps_wait(&T[1], "PSW '00020000 0000C7C2'", 20) == 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x30C), 0x0C400000u);     /* CE DE, IL, residual 0 */
	CU_ASSERT_EQUAL(word(&T[1], 0x30C), 0x0C400014u);     /* CE DE, IL, 20 left */
	CU_ASSERT(cps_display(&T[1], 0x1000, 96, data) == 0);
	CU_ASSERT(memcmp(data, "THE QUICK BROWN FOX", 19) == 0);
	CU_ASSERT(memcmp(data + 55, "ABCDEFGHIJKLMNOPQRSTUVWX", 24) == 0);
	CU_ASSERT(data[80] == 0 && data[95] == 0);                   /* 80 bytes, no more */
	/* Writer first: the reader is told by an attention and asks which
	 * command waits (X'01', a write). */
	CU_ASSERT_FATAL(ctc_side(&T[1], 1) == 0);
	CU_ASSERT_FATAL(ctc_side(&T[0], 0) == 0);
	CU_ASSERT(cps_wait(&T[0], "PSW '00020000 0000C7C0'", 20) == 0);
	CU_ASSERT(cps_wait(&T[1], "PSW '00020000 0000C7C1'", 20) == 0);
	CU_ASSERT_EQUAL(word(&T[1], 0x314) >> 24, 0x80);       /* attention */
	CU_ASSERT_EQUAL(word(&T[1], 0x318) >> 24, 0x01);       /* SENSE COMMAND BYTE: write */
	CU_ASSERT_EQUAL(word(&T[1], 0x30C), 0x0C400014u);
	/* Uncoupled by DETACH: the other side's read ends in unit check. */
	CU_ASSERT(cps_cmd_expect(&T[0], "DETACH 500", "CTCA 500 DETACHED", 10) == 0);
	CU_ASSERT_FATAL(ctc_side(&T[1], 2) == 0);
	CU_ASSERT(cps_wait(&T[1], "PSW '00020000 0000C7C2'", 20) == 0);
	CU_ASSERT_EQUAL(word(&T[1], 0x30C) >> 16, 0x0E00);
}

/* The directory dedicates the work volume CPWRK0 to USER127 as 2A0: the
 * whole volume, addressed by its real cylinders. */
static void dedicated_volume(void)
{
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER127", "USER127") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "DASD 2A0 ON DASD 0A83 CPWRK0", 10) == 0);
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x2A0, OP_WRITE, 0x0DED0000u, 19, false) == 0);
	CU_ASSERT_EQUAL(word(&T[0], D_RESULT), 1);
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x2A0, OP_READ, 0, 19, false) == 0);
	CU_ASSERT_EQUAL(word(&T[0], D_RESULT), 0x0DED0000u);
	CU_ASSERT_EQUAL(word(&T[0], D_RCOUNT), 0x00130001u);         /* real cylinder 19 */
	/* Past the volume's 20 cylinders. */
	CU_ASSERT_FATAL(run_dasd(&T[0], 0x2A0, OP_SEEK, 0, 20, false) == 0);
	CU_ASSERT((word(&T[0], D_CSW + 4) >> 16) & 0x0200);
	/* Given back at DETACH. */
	CU_ASSERT(cps_cmd_expect(&T[0], "DETACH 2A0", "DASD 2A0 DETACHED", 10) == 0);
}

/* The directory dedicates the real 1403 at 000E to USER126 as 00F: the
 * guest's lines come out in Hercules' printer file. */
static void dedicated_printer(void)
{
	size_t len;
	char path[PATH_MAX + 32], text[512] = "";
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER126", "USER126") == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "QUERY VIRTUAL", "PRT 00F ON PRT 000E 1403", 10) == 0);
	uint8_t *bin = cps_guest("print", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[0], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000400") == 0);
	CU_ASSERT_FATAL(cps_cmd_expect(&T[0], "BEGIN", "PSW '00020000 0000F00F'", 20) == 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x31C), 0x0C000000u);
	snprintf(path, sizeof path, "%s/printer.txt", H.dir);
	for (int tries = 0; tries < 50 && !strstr(text, "LINE TWO"); tries++) {
		FILE *f = fopen(path, "r");
		size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
		text[n] = '\0';
		if (f)
			fclose(f);
		herc_sleep(0.1);
	}
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "DEDICATED PRINTER"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "LINE TWO"));
}

/* A PCI on a minidisk chain reaches the guest: as an interruption of its
 * own while the chain runs, or, if the chain ended first, in the final
 * CSW (GA22-7000 allows both). */
static void pci_minidisk(void)
{
	size_t len;
	uint8_t csws[32];
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER046", "USER046") == 0);
	uint8_t *bin = cps_guest("pci", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[0], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000400") == 0);
	CU_ASSERT_FATAL(cps_cmd_expect(&T[0], "BEGIN", "PSW '00020000 00000C11'", 20) == 0);
	uint32_t n = word(&T[0], 0x318);
	CU_ASSERT(n >= 1 && n <= 4);
	CU_ASSERT_FATAL(cps_display(&T[0], 0x320, sizeof csws, csws) == 0);
	bool pci = false;
	for (uint32_t i = 0; i < n && i < 4; i++) {
		const uint8_t *c = csws + 8 * i;
		pci |= (c[5] & 0x80) != 0;
		if (i + 1 < n)                  /* an intermediate one: no device end */
			CU_ASSERT_EQUAL(c[4] & 0x04, 0);
	}
	const uint8_t *last = csws + 8 * (n - 1 < 4 ? n - 1 : 3);
	CU_ASSERT_EQUAL(last[4], 0x0C);                 /* the end: CE DE */
	CU_ASSERT_EQUAL(last[6] << 8 | last[7], 0);     /* all read */
	CU_ASSERT(pci);
	fprintf(stderr, "[%u interruption%s]", n, n == 1 ? "" : "s");
}

/* DIAGNOSE X'58' puts whole rows on the output area. */
static void diagnose_58(void)
{
	size_t len;
	char screen[S3270_SCREEN];
	start_cp();
	CU_ASSERT_FATAL(cps_logon(&T[0], H.cnslport, "USER047", "USER047") == 0);
	uint8_t *bin = cps_guest("diag58", &len);
	CU_ASSERT_FATAL(bin != NULL);
	CU_ASSERT_FATAL(cps_load(&T[0], bin, len) == 0);
	free(bin);
	CU_ASSERT_FATAL(cps_line(&T[0], "STORE PSW 00000000 00000400") == 0);
	CU_ASSERT_FATAL(cps_cmd_expect(&T[0], "BEGIN", "PSW '00020000 00005858'", 20) == 0);
	CU_ASSERT_FATAL(s3270_screen(&T[0], screen, sizeof screen) == 0);
	/* Row 5 (0-based) and row 7 of the screen, each a line of the dump. */
	const char *row = screen;
	for (int r = 0; r < 5 && row; r++)
		row = strchr(row, '\n') ? strchr(row, '\n') + 1 : NULL;
	CU_ASSERT(row && strncmp(row, "SIXTH ROW ", 10) == 0);
	for (int r = 5; r < 7 && row; r++)
		row = strchr(row, '\n') ? strchr(row, '\n') + 1 : NULL;
	CU_ASSERT(row && strncmp(row, "EIGHTH ROW", 10) == 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x300), 0);
	CU_ASSERT_EQUAL(word(&T[0], 0x304), 1);
	CU_ASSERT_EQUAL(word(&T[0], 0x308), 3);
}

CU_TestInfo e2e_vio_tests[] = {
	{ "diagnose_58", diagnose_58 },
	{ "pci_minidisk", pci_minidisk },
	{ "dedicated_printer", dedicated_printer },
	{ "dedicated_volume", dedicated_volume },
	{ "ctca_couple", ctca_couple },
	{ "temp_disk", temp_disk },
	{ "ipl_minidisk", ipl_minidisk },
	{ "diagnose_io", diagnose_io },
	{ "mdisk_persists", mdisk_persists },
	{ "mdisk_readonly", mdisk_readonly },
	{ "mdisk_seek_outside", mdisk_seek_outside },
	{ "link_modes", link_modes },
	CU_TEST_INFO_NULL,
};
