/* pvf.c: when LPSW may take the fast path (see pvf.h). */
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
