/* cmdedit.c: EDIT fn ft [fm], VM/370's line editor: the file's records
 * become the editor's lines (edit.c), subcommands come from the console
 * at EDIT:, lines at INPUT: until a null line, and FILE or SAVE write it
 * back in one step (the file system's commit). A new file is F 80. */
#include "cms.h"
#include "con.h"
#include "edit.h"
#include "file.h"
#include "../cp/ebcdic.h"
#include "../cp/cplib.h"

static struct ed ed;
static struct cmsfs_reader er;
static struct cmsfs_writer ew;
static uint8_t erec[ED_WIDTH + 1];

static void show(void *ctx, const char *text)
{
    (void)ctx;
    con_write(text);
}

/* Write the lines as fn ft on d; 0 or a return code after a message. */
static int save(struct disk *d, const struct fileid *id, char num, char recfm, uint32_t lrecl)
{
    int rc = cmsfs_create(&d->fs, &ew, id->fn, id->ft, num, recfm, lrecl);
    for (uint32_t i = 1; rc == 0 && i <= ed.n; i++) {
        size_t n = strlen(ed.line[i]);
        if (recfm == 'F' && n > lrecl)
            n = lrecl;                          /* F records: cut to LRECL */
        ebc_from_ascii(erec, ed.line[i], n);
        if (recfm == 'F') {
            memset(erec + n, 0x40, lrecl - n);
            n = lrecl;
        }
        rc = cmsfs_write(&ew, erec, (uint32_t)n);
    }
    if (rc) {
        cmsfs_abandon(&ew);
    } else {
        rc = cmsfs_close(&ew, disk_tod());
    }
    if (rc == CMSFS_E_FULL || rc == CMSFS_E_DIRFULL) {
        con_printf("DMSEDI105S DISK '%c' IS FULL: FILE NOT WRITTEN", d->mode);
        return RC_DISKFULL;
    }
    if (rc) {
        con_printf("DMSEDI109S DISK ERROR, FILE NOT WRITTEN: %s", cmsfs_strerror(rc));
        return RC_IOERR;
    }
    ed.changed = false;
    return 0;
}

void c_edit(struct cmdctx *cx)
{
    struct fileid id;
    int idx = -1;
    if ((cx->cx_rc = fileid_parse(&id, cx->cx_line.cl_tok + 1, cx->cx_line.cl_n - 1, 2, '*',
                                  "DMSEDI")))
        return;
    if (!strcmp(id.fn, "*") || !strcmp(id.ft, "*")) {
        con_write("DMSEDI062E INVALID CHARACTER '*' IN FILEID");
        cx->cx_rc = RC_BADID;
        return;
    }
    /* The disk: the one named, else the first that has the file, else A. */
    struct disk *d = NULL;
    for (int i = 0; id.mode == '*' && (d = disk_nth(i)) != NULL; i++)
        if ((idx = cmsfs_find(&d->fs, id.fn, id.ft)) >= 0)
            break;
    if (!d)
        d = disk_by_mode(id.mode == '*' ? 'A' : id.mode);
    if (!d) {
        con_printf("DMSEDI069E DISK '%c' NOT ACCESSED", id.mode == '*' ? 'A' : id.mode);
        cx->cx_rc = RC_NODISK;
        return;
    }
    idx = cmsfs_find(&d->fs, id.fn, id.ft);
    char recfm = 'F', num = id.num ? id.num : '1';
    uint32_t lrecl = 80;
    ed_init(&ed, show, NULL);
    if (idx >= 0) {
        struct cmsfs_file f;
        cmsfs_file(&d->fs, (uint32_t)idx, &f);
        recfm = f.recfm;
        lrecl = f.lrecl;
        num = id.num ? id.num : f.fmnum;
        if (cmsfs_open(&d->fs, f.fn, f.ft, &er) != 0) {
            con_write("DMSEDI104S ERROR READING FILE FROM DISK");
            cx->cx_rc = RC_IOERR;
            return;
        }
        uint32_t len;
        int r;
        while ((r = cmsfs_read(&er, erec, ED_WIDTH, &len)) == 1) {
            char text[ED_WIDTH + 1];
            if (len > ED_WIDTH)
                len = ED_WIDTH;
            ebc_to_ascii(text, erec, len);
            if (!ed_load(&ed, text, len)) {
                con_write("DMSEDI132S FILE TOO LARGE FOR THE EDITOR");
                cx->cx_rc = 88;
                return;
            }
        }
    } else {
        con_write("NEW FILE:");
    }
    if (d->ro)
        con_printf("DMSEDI037W DISK '%c' IS READ/ONLY: THE FILE CANNOT BE WRITTEN BACK", d->mode);
    bool input = false;
    con_write("EDIT:");
    for (;;) {
        char line[CON_LINE + 1];
        size_t n = con_read(line, sizeof line);
        if (input) {
            if (n == 0) {
                input = false;
                con_write("EDIT:");
            } else if (!ed_input(&ed, line)) {
                input = false;
                con_write("EDIT:");
            }
            continue;
        }
        enum ed_result r = ed_command(&ed, line);
        if (r == ED_INPUT) {
            input = true;
            con_write("INPUT:");
        } else if (r == ED_QUIT) {
            cx->cx_rc = 0;
            return;
        } else if (r == ED_FILE || r == ED_SAVE) {
            if (d->ro) {
                con_printf("DMSEDI037E DISK '%c' IS READ/ONLY", d->mode);
                continue;
            }
            int rc = save(d, &id, num, recfm, lrecl);
            if (r == ED_FILE && rc == 0) {
                cx->cx_rc = 0;
                return;
            }
        }
    }
}
