/* trm.c: the real 3270 terminals before LOGON.
 *
 * Each 3270 is a small state machine driven by its interruptions:
 *   device end on its own   a tn3270 client connected: show the logo
 *   attention               a key was pressed: Read Modified, then answer
 *   unit check              no client (intervention required): forget it
 * One channel program per terminal at a time; what is wanted meanwhile is
 * remembered in flags and started when the device is free (trm_kick).
 * A client that vanishes, even mid-write, only ever costs a unit check.
 */
#include "trm.h"
#include "cpi.h"
#include "ds3270.h"
#include "fmt.h"
#include "ios.h"
#include "logo.h"
#include "cplib.h"

#define TRM_MAX      64
#define TRM_READ_MAX 2048      /* Read Modified reply: AID, cursor, fields */
#define TRM_MSG_MAX  80

struct trm {
    struct iodev *t_dev;
    bool     t_client;         /* a client is connected, as far as CP knows */
    bool     t_busy;           /* a channel program is under way */
    bool     t_reading;        /* ... and it is a Read Modified */
    bool     t_want_logo;
    bool     t_want_read;
    char     t_msg[TRM_MSG_MAX + 1];   /* shown on the next logo */
    struct ccw1 t_ccw;
    uint8_t  t_out[LOGO_BUF_MAX] __attribute__((aligned(8)));
    uint8_t  t_in[TRM_READ_MAX] __attribute__((aligned(8)));
};

static struct trm trms[TRM_MAX];
static int ntrm;

static void trm_kick(struct trm *t);

static void start_logo(struct trm *t)
{
    struct logo_info li = { CPI_SYSNAME, "VERSION " CPI_VERSION, t->t_msg, t->t_dev->id_devno };
    size_t n = logo_build(t->t_out, sizeof t->t_out, &li);
    t->t_want_logo = false;
    if (n == 0)
        return;                /* cannot happen: LOGO_BUF_MAX always holds it */
    t->t_ccw = (struct ccw1){ DS_CMD_ERASE_WRITE, CCW_SLI, (uint16_t)n, ios_addr(t->t_out) };
    if (ios_start(t->t_dev, &t->t_ccw) == 0) {
        t->t_busy = true;
        t->t_reading = false;
    }
}

static void start_read(struct trm *t)
{
    t->t_want_read = false;
    t->t_ccw = (struct ccw1){ DS_CMD_READ_MODIFIED, CCW_SLI, TRM_READ_MAX, ios_addr(t->t_in) };
    if (ios_start(t->t_dev, &t->t_ccw) == 0) {
        t->t_busy = true;
        t->t_reading = true;
    }
}

static void trm_kick(struct trm *t)
{
    if (t->t_busy)
        return;
    if (t->t_want_read)
        start_read(t);
    else if (t->t_want_logo)
        start_logo(t);
}

static void client_gone(struct trm *t)
{
    t->t_client = false;
    t->t_want_logo = t->t_want_read = false;
    t->t_msg[0] = '\0';
}

/* What a user typed on the logo, before LOGON exists. */
static void logo_answer(struct trm *t, int aid, const char *text)
{
    t->t_msg[0] = '\0';
    if (aid == DS_AID_ENTER && text[0])
        fmt(t->t_msg, sizeof t->t_msg, "TRM001E LOGON IS NOT YET AVAILABLE - %s", text);
    /* Enter on an empty field, Clear, PA and PF keys: show the logo again. */
    t->t_want_logo = true;
}

static void read_done(struct trm *t, const struct irb *irb)
{
    size_t n = TRM_READ_MAX - irb->ir_scsw.sc_count;
    char text[LOGO_INPUT_LEN + 1];
    int aid = logo_input(t->t_in, n, text, sizeof text);
    if (aid < 0) {
        fmt(t->t_msg, sizeof t->t_msg, "TRM002E INPUT NOT UNDERSTOOD, PLEASE RETYPE");
        t->t_want_logo = true;
        return;
    }
    logo_answer(t, aid, text);
}

static struct trm *trm_of(struct iodev *d)
{
    return (struct trm *)d->id_priv;
}

static void trm_done(struct iodev *d, const struct irb *irb)
{
    struct trm *t = trm_of(d);
    uint8_t ds = irb->ir_scsw.sc_dstat;
    bool was_read = t->t_reading;
    t->t_busy = t->t_reading = false;
    if (ds & DS_UC) {
        client_gone(t);
        return;
    }
    t->t_client = true;
    if (was_read)
        read_done(t, irb);
    if (ds & DS_ATTN)
        t->t_want_read = true;
    trm_kick(t);
}

static void trm_unsol(struct iodev *d, const struct irb *irb)
{
    struct trm *t = trm_of(d);
    uint8_t ds = irb->ir_scsw.sc_dstat;
    if (ds & DS_UC) {
        client_gone(t);
        return;
    }
    if (ds & DS_ATTN) {
        t->t_client = true;
        t->t_want_read = true;
    } else if (ds & DS_DE) {
        /* Device end alone: a client has just connected to this device. */
        t->t_client = true;
        t->t_msg[0] = '\0';
        t->t_want_logo = true;
    }
    trm_kick(t);
}

static const struct iodrv trm_drv = { trm_done, trm_unsol };

void trm_init_all(void)
{
    struct iodev *d;
    for (ntrm = 0; ntrm < TRM_MAX && (d = ios_find(DC_TERMINAL, ntrm)) != NULL; ntrm++) {
        struct trm *t = &trms[ntrm];
        memset(t, 0, sizeof *t);
        t->t_dev = d;
        d->id_priv = t;
        d->id_drv = &trm_drv;
        /* A client may have connected before CP was up: try the logo on
         * every terminal; those without one answer with a unit check. */
        t->t_want_logo = true;
        trm_kick(t);
    }
}

void trm_shutdown_all(void)
{
    for (int i = 0; i < ntrm; i++) {
        struct trm *t = &trms[i];
        if (ios_wait_active(t->t_dev, 500) != 0 || !t->t_client)
            continue;
        fmt(t->t_msg, sizeof t->t_msg, "CPI022I SYSTEM SHUTDOWN IN PROGRESS");
        struct logo_info li = { CPI_SYSNAME, "VERSION " CPI_VERSION, t->t_msg,
                                t->t_dev->id_devno };
        size_t n = logo_build(t->t_out, sizeof t->t_out, &li);
        struct irb irb;
        t->t_ccw = (struct ccw1){ DS_CMD_ERASE_WRITE, CCW_SLI, (uint16_t)n, ios_addr(t->t_out) };
        ios_sync(t->t_dev, &t->t_ccw, &irb, 500);
    }
}
