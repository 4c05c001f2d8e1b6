/* css.h: ESA/390 channel-subsystem control blocks (SA22-7201 chapter 15).
 *
 *  SCHIB = PMCW (28) + SCSW (12) + model-dependent (12)
 *  PMCW word 1:  |0 0|ISC|0 0 0|E|LM|MM|D|T|V| device number (16) |
 *  SCSW word 0:  |key|S|L|CC|F|P|I|A|U|Z|E|N|0|FC(3)|AC(7)|SC(5)|
 *  SCSW word 2:  | device status | subchannel status | residual count |
 *  ORB  word 1:  |key|S|C|M|Y|F|P|I|A|U|0|H|T| LPM (8) |L|0...|
 *  Format-1 CCW: | command | flags | count (16) | data address (31) |
 */
#ifndef CP_CSS_H
#define CP_CSS_H

#include <stdint.h>

struct pmcw {
    uint32_t pm_intparm;
    uint32_t pm_flags_devno;     /* E at 0x00800000, V at 0x00010000 */
    uint8_t  pm_lpm, pm_pnom, pm_lpum, pm_pim;
    uint16_t pm_mbi;
    uint8_t  pm_pom, pm_pam;
    uint8_t  pm_chpid[8];
    uint32_t pm_misc;
};
#define PMCW_ENABLED   0x00800000u
#define PMCW_VALID     0x00010000u
#define PMCW_ISC_MASK  0x38000000u

struct scsw {
    uint32_t sc_flags;           /* key, control bits, FC, AC, SC */
    uint32_t sc_ccw;             /* address of the CCW after the last one run */
    uint8_t  sc_dstat;           /* device status */
    uint8_t  sc_cstat;           /* subchannel status */
    uint16_t sc_count;           /* residual count */
};
#define SCSW_FC_START  0x00004000u
#define SCSW_FC_HALT   0x00002000u
#define SCSW_FC_CLEAR  0x00001000u
#define SCSW_SC_ALERT  0x00000010u
#define SCSW_SC_INTER  0x00000008u
#define SCSW_SC_PRIM   0x00000004u
#define SCSW_SC_SEC    0x00000002u
#define SCSW_SC_PEND   0x00000001u

/* Device status bits (the CSW/SCSW unit status byte). */
#define DS_ATTN  0x80
#define DS_SM    0x40
#define DS_CUE   0x20
#define DS_BUSY  0x10
#define DS_CE    0x08
#define DS_DE    0x04
#define DS_UC    0x02
#define DS_UX    0x01

struct schib {
    struct pmcw sb_pmcw;
    struct scsw sb_scsw;
    uint8_t     sb_mda[12];
} __attribute__((aligned(4)));

struct orb {
    uint32_t or_intparm;
    uint32_t or_flags;           /* ORB_FMT1 | ORB_LPM_ALL */
    uint32_t or_cpa;             /* channel program address */
    uint32_t or_resv[5];
} __attribute__((aligned(4)));
#define ORB_FMT1     0x00800000u
#define ORB_LPM_ALL  0x0000FF00u

struct irb {
    struct scsw ir_scsw;
    uint32_t    ir_esw[5];
    uint32_t    ir_ecw[8];
    uint32_t    ir_emw[8];
} __attribute__((aligned(4)));

struct ccw1 {
    uint8_t  cw_cmd;
    uint8_t  cw_flags;
    uint16_t cw_count;
    uint32_t cw_addr;
} __attribute__((aligned(8)));
#define CCW_CD    0x80   /* chain data      */
#define CCW_CC    0x40   /* chain command   */
#define CCW_SLI   0x20   /* suppress incorrect length */
#define CCW_SKIP  0x10
#define CCW_PCI   0x08
#define CCW_IDA   0x04

/* Commands every device class shares. */
#define CMD_SENSE     0x04
#define CMD_SENSE_ID  0xE4
#define CMD_NOP       0x03
#define CMD_TIC       0x08

#endif
