/* pvf.c: when LPSW may take the fast path (see pvf.h). */
#include "pvf.h"

bool pvf_lpsw(const struct vpsw *p, const uint8_t raw[8], bool pending, struct vpsw *out)
{
    if (!psw_decode(raw, out))
        return false;                       /* prv.c reflects an invalid PSW */
    if (out->ps_wait || out->ps_ec != p->ps_ec || pvf_ec_needs_cp(p, out->ps_sysmask))
        return false;
    /* The same rule as for the mask alone; the machine-check mask is not
     * looked at, as CP holds no machine check pending. */
    if (pending && (out->ps_sysmask & ~p->ps_sysmask))
        return false;
    out->ps_intcode = 0;                    /* as vin_load_psw */
    return true;
}
