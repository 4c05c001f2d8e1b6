/* test_dirparse.c: dasd/dirparse.c: directory source statements, one row per
 * fault the parser reports, a complete user read back field by field, the
 * limits, and the shipped hercules-configs/user.direct. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "../../dasd/dirfmt.h"
#include "../../dasd/dirparse.h"

void suite_dirparse(void);

#define MAX_ERRS 16

static struct dir_user   users[DIR_MAX_USERS];
static struct dirp_error errs[MAX_ERRS];
static struct dirp       parser;

static size_t parse(const char *text, size_t cap)
{
    dirp_init(&parser, users, cap, errs, MAX_ERRS);
    return dirp_parse(&parser, text, strlen(text));
}

/* Does any stored error sit on line with stmt and contain frag? */
static bool has_error(uint32_t line, const char *stmt, const char *frag)
{
    for (size_t i = 0; i < parser.dp_nerrs && i < MAX_ERRS; i++)
        if (errs[i].de_line == line && strcmp(errs[i].de_stmt, stmt) == 0
            && strstr(errs[i].de_msg, frag) != NULL)
            return true;
    return false;
}

static void dump_errors(const char *what)
{
    for (size_t i = 0; i < parser.dp_nerrs && i < MAX_ERRS; i++)
        fprintf(stderr, "  [%s] %u: %s: %s\n", what, errs[i].de_line,
                errs[i].de_stmt, errs[i].de_msg);
}

/* ---- one row per fault ---- */

#define U  "USER A PW 1M 16M G\n"
#define U2 "USER B PW 1M 16M G\n"

