/* cmddisk.c: the disk commands: ACCESS, RELEASE, FORMAT, and QUERY (DISK,
 * SEARCH; anything else goes to CP), with VM/370's messages. */
#include "cms.h"
#include "con.h"
#include "disk.h"
#include "file.h"
#include "../cp/cplib.h"
#include "../cp/fmt.h"

static bool vaddr_of(const char *s, uint16_t *v)
{
    uint32_t x = 0;
    size_t n = strlen(s);
    if (n < 1 || n > 3)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                   : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16;
        if (d == 16)
            return false;
        x = x << 4 | d;
    }
    *v = (uint16_t)x;
    return true;
}

static bool mode_of(const char *s, char *m)
{
    if (strlen(s) != 1 || s[0] < 'A' || s[0] > 'Z')
        return false;
    *m = s[0];
    return true;
}

/* Tell the user about a disk just accessed, as VM/370 did for R/O ones. */
static void accessed(const struct disk *d)
{
    if (d->ro)
        con_printf("%c (%03X) R/O", d->mode, d->vaddr);
}

/* Access a disk and say why not; its return code. */
int cms_access(uint16_t vaddr, char mode, bool quiet)
{
    int rc = disk_access(vaddr, mode);
    if (rc == 0) {
        if (!quiet)
            accessed(disk_by_mode(mode));
        return 0;
    }
    if (rc == DISK_E_NODEV) {
        con_printf("DMSACC113S %c(%03X) NOT ATTACHED", mode, vaddr);
        return 100;
    }
    if (rc == CMSFS_E_NOTFMT) {
        con_printf("DMSACC112S DISK '%c(%03X)' IS NOT FORMATTED: TYPE 'FORMAT %03X %c' TO FORMAT IT",
                   mode, vaddr, vaddr, mode);
        return 100;
    }
    if (rc == DISK_E_NOROOM) {
        con_printf("DMSACC017E NO MORE THAN %d DISKS CAN BE ACCESSED", DISK_MAX);
        return 24;
    }
    con_printf("DMSACC109S DISK '%c(%03X)' COULD NOT BE READ: %s", mode, vaddr, cmsfs_strerror(rc));
    return 100;
}

void c_access(struct cmdctx *cx)
{
    uint16_t vaddr;
    char mode;
    if (cx->cx_line.cl_n < 3) {
        con_write("DMSACC054E INCOMPLETE DEVICE OR MODE SPECIFIED");
        cx->cx_rc = 24;
    } else if (!vaddr_of(cx->cx_line.cl_tok[1], &vaddr)) {
        con_printf("DMSACC050E INVALID DEVICE ADDRESS '%s'", cx->cx_line.cl_tok[1]);
        cx->cx_rc = 24;
    } else if (!mode_of(cx->cx_line.cl_tok[2], &mode)) {
        con_printf("DMSACC048E INVALID MODE '%s'", cx->cx_line.cl_tok[2]);
        cx->cx_rc = 24;
    } else {
        cx->cx_rc = cms_access(vaddr, mode, false);
    }
}

void c_release(struct cmdctx *cx)
{
    char mode;
    if (cx->cx_line.cl_n < 2 || !mode_of(cx->cx_line.cl_tok[1], &mode)) {
        con_write("DMSARE017E INVALID DEVICE ADDRESS OR MODE");
        cx->cx_rc = 24;
    } else if (!disk_by_mode(mode)) {
        con_printf("DMSARE069E DISK '%c' NOT ACCESSED", mode);
        cx->cx_rc = 36;
    } else {
        disk_release(mode);
    }
}

/* Ask and read the answer (upper case), as VM/370's FORMAT did. */
static void ask(const char *question, char *answer, size_t cap)
{
    con_write(question);
    con_read(answer, cap);
    for (char *p = answer; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
}

void c_format(struct cmdctx *cx)
{
    uint16_t vaddr;
    char mode, answer[CON_LINE + 1];
    if (cx->cx_line.cl_n < 3 || !vaddr_of(cx->cx_line.cl_tok[1], &vaddr)
        || !mode_of(cx->cx_line.cl_tok[2], &mode)) {
        con_write("DMSFOR054E INCOMPLETE OR INVALID DEVICE ADDRESS AND MODE: FORMAT vaddr mode");
        cx->cx_rc = 24;
        return;
    }
    char q[100];
    fmt(q, sizeof q, "DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK '%c(%03X)'. "
        "DO YOU WISH TO CONTINUE? (YES|NO):", mode, vaddr);
    ask(q, answer, sizeof answer);
    if (strcmp(answer, "YES") != 0) {
        cx->cx_rc = 0;
        return;
    }
    ask("DMSFOR605R ENTER DISK LABEL:", answer, sizeof answer);
    if (!answer[0])
        fmt(answer, sizeof answer, "CMS%03X", vaddr);
    answer[6] = '\0';
    con_write("FORMATTING DISK");
    int rc = disk_format(vaddr, answer, mode);
    if (rc == DISK_E_NODEV) {
        con_printf("DMSFOR113S DISK '%c(%03X)' NOT ATTACHED", mode, vaddr);
        cx->cx_rc = 100;
    } else if (rc == CMSFS_E_RDONLY) {
        con_printf("DMSFOR037E DISK '%c(%03X)' IS READ/ONLY", mode, vaddr);
        cx->cx_rc = 36;
    } else if (rc) {
        con_printf("DMSFOR109S FORMAT OF DISK '%c(%03X)' FAILED: %s", mode, vaddr, cmsfs_strerror(rc));
        cx->cx_rc = 100;
    } else {
        struct disk *d = disk_by_mode(mode);
        if (d)
            con_printf("%c (%03X): %u CYLINDERS, LABEL %s", mode, vaddr, (unsigned)d->cyls, d->fs.volid);
    }
}

static void query_disk(void)
{
    con_write("LABEL  CUU M  STAT  CYL TYPE BLKSIZE  FILES  BLKS USED-(%) BLKS LEFT  BLK TOTAL");
    for (int i = 0; ; i++) {
        struct disk *d = disk_nth(i);
        if (!d)
            break;
        uint32_t used = cmsfs_used(&d->fs), total = d->fs.nblocks;
        con_printf("%-6s %03X %c  %-4s %4u 3380 %7u %6u %10u-%02u %9u %10u", d->fs.volid,
                   d->vaddr, d->mode, d->ro ? "R/O" : "R/W", (unsigned)d->cyls, CMSFS_BLK,
                   d->fs.nfiles, used, used * 100 / total, total - used, total);
    }
}

static void query_search(void)
{
    for (int i = 0; ; i++) {
        struct disk *d = disk_nth(i);
        if (!d)
            break;
        con_printf("%-6s %03X %c  %s", d->fs.volid, d->vaddr, d->mode, d->ro ? "R/O" : "R/W");
    }
}

void c_query(struct cmdctx *cx, const char *line)
{
    const char *what = cx->cx_line.cl_n > 1 ? cx->cx_line.cl_tok[1] : "";
    if (strcmp(what, "DISK") == 0)
        query_disk();
    else if (strcmp(what, "SEARCH") == 0)
        query_search();
    else if (!cms_query_setting(what))
        cx->cx_rc = cms_cp(line);       /* QUERY TIME and the rest are CP's */
}
