/* test_pvf.c: when the privileged-instruction fast path may act. Rows of
 * {PSW before, new mask or PSW, pending, may it}: every row that says no
 * is a case the full simulator must see (prv.c). */
#include <CUnit/CUnit.h>
#include <string.h>
#include "../../cp/pvf.h"

static struct vpsw psw(const uint8_t raw[8])
{
    struct vpsw p;
    CU_ASSERT_FATAL(psw_decode(raw, &p));
    return p;
}

static const uint8_t BC_OFF[8] = { 0x00, 0x00, 0, 0, 0, 0x00, 0x04, 0x00 };   /* BC, disabled */
static const uint8_t BC_ON[8]  = { 0xFF, 0x00, 0, 0, 0, 0x00, 0x04, 0x00 };   /* BC, enabled */
static const uint8_t EC_OFF[8] = { 0x00, 0x08, 0, 0, 0, 0x00, 0x04, 0x00 };   /* EC, DAT off */
static const uint8_t EC_DAT[8] = { 0x04, 0x08, 0, 0, 0, 0x00, 0x04, 0x00 };   /* EC, DAT on */

static const struct {
    const uint8_t *before;
    uint32_t cr0;
    uint8_t mask;
    bool pending, ssm_ok, stxsm_ok;
} mask_rows[] = {
    { BC_OFF, 0, 0x00, false, true,  true },    /* nothing changes */
    { BC_OFF, 0, 0xFF, false, true,  true },    /* enabling, nothing pending */
    { BC_OFF, 0, 0x01, true,  false, false },   /* enabling with one pending */
    { BC_ON,  0, 0x00, true,  true,  true },    /* disabling with one pending */
    { BC_ON,  0, 0xFF, true,  true,  true },    /* no new bit */
    { BC_OFF, CR0_SSM_SUPPRESS, 0x00, false, false, true },   /* SSM suppressed */
    { EC_OFF, 0, 0x03, false, true,  true },    /* I/O and external */
    { EC_OFF, 0, 0x80, false, false, false },   /* bit 0: specification */
    { EC_OFF, 0, 0x08, false, false, false },   /* bit 4: specification */
    { EC_OFF, 0, 0x04, false, false, false },   /* DAT on: the tables change */
    { EC_DAT, 0, 0x00, false, false, false },   /* DAT off */
    { EC_DAT, 0, 0x07, false, true,  true },    /* DAT stays on */
    { EC_OFF, 0, 0x40, false, false, false },   /* PER */
};

static void test_masks(void)
{
    for (size_t i = 0; i < sizeof mask_rows / sizeof mask_rows[0]; i++) {
        struct vpsw p = psw(mask_rows[i].before);
        CU_ASSERT_EQUAL(pvf_ssm(&p, mask_rows[i].cr0, mask_rows[i].mask, mask_rows[i].pending),
                        mask_rows[i].ssm_ok);
        CU_ASSERT_EQUAL(pvf_sysmask(&p, mask_rows[i].mask, mask_rows[i].pending),
                        mask_rows[i].stxsm_ok);
    }
}

static const struct {
    const uint8_t *before;
    uint8_t raw[8];
    bool pending, ok;
} lpsw_rows[] = {
    /* BC to BC: key, CC, program mask, address; the interruption code
     * field is not kept */
    { BC_OFF, { 0x00, 0x50, 0x12, 0x34, 0x2F, 0x00, 0x10, 0x00 }, false, true },
    { BC_OFF, { 0xFF, 0x01, 0, 0, 0, 0x00, 0x10, 0x00 }, false, true },    /* enabled, problem state */
    { BC_OFF, { 0x01, 0x00, 0, 0, 0, 0x00, 0x10, 0x00 }, true,  false },   /* enables one pending */
    { BC_ON,  { 0x01, 0x00, 0, 0, 0, 0x00, 0x10, 0x00 }, true,  true },    /* enables nothing new */
    { BC_OFF, { 0x00, 0x02, 0, 0, 0, 0x00, 0x10, 0x00 }, false, false },   /* wait */
    { BC_OFF, { 0x00, 0x08, 0, 0, 0, 0x00, 0x10, 0x00 }, false, false },   /* to EC mode */
    { EC_OFF, { 0x00, 0x00, 0, 0, 0, 0x00, 0x10, 0x00 }, false, false },   /* to BC mode */
    { EC_OFF, { 0x03, 0x08, 0x20, 0, 0, 0x00, 0x10, 0x00 }, false, true },
    { EC_OFF, { 0x00, 0x08, 0, 0, 0x01, 0x00, 0x10, 0x00 }, false, false }, /* invalid: bit 39 */
    { EC_OFF, { 0x04, 0x08, 0, 0, 0, 0x00, 0x10, 0x00 }, false, false },   /* DAT on */
    { EC_DAT, { 0x07, 0x08, 0, 0, 0, 0x00, 0x10, 0x00 }, false, true },    /* DAT stays on */
    { EC_OFF, { 0x40, 0x08, 0, 0, 0, 0x00, 0x10, 0x00 }, false, false },   /* PER */
};