static const struct err_row {
    const char *what, *src;
    size_t      nerrs;
    uint32_t    line;
    const char *stmt, *frag;
} err_rows[] = {
    { "unknown statement", U "FOO 1\n", 1, 2, "FOO", "unknown statement" },
    { "before USER", "CONSOLE 009 3215\n" U, 1, 1, "CONSOLE", "before the first USER" },
    { "missing operands", U "MDISK 191 3380 1 1 VOL001\n", 1, 2, "MDISK", "missing operands" },
    { "extra operands", U "LINK A 191 192 RR X\n", 1, 2, "LINK", "too many operands" },
    { "USER missing sizes", "USER A PW\n", 1, 1, "USER", "missing operands" },
    { "USER missing all", "USER A\nCONSOLE 009 3215\n", 1, 1, "USER", "missing operands" },
    { "storage not a number", "USER A PW 1X 16M G\n", 1, 1, "USER", "bad storage 1X" },
    { "storage no suffix", "USER A PW 1024 16M G\n", 1, 1, "USER", "bad storage 1024" },
    { "storage not 4K", "USER A PW 66K 16M G\n", 1, 1, "USER", "not a multiple of 4K" },
    { "storage too small", "USER A PW 32K 16M G\n", 1, 1, "USER", "32K out of range" },
    { "storage too large", "USER A PW 1M 17M G\n", 1, 1, "USER", "17M out of range" },
    { "max below storage", "USER A PW 2M 1M G\n", 1, 1, "USER", "1M is below storage 2M" },
    { "bad class", "USER A PW 1M 16M G1\n", 1, 1, "USER", "bad privilege class 1" },
    { "priority range", "USER A PW 1M 16M G 100\n", 1, 1, "USER", "bad priority 100" },
    { "priority number", "USER A PW 1M 16M G X\n", 1, 1, "USER", "bad priority X" },
    { "userid too long", "USER ABCDEFGHI PW 1M 16M G\n", 1, 1, "USER", "longer than 8" },
    { "userid characters", "USER A-B PW 1M 16M G\n", 1, 1, "USER", "bad userid A-B" },
    { "password too long", "USER A PASSWORD9 1M 16M G\n", 1, 1, "USER", "password PASSWORD9" },
    { "duplicate userid", U U, 1, 2, "USER", "duplicate userid A (first at line 1)" },
    { "bad vaddr", U "CONSOLE 0G9 3215\n", 1, 2, "CONSOLE", "bad virtual address 0G9" },
    { "vaddr too long", U "CONSOLE 10009 3215\n", 1, 2, "CONSOLE", "bad virtual address" },
    { "duplicate vaddr", U "CONSOLE 009 3215\nSPOOL 009 1403 A\n", 1, 3, "SPOOL",
      "009 is already defined (line 2)" },
    { "console type", U "CONSOLE 009 3270\n", 1, 2, "CONSOLE", "3270 is not supported" },
    { "mdisk type", U "MDISK 191 3350 1 1 VOL001 MR\n", 1, 2, "MDISK",
      "3350 is not supported (MDISK takes 3380)" },
    { "spool type", U "SPOOL 00C 2501 A\n", 1, 2, "SPOOL", "2501 is not supported" },
    { "special type", U "SPECIAL 0C0 2703\n", 1, 2, "SPECIAL", "takes 3270, CTCA, TIMER" },
    { "2540 function", U "SPOOL 00C 2540 A\n", 1, 2, "SPOOL", "needs READER or PUNCH" },
    { "wrong function", U "SPOOL 00E 1403 READER\n", 1, 2, "SPOOL", "no READER function" },
    { "spool extra", U "SPOOL 00E 1403 A B\n", 1, 2, "SPOOL", "unexpected operand B" },
    { "class * on punch", U "SPOOL 00D 2540 PUNCH *\n", 1, 2, "SPOOL", "bad spool class *" },
    { "class too long", U "SPOOL 00C 3505 AB\n", 1, 2, "SPOOL", "bad spool class AB" },
    { "start cylinder", U "MDISK 191 3380 X 1 VOL001 MR\n", 1, 2, "MDISK",
      "bad start cylinder X" },
    { "zero cylinders", U "MDISK 191 3380 1 0 VOL001 MR\n", 1, 2, "MDISK",
      "bad number of cylinders 0" },
    { "past the end", U "MDISK 191 3380 880 10 VOL001 MR\n", 1, 2, "MDISK",
      "880-889 run past cylinder 884" },
    { "volser too long", U "MDISK 191 3380 1 1 VOLUME1 MR\n", 1, 2, "MDISK",
      "volser VOLUME1 is longer than 6" },
    { "volser characters", U "MDISK 191 3380 1 1 VOL.1 MR\n", 1, 2, "MDISK",
      "bad volser VOL.1" },
    { "mdisk mode", U "MDISK 191 3380 1 1 VOL001 RW\n", 1, 2, "MDISK", "bad access mode RW" },
    { "mdisk password", U "MDISK 191 3380 1 1 VOL001 MR ALL WRITEPASS\n", 1, 2, "MDISK",
      "write password WRITEPASS is longer than 8" },
    { "link mode", U "MDISK 191 3380 1 1 VOL001 MR\nLINK A 191 291 X\n", 1, 3, "LINK",
      "bad access mode X" },
    { "link vaddr", U "LINK A 1G1 291 RR\n", 1, 2, "LINK", "bad virtual address 1G1" },
    { "overlap other user",
      U "MDISK 191 3380 1 10 VOL001 MR\n" U2 "MDISK 191 3380 10 5 VOL001 MR\n", 1, 4,
      "MDISK", "B 191 cylinders 10-14 on VOL001 overlaps A 191 cylinders 1-10 (line 2)" },
    { "overlap same user",
      U "MDISK 191 3380 5 1 VOL001 MR\nMDISK 192 3380 1 5 VOL001 MR\n", 1, 3,
      "MDISK", "A 192 cylinders 1-5 on VOL001 overlaps A 191 cylinders 5-5" },
    { "link unknown user", U "LINK NOBODY 190 190 RR\n", 1, 2, "LINK",
      "NOBODY is not in the directory" },
    { "link unknown vaddr", U "MDISK 191 3380 1 1 VOL001 MR\n" U2 "LINK A 190 190 RR\n",
      1, 4, "LINK", "A has no device 190" },
    { "link non-minidisk", U "CONSOLE 009 3215\n" U2 "LINK A 009 190 RR\n", 1, 4, "LINK",
      "A 009 is not a minidisk (it is a CONSOLE)" },
    { "unknown option", U "OPTION ECMODE BMX\n", 1, 2, "OPTION", "unknown option BMX" },
    { "cpuid digits", U "OPTION CPUID 12345G\n", 1, 2, "OPTION", "CPUID needs six hex digits" },
    { "cpuid missing", U "OPTION ECMODE CPUID\n", 1, 2, "OPTION", "CPUID needs six hex digits" },
    { "account twice", U "ACCOUNT 1\nACCOUNT 2\n", 1, 3, "ACCOUNT", "only one ACCOUNT" },
    { "console twice", U "CONSOLE 009 3215\nCONSOLE 01F 3215\n", 1, 3, "CONSOLE",
      "only one CONSOLE" },
    { "account too long", U "ACCOUNT 123456789\n", 1, 2, "ACCOUNT", "longer than 8" },
    { "ipl not PARM", U "IPL 190 FOO\n", 1, 2, "IPL", "expected PARM, found FOO" },
    { "ipl empty PARM", U "IPL 190 PARM   \n", 1, 2, "IPL", "PARM needs text" },
    { "ipl bad name", U "IPL CMS.1\n", 1, 2, "IPL", "bad IPL device or system name" },
    { "dedicate", U "DEDICATE 181 VOLUME1\n", 1, 2, "DEDICATE",
      "bad real address or volser VOLUME1" },
    { "dedicate FFFF", U "DEDICATE 181 FFFF\n", 1, 2, "DEDICATE", "FFFF is reserved" },
    { "unprintable", U "CONSOLE 009\x01 3215\n", 1, 2, "CONSOLE",
      "unprintable character in column 12" },
};

