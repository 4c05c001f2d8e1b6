/* oprange.c: operand storage of an instruction (see oprange.h), by a
 * table on the first opcode byte (GA22-7000 and SA22-7201 formats). */
#include "oprange.h"

#define ADDR_24 0x00FFFFFFu

enum kind {
    K_UNKNOWN = 0,
    K_NONE,         /* registers or immediate only (branches and LA too) */
    K_RX,           /* |op|R1 X2|B2 D2|: len bytes at D2(X2,B2) */
    K_S,            /* |op|..|B2 D2|: len bytes at D2(B2) (RS, S, RXE without index) */
    K_MULT,         /* LM STM LAM STAM LCTL STCTL: (R3-R1+1) words at D2(B2) */
    K_SI,           /* |op|I2|B1 D1|: one byte */
    K_SS_L,         /* |op|L|B1 D1|B2 D2|: L+1 bytes at each */
    K_SS_TR,        /* TR, TRT: L+1 bytes, and a 256-byte table */
    K_SS_LL,        /* |op|L1 L2|B1 D1|B2 D2|: L1+1 and L2+1 bytes */
    K_SS_L1,        /* SRP: only the first operand is storage */
    K_SS_MVCIN,     /* MVCIN: the second operand ends at its address */
    K_RR_LONG,      /* MVCL, CLCL: R1 R1+1 and R2 R2+1 hold address and length */
    K_RS_LONG,      /* MVCLE, CLCLE: R1 R1+1 and R3 R3+1 */
};

struct row {
    uint8_t lo, hi;         /* first opcode bytes lo..hi */
    uint8_t kind;
    uint8_t len;
};

/* Later rows override earlier ones, so general ranges come first. */
static const struct row rows[] = {
    { 0x00, 0x3F, K_NONE, 0 },      /* RR */
    { 0x0E, 0x0F, K_RR_LONG, 0 },
    { 0x01, 0x01, K_UNKNOWN, 0 },   /* E format (trap, PR, ...) */
    { 0x40, 0x7F, K_RX, 8 },
    { 0x40, 0x40, K_RX, 2 },        /* STH */
    { 0x41, 0x41, K_NONE, 0 },      /* LA */
    { 0x42, 0x43, K_RX, 1 },        /* STC IC */
    { 0x44, 0x44, K_UNKNOWN, 0 },   /* EX: the target's operands too */
    { 0x45, 0x47, K_NONE, 0 },      /* BAL BCT BC */
    { 0x48, 0x4C, K_RX, 2 },        /* LH CH AH SH MH */
    { 0x4D, 0x4D, K_NONE, 0 },      /* BAS */
    { 0x50, 0x50, K_RX, 4 },
    { 0x51, 0x51, K_NONE, 0 },      /* LAE */
    { 0x54, 0x5F, K_RX, 4 },
    { 0x70, 0x7F, K_RX, 4 },        /* short floating point, MS */
    { 0x80, 0x8F, K_NONE, 0 },      /* SSM LPSW DIAG (simulated), BXH, shifts */
    { 0x80, 0x80, K_S, 1 },
    { 0x82, 0x82, K_S, 8 },
    { 0x90, 0x90, K_MULT, 0 },      /* STM */
    { 0x91, 0x97, K_SI, 1 },        /* TM MVI TS NI CLI OI XI */
    { 0x98, 0x98, K_MULT, 0 },      /* LM */
    { 0x9A, 0x9B, K_MULT, 0 },      /* LAM STAM */
    { 0x9C, 0x9F, K_NONE, 0 },      /* I/O: simulated */
    { 0xA7, 0xA7, K_NONE, 0 },      /* RI */
    { 0xA8, 0xA9, K_RS_LONG, 0 },   /* MVCLE CLCLE */
    { 0xAC, 0xAD, K_SI, 1 },        /* STNSM STOSM */
    { 0xAE, 0xAF, K_NONE, 0 },      /* SIGP MC */
    { 0xB1, 0xB1, K_NONE, 0 },      /* LRA: simulated */
    { 0xB2, 0xB2, K_S, 8 },         /* S format: STCK and the simulated ones */
    { 0xB3, 0xB3, K_NONE, 0 },      /* floating-point RRE */
    { 0xB6, 0xB7, K_MULT, 0 },      /* STCTL LCTL */
    { 0xBA, 0xBA, K_S, 4 },         /* CS */
    { 0xBB, 0xBB, K_S, 8 },         /* CDS */
    { 0xBD, 0xBF, K_S, 4 },         /* CLM STCM ICM */
    { 0xD1, 0xD7, K_SS_L, 0 },      /* MVN MVC MVZ NC CLC OC XC */
    { 0xD9, 0xDB, K_SS_L, 0 },      /* MVCK MVCP MVCS (L is a register there: bounded by 256) */
    { 0xDC, 0xDD, K_SS_TR, 0 },     /* TR TRT */
    { 0xDE, 0xDF, K_SS_L, 0 },      /* ED EDMK */
    { 0xE8, 0xE8, K_SS_MVCIN, 0 },
    { 0xED, 0xED, K_RX, 16 },       /* RXE floating point */
    { 0xF0, 0xF0, K_SS_L1, 0 },     /* SRP */
    { 0xF1, 0xF3, K_SS_LL, 0 },     /* MVO PACK UNPK */
    { 0xF8, 0xFD, K_SS_LL, 0 },     /* ZAP CP AP SP MP DP */
};

