/* main.c: CMS starts here: the banner, then read a command, run it, say
 * Ready (VM/370's "R; T=virtual/total hh:mm:ss", "R(nnnnn); ..." after an
 * error), for ever. */
#include "cms.h"
#include "con.h"
#include "diag.h"
#include "../cp/ebcdic.h"
#include "../cp/fmt.h"
#include "../cp/cplib.h"

void cms_main(void);

static uint64_t last_virt, last_total;

static uint64_t be64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}

/* CPU seconds as VM/370 shows them: s.hh */
static void seconds(char *out, size_t cap, uint64_t us)
{
    fmt(out, cap, "%u.%02u", (unsigned)(us / 1000000u), (unsigned)(us / 10000u % 100u));
}

/* The Ready message: CPU used since the last one, and the time of day. */
static void ready(int rc)
{
    static uint8_t area[32] __attribute__((aligned(8)));
    char t[9], v[16], tot[16], code[16] = "";
    diag_timer(area);
    ebc_to_ascii(t, area + 8, 8);
    t[8] = '\0';
    uint64_t virt = be64(area + 16), total = be64(area + 24);
    seconds(v, sizeof v, virt - last_virt);
    seconds(tot, sizeof tot, total - last_total);
    last_virt = virt;
    last_total = total;
    if (rc > 0)
        fmt(code, sizeof code, "(%05d)", rc);
    else if (rc < 0)
        fmt(code, sizeof code, "(-%04d)", -rc);
    if (cms_rdymsg_long)
        con_printf("R%s; T=%s/%s %s", code, v, tot, t);
    else
        con_printf("R%s;", code);
}

void cms_main(void)
{
    static uint8_t area[32] __attribute__((aligned(8)));
    diag_timer(area);
    last_virt = be64(area + 16);
    last_total = be64(area + 24);
    con_printf("CMS VERSION %s %s", CMS_VERSION, CMS_BUILD_DATE);
    /* The user's own disk as A, the system disk as S. */
    cms_access(0x191, 'A', false);
    cms_access(0x190, 'S', true);
    ready(0);
    for (;;) {
        char line[CON_LINE + 1];
        con_read(line, sizeof line);
        int rc = cms_execute(line);
        con_command_done();         /* HT and HX end with the command: Ready shows */
        ready(rc);
    }
}
