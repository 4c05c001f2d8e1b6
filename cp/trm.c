/* trm.c: the real 3270 terminals (see trm.h).
 *
 * Each 3270 is a small state machine driven by its interruptions:
 *   device end on its own   a tn3270 client connected: show the logo
 *   attention               a key was pressed: Read Modified, then answer
 *   unit check              no client (intervention required): forget it,
 *                           disconnecting its user if one was logged on
 * One channel program per terminal at a time; what is wanted meanwhile is
 * remembered in flags and started when the device is free (kick).
 * A terminal is in one of two modes: the logo (before LOGON) or line mode
 * (the password prompt, then the logged-on user's console, scr.c).
 *
 * Hercules takes a client's input only while the device is idle and drops
 * the attention if CP starts an I/O in that instant; the input then waits
 * unannounced. So after any write made while the keyboard was unlocked
 * (the user could have typed), CP polls with a Read Modified, TRM_POLL_MS
 * later unless an attention came first: input Hercules holds comes back
 * with its AID; otherwise the client answers "no AID". (Polling at once
 * could overtake a key the client had just sent, which it would then send
 * twice.) Even so a poll can meet a key pressed in that instant; the
 * client's second copy of it is dropped (pollecho.h). Output produced
 * while a line is being handled is written in one go.
 */
#include "trm.h"
#include "cpi.h"
#include "cfm.h"
#include "con.h"
#include "dsp.h"
#include "ds3270.h"
#include "fmt.h"
#include "ios.h"
#include "log.h"
#include "logo.h"
#include "pollecho.h"
#include "scr.h"
#include "vm.h"
#include "vmcons.h"
#include "vcon.h"
#include "cplib.h"
#include "hw/cpu.h"

#define TRM_MAX      64
#define TRM_READ_MAX 2048      /* Read Modified reply: AID, cursor, fields */
#define TRM_MSG_MAX  80
#define TRM_POLL_MS  100       /* quiet time after a write before polling */
#define TRM_OUT_MAX  (SCR_BUF_MAX > LOGO_BUF_MAX ? SCR_BUF_MAX : LOGO_BUF_MAX)

enum trm_mode { TM_LOGO, TM_PASSWORD, TM_USER };

struct trm {
    struct iodev *t_dev;
    uint8_t  t_mode;           /* enum trm_mode */
    bool     t_client;         /* a client is connected, as far as CP knows */
    bool     t_busy;           /* a channel program is under way */
    bool     t_reading;        /* ... and it is a Read Modified */
    bool     t_polling;        /* ... of CP's own poll, no attention behind it */
    bool     t_want_logo;
    bool     t_want_read;
    bool     t_want_poll;      /* the wanted read is a poll */
    bool     t_kbd_open;       /* our last write unlocked the keyboard */
    bool     t_poll_after;     /* the write under way needs a poll after it */
    uint64_t t_poll_at;        /* when to poll (dsp_now_ms), 0: no poll due */
    bool     t_hold;           /* handling input: write once, at the end */
    struct pollecho t_echo;    /* a key a poll caught, whose copy may follow */
    char     t_msg[2][TRM_MSG_MAX + 1];   /* logo message lines */
    char     t_userid[9];      /* TM_PASSWORD: who is logging on */
    struct vmblok *t_vm;       /* TM_USER */
    struct scr t_scr;
    struct ccw1 t_ccw;
    uint8_t  t_out[TRM_OUT_MAX] __attribute__((aligned(8)));
    uint8_t  t_in[TRM_READ_MAX] __attribute__((aligned(8)));
};

static struct trm trms[TRM_MAX];
static int ntrm;

static void kick(struct trm *t);
static void client_gone(struct trm *t);

uint16_t trm_devno(const struct trm *t) { return t->t_dev->id_devno; }

