/* dirfmt.c: the user directory's blocks and vocabulary (see dir.h, dirfmt.h).
 *
 * Pure logic shared by CP and the host tools.  Integers are stored
 * big-endian a byte at a time and text as blank-padded EBCDIC, so a block
 * means the same on a little-endian host and on the mainframe.
 */
#include "../cp/cplib.h"
#include "../cp/bigend.h"
#include "../cp/ebcdic.h"
#include "dirfmt.h"

/* Indexed by enum dirfmt_err. */
static const char *const dirfmt_msgs[DIRFMT_E_COUNT] = {
    [DIRFMT_OK]          = "no error",
    [DIRFMT_E_MAGIC]     = "not a directory block (bad magic number)",
    [DIRFMT_E_CHECKSUM]  = "directory block is damaged (checksum mismatch)",
    [DIRFMT_E_VERSION]   = "directory version not supported",
    [DIRFMT_E_BLKSIZE]   = "directory block size is not 4096",
    [DIRFMT_E_NUSERS]    = "more than 504 users",
    [DIRFMT_E_INDEX]     = "user block is out of place (wrong index)",
    [DIRFMT_E_TEXT]      = "text field holds an unprintable character",
    [DIRFMT_E_USERID]    = "userid must be 1 to 8 of A-Z 0-9 @ # $",
    [DIRFMT_E_PASSWORD]  = "password or account must be 1 to 8 printable characters",
    [DIRFMT_E_STORAGE]   = "storage must be 64K to 16M in 4K units, maximum not below it",
    [DIRFMT_E_PRIORITY]  = "priority above 99",
    [DIRFMT_E_OPTION]    = "unknown option, or CPUID not six hex digits",
    [DIRFMT_E_IPL]       = "bad IPL device or system name, or PARM without IPL",
    [DIRFMT_E_NDEVS]     = "more than 64 devices",
    [DIRFMT_E_DEVKIND]   = "device entry of unknown kind",
    [DIRFMT_E_DEVTYPE]   = "device type unknown or wrong for the statement",
    [DIRFMT_E_MODE]      = "access mode missing, unknown or not allowed here",
    [DIRFMT_E_CLASS]     = "spool class must be A-Z or 0-9 (* on readers only)",
    [DIRFMT_E_EXTENT]    = "minidisk has no cylinders or runs past cylinder 884",
    [DIRFMT_E_VOLSER]    = "volser must be 1 to 6 of A-Z 0-9 @ # $",
    [DIRFMT_E_LINKUSER]  = "LINK userid must be 1 to 8 of A-Z 0-9 @ # $",
};

const char *dirfmt_strerror(int err)
{
    if (err < 0 || err >= DIRFMT_E_COUNT || dirfmt_msgs[err] == NULL)
        return "unknown directory error";
    return dirfmt_msgs[err];
}

/* ---- vocabulary ---- */

static const struct dirfmt_type dirfmt_types[] = {
    { DIR_T_3215,  DIR_K_CONSOLE, "3215",  NULL,      false, 0x3215 },
    { DIR_T_2540R, DIR_K_SPOOL,   "2540",  "READER",  true,  0x2540 },
    { DIR_T_2540P, DIR_K_SPOOL,   "2540",  "PUNCH",   true,  0x2540 },
    { DIR_T_1403,  DIR_K_SPOOL,   "1403",  "PRINTER", false, 0x1403 },
    { DIR_T_3505,  DIR_K_SPOOL,   "3505",  "READER",  false, 0x3505 },
    { DIR_T_3525,  DIR_K_SPOOL,   "3525",  "PUNCH",   false, 0x3525 },
    { DIR_T_3380,  DIR_K_MDISK,   "3380",  NULL,      false, 0x3380 },
    { DIR_T_3270,  DIR_K_SPECIAL, "3270",  NULL,      false, 0x3270 },
    { DIR_T_CTCA,  DIR_K_SPECIAL, "CTCA",  NULL,      false, 0x3088 },
    { DIR_T_TIMER, DIR_K_SPECIAL, "TIMER", NULL,      false, 0      },
};
#define DIRFMT_NTYPES (sizeof dirfmt_types / sizeof dirfmt_types[0])

