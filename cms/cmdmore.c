/* cmdmore.c: COMPARE and SORT, VM/370's record utilities. */
#include "cms.h"
#include "con.h"
#include "file.h"
#include "../cp/ebcdic.h"
#include "../cp/fmt.h"
#include "../cp/cplib.h"

#define SORT_MAX     1000
#define SORT_ARENA   (64 * 1024)
#define MAX_FIELDS   8

static struct cmsfs_reader ra, rb;
static struct cmsfs_writer sw;
#define ba cms_rec
static uint8_t bb[CMSFS_MAX_LRECL];

/* Parse "fn ft fm" at tok and locate the file; its disk and listing, or
 * NULL after the not-found message. */
static struct disk *locate(char tok[][33], const char *prefix, struct fileid *id,
                           struct cmsfs_file *f)
{
    if (fileid_parse(id, tok, 3, 3, '*', prefix))
        return NULL;
    for (int i = 0; ; i++) {
        struct disk *d = id->mode == '*' ? disk_nth(i) : (i ? NULL : disk_by_mode(id->mode));
        if (!d)
            break;
        int k = cmsfs_find(&d->fs, id->fn, id->ft);
        if (k >= 0 && cmsfs_file(&d->fs, (uint32_t)k, f))
            return d;
    }
    char t[40];
    fileid_text(t, sizeof t, id->fn, id->ft, id->mode, id->num);
    con_printf("%s002E FILE '%s' NOT FOUND", prefix, t);
    return NULL;
}

static void show_record(const uint8_t *r, uint32_t len)
{
    char text[CON_LINE + 1];
    uint32_t n = len > CON_LINE ? CON_LINE : len;
    ebc_to_ascii(text, r, n);
    while (n && text[n - 1] == ' ')
        n--;
    text[n] = '\0';
    con_write(text);
}

/* COMPARE fn ft fm fn2 ft2 fm2: every pair of records that differs is
 * shown; then DMSCMP209W and return code 4, or nothing and 0. */
