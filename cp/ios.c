/* ios.c: real I/O supervisor (see ios.h). */
#include "ios.h"
#include "cplib.h"
#include "hw/cpu.h"
#include "hw/hw.h"

struct iodev ios_dev[IOS_MAXDEV];
int ios_ndev;

/* Device types CP knows, from SENSE ID's device type field. */
static const struct {
    uint16_t devtype;
    uint8_t  cls;
} class_by_type[] = {
    { 0x3215, DC_CONSOLE },  { 0x1052, DC_CONSOLE },
    { 0x3277, DC_TERMINAL }, { 0x3278, DC_TERMINAL }, { 0x3279, DC_TERMINAL },
    { 0x3380, DC_DASD },     { 0x3350, DC_DASD },     { 0x3390, DC_DASD },
    { 0x3505, DC_READER },   { 0x2501, DC_READER },   { 0x2540, DC_READER },
    { 0x3525, DC_PUNCH },
    { 0x1403, DC_PRINTER },  { 0x3211, DC_PRINTER },
};

static const char *const class_names[] = {
    [DC_UNKNOWN]  = "UNKNOWN",
    [DC_CONSOLE]  = "OPERATOR CONSOLE",
    [DC_TERMINAL] = "3270 TERMINAL",
    [DC_DASD]     = "DASD",
    [DC_READER]   = "CARD READER",
    [DC_PUNCH]    = "CARD PUNCH",
    [DC_PRINTER]  = "PRINTER",
};

const char *ios_class_name(int cls)
{
    if (cls < 0 || cls >= (int)(sizeof class_names / sizeof class_names[0]))
        return "UNKNOWN";
    return class_names[cls];
}

struct iodev *ios_find(int cls, int nth)
{
    for (int i = 0; i < ios_ndev; i++)
        if (ios_dev[i].id_class == cls && nth-- == 0)
            return &ios_dev[i];
    return NULL;
}

static uint64_t now_us(void)
{
    return cpu_stck() >> 12;
}

/* ---- queued starts ------------------------------------------------------ */

static int nrunning;       /* devices with a queued start running (watchdog) */

static struct ioreq *dequeue(struct iodev *d)
{
    struct ioreq *rq = d->id_qhead;
    if (rq) {
        d->id_qhead = rq->rq_next;
        if (!d->id_qhead)
            d->id_qtail = NULL;
        rq->rq_next = NULL;
    }
    return rq;
}

/* Start the next queued request the device can take. */
static void start_next(struct iodev *d)
{
    while (!d->id_cur && !d->id_active && !d->id_hold && d->id_qhead) {
        struct ioreq *rq = dequeue(d);
        const struct ccw1 *prog = rq->rq_prepare(rq);
        if (!prog) {
            rq->rq_queued = false;
            continue;
        }
        struct irb irb;
        int rc = ios_start(d, prog);
        if (rc == -1) {             /* status left over from elsewhere: drop it */
            cpu_tsch(d->id_sid, &irb);
            rc = ios_start(d, prog);
        }
        if (rc == 0) {
            d->id_cur = rq;
            nrunning++;
            rq->rq_started = cpu_stck();
            continue;
        }
        /* The device is gone: the request ends with no status at all. */
        memset(&irb, 0, sizeof irb);
        irb.ir_scsw.sc_cstat = 0x02;     /* interface-control check */
        rq->rq_queued = false;
        rq->rq_done(rq, &irb);
    }
}

/* The request now running ended with irb. */
static void end_current(struct iodev *d, const struct irb *irb)
{
    struct ioreq *rq = d->id_cur;
    d->id_cur = NULL;
    d->id_active = false;
    nrunning--;
    rq->rq_queued = false;
    rq->rq_done(rq, irb);
}

static bool ending(const struct irb *irb)
{
    uint32_t f = irb->ir_scsw.sc_flags;
    /* Primary status ends a start; a halt of a device that was between
     * CCWs ends with status pending alone. */
    return ((f & (SCSW_FC_START | SCSW_FC_HALT)) && (f & SCSW_SC_PRIM))
           || ((f & SCSW_FC_HALT) && (f & SCSW_SC_PEND));
}

/* TEST SUBCHANNEL for a loop that polls d: with nothing yet (cc 1) it
 * leaves the host core to the device thread that will end the wait. */