static void test_lpsw(void)
{
    for (size_t i = 0; i < sizeof lpsw_rows / sizeof lpsw_rows[0]; i++) {
        struct vpsw p = psw(lpsw_rows[i].before), out;
        bool ok = pvf_lpsw(&p, lpsw_rows[i].raw, lpsw_rows[i].pending, &out);
        CU_ASSERT_EQUAL(ok, lpsw_rows[i].ok);
        if (!ok)
            continue;
        /* What it loads is the PSW as given, but for the BC-mode
         * interruption code (bytes 2-3), which is not kept. */
        uint8_t back[8], want[8];
        memcpy(want, lpsw_rows[i].raw, 8);
        if (!out.ps_ec)
            want[2] = want[3] = 0;
        psw_encode(&out, back);
        CU_ASSERT_EQUAL(memcmp(back, want, 8), 0);
    }
}

/* The assembler's LPSW recipe (pvf_lpsw_compose, from the two tables)
 * against psw_decode and psw_to_real, for every byte 1 with every byte
 * of condition code and program mask (and BC's ILC), in both modes:
 * wherever pvf_lpsw lets the fast path act, the words must be equal. */
static void test_lpsw_tables(void)
{
    static struct pvf_lpsw_b1 b1[256];
    static struct pvf_lpsw_ccpm ccpm[256];
    static const uint8_t ec_masks[] = { 0x00, 0x01, 0x02, 0x03 };
    unsigned acted = 0, wrong = 0;
    pvf_lpsw_tables(b1, ccpm);
    for (unsigned k = 0; k < 256; k++)
        for (unsigned c = 0; c < 256; c++) {
            bool ec = (k & 0x08) != 0;
            uint8_t raw[8] = { 0, (uint8_t)k, 0, 0, 0, (uint8_t)(c ^ 0x5A), (uint8_t)k, (uint8_t)(c & 0xFE) };
            if (ec) {
                raw[0] = ec_masks[c & 3];
                raw[2] = (uint8_t)c;
            } else {
                raw[0] = (uint8_t)(c * 37);
                raw[2] = (uint8_t)k;            /* an interruption code, not kept */
                raw[3] = (uint8_t)c;
                raw[4] = (uint8_t)c;
            }
            struct vpsw before = psw(ec ? EC_OFF : BC_OFF), out;
            if (!pvf_lpsw(&before, raw, false, &out))
                continue;
            uint32_t want[4], got[4], want_real[2], got_real[2];
            pvf_vpsw_words(&out, want);
            psw_to_real(&out, want_real);
            pvf_lpsw_compose(b1, ccpm, raw, got, got_real);
            acted++;
            if (memcmp(want, got, sizeof want) || memcmp(want_real, got_real, sizeof want_real))
                wrong++;
        }
    CU_ASSERT_EQUAL(wrong, 0);
    /* Every byte 1 without W, 64 in each mode: in BC with all 256 bytes
     * 4, in EC with the 64 valid bytes 2. */
    CU_ASSERT_EQUAL(acted, 64 * 256 + 64 * 64);
}

void suite_pvf(void);
void suite_pvf(void)
{
    CU_pSuite s = CU_add_suite("pvf", NULL, NULL);
    CU_add_test(s, "system masks: SSM, STNSM, STOSM", test_masks);
    CU_add_test(s, "LPSW", test_lpsw);
    CU_add_test(s, "LPSW's tables and recipe", test_lpsw_tables);
}
