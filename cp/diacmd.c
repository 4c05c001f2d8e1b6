/* diacmd.c: DIAGNOSE X'08', a CP command from the guest (VM/370's way for
 * CMS to pass on "CP ..." and commands it does not know).
 *
 *   Rx    address of the command text (EBCDIC; X'15' separates commands)
 *   Ry    bits 24-31 its length (at most 240); bit 1 (X'40000000'): put
 *         the response in the buffer below instead of on the console
 *   Rx+1  buffer address, Ry+1 buffer length (with the X'40000000' flag)
 * Results: Ry = the return code (the number of the first error message,
 * 0 if none); with a buffer, Ry+1 = the response's length, each line
 * followed by X'15'; if it did not fit, cc 1 and Ry+1 = the bytes left
 * out (the buffer holds what fitted). */
#include "dia.h"
#include "prv.h"
#include "vm.h"
#include "vst.h"
#include "cfm.h"
#include "ebcdic.h"
#include "cplib.h"

#define GR(n) (vm->vm_ctx.hc_gr[(n) & 15])
#define CMD_MAX      240
#define FLAG_BUFFER  0x40000000u
#define EBC_NL       0x15

struct response {
    struct vmblok *vm;
    uint32_t addr, cap, len, over;
    bool     fault;
};

static void to_buffer(void *ctx, const char *text)
{
    struct response *r = ctx;
    uint8_t line[257];
    size_t n = strlen(text);
    if (n > 256)
        n = 256;
    ebc_from_ascii(line, text, n);
    line[n++] = EBC_NL;
    uint32_t fit = r->len < r->cap ? r->cap - r->len : 0;
    if (fit > n)
        fit = (uint32_t)n;
    if (fit && vst_write(r->vm, r->addr + r->len, line, fit))
        r->fault = true;
    r->len += fit;
    r->over += (uint32_t)n - fit;
}

int dia_cpcmd(struct vmblok *vm, unsigned rx, unsigned ry)
{
    uint32_t len = GR(ry) & 0xFF, flags = GR(ry) & 0xFFFFFF00u;
    if (len > CMD_MAX || (flags & ~FLAG_BUFFER) || (rx & 1) || (ry & 1 && (flags & FLAG_BUFFER)))
        return PGM_SPECIFICATION;
    uint8_t text[CMD_MAX];
    if (len && vst_read(vm, GR(rx), text, len))
        return PGM_ADDRESSING;
    struct response r = { vm, GR(rx + 1) & 0x00FFFFFFu, GR(ry + 1) & 0x00FFFFFFu, 0, 0, false };
    bool buffered = flags & FLAG_BUFFER;
    if (buffered && r.cap && (r.addr >= vm->vm_size || r.cap > vm->vm_size - r.addr))
        return PGM_ADDRESSING;
    int rc = 0;
    for (uint32_t start = 0; start <= len;) {
        uint32_t end = start;
        while (end < len && text[end] != EBC_NL)
            end++;
        char line[CMD_MAX + 1];
        ebc_to_ascii(line, text + start, end - start);
        line[end - start] = '\0';
        int one = cfm_guest(vm, line, buffered ? to_buffer : NULL, &r);
        if (!rc)
            rc = one;
        /* LOGOFF (or anything else that took the machine away) ends it. */
        if (vm->vm_run == VM_STOPPED && !vm->vm_real.es_segtab)
            return PRV_STOPPED;
        start = end + 1;
    }
    GR(ry) = (uint32_t)rc;
    vm->vm_psw.ps_cc = 0;
    if (buffered) {
        GR(ry + 1) = r.over ? r.over : r.len;
        vm->vm_psw.ps_cc = r.over ? 1 : 0;
    }
    return PRV_DONE;
}