static int tsch_polled(struct iodev *d, struct irb *irb)
{
    int cc = cpu_tsch(d->id_sid, irb);
    if (cc == 1)
        cpu_yield();
    return cc;
}

/* Poll the running request to its end (interruptions are disabled). */
static void finish_current(struct iodev *d)
{
    struct irb irb;
    while (d->id_cur) {
        int cc = tsch_polled(d, &irb);
        if (cc == 3) {
            memset(&irb, 0, sizeof irb);
            irb.ir_scsw.sc_cstat = 0x02;
            end_current(d, &irb);
        } else if (cc == 0 && ending(&irb)) {
            end_current(d, &irb);
        }
    }
}

void ios_submit(struct iodev *d, struct ioreq *rq)
{
    rq->rq_next = NULL;
    rq->rq_queued = true;
    if (d->id_qtail)
        d->id_qtail->rq_next = rq;
    else
        d->id_qhead = rq;
    d->id_qtail = rq;
    start_next(d);
}

void ios_finish(struct iodev *d, struct ioreq *rq)
{
    while (rq->rq_queued) {
        start_next(d);
        if (!d->id_cur)
            break;              /* the device is held by a synchronous program */
        finish_current(d);
    }
    start_next(d);
}

int ios_cancel(struct iodev *d, struct ioreq *rq)
{
    if (!rq->rq_queued)
        return 0;
    if (d->id_cur != rq) {
        for (struct ioreq **p = &d->id_qhead; *p; p = &(*p)->rq_next) {
            if (*p == rq) {
                *p = rq->rq_next;
                break;
            }
        }
        d->id_qtail = NULL;
        for (struct ioreq *q = d->id_qhead; q; q = q->rq_next)
            d->id_qtail = q;
        rq->rq_next = NULL;
        rq->rq_queued = false;
        return 0;
    }
    /* Running: halt it and wait for the halt's ending (a DASD presents
     * it within microseconds under Hercules). */
    d->id_hold++;
    cpu_hsch(d->id_sid);
    finish_current(d);
    d->id_hold--;
    start_next(d);
    return 1;
}

uint64_t ios_watchdog(void)
{
    const uint64_t limit = (uint64_t)IOS_WATCHDOG_MS * 1000u << 12;
    uint64_t now = cpu_stck(), next = ~(uint64_t)0;
    for (int i = 0; nrunning && i < ios_ndev; i++) {
        struct iodev *d = &ios_dev[i];
        if (!d->id_cur)
            continue;
        if (now - d->id_cur->rq_started >= limit)
            ios_cancel(d, d->id_cur);
        else if (d->id_cur->rq_started + limit < next)
            next = d->id_cur->rq_started + limit;
    }
    return next;
}

static int sync_body(struct iodev *d, const struct ccw1 *prog, struct irb *irb,
                     uint32_t timeout_ms)
{
    static struct orb orb;
    memset(&orb, 0, sizeof orb);
    orb.or_intparm = (uint32_t)(d - ios_dev);
    orb.or_flags = ORB_FMT1 | ORB_LPM_ALL;
    orb.or_cpa = ios_addr(prog);

    uint64_t deadline = now_us() + (uint64_t)timeout_ms * 1000u;
    int cc;
    /* Clear any status the device had pending, then start. */
    while ((cc = cpu_ssch(d->id_sid, &orb)) != 0) {
        if (cc == 3)
            return -2;
        cpu_tsch(d->id_sid, irb);
        if (now_us() > deadline)
            return -1;
    }
    for (;;) {
        cc = tsch_polled(d, irb);
        if (cc == 3)
            return -2;
        if (cc == 0 && (irb->ir_scsw.sc_flags & SCSW_FC_START)
            && (irb->ir_scsw.sc_flags & SCSW_SC_PRIM))
            return 0;
        if (now_us() > deadline)
            return -1;
    }
}

int ios_sync(struct iodev *d, const struct ccw1 *prog, struct irb *irb,
             uint32_t timeout_ms)
{
    /* A queued start under way ends first, through its own rq_done; the
     * next one waits until this program has run. */
    d->id_hold++;
    finish_current(d);
    int rc = sync_body(d, prog, irb, timeout_ms);
    d->id_hold--;
    start_next(d);
    return rc;
}

