/* cmdfile.c: the file commands: LISTFILE, TYPE, STATE, ERASE, RENAME,
 * COPYFILE, with VM/370's names, messages and return codes. */
#include "cms.h"
#include "con.h"
#include "file.h"
#include "../cp/ebcdic.h"
#include "../cp/fmt.h"
#include "../cp/cplib.h"
#include "../cp/tod.h"

#define rec cms_rec
static struct cmsfs_reader rd, rd2;
static struct cmsfs_writer wr;

/* Operands before "(": how many; options after it start at *opt. */
static int operands(struct cmdctx *cx, int *opt)
{
    int n = 0;
    while (1 + n < cx->cx_line.cl_n && strcmp(cx->cx_line.cl_tok[1 + n], "(") != 0
           && cx->cx_line.cl_tok[1 + n][0] != '(')
        n++;
    *opt = 1 + n;
    return n;
}

/* The disk of mode, or a message and NULL. */
static struct disk *need_disk(char mode, const char *prefix, bool write, int *rc)
{
    struct disk *d = disk_by_mode(mode);
    if (!d) {
        con_printf("%s069E DISK '%c' NOT ACCESSED", prefix, mode);
        *rc = RC_NODISK;
    } else if (write && d->ro) {
        con_printf("%s037E DISK '%c' IS READ/ONLY", prefix, mode);
        *rc = RC_NODISK;
        d = NULL;
    }
    return d;
}

/* The first accessed disk (search order) holding fn ft, for mode '*'. */
static struct disk *find_file(const struct fileid *id, int *idx)
{
    for (int i = 0; ; i++) {
        struct disk *d = id->mode == '*' ? disk_nth(i) : (i ? NULL : disk_by_mode(id->mode));
        if (!d)
            return NULL;
        if ((*idx = cmsfs_find(&d->fs, id->fn, id->ft)) >= 0)
            return d;
    }
}

static void not_found(const char *prefix, const struct fileid *id)
{
    char t[40];
    fileid_text(t, sizeof t, id->fn, id->ft, id->mode, id->num);
    con_printf("%s002E FILE '%s' NOT FOUND", prefix, t);
}

/* LISTFILE's options: (FORMAT adds the format and size, (DATE also the
 * date and time written, (HEADER a heading first. */
enum { L_FORMAT = 1, L_DATE = 2, L_HEADER = 4, L_LABEL = 8 };

static bool abbrev(const char *o, const char *name, size_t min);

static int listfile_options(struct cmdctx *cx, int opt, unsigned *flags)
{
    static const struct { const char *name; size_t min; unsigned flag; } opts[] = {
        { "FORMAT", 2, L_FORMAT }, { "DATE", 1, L_DATE | L_FORMAT }, { "HEADER", 1, L_HEADER },
        { "LABEL", 2, L_LABEL | L_FORMAT }, { "ALLOC", 2, L_FORMAT },
    };
    *flags = 0;
    for (int i = opt; i < cx->cx_line.cl_n; i++) {
        const char *o = cx->cx_line.cl_tok[i];
        if (o[0] == '(')
            o++;
        if (!*o || strcmp(o, ")") == 0)
            continue;
        bool found = false;
        for (size_t k = 0; k < sizeof opts / sizeof opts[0] && !found; k++)
            if (abbrev(o, opts[k].name, opts[k].min)) {
                *flags |= opts[k].flag;
                found = true;
            }
        if (!found) {
            con_printf("DMSLST003E INVALID OPTION '%s'", o);
            return RC_INCOMPL;
        }
    }
    return 0;
}

static void list_line(const struct disk *d, const struct cmsfs_file *f, unsigned flags)
{
    if (!(flags & L_FORMAT)) {
        con_printf("%-8s %-8s %c%c", f->fn, f->ft, d->mode, f->fmnum);
        return;
    }
    char when[24] = "";
    if (flags & L_DATE) {
        struct tod_tm tm;
        tod_to_tm(f->tod, &tm);
        fmt(when, sizeof when, " %02d/%02d/%02d %02d:%02d", tm.tm_mon, tm.tm_mday, tm.tm_year % 100,
            tm.tm_hour, tm.tm_min);
    }
    char label[16] = "";
    if (flags & L_LABEL)
        fmt(label, sizeof label, " %-6s", d->fs.volid);
    con_printf("%-8s %-8s %c%c %c %5u %6u %6u%s%s", f->fn, f->ft, d->mode, f->fmnum, f->recfm,
               (unsigned)f->lrecl, (unsigned)f->records, (unsigned)f->blocks, when, label);
}

