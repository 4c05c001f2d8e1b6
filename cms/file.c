/* file.c: file identifiers (see file.h). */
#include "file.h"
#include "con.h"
#include "../cp/fmt.h"
#include "../cp/cplib.h"

bool fileid_match(const char *pattern, const char *name)
{
    return strcmp(pattern, "*") == 0 || strcmp(pattern, name) == 0;
}

void fileid_text(char *out, size_t cap, const char *fn, const char *ft, char mode, char num)
{
    fmt(out, cap, "%s %s %c%c", fn, ft, mode, num ? num : '1');
}

int fileid_parse(struct fileid *id, char tok[][33], int n, int need, char def, const char *prefix)
{
    memset(id, 0, sizeof *id);
    if (n < need) {
        con_printf("%s054E INCOMPLETE FILEID SPECIFIED", prefix);
        return RC_INCOMPL;
    }
    const char *fn = n > 0 ? tok[0] : "*", *ft = n > 1 ? tok[1] : "*";
    if ((strcmp(fn, "*") && !cmsfs_name_ok(fn)) || (strcmp(ft, "*") && !cmsfs_name_ok(ft))) {
        con_printf("%s062E INVALID CHARACTER IN FILEID '%s %s'", prefix, fn, ft);
        return RC_BADID;
    }
    memcpy(id->fn, fn, strlen(fn) + 1);
    memcpy(id->ft, ft, strlen(ft) + 1);
    id->mode = def;
    if (n > 2) {
        const char *m = tok[2];
        size_t ml = strlen(m);
        bool ok = ml >= 1 && ml <= 2 && ((m[0] >= 'A' && m[0] <= 'Z') || m[0] == '*')
                  && (ml == 1 || (m[1] >= '0' && m[1] <= '6'));
        if (!ok) {
            con_printf("%s048E INVALID MODE '%s'", prefix, m);
            return RC_INCOMPL;
        }
        id->mode = m[0];
        id->num = ml == 2 ? m[1] : 0;
    }
    return 0;
}
