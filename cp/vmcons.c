/* vmcons.c: the user's side of a virtual machine (see vmcons.h). */
#include "vmcons.h"
#include "smp.h"
#include "dsp.h"
#include "vm.h"
#include "trm.h"
#include "cfm.h"
#include "fmt.h"
#include "cplib.h"
#include "vcon.h"
#include "vio.h"
#include "../dasd/dir.h"

void vmcons_write(struct vmblok *vm, const char *line)
{
    if (vm->vm_trm)
        trm_put(vm->vm_trm, line);      /* a disconnected user's output is lost, as in VM/370 */
}

void vmcons_printf(struct vmblok *vm, const char *f, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, f);
    fmt_v(buf, sizeof buf, f, ap);
    va_end(ap);
    vmcons_write(vm, buf);
}

void vmcons_show(struct vmblok *vm)
{
    if (vm->vm_trm)
        trm_status(vm->vm_trm, vm->vm_cpmode ? TRM_CP_READ
                               : vm->vm_vmread ? TRM_VM_READ : TRM_RUNNING);
}

void vmcons_reading(struct vmblok *vm, bool on)
{
    vm->vm_vmread = on;
    vmcons_show(vm);
}

static void enter_cp_mode(struct vmblok *vm)
{
    vm->vm_cpmode = true;
    vm->vm_run = VM_STOPPED;
    vmcons_show(vm);
}

void vmcons_begin(struct vmblok *vm)
{
    vm->vm_typed = true;            /* the user is waiting for it: interactive */
    vm->vm_cpmode = false;
    vm->vm_run = VM_RUNNING;
    vmcons_show(vm);
}

void vmcons_attention(struct vmblok *vm)
{
    enter_cp_mode(vm);
}

void vmcons_stop(struct vmblok *vm, const char *why)
{
    vmcons_write(vm, why);
    enter_cp_mode(vm);
}

void vmcons_disabled_wait(struct vmblok *vm)
{
    char t[PSW_TEXT_LEN];
    psw_text(&vm->vm_psw, t);
    vmcons_printf(vm, "DSP450W CP ENTERED; DISABLED WAIT PSW '%s'", t);
    enter_cp_mode(vm);
}

void vmcons_input(struct vmblok *vm, const char *line)
{
    /* A command may change the machine's storage or state, which must not
     * happen under a guest running on the other processor: hold the line
     * for the end of its slice (at most a slice away). */
    if (vm->vm_oncpu && vm->vm_oncpu != smp_cpu() + 1) {
        if (vm->vm_ndeferred == VM_DEFERRED) {
            vmcons_write(vm, "VCN003W LINE NOT TAKEN: THE MACHINE IS BUSY; ENTER IT AGAIN");
            return;
        }
        fmt(vm->vm_deferred[vm->vm_ndeferred++], sizeof vm->vm_deferred[0], "%s", line);
        return;
    }
    const char *p = line;
    while (*p == ' ')
        p++;
    if (vm->vm_cpmode) {
        cfm_user(vm, p);
        return;
    }
    /* #CP: a CP command without leaving the running machine. */
    if ((p[0] == '#') && (p[1] == 'C' || p[1] == 'c') && (p[2] == 'P' || p[2] == 'p')
        && (p[3] == ' ' || p[3] == '\0')) {
        cfm_user(vm, p + 3);
        return;
    }
    if (vm->vm_console) {
        vm->vm_typed = true;        /* interactive, for the scheduler */
        vcon_input(vm, line);
    }
    else
        vmcons_write(vm, "VCN001E THE VIRTUAL MACHINE HAS NO CONSOLE; PRESS PA1 OR TYPE #CP FOR CP");
}

void vmcons_deferred(struct vmblok *vm)
{
    char lines[VM_DEFERRED][sizeof vm->vm_deferred[0]];
    unsigned n = vm->vm_ndeferred;
    if (!n)
        return;                     /* the usual case, at every slice's end */
    memcpy(lines, vm->vm_deferred, n * sizeof lines[0]);
    vm->vm_ndeferred = 0;
    /* One of them may be LOGOFF: the rest then have no machine. */
    for (unsigned i = 0; i < n && dsp_logged_on(vm); i++)
        vmcons_input(vm, lines[i]);
}