static void start(struct trm *t, uint8_t cmd, void *buf, size_t n, bool reading, bool poll)
{
    t->t_ccw = (struct ccw1){ cmd, CCW_SLI, (uint16_t)n, ios_addr(buf) };
    int rc = ios_start(t->t_dev, &t->t_ccw);
    if (rc == 0) {
        t->t_busy = true;
        t->t_reading = reading;
        t->t_polling = poll;
        t->t_poll_after = !reading && t->t_kbd_open;
        return;
    }
    if (rc == -2) {                /* not operational: the device has gone */
        client_gone(t);
        return;
    }
    /* Status pending: an attention came in the same instant. Its
     * interruption comes next and kicks again; what this program was to
     * do is done then (the screen's rows were already counted as sent,
     * so a write becomes a redraw; a read is for the attention, no poll). */
    if (reading)
        t->t_want_read = true;
    else if (t->t_mode == TM_LOGO)
        t->t_want_logo = true;
    else
        scr_refresh(&t->t_scr);
}

static size_t build_logo(struct trm *t)
{
    struct logo_info li = {
        .li_sysname = CPI_SYSNAME, .li_version = "VERSION " CPI_VERSION,
        .li_message = t->t_msg[0], .li_message2 = t->t_msg[1],
        .li_devno = t->t_dev->id_devno,
    };
    return logo_build(t->t_out, sizeof t->t_out, &li);
}

/* Start the next operation if the device is free: a wanted read first,
 * then whatever the screen needs. */
static void kick(struct trm *t)
{
    if (t->t_busy || !t->t_client || t->t_hold)
        return;
    if (t->t_want_read) {
        bool poll = t->t_want_poll;
        t->t_want_read = t->t_want_poll = false;
        start(t, DS_CMD_READ_MODIFIED, t->t_in, TRM_READ_MAX, true, poll);
        return;
    }
    if (t->t_mode == TM_LOGO) {
        if (t->t_want_logo) {
            t->t_want_logo = false;
            size_t n = build_logo(t);
            if (n)
                start(t, DS_CMD_ERASE_WRITE, t->t_out, n, false, false);
        }
        return;
    }
    uint8_t cmd;
    size_t n = scr_render(&t->t_scr, dsp_now_ms(), t->t_out, sizeof t->t_out, &cmd);
    if (n)
        start(t, cmd, t->t_out, n, false, false);
}

void trm_to_logo(struct trm *t, const char *msg1, const char *msg2)
{
    t->t_mode = TM_LOGO;
    t->t_vm = NULL;
    fmt(t->t_msg[0], sizeof t->t_msg[0], "%s", msg1 ? msg1 : "");
    fmt(t->t_msg[1], sizeof t->t_msg[1], "%s", msg2 ? msg2 : "");
    t->t_want_logo = true;
    kick(t);
}

static void line_mode(struct trm *t)
{
    scr_init(&t->t_scr, CPI_SYSNAME);
}

void trm_ask_password(struct trm *t, const char *userid)
{
    t->t_mode = TM_PASSWORD;
    fmt(t->t_userid, sizeof t->t_userid, "%s", userid);
    line_mode(t);
    scr_put(&t->t_scr, "ENTER PASSWORD:", dsp_now_ms());
    scr_password(&t->t_scr, true);
    kick(t);
}

void trm_attach(struct trm *t, struct vmblok *vm)
{
    if (t->t_mode != TM_PASSWORD)
        line_mode(t);
    t->t_mode = TM_USER;
    t->t_vm = vm;
    vm->vm_trm = t;
    vmcons_show(vm);
}

void trm_put(struct trm *t, const char *line)
{
    scr_put(&t->t_scr, line, dsp_now_ms());
    kick(t);
}

bool trm_output_room(const struct trm *t)
{
    return scr_room(&t->t_scr);
}

void trm_display(struct trm *t, unsigned first, const char *text, size_t len, bool erase)
{
    scr_display(&t->t_scr, first, text, len, erase);
    kick(t);
}

void trm_status(struct trm *t, enum trm_state st)
{
    static const enum scr_state map[] = {
        [TRM_RUNNING] = SCR_RUNNING, [TRM_CP_READ] = SCR_CP_READ, [TRM_VM_READ] = SCR_VM_READ,
    };
    scr_set_state(&t->t_scr, map[st]);
    kick(t);
}

