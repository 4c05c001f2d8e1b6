/* cmd.c: the CMS command table and how a line is run: a CMS command by its
 * name or abbreviation, else (VM/370's IMPCP) the line goes to CP, and if
 * CP does not know it either, DMSINT003E. */
#include "cms.h"
#include "con.h"
#include "diag.h"
#include "../cp/ebcdic.h"
#include "../cp/fmt.h"
#include "../cp/cplib.h"

#define CP_RESP_MAX  4096

uint8_t cms_rec[65536];
#define EBC_NL       0x15
#define CP_UNKNOWN   1          /* CP's return code for CFM001E */

int cms_cp(const char *text)
{
    uint8_t cmd[240];
    uint32_t rc = 0;
    size_t n = strlen(text);
    if (n > sizeof cmd)
        n = sizeof cmd;
    ebc_from_ascii(cmd, text, n);
    diag_cpcmd(cmd, (uint32_t)n, NULL, 0, NULL, &rc);
    return (int)rc;
}

/* CP, with its response in a buffer: shown unless CP did not know it. */
static int impcp(const char *text)
{
    static uint8_t resp[CP_RESP_MAX];
    uint8_t cmd[240];
    uint32_t rc = 0, len = 0;
    size_t n = strlen(text);
    if (n > sizeof cmd)
        n = sizeof cmd;
    ebc_from_ascii(cmd, text, n);
    int cc = diag_cpcmd(cmd, (uint32_t)n, resp, sizeof resp, &len, &rc);
    if (rc == CP_UNKNOWN)
        return RC_UNKNOWN;
    if (cc == 1)
        len = sizeof resp;       /* what did not fit is lost */
    for (uint32_t start = 0; start < len;) {
        uint32_t end = start;
        while (end < len && resp[end] != EBC_NL)
            end++;
        char out[CON_LINE + 1];
        size_t k = end - start > CON_LINE ? CON_LINE : end - start;
        ebc_to_ascii(out, resp + start, k);
        out[k] = '\0';
        con_write(out);
        start = end + 1;
    }
    return (int)rc;
}

/* CP [command] and QUERY take the raw line; they are recognised here. */
static void c_cp(struct cmdctx *cx)
{
    (void)cx;
}

static void c_query_stub(struct cmdctx *cx)
{
    (void)cx;
}

/* HT, RT and HX typed at Ready: nothing is running, so nothing to do. */
static void c_immediate(struct cmdctx *cx)
{
    (void)cx;
}

/* The CMS command table: name, minimum abbreviation (VM/370's). */
static const struct cmd_entry commands[] = {
    { "ACCESS",   2, CMD_ANY, c_access,     0 },
    { "COMPARE",  3, CMD_ANY, c_compare,    0 },
    { "COPYFILE", 4, CMD_ANY, c_copyfile,   0 },
    { "CP",       2, CMD_ANY, c_cp,         0 },
    { "EDIT",     1, CMD_ANY, c_edit,       0 },
    { "ERASE",    2, CMD_ANY, c_erase,      0 },
    { "FILEDEF",  2, CMD_ANY, c_filedef,    0 },
    { "FORMAT",   6, CMD_ANY, c_format,     0 },
    { "HELP",     4, CMD_ANY, c_help,       0 },
    { "HT",       2, CMD_ANY, c_immediate,  0 },
    { "HX",       2, CMD_ANY, c_immediate,  0 },
    { "LISTFILE", 1, CMD_ANY, c_listfile,   0 },
    { "PRINT",    2, CMD_ANY, c_print,      0 },
    { "PUNCH",    2, CMD_ANY, c_punch,      0 },
    { "QUERY",    1, CMD_ANY, c_query_stub, 0 },
    { "RELEASE",  3, CMD_ANY, c_release,    0 },
    { "RENAME",   6, CMD_ANY, c_rename,     0 },
    { "RT",       2, CMD_ANY, c_immediate,  0 },
    { "SET",      3, CMD_ANY, c_set,        0 },
    { "SORT",     4, CMD_ANY, c_sort,       0 },
    { "STATE",    5, CMD_ANY, c_state,      0 },
    { "TYPE",     1, CMD_ANY, c_type,       0 },
};

int cms_execute(const char *line)
{
    static struct cmdctx cx;
    con_new_command();
    while (*line == ' ')
        line++;
    if (!*line)
        return 0;
    memset(&cx, 0, sizeof cx);
    cmd_tokenize(line, &cx.cx_line);
    cx.cx_arg = 1;
    const struct cmd_entry *e = cmd_lookup(commands, sizeof commands / sizeof commands[0],
                                           cx.cx_line.cl_tok[0]);
    /* SET ABBREV OFF: only the whole name will do. */
    if (e && !cms_abbrev && strcmp(e->ce_name, cx.cx_line.cl_tok[0]) != 0)
        e = NULL;
    if (e && e->ce_fn == c_cp) {
        const char *rest = line + 2;
        while (*rest == ' ')
            rest++;
        return cms_cp(rest);
    }
    if (e && e->ce_fn == c_query_stub) {
        c_query(&cx, line);
        return cx.cx_rc;
    }
    if (e) {
        e->ce_fn(&cx);
        return cx.cx_rc;
    }
    int rc = cms_impcp ? impcp(line) : RC_UNKNOWN;
    if (rc == RC_UNKNOWN)
        con_write(cms_impcp ? "DMSINT003E UNKNOWN CP/CMS COMMAND" : "DMSINT003E UNKNOWN CMS COMMAND");
    return rc;
}
