/* test_insn.c: decoding System/370 instructions into fields, one row per
 * format, from the bytes a program would hold. */
#include <CUnit/CUnit.h>
#include "../../cp/insn.h"

static const struct {
    const char   *what;
    uint8_t       bytes[6];
    enum insn_fmt fmt;
    uint8_t       len, op2, r1, r2, r3, x2, b1, b2, i2;
    uint16_t      d1, d2;
} rows[] = {
    { "SSK 4,3",            { 0x08, 0x43 },             FMT_RR, 2, 0, 4, 3, 0, 0, 0, 0, 0, 0, 0 },
    { "LRA 8,0(7,12)",      { 0xB1, 0x87, 0xC0, 0x10 }, FMT_RX, 4, 0, 8, 0, 0, 7, 0, 12, 0, 0, 0x010 },
    { "LCTL 0,15,X'F00'",   { 0xB7, 0x0F, 0x0F, 0x00 }, FMT_RS, 4, 0, 0, 0, 15, 0, 0, 0, 0, 0, 0xF00 },
    { "DIAG 7,7,X'008'",    { 0x83, 0x77, 0x00, 0x08 }, FMT_RS, 4, 0, 7, 0, 7, 0, 0, 0, 0, 0, 0x008 },
    { "STOSM X'FFF'(3),07", { 0xAD, 0x07, 0x3F, 0xFF }, FMT_SI, 4, 0, 0, 0, 0, 0, 3, 0, 0x07, 0xFFF, 0 },
    { "SSM 0(12)",          { 0x80, 0x00, 0xC0, 0x00 }, FMT_S,  4, 0, 0, 0, 0, 0, 0, 12, 0, 0, 0 },
    { "SIO X'F0F'",         { 0x9C, 0x00, 0x0F, 0x0F }, FMT_S,  4, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0xF0F },
    { "SIOF 8(2)",          { 0x9C, 0x01, 0x20, 0x08 }, FMT_S,  4, 0x01, 0, 0, 0, 0, 0, 2, 0, 0, 0x008 },
    { "SPT X'FF8'",         { 0xB2, 0x08, 0x0F, 0xF8 }, FMT_S,  4, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF8 },
    { "TPROT 8(1),X'F0'",   { 0xE5, 0x01, 0x10, 0x08, 0x00, 0xF0 }, FMT_SS, 6, 0, 0, 0, 1, 0, 1, 0, 0, 0x008, 0x0F0 },
};

static void test_formats(void)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct insn in;
        insn_decode(rows[i].bytes, rows[i].fmt, &in);
        CU_ASSERT_EQUAL(in.in_op, rows[i].bytes[0]);
        CU_ASSERT_EQUAL(in.in_len, rows[i].len);
        CU_ASSERT_EQUAL(in.in_op2, rows[i].op2);
        CU_ASSERT_EQUAL(in.in_r1, rows[i].r1);
        CU_ASSERT_EQUAL(in.in_r2, rows[i].r2);
        CU_ASSERT_EQUAL(in.in_r3, rows[i].r3);
        CU_ASSERT_EQUAL(in.in_x2, rows[i].x2);
        CU_ASSERT_EQUAL(in.in_b1, rows[i].b1);
        CU_ASSERT_EQUAL(in.in_b2, rows[i].b2);
        CU_ASSERT_EQUAL(in.in_i2, rows[i].i2);
        CU_ASSERT_EQUAL(in.in_d1, rows[i].d1);
        CU_ASSERT_EQUAL(in.in_d2, rows[i].d2);
    }
}

static void test_lengths(void)
{
    static const struct { uint8_t op; unsigned len; } len_rows[] = {
        { 0x00, 2 }, { 0x08, 2 }, { 0x3F, 2 }, { 0x40, 4 }, { 0x83, 4 },
        { 0xB2, 4 }, { 0xBF, 4 }, { 0xC0, 6 }, { 0xD2, 6 }, { 0xE5, 6 }, { 0xFF, 6 },
    };
    for (size_t i = 0; i < sizeof len_rows / sizeof len_rows[0]; i++)
        CU_ASSERT_EQUAL(insn_length(len_rows[i].op), len_rows[i].len);
}

void suite_insn(void);
void suite_insn(void)
{
    CU_pSuite s = CU_add_suite("insn", NULL, NULL);
    CU_add_test(s, "formats", test_formats);
    CU_add_test(s, "lengths", test_lengths);
}
