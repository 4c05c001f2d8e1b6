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

static void put(const char *text, size_t n)
{
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
