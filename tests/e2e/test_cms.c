/*
 * test_cms.c: end-to-end tests of [CMS] as a user sees it: IPL CMS from
 * MAINT's 190 under the real CP, the banner and Ready, and commands going
 * to CP.
 */
#include "contract.h"
#include "cpsess.h"
#include "herc.h"
#include "s3270.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <string.h>

static struct herc H;
static struct s3270 T[2];

static void start_cp(void)
{
	HERC_START(&H, NULL);
	CU_ASSERT_FATAL(herc_wait_log(&H, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT) == 0);
}

/* Log on and IPL CMS; 0 when CMS says Ready. */
static int logon_cms(struct s3270 *s, const char *user)
{
	if (cps_logon(s, H.cnslport, user, user) != 0)
		return -1;
	return cps_cmd_expect(s, "IPL CMS", "R; T=", 20);
}

static void ipl_cms(void)
{
	start_cp();
	CU_ASSERT_FATAL(logon_cms(&T[0], "USER050") == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "CMS VERSION 0.1", 1) == 0);
	CU_ASSERT(s3270_wait_text(&T[0], "VM READ", 5) == 0);      /* waiting for a command */
	/* IPL 190 is the same system. */
	CU_ASSERT_FATAL(cps_logon(&T[1], H.cnslport, "USER051", "USER051") == 0);
	CU_ASSERT(cps_cmd_expect(&T[1], "IPL 190", "CMS VERSION 0.1", 20) == 0);
}

static void cp_commands(void)
{
	start_cp();
	CU_ASSERT_FATAL(logon_cms(&T[0], "USER052") == 0);
	/* CP command, and a command CMS does not know going to CP (IMPCP). */
	CU_ASSERT(cps_cmd_expect(&T[0], "CP QUERY TIME", "TIME IS", 10) == 0);
	CU_ASSERT(cps_wait(&T[0], "R; T=", 10) == 0);
	CU_ASSERT(cps_cmd_expect(&T[0], "query virtual", "DASD 190 3380 CPUSR0 R/O", 10) == 0);
	CU_ASSERT(cps_wait(&T[0], "R; T=", 10) == 0);
	/* Neither knows it: DMSINT003E and return code -3. */
	CU_ASSERT(cps_cmd_expect(&T[0], "FROBNICATE", "DMSINT003E UNKNOWN CP/CMS COMMAND", 10) == 0);
	CU_ASSERT(cps_wait(&T[0], "R(-0003); T=", 10) == 0);
	/* A CP error's return code is its message number. */
	CU_ASSERT(cps_cmd_expect(&T[0], "CP LINK NOBODY 191 291", "LNK105E", 10) == 0);
	CU_ASSERT(cps_wait(&T[0], "R(00105); T=", 10) == 0);
	/* #CP still reaches CP while CMS waits for a line. */
	CU_ASSERT(cps_cmd_expect(&T[0], "#CP QUERY TIME", "TIME IS", 10) == 0);
}

CU_TestInfo e2e_cms_tests[] = {
	{ "ipl_cms", ipl_cms },
	{ "cp_commands", cp_commands },
	CU_TEST_INFO_NULL,
};