static const char *const dirfmt_kinds[DIR_K_COUNT] = {
    [DIR_K_CONSOLE] = "CONSOLE", [DIR_K_SPOOL] = "SPOOL", [DIR_K_MDISK] = "MDISK",
    [DIR_K_LINK] = "LINK", [DIR_K_DEDICATE] = "DEDICATE", [DIR_K_SPECIAL] = "SPECIAL",
};

static const char *const dirfmt_modes[DIR_M_COUNT] = {
    [DIR_M_R] = "R", [DIR_M_RR] = "RR", [DIR_M_W] = "W", [DIR_M_WR] = "WR",
    [DIR_M_M] = "M", [DIR_M_MR] = "MR", [DIR_M_MW] = "MW",
};

static const struct dirfmt_option dirfmt_options[] = {
    { DIR_OPT_ECMODE,    "ECMODE",    false },
    { DIR_OPT_REALTIMER, "REALTIMER", false },
    { DIR_OPT_ISAM,      "ISAM",      false },
    { DIR_OPT_VIRTREAL,  "VIRT=REAL", false },
    { DIR_OPT_ACCT,      "ACCT",      false },
    { DIR_OPT_CPUID,     "CPUID",     true  },
};
#define DIRFMT_NOPTS (sizeof dirfmt_options / sizeof dirfmt_options[0])
#define DIRFMT_OPT_ALL (DIR_OPT_ECMODE | DIR_OPT_REALTIMER | DIR_OPT_ISAM \
                        | DIR_OPT_VIRTREAL | DIR_OPT_ACCT | DIR_OPT_CPUID)

const struct dirfmt_type *dirfmt_type_at(size_t i)
{
    return i < DIRFMT_NTYPES ? &dirfmt_types[i] : NULL;
}

const struct dirfmt_type *dirfmt_type(unsigned type)
{
    for (size_t i = 0; i < DIRFMT_NTYPES; i++)
        if (dirfmt_types[i].ft_type == type)
            return &dirfmt_types[i];
    return NULL;
}

const struct dirfmt_type *dirfmt_type_by_name(unsigned kind, const char *name,
                                              const char *func, int *matches)
{
    const struct dirfmt_type *ft, *found = NULL;

    *matches = 0;
    for (ft = dirfmt_types; ft < dirfmt_types + DIRFMT_NTYPES; ft++) {
        if (ft->ft_kind != kind || strcmp(ft->ft_name, name) != 0)
            continue;
        ++*matches;
        if (func == NULL || (ft->ft_func != NULL && strcmp(ft->ft_func, func) == 0))
            found = ft;
    }
    return found;
}

bool dirfmt_is_func(const char *s)
{
    for (size_t i = 0; i < DIRFMT_NTYPES; i++)
        if (dirfmt_types[i].ft_func != NULL && strcmp(dirfmt_types[i].ft_func, s) == 0)
            return true;
    return false;
}

const char *dirfmt_kind_name(unsigned kind)
{
    return kind < DIR_K_COUNT ? dirfmt_kinds[kind] : NULL;
}

const char *dirfmt_mode_name(unsigned mode)
{
    return mode < DIR_M_COUNT ? dirfmt_modes[mode] : NULL;
}

unsigned dirfmt_mode_by_name(const char *name)
{
    for (unsigned m = DIR_M_R; m < DIR_M_COUNT; m++)
        if (strcmp(dirfmt_modes[m], name) == 0)
            return m;
    return DIR_M_NONE;
}

const struct dirfmt_option *dirfmt_option_at(size_t i)
{
    return i < DIRFMT_NOPTS ? &dirfmt_options[i] : NULL;
}

const struct dirfmt_option *dirfmt_option_by_name(const char *name)
{
    for (size_t i = 0; i < DIRFMT_NOPTS; i++)
        if (strcmp(dirfmt_options[i].fo_name, name) == 0)
            return &dirfmt_options[i];
    return NULL;
}

/* ---- character sets ---- */

static bool dirfmt_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '@' || c == '#' || c == '$';
}

