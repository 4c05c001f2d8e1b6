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
};

extern struct iodev ios_dev[IOS_MAXDEV];
extern int ios_ndev;

/* Find every subchannel, enable it, SENSE ID it. */
void ios_enumerate(void);
/* Name of a device class ("3270 TERMINAL" ...). */
const char *ios_class_name(int cls);
/* n-th device of a class (0-based), or NULL. */
struct iodev *ios_find(int cls, int nth);

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
/* Handle the I/O interruption just taken (subsystem id and parameter in lowcore). */
void ios_interrupt(void);

static inline uint32_t ios_addr(const void *p) { return (uint32_t)(uintptr_t)p; }

#endif
