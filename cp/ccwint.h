/* ccwint.h: what ccw.c (the chain) and ccwckd.c (one 3380 command CCW)
 * share: the translation state, the helpers that build real CCWs, and
 * the command handler. Internal to CCW translation; users include ccw.h. */
#ifndef CP_CCWINT_H
#define CP_CCWINT_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "ccw.h"
#include "bigend.h"

#define GFLAGS    (CCW_CD | CCW_CC | CCW_SLI | CCW_SKIP | CCW_PCI)
#define CKD_SEEK  0x07
#define CKD_RD    0x06

/* How the channel reaches a guest CCW: as a new command, or by data
 * chaining from an input, output or search command. */
enum { X_CMD, X_IN, X_OUT, X_SRCH };

struct xl {
    struct ccw_prog        *p;
    const struct ccw_guest *g;
    const struct ccw_rules *r;
    uint8_t                 key;   /* the CAW's protection key */
};

/* What a translated guest CCW leads to. */
struct step {
    bool    chain;     /* the next CCW is fetched ... */
    uint8_t next;      /* ... in this context */
    bool    sm;        /* and the one after it, on status modifier */
};

static inline uint32_t min32(uint32_t a, uint32_t b) { return a < b ? a : b; }

/* CKD cylinder and head numbers are big-endian halfwords: cp/bigend.h. */

/* ccw.c: the translation state (contracts above each definition). */
uint32_t ccw_raddr(const struct ccw_prog *p, const void *field);
void     ccw_set(struct xl *x, unsigned k, uint8_t cmd, uint8_t flags, uint32_t count,
                 uint32_t ra);
void     ccw_stop_at(struct xl *x, unsigned k, uint8_t why, uint32_t csw);
bool     ccw_usable(struct xl *x, unsigned k, uint32_t ga, uint32_t len, bool store);
int      ccw_newslot(struct xl *x);
int      ccw_area(struct xl *x, uint32_t ga, uint32_t len, uint32_t *ra, uint8_t *ida);

/* ccwckd.c: one guest CCW. */
void    ccw_plain(struct xl *x, unsigned k, uint8_t cmd, bool input);
uint8_t ccw_command(struct xl *x, unsigned k, const struct ccw_cmd *row);

#endif