/* The client went away: a logged-on user is disconnected, not logged off. */
static void client_gone(struct trm *t)
{
    t->t_client = false;
    t->t_kbd_open = false;
    t->t_poll_at = 0;
    t->t_want_logo = t->t_want_read = t->t_want_poll = false;
    t->t_echo.pe_len = 0;
    if (t->t_mode == TM_USER && t->t_vm)
        log_disconnect(t->t_vm);
    t->t_mode = TM_LOGO;
    t->t_vm = NULL;
    t->t_msg[0][0] = t->t_msg[1][0] = '\0';
}

/* Text typed on the logo: a CP command before LOGON. */
static void logo_line(struct trm *t, int aid, const char *text)
{
    if (aid == DS_AID_NONE)
        return;                    /* CP's own poll: nothing was typed */
    t->t_want_logo = true;
    /* Enter with nothing typed keeps the messages (LOGOFF AT ...): it
     * also comes from a poll that gets the last Enter a second time. */
    if (aid == DS_AID_ENTER && !text[0])
        return;
    t->t_msg[0][0] = t->t_msg[1][0] = '\0';
    if (aid == DS_AID_ENTER)
        cfm_prelogon(t, text);     /* may move the terminal to line mode */
}

void trm_logo_reply(struct trm *t, const char *text)
{
    /* The logo has two message lines: fill them, then scroll. */
    if (t->t_msg[0][0] && t->t_msg[1][0])
        memcpy(t->t_msg[0], t->t_msg[1], sizeof t->t_msg[0]);
    char *slot = !t->t_msg[0][0] ? t->t_msg[0] : t->t_msg[1];
    fmt(slot, TRM_MSG_MAX + 1, "%s", text);
    t->t_want_logo = true;
}

/* A client may send two quick short-read keys (Clear, PA1-3) that
 * Hercules hands over in one read: they mean the last of them. */
static size_t last_short_read(uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b[i] != DS_AID_CLEAR && b[i] != DS_AID_PA1 && b[i] != DS_AID_PA2 && b[i] != DS_AID_PA3)
            return n;
    if (n > 1)
        b[0] = b[n - 1];
    return n ? 1 : 0;
}

static void read_done(struct trm *t, const struct irb *irb, bool poll)
{
    size_t n = last_short_read(t->t_in, TRM_READ_MAX - irb->ir_scsw.sc_count);
    uint64_t now = dsp_now_ms();
    if (pollecho_repeat(&t->t_echo, t->t_in, n, now))
        return;                    /* the client's answer to the poll before */
    if (poll && n > 0 && t->t_in[0] != DS_AID_NONE)
        pollecho_remember(&t->t_echo, t->t_in, n, now);
    if (n > 0 && t->t_in[0] != DS_AID_NONE)
        t->t_kbd_open = false;     /* the key locked the keyboard */
    if (t->t_mode == TM_LOGO) {
        char text[LOGO_INPUT_LEN + 1];
        int aid = logo_input(t->t_in, n, text, sizeof text);
        if (aid < 0) {
            fmt(t->t_msg[0], sizeof t->t_msg[0], "TRM002E INPUT NOT UNDERSTOOD, PLEASE RETYPE");
            t->t_want_logo = true;
            return;
        }
        logo_line(t, aid, text);
        return;
    }
    char line[SCR_IN_LEN + 1];
    enum scr_event ev = scr_input(&t->t_scr, t->t_in, n, dsp_now_ms(), line, sizeof line);
    if (ev == SCR_EV_BAD) {
        /* Tell the operator what came: a client's data stream CP cannot read. */
        uint8_t *b = t->t_in;
        con_printf("TRM003W %04X SENT %u BYTES CP COULD NOT READ: %02X %02X %02X %02X %02X %02X",
                   trm_devno(t), (unsigned)n, n > 0 ? b[0] : 0, n > 1 ? b[1] : 0, n > 2 ? b[2] : 0,
                   n > 3 ? b[3] : 0, n > 4 ? b[4] : 0, n > 5 ? b[5] : 0);
    }
    if (t->t_mode == TM_PASSWORD) {
        if (ev == SCR_EV_LINE)
            log_password(t, t->t_userid, line);
        else if (ev == SCR_EV_PA1)
            trm_to_logo(t, "LOG060E LOGON CANCELLED", NULL);
        return;
    }
    if (ev == SCR_EV_LINE && t->t_vm)
        vmcons_input(t->t_vm, line);
    else if (ev == SCR_EV_PA1 && t->t_vm)
        vmcons_attention(t->t_vm);
}

