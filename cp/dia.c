/* dia.c: DIAGNOSE, the guest's call to CP (VM/370 "DIAGNOSE instruction in
 * a virtual machine"). Format RS: X'83' Rx Ry code, the code being the
 * second-operand address; a code that is not a multiple of 4 is a
 * specification exception, and so is one CP does not provide. Every code
 * is listed with its registers in docs/diagnose.md. */
#include "prv.h"
#include "dia.h"
#include "vm.h"
#include "vst.h"
#include "cpi.h"
#include "ebcdic.h"
#include "tod.h"
#include "fmt.h"
#include "cplib.h"
#include "hw/cpu.h"

typedef int (*dia_fn)(struct vmblok *vm, unsigned rx, unsigned ry);

#define GR(n) (vm->vm_ctx.hc_gr[(n)])

/* X'00': extended identification into the area at Rx, Ry bytes long:
 * system name (8), version, level, PLC (3), ..., userid at offset 16. */
static int dia_00(struct vmblok *vm, unsigned rx, unsigned ry)
{
    uint8_t id[24];
    char text[25];
    fmt(text, sizeof text, "%-8s", CPI_SYSNAME);
    ebc_from_ascii(id, text, 8);
    id[8] = 0x00; id[9] = 0x01; id[10] = 0x00;       /* version 0.1 */
    memset(id + 11, 0, 5);
    fmt(text, sizeof text, "%-8s", vm->vm_user);
    ebc_from_ascii(id + 16, text, 8);
    uint32_t len = GR(ry);
    if (len > sizeof id)
        len = sizeof id;
    if (GR(rx) & 7)
        return PGM_SPECIFICATION;
    if (vst_write(vm, GR(rx), id, len))
        return PGM_ADDRESSING;
    GR(ry) = GR(ry) - len;
    return PRV_DONE;
}

/* X'0C': pseudo-timer, 32 bytes at Rx (doubleword aligned): date
 * "MM/DD/YY", time "HH:MM:SS" (EBCDIC), then virtual and total CPU time
 * in microseconds (doublewords). */
static int dia_0c(struct vmblok *vm, unsigned rx, unsigned ry)
{
    (void)ry;
    uint32_t a = GR(rx);
    if (a & 7)
        return PGM_SPECIFICATION;
    struct tod_tm tm;
    tod_to_tm(cpu_stck(), &tm);
    char text[17];
    tod_fmt_date(text, 9, &tm);
    tod_fmt_time(text + 8, 9, &tm);
    uint8_t out[32];
    ebc_from_ascii(out, text, 16);
    uint64_t v = vm->vm_vcpu >> 12, t = vm->vm_tcpu >> 12;
    for (int i = 7; i >= 0; i--, v >>= 8, t >>= 8) {
        out[16 + i] = (uint8_t)v;
        out[24 + i] = (uint8_t)t;
    }
    return vst_write(vm, a, out, 32) ? PGM_ADDRESSING : PRV_DONE;
}

/* X'10': release pages Rx to Ry (4K multiples, Rx <= Ry): their frames
 * go back to CP and they read as zeros when touched again. Advisory: while
 * the machine has I/O under way nothing is released. */
static int dia_10(struct vmblok *vm, unsigned rx, unsigned ry)
{
    uint32_t first = GR(rx), last = GR(ry);
    if ((first | last) & 0xFFF || first > last || (first | last) & 0xFF000000u)
        return PGM_SPECIFICATION;
    if (!vm->vm_pins)
        vst_release(vm, first, last);
    return PRV_DONE;
}

/* X'60': the virtual machine's storage size in bytes into Rx. */
static int dia_60(struct vmblok *vm, unsigned rx, unsigned ry)
{
    (void)ry;
    GR(rx) = vm->vm_size;
    return PRV_DONE;
}

static const struct {
    uint16_t code;
    dia_fn   fn;
} dia_tab[] = {
    { 0x00, dia_00 },
    { 0x08, dia_cpcmd },
    { 0x0C, dia_0c },
    { 0x10, dia_10 },
    { 0x18, dia_dasdio },
    { 0x20, dia_genio },
    { 0x24, dia_devtype },
    { 0x58, dia_console },
    { 0x60, dia_60 },
};

int prv_diagnose(struct vmblok *vm, const struct insn *in)
{
    unsigned code = prv_ea2(vm, in) & 0xFFFF;
    if (code & 3)
        return PGM_SPECIFICATION;
    for (unsigned i = 0; i < sizeof dia_tab / sizeof dia_tab[0]; i++)
        if (dia_tab[i].code == code)
            return dia_tab[i].fn(vm, in->in_r1, in->in_r3);
    return PGM_SPECIFICATION;
}