static void test_error_rows(void)
{
    for (size_t i = 0; i < sizeof err_rows / sizeof err_rows[0]; i++) {
        const struct err_row *r = &err_rows[i];
        size_t n = parse(r->src, DIR_MAX_USERS);
        bool ok = n == r->nerrs && has_error(r->line, r->stmt, r->frag);
        if (!ok) {
            fprintf(stderr, "\nrow \"%s\": %zu errors\n", r->what, n);
            dump_errors(r->what);
        }
        CU_ASSERT(ok);
    }
}

/* ---- sources that must parse cleanly ---- */

static const struct good_row {
    const char *what, *src;
    size_t      nusers;
} good_rows[] = {
    { "empty", "", 0 },
    { "comments and blanks", "* a comment\n\n   \n  * indented comment\n", 0 },
    { "lower case, tabs, CRLF", "user a pw 1m 16m g\r\n\tconsole\t009 3215\r\n", 1 },
    { "no newline at the end", U "CONSOLE 009 3215", 1 },
    { "past column 71 ignored",
      "USER A PW 1M 16M G                                                     EXTRA\n", 1 },
    { "adjacent extents",
      U "MDISK 191 3380 1 10 VOL001 MR\n" U2 "MDISK 191 3380 11 5 VOL001 MR\n", 2 },
    { "same cylinders, other volume",
      U "MDISK 191 3380 1 10 VOL001 MR\n" U2 "MDISK 191 3380 1 10 VOL002 MR\n", 2 },
    { "link forward", U "LINK B 191 191 RR\n" U2 "MDISK 191 3380 1 1 VOL001 MR\n", 2 },
    { "link self", U "MDISK 191 3380 1 1 VOL001 MR\nLINK A 191 192 RR\n", 1 },
    { "NOLOG with no sizes", "USER SPOOLER NOLOG\n", 1 },
    { "options on two statements", U "OPTION ECMODE\nOPTION ACCT\n", 1 },
    { "one- and four-digit vaddrs", U "CONSOLE 9 3215\nSPOOL 1000 1403\n", 1 },
};

static void test_good_rows(void)
{
    for (size_t i = 0; i < sizeof good_rows / sizeof good_rows[0]; i++) {
        size_t n = parse(good_rows[i].src, DIR_MAX_USERS);
        if (n != 0)
            dump_errors(good_rows[i].what);
        CU_ASSERT_EQUAL(n, 0);
        CU_ASSERT_EQUAL(parser.dp_nusers, good_rows[i].nusers);
    }
}

/* ---- every field of a complete user ---- */

static const char full_src[] =
    "* every statement\n"
    "USER MAINT2 secret 512K 8M ABCG 10\n"
    "ACCOUNT 1234 BIN5\n"
    "OPTION ECMODE REALTIMER\n"
    "option isam virt=real acct cpuid 0abcde\n"
    "IPL cms PARM autocr   fast  \n"
    "CONSOLE 01F 3215\n"
    "SPOOL 00C 3505 *\n"
    "SPOOL 00D 3525 B\n"
    "SPOOL 00E 1403\n"
    "SPOOL 01C 2540 READER 5\n"
    "SPOOL 01D 2540 PUNCH Z\n"
    "MDISK 191 3380 10 5 VOL001 MW RPW WPW MPW\n"
    "LINK MAINT2 191 291 RR\n"
    "DEDICATE 181 0181\n"
    "DEDICATE 182 CPUSR1\n"
    "SPECIAL 0C0 CTCA\n"
    "SPECIAL 0C1 3270\n"
    "SPECIAL 0FF TIMER\n"
    "USER NOLOGGER NOLOG\n"
    "IPL 00C\n";

