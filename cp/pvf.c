/* pvf.c: when LPSW may take the fast path, and the tables its assembler
 * path builds the new PSWs from (see pvf.h). */
#include "pvf.h"

bool pvf_lpsw(const struct vpsw *p, const uint8_t raw[8], bool pending, struct vpsw *out)
{
    if (!psw_decode(raw, out))
        return false;                       /* prv.c reflects an invalid PSW */
    /* Its mask by the same rules as SSM's (a decoded PSW's mask is valid);
     * the machine-check mask is not looked at, as CP holds no machine
     * check pending. */
    if (out->ps_wait || out->ps_ec != p->ps_ec || !pvf_sysmask(p, out->ps_sysmask, pending))
        return false;
    out->ps_intcode = 0;                    /* as vin_load_psw */
    return true;
}

void pvf_vpsw_words(const struct vpsw *p, uint32_t w[4])
{
    w[0] = (uint32_t)p->ps_sysmask << 24 | (uint32_t)p->ps_key << 16
           | (uint32_t)p->ps_ec << 8 | (uint32_t)p->ps_mck;
    w[1] = (uint32_t)p->ps_wait << 24 | (uint32_t)p->ps_prob << 16 | p->ps_intcode;
    w[2] = (uint32_t)p->ps_ilc << 24 | (uint32_t)p->ps_cc << 16 | (uint32_t)p->ps_pgmmask << 8;
    w[3] = p->ps_addr;
}

void pvf_lpsw_tables(struct pvf_lpsw_b1 b1[256], struct pvf_lpsw_ccpm ccpm[256])
{
    /* The real PSW bits every guest has: ccpm's real words leave them to
     * b1's, so the two can be ORed. */
    static const uint8_t zero[8];
    struct vpsw p;
    uint32_t w[4], real[2], base[2];
    psw_decode(zero, &p);
    psw_to_real(&p, base);
    for (unsigned b = 0; b < 256; b++) {
        /* A BC PSW with only byte 1, then only byte 4, set: each field
         * comes from one of them alone. */
        uint8_t raw[8] = { 0, (uint8_t)b, 0, 0, 0, 0, 0, 0 };
        psw_decode(raw, &p);
        p.ps_intcode = 0;                   /* as pvf_lpsw */
        pvf_vpsw_words(&p, w);
        psw_to_real(&p, real);
        b1[b] = (struct pvf_lpsw_b1){ .real0 = real[0], .vpsw0 = w[0], .vpsw1 = w[1] };
        raw[1] = 0;
        raw[4] = (uint8_t)b;
        psw_decode(raw, &p);
        pvf_vpsw_words(&p, w);
        psw_to_real(&p, real);
        ccpm[b] = (struct pvf_lpsw_ccpm){ w[2], real[0] & ~base[0] };
    }
}

void pvf_lpsw_compose(const struct pvf_lpsw_b1 b1[256], const struct pvf_lpsw_ccpm ccpm[256],
                      const uint8_t raw[8], uint32_t vpsw[4], uint32_t real[2])
{
    const struct pvf_lpsw_b1 *k = &b1[raw[1]];
    const struct pvf_lpsw_ccpm *c = &ccpm[(raw[1] & 0x08) ? raw[2] : raw[4]];
    uint32_t addr = (uint32_t)raw[5] << 16 | (uint32_t)raw[6] << 8 | raw[7];
    vpsw[0] = (uint32_t)raw[0] << 24 | k->vpsw0;
    vpsw[1] = k->vpsw1;
    vpsw[2] = c->vpsw2;
    vpsw[3] = addr;
    real[0] = k->real0 | c->real0;
    real[1] = addr;
}