void c_compare(struct cmdctx *cx)
{
    struct fileid ia, ib;
    struct cmsfs_file fa, fb;
    if (cx->cx_line.cl_n < 7) {
        con_write("DMSCMP054E INCOMPLETE FILEID SPECIFIED");
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    struct disk *da = locate(cx->cx_line.cl_tok + 1, "DMSCMP", &ia, &fa);
    struct disk *db = da ? locate(cx->cx_line.cl_tok + 4, "DMSCMP", &ib, &fb) : NULL;
    if (!da || !db) {
        cx->cx_rc = RC_NOTFOUND;
        return;
    }
    if (cmsfs_open(&da->fs, fa.fn, fa.ft, &ra) || cmsfs_open(&db->fs, fb.fn, fb.ft, &rb)) {
        con_write("DMSCMP104S ERROR READING FILE FROM DISK");
        cx->cx_rc = RC_IOERR;
        return;
    }
    uint32_t la, lb, differ = 0;
    for (;;) {
        int ga = cmsfs_read(&ra, ba, sizeof ba, &la), gb = cmsfs_read(&rb, bb, sizeof bb, &lb);
        if (ga < 0 || gb < 0) {
            con_write("DMSCMP104S ERROR READING FILE FROM DISK");
            cx->cx_rc = RC_IOERR;
            return;
        }
        if (!ga && !gb)
            break;
        if (ga != gb || la != lb || memcmp(ba, bb, la) != 0) {
            differ++;
            if (ga)
                show_record(ba, la);
            if (gb)
                show_record(bb, lb);
        }
        if (con_halted())
            break;
    }
    if (differ) {
        con_write("DMSCMP209W FILES DO NOT COMPARE");
        cx->cx_rc = 4;
    }
}

/* ---- SORT ---------------------------------------------------------------- */

static uint8_t *recs[SORT_MAX];
static uint32_t lens[SORT_MAX];
static uint8_t arena[SORT_ARENA];
static uint16_t fstart[MAX_FIELDS], fend[MAX_FIELDS];
static int nfields;

/* Records a and b by the sort fields (columns 1-based, inclusive; a short
 * record compares as if padded with blanks). */
static int keycmp(uint32_t a, uint32_t b)
{
    for (int f = 0; f < nfields; f++) {
        for (uint32_t c = fstart[f] - 1u; c < fend[f]; c++) {
            uint8_t x = c < lens[a] ? recs[a][c] : 0x40, y = c < lens[b] ? recs[b][c] : 0x40;
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return 0;
}

/* "1 10 20 25": pairs of start and end columns. */
static bool parse_fields(const char *s)
{
    nfields = 0;
    for (;;) {
        uint32_t v[2];
        for (int k = 0; k < 2; k++) {
            while (*s == ' ')
                s++;
            if (!(*s >= '0' && *s <= '9'))
                return k == 0 && !*s && nfields > 0;
            v[k] = 0;
            while (*s >= '0' && *s <= '9')
                v[k] = v[k] * 10 + (uint32_t)(*s++ - '0');
        }
        if (nfields == MAX_FIELDS || v[0] < 1 || v[1] < v[0] || v[1] > CMSFS_MAX_LRECL)
            return false;
        fstart[nfields] = (uint16_t)v[0];
        fend[nfields] = (uint16_t)v[1];
        nfields++;
    }
}

/* SORT fn ft fm fn2 ft2 fm2: asks for the sort fields, then writes the
 * records in their order (stable) as the second file. */
void c_sort(struct cmdctx *cx)
{
    struct fileid ia, ib;
    struct cmsfs_file fa;
    if (cx->cx_line.cl_n < 7) {
        con_write("DMSSRT054E INCOMPLETE FILEID SPECIFIED");
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    struct disk *da = locate(cx->cx_line.cl_tok + 1, "DMSSRT", &ia, &fa);
    if (!da) {
        cx->cx_rc = RC_NOTFOUND;
        return;
    }
    if ((cx->cx_rc = fileid_parse(&ib, cx->cx_line.cl_tok + 4, 3, 3, 'A', "DMSSRT")))
        return;
    struct disk *db = disk_by_mode(ib.mode == '*' ? 'A' : ib.mode);
    if (!db || db->ro) {
        con_printf("DMSSRT037E DISK '%c' IS NOT ACCESSED READ/WRITE", ib.mode == '*' ? 'A' : ib.mode);
        cx->cx_rc = RC_NODISK;
        return;
    }
    char line[CON_LINE + 1];
    con_write("DMSSRT604R ENTER SORT FIELDS:");
    con_read(line, sizeof line);
    if (!parse_fields(line)) {
        con_write("DMSSRT606E INVALID SORT FIELD PAIR DEFINED");
        cx->cx_rc = RC_INCOMPL;
        return;
    }
    if (cmsfs_open(&da->fs, fa.fn, fa.ft, &ra) != 0) {
        con_write("DMSSRT104S ERROR READING FILE FROM DISK");
        cx->cx_rc = RC_IOERR;
        return;
    }
    uint32_t n = 0, len;
    size_t used = 0;
    int got;
    while ((got = cmsfs_read(&ra, ba, sizeof ba, &len)) == 1) {
        if (n == SORT_MAX || used + len > sizeof arena) {
            con_printf("DMSSRT607E FILE TOO LARGE TO SORT (%u RECORDS, %u BYTES AT MOST)", SORT_MAX,
                       (unsigned)sizeof arena);
            cx->cx_rc = 88;
            return;
        }
        recs[n] = arena + used;
        memcpy(recs[n], ba, len);
        lens[n] = len;
        used += len;
        n++;
    }
    /* Insertion sort: stable, and enough for SORT_MAX records. */
    static uint32_t order[SORT_MAX];
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = i;
        while (j > 0 && keycmp(order[j - 1], i) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    int rc = got < 0 ? CMSFS_E_IO
                     : cmsfs_create(&db->fs, &sw, ib.fn, ib.ft, ib.num ? ib.num : fa.fmnum, fa.recfm,
                                    fa.lrecl);
    for (uint32_t i = 0; rc == 0 && i < n; i++)
        rc = cmsfs_write(&sw, recs[order[i]], lens[order[i]]);
    if (rc)
        cmsfs_abandon(&sw);
    else
        rc = cmsfs_close(&sw, disk_tod());
    if (rc) {
        con_printf("DMSSRT105S FILE NOT WRITTEN: %s", cmsfs_strerror(rc));
        cx->cx_rc = rc == CMSFS_E_FULL ? RC_DISKFULL : RC_IOERR;
    }
}
