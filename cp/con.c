/* con.c: the operator console driver (see con.h). */
#include "con.h"
#include "cfm.h"
#include "cplib.h"
#include "ebcdic.h"
#include "fmt.h"

#define CON_QUEUE 128          /* lines; when full the oldest unwritten is dropped */

#define CMD_3215_WRITE_CR 0x09
#define CMD_3215_READ     0x0A

static struct {
    struct iodev *dev;
    uint8_t  line[CON_QUEUE][CON_LINE_MAX];
    uint8_t  len[CON_QUEUE];
    unsigned head, tail;       /* head: next to write; tail: next free */
    bool     writing, reading, read_wanted;
    uint32_t dropped;
    uint8_t  inbuf[CON_LINE_MAX] __attribute__((aligned(8)));
    struct ccw1 ccw;
} con;

static void con_kick(void);

bool con_present(void)
{
    return con.dev != NULL;
}

static void enqueue(const char *text, size_t n)
{
    if (con.tail - con.head == CON_QUEUE) {   /* full: lose the oldest */
        con.head++;
        con.dropped++;
    }
    unsigned slot = con.tail % CON_QUEUE;
    ebc_from_ascii(con.line[slot], text, n);
    con.len[slot] = (uint8_t)n;
    con.tail++;
}

void con_write(const char *text)
{
    size_t n = strlen(text);
    do {
        size_t part = n > CON_LINE_MAX ? CON_LINE_MAX : n;
        enqueue(text, part);
        text += part;
        n -= part;
    } while (n);
    con_kick();
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

static void start_read(void)
{
    con.ccw = (struct ccw1){ CMD_3215_READ, CCW_SLI, CON_LINE_MAX, ios_addr(con.inbuf) };
    if (ios_start(con.dev, &con.ccw) == 0) {
        con.reading = true;
        con.read_wanted = false;
    }
}

static void start_write(void)
{
    unsigned slot = con.head % CON_QUEUE;
    /* A zero-length write is a command reject on a 3215: write a blank. */
    if (con.len[slot] == 0) {
        con.line[slot][0] = 0x40;
        con.len[slot] = 1;
    }
    con.ccw = (struct ccw1){ CMD_3215_WRITE_CR, CCW_SLI, con.len[slot],
                             ios_addr(con.line[slot]) };
    if (ios_start(con.dev, &con.ccw) == 0)
        con.writing = true;
}

/* Start the next operation if the console is idle: a wanted read first,
 * so the operator's command is taken before more output. */
static void con_kick(void)
{
    if (!con.dev || con.writing || con.reading)
        return;
    if (con.read_wanted)
        start_read();
    else if (con.head != con.tail)
        start_write();
}

static void con_done(struct iodev *d, const struct irb *irb)
{
    (void)d;
    if (irb->ir_scsw.sc_dstat & DS_ATTN)
        con.read_wanted = true;
    if (con.writing) {
        con.writing = false;
        con.head++;
    } else if (con.reading) {
        con.reading = false;
        if (!(irb->ir_scsw.sc_dstat & DS_UC)) {
            size_t n = CON_LINE_MAX - irb->ir_scsw.sc_count;
            char line[CON_LINE_MAX + 1];
            ebc_to_ascii(line, con.inbuf, n);
            line[n] = '\0';
            cfm_operator(line);
        }
    }
    con_kick();
}

static void con_unsol(struct iodev *d, const struct irb *irb)
{
    (void)d;
    if (irb->ir_scsw.sc_dstat & DS_ATTN)
        con.read_wanted = true;
    con_kick();
}

static const struct iodrv con_drv = { con_done, con_unsol };

void con_init(struct iodev *d)
{
    con.dev = d;
    d->id_drv = &con_drv;
    con_kick();
}

void con_flush_sync(void)
{
    struct irb irb;
    if (!con.dev)
        return;
    /* Let the operation in flight end: a write in flight is the line at
     * head, so it counts as written; a read's line is abandoned. */
    if (ios_wait_active(con.dev, 1000) == 0 && con.writing)
        con.head++;
    con.writing = con.reading = false;
    while (con.head != con.tail) {
        unsigned slot = con.head % CON_QUEUE;
        static struct ccw1 ccw;
        ccw = (struct ccw1){ CMD_3215_WRITE_CR, CCW_SLI,
                             con.len[slot] ? con.len[slot] : 1,
                             ios_addr(con.line[slot]) };
        if (ios_sync(con.dev, &ccw, &irb, 1000) == -2)
            break;
        con.head++;
    }
}