static const struct dev_row {
    uint8_t     kind, type;
    uint16_t    vaddr;
    char        cls;
    uint8_t     mode;
    uint16_t    start, count, raddr, linkaddr;
    const char *volser, *linkuser, *readpw, *writepw, *multpw;
    uint32_t    line;
} full_devs[] = {
    { DIR_K_CONSOLE, DIR_T_3215,  0x01F, 0,   0, 0, 0, 0, 0, "", "", "", "", "", 7 },
    { DIR_K_SPOOL,   DIR_T_3505,  0x00C, '*', 0, 0, 0, 0, 0, "", "", "", "", "", 8 },
    { DIR_K_SPOOL,   DIR_T_3525,  0x00D, 'B', 0, 0, 0, 0, 0, "", "", "", "", "", 9 },
    { DIR_K_SPOOL,   DIR_T_1403,  0x00E, 'A', 0, 0, 0, 0, 0, "", "", "", "", "", 10 },
    { DIR_K_SPOOL,   DIR_T_2540R, 0x01C, '5', 0, 0, 0, 0, 0, "", "", "", "", "", 11 },
    { DIR_K_SPOOL,   DIR_T_2540P, 0x01D, 'Z', 0, 0, 0, 0, 0, "", "", "", "", "", 12 },
    { DIR_K_MDISK,   DIR_T_3380,  0x191, 0, DIR_M_MW, 10, 5, 0, 0, "VOL001", "",
      "RPW", "WPW", "MPW", 13 },
    { DIR_K_LINK,    DIR_T_NONE,  0x291, 0, DIR_M_RR, 0, 0, 0, 0x191, "", "MAINT2",
      "", "", "", 14 },
    { DIR_K_DEDICATE, DIR_T_NONE, 0x181, 0, 0, 0, 0, 0x181, 0, "", "", "", "", "", 15 },
    { DIR_K_DEDICATE, DIR_T_NONE, 0x182, 0, 0, 0, 0, DIR_NO_RADDR, 0, "CPUSR1", "",
      "", "", "", 16 },
    { DIR_K_SPECIAL, DIR_T_CTCA,  0x0C0, 0,   0, 0, 0, 0, 0, "", "", "", "", "", 17 },
    { DIR_K_SPECIAL, DIR_T_3270,  0x0C1, 0,   0, 0, 0, 0, 0, "", "", "", "", "", 18 },
    { DIR_K_SPECIAL, DIR_T_TIMER, 0x0FF, 0,   0, 0, 0, 0, 0, "", "", "", "", "", 19 },
};
#define N_FULL_DEVS (sizeof full_devs / sizeof full_devs[0])

