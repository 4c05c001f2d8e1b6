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

int ios_sync(struct iodev *d, const struct ccw1 *prog, struct irb *irb,
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
        cc = cpu_tsch(d->id_sid, irb);
        if (cc == 3)
            return -2;
        if (cc == 0 && (irb->ir_scsw.sc_flags & SCSW_FC_START)
            && (irb->ir_scsw.sc_flags & SCSW_SC_PRIM))
            return 0;
        if (now_us() > deadline)
            return -1;
    }
}

int ios_wait_active(struct iodev *d, uint32_t timeout_ms)
{
    struct irb irb;
    uint64_t deadline = now_us() + (uint64_t)timeout_ms * 1000u;
    while (d->id_active) {
        int cc = cpu_tsch(d->id_sid, &irb);
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
