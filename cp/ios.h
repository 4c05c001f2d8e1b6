/* ios.h: real I/O supervisor. Finds the real devices, starts channel
 * programs on them, and routes their interruptions to the device drivers.
 *
 * One start function per device at a time: a driver starts an operation
 * with ios_start() and is called back through dr_done when it ends; status
 * a device presents on its own (attention, device end on connect, unit
 * check) goes to dr_unsol. CP runs disabled, so callbacks run one at a time.
 */
#ifndef CP_IOS_H
#define CP_IOS_H

#include <stdint.h>
#include <stdbool.h>
#include "css.h"

#define IOS_MAXDEV 256

enum dev_class {
    DC_UNKNOWN, DC_CONSOLE, DC_TERMINAL, DC_DASD, DC_READER, DC_PUNCH, DC_PRINTER,
};

struct iodev;
struct ioreq;
struct vmblok;

struct iodrv {
    void (*dr_done)(struct iodev *d, const struct irb *irb);
    void (*dr_unsol)(struct iodev *d, const struct irb *irb);
};

struct iodev {
    uint32_t  id_sid;          /* subsystem id for the channel instructions */
    uint16_t  id_devno;
    uint16_t  id_cutype;
    uint16_t  id_devtype;
    uint8_t   id_cumodel;
    uint8_t   id_devmodel;
    uint8_t   id_class;        /* enum dev_class */
    bool      id_active;       /* a start function of ours is under way */
    const struct iodrv *id_drv;
    void     *id_priv;         /* the driver's state for this device */
    /* Queued starts (ios_submit): the one running, and those waiting. */
    struct ioreq *id_cur;
    struct ioreq *id_qhead, *id_qtail;
    uint8_t   id_hold;         /* CP's own synchronous I/O has the device (nests) */
    const struct vmblok *id_owner;  /* DEDICATEd to this machine, or NULL */
};

/* A queued start, for devices several users share (DASD holding
 * minidisks). rq_prepare runs when the device is free: it returns the
 * channel program to start, or NULL when the request ended without I/O
 * (it has called nothing; rq_done is not called either). rq_done gets the
 * ending, or a halt's ending after ios_cancel or the watchdog. */
struct ioreq {
    struct ioreq *rq_next;
    const struct ccw1 *(*rq_prepare)(struct ioreq *rq);
    void (*rq_done)(struct ioreq *rq, const struct irb *irb);
    /* Optional: intermediate status while it runs (a PCI). */
    void (*rq_intermediate)(struct ioreq *rq, const struct irb *irb);
    uint64_t rq_started;       /* TOD of the real start (watchdog) */
    bool     rq_queued;        /* on id_q* or id_cur */
};

/* A queued start that has run this long is halted (HSCH): a guest's
 * channel program that loops must not keep a shared volume from everyone
 * else (docs/ccw.md). */
#define IOS_WATCHDOG_MS 5000u

extern struct iodev ios_dev[IOS_MAXDEV];
extern int ios_ndev;

/* Find every subchannel, enable it, SENSE ID it. */
void ios_enumerate(void);
/* Name of a device class ("3270 TERMINAL" ...). */
const char *ios_class_name(int cls);
/* n-th device of a class (0-based), or NULL. */
struct iodev *ios_find(int cls, int nth);

/* Run d's queue, polling, until rq has ended (CP needs its result now). */
void ios_finish(struct iodev *d, struct ioreq *rq);

/* Start prog (format-1 CCWs, below 2G). 0 started, -1 busy or status
 * pending (the driver will hear from the device), -2 not operational. */
int ios_start(struct iodev *d, const struct ccw1 *prog);
/* Run prog to its end by polling, interruptions still disabled; for
 * initialization and abend paths. 0 ended (irb stored), -1 timed out,
 * -2 not operational. */
int ios_sync(struct iodev *d, const struct ccw1 *prog, struct irb *irb,
             uint32_t timeout_ms);
/* Wait, by polling, for the start function under way on d to end (its
 * status is taken and dropped). 0 ended or none was active, -1 timed out. */
int ios_wait_active(struct iodev *d, uint32_t timeout_ms);
/* Queue rq on d; it starts at once when d is free, else after the
 * requests before it. */
void ios_submit(struct iodev *d, struct ioreq *rq);
/* Take rq back: 0 if it had not started (nothing more happens), 1 if it
 * was running and has been halted (rq_done has been called with the halt
 * status before this returns). */
int ios_cancel(struct iodev *d, struct ioreq *rq);
/* Halt queued starts that have run longer than IOS_WATCHDOG_MS; the TOD
 * of the next check that could find one, or ~0. */
uint64_t ios_watchdog(void);

/* Handle the I/O interruption just taken (subsystem id and parameter in lowcore). */
void ios_interrupt(void);

static inline uint32_t ios_addr(const void *p) { return (uint32_t)(uintptr_t)p; }

#endif
