/* cpi.c: CP initialization, the main loop, shutdown and abend.
 *
 * Entered from start.S after IPL, disabled for all interruptions. Learns the
 * machine (storage, processors, devices), says so on the operator console,
 * brings up the terminals, declares the system ONLINE, then loops: run the
 * idle wait until an interruption, handle it, repeat.
 */
#include "cpi.h"
#include "smp.h"
#include "pag.h"
#include "con.h"
#include "dsk.h"
#include "ebcdic.h"
#include "fmt.h"
#include "ios.h"
#include "tod.h"
#include "trm.h"
#include "dsp.h"
#include "frm.h"
#include "log.h"
#include "udr.h"
#include "rvl.h"
#include "tdk.h"
#include "cplib.h"
#include "../dasd/vol.h"
#include "hw/cpu.h"
#include "hw/hw.h"

uint64_t cpi_ipl_tod;
uint32_t cpi_real_storage;
uint16_t cpi_ipl_devno;
struct iodev *cpi_ipl_dev;
char     cpi_ipl_volser[7];

#define CPI_MIN_STORAGE  (4u << 20)
#define SIGP_SENSE       1u

/* CR0: the ESA/390 translation format (required with DAT on, for
 * guests), the clock-comparator and CPU-timer subclass masks the
 * dispatcher uses, and the external-call mask, by which one processor
 * wakes the other from its idle wait (smp_wake_other). */
#define CP_CR0  0x00B02C00u

static int count_cpus(void)
{
    int n = 0;
    for (uint16_t a = 0; a < 16; a++) {
        uint32_t st;
        if (cpu_sigp(a, SIGP_SENSE, &st) != 3)
            n++;
    }
    return n;
}

static void read_ipl_volser(void)
{
    uint32_t sid = LOWCORE_U32(LC_SUBSYS_ID);
    static uint8_t label[VOL_LABEL_LEN] __attribute__((aligned(8)));

    memcpy(cpi_ipl_volser, "??????", 7);
    for (int i = 0; i < ios_ndev; i++) {
        struct iodev *d = &ios_dev[i];
        if (d->id_sid != sid)
            continue;
        cpi_ipl_devno = d->id_devno;
        cpi_ipl_dev = d;
        /* VOL1 is record 3 of cylinder 0, head 0. */
        if (dsk_read_sync(d, 0, 0, 3, label, VOL_LABEL_LEN) == VOL_LABEL_LEN) {
            ebc_to_ascii(cpi_ipl_volser, label + VOL_LABEL_VOLSER_OFF, VOL_LABEL_VOLSER_LEN);
            cpi_ipl_volser[6] = '\0';
        }
    }
}

static void banner(int ncpu)
{
    char stamp[48];
    tod_fmt_stamp(stamp, sizeof stamp, cpi_ipl_tod);
    con_printf("CPI001I %s VERSION %s IPL AT %s", CPI_SYSNAME, CPI_VERSION, stamp);
    con_printf("CPI002I IPL DEVICE %04X VOLUME %s", cpi_ipl_devno, cpi_ipl_volser);
    con_printf("CPI003I REAL STORAGE SIZE %uK, %d PROCESSOR%s", cpi_real_storage / 1024,
               ncpu, ncpu == 1 ? "" : "S");

    /* One line per device, except terminals, which get a range. */
    int nterm = 0;
    uint16_t tfirst = 0, tlast = 0;
    for (int i = 0; i < ios_ndev; i++) {
        struct iodev *d = &ios_dev[i];
        if (d->id_class == DC_TERMINAL) {
            if (nterm++ == 0)
                tfirst = d->id_devno;
            tlast = d->id_devno;
            continue;
        }
        con_printf("CPI004I DEVICE %04X %04X %s", d->id_devno, d->id_devtype,
                   ios_class_name(d->id_class));
    }
    if (nterm)
        con_printf("CPI005I %d 3270 TERMINALS %04X-%04X", nterm, tfirst, tlast);
}

void cpi_main(void)
{
    hw_set_new_psws();
    cpu_sckc(~(uint64_t)0);      /* no timer event before the dispatcher sets one */
    cpu_spt(0x7FFFFFFFFFFFFFFFll);
    cpu_lctl(0, CP_CR0);
    cpu_lctl(6, 0xFF000000u);    /* every I/O interruption subclass */
    cpi_ipl_tod = cpu_stck();
    cpi_real_storage = hw_storage_size();

    ios_enumerate();
    struct iodev *console = ios_find(DC_CONSOLE, 0);
    if (!console)
        hw_disabled_wait(WAIT_NO_CONSOLE);
    con_init(console);
    if (cpi_real_storage < CPI_MIN_STORAGE)
        cpi_abend(WAIT_NO_STORAGE, "REAL STORAGE TOO SMALL");
    read_ipl_volser();
    banner(count_cpus());
    frm_init(cpi_real_storage);
    rvl_init();
    pag_init(cpi_real_storage);
    dsp_init();
    tdk_init();
    udr_init(cpi_ipl_dev);

    trm_init_all();

    /* From here CP runs under the CP lock, and processor 1 joins in. */
    smp_lock();
    smp_init();

    char stamp[48];
    tod_fmt_stamp(stamp, sizeof stamp, cpu_stck());
    con_printf("CPI010I %s ONLINE %s", CPI_SYSNAME, stamp);
    dsp_run();
}

void cpi_shutdown(const char *by)
{
    smp_stop_others();
    con_printf("CPI020I SYSTEM SHUTDOWN STARTED BY %s", by);
    log_all_off();
    trm_shutdown_all();
    con_printf("CPI021I SYSTEM SHUTDOWN COMPLETE");
    con_flush_sync();
    hw_disabled_wait(WAIT_SHUTDOWN);
}

void cpi_abend(uint32_t code, const char *why)
{
    smp_stop_others();
    con_printf("CPI900W CP ABEND %03X: %s", code, why);
    con_printf("CPI901W SYSTEM STOPPED IN DISABLED WAIT STATE %03X", code);
    con_flush_sync();
    hw_disabled_wait(code);
}

/* Called by entry.S when CP itself takes an interruption: a CP bug. */
void hw_fault(int cls);
void hw_fault(int cls)
{
    static const struct {
        uint32_t code;
        uint32_t oldpsw;
        const char *what;
    } faults[] = {
        [INT_RESTART] = { WAIT_RESTART,       LC_RESTART_OLD, "RESTART" },
        [INT_EXT]     = { WAIT_EXTERNAL,      LC_EXT_OLD,     "EXTERNAL INTERRUPTION" },
        [INT_SVC]     = { WAIT_SVC,           LC_SVC_OLD,     "SVC" },
        [INT_PGM]     = { WAIT_PGM_CHECK,     LC_PGM_OLD,     "PROGRAM CHECK" },
        [INT_MCK]     = { WAIT_MACHINE_CHECK, LC_MCK_OLD,     "MACHINE CHECK" },
        [INT_IO]      = { WAIT_IO,            LC_IO_OLD,      "I/O INTERRUPTION" },
    };
    if (cls < INT_RESTART || cls > INT_IO)
        cls = INT_PGM;
    char why[96];
    fmt(why, sizeof why, "%s IN CP, OLD PSW %08X %08X CODE %04X", faults[cls].what,
        LOWCORE_U32(faults[cls].oldpsw), LOWCORE_U32(faults[cls].oldpsw + 4),
        cls == INT_PGM ? LOWCORE_U16(LC_PGM_CODE) : 0);
    cpi_abend(faults[cls].code, why);
}
