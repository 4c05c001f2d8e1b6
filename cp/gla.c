/* gla.c: guest logical addresses (see gla.h). */
#include "gla.h"
#include "vm.h"
#include "vst.h"
#include "prv.h"

#define PSW_EC_DAT   0x04u           /* EC-mode PSW bit 5 */
#define ADDR_24      0x00FFFFFFu
#define PIECE        0x800u          /* the smallest page: 2K */

bool gla_dat_on(const struct vmblok *vm)
{
    return vm->vm_psw.ps_ec && (vm->vm_psw.ps_sysmask & PSW_EC_DAT);
}

/* The guest's tables are in its real storage. */
static int table_word(void *ctx, uint32_t a, uint32_t *v)
{
    return vst_read_u32(ctx, a, v);
}

static int table_half(void *ctx, uint32_t a, uint16_t *v)
{
    uint8_t b[2];
    int rc = vst_read(ctx, a, b, 2);
    *v = (uint16_t)(b[0] << 8 | b[1]);
    return rc;
}

enum dat370_status gla_dat(struct vmblok *vm, uint32_t va, struct dat370_result *r)
{
    const struct dat370_mem m = { table_word, table_half, vm };
    return dat370_translate(vm->vm_cr[0], vm->vm_cr[1], va, &m, r);
}

unsigned gla_exception(struct vmblok *vm, enum dat370_status st, uint32_t va)
{
    static const uint8_t code_of[] = {
        [DAT_SEG_INVALID] = PGM_SEG_TRANSLATION, [DAT_SEG_LENGTH] = PGM_SEG_TRANSLATION,
        [DAT_PAGE_INVALID] = PGM_PAGE_TRANSLATION, [DAT_PAGE_LENGTH] = PGM_PAGE_TRANSLATION,
        [DAT_SPEC] = PGM_TRANS_SPEC, [DAT_ADDRESSING] = PGM_ADDRESSING,
    };
    unsigned code = code_of[st];
    if (code == PGM_SEG_TRANSLATION || code == PGM_PAGE_TRANSLATION)
        vst_write_u32(vm, V_TRANS_EXC, va & ADDR_24);
    return code;
}

int gla_translate(struct vmblok *vm, uint32_t la, bool store, uint32_t *ra)
{
    la &= ADDR_24;
    if (!gla_dat_on(vm)) {
        *ra = la;
        return 0;
    }
    struct dat370_result r;
    enum dat370_status st = gla_dat(vm, la, &r);
    if (st != DAT_OK)
        return (int)gla_exception(vm, st, la);
    if (store && r.dr_protect)
        return PGM_PROTECTION;
    *ra = r.dr_addr;
    return 0;
}

/* Operands CP moves are small (a PSW, 16 control registers), but any
 * length works: pass one checks every 2K piece, pass two moves the data. */
static int access(struct vmblok *vm, uint32_t la, uint8_t *buf, uint32_t len, bool store)
{
    for (int pass = 0; pass < 2; pass++) {
        uint32_t a = la, left = len;
        uint8_t *p = buf;
        while (left) {
            uint32_t chunk = PIECE - (a & (PIECE - 1));
            if (chunk > left)
                chunk = left;
            uint32_t ra;
            int rc = gla_translate(vm, a, store, &ra);
            if (rc)
                return rc;
            if (pass == 0 ? ra + chunk > vm->vm_size
                          : (store ? vst_write(vm, ra, p, chunk) : vst_read(vm, ra, p, chunk)))
                return PGM_ADDRESSING;
            a = (a + chunk) & ADDR_24;
            p += chunk;
            left -= chunk;
        }
    }
    return 0;
}

/* With DAT off a logical address is real: one bounds-checked copy (the
 * path of every trapped instruction's fetch, so it is kept short). */
int gla_read(struct vmblok *vm, uint32_t la, void *buf, uint32_t len)
{
    if (!gla_dat_on(vm))
        return vst_read(vm, la & ADDR_24, buf, len) ? PGM_ADDRESSING : 0;
    return access(vm, la, buf, len, false);
}

int gla_write(struct vmblok *vm, uint32_t la, const void *buf, uint32_t len)
{
    if (!gla_dat_on(vm))
        return vst_write(vm, la & ADDR_24, buf, len) ? PGM_ADDRESSING : 0;
    return access(vm, la, (uint8_t *)buf, len, true);
}
