/* cfv.c: commands that control the user's virtual machine: BEGIN, SYSTEM
 * RESET|CLEAR, DEFINE STORAGE, IPL, EXTERNAL; and MSG between users. */
#include "cfm.h"
#include "con.h"
#include "log.h"
#include "vm.h"
#include "vst.h"
#include "tmr.h"
#include "vmcons.h"
#include "vin.h"
#include "fmt.h"
#include "cplib.h"
#include "tdk.h"
#include "vctc.h"
#include "../dasd/dir.h"

void cfv_begin(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *at = cfm_arg(cx);
    uint32_t a;
    if (at && (!cfm_hex(at, &a) || a >= vm->vm_size)) {
        cfm_invalid(cx, at);
        return;
    }
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    if (at)
        vm->vm_psw.ps_addr = a;
    vmcons_begin(vm);
}

static void cpu_reset(struct vmblok *vm)
{
    vin_reset(vm);
    vm->vm_run = VM_STOPPED;
    vm->vm_vmread = false;
}

void cfv_system(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *what = cfm_arg(cx);
    if (!what) {
        cfm_missing(cx);
        return;
    }
    bool clear = strcmp(what, "CLEAR") == 0;
    if (!clear && strcmp(what, "RESET") != 0) {
        cfm_invalid(cx, what);
        return;
    }
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    cpu_reset(vm);
    if (clear) {
        memset(vm->vm_ctx.hc_gr, 0, sizeof vm->vm_ctx.hc_gr);
        memset(vm->vm_fpr, 0, sizeof vm->vm_fpr);
        vst_clear(vm);
        cfm_reply(cx, "STORAGE CLEARED - SYSTEM RESET");
    } else {
        cfm_reply(cx, "SYSTEM RESET");
    }
}

/* "1024K", "2M": bytes, or 0 when malformed. */
static uint32_t storage_size(const char *s)
{
    uint32_t v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (uint32_t)(*s - '0');
        if (v > 16 * 1024)
            return 0;
    }
    if (s[0] == 'K' && !s[1])
        return v * 1024;
    if (s[0] == 'M' && !s[1])
        return v * 1024 * 1024;
    return 0;
}

void cfv_define(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *what = cfm_arg(cx);
    if (what && strcmp(what, "T3380") == 0) {
        tdk_cmd_define(cx);
        return;
    }
    if (what && strcmp(what, "CTCA") == 0) {
        vctc_cmd_define(cx);
        return;
    }
    const char *size = cfm_arg(cx);
    if (!what || !size) {
        cfm_missing(cx);
        return;
    }
    if (strcmp(what, "STORAGE") != 0 && strcmp(what, "STOR") != 0) {
        cfm_invalid(cx, what);
        return;
    }
    uint32_t bytes = storage_size(size);
    if (bytes < DIR_MIN_STORAGE || bytes % DIR_STORAGE_UNIT || bytes > vm->vm_dir->du_maxstorage) {
        cfm_reply(cx, "CFV091E DEFINE STORAGE %s: SIZE MUST BE A MULTIPLE OF 4K FROM 64K TO %uK",
                  size, vm->vm_dir->du_maxstorage / 1024);
        return;
    }
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    uint32_t old = vm->vm_size;
    cpu_reset(vm);                  /* first: no I/O may still reach the old frames */
    vst_destroy(vm);
    if (vst_create(vm, bytes) != 0 && vst_create(vm, old) != 0) {
        vmcons_stop(vm, "CFV092E NO STORAGE LEFT FOR THIS VIRTUAL MACHINE");
        return;
    }
    cfm_reply(cx, "STORAGE = %05uK", vm->vm_size / 1024);
}

void cfv_external(struct cmdctx *cx)
{
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    cx->cx_vm->vm_ext_pending |= VM_EXT_KEY;
    vmcons_begin(cx->cx_vm);
}

/* MSG userid|OPERATOR text */
void cfv_msg(struct cmdctx *cx)
{
    const char *to = cfm_arg(cx);
    if (!to || !cfm_more(cx)) {
        cfm_missing(cx);
        return;
    }
    char text[200];
    size_t len = 0;
    text[0] = '\0';
    const char *w;
    while ((w = cfm_arg(cx)) != NULL)
        len += fmt(text + len, sizeof text - len, "%s%s", len ? " " : "", w);
    if (strcmp(to, "OPERATOR") == 0 || strcmp(to, "OP") == 0) {
        con_printf("MSG FROM %s: %s", cx->cx_user, text);
        return;
    }
    struct vmblok *target = log_find(to);
    if (!target) {
        cfm_reply(cx, "MSG045E %s NOT LOGGED ON", to);
        return;
    }
    vmcons_printf(target, "MSG FROM %s: %s", cx->cx_user[0] ? cx->cx_user : "OPERATOR", text);
}