int ios_wait_active(struct iodev *d, uint32_t timeout_ms)
{
    struct irb irb;
    uint64_t deadline = now_us() + (uint64_t)timeout_ms * 1000u;
    while (d->id_active) {
        int cc = tsch_polled(d, &irb);
        if (cc == 3 || (cc == 0 && (irb.ir_scsw.sc_flags & SCSW_SC_PRIM)))
            d->id_active = false;
        else if (now_us() > deadline)
            return -1;
    }
    return 0;
}

int ios_start(struct iodev *d, const struct ccw1 *prog)
{
    struct orb *orb = &(struct orb){ 0 };
    orb->or_intparm = (uint32_t)(d - ios_dev);
    orb->or_flags = ORB_FMT1 | ORB_LPM_ALL;
    orb->or_cpa = ios_addr(prog);
    int cc = cpu_ssch(d->id_sid, orb);
    if (cc == 0) {
        d->id_active = true;
        return 0;
    }
    return cc == 3 ? -2 : -1;
}

void ios_interrupt(void)
{
    uint32_t sid = LOWCORE_U32(LC_SUBSYS_ID);
    uint32_t parm = LOWCORE_U32(LC_IO_PARM);
    struct irb irb;

    if (parm >= (uint32_t)ios_ndev || ios_dev[parm].id_sid != sid) {
        cpu_tsch(sid, &irb);        /* not ours: clear it and move on */
        return;
    }
    struct iodev *d = &ios_dev[parm];
    if (cpu_tsch(sid, &irb) != 0)
        return;
    if (d->id_cur) {
        if (ending(&irb)) {
            end_current(d, &irb);
            start_next(d);
        } else if (d->id_cur->rq_intermediate) {
            d->id_cur->rq_intermediate(d->id_cur, &irb);     /* a PCI */
        }
        return;
    }
    uint32_t f = irb.ir_scsw.sc_flags;
    bool ended = (f & SCSW_FC_START) && (f & SCSW_SC_PRIM);
    if (d->id_active && ended) {
        d->id_active = false;
        if (d->id_drv && d->id_drv->dr_done)
            d->id_drv->dr_done(d, &irb);
    } else if (d->id_drv && d->id_drv->dr_unsol) {
        d->id_drv->dr_unsol(d, &irb);
    }
}

/* SENSE ID: FF, control unit type and model, device type and model. */
static void sense_id(struct iodev *d)
{
    static uint8_t buf[8] __attribute__((aligned(8)));
    static struct ccw1 ccw;
    struct irb irb;

    memset(buf, 0, sizeof buf);
    ccw = (struct ccw1){ CMD_SENSE_ID, CCW_SLI, 7, ios_addr(buf) };
    if (ios_sync(d, &ccw, &irb, 500) != 0 || (irb.ir_scsw.sc_dstat & DS_UC)
        || buf[0] != 0xFF)
        return;
    d->id_cutype   = (uint16_t)(buf[1] << 8 | buf[2]);
    d->id_cumodel  = buf[3];
    d->id_devtype  = (uint16_t)(buf[4] << 8 | buf[5]);
    d->id_devmodel = buf[6];
    for (size_t i = 0; i < sizeof class_by_type / sizeof class_by_type[0]; i++)
        if (class_by_type[i].devtype == d->id_devtype)
            d->id_class = class_by_type[i].cls;
}

void ios_enumerate(void)
{
    struct schib sch;

    ios_ndev = 0;
    for (uint32_t n = 0; n < 0x10000 && ios_ndev < IOS_MAXDEV; n++) {
        uint32_t sid = 0x00010000u | n;
        if (cpu_stsch(sid, &sch) == 3)
            break;              /* subchannels are numbered densely from 0 */
        if (!(sch.sb_pmcw.pm_flags_devno & PMCW_VALID))
            continue;
        struct iodev *d = &ios_dev[ios_ndev];
        memset(d, 0, sizeof *d);
        d->id_sid = sid;
        d->id_devno = (uint16_t)sch.sb_pmcw.pm_flags_devno;
        sch.sb_pmcw.pm_intparm = (uint32_t)ios_ndev;
        sch.sb_pmcw.pm_flags_devno |= PMCW_ENABLED;
        sch.sb_pmcw.pm_flags_devno &= ~PMCW_ISC_MASK;   /* subclass 0 */
        if (cpu_msch(sid, &sch) != 0)
            continue;
        ios_ndev++;
        sense_id(d);
    }
}
