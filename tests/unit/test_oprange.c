/* test_oprange.c: cp/oprange.c, the storage an instruction may touch. */
#include <CUnit/CUnit.h>
#include <string.h>
#include "../../cp/oprange.h"

void suite_oprange(void);

static uint32_t gr[16];
static struct oprange r[OPRANGE_MAX];

static int of(uint8_t b0, uint8_t b1, uint8_t b2, uint8_t b3, uint8_t b4, uint8_t b5)
{
    const uint8_t in[6] = { b0, b1, b2, b3, b4, b5 };
    memset(r, 0xEE, sizeof r);
    return oprange_of(in, gr, r);
}

static void test_rx_rs_si(void)
{
    memset(gr, 0, sizeof gr);
    gr[3] = 0x9000;
    gr[5] = 0x10;
    /* L 4,4(5,3): four bytes at X'9014'. */
    CU_ASSERT_EQUAL(of(0x58, 0x45, 0x30, 0x04, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_addr, 0x9014);
    CU_ASSERT_EQUAL(r[0].or_len, 4);
    /* IC: one byte; LH: two; STD: eight (the RX default). */
    CU_ASSERT_EQUAL(of(0x43, 0x40, 0x37, 0xFF, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_addr, 0x97FF);
    CU_ASSERT_EQUAL(r[0].or_len, 1);
    CU_ASSERT_EQUAL(of(0x48, 0x40, 0x30, 0x00, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_len, 2);
    CU_ASSERT_EQUAL(of(0x60, 0x00, 0x30, 0x00, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_len, 8);
    /* LA and branches touch nothing; nor do RR instructions. */
    CU_ASSERT_EQUAL(of(0x41, 0x40, 0x30, 0x00, 0, 0), 0);
    CU_ASSERT_EQUAL(of(0x47, 0xF0, 0x30, 0x00, 0, 0), 0);
    CU_ASSERT_EQUAL(of(0x18, 0x45, 0, 0, 0, 0), 0);
    /* STM 14,12,12(13): 15 registers, 60 bytes, wrapping R1 to R3. */
    gr[13] = 0x7F0;
    CU_ASSERT_EQUAL(of(0x90, 0xEC, 0xD0, 0x0C, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_addr, 0x7FC);
    CU_ASSERT_EQUAL(r[0].or_len, 60);
    /* MVI 0(3),X'40': one byte. */
    CU_ASSERT_EQUAL(of(0x92, 0x40, 0x30, 0x00, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_addr, 0x9000);
    CU_ASSERT_EQUAL(r[0].or_len, 1);
    /* Base register 0 means no base; addresses wrap at 16M. */
    CU_ASSERT_EQUAL(of(0x58, 0x40, 0x0F, 0xFF, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_addr, 0xFFF);
    gr[3] = 0x00FFFFFF;
    CU_ASSERT_EQUAL(of(0x58, 0x40, 0x30, 0x02, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_addr, 0x1);
}

static void test_ss(void)
{
    memset(gr, 0, sizeof gr);
    gr[3] = 0x8000;
    gr[13] = 0x9800;
    /* MVC 0(4,3),0(13): L = 3. */
    CU_ASSERT_EQUAL(of(0xD2, 0x03, 0x30, 0x00, 0xD0, 0x00), 2);
    CU_ASSERT_EQUAL(r[0].or_addr, 0x8000);
    CU_ASSERT_EQUAL(r[0].or_len, 4);
    CU_ASSERT_EQUAL(r[1].or_addr, 0x9800);
    CU_ASSERT_EQUAL(r[1].or_len, 4);
    /* TR: the table is 256 bytes whatever L is. */
    CU_ASSERT_EQUAL(of(0xDC, 0x00, 0x30, 0x00, 0xD0, 0x10), 2);
    CU_ASSERT_EQUAL(r[1].or_addr, 0x9810);
    CU_ASSERT_EQUAL(r[1].or_len, 256);
    /* PACK 0(8,3),0(3,13): L1 = 7, L2 = 2. */
    CU_ASSERT_EQUAL(of(0xF2, 0x72, 0x30, 0x00, 0xD0, 0x00), 2);
    CU_ASSERT_EQUAL(r[0].or_len, 8);
    CU_ASSERT_EQUAL(r[1].or_len, 3);
    /* MVCIN: the second operand's address is its rightmost byte. */
    CU_ASSERT_EQUAL(of(0xE8, 0x0F, 0x30, 0x00, 0xD0, 0x20), 2);
    CU_ASSERT_EQUAL(r[1].or_addr, 0x9811);
    CU_ASSERT_EQUAL(r[1].or_len, 16);
}

static void test_long_and_unknown(void)
{
    memset(gr, 0, sizeof gr);
    /* MVCL 2,4: R2/R3 and R4/R5, 24-bit lengths; a zero length is no range. */
    gr[2] = 0x8000;
    gr[3] = 0xFF000100;
    gr[4] = 0x9000;
    gr[5] = 0;
    CU_ASSERT_EQUAL(of(0x0E, 0x24, 0, 0, 0, 0), 1);
    CU_ASSERT_EQUAL(r[0].or_addr, 0x8000);
    CU_ASSERT_EQUAL(r[0].or_len, 0x100);
    gr[5] = 0x20;
    CU_ASSERT_EQUAL(of(0x0F, 0x24, 0, 0, 0, 0), 2);
    CU_ASSERT_EQUAL(r[1].or_len, 0x20);
    /* EXECUTE and opcodes the table lacks: unknown. */
    CU_ASSERT_EQUAL(of(0x44, 0x10, 0x30, 0x00, 0, 0), -1);
    CU_ASSERT_EQUAL(of(0x01, 0x01, 0, 0, 0, 0), -1);
    CU_ASSERT_EQUAL(of(0xC0, 0x00, 0, 0, 0, 0), -1);
    CU_ASSERT_EQUAL(of(0xE3, 0x00, 0, 0, 0, 0), -1);
}

void suite_oprange(void)
{
    CU_pSuite s = CU_add_suite("oprange", NULL, NULL);
    CU_add_test(s, "rx_rs_si", test_rx_rs_si);
    CU_add_test(s, "ss", test_ss);
    CU_add_test(s, "long_and_unknown", test_long_and_unknown);
}
