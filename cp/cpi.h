/* cpi.h: CP initialization and shutdown, and the facts they establish. */
#ifndef CP_CPI_H
#define CP_CPI_H

#include <stdint.h>

struct iodev;

#define CPI_SYSNAME  "CPCMS"
#define CPI_VERSION  "0.1"

/* Wait-state codes: the address of CP's final disabled wait PSW
 * (docs/waitcodes.md lists them all). */
#define WAIT_SHUTDOWN       0xFFFu   /* clean SHUTDOWN */
#define WAIT_PGM_CHECK      0x001u   /* program check in CP */
#define WAIT_MACHINE_CHECK  0x002u
#define WAIT_RESTART        0x003u   /* operator RESTART: CP stops and dumps */
#define WAIT_SVC            0x004u   /* SVC issued by CP */
#define WAIT_EXTERNAL       0x005u   /* external interruption while CP ran */
#define WAIT_IO             0x006u   /* I/O interruption while CP ran */
#define WAIT_NO_CONSOLE     0x010u   /* no operator console (3215) found */
#define WAIT_NO_STORAGE     0x011u   /* less real storage than CP needs */

extern uint64_t cpi_ipl_tod;          /* TOD clock when CP was IPLed */
extern uint32_t cpi_real_storage;     /* bytes */
extern uint16_t cpi_ipl_devno;
extern struct iodev *cpi_ipl_dev;
extern char     cpi_ipl_volser[7];

__attribute__((noreturn)) void cpi_main(void);
/* Quiesce, tell the console, enter the clean-shutdown wait. */
__attribute__((noreturn)) void cpi_shutdown(const char *by);
/* Stop CP with a wait code after telling the console why. */
__attribute__((noreturn)) void cpi_abend(uint32_t code, const char *why);

#endif
