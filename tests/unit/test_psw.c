/* test_psw.c: System/370 PSW formats, the real PSW that runs a guest, and
 * the interruption codes stored in a BC-mode old PSW. Rows of
 * {8 bytes, decoded fields}; every row is also re-encoded. */
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <string.h>
#include "../../cp/psw.h"

static const struct {
    uint8_t raw[8];
    bool    valid;
    bool    ec, wait, prob;
    uint8_t key, sysmask, cc, pgmmask, ilc;
    uint16_t intcode;
    uint32_t addr;
} rows[] = {
    /* BC mode: channel masks, key, interruption code, ILC, CC, mask */
    { { 0xFF, 0x42, 0x00, 0x8A, 0xAF, 0x01, 0x23, 0x45 }, true, false, true, false,
      4, 0xFF, 2, 0xF, 2, 0x008A, 0x012345 },
    { { 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, true, false, true, false,
      0, 0x00, 0, 0, 0, 0, 0 },
    { { 0x01, 0xF1, 0x12, 0x34, 0xC0, 0xFF, 0xFF, 0xFF }, true, false, false, true,
      15, 0x01, 0, 0, 3, 0x1234, 0xFFFFFF },
    /* EC mode: DAT, I/O, external masks; CC and program mask in byte 2 */
    { { 0x07, 0x08, 0x2C, 0x00, 0x00, 0x00, 0x04, 0x00 }, true, true, false, false,
      0, 0x07, 2, 0xC, 0, 0, 0x000400 },
    { { 0x03, 0x0B, 0x00, 0x00, 0x00, 0x12, 0x34, 0x56 }, true, true, true, true,
      0, 0x03, 0, 0, 0, 0, 0x123456 },
    /* EC mode with a bit that must be zero: bit 0, bits 2-4, 16-17, 24-39 */
    { { 0x80, 0x08, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00 }, false, false, false, false, 0, 0, 0, 0, 0, 0, 0 },
    { { 0x08, 0x08, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00 }, false, false, false, false, 0, 0, 0, 0, 0, 0, 0 },
    { { 0x00, 0x08, 0x40, 0x00, 0x00, 0x00, 0x04, 0x00 }, false, false, false, false, 0, 0, 0, 0, 0, 0, 0 },
    { { 0x00, 0x08, 0x00, 0x01, 0x00, 0x00, 0x04, 0x00 }, false, false, false, false, 0, 0, 0, 0, 0, 0, 0 },
    { { 0x00, 0x08, 0x00, 0x00, 0x80, 0x00, 0x04, 0x00 }, false, false, false, false, 0, 0, 0, 0, 0, 0, 0 },
};

static void test_decode_encode(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct vpsw p;
        bool ok = psw_decode(rows[i].raw, &p);
        CU_ASSERT_EQUAL(ok, rows[i].valid);
        if (!ok)
            continue;
        CU_ASSERT_EQUAL(p.ps_ec, rows[i].ec);
        CU_ASSERT_EQUAL(p.ps_wait, rows[i].wait);
        CU_ASSERT_EQUAL(p.ps_prob, rows[i].prob);
        CU_ASSERT_EQUAL(p.ps_key, rows[i].key);
        CU_ASSERT_EQUAL(p.ps_sysmask, rows[i].sysmask);
        CU_ASSERT_EQUAL(p.ps_cc, rows[i].cc);
        CU_ASSERT_EQUAL(p.ps_pgmmask, rows[i].pgmmask);
        CU_ASSERT_EQUAL(p.ps_ilc, rows[i].ilc);
        CU_ASSERT_EQUAL(p.ps_intcode, rows[i].intcode);
        CU_ASSERT_EQUAL(p.ps_addr, rows[i].addr);
        uint8_t back[8];
        psw_encode(&p, back);
        CU_ASSERT_EQUAL(memcmp(back, rows[i].raw, 8), 0);
        char text[PSW_TEXT_LEN], want[PSW_TEXT_LEN];
        psw_text(&p, text);
        snprintf(want, sizeof want, "%02X%02X%02X%02X %02X%02X%02X%02X", rows[i].raw[0],
                 rows[i].raw[1], rows[i].raw[2], rows[i].raw[3], rows[i].raw[4],
                 rows[i].raw[5], rows[i].raw[6], rows[i].raw[7]);
        CU_ASSERT_STRING_EQUAL(text, want);
    }
}

