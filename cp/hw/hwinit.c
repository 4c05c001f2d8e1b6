/* hwinit.c: point the new PSWs at the entry code (entry.S). */
#include "hw.h"

extern void hw_restart_entry(void), hw_ext_entry(void), hw_svc_entry(void),
            hw_pgm_entry(void), hw_mck_entry(void), hw_io_entry(void);

/* Disabled for I/O and external, supervisor state, 31-bit: CP's own PSW. */
#define CP_PSW_HI  0x00080000u
#define ADDR31     0x80000000u

static const struct {
    uint32_t lc;
    void   (*entry)(void);
} new_psws[] = {
    { LC_RESTART_NEW, hw_restart_entry },
    { LC_EXT_NEW,     hw_ext_entry },
    { LC_SVC_NEW,     hw_svc_entry },
    { LC_PGM_NEW,     hw_pgm_entry },
    { LC_MCK_NEW,     hw_mck_entry },
    { LC_IO_NEW,      hw_io_entry },
};

void hw_set_new_psws(void)
{
    LOWCORE_U32(LC_CUR_CTX) = 0;
    LOWCORE_U32(LC_FAST_PGMID) = 0x00040001u;   /* pvfasm.S compares against it */
    for (unsigned i = 0; i < sizeof new_psws / sizeof new_psws[0]; i++) {
        LOWCORE_U32(new_psws[i].lc) = CP_PSW_HI;
        LOWCORE_U32(new_psws[i].lc + 4) = ADDR31 | (uint32_t)(uintptr_t)new_psws[i].entry;
    }
}
