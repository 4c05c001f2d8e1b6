/* cmdset.c: SET and the CMS settings QUERY shows; FILEDEF. */
#include "cms.h"
#include "con.h"
#include "file.h"
#include "../cp/cplib.h"

#define FILEDEF_MAX 16

bool cms_impcp = true;          /* commands CMS does not know go to CP */
bool cms_abbrev = true;         /* commands may be abbreviated */
bool cms_rdymsg_long = true;    /* Ready with CPU times and the time of day */

struct filedef {
    char dd[9], device[9], fn[9], ft[9], fm[3];
};
static struct filedef fdefs[FILEDEF_MAX];
static int nfdefs;

static bool on_off(const char *s, bool *v)
{
    if (strcmp(s, "ON") == 0)
        *v = true;
    else if (strcmp(s, "OFF") == 0)
        *v = false;
    else
        return false;
    return true;
}

/* SET IMPCP ON|OFF, SET ABBREV ON|OFF, SET RDYMSG LMSG|SMSG. */
void c_set(struct cmdctx *cx)
{
    const char *what = cx->cx_line.cl_n > 1 ? cx->cx_line.cl_tok[1] : "";
    const char *val = cx->cx_line.cl_n > 2 ? cx->cx_line.cl_tok[2] : "";
    bool ok = cx->cx_line.cl_n == 3;
    if (ok && strcmp(what, "IMPCP") == 0)
        ok = on_off(val, &cms_impcp);
    else if (ok && strcmp(what, "ABBREV") == 0)
        ok = on_off(val, &cms_abbrev);
    else if (ok && strcmp(what, "RDYMSG") == 0 && strcmp(val, "LMSG") == 0)
        cms_rdymsg_long = true;
    else if (ok && strcmp(what, "RDYMSG") == 0 && strcmp(val, "SMSG") == 0)
        cms_rdymsg_long = false;
    else
        ok = false;
    if (!ok) {
        con_printf("DMSSET003E INVALID OPTION: SET IMPCP|ABBREV ON|OFF, SET RDYMSG LMSG|SMSG");
        cx->cx_rc = RC_INCOMPL;
    }
}

static void list_filedefs(void)
{
    if (!nfdefs)
        con_write("DMSFLD324I NO USER DEFINED FILEDEF'S IN EFFECT");
    for (int i = 0; i < nfdefs; i++) {
        if (fdefs[i].fn[0])
            con_printf("%-8s %-8s %s %s %s", fdefs[i].dd, fdefs[i].device, fdefs[i].fn, fdefs[i].ft,
                       fdefs[i].fm);
        else
            con_printf("%-8s %s", fdefs[i].dd, fdefs[i].device);
    }
}

/* Settings for QUERY: true if what was one. */
bool cms_query_setting(const char *what)
{
    if (strcmp(what, "IMPCP") == 0)
        con_printf("IMPCP = %s", cms_impcp ? "ON" : "OFF");
    else if (strcmp(what, "ABBREV") == 0)
        con_printf("ABBREV = %s", cms_abbrev ? "ON" : "OFF");
    else if (strcmp(what, "CMSLEVEL") == 0)
        con_printf("CMS LEVEL %s, BUILT %s", CMS_VERSION, CMS_BUILD_DATE);
    else if (strcmp(what, "RDYMSG") == 0)
        con_printf("RDYMSG = %s", cms_rdymsg_long ? "LMSG" : "SMSG");
    else if (strcmp(what, "FILEDEF") == 0)
        list_filedefs();
    else
        return false;
    return true;
}

/* FILEDEF [ddname device [fn ft [fm]] | ddname CLEAR | * CLEAR]: the
 * definitions OS-style programs will open their files by (they arrive
 * with LOAD and START); FILEDEF alone lists them. */
void c_filedef(struct cmdctx *cx)
{
    static const char *const devices[] = { "DISK", "TERMINAL", "PRINTER", "PUNCH", "READER", "DUMMY" };
    int n = cx->cx_line.cl_n;
    if (n == 1) {
        list_filedefs();
        return;
    }
    const char *dd = cx->cx_line.cl_tok[1];
    if (n == 3 && strcmp(cx->cx_line.cl_tok[2], "CLEAR") == 0) {
        for (int i = 0; i < nfdefs;) {
            if (strcmp(dd, "*") == 0 || strcmp(fdefs[i].dd, dd) == 0)
                fdefs[i] = fdefs[--nfdefs];
            else
                i++;
        }
        return;
    }
    const char *dev = n > 2 ? cx->cx_line.cl_tok[2] : "";
    bool known = false;
    for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++)
        known |= strcmp(dev, devices[i]) == 0;
    if (!cmsfs_name_ok(dd) || !known) {
        con_write("DMSFLD003E INVALID OPTION: FILEDEF ddname DISK|TERMINAL|PRINTER|PUNCH|READER|DUMMY ...");
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    struct filedef f;
    memset(&f, 0, sizeof f);
    memcpy(f.dd, dd, strlen(dd) + 1);
    memcpy(f.device, dev, strlen(dev) + 1);
    if (strcmp(dev, "DISK") == 0) {
        struct fileid id;
        if ((cx->cx_rc = fileid_parse(&id, cx->cx_line.cl_tok + 3, n - 3, 2, 'A', "DMSFLD")))
            return;
        memcpy(f.fn, id.fn, sizeof f.fn);
        memcpy(f.ft, id.ft, sizeof f.ft);
        f.fm[0] = id.mode;
        f.fm[1] = id.num ? id.num : '1';
    }
    for (int i = 0; i < nfdefs; i++) {
        if (strcmp(fdefs[i].dd, dd) == 0) {
            fdefs[i] = f;
            return;
        }
    }
    if (nfdefs == FILEDEF_MAX) {
        con_printf("DMSFLD220E NO MORE THAN %d FILEDEFS", FILEDEF_MAX);
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    fdefs[nfdefs++] = f;
}
