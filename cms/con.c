/* con.c: the CMS console (see con.h). */
#include "con.h"
#include "diag.h"
#include "../cp/ebcdic.h"
#include "../cp/fmt.h"
#include "../cp/cplib.h"

#define CONS_ADDR  0x009
#define CCW_WRITE  0x09         /* write, carriage return */
#define CCW_READ   0x0A         /* read inquiry */
#define CCW_SLI    0x20

struct ccw0 {
    uint32_t cmd_addr;
    uint8_t  flags, zero;
    uint16_t count;
} __attribute__((aligned(8)));

static bool ht, hx, have_typed, running;
static char typed[CON_LINE + 1];
static size_t typed_len;

static size_t read_line(char *out, size_t cap);

/* TEST I/O of the console: condition code 1 with attention in the CSW's
 * unit status means CP holds a line typed while CMS was busy. */
static bool line_waiting(void)
{
    int cc;
    uint32_t us = 0;
    __asm__ volatile(".insn s,0x9d000000,0x009(%%r0)\n\tipm %0\n\tsrl %0,28\n\t"
                     "ic %1,0x44(%%r0)"        /* the CSW's unit status */
                     : "=d"(cc), "+d"(us) : : "cc", "memory");
    return cc == 1 && (us & 0x80);
}

static void poll_typed(void)
{
    /* Only while a command runs: at Ready, a typed line is the next command. */
    if (!running || have_typed || !line_waiting())
        return;
    char line[CON_LINE + 1];
    size_t n = read_line(line, sizeof line);
    char up[4] = "";
    if (n == 2)
        for (int i = 0; i < 2; i++)
            up[i] = (char)(line[i] >= 'a' && line[i] <= 'z' ? line[i] - 32 : line[i]);
    if (strcmp(up, "HT") == 0) {
        ht = true;
    } else if (strcmp(up, "RT") == 0) {
        ht = false;
    } else if (strcmp(up, "HX") == 0) {
        hx = true;
        ht = true;          /* nothing more from the halted command */
    } else {
        memcpy(typed, line, n + 1);
        typed_len = n;
        have_typed = true;
    }
}

bool con_halted(void)
{
    poll_typed();
    return hx;
}

void con_new_command(void)
{
    ht = hx = false;
    running = true;
}

void con_command_done(void)
{
    ht = hx = false;
    running = false;
}

static void put(const char *text, size_t n)
{
    poll_typed();
    if (ht)
        return;
    static uint8_t buf[CON_LINE];
    static struct ccw0 ccw;
    ebc_from_ascii(buf, text, n);
    ccw = (struct ccw0){ (uint32_t)CCW_WRITE << 24 | (uint32_t)(uintptr_t)buf, CCW_SLI, 0,
                         (uint16_t)(n ? n : 1) };
    if (!n)
        buf[0] = 0x40;
    diag_io(0x20, CONS_ADDR, &ccw, NULL);
}

void con_write(const char *line)
{
    size_t n = strlen(line);
    do {
        size_t k = n > CON_LINE ? CON_LINE : n;
        put(line, k);
        line += k;
        n -= k;
    } while (n);
}

void con_printf(const char *f, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, f);
    fmt_v(buf, sizeof buf, f, ap);
    va_end(ap);
    con_write(buf);
}

size_t con_read(char *out, size_t cap)
{
    if (have_typed) {
        have_typed = false;
        size_t n = typed_len < cap ? typed_len : cap - 1;
        memcpy(out, typed, n);
        out[n] = '\0';
        return n;
    }
    return read_line(out, cap);
}

static size_t read_line(char *out, size_t cap)
{
    static uint8_t buf[CON_LINE];
    static struct ccw0 ccw;
    uint32_t st = 0;
    ccw = (struct ccw0){ (uint32_t)CCW_READ << 24 | (uint32_t)(uintptr_t)buf, CCW_SLI, 0,
                         CON_LINE };
    size_t n = 0;
    if (diag_io(0x20, CONS_ADDR, &ccw, &st) == 0)
        n = CON_LINE - (st & 0xFFFF);
    if (n >= cap)
        n = cap - 1;
    ebc_to_ascii(out, buf, n);
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return n;
}