static struct trm *trm_of(struct iodev *d) { return (struct trm *)d->id_priv; }

static void trm_done(struct iodev *d, const struct irb *irb)
{
    struct trm *t = trm_of(d);
    uint8_t ds = irb->ir_scsw.sc_dstat;
    bool was_read = t->t_reading, was_poll = t->t_polling;
    t->t_busy = t->t_reading = t->t_polling = false;
    if (ds & DS_UC) {
        client_gone(t);
        return;
    }
    t->t_client = true;
    if (was_read) {
        t->t_hold = true;
        read_done(t, irb, was_poll);
        t->t_hold = false;
    } else {
        if (t->t_poll_after)
            t->t_poll_at = dsp_now_ms() + TRM_POLL_MS;
        t->t_kbd_open = true;      /* every write CP makes restores the keyboard */
    }
    if (ds & DS_ATTN) {
        t->t_want_read = true;
        t->t_want_poll = false;
        t->t_poll_at = 0;
    }
    kick(t);
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
        t->t_want_poll = false;
        t->t_poll_at = 0;
    } else if (ds & DS_DE) {
        /* Device end alone: a client has just connected to this device. */
        if (t->t_mode == TM_USER && t->t_vm)
            log_disconnect(t->t_vm);
        t->t_client = true;
        t->t_kbd_open = false;
        t->t_mode = TM_LOGO;
        t->t_vm = NULL;
        t->t_msg[0][0] = t->t_msg[1][0] = '\0';
        t->t_echo.pe_len = 0;
        t->t_want_logo = true;
    }
    kick(t);
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
        t->t_client = true;
        t->t_want_logo = true;
        kick(t);
    }
}

void trm_poll(void)
{
    uint64_t now = dsp_now_ms();
    for (int i = 0; i < ntrm; i++) {
        struct trm *t = &trms[i];
        uint64_t dl;
        if (t->t_poll_at && t->t_poll_at <= now && !t->t_busy) {
            t->t_poll_at = 0;
            t->t_want_read = t->t_want_poll = true;
            kick(t);
        }
        if (t->t_mode != TM_LOGO && (dl = scr_deadline(&t->t_scr)) != 0 && dl <= now)
            kick(t);
        /* A console write held for room goes on once the screen has some. */
        if (t->t_vm && t->t_vm->vm_conout_wait && scr_room(&t->t_scr))
            vcon_output_room(t->t_vm);
    }
}

uint64_t trm_next_deadline_tod(void)
{
    uint64_t best = ~(uint64_t)0;
    for (int i = 0; i < ntrm; i++) {
        struct trm *t = &trms[i];
        uint64_t dl;
        if (t->t_mode != TM_LOGO && (dl = scr_deadline(&t->t_scr)) != 0) {
            uint64_t tod = cpi_ipl_tod + dl * 1000u * 4096u;
            if (tod < best)
                best = tod;
        }
        if (t->t_poll_at) {
            uint64_t tod = cpi_ipl_tod + t->t_poll_at * 1000u * 4096u;
            if (tod < best)
                best = tod;
        }
    }
    return best;
}

void trm_shutdown_all(void)
{
    for (int i = 0; i < ntrm; i++) {
        struct trm *t = &trms[i];
        if (ios_wait_active(t->t_dev, 500) != 0 || !t->t_client)
            continue;
        t->t_busy = false;
        fmt(t->t_msg[0], sizeof t->t_msg[0], "CPI022I SYSTEM SHUTDOWN IN PROGRESS");
        t->t_msg[1][0] = '\0';
        size_t n = build_logo(t);
        struct irb irb;
        t->t_ccw = (struct ccw1){ DS_CMD_ERASE_WRITE, CCW_SLI, (uint16_t)n, ios_addr(t->t_out) };
        ios_sync(t->t_dev, &t->t_ccw, &irb, 500);
    }
}
