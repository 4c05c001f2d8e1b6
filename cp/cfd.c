/* cfd.c: DISPLAY and STORE: a user looks at and changes the virtual
 * machine's storage, registers and PSW (VM/370 CP Command Reference:
 * "DISPLAY", "STORE").
 *   DISPLAY [L|T]hexloc[-hexloc|.hexcount]   storage (T adds EBCDIC)
 *   DISPLAY G[reg[-reg]]  X[reg[-reg]]  Y[reg[-reg]]  PSW
 *   STORE [L]hexloc hexword...   STORE Greg hexword...   STORE Xreg hexword...
 *   STORE PSW [hexword1] hexword2
 */
#include "cfm.h"
#include "vm.h"
#include "vst.h"
#include "ebcdic.h"
#include "fmt.h"
#include "cplib.h"

#define BYTES_PER_LINE 16u

/* "n" or "n-m" register range, decimal or hex digits as VM/370 took them. */
static bool reg_range(const char *s, unsigned *lo, unsigned *hi, unsigned max)
{
    uint32_t a, b;
    char part[8];
    if (!*s) {
        *lo = 0;
        *hi = max;
        return true;
    }
    const char *dash = s;
    while (*dash && *dash != '-')
        dash++;
    size_t n = (size_t)(dash - s);
    if (n == 0 || n >= sizeof part)
        return false;
    memcpy(part, s, n);
    part[n] = '\0';
    if (!cfm_hex(part, &a) || a > max)
        return false;
    b = a;
    if (*dash && (!cfm_hex(dash + 1, &b) || b > max || b < a))
        return false;
    *lo = a;
    *hi = b;
    return true;
}

static void show_regs(struct cmdctx *cx, const char *name, const uint32_t *r, unsigned lo, unsigned hi)
{
    for (unsigned i = lo; i <= hi; i += 4) {
        char line[96];
        size_t len = fmt(line, sizeof line, "%s %2u =", name, i);
        for (unsigned j = i; j <= hi && j < i + 4; j++)
            len += fmt(line + len, sizeof line - len, " %08X", r[j]);
        cx->cx_reply(cx, line);
    }
}

static void show_fprs(struct cmdctx *cx, const struct vmblok *vm, unsigned lo, unsigned hi)
{
    for (unsigned i = lo & ~1u; i <= hi && i <= 6; i += 2)
        cfm_reply(cx, "FPR %u = %08X %08X", i, (unsigned)(vm->vm_fpr[i / 2] >> 32),
                  (unsigned)vm->vm_fpr[i / 2]);
}

static void show_psw(struct cmdctx *cx, const struct vmblok *vm)
{
    char t[PSW_TEXT_LEN];
    psw_text(&vm->vm_psw, t);
    cfm_reply(cx, "PSW = %s", t);
}

/* [L|T]hexloc[-hexloc|.hexcount] into [*from, *to]; false: bad syntax. */
static bool storage_range(const char *s, uint32_t *from, uint32_t *to, bool *text)
{
    char part[16];
    *text = false;
    if (*s == 'L' || *s == 'T') {
        *text = *s == 'T';
        s++;
    }
    const char *sep = s;
    while (*sep && *sep != '-' && *sep != '.')
        sep++;
    size_t n = (size_t)(sep - s);
    if (n == 0 || n >= sizeof part)
        return false;
    memcpy(part, s, n);
    part[n] = '\0';
    if (!cfm_hex(part, from))
        return false;
    uint32_t v;
    if (!*sep) {
        *to = *from + 3;                          /* one fullword */
    } else if (*sep == '-') {
        if (!cfm_hex(sep + 1, &v) || v < *from)
            return false;
        *to = v;
    } else {
        if (!cfm_hex(sep + 1, &v) || v == 0)
            return false;
        *to = *from + v - 1;
    }
    return true;
}

