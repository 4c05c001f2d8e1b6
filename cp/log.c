/* log.c: LOGON, LOGOFF and disconnection (see log.h).
 *
 * A virtual machine is a VMBLOK and its directory entry from fixed pools,
 * plus storage tables and frames from vst.c. LOGON is two steps: the
 * userid on the logo (checked against the directory), then the password in
 * a non-display field. Messages follow VM/370's: LOGON AT, RECONNECT AT,
 * and LOGOFF AT with the CONNECT=, VIRTCPU= and TOTCPU= times.
 */
#include "log.h"
#include "vm.h"
#include "vst.h"
#include "tmr.h"
#include "trm.h"
#include "dsp.h"
#include "udr.h"
#include "con.h"
#include "vmcons.h"
#include "vcon.h"
#include "lnk.h"
#include "vur.h"
#include "vctc.h"
#include "ipl.h"
#include "vin.h"
#include "tod.h"
#include "fmt.h"
#include "cplib.h"
#include "hw/cpu.h"

static struct vmblok vm_pool[LOG_MAX_USERS];
static struct dir_user dir_pool[LOG_MAX_USERS];
static bool in_use[LOG_MAX_USERS];

struct vmblok *log_find(const char *userid)
{
    for (struct vmblok *vm = dsp_first(); vm; vm = vm->vm_next)
        if (strcmp(vm->vm_user, userid) == 0)
            return vm;
    return NULL;
}

void log_cmd_logon(struct cmdctx *cx)
{
    if (cx->cx_vm) {
        cx->cx_reply(cx, "LOG054E YOU ARE ALREADY LOGGED ON");
        return;
    }
    if (cx->cx_arg >= cx->cx_line.cl_n) {
        cx->cx_reply(cx, "LOG051E USERID MISSING: TYPE LOGON AND YOUR USERID");
        return;
    }
    const char *userid = cx->cx_line.cl_tok[cx->cx_arg++];
    char msg[80];
    if (strlen(userid) > 8 || udr_find(userid) < 0) {
        fmt(msg, sizeof msg, "LOG053E %s NOT IN CP DIRECTORY", userid);
        cx->cx_reply(cx, msg);
        return;
    }
    if (cx->cx_arg < cx->cx_line.cl_n) {
        fmt(msg, sizeof msg, "CFM003E INVALID OPTION - %s", cx->cx_line.cl_tok[cx->cx_arg]);
        cx->cx_reply(cx, msg);
        return;
    }
    trm_ask_password(cx->cx_trm, userid);
}

static struct vmblok *vm_new(struct dir_user **dirp)
{
    for (int i = 0; i < LOG_MAX_USERS; i++) {
        if (!in_use[i]) {
            in_use[i] = true;
            memset(&vm_pool[i], 0, sizeof vm_pool[i]);
            *dirp = &dir_pool[i];
            return &vm_pool[i];
        }
    }
    return NULL;
}

static void vm_free(struct vmblok *vm)
{
    in_use[vm - vm_pool] = false;
}

/* The console and unit record devices the directory gives the user;
 * minidisks and links follow once the terminal is attached, to show their
 * messages (lnk_logon). */
static void attach_devices(struct vmblok *vm, const struct dir_user *u)
{
    vm->vm_ndev = 0;
    vm->vm_console = NULL;
    for (unsigned i = 0; i < u->du_ndevs; i++) {
        const struct dir_dev *d = &u->du_dev[i];
        if (d->dd_kind == DIR_K_CONSOLE)
            vm->vm_console = vio_attach(vm, d->dd_vaddr, 0x3215, &vcon_ops);
        else if (d->dd_kind == DIR_K_SPOOL)
            vur_attach(vm, d->dd_vaddr, d->dd_type, d->dd_class);
        else if (d->dd_kind == DIR_K_SPECIAL && d->dd_type == DIR_T_CTCA)
            vctc_attach(vm, d->dd_vaddr);
    }
}

static void stamp(char *buf, size_t cap)
{
    tod_fmt_stamp(buf, cap, cpu_stck());
}

static void upper(char *dst, const char *src, size_t cap)
{
    size_t i = 0;
    for (; src[i] && i + 1 < cap; i++)
        dst[i] = (src[i] >= 'a' && src[i] <= 'z') ? (char)(src[i] - 32) : src[i];
    dst[i] = '\0';
}