static bool dirfmt_print_char(char c)
{
    return c >= ' ' && c <= '~';
}

static bool dirfmt_hex_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

/* Strings in the structs sit in arrays of max + 1: at most s[max] is read. */
bool dirfmt_name_ok(const char *s, size_t max)
{
    size_t n = 0;
    for (; n <= max && s[n] != '\0'; n++)
        if (!dirfmt_name_char(s[n]))
            return false;
    return n >= 1 && n <= max;
}

bool dirfmt_word_ok(const char *s, size_t max)
{
    size_t n = 0;
    for (; n <= max && s[n] != '\0'; n++)
        if (!dirfmt_print_char(s[n]) || s[n] == ' ')
            return false;
    return n >= 1 && n <= max;
}

bool dirfmt_class_ok(char c, bool reader)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c == '*' && reader);
}

/* Empty, or as dirfmt_word_ok. */
static bool dirfmt_opt_word_ok(const char *s, size_t max)
{
    return s[0] == '\0' || dirfmt_word_ok(s, max);
}

/* ---- consistency ---- */

static int dirfmt_check_dev(const struct dir_dev *d)
{
    const struct dirfmt_type *t = dirfmt_type(d->dd_type);
    bool typeless = d->dd_kind == DIR_K_LINK || d->dd_kind == DIR_K_DEDICATE;
    bool moded = d->dd_kind == DIR_K_MDISK || d->dd_kind == DIR_K_LINK;

    if (d->dd_kind == 0 || d->dd_kind >= DIR_K_COUNT)
        return DIRFMT_E_DEVKIND;
    if (typeless ? d->dd_type != DIR_T_NONE : (t == NULL || t->ft_kind != d->dd_kind))
        return DIRFMT_E_DEVTYPE;
    if (moded ? (d->dd_mode == DIR_M_NONE || d->dd_mode >= DIR_M_COUNT)
              : d->dd_mode != DIR_M_NONE)
        return DIRFMT_E_MODE;
    if (d->dd_kind == DIR_K_SPOOL
            ? !dirfmt_class_ok(d->dd_class, strcmp(t->ft_func, "READER") == 0)
            : d->dd_class != '\0')
        return DIRFMT_E_CLASS;
    if (d->dd_kind == DIR_K_MDISK) {
        if (d->dd_count == 0 || (uint32_t)d->dd_start + d->dd_count > VOL_MAX_CYLS)
            return DIRFMT_E_EXTENT;
        if (!dirfmt_opt_word_ok(d->dd_readpw, DIR_NAME_LEN)
            || !dirfmt_opt_word_ok(d->dd_writepw, DIR_NAME_LEN)
            || !dirfmt_opt_word_ok(d->dd_multpw, DIR_NAME_LEN))
            return DIRFMT_E_PASSWORD;
    }
    if ((d->dd_kind == DIR_K_MDISK
         || (d->dd_kind == DIR_K_DEDICATE && d->dd_raddr == DIR_NO_RADDR))
        && !dirfmt_name_ok(d->dd_volser, DIR_VOLSER_LEN))
        return DIRFMT_E_VOLSER;
    if (d->dd_kind == DIR_K_LINK && !dirfmt_name_ok(d->dd_linkuser, DIR_NAME_LEN))
        return DIRFMT_E_LINKUSER;
    return DIRFMT_OK;
}

/* CPUID is six hex digits with OPTION CPUID, empty without it. */
static bool dirfmt_cpuid_ok(const struct dir_user *u)
{
    if (!(u->du_options & DIR_OPT_CPUID))
        return u->du_cpuid[0] == '\0';
    for (size_t i = 0; i < DIR_CPUID_LEN; i++)
        if (!dirfmt_hex_char(u->du_cpuid[i]))
            return false;
    return u->du_cpuid[DIR_CPUID_LEN] == '\0';
}