static uint32_t base_disp(const uint32_t gr[16], unsigned b, unsigned d)
{
    return ((b ? gr[b] : 0) + d) & ADDR_24;
}

static int put(struct oprange *out, int n, uint32_t addr, uint32_t len)
{
    out[n].or_addr = addr & ADDR_24;
    out[n].or_len = len ? len : 1;
    return n + 1;
}

/* The even-odd pair starting at r: address, and a length capped at the
 * 16M a System/370 addresses. */
static int put_pair(struct oprange *out, int n, const uint32_t gr[16], unsigned r, uint32_t lenmask)
{
    uint32_t len = gr[(r + 1) & 15] & lenmask;
    return len ? put(out, n, gr[r], len > ADDR_24 ? ADDR_24 : len) : n;
}

int oprange_of(const uint8_t in[6], const uint32_t gr[16], struct oprange out[OPRANGE_MAX])
{
    const struct row *row = 0;
    for (unsigned i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (in[0] >= rows[i].lo && in[0] <= rows[i].hi)
            row = &rows[i];
    if (!row || row->kind == K_UNKNOWN)
        return -1;

    unsigned r1 = in[1] >> 4, r2 = in[1] & 15;
    unsigned b1 = in[2] >> 4, d1 = (unsigned)(in[2] & 15) << 8 | in[3];
    unsigned b2 = in[4] >> 4, d2 = (unsigned)(in[4] & 15) << 8 | in[5];
    uint32_t ea_rx = (base_disp(gr, b1, d1) + (r2 ? gr[r2] : 0)) & ADDR_24;
    uint32_t ea_s = base_disp(gr, b1, d1);     /* RS, S, SI: B at byte 2 */
    uint32_t ea1 = ea_s, ea2 = base_disp(gr, b2, d2);
    uint32_t l = in[1];

    switch (row->kind) {
    case K_NONE:
        return 0;
    case K_RX:
        return put(out, 0, ea_rx, row->len);
    case K_S:
    case K_SI:
        return put(out, 0, ea_s, row->len);
    case K_MULT:
        return put(out, 0, ea_s, (((r2 - r1) & 15) + 1) * 4);
    case K_SS_L:
        return put(out, put(out, 0, ea1, l + 1), ea2, l + 1);
    case K_SS_TR:
        return put(out, put(out, 0, ea1, l + 1), ea2, 256);
    case K_SS_LL:
        return put(out, put(out, 0, ea1, r1 + 1), ea2, r2 + 1);
    case K_SS_L1:
        return put(out, 0, ea1, r1 + 1);
    case K_SS_MVCIN:
        return put(out, put(out, 0, ea1, l + 1), ea2 - l, l + 1);
    case K_RR_LONG:
        return put_pair(out, put_pair(out, 0, gr, r1 & 14, ADDR_24), gr, r2 & 14, ADDR_24);
    case K_RS_LONG:
        return put_pair(out, put_pair(out, 0, gr, r1 & 14, ~0u), gr, r2 & 14, ~0u);
    default:
        return -1;
    }
}
