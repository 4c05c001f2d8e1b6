/* cfq.c: QUERY and its operands, one row each (name, abbreviation,
 * classes, handler). What the operator console and a user see differs
 * where VM/370's did: STORAGE is real storage for the operator and the
 * virtual machine's for a user. */
#include "cfm.h"
#include "cpi.h"
#include "dsp.h"
#include "pag.h"
#include "trm.h"
#include "vm.h"
#include "tod.h"
#include "fmt.h"
#include "cplib.h"
#include "hw/cpu.h"

static void q_time(struct cmdctx *cx)
{
    char stamp[48], conn[16], v[16], t[16];
    uint64_t now = cpu_stck();
    tod_fmt_stamp(stamp, sizeof stamp, now);
    cfm_reply(cx, "TIME IS %s", stamp);
    struct vmblok *vm = cx->cx_vm;
    tod_fmt_elapsed(conn, sizeof conn, now - (vm ? vm->vm_logon_tod : cpi_ipl_tod));
    tod_fmt_cpu(v, sizeof v, vm ? vm->vm_vcpu : 0);
    tod_fmt_cpu(t, sizeof t, vm ? vm->vm_tcpu : 0);
    cfm_reply(cx, "CONNECT= %s VIRTCPU= %s TOTCPU= %s", conn, v, t);
}

static void q_cplevel(struct cmdctx *cx)
{
    char stamp[48];
    cfm_reply(cx, "%s VERSION %s", CPI_SYSNAME, CPI_VERSION);
    tod_fmt_stamp(stamp, sizeof stamp, cpi_ipl_tod);
    cfm_reply(cx, "IPL AT %s", stamp);
}

static void q_storage(struct cmdctx *cx)
{
    uint32_t bytes = cx->cx_vm ? cx->cx_vm->vm_size : cpi_real_storage;
    cfm_reply(cx, "STORAGE = %05uK", bytes / 1024);
}

/* CPCMS's own: what paging has done since IPL (docs/paging.md). */
static void q_paging(struct cmdctx *cx)
{
    struct pag_stats st;
    pag_stats(&st);
    cfm_reply(cx, "PAGING: %u PAGE-INS, %u PAGE-OUTS, %u RECLAIMED", (unsigned)st.ps_ins,
              (unsigned)st.ps_outs, (unsigned)st.ps_reclaims);
    cfm_reply(cx, "FRAMES: %u FREE OF %u; SLOTS: %u IN USE OF %u", (unsigned)st.ps_free,
              (unsigned)st.ps_frames, (unsigned)st.ps_slots_used, (unsigned)st.ps_slots);
}

static void name_of(const struct vmblok *vm, char *buf, size_t cap)
{
    if (vm->vm_trm)
        fmt(buf, cap, "%-8s - %04X", vm->vm_user, trm_devno(vm->vm_trm));
    else
        fmt(buf, cap, "%-8s - DSC ", vm->vm_user);
}

/* Four users to a line, as VM/370 listed them. */
static void q_names(struct cmdctx *cx)
{
    char line[96], one[24];
    size_t len = 0;
    int n = 0;
    line[0] = '\0';
    for (struct vmblok *vm = dsp_first(); vm; vm = vm->vm_next) {
        name_of(vm, one, sizeof one);
        len += fmt(line + len, sizeof line - len, "%s%s", n ? " , " : "", one);
        if (++n == 4) {
            cx->cx_reply(cx, line);
            n = 0;
            len = 0;
            line[0] = '\0';
        }
    }
    if (n)
        cx->cx_reply(cx, line);
    if (!dsp_first())
        cfm_reply(cx, "NO USERS LOGGED ON");
}

static void q_users(struct cmdctx *cx)
{
    const char *who = cfm_arg(cx);
    if (who) {
        for (struct vmblok *vm = dsp_first(); vm; vm = vm->vm_next) {
            if (strcmp(vm->vm_user, who) == 0) {
                char one[24];
                name_of(vm, one, sizeof one);
                cx->cx_reply(cx, one);
                return;
            }
        }
        cfm_reply(cx, "CFQ045E %s NOT LOGGED ON", who);
        return;
    }
    cfm_reply(cx, "%03d USERS, 000 DIALED", dsp_count());
}

static void q_virtual(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    if (!vm) {
        cfm_reply(cx, "CFM002E QUERY VIRTUAL NEEDS A VIRTUAL MACHINE: LOG ON TO USE IT");
        return;
    }
    cfm_reply(cx, "STORAGE = %05uK, %u PAGES RESIDENT", vm->vm_size / 1024, vm->vm_resident);
    cfm_reply(cx, "CPU 00  ID = FF000370 3090  %s MODE", vm->vm_psw.ps_ec ? "EC" : "BC");
    for (int i = 0; i < vm->vm_ndev; i++) {
        const struct vdev *vd = &vm->vm_dev[i];
        char line[80];
        if (!vd->vd_ops)
            continue;
        vio_describe(vm, vd, line, sizeof line);
        cfm_reply(cx, "%s", line);
    }
    if (vm->vm_ndev == 0)
        cfm_reply(cx, "NO VIRTUAL DEVICES");
}

static void q_psw(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    if (!vm) {
        cfm_reply(cx, "CFM002E QUERY PSW NEEDS A VIRTUAL MACHINE: LOG ON TO USE IT");
        return;
    }
    char t[PSW_TEXT_LEN];
    psw_text(&vm->vm_psw, t);
    cfm_reply(cx, "PSW = %s", t);
}

static const struct cmd_entry query_tab[] = {
    { "CPLEVEL", 7, CMD_CLASSES_AG, q_cplevel, 0 },
    { "NAMES",   1, CMD_CLASSES_AG, q_names,   0 },
    { "PAGING",  3, CMD_CLASS('A') | CMD_CLASS('E'), q_paging, 0 },
    { "PSW",     3, CMD_CLASSES_AG, q_psw,     0 },
    { "STORAGE", 3, CMD_CLASSES_AG, q_storage, 0 },
    { "TIME",    4, CMD_CLASSES_AG, q_time,    0 },
    { "USERS",   1, CMD_CLASSES_AG, q_users,   0 },
    { "VIRTUAL", 1, CMD_CLASSES_AG, q_virtual, 0 },
};

void cfq_query(struct cmdctx *cx)
{
    cfm_subcommand(cx, query_tab, sizeof query_tab / sizeof query_tab[0]);
}
