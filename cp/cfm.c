/* cfm.c: the CP command processor. Commands are rows of one table, each
 * with its VM/370 minimum abbreviation, privilege classes and where it may
 * be issued from; the privilege check is made once, here. Every error is
 * a message and changes nothing. */
#include "cfm.h"
#include "con.h"
#include "cpi.h"
#include "log.h"
#include "lnk.h"
#include "ipl.h"
#include "vctc.h"
#include "trm.h"
#include "vm.h"
#include "vmcons.h"
#include "fmt.h"
#include "cplib.h"

void cfm_reply(struct cmdctx *cx, const char *f, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, f);
    fmt_v(buf, sizeof buf, f, ap);
    va_end(ap);
    cx->cx_reply(cx, buf);
}

const char *cfm_arg(struct cmdctx *cx)
{
    if (cx->cx_arg >= cx->cx_line.cl_n)
        return NULL;
    return cx->cx_line.cl_tok[cx->cx_arg++];
}

bool cfm_more(const struct cmdctx *cx)
{
    return cx->cx_arg < cx->cx_line.cl_n;
}

void cfm_invalid(struct cmdctx *cx, const char *operand)
{
    cfm_reply(cx, "CFM003E INVALID OPTION - %s", operand);
}

void cfm_missing(struct cmdctx *cx)
{
    cfm_reply(cx, "CFM026E OPERAND MISSING OR INVALID");
}

void cfm_subcommand(struct cmdctx *cx, const struct cmd_entry *tab, size_t n)
{
    const char *what = cfm_arg(cx);
    if (!what) {
        cfm_missing(cx);
        return;
    }
    const struct cmd_entry *e = cmd_lookup(tab, n, what);
    if (!e || !cmd_allowed(e, cx->cx_classes)) {
        cfm_invalid(cx, what);
        return;
    }
    e->ce_fn(cx);
    if (cfm_more(cx))
        cfm_invalid(cx, cfm_arg(cx));
}

bool cfm_hex(const char *s, uint32_t *v)
{
    uint32_t r = 0;
    size_t n = 0;
    for (; *s; s++, n++) {
        char c = *s;
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return false;
        r = r << 4 | d;
    }
    if (n == 0 || n > 8)
        return false;
    *v = r;
    return true;
}

static void c_shutdown(struct cmdctx *cx)
{
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    cpi_shutdown(cx->cx_user);
}

#define G  CMD_CLASS('G')
#define AG CMD_CLASSES_AG

/* The CP command table: name, minimum abbreviation, classes, handler, flags. */
static const struct cmd_entry cp_commands[] = {
    { "BEGIN",    1, AG,             cfv_begin,      CMD_F_VM },
    { "COUPLE",   3, AG,             vctc_cmd_couple, CMD_F_VM },
    { "DEFINE",   3, AG,             cfv_define,     CMD_F_VM },
    { "DETACH",   3, AG,             lnk_cmd_detach, CMD_F_VM },
    { "DISPLAY",  1, AG,             cfd_display,    CMD_F_VM },
    { "EXTERNAL", 3, AG,             cfv_external,   CMD_F_VM },
    { "INDICATE", 2, AG,             cfs_indicate,   0 },
    { "IPL",      1, AG,             ipl_cmd,        CMD_F_VM },
    { "LINK",     4, AG,             lnk_cmd_link,   CMD_F_VM },
    { "LOGOFF",   3, AG,             log_cmd_logoff, CMD_F_VM },
    { "LOGOUT",   6, AG,             log_cmd_logoff, CMD_F_VM },
    { "LOGON",    1, CMD_ANY,        log_cmd_logon,  CMD_F_NOVM },
    { "LOGIN",    4, CMD_ANY,        log_cmd_logon,  CMD_F_NOVM },
    { "MESSAGE",  1, AG,             cfv_msg,        0 },
    { "MSG",      3, AG,             cfv_msg,        0 },
    { "QUERY",    1, AG,             cfq_query,      0 },
    { "SET",      3, AG,             cfs_set,        0 },
    { "SHUTDOWN", 8, CMD_CLASS('A'), c_shutdown,     0 },
    { "STORE",    2, AG,             cfd_store,      CMD_F_VM },
    { "SYSTEM",   3, AG,             cfv_system,     CMD_F_VM },
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
    /* As in VM/370, a command the user's classes do not include is unknown,
     * and before LOGON only LOGON is known. */
    bool prelogon = !cx->cx_vm && cx->cx_trm;
    if (!e || !cmd_allowed(e, cx->cx_classes) || (prelogon && !(e->ce_flags & CMD_F_NOVM))) {
        cfm_reply(cx, "CFM001E UNKNOWN CP COMMAND: %s", verb);
        return;
    }
    if ((e->ce_flags & CMD_F_VM) && !cx->cx_vm) {
        cfm_reply(cx, "CFM002E %s NEEDS A VIRTUAL MACHINE: LOG ON TO USE IT", verb);
        return;
    }
    if (cx->cx_line.cl_toolong) {
        cfm_missing(cx);
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
    cx.cx_classes = CMD_CLASSES_AG;
    cx.cx_reply = oper_reply;
    cfm_execute(&cx, line);
}

static void logo_reply(struct cmdctx *cx, const char *text)
{
    trm_logo_reply(cx->cx_trm, text);
}

void cfm_prelogon(struct trm *t, const char *line)
{
    static struct cmdctx cx;
    memset(&cx, 0, sizeof cx);
    cx.cx_user = "";
    cx.cx_classes = 0;
    cx.cx_trm = t;
    cx.cx_reply = logo_reply;
    cfm_execute(&cx, line);
}

static void user_reply(struct cmdctx *cx, const char *text)
{
    if (!cx->cx_rc)
        cx->cx_rc = cmd_msg_rc(text);
    if (cx->cx_sink)
        cx->cx_sink(cx->cx_sinkctx, text);
    else
        vmcons_write(cx->cx_vm, text);
}

void cfm_user(struct vmblok *vm, const char *line)
{
    cfm_guest(vm, line, NULL, NULL);
}

int cfm_guest(struct vmblok *vm, const char *line, void (*sink)(void *ctx, const char *text),
              void *ctx)
{
    static struct cmdctx cx;
    memset(&cx, 0, sizeof cx);
    cx.cx_user = vm->vm_user;
    cx.cx_classes = vm->vm_classes;
    cx.cx_vm = vm;
    cx.cx_trm = vm->vm_trm;
    cx.cx_reply = user_reply;
    cx.cx_sink = sink;
    cx.cx_sinkctx = ctx;
    cfm_execute(&cx, line);
    return cx.cx_rc;
}