void c_listfile(struct cmdctx *cx)
{
    struct fileid id;
    unsigned flags;
    int opt, n = operands(cx, &opt);
    if ((cx->cx_rc = fileid_parse(&id, cx->cx_line.cl_tok + 1, n, 0, 'A', "DMSLST")))
        return;
    if ((cx->cx_rc = listfile_options(cx, opt, &flags)))
        return;
    if (flags & L_HEADER)
        con_write(flags & L_DATE ? "FILENAME FILETYPE FM FORMAT LRECL   RECS BLOCKS  DATE     TIME"
                                 : "FILENAME FILETYPE FM FORMAT LRECL   RECS BLOCKS");
    int shown = 0;
    for (int i = 0; ; i++) {
        struct disk *d = id.mode == '*' ? disk_nth(i) : (i ? NULL : disk_by_mode(id.mode));
        if (!d)
            break;
        struct cmsfs_file f;
        for (uint32_t k = 0; !con_halted() && cmsfs_file(&d->fs, k, &f); k++) {
            if (fileid_match(id.fn, f.fn) && fileid_match(id.ft, f.ft)
                && (!id.num || id.num == f.fmnum)) {
                list_line(d, &f, flags | ((flags & L_HEADER) ? L_FORMAT : 0));
                shown++;
            }
        }
    }
    if (!shown) {
        con_write("DMSLST002E FILE NOT FOUND");
        cx->cx_rc = RC_NOTFOUND;
    }
}

void c_type(struct cmdctx *cx)
{
    struct fileid id;
    int opt, n = operands(cx, &opt), idx;
    if ((cx->cx_rc = fileid_parse(&id, cx->cx_line.cl_tok + 1, n, 2, '*', "DMSTYP")))
        return;
    struct disk *d = find_file(&id, &idx);
    struct cmsfs_file f;
    if (!d || !cmsfs_file(&d->fs, (uint32_t)idx, &f)) {
        not_found("DMSTYP", &id);
        cx->cx_rc = RC_NOTFOUND;
        return;
    }
    if (cmsfs_open(&d->fs, f.fn, f.ft, &rd) != 0) {
        con_write("DMSTYP104S ERROR READING FILE FROM DISK");
        cx->cx_rc = RC_IOERR;
        return;
    }
    uint32_t len;
    int r;
    char *text = (char *)rec;              /* converted in place */
    while (!con_halted() && (r = cmsfs_read(&rd, rec, sizeof cms_rec - 1, &len)) == 1) {
        ebc_to_ascii(text, rec, len);
        for (uint32_t i = 0; i < len; i++)
            if ((unsigned char)text[i] < 0x20)
                text[i] = ' ';
        while (len && text[len - 1] == ' ')
            len--;
        text[len] = '\0';
        con_write(text);
    }
    if (r < 0) {
        con_write("DMSTYP104S ERROR READING FILE FROM DISK");
        cx->cx_rc = RC_IOERR;
    }
}

void c_state(struct cmdctx *cx)
{
    struct fileid id;
    int opt, n = operands(cx, &opt), idx;
    if ((cx->cx_rc = fileid_parse(&id, cx->cx_line.cl_tok + 1, n, 2, '*', "DMSSTT")))
        return;
    if (!find_file(&id, &idx)) {
        not_found("DMSSTT", &id);
        cx->cx_rc = RC_NOTFOUND;
    }
}

