/* hw.h: the thin layer between CP and the real (ESA/390) processor.
 *
 * Only the freestanding nucleus links this. CP runs in supervisor state with
 * every interruption disabled; it gives the processor away only through
 * hw_run(), which loads a context (the idle wait now, guests later) and comes
 * back when any interruption ends it, with the context's registers and old
 * PSW saved in place.
 */
#ifndef CP_HW_HW_H
#define CP_HW_HW_H

#include <stdint.h>
#include "lowcore.h"

struct hw_ctx {
    uint32_t hc_gr[16];      /* CTX_GR  */
    uint32_t hc_psw[2];      /* CTX_PSW: loaded on entry, old PSW on return */
} __attribute__((aligned(8)));

/* Run ctx until an interruption; returns its class (INT_*). */
int  hw_run(struct hw_ctx *ctx);
/* Point every new PSW at the entry code. */
void hw_set_new_psws(void);
/* Real storage size in bytes, found by probing each megabyte. */
uint32_t hw_storage_size(void);
/* Load a disabled wait PSW whose address is code. Never returns. */
__attribute__((noreturn)) void hw_disabled_wait(uint32_t code);

/* Lowcore as storage. hw_lowcore is placed at absolute 0 by cp.ld (an
 * extern symbol rather than a literal 0, which the compiler would treat as
 * a null pointer). CP runs with prefix 0 on CPU 0. */
extern volatile uint8_t hw_lowcore[4096];
#define LOWCORE_U8(off)   (*(volatile uint8_t  *)(hw_lowcore + (off)))
#define LOWCORE_U16(off)  (*(volatile uint16_t *)(hw_lowcore + (off)))
#define LOWCORE_U32(off)  (*(volatile uint32_t *)(hw_lowcore + (off)))

#endif