/* The BC-mode old PSW carries the interruption code and ILC: an SVC 13
 * (ILC 1) and a privileged-operation exception (ILC 2) as stored. */
static void test_interruption_codes(void)
{
    static const struct {
        uint16_t code;
        uint8_t  ilc;
        uint8_t  want[8];
    } cases[] = {
        { 0x000D, 1, { 0xFF, 0x04, 0x00, 0x0D, 0x60, 0x00, 0x10, 0x02 } },
        { 0x0002, 2, { 0xFF, 0x04, 0x00, 0x02, 0xA0, 0x00, 0x10, 0x02 } },
        { 0x0080, 0, { 0xFF, 0x04, 0x00, 0x80, 0x20, 0x00, 0x10, 0x02 } },
    };
    struct vpsw p;
    static const uint8_t base[8] = { 0xFF, 0x04, 0x00, 0x00, 0x20, 0x00, 0x10, 0x02 };
    CU_ASSERT_FATAL(psw_decode(base, &p));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t out[8];
        p.ps_intcode = cases[i].code;
        p.ps_ilc = cases[i].ilc;
        psw_encode(&p, out);
        CU_ASSERT_EQUAL(memcmp(out, cases[i].want, 8), 0);
    }
}

static void test_enablement_and_real(void)
{
    static const uint8_t bc[8] = { 0xA1, 0x30, 0, 0, 0x2C, 0x00, 0x12, 0x34 };
    static const uint8_t ec[8] = { 0x02, 0x59, 0x1F, 0, 0, 0x00, 0x40, 0x00 };
    struct vpsw p;
    uint32_t real[2];

    CU_ASSERT_FATAL(psw_decode(bc, &p));
    CU_ASSERT_TRUE(psw_io_enabled(&p, 0));       /* channel 0 mask */
    CU_ASSERT_FALSE(psw_io_enabled(&p, 1));
    CU_ASSERT_TRUE(psw_io_enabled(&p, 2));
    CU_ASSERT_FALSE(psw_io_enabled(&p, 7));      /* channels 6 and up: bit 6 */
    CU_ASSERT_TRUE(psw_ext_enabled(&p));
    psw_to_real(&p, real);
    /* Always problem state, DAT, I/O and external enabled, bit 12; the
     * guest's key, CC and program mask; 24-bit address. */
    CU_ASSERT_EQUAL(real[0], 0x07390000u | 0x2C00u);
    CU_ASSERT_EQUAL(real[1], 0x00001234u);

    CU_ASSERT_FATAL(psw_decode(ec, &p));
    CU_ASSERT_TRUE(psw_io_enabled(&p, 9));
    CU_ASSERT_FALSE(psw_ext_enabled(&p));
    psw_to_real(&p, real);
    CU_ASSERT_EQUAL(real[0], 0x07590000u | 0x1F00u);
    real[0] = 0x07590000u | 0x3500u;             /* the guest set CC 3, mask 5 */
    real[1] = 0x80004006u;
    psw_from_real(&p, real);
    CU_ASSERT_EQUAL(p.ps_cc, 3);
    CU_ASSERT_EQUAL(p.ps_pgmmask, 5);
    CU_ASSERT_EQUAL(p.ps_addr, 0x004006u);
    CU_ASSERT_EQUAL(p.ps_key, 5);                 /* untouched */
}

void suite_psw(void);
void suite_psw(void)
{
    CU_pSuite s = CU_add_suite("psw", NULL, NULL);
    CU_add_test(s, "decode and encode", test_decode_encode);
    CU_add_test(s, "interruption codes in BC old PSWs", test_interruption_codes);
    CU_add_test(s, "enablement and the real PSW", test_enablement_and_real);
}
