/* test_dat370.c: System/370 translation through a guest's own tables, in
 * a small fake real storage: 4K/64K, 2K/1M, and every outcome LRA can
 * report (GA22-7000, "Dynamic Address Translation"). */
#include <CUnit/CUnit.h>
#include <string.h>
#include "../../cp/dat370.h"

static uint8_t mem[0x10000];

static int word(void *ctx, uint32_t a, uint32_t *v)
{
    (void)ctx;
    if (a + 4 > sizeof mem)
        return -1;
    *v = (uint32_t)mem[a] << 24 | (uint32_t)mem[a + 1] << 16 | (uint32_t)mem[a + 2] << 8 | mem[a + 3];
    return 0;
}

static int half(void *ctx, uint32_t a, uint16_t *v)
{
    (void)ctx;
    if (a + 2 > sizeof mem)
        return -1;
    *v = (uint16_t)(mem[a] << 8 | mem[a + 1]);
    return 0;
}

static void put32(uint32_t a, uint32_t v)
{
    mem[a] = (uint8_t)(v >> 24); mem[a + 1] = (uint8_t)(v >> 16);
    mem[a + 2] = (uint8_t)(v >> 8); mem[a + 3] = (uint8_t)v;
}

static void put16(uint32_t a, uint16_t v)
{
    mem[a] = (uint8_t)(v >> 8);
    mem[a + 1] = (uint8_t)v;
}

#define CR0_4K_64K 0x00800000u
#define CR0_2K_1M  0x00500000u
#define STO        0x2000u
#define PTO        0x3000u

static const struct dat370_mem M = { word, half, NULL };

/* 4K pages, 64K segments: segment table of 16 entries (STL 0) at X'2000';
 * segment 1 has a page table at X'3000' of 16 entries (PTL 15... here 0:
 * one sixteenth of 16 entries = 1 entry), segment 2 invalid. */
static void setup_4k_64k(void)
{
    memset(mem, 0, sizeof mem);
    for (unsigned s = 0; s < 16; s++)
        put32(STO + s * 4, 0x00000001u);              /* invalid */
    put32(STO + 1 * 4, 0xF0000000u | PTO);            /* PTL 15: 16 pages */
    for (unsigned p = 0; p < 16; p++)
        put16(PTO + p * 2, 0x0008);                   /* invalid */
    put16(PTO + 3 * 2, 0x0050);                       /* page 3 -> frame X'5000' */
    put32(STO + 3 * 4, 0x00000000u | (PTO + 0x100));  /* PTL 0: 1 page */
    put16(PTO + 0x100, 0x0060);
}

static void test_4k_64k(void)
{
    static const struct {
        uint32_t vaddr;
        enum dat370_status st;
        uint32_t addr;
    } rows[] = {
        { 0x013ABC, DAT_OK,           0x005ABC },      /* segment 1, page 3 */
        { 0x014000, DAT_PAGE_INVALID, PTO + 4 * 2 },
        { 0x020000, DAT_SEG_INVALID,  STO + 2 * 4 },
        { 0x030123, DAT_OK,           0x006123 },      /* segment 3, page 0 */
        { 0x031000, DAT_PAGE_LENGTH,  PTO + 0x100 + 2 },
        { 0x100000, DAT_SEG_LENGTH,   STO + 16 * 4 },  /* segment 16 > STL 0 */
    };
    setup_4k_64k();
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct dat370_result r;
        CU_ASSERT_EQUAL(dat370_translate(CR0_4K_64K, STO, rows[i].vaddr, &M, &r), rows[i].st);
        CU_ASSERT_EQUAL(r.dr_addr, rows[i].addr);
    }
}

static void test_2k_1m_and_spec(void)
{
    struct dat370_result r;
    memset(mem, 0, sizeof mem);
    put32(STO, 0xF0000000u | PTO);                     /* segment 0: 512 pages */
    put16(PTO + 5 * 2, 0x0078);                        /* page 5 -> frame X'7800' */
    put16(PTO + 6 * 2, 0x0004);                        /* invalid */
    put16(PTO + 7 * 2, 0x0082);                        /* reserved bit on */
    CU_ASSERT_EQUAL(dat370_translate(CR0_2K_1M, STO, 0x0028FF, &M, &r), DAT_OK);
    CU_ASSERT_EQUAL(r.dr_addr, 0x0078FFu);
    CU_ASSERT_EQUAL(dat370_translate(CR0_2K_1M, STO, 0x003000, &M, &r), DAT_PAGE_INVALID);
    CU_ASSERT_EQUAL(dat370_translate(CR0_2K_1M, STO, 0x003800, &M, &r), DAT_SPEC);
    /* Page size and segment size fields that name no size. */
    CU_ASSERT_EQUAL(dat370_translate(0x00000000u, STO, 0, &M, &r), DAT_SPEC);
    CU_ASSERT_EQUAL(dat370_translate(0x00C00000u, STO, 0, &M, &r), DAT_SPEC);
    CU_ASSERT_EQUAL(dat370_translate(0x00880000u, STO, 0, &M, &r), DAT_SPEC);
    /* A segment table outside storage. */
    CU_ASSERT_EQUAL(dat370_translate(CR0_2K_1M, 0x00FFFFC0u, 0, &M, &r), DAT_ADDRESSING);
}

void suite_dat370(void);
void suite_dat370(void)
{
    CU_pSuite s = CU_add_suite("dat370", NULL, NULL);
    CU_add_test(s, "4K pages, 64K segments", test_4k_64k);
    CU_add_test(s, "2K pages, 1M segments, exceptions", test_2k_1m_and_spec);
}
