/* test_cmdparse.c: tokens, VM/370 minimum abbreviations, privilege classes. */
#include <CUnit/CUnit.h>
#include <string.h>
#include "../../cp/cmdparse.h"

static void dummy(struct cmdctx *cx) { (void)cx; }

static const struct cmd_entry tab[] = {
    { "QUERY",    1, CMD_CLASSES_AG, dummy, 0 },
    { "SHUTDOWN", 8, CMD_CLASS('A'), dummy, 0 },
    { "LOGON",    1, CMD_ANY,        dummy, 0 },
    { "DISPLAY",  1, CMD_CLASS('G'), dummy, 0 },
};
#define NTAB (sizeof tab / sizeof tab[0])

static void test_lookup(void)
{
    static const struct { const char *word; int want; } rows[] = {
        { "Q", 0 }, { "QU", 0 }, { "QUERY", 0 }, { "QUERYX", -1 },
        { "SHUTDOWN", 1 }, { "SHUT", -1 }, { "L", 2 }, { "LOGO", 2 },
        { "D", 3 }, { "DISP", 3 }, { "X", -1 }, { "", -1 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct cmd_entry *e = cmd_lookup(tab, NTAB, rows[i].word);
        const struct cmd_entry *want = rows[i].want < 0 ? NULL : &tab[rows[i].want];
        CU_ASSERT_PTR_EQUAL(e, want);
    }
}

static void test_tokenize(void)
{
    struct cmd_line l;
    CU_ASSERT_EQUAL(cmd_tokenize("  q   time ", &l), 2);
    CU_ASSERT_STRING_EQUAL(l.cl_tok[0], "Q");
    CU_ASSERT_STRING_EQUAL(l.cl_tok[1], "TIME");
    CU_ASSERT_FALSE(l.cl_toolong);
    CU_ASSERT_EQUAL(cmd_tokenize("", &l), 0);
    CU_ASSERT_EQUAL(cmd_tokenize("\t\t", &l), 0);

    char longtok[100];
    memset(longtok, 'a', 99);
    longtok[99] = '\0';
    CU_ASSERT_EQUAL(cmd_tokenize(longtok, &l), 1);
    CU_ASSERT_TRUE(l.cl_toolong);
    CU_ASSERT_EQUAL(strlen(l.cl_tok[0]), CMD_TOKLEN);

    CU_ASSERT_EQUAL(cmd_tokenize("a b c d e f g h i j k l m n o p q r", &l), CMD_MAXTOK);
    CU_ASSERT_TRUE(l.cl_toolong);
}

static void test_classes(void)
{
    uint32_t g = cmd_class_bits("g");
    uint32_t all = cmd_class_bits("ABCDEFG");
    CU_ASSERT_EQUAL(all, CMD_CLASSES_AG);
    CU_ASSERT_TRUE(cmd_allowed(&tab[0], g));
    CU_ASSERT_FALSE(cmd_allowed(&tab[1], g));
    CU_ASSERT_TRUE(cmd_allowed(&tab[1], all));
    CU_ASSERT_TRUE(cmd_allowed(&tab[2], 0));    /* LOGON: any user, no classes */
    CU_ASSERT_FALSE(cmd_allowed(&tab[3], 0));
    CU_ASSERT_EQUAL(cmd_class_bits("A-C!"), CMD_CLASS('A') | CMD_CLASS('C'));
}

void suite_cmdparse(void);
/* DIAGNOSE X'08' return codes from messages: only "PPPnnnE" counts. */
static void test_msg_rc(void)
{
    static const struct { const char *text; int rc; } rows[] = {
        { "CFM001E UNKNOWN CP COMMAND: FROB", 1 },
        { "LNK104E MAINT 190 NOT LINKED; R/W BY MAINT", 104 },
        { "LNK101W DASD 190 FORCED R/O; R/W BY MAINT", 0 },
        { "CPI010I CPCMS ONLINE", 0 },
        { "CFM026E", 26 },
        { "DASD 191 DETACHED", 0 },
        { "STORAGE = 01024K", 0 },
        { "cfm001E lower case", 0 },
        { "CFM01E SHORT", 0 },
        { "CFM001EX", 0 },
        { "", 0 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        CU_ASSERT_EQUAL(cmd_msg_rc(rows[i].text), rows[i].rc);
}

void suite_cmdparse(void)
{
    CU_pSuite s = CU_add_suite("cmdparse", NULL, NULL);
    CU_add_test(s, "abbreviations", test_lookup);
    CU_add_test(s, "tokenize", test_tokenize);
    CU_add_test(s, "classes", test_classes);
    CU_add_test(s, "message return codes", test_msg_rc);
}