static void test_full_user(void)
{
    CU_ASSERT_EQUAL_FATAL(parse(full_src, DIR_MAX_USERS), 0);
    CU_ASSERT_EQUAL_FATAL(parser.dp_nusers, 2);
    const struct dir_user *u = &users[0];
    CU_ASSERT_STRING_EQUAL(u->du_userid, "MAINT2");
    CU_ASSERT_STRING_EQUAL(u->du_password, "SECRET");
    CU_ASSERT_EQUAL(u->du_storage, 512u * 1024);
    CU_ASSERT_EQUAL(u->du_maxstorage, 8u * 1024 * 1024);
    CU_ASSERT_EQUAL(u->du_classes, DIR_CLASS('A') | DIR_CLASS('B') | DIR_CLASS('C')
                                   | DIR_CLASS('G'));
    CU_ASSERT_EQUAL(u->du_priority, 10);
    CU_ASSERT_STRING_EQUAL(u->du_account, "1234");
    CU_ASSERT_STRING_EQUAL(u->du_dist, "BIN5");
    CU_ASSERT_EQUAL(u->du_options, DIR_OPT_ECMODE | DIR_OPT_REALTIMER | DIR_OPT_ISAM
                                   | DIR_OPT_VIRTREAL | DIR_OPT_ACCT | DIR_OPT_CPUID);
    CU_ASSERT_STRING_EQUAL(u->du_cpuid, "0ABCDE");
    CU_ASSERT_EQUAL(u->du_ipl, DIR_IPL_NAME);
    CU_ASSERT_STRING_EQUAL(u->du_ipl_name, "CMS");
    CU_ASSERT_STRING_EQUAL(u->du_ipl_parm, "AUTOCR   FAST");
    CU_ASSERT_EQUAL(u->du_line, 2);
    CU_ASSERT_EQUAL_FATAL(u->du_ndevs, N_FULL_DEVS);
    for (size_t i = 0; i < N_FULL_DEVS; i++) {
        const struct dev_row *r = &full_devs[i];
        const struct dir_dev *d = &u->du_dev[i];
        CU_ASSERT_EQUAL(d->dd_kind, r->kind);
        CU_ASSERT_EQUAL(d->dd_type, r->type);
        CU_ASSERT_EQUAL(d->dd_vaddr, r->vaddr);
        CU_ASSERT_EQUAL(d->dd_class, r->cls);
        CU_ASSERT_EQUAL(d->dd_mode, r->mode);
        CU_ASSERT_EQUAL(d->dd_start, r->start);
        CU_ASSERT_EQUAL(d->dd_count, r->count);
        if (r->kind == DIR_K_DEDICATE)
            CU_ASSERT_EQUAL(d->dd_raddr, r->raddr);
        CU_ASSERT_EQUAL(d->dd_linkaddr, r->linkaddr);
        CU_ASSERT_STRING_EQUAL(d->dd_volser, r->volser);
        CU_ASSERT_STRING_EQUAL(d->dd_linkuser, r->linkuser);
        CU_ASSERT_STRING_EQUAL(d->dd_readpw, r->readpw);
        CU_ASSERT_STRING_EQUAL(d->dd_writepw, r->writepw);
        CU_ASSERT_STRING_EQUAL(d->dd_multpw, r->multpw);
        CU_ASSERT_EQUAL(d->dd_line, r->line);
    }
    /* the parser's output is what the block format accepts */
    CU_ASSERT_EQUAL(dirfmt_check_user(u, NULL), DIRFMT_OK);

    u = &users[1];
    CU_ASSERT_STRING_EQUAL(u->du_password, "NOLOG");
    CU_ASSERT_EQUAL(u->du_classes, 0);
    CU_ASSERT_EQUAL(u->du_priority, DIR_DEF_PRIORITY);
    CU_ASSERT_EQUAL(u->du_storage, DIR_MIN_STORAGE);
    CU_ASSERT_EQUAL(u->du_ipl, DIR_IPL_VADDR);
    CU_ASSERT_EQUAL(u->du_ipl_vaddr, 0x00C);
    CU_ASSERT_EQUAL(dirfmt_check_user(u, NULL), DIRFMT_OK);
}

/* ---- limits and collecting ---- */

static void test_all_errors_collected(void)
{
    static const char src[] =
        "FOO\n" U "CONSOLE 009 3270\nMDISK 191 3380 1 1 VOL001 XX\nLINK Q 1 2 RR\n";
    CU_ASSERT_EQUAL(parse(src, DIR_MAX_USERS), 4);
    CU_ASSERT(has_error(1, "FOO", "unknown statement"));
    CU_ASSERT(has_error(3, "CONSOLE", "3270"));
    CU_ASSERT(has_error(4, "MDISK", "bad access mode XX"));
    CU_ASSERT(has_error(5, "LINK", "Q is not in the directory"));
}

static void test_too_many_devices(void)
{
    static char src[8192];
    size_t n = (size_t)sprintf(src, U);
    for (unsigned i = 0; i <= DIR_MAX_DEVS; i++)
        n += (size_t)sprintf(src + n, "SPECIAL %03X TIMER\n", 0x100 + i);
    CU_ASSERT_EQUAL(parse(src, DIR_MAX_USERS), 1);
    CU_ASSERT(has_error(DIR_MAX_DEVS + 2, "SPECIAL", "more than 64 devices"));
    CU_ASSERT_EQUAL(users[0].du_ndevs, DIR_MAX_DEVS);
}

