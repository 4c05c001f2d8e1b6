/* test_fileid.c: cms/file.c, how CMS commands read "fn ft fm": defaults,
 * '*', mode letters and numbers, and the message and return code of each
 * kind of bad file id. The console is a buffer here. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <CUnit/CUnit.h>
#include "../../cms/file.h"

void suite_fileid(void);

static char said[256];

/* cms/con.c's console, for file.c's messages. */
void con_printf(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    vsnprintf(said, sizeof said, f, ap);
    va_end(ap);
}

static int parse(struct fileid *id, const char *a, const char *b, const char *c, int need, char def)
{
    char tok[3][33] = { "", "", "" };
    int n = 0;
    for (const char *p[3] = { a, b, c }, **q = p; n < 3 && q[0]; q++, n++)
        snprintf(tok[n], sizeof tok[n], "%s", q[0]);
    said[0] = '\0';
    return fileid_parse(id, tok, n, need, def, "DMSTST");
}

static void test_fileid(void)
{
    struct fileid id;
    CU_ASSERT(parse(&id, "PROFILE", "EXEC", "A1", 2, '*') == 0);
    CU_ASSERT(strcmp(id.fn, "PROFILE") == 0 && strcmp(id.ft, "EXEC") == 0 && id.mode == 'A' && id.num == '1');
    CU_ASSERT(parse(&id, "PROFILE", "EXEC", NULL, 2, '*') == 0 && id.mode == '*' && id.num == 0);
    CU_ASSERT(parse(&id, NULL, NULL, NULL, 0, 'A') == 0);             /* LISTFILE: * * A */
    CU_ASSERT(strcmp(id.fn, "*") == 0 && strcmp(id.ft, "*") == 0 && id.mode == 'A');
    CU_ASSERT(parse(&id, "*", "DATA", "*", 2, 'A') == 0 && id.mode == '*');
    CU_ASSERT(parse(&id, "PROFILE", NULL, NULL, 2, '*') == RC_INCOMPL);
    CU_ASSERT_STRING_EQUAL(said, "DMSTST054E INCOMPLETE FILEID SPECIFIED");
    CU_ASSERT(parse(&id, "PRO.FILE", "EXEC", NULL, 2, '*') == RC_BADID);
    CU_ASSERT(strstr(said, "DMSTST062E INVALID CHARACTER IN FILEID 'PRO.FILE EXEC'") != NULL);
    CU_ASSERT(parse(&id, "NINECHARS", "EXEC", NULL, 2, '*') == RC_BADID);
    CU_ASSERT(parse(&id, "A", "B", "A7", 2, '*') == RC_INCOMPL);        /* mode numbers are 0-6 */
    CU_ASSERT(strstr(said, "DMSTST048E INVALID MODE 'A7'") != NULL);
    CU_ASSERT(parse(&id, "A", "B", "1", 2, '*') == RC_INCOMPL);
    CU_ASSERT(parse(&id, "A", "B", "ABC", 2, '*') == RC_INCOMPL);
    CU_ASSERT(fileid_match("*", "ANY") && fileid_match("X", "X") && !fileid_match("X", "Y"));
    char t[40];
    fileid_text(t, sizeof t, "FN", "FT", 'B', 0);
    CU_ASSERT_STRING_EQUAL(t, "FN FT B1");
}

void suite_fileid(void)
{
    CU_pSuite s = CU_add_suite("fileid", NULL, NULL);
    CU_add_test(s, "parse", test_fileid);
}