void c_erase(struct cmdctx *cx)
{
    struct fileid id;
    int opt, n = operands(cx, &opt);
    if ((cx->cx_rc = fileid_parse(&id, cx->cx_line.cl_tok + 1, n, 2, 'A', "DMSERS")))
        return;
    if (id.mode == '*') {
        con_write("DMSERS048E INVALID MODE '*'");
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    struct disk *d = need_disk(id.mode, "DMSERS", true, &cx->cx_rc);
    if (!d)
        return;
    int erased = 0;
    struct cmsfs_file f;
    for (uint32_t k = 0; cmsfs_file(&d->fs, k, &f);) {
        if (fileid_match(id.fn, f.fn) && fileid_match(id.ft, f.ft)) {
            if (cmsfs_erase(&d->fs, f.fn, f.ft) != 0) {
                con_write("DMSERS109S DISK ERROR ERASING A FILE");
                cx->cx_rc = RC_IOERR;
                return;
            }
            erased++;
            continue;            /* the last entry moved into this slot */
        }
        k++;
    }
    if (!erased) {
        not_found("DMSERS", &id);
        cx->cx_rc = RC_NOTFOUND;
    }
}

/* '=' in a target part: the source's. */
static void same(char *dst, const char *src)
{
    if (strcmp(dst, "=") == 0)
        memcpy(dst, src, strlen(src) + 1);
}

/* The source (tokens 1-3, mode defaulting to def) and target (tokens
 * 4-6, '=' for the source's part) of RENAME and COPYFILE; 0 or the
 * return code after the message. */
static int two_ids(struct cmdctx *cx, int n, char def, const char *prefix, struct fileid *from,
                   struct fileid *to)
{
    if (n < 6) {
        con_printf("%s054E INCOMPLETE FILEID SPECIFIED", prefix);
        return RC_INCOMPL;
    }
    int rc = fileid_parse(from, cx->cx_line.cl_tok + 1, 3, 3, def, prefix);
    if (rc)
        return rc;
    char t[3][33];
    for (int i = 0; i < 3; i++)
        memcpy(t[i], cx->cx_line.cl_tok[4 + i], sizeof t[i]);
    same(t[0], from->fn);
    same(t[1], from->ft);
    if (strcmp(t[2], "=") == 0)
        fmt(t[2], sizeof t[2], "%c", from->mode);
    return fileid_parse(to, t, 3, 3, 'A', prefix);
}

void c_rename(struct cmdctx *cx)
{
    struct fileid from, to;
    int opt, n = operands(cx, &opt), idx;
    if ((cx->cx_rc = two_ids(cx, n, 'A', "DMSRNM", &from, &to)))
        return;
    if (from.mode == '*' || to.mode != from.mode) {
        con_write("DMSRNM048E INVALID MODE: RENAME STAYS ON ONE DISK");
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    struct disk *d = need_disk(from.mode, "DMSRNM", true, &cx->cx_rc);
    if (!d)
        return;
    if ((idx = cmsfs_find(&d->fs, from.fn, from.ft)) < 0) {
        not_found("DMSRNM", &from);
        cx->cx_rc = RC_NOTFOUND;
        return;
    }
    struct cmsfs_file f;
    cmsfs_file(&d->fs, (uint32_t)idx, &f);
    int rc = cmsfs_rename(&d->fs, from.fn, from.ft, to.fn, to.ft, to.num ? to.num : f.fmnum);
    if (rc == CMSFS_E_EXISTS) {
        char tt[40];
        fileid_text(tt, sizeof tt, to.fn, to.ft, to.mode, to.num);
        con_printf("DMSRNM024E FILE '%s' ALREADY EXISTS", tt);
        cx->cx_rc = RC_NOTFOUND;
    } else if (rc) {
        con_printf("DMSRNM109S DISK ERROR: %s", cmsfs_strerror(rc));
        cx->cx_rc = RC_IOERR;
    }
}

/* Copy every record of reader r into the writer; 0 or a cmsfs error. */
static int copy_records(struct cmsfs_reader *r, struct cmsfs_writer *w)
{
    uint32_t len;
    int got;
    while ((got = cmsfs_read(r, rec, sizeof rec, &len)) == 1) {
        int rc = cmsfs_write(w, rec, len);
        if (rc)
            return rc;
    }
    return got;
}

/* Is o an abbreviation of name, at least min long? */
static bool abbrev(const char *o, const char *name, size_t min)
{
    size_t n = strlen(o);
    if (n < min || n > strlen(name))
        return false;
    for (size_t i = 0; i < n; i++)
        if (o[i] != name[i])
            return false;
    return true;
}

/* Copy file f of disk sd as tfn tft on td; 0, or a return code after the
 * message. */
static int copy_one(struct disk *sd, const struct cmsfs_file *f, struct disk *td, const char *tfn,
                    const char *tft, char tnum, bool replace, bool append)
{
    bool exists = cmsfs_find(&td->fs, tfn, tft) >= 0;
    if (exists && !replace && !append) {
        char tt[40];
        fileid_text(tt, sizeof tt, tfn, tft, td->mode, tnum);
        con_printf("DMSCPY024E FILE '%s' ALREADY EXISTS; SPECIFY 'REPLACE' OR 'APPEND'", tt);
        return RC_NOTFOUND;
    }
    int rc = cmsfs_create(&td->fs, &wr, tfn, tft, tnum ? tnum : f->fmnum, f->recfm, f->lrecl);
    if (!rc && exists && append && cmsfs_open(&td->fs, tfn, tft, &rd2) == 0)
        rc = copy_records(&rd2, &wr);
    if (!rc)
        rc = cmsfs_open(&sd->fs, f->fn, f->ft, &rd);
    if (!rc)
        rc = copy_records(&rd, &wr);
    if (rc)
        cmsfs_abandon(&wr);
    else
        rc = cmsfs_close(&wr, disk_tod());
    if (rc == CMSFS_E_FULL || rc == CMSFS_E_DIRFULL) {
        con_printf("DMSCPY105S DISK '%c' IS FULL", td->mode);
        return RC_DISKFULL;
    }
    if (rc == CMSFS_E_BADREC) {
        con_write("DMSCPY157E RECORD LENGTHS DIFFER; CANNOT APPEND");
        return RC_INCOMPL;
    }
    if (rc) {
        con_printf("DMSCPY109S DISK ERROR: %s", cmsfs_strerror(rc));
        return RC_IOERR;
    }
    return 0;
}

/* COPYFILE fn ft fm nfn nft nfm [( REPLACE | APPEND ]: '*' in the source
 * copies every file that matches (the target's parts then '=', or one
 * file with APPEND); '=' in the target keeps the source's part. */
void c_copyfile(struct cmdctx *cx)
{
    struct fileid from, to;
    int opt, n = operands(cx, &opt), idx;
    bool replace = false, append = false;
    for (int i = opt; i < cx->cx_line.cl_n; i++) {
        const char *o = cx->cx_line.cl_tok[i];
        if (o[0] == '(')
            o++;
        if (!*o)
            continue;
        if (abbrev(o, "REPLACE", 3))
            replace = true;
        else if (abbrev(o, "APPEND", 3))
            append = true;
        else {
            con_printf("DMSCPY003E INVALID OPTION '%s'", o);
            cx->cx_rc = RC_INCOMPL;
            return;
        }
    }
    if ((cx->cx_rc = two_ids(cx, n, '*', "DMSCPY", &from, &to)))
        return;
    bool pattern = !strcmp(from.fn, "*") || !strcmp(from.ft, "*");
    if (!pattern) {
        struct disk *sd = find_file(&from, &idx);
        if (!sd) {
            not_found("DMSCPY", &from);
            cx->cx_rc = RC_NOTFOUND;
            return;
        }
        struct disk *td = need_disk(to.mode == '*' ? sd->mode : to.mode, "DMSCPY", true, &cx->cx_rc);
        struct cmsfs_file f;
        if (td && cmsfs_file(&sd->fs, (uint32_t)idx, &f))
            cx->cx_rc = copy_one(sd, &f, td, to.fn, to.ft, to.num, replace, append);
        return;
    }
    /* A pattern: the matching files of the source disk (or of the first
     * disk that has any), listed before any is copied. */
    bool named_target = (strcmp(to.fn, "*") && !strcmp(from.fn, "*"))
                        || (strcmp(to.ft, "*") && !strcmp(from.ft, "*"));
    if (named_target && !append) {
        con_write("DMSCPY065E A PATTERN NEEDS '=' IN THE TARGET, OR APPEND");
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    static struct cmsfs_file list[256];
    int nlist = 0;
    struct disk *sd = NULL;
    for (int i = 0; !nlist; i++) {
        sd = from.mode == '*' ? disk_nth(i) : (i ? NULL : disk_by_mode(from.mode));
        if (!sd)
            break;
        struct cmsfs_file f;
        for (uint32_t k = 0; cmsfs_file(&sd->fs, k, &f) && nlist < 256; k++)
            if (fileid_match(from.fn, f.fn) && fileid_match(from.ft, f.ft))
                list[nlist++] = f;
    }
    if (!nlist) {
        not_found("DMSCPY", &from);
        cx->cx_rc = RC_NOTFOUND;
        return;
    }
    struct disk *td = need_disk(to.mode == '*' ? sd->mode : to.mode, "DMSCPY", true, &cx->cx_rc);
    for (int i = 0; td && i < nlist && !con_halted(); i++) {
        const char *tfn = strcmp(to.fn, "*") ? to.fn : list[i].fn;
        const char *tft = strcmp(to.ft, "*") ? to.ft : list[i].ft;
        bool app = append || (named_target && i > 0);
        if ((cx->cx_rc = copy_one(sd, &list[i], td, tfn, tft, to.num, replace, app)) != 0)
            return;
    }
}