void log_password(struct trm *t, const char *userid, const char *password)
{
    static struct dir_user entry;
    char pw[9], msg[80], when[48];
    int idx = udr_find(userid);
    if (idx < 0 || udr_load(idx, &entry) != 0) {
        fmt(msg, sizeof msg, "LOG053E %s NOT IN CP DIRECTORY", userid);
        trm_to_logo(t, msg, NULL);
        return;
    }
    upper(pw, password, sizeof pw);
    if (strlen(password) > 8 || strcmp(pw, entry.du_password) != 0
        || strcmp(entry.du_password, "NOLOG") == 0) {
        con_printf("LOG055W LOGON FAILED FOR %s AT %04X: PASSWORD INCORRECT", userid, trm_devno(t));
        trm_to_logo(t, "LOG050E PASSWORD INCORRECT - LOGON REFUSED", NULL);
        return;
    }
    stamp(when, sizeof when);
    struct vmblok *vm = log_find(userid);
    if (vm) {
        if (vm->vm_trm) {
            fmt(msg, sizeof msg, "LOG054E %s ALREADY LOGGED ON AT TERMINAL %04X",
                userid, trm_devno(vm->vm_trm));
            trm_to_logo(t, msg, NULL);
            return;
        }
        trm_attach(t, vm);
        vmcons_printf(vm, "RECONNECTED AT %s", when);
        con_printf("LOG003I %s RECONNECTED AT %04X", userid, trm_devno(t));
        return;
    }
    struct dir_user *dir;
    vm = vm_new(&dir);
    if (!vm || vst_create(vm, entry.du_storage) != 0) {
        if (vm)
            vm_free(vm);
        trm_to_logo(t, "LOG058E NO STORAGE LEFT FOR ANOTHER VIRTUAL MACHINE", NULL);
        return;
    }
    *dir = entry;
    fmt(vm->vm_user, sizeof vm->vm_user, "%s", userid);
    vm->vm_dir = dir;
    vm->vm_classes = entry.du_classes;
    vm->vm_logon_tod = cpu_stck();
    attach_devices(vm, dir);
    vin_reset(vm);
    vm->vm_cpmode = true;
    vm->vm_run = VM_STOPPED;
    dsp_add(vm);
    trm_attach(t, vm);
    lnk_logon(vm, dir);
    vmcons_printf(vm, "LOGON AT %s", when);
    con_printf("LOG001I %s LOGON AT %04X %s", userid, trm_devno(t), when);
    ipl_at_logon(vm);
}

static void logoff(struct vmblok *vm, const char *how)
{
    char conn[16], v[16], tt[16], when[48], line1[80], line2[80];
    tod_fmt_elapsed(conn, sizeof conn, cpu_stck() - vm->vm_logon_tod);
    tod_fmt_cpu(v, sizeof v, vm->vm_vcpu);
    tod_fmt_cpu(tt, sizeof tt, vm->vm_tcpu);
    stamp(when, sizeof when);
    fmt(line1, sizeof line1, "CONNECT= %s VIRTCPU= %s TOTCPU= %s", conn, v, tt);
    fmt(line2, sizeof line2, "%s AT %s", how, when);
    con_printf("LOG002I %s %s", vm->vm_user, line2);
    struct trm *t = vm->vm_trm;
    vm->vm_run = VM_STOPPED;        /* a DIAGNOSE X'08' LOGOFF must not run on */
    dsp_remove(vm);
    vio_detach_all(vm);
    vst_destroy(vm);
    vm_free(vm);
    if (t)
        trm_to_logo(t, line1, line2);
}

void log_cmd_logoff(struct cmdctx *cx)
{
    if (cx->cx_arg < cx->cx_line.cl_n) {
        char msg[80];
        fmt(msg, sizeof msg, "CFM003E INVALID OPTION - %s", cx->cx_line.cl_tok[cx->cx_arg]);
        cx->cx_reply(cx, msg);
        return;
    }
    logoff(cx->cx_vm, "LOGOFF");
}

void log_disconnect(struct vmblok *vm)
{
    vm->vm_trm = NULL;
    con_printf("LOG004I %s DISCONNECTED", vm->vm_user);
}

void log_all_off(void)
{
    struct vmblok *vm;
    while ((vm = dsp_first()) != NULL)
        logoff(vm, "FORCED LOGOFF");
}