static int dirfmt_check_ipl(const struct dir_user *u)
{
    size_t n = 0;

    for (; n <= DIR_PARM_LEN && u->du_ipl_parm[n] != '\0'; n++)
        if (!dirfmt_print_char(u->du_ipl_parm[n]))
            return DIRFMT_E_TEXT;
    if (n > DIR_PARM_LEN || u->du_ipl >= DIR_IPL_COUNT)
        return DIRFMT_E_IPL;
    if (u->du_ipl == DIR_IPL_NONE && n > 0)
        return DIRFMT_E_IPL;
    if (u->du_ipl == DIR_IPL_NAME && !dirfmt_name_ok(u->du_ipl_name, DIR_NAME_LEN))
        return DIRFMT_E_IPL;
    return DIRFMT_OK;
}

static bool dirfmt_storage_ok(uint32_t bytes)
{
    return bytes % DIR_STORAGE_UNIT == 0 && bytes >= DIR_MIN_STORAGE
        && bytes <= DIR_MAX_STORAGE;
}

int dirfmt_check_user(const struct dir_user *u, int *dev)
{
    int err;

    if (dev != NULL)
        *dev = -1;
    if (!dirfmt_name_ok(u->du_userid, DIR_NAME_LEN))
        return DIRFMT_E_USERID;
    if (!dirfmt_word_ok(u->du_password, DIR_NAME_LEN)
        || !dirfmt_opt_word_ok(u->du_account, DIR_NAME_LEN)
        || !dirfmt_opt_word_ok(u->du_dist, DIR_NAME_LEN))
        return DIRFMT_E_PASSWORD;
    if (!dirfmt_storage_ok(u->du_storage) || !dirfmt_storage_ok(u->du_maxstorage)
        || u->du_maxstorage < u->du_storage)
        return DIRFMT_E_STORAGE;
    if (u->du_priority > DIR_MAX_PRIORITY)
        return DIRFMT_E_PRIORITY;
    if ((u->du_options & ~DIRFMT_OPT_ALL) != 0 || !dirfmt_cpuid_ok(u))
        return DIRFMT_E_OPTION;
    if ((err = dirfmt_check_ipl(u)) != DIRFMT_OK)
        return err;
    if (u->du_ndevs > DIR_MAX_DEVS)
        return DIRFMT_E_NDEVS;
    for (uint16_t i = 0; i < u->du_ndevs; i++) {
        if ((err = dirfmt_check_dev(&u->du_dev[i])) != DIRFMT_OK) {
            if (dev != NULL)
                *dev = i;
            return err;
        }
    }
    return DIRFMT_OK;
}

/* ---- fields (big-endian helpers in cp/bigend.h) ---- */

/* s (at most len characters are used) as len bytes of blank-padded EBCDIC. */
static void dirfmt_put_text(uint8_t *dst, const char *s, size_t len)
{
    char tmp[DIR_PARM_LEN];
    size_t n = 0;

    for (; n < len && s[n] != '\0'; n++)
        tmp[n] = s[n];
    for (; n < len; n++)
        tmp[n] = ' ';
    ebc_from_ascii(dst, tmp, len);
}

/* len bytes of EBCDIC into dst[len + 1], trailing blanks dropped.  False if
 * a character is not printable. */
