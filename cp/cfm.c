/* cfm.c: the CP command processor. Commands are rows of one table, each
 * with its VM/370 minimum abbreviation and privilege classes; QUERY has a
 * table of its own. Every error is a message and changes nothing. */
#include "cfm.h"
#include "con.h"
#include "cpi.h"
#include "fmt.h"
#include "tod.h"
#include "cplib.h"
#include "hw/cpu.h"

static void reply(struct cmdctx *cx, const char *f, ...) __attribute__((format(printf, 2, 3)));

static void reply(struct cmdctx *cx, const char *f, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, f);
    fmt_v(buf, sizeof buf, f, ap);
    va_end(ap);
    cx->cx_reply(cx, buf);
}

static const char *next_arg(struct cmdctx *cx)
{
    if (cx->cx_arg >= cx->cx_line.cl_n)
        return NULL;
    return cx->cx_line.cl_tok[cx->cx_arg++];
}

/* ---- QUERY ------------------------------------------------------------ */

static void q_time(struct cmdctx *cx)
{
    char stamp[48];
    uint64_t now = cpu_stck();
    tod_fmt_stamp(stamp, sizeof stamp, now);
    reply(cx, "TIME IS %s", stamp);
    char conn[16];
    tod_fmt_elapsed(conn, sizeof conn, now - cpi_ipl_tod);
    reply(cx, "CONNECT= %s VIRTCPU= 000:00.00 TOTCPU= 000:00.00", conn);
}

static void q_cplevel(struct cmdctx *cx)
{
    reply(cx, "%s VERSION %s", CPI_SYSNAME, CPI_VERSION);
    char stamp[48];
    tod_fmt_stamp(stamp, sizeof stamp, cpi_ipl_tod);
    reply(cx, "IPL AT %s", stamp);
}

static void q_storage(struct cmdctx *cx)
{
    reply(cx, "STORAGE = %uK", cpi_real_storage / 1024);
}

static const struct cmd_entry query_tab[] = {
    { "CPLEVEL", 7, CMD_CLASSES_AG, q_cplevel },
    { "STORAGE", 3, CMD_CLASSES_AG, q_storage },
    { "TIME",    4, CMD_CLASSES_AG, q_time },
};

static void c_query(struct cmdctx *cx)
{
    const char *what = next_arg(cx);
    if (!what) {
        reply(cx, "CFM026E OPERAND MISSING OR INVALID");
        return;
    }
    const struct cmd_entry *e = cmd_lookup(query_tab, sizeof query_tab / sizeof query_tab[0], what);
    if (!e || !cmd_allowed(e, cx->cx_classes)) {
        reply(cx, "CFM003E INVALID OPTION - %s", what);
        return;
    }
    if (cx->cx_arg < cx->cx_line.cl_n) {
        reply(cx, "CFM003E INVALID OPTION - %s", cx->cx_line.cl_tok[cx->cx_arg]);
        return;
    }
    e->ce_fn(cx);
}

/* ---- SHUTDOWN --------------------------------------------------------- */

static void c_shutdown(struct cmdctx *cx)
{
    if (cx->cx_arg < cx->cx_line.cl_n) {
        reply(cx, "CFM003E INVALID OPTION - %s", cx->cx_line.cl_tok[cx->cx_arg]);
        return;
    }
    cpi_shutdown(cx->cx_user);
}

/* The CP command table: name, minimum abbreviation, classes, handler. */
static const struct cmd_entry cp_commands[] = {
    { "QUERY",    1, CMD_CLASSES_AG, c_query },
    { "SHUTDOWN", 8, CMD_CLASS('A'), c_shutdown },
};

void cfm_execute(struct cmdctx *cx, const char *line)
{
    cmd_tokenize(line, &cx->cx_line);
    cx->cx_arg = 1;
    if (cx->cx_line.cl_n == 0)
        return;                       /* an empty line is not an error */
    const char *verb = cx->cx_line.cl_tok[0];
    const struct cmd_entry *e =
        cmd_lookup(cp_commands, sizeof cp_commands / sizeof cp_commands[0], verb);
    /* As in VM/370, a command the user's classes do not include is unknown. */
    if (!e || !cmd_allowed(e, cx->cx_classes)) {
        reply(cx, "CFM001E UNKNOWN CP COMMAND: %s", verb);
        return;
    }
    if (cx->cx_line.cl_toolong) {
        reply(cx, "CFM026E OPERAND MISSING OR INVALID");
        return;
    }
    e->ce_fn(cx);
}

static void oper_reply(struct cmdctx *cx, const char *text)
{
    (void)cx;
    con_write(text);
}

void cfm_operator(const char *line)
{
    static struct cmdctx cx;
    memset(&cx, 0, sizeof cx);
    cx.cx_user = "OPERATOR";
    cx.cx_classes = cmd_class_bits("ABCDEFG");
    cx.cx_reply = oper_reply;
    cfm_execute(&cx, line);
}
