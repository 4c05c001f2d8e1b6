/* psw.h: System/370 PSWs, as the guest sees them, and the real ESA/390 PSW
 * that runs the guest (pure; host-tested).
 *
 * S/370 BC mode (GA22-7000, "Program-Status Word"):
 *   byte 0      1           2  3            4            5  6  7
 *  | chan 0-5 |key |0|M|W|P| interruption | ILC|CC|mask | instruction |
 *  | I/O ext  |    |       |    code      |             |   address   |
 * S/370 EC mode:
 *  |0 R 0 0 0 T I E| key |1|M|W|P| 0 0 CC mask | 0000 0000 | address (24) |
 *    R = PER, T = DAT, I = I/O, E = external
 * ESA/390 (the real machine), for a guest CP runs:
 *  |0 R 0 0 0 T I E| key |1|M|W|P| AS CC mask | 0 | A | address (31) |
 */
#ifndef CP_PSW_H
#define CP_PSW_H

#include <stdint.h>
#include <stdbool.h>

/* The virtual PSW, decoded. Both modes keep every field; the mode decides
 * which ones the 8-byte form carries. */
struct vpsw {
    uint8_t  ps_sysmask;   /* byte 0 as stored */
    uint8_t  ps_key;       /* 0-15 */
    bool     ps_ec;        /* EC mode */
    bool     ps_mck;       /* M: machine-check mask */
    bool     ps_wait;      /* W */
    bool     ps_prob;      /* P: problem state */
    uint16_t ps_intcode;   /* BC mode: interruption code */
    uint8_t  ps_ilc;       /* BC mode: instruction length code, 0-3 */
    uint8_t  ps_cc;        /* condition code */
    uint8_t  ps_pgmmask;   /* fixed-point, decimal, exponent-underflow, significance */
    uint32_t ps_addr;      /* 24-bit instruction address */
};

/* System-mask bits. */
#define PSW_BC_IO_CHAN(n)  (0x80u >> (n))     /* BC: channel masks 0-5 */
#define PSW_BC_IO_REST     0x02u              /* BC: channels 6 and up */
#define PSW_EC_PER         0x40u
#define PSW_EC_DAT         0x04u
#define PSW_EC_IO          0x02u
#define PSW_EXT            0x01u              /* both modes */

/* 8 bytes <-> decoded. Decoding fails (returns false) on a PSW the
 * architecture calls invalid: in EC mode, bits 0, 2-4, 16-17 or 24-39 not
 * zero ("specification exception" when loaded). */
bool psw_decode(const uint8_t raw[8], struct vpsw *p);
void psw_encode(const struct vpsw *p, uint8_t raw[8]);

/* The PSW as CP shows it: "hhhhhhhh hhhhhhhh" (17 characters and NUL). */
#define PSW_TEXT_LEN 18
void psw_text(const struct vpsw *p, char buf[PSW_TEXT_LEN]);

/* May the system mask become m (SSM, STNSM, STOSM)? In EC mode bits 0
 * and 2-4 must be zero (GA22-7000, "Set System Mask": specification
 * exception otherwise). */
#define PSW_EC_SYSMASK_ZERO  0xB8u          /* EC: bits 0, 2-4 */
static inline bool psw_sysmask_valid(const struct vpsw *p, uint8_t m)
{
    return !p->ps_ec || !(m & PSW_EC_SYSMASK_ZERO);
}

/* SSM-suppression control: CR0 bit 1 makes SSM a special-operation
 * exception. */
#define CR0_SSM_SUPPRESS  0x40000000u

/* Is the virtual machine enabled for I/O from channel ch? for external? */
bool psw_io_enabled(const struct vpsw *p, unsigned ch);
bool psw_ext_enabled(const struct vpsw *p);

/* The real ESA/390 PSW that runs the guest: problem state, DAT on (CP's
 * tables), enabled for real I/O and external interruptions so CP keeps
 * control, the guest's key, CC, program mask and address, 24-bit mode. */
void psw_to_real(const struct vpsw *p, uint32_t real[2]);
/* Fold back what the guest's execution changed (address, CC, mask) from
 * the real old PSW. */
void psw_from_real(struct vpsw *p, const uint32_t real[2]);

#endif
