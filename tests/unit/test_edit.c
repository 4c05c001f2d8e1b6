/* test_edit.c: cms/edit.c, the line editor's logic: moves, LOCATE, CHANGE
 * with counts and '*', INPUT, DELETE, REPLACE, TYPE, and what each shows. */
#include <stdio.h>
#include <string.h>
#include <CUnit/CUnit.h>
#include "../../cms/edit.h"

void suite_edit(void);

static struct ed e;
static char shown[64][ED_WIDTH + 1];
static int nshown;

static void out(void *ctx, const char *text)
{
    (void)ctx;
    if (nshown < 64)
        snprintf(shown[nshown++], sizeof shown[0], "%s", text);
}

static enum ed_result run(const char *cmd)
{
    nshown = 0;
    return ed_command(&e, cmd);
}

static void load(void)
{
    static const char *const text[] = { "ALPHA ONE", "BRAVO TWO", "CHARLIE THREE", "DELTA TWO TWO" };
    ed_init(&e, out, NULL);
    for (size_t i = 0; i < 4; i++)
        CU_ASSERT_FATAL(ed_load(&e, text[i], strlen(text[i])));
}

static void test_moves(void)
{
    load();
    CU_ASSERT_EQUAL(e.cur, 0);
    CU_ASSERT(run("next") == ED_GO_ON && e.cur == 1 && strcmp(shown[0], "ALPHA ONE") == 0);
    run("N 2");
    CU_ASSERT(e.cur == 3 && strcmp(shown[0], "CHARLIE THREE") == 0);
    run("n 5");
    CU_ASSERT(e.cur == 5 && strcmp(shown[0], "EOF:") == 0);
    run("UP 2");
    CU_ASSERT_EQUAL(e.cur, 3);
    run("U 9");
    CU_ASSERT(e.cur == 0 && strcmp(shown[0], "TOF:") == 0);
    run("B");
    CU_ASSERT_EQUAL(e.cur, 4);
    run("TOP");
    CU_ASSERT_EQUAL(e.cur, 0);
    run("L /TWO/");
    CU_ASSERT(e.cur == 2 && strcmp(shown[0], "BRAVO TWO") == 0);
    run("/TWO");
    CU_ASSERT_EQUAL(e.cur, 4);
    run("L /NOWHERE/");
    CU_ASSERT(e.cur == 5 && strstr(shown[0], "TARGET NOT FOUND"));
    run("T");                                       /* TYPE is not TOP */
    run("TOP");
    run("T *");
    CU_ASSERT(nshown == 5 && strcmp(shown[0], "TOF:") == 0 && strcmp(shown[4], "DELTA TWO TWO") == 0);
    CU_ASSERT_EQUAL(e.cur, 4);
    run("FROB");
    CU_ASSERT(strstr(shown[0], "DMSEDI529E") != NULL);
    CU_ASSERT(run("N X") == ED_GO_ON && strstr(shown[0], "INVALID NUMBER"));
}

static void test_change(void)
{
    load();
    run("L /DELTA/");
    run("C /TWO/2/");                              /* the first one only */
    CU_ASSERT(strcmp(e.line[4], "DELTA 2 TWO") == 0 && e.changed);
    run("TOP");
    run("N");
    run("C /O/0/ * *");                             /* every O, every line to the end */
    CU_ASSERT_STRING_EQUAL(e.line[1], "ALPHA 0NE");
    CU_ASSERT_STRING_EQUAL(e.line[2], "BRAV0 TW0");
    CU_ASSERT_STRING_EQUAL(e.line[4], "DELTA 2 TW0");
    CU_ASSERT_EQUAL(e.cur, 4);                      /* the last line changed */
    run("TOP");
    run("N 2");
    run("C ,TW0,TWO, 1");                           /* any delimiter; one line */
    CU_ASSERT_STRING_EQUAL(e.line[2], "BRAV0 TWO");
    CU_ASSERT_STRING_EQUAL(e.line[4], "DELTA 2 TW0");
    run("C /ZZZ/Y/");
    CU_ASSERT(strstr(shown[0], "NO LINE(S) CHANGED") != NULL);
}

static void test_input_delete_replace(void)
{
    load();
    run("N 2");
    CU_ASSERT(run("INPUT") == ED_INPUT);
    CU_ASSERT(ed_input(&e, "NEW A"));
    CU_ASSERT(ed_input(&e, "NEW B"));
    CU_ASSERT(e.n == 6 && e.cur == 4);
    CU_ASSERT_STRING_EQUAL(e.line[3], "NEW A");
    CU_ASSERT_STRING_EQUAL(e.line[5], "CHARLIE THREE");
    run("I ONE MORE");                              /* INPUT with a line: just that line */
    CU_ASSERT(e.n == 7 && strcmp(e.line[5], "ONE MORE") == 0);
    run("TOP");
    run("N");
    run("DE 2");
    CU_ASSERT(e.n == 5 && strcmp(e.line[1], "NEW A") == 0);
    run("R REPLACED");
    CU_ASSERT_STRING_EQUAL(e.line[1], "REPLACED");
    CU_ASSERT(run("R") == ED_INPUT && e.n == 4 && e.cur == 0);
    run("B");
    run("DE *");
    CU_ASSERT(e.n == 3 && strcmp(shown[0], "EOF:") == 0);
    CU_ASSERT(run("FILE") == ED_FILE);
    CU_ASSERT(run("SAVE") == ED_SAVE);
    CU_ASSERT(run("QUIT") == ED_QUIT);
    /* Input at EOF and in an empty file. */
    ed_init(&e, out, NULL);
    CU_ASSERT(run("I") == ED_INPUT);
    CU_ASSERT(ed_input(&e, "FIRST   "));            /* trailing blanks go */
    CU_ASSERT(e.n == 1 && strcmp(e.line[1], "FIRST") == 0);
}

void suite_edit(void)
{
    CU_pSuite s = CU_add_suite("edit", NULL, NULL);
    CU_add_test(s, "moves and locate", test_moves);
    CU_add_test(s, "change", test_change);
    CU_add_test(s, "input, delete, replace", test_input_delete_replace);
}