static bool dirfmt_get_text(char *dst, const uint8_t *src, size_t len)
{
    ebc_to_ascii(dst, src, len);
    dst[len] = '\0';
    while (len > 0 && dst[len - 1] == ' ')
        dst[--len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (!dirfmt_print_char(dst[i]))
            return false;
    return true;
}

/* ---- checksum ---- */

#define DIRFMT_ADLER_MOD  65521u
#define DIRFMT_ADLER_NMAX 5552u    /* bytes before the sums could overflow */
#define DIRFMT_SUM_OFF    4u

uint32_t dirfmt_checksum(const uint8_t blk[DIR_BLKSIZE])
{
    uint32_t a = 1, b = 0;

    for (size_t i = 0; i < DIR_BLKSIZE; ) {
        size_t end = i + DIRFMT_ADLER_NMAX < DIR_BLKSIZE ? i + DIRFMT_ADLER_NMAX
                                                        : DIR_BLKSIZE;
        for (; i < end; i++) {
            a += (i >= DIRFMT_SUM_OFF && i < DIRFMT_SUM_OFF + 4) ? 0 : blk[i];
            b += a;
        }
        a %= DIRFMT_ADLER_MOD;
        b %= DIRFMT_ADLER_MOD;
    }
    return b << 16 | a;
}

void dirfmt_seal(uint8_t blk[DIR_BLKSIZE])
{
    be_put32(blk + DIRFMT_SUM_OFF, dirfmt_checksum(blk));
}

/* Magic and checksum of a block about to be decoded. */
static int dirfmt_check_block(const uint8_t blk[DIR_BLKSIZE], uint32_t magic)
{
    if (be_get32(blk) != magic)
        return DIRFMT_E_MAGIC;
    if (be_get32(blk + DIRFMT_SUM_OFF) != dirfmt_checksum(blk))
        return DIRFMT_E_CHECKSUM;
    return DIRFMT_OK;
}

/* ---- the header block ---- */

int dirfmt_encode_header(const struct dir_header *h, uint8_t blk[DIR_BLKSIZE])
{
    if (h->dh_nusers > DIR_MAX_USERS)
        return DIRFMT_E_NUSERS;
    for (uint32_t i = 0; i < h->dh_nusers; i++)
        if (!dirfmt_name_ok(h->dh_userid[i], DIR_NAME_LEN))
            return DIRFMT_E_USERID;
    memset(blk, 0, DIR_BLKSIZE);
    be_put32(blk, DIR_MAGIC);
    be_put16(blk + 8, DIR_VERSION);
    be_put32(blk + 12, DIR_BLKSIZE);
    be_put32(blk + 16, h->dh_nusers);
    be_put32(blk + 20, h->dh_serial);
    be_put32(blk + 24, (uint32_t)(h->dh_tod >> 32));
    be_put32(blk + 28, (uint32_t)h->dh_tod);
    for (uint32_t i = 0; i < h->dh_nusers; i++)
        dirfmt_put_text(blk + DIR_HDR_INDEX_OFF + i * DIR_NAME_LEN, h->dh_userid[i],
                        DIR_NAME_LEN);
    dirfmt_seal(blk);
    return DIRFMT_OK;
}

int dirfmt_decode_header(const uint8_t blk[DIR_BLKSIZE], struct dir_header *h)
{
    int err = dirfmt_check_block(blk, DIR_MAGIC);

    if (err != DIRFMT_OK)
        return err;
    if (be_get16(blk + 8) != DIR_VERSION)
        return DIRFMT_E_VERSION;
    if (be_get32(blk + 12) != DIR_BLKSIZE)
        return DIRFMT_E_BLKSIZE;
    memset(h, 0, sizeof *h);
    h->dh_nusers = be_get32(blk + 16);
    if (h->dh_nusers > DIR_MAX_USERS)
        return DIRFMT_E_NUSERS;
    h->dh_serial = be_get32(blk + 20);
    h->dh_tod = (uint64_t)be_get32(blk + 24) << 32 | be_get32(blk + 28);
    for (uint32_t i = 0; i < h->dh_nusers; i++) {
        char *id = h->dh_userid[i];
        if (!dirfmt_get_text(id, blk + DIR_HDR_INDEX_OFF + i * DIR_NAME_LEN,
                             DIR_NAME_LEN)
            || !dirfmt_name_ok(id, DIR_NAME_LEN))
            return DIRFMT_E_USERID;
    }
    return DIRFMT_OK;
}

int dirfmt_find(const struct dir_header *h, const char *userid)
{
    for (uint32_t i = 0; i < h->dh_nusers && i < DIR_MAX_USERS; i++)
        if (strcmp(h->dh_userid[i], userid) == 0)
            return (int)i;
    return -1;
}

/* ---- user blocks ---- */

/* Offsets inside a user block and a device entry (the table in dir.h). */
enum {
    DU_INDEX = 8, DU_NDEVS = 10, DU_USERID = 12, DU_PASSWORD = 20,
    DU_STORAGE = 28, DU_MAXSTOR = 32, DU_CLASSES = 36, DU_OPTIONS = 40,
    DU_PRIORITY = 42, DU_IPL = 43, DU_IPL_VADDR = 44, DU_IPL_NAME = 48,
    DU_ACCOUNT = 56, DU_DIST = 64, DU_CPUID = 72, DU_PARM = 80,
    DD_KIND = 0, DD_TYPE = 1, DD_VADDR = 2, DD_MODE = 4, DD_CLASS = 5,
    DD_RADDR = 6, DD_START = 8, DD_COUNT = 10, DD_LINKADDR = 12, DD_VOLSER = 14,
    DD_LINKUSER = 20, DD_READPW = 28, DD_WRITEPW = 36, DD_MULTPW = 44,
};

static void dirfmt_encode_dev(const struct dir_dev *d, uint8_t *p)
{
    char cls[2] = { d->dd_class, '\0' };

    p[DD_KIND] = d->dd_kind;
    p[DD_TYPE] = d->dd_type;
    be_put16(p + DD_VADDR, d->dd_vaddr);
    p[DD_MODE] = d->dd_mode;
    dirfmt_put_text(p + DD_CLASS, cls, 1);
    be_put16(p + DD_RADDR, d->dd_raddr);
    be_put16(p + DD_START, d->dd_start);
    be_put16(p + DD_COUNT, d->dd_count);
    be_put16(p + DD_LINKADDR, d->dd_linkaddr);
    dirfmt_put_text(p + DD_VOLSER, d->dd_volser, DIR_VOLSER_LEN);
    dirfmt_put_text(p + DD_LINKUSER, d->dd_linkuser, DIR_NAME_LEN);
    dirfmt_put_text(p + DD_READPW, d->dd_readpw, DIR_NAME_LEN);
    dirfmt_put_text(p + DD_WRITEPW, d->dd_writepw, DIR_NAME_LEN);
    dirfmt_put_text(p + DD_MULTPW, d->dd_multpw, DIR_NAME_LEN);
}

static bool dirfmt_decode_dev(const uint8_t *p, struct dir_dev *d)
{
    char cls[2];
    bool ok;

    memset(d, 0, sizeof *d);
    d->dd_kind = p[DD_KIND];
    d->dd_type = p[DD_TYPE];
    d->dd_vaddr = (uint16_t)be_get16(p + DD_VADDR);
    d->dd_mode = p[DD_MODE];
    ok = dirfmt_get_text(cls, p + DD_CLASS, 1);
    d->dd_class = cls[0];
    d->dd_raddr = (uint16_t)be_get16(p + DD_RADDR);
    d->dd_start = (uint16_t)be_get16(p + DD_START);
    d->dd_count = (uint16_t)be_get16(p + DD_COUNT);
    d->dd_linkaddr = (uint16_t)be_get16(p + DD_LINKADDR);
    ok &= dirfmt_get_text(d->dd_volser, p + DD_VOLSER, DIR_VOLSER_LEN);
    ok &= dirfmt_get_text(d->dd_linkuser, p + DD_LINKUSER, DIR_NAME_LEN);
    ok &= dirfmt_get_text(d->dd_readpw, p + DD_READPW, DIR_NAME_LEN);
    ok &= dirfmt_get_text(d->dd_writepw, p + DD_WRITEPW, DIR_NAME_LEN);
    ok &= dirfmt_get_text(d->dd_multpw, p + DD_MULTPW, DIR_NAME_LEN);
    return ok;
}

int dirfmt_encode_user(const struct dir_user *u, uint32_t index,
                       uint8_t blk[DIR_BLKSIZE], int *dev)
{
    int err = dirfmt_check_user(u, dev);

    if (err != DIRFMT_OK)
        return err;
    if (index >= DIR_MAX_USERS)
        return DIRFMT_E_INDEX;
    memset(blk, 0, DIR_BLKSIZE);
    be_put32(blk, DIR_USER_MAGIC);
    be_put16(blk + DU_INDEX, index);
    be_put16(blk + DU_NDEVS, u->du_ndevs);
    dirfmt_put_text(blk + DU_USERID, u->du_userid, DIR_NAME_LEN);
    dirfmt_put_text(blk + DU_PASSWORD, u->du_password, DIR_NAME_LEN);
    be_put32(blk + DU_STORAGE, u->du_storage);
    be_put32(blk + DU_MAXSTOR, u->du_maxstorage);
    be_put32(blk + DU_CLASSES, u->du_classes);
    be_put16(blk + DU_OPTIONS, u->du_options);
    blk[DU_PRIORITY] = u->du_priority;
    blk[DU_IPL] = u->du_ipl;
    be_put16(blk + DU_IPL_VADDR, u->du_ipl_vaddr);
    dirfmt_put_text(blk + DU_IPL_NAME, u->du_ipl_name, DIR_NAME_LEN);
    dirfmt_put_text(blk + DU_ACCOUNT, u->du_account, DIR_NAME_LEN);
    dirfmt_put_text(blk + DU_DIST, u->du_dist, DIR_NAME_LEN);
    dirfmt_put_text(blk + DU_CPUID, u->du_cpuid, DIR_CPUID_LEN);
    dirfmt_put_text(blk + DU_PARM, u->du_ipl_parm, DIR_PARM_LEN);
    for (uint16_t i = 0; i < u->du_ndevs; i++)
        dirfmt_encode_dev(&u->du_dev[i], blk + DIR_USER_DEVS_OFF + i * DIR_DEV_LEN);
    dirfmt_seal(blk);
    return DIRFMT_OK;
}

/* The user's own fields; false if a text field is unprintable. */
static bool dirfmt_decode_fields(const uint8_t blk[DIR_BLKSIZE], struct dir_user *u)
{
    bool ok;

    u->du_storage = be_get32(blk + DU_STORAGE);
    u->du_maxstorage = be_get32(blk + DU_MAXSTOR);
    u->du_classes = be_get32(blk + DU_CLASSES);
    u->du_options = (uint16_t)be_get16(blk + DU_OPTIONS);
    u->du_priority = blk[DU_PRIORITY];
    u->du_ipl = blk[DU_IPL];
    u->du_ipl_vaddr = (uint16_t)be_get16(blk + DU_IPL_VADDR);
    ok = dirfmt_get_text(u->du_userid, blk + DU_USERID, DIR_NAME_LEN);
    ok &= dirfmt_get_text(u->du_password, blk + DU_PASSWORD, DIR_NAME_LEN);
    ok &= dirfmt_get_text(u->du_ipl_name, blk + DU_IPL_NAME, DIR_NAME_LEN);
    ok &= dirfmt_get_text(u->du_account, blk + DU_ACCOUNT, DIR_NAME_LEN);
    ok &= dirfmt_get_text(u->du_dist, blk + DU_DIST, DIR_NAME_LEN);
    ok &= dirfmt_get_text(u->du_cpuid, blk + DU_CPUID, DIR_CPUID_LEN);
    ok &= dirfmt_get_text(u->du_ipl_parm, blk + DU_PARM, DIR_PARM_LEN);
    return ok;
}

int dirfmt_decode_user(const uint8_t blk[DIR_BLKSIZE], uint32_t index,
                       struct dir_user *u, int *dev)
{
    int err = dirfmt_check_block(blk, DIR_USER_MAGIC);

    if (dev != NULL)
        *dev = -1;
    if (err != DIRFMT_OK)
        return err;
    if (be_get16(blk + DU_INDEX) != index)
        return DIRFMT_E_INDEX;
    memset(u, 0, sizeof *u);
    u->du_ndevs = (uint16_t)be_get16(blk + DU_NDEVS);
    if (u->du_ndevs > DIR_MAX_DEVS)
        return DIRFMT_E_NDEVS;
    if (!dirfmt_decode_fields(blk, u))
        return DIRFMT_E_TEXT;
    for (uint16_t i = 0; i < u->du_ndevs; i++) {
        if (!dirfmt_decode_dev(blk + DIR_USER_DEVS_OFF + i * DIR_DEV_LEN,
                               &u->du_dev[i])) {
            if (dev != NULL)
                *dev = i;
            return DIRFMT_E_TEXT;
        }
    }
    return dirfmt_check_user(u, dev);
}

uint32_t dirfmt_blocks(uint32_t nusers)
{
    return nusers + 1;
}