static void show_storage(struct cmdctx *cx, struct vmblok *vm, uint32_t from, uint32_t to, bool text)
{
    from &= ~3u;
    if (from >= vm->vm_size) {
        cfm_reply(cx, "CFD160E HEXLOC %06X EXCEEDS STORAGE", from);
        return;
    }
    if (to >= vm->vm_size)
        to = vm->vm_size - 1;
    for (uint32_t a = from; a <= to; a += BYTES_PER_LINE) {
        uint8_t b[BYTES_PER_LINE];
        uint32_t n = to - a + 1 < BYTES_PER_LINE ? ((to - a + 1 + 3) & ~3u) : BYTES_PER_LINE;
        vst_read(vm, a, b, n);
        char line[96];
        size_t len = fmt(line, sizeof line, "%06X ", a);
        for (uint32_t i = 0; i < n; i += 4)
            len += fmt(line + len, sizeof line - len, " %02X%02X%02X%02X", b[i], b[i + 1], b[i + 2], b[i + 3]);
        if (text) {
            char t[BYTES_PER_LINE + 1];
            ebc_to_ascii(t, b, n);
            for (uint32_t i = 0; i < n; i++)
                if (t[i] < 0x20 || t[i] > 0x7E)
                    t[i] = '.';
            t[n] = '\0';
            for (uint32_t pad = (BYTES_PER_LINE - n) / 4 * 9; pad && len + 1 < sizeof line; pad--)
                line[len++] = ' ';
            len += fmt(line + len, sizeof line - len, "  *%s*", t);
        }
        cx->cx_reply(cx, line);
        if (a + BYTES_PER_LINE < a)
            break;
    }
}

void cfd_display(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *op = cfm_arg(cx);
    unsigned lo, hi;
    uint32_t from, to;
    bool text;
    if (!op) {
        cfm_missing(cx);
        return;
    }
    if (strcmp(op, "PSW") == 0)
        show_psw(cx, vm);
    else if (op[0] == 'G' && reg_range(op + 1, &lo, &hi, 15))
        show_regs(cx, "GPR", vm->vm_ctx.hc_gr, lo, hi);
    else if (op[0] == 'X' && reg_range(op + 1, &lo, &hi, 15))
        show_regs(cx, "CR ", vm->vm_cr, lo, hi);
    else if (op[0] == 'Y' && reg_range(op + 1, &lo, &hi, 6))
        show_fprs(cx, vm, lo, hi);
    else if (storage_range(op, &from, &to, &text))
        show_storage(cx, vm, from, to, text);
    else
        cfm_invalid(cx, op);
    if (cfm_more(cx))
        cfm_invalid(cx, cfm_arg(cx));
}

/* The operands after the location, as fullwords; false (with a message)
 * on a bad one. */
static bool words(struct cmdctx *cx, uint32_t *w, unsigned *n, unsigned max)
{
    *n = 0;
    const char *s;
    while ((s = cfm_arg(cx)) != NULL) {
        if (*n == max || !cfm_hex(s, &w[*n])) {
            cfm_invalid(cx, s);
            return false;
        }
        (*n)++;
    }
    if (*n == 0) {
        cfm_missing(cx);
        return false;
    }
    return true;
}

static void store_psw(struct cmdctx *cx, struct vmblok *vm)
{
    uint32_t w[2];
    unsigned n;
    if (!words(cx, w, &n, 2))
        return;
    uint8_t raw[8];
    psw_encode(&vm->vm_psw, raw);
    uint32_t hi = (uint32_t)raw[0] << 24 | (uint32_t)raw[1] << 16 | (uint32_t)raw[2] << 8 | raw[3];
    if (n == 2)
        hi = w[0];
    uint32_t lo = w[n - 1];
    for (int i = 0; i < 4; i++) {
        raw[i] = (uint8_t)(hi >> (24 - 8 * i));
        raw[4 + i] = (uint8_t)(lo >> (24 - 8 * i));
    }
    struct vpsw p;
    if (!psw_decode(raw, &p)) {
        cfm_reply(cx, "CFD162E PSW %08X %08X IS NOT A VALID PSW; NOTHING STORED", hi, lo);
        return;
    }
    vm->vm_psw = p;
}

void cfd_store(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *op = cfm_arg(cx);
    uint32_t w[CMD_MAXTOK], at;
    unsigned n, lo, hi;
    bool text;
    if (!op) {
        cfm_missing(cx);
        return;
    }
    if (strcmp(op, "PSW") == 0) {
        store_psw(cx, vm);
    } else if ((op[0] == 'G' || op[0] == 'X') && op[1] && reg_range(op + 1, &lo, &hi, 15)) {
        uint32_t *r = op[0] == 'G' ? vm->vm_ctx.hc_gr : vm->vm_cr;
        if (words(cx, w, &n, 16))
            for (unsigned i = 0; i < n; i++)
                r[(lo + i) & 15] = w[i];
    } else if (storage_range(op, &at, &hi, &text) && !text) {
        if (!words(cx, w, &n, CMD_MAXTOK))
            return;
        if ((uint64_t)at + n * 4 > vm->vm_size) {
            cfm_reply(cx, "CFD160E HEXLOC %06X EXCEEDS STORAGE", at);
            return;
        }
        for (unsigned i = 0; i < n; i++)
            vst_write_u32(vm, at + i * 4, w[i]);
    } else {
        cfm_invalid(cx, op);
    }
}