static void test_too_many_users(void)
{
    /* a third USER past a capacity of 2: reported, and its statements still
     * checked (the bad vaddr on line 5) */
    CU_ASSERT_EQUAL(parse(U U2 "USER C PW 1M 16M G\nCONSOLE 009 3215\n"
                          "SPOOL 0X9 1403\n", 2), 2);
    CU_ASSERT(has_error(3, "USER", "more than 2 users"));
    CU_ASSERT(has_error(5, "SPOOL", "bad virtual address 0X9"));
    CU_ASSERT_EQUAL(parser.dp_nusers, 2);
}

static void test_error_cap(void)
{
    static char src[4096];
    size_t n = 0;
    for (int i = 0; i < 40; i++)
        n += (size_t)sprintf(src + n, "BAD%d\n", i);
    CU_ASSERT_EQUAL(parse(src, DIR_MAX_USERS), 40);     /* counted, not stored */
    CU_ASSERT(has_error(MAX_ERRS, "BAD15", "unknown statement"));
}

/* ---- the shipped directory ---- */

static void test_shipped_directory(void)
{
    FILE *f = fopen("hercules-configs/user.direct", "r");
    static char text[256 * 1024];
    size_t len;

    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    CU_ASSERT_EQUAL(parse(text, DIR_MAX_USERS), 0);
    dump_errors("user.direct");
    CU_ASSERT_EQUAL_FATAL(parser.dp_nusers, 130);

    const struct dir_user *op = &users[0], *maint = &users[1], *last = &users[129];
    CU_ASSERT_STRING_EQUAL(op->du_userid, "OPERATOR");
    CU_ASSERT_STRING_EQUAL(op->du_password, "OPERATOR");
    CU_ASSERT_EQUAL(op->du_classes, 0x7Fu);
    CU_ASSERT_EQUAL(op->du_storage, 4u << 20);
    CU_ASSERT_EQUAL(op->du_maxstorage, 16u << 20);
    CU_ASSERT_STRING_EQUAL(maint->du_userid, "MAINT");
    CU_ASSERT_EQUAL(maint->du_dev[4].dd_start, 130);
    CU_ASSERT_EQUAL(maint->du_dev[4].dd_count, 10);
    CU_ASSERT_STRING_EQUAL(maint->du_dev[4].dd_readpw, "ALL");
    CU_ASSERT_STRING_EQUAL(last->du_userid, "USER128");
    CU_ASSERT_STRING_EQUAL(last->du_password, "USER128");
    CU_ASSERT_EQUAL(last->du_classes, DIR_CLASS('G'));
    CU_ASSERT_EQUAL(last->du_storage, 1u << 20);
    CU_ASSERT_EQUAL_FATAL(last->du_ndevs, 6);
    CU_ASSERT_EQUAL(last->du_dev[4].dd_kind, DIR_K_MDISK);
    CU_ASSERT_EQUAL(last->du_dev[4].dd_start, 128);
    CU_ASSERT_STRING_EQUAL(last->du_dev[4].dd_volser, "CPUSR0");
    CU_ASSERT_EQUAL(last->du_dev[5].dd_kind, DIR_K_LINK);
    CU_ASSERT_STRING_EQUAL(last->du_dev[5].dd_linkuser, "MAINT");
    for (size_t i = 0; i < parser.dp_nusers; i++)
        CU_ASSERT_EQUAL(dirfmt_check_user(&users[i], NULL), DIRFMT_OK);
}

static const struct {
    const char *name;
    void      (*fn)(void);
} dirparse_tests[] = {
    { "one row per fault", test_error_rows },
    { "clean sources", test_good_rows },
    { "every field of a complete user", test_full_user },
    { "all errors collected", test_all_errors_collected },
    { "device limit", test_too_many_devices },
    { "user capacity", test_too_many_users },
    { "errors past the caller's array", test_error_cap },
    { "shipped user.direct", test_shipped_directory },
};

void suite_dirparse(void)
{
    CU_pSuite s = CU_add_suite("dirparse", NULL, NULL);

    if (s == NULL)
        return;
    for (size_t i = 0; i < sizeof dirparse_tests / sizeof dirparse_tests[0]; i++)
        CU_add_test(s, dirparse_tests[i].name, dirparse_tests[i].fn);
}
