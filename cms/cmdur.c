/* cmdur.c: PRINT and PUNCH: a file's records to the virtual printer (00E)
 * or punch (00D), one channel program a record through DIAGNOSE X'20'.
 * The devices hold the output until [Spooling] makes spool files of it. */
#include "cms.h"
#include "con.h"
#include "diag.h"
#include "file.h"
#include "../cp/cplib.h"
#include "../cp/ebcdic.h"

#define PRT_ADDR   0x00E
#define PUN_ADDR   0x00D
#define PRT_WIDTH  132
#define CARD       80

struct ccw0 {
    uint32_t cmd_addr;
    uint8_t  flags, zero;
    uint16_t count;
} __attribute__((aligned(8)));

static struct cmsfs_reader ur;
#define urec cms_rec

/* Every record of the file to dev with command cmd, width bytes each
 * (printer lines cut, cards padded with blanks). */
static void out(struct cmdctx *cx, const char *prefix, uint16_t dev, uint8_t cmd, uint32_t width,
                bool pad)
{
    struct fileid id;
    int idx = -1;
    if ((cx->cx_rc = fileid_parse(&id, cx->cx_line.cl_tok + 1, cx->cx_line.cl_n - 1, 2, '*', prefix)))
        return;
    struct disk *d = NULL;
    for (int i = 0; (d = id.mode == '*' ? disk_nth(i) : (i ? NULL : disk_by_mode(id.mode))) != NULL; i++)
        if ((idx = cmsfs_find(&d->fs, id.fn, id.ft)) >= 0)
            break;
    struct cmsfs_file f;
    if (!d || !cmsfs_file(&d->fs, (uint32_t)idx, &f) || cmsfs_open(&d->fs, f.fn, f.ft, &ur) != 0) {
        con_printf("%s002E FILE '%s %s %c' NOT FOUND", prefix, id.fn, id.ft, id.mode);
        cx->cx_rc = RC_NOTFOUND;
        return;
    }
    static struct ccw0 ccw;
    uint32_t len, st = 0;
    int r;
    while (!con_halted() && (r = cmsfs_read(&ur, urec, sizeof urec, &len)) == 1) {
        if (len > width)
            len = width;
        if (pad && len < width) {
            memset(urec + len, 0x40, width - len);
            len = width;
        }
        if (!len)
            urec[len++] = 0x40;
        ccw = (struct ccw0){ (uint32_t)cmd << 24 | ((uint32_t)(uintptr_t)urec & 0xFFFFFF), 0x20, 0,
                             (uint16_t)len };
        if (diag_io(0x20, dev, &ccw, &st) != 0) {
            con_printf("%s105S ERROR WRITING TO DEVICE %03X (STATUS %08X)", prefix, dev, (unsigned)st);
            cx->cx_rc = RC_IOERR;
            return;
        }
    }
    if (r < 0) {
        con_printf("%s104S ERROR READING FILE FROM DISK", prefix);
        cx->cx_rc = RC_IOERR;
    }
}

void c_print(struct cmdctx *cx)
{
    out(cx, "DMSPRT", PRT_ADDR, 0x09, PRT_WIDTH, false);    /* write, space one line */
}

void c_punch(struct cmdctx *cx)
{
    out(cx, "DMSPUN", PUN_ADDR, 0x01, CARD, true);          /* punch a card */
}

/* HELP [command]: the command's HELPCMS file on the system disk (S). */
void c_help(struct cmdctx *cx)
{
    const char *topic = cx->cx_line.cl_n > 1 ? cx->cx_line.cl_tok[1] : "HELP";
    struct disk *d = disk_by_mode('S');
    if (!cmsfs_name_ok(topic) || !d || cmsfs_find(&d->fs, topic, "HELPCMS") < 0) {
        con_printf("DMSHLP001E NO HELP FOR '%s'; TYPE 'HELP' FOR THE COMMANDS", topic);
        cx->cx_rc = RC_NOTFOUND;
        return;
    }
    if (cmsfs_open(&d->fs, topic, "HELPCMS", &ur) != 0) {
        con_write("DMSHLP104S ERROR READING FILE FROM DISK");
        cx->cx_rc = RC_IOERR;
        return;
    }
    uint32_t len;
    char *text = (char *)urec;
    while (cmsfs_read(&ur, urec, sizeof urec - 1, &len) == 1) {
        ebc_to_ascii(text, urec, len);
        while (len && text[len - 1] == ' ')
            len--;
        text[len] = '\0';
        con_write(text);
    }
}
