/* test_dirfmt.c: dasd/dirfmt.c: directory blocks.  Users with every device
 * type survive encode and decode, the bytes sit where dir.h says, damaged
 * blocks are refused with the right code, and the vocabulary tables agree. */
#include <stdio.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "../../cp/ebcdic.h"
#include "../../dasd/dirfmt.h"

void suite_dirfmt(void);

static uint8_t blk[DIR_BLKSIZE];

/* ---- users to encode ---- */

/* One device of every type in the table, a LINK and both DEDICATE forms. */
static void make_full_user(struct dir_user *u)
{
    const struct dirfmt_type *t;
    struct dir_dev *d;

    memset(u, 0, sizeof *u);
    strcpy(u->du_userid, "TESTER");
    strcpy(u->du_password, "PA$$");
    u->du_storage = 768u * 1024;
    u->du_maxstorage = 16u << 20;
    u->du_classes = DIR_CLASS('A') | DIR_CLASS('G') | DIR_CLASS('Z');
    u->du_options = DIR_OPT_ECMODE | DIR_OPT_REALTIMER | DIR_OPT_ISAM | DIR_OPT_VIRTREAL
                  | DIR_OPT_ACCT | DIR_OPT_CPUID;
    strcpy(u->du_cpuid, "12AB3F");
    u->du_priority = 99;
    u->du_ipl = DIR_IPL_NAME;
    strcpy(u->du_ipl_name, "CMS");
    strcpy(u->du_ipl_parm, "AUTOCR  X");
    strcpy(u->du_account, "ACCT1");
    strcpy(u->du_dist, "DIST");
    for (size_t i = 0; (t = dirfmt_type_at(i)) != NULL; i++) {
        d = &u->du_dev[u->du_ndevs];
        d->dd_kind = t->ft_kind;
        d->dd_type = t->ft_type;
        d->dd_vaddr = (uint16_t)(0x100 + u->du_ndevs++);
        if (t->ft_kind == DIR_K_SPOOL)
            d->dd_class = strcmp(t->ft_func, "READER") == 0 ? '*' : 'C';
        if (t->ft_kind == DIR_K_MDISK) {
            d->dd_mode = DIR_M_MW;
            d->dd_start = 100;
            d->dd_count = 20;
            strcpy(d->dd_volser, "CPUSR0");
            strcpy(d->dd_readpw, "RPW");
            strcpy(d->dd_writepw, "W#P");
            strcpy(d->dd_multpw, "M$P");
        }
    }
    d = &u->du_dev[u->du_ndevs];
    *d = (struct dir_dev){ .dd_kind = DIR_K_LINK, .dd_vaddr = 0x190, .dd_mode = DIR_M_RR,
                           .dd_linkaddr = 0x190, .dd_linkuser = "MAINT" };
    d++;
    *d = (struct dir_dev){ .dd_kind = DIR_K_DEDICATE, .dd_vaddr = 0x181, .dd_raddr = 0x181 };
    d++;
    *d = (struct dir_dev){ .dd_kind = DIR_K_DEDICATE, .dd_vaddr = 0x182,
                           .dd_raddr = DIR_NO_RADDR, .dd_volser = "VOL@1" };
    u->du_ndevs += 3;
}

/* The least a user can be: NOLOG, no devices, IPL by address. */
static void make_small_user(struct dir_user *u)
{
    memset(u, 0, sizeof *u);
    strcpy(u->du_userid, "$");
    strcpy(u->du_password, "NOLOG");
    u->du_storage = u->du_maxstorage = DIR_MIN_STORAGE;
    u->du_ipl = DIR_IPL_VADDR;
    u->du_ipl_vaddr = 0xFFFF;
}

/* As many devices as a block holds. */
static void make_big_user(struct dir_user *u)
{
    make_small_user(u);
    strcpy(u->du_userid, "BIGUSER8");
    strcpy(u->du_password, "~!%^&*()");
    for (unsigned i = 0; i < DIR_MAX_DEVS; i++)
        u->du_dev[u->du_ndevs++] = (struct dir_dev){
            .dd_kind = DIR_K_MDISK, .dd_type = DIR_T_3380, .dd_vaddr = (uint16_t)i,
            .dd_mode = DIR_M_R, .dd_start = (uint16_t)i, .dd_count = 1,
            .dd_volser = "ABCDEF", .dd_multpw = "12345678" };
}

static void assert_devs_equal(const struct dir_dev *a, const struct dir_dev *b)
{
    CU_ASSERT_EQUAL(a->dd_kind, b->dd_kind);
    CU_ASSERT_EQUAL(a->dd_type, b->dd_type);
    CU_ASSERT_EQUAL(a->dd_vaddr, b->dd_vaddr);
    CU_ASSERT_EQUAL(a->dd_mode, b->dd_mode);
    CU_ASSERT_EQUAL(a->dd_class, b->dd_class);
    CU_ASSERT_EQUAL(a->dd_raddr, b->dd_raddr);
    CU_ASSERT_EQUAL(a->dd_start, b->dd_start);
    CU_ASSERT_EQUAL(a->dd_count, b->dd_count);
    CU_ASSERT_EQUAL(a->dd_linkaddr, b->dd_linkaddr);
    CU_ASSERT_STRING_EQUAL(a->dd_volser, b->dd_volser);
    CU_ASSERT_STRING_EQUAL(a->dd_linkuser, b->dd_linkuser);
    CU_ASSERT_STRING_EQUAL(a->dd_readpw, b->dd_readpw);
    CU_ASSERT_STRING_EQUAL(a->dd_writepw, b->dd_writepw);
    CU_ASSERT_STRING_EQUAL(a->dd_multpw, b->dd_multpw);
    CU_ASSERT_EQUAL(b->dd_line, 0);
}

static void assert_users_equal(const struct dir_user *a, const struct dir_user *b)
{
    CU_ASSERT_STRING_EQUAL(a->du_userid, b->du_userid);
    CU_ASSERT_STRING_EQUAL(a->du_password, b->du_password);
    CU_ASSERT_EQUAL(a->du_storage, b->du_storage);
    CU_ASSERT_EQUAL(a->du_maxstorage, b->du_maxstorage);
    CU_ASSERT_EQUAL(a->du_classes, b->du_classes);
    CU_ASSERT_EQUAL(a->du_options, b->du_options);
    CU_ASSERT_EQUAL(a->du_priority, b->du_priority);
    CU_ASSERT_EQUAL(a->du_ipl, b->du_ipl);
    CU_ASSERT_EQUAL(a->du_ipl_vaddr, b->du_ipl_vaddr);
    CU_ASSERT_STRING_EQUAL(a->du_ipl_name, b->du_ipl_name);
    CU_ASSERT_STRING_EQUAL(a->du_ipl_parm, b->du_ipl_parm);
    CU_ASSERT_STRING_EQUAL(a->du_account, b->du_account);
    CU_ASSERT_STRING_EQUAL(a->du_dist, b->du_dist);
    CU_ASSERT_STRING_EQUAL(a->du_cpuid, b->du_cpuid);
    CU_ASSERT_EQUAL(b->du_line, 0);
    CU_ASSERT_EQUAL_FATAL(a->du_ndevs, b->du_ndevs);
    for (uint16_t i = 0; i < a->du_ndevs; i++)
        assert_devs_equal(&a->du_dev[i], &b->du_dev[i]);
}

/* ---- round trips ---- */

static void test_user_roundtrip(void)
{
    static void (*const makers[])(struct dir_user *) = {
        make_full_user, make_small_user, make_big_user,
    };
    static struct dir_user in, out;
    int dev;

    for (uint32_t i = 0; i < sizeof makers / sizeof makers[0]; i++) {
        makers[i](&in);
        CU_ASSERT_EQUAL_FATAL(dirfmt_encode_user(&in, i + 7, blk, &dev), DIRFMT_OK);
        CU_ASSERT_EQUAL(dev, -1);
        CU_ASSERT_EQUAL_FATAL(dirfmt_decode_user(blk, i + 7, &out, &dev), DIRFMT_OK);
        assert_users_equal(&in, &out);
    }
}

static void test_header_roundtrip(void)
{
    static struct dir_header in, out;

    memset(&in, 0, sizeof in);
    in.dh_nusers = DIR_MAX_USERS;
    in.dh_serial = 0x01020304;
    in.dh_tod = 0xDEADBEEF12345678ull;
    for (uint32_t i = 0; i < in.dh_nusers; i++)
        sprintf(in.dh_userid[i], "U%u", i);
    CU_ASSERT_EQUAL_FATAL(dirfmt_encode_header(&in, blk), DIRFMT_OK);
    CU_ASSERT_EQUAL_FATAL(dirfmt_decode_header(blk, &out), DIRFMT_OK);
    CU_ASSERT_EQUAL(out.dh_nusers, in.dh_nusers);
    CU_ASSERT_EQUAL(out.dh_serial, in.dh_serial);
    CU_ASSERT(out.dh_tod == in.dh_tod);
    for (uint32_t i = 0; i < in.dh_nusers; i++)
        CU_ASSERT_STRING_EQUAL(out.dh_userid[i], in.dh_userid[i]);
    CU_ASSERT_EQUAL(dirfmt_find(&out, "U0"), 0);
    CU_ASSERT_EQUAL(dirfmt_find(&out, "U503"), 503);
    CU_ASSERT_EQUAL(dirfmt_find(&out, "U504"), -1);
    CU_ASSERT_EQUAL(dirfmt_blocks(in.dh_nusers), DIR_MAX_USERS + 1);

    in.dh_nusers = DIR_MAX_USERS + 1;
    CU_ASSERT_EQUAL(dirfmt_encode_header(&in, blk), DIRFMT_E_NUSERS);
    in.dh_nusers = 1;
    strcpy(in.dh_userid[0], "A B");
    CU_ASSERT_EQUAL(dirfmt_encode_header(&in, blk), DIRFMT_E_USERID);
}

/* ---- where the bytes go ---- */

static const struct byte_row {
    const char *what;
    uint32_t    off;
    uint8_t     len;
    uint8_t     bytes[8];
} user_bytes[] = {
    { "magic",        0,  4, { 0xC3, 0xD7, 0xC4, 0xE4 } },
    { "index",        8,  2, { 0x00, 0x05 } },
    { "devices",     10,  2, { 0x00, 13 } },
    { "userid",      12,  8, { 0xE3, 0xC5, 0xE2, 0xE3, 0xC5, 0xD9, 0x40, 0x40 } },
    { "password",    20,  5, { 0xD7, 0xC1, 0x5B, 0x5B, 0x40 } },
    { "storage",     28,  4, { 0x00, 0x0C, 0x00, 0x00 } },
    { "max storage", 32,  4, { 0x01, 0x00, 0x00, 0x00 } },
    { "classes",     36,  4, { 0x02, 0x00, 0x00, 0x41 } },
    { "options",     40,  2, { 0x00, 0x3F } },
    { "priority, IPL kind", 42, 2, { 99, DIR_IPL_NAME } },
    { "IPL name",    48,  4, { 0xC3, 0xD4, 0xE2, 0x40 } },
    { "account",     56,  6, { 0xC1, 0xC3, 0xC3, 0xE3, 0xF1, 0x40 } },
    { "CPUID",       72,  6, { 0xF1, 0xF2, 0xC1, 0xC2, 0xF3, 0xC6 } },
    { "PARM",        80,  8, { 0xC1, 0xE4, 0xE3, 0xD6, 0xC3, 0xD9, 0x40, 0x40 } },
    { "console",    192,  6, { DIR_K_CONSOLE, DIR_T_3215, 0x01, 0x00, 0, 0x40 } },
    { "reader class *", 192 + 56 + 5, 1, { 0x5C } },
    { "MDISK extent", 192 + 6 * 56 + 8, 4, { 0x00, 100, 0x00, 20 } },
    { "MDISK volser", 192 + 6 * 56 + 14, 6, { 0xC3, 0xD7, 0xE4, 0xE2, 0xD9, 0xF0 } },
    { "LINK target", 192 + 10 * 56 + 12, 2, { 0x01, 0x90 } },
    { "LINK userid", 192 + 10 * 56 + 20, 6, { 0xD4, 0xC1, 0xC9, 0xD5, 0xE3, 0x40 } },
    { "DEDICATE raddr", 192 + 11 * 56 + 6, 2, { 0x01, 0x81 } },
    { "after the last device", 192 + 13 * 56, 8, { 0 } },
};

static void test_user_bytes(void)
{
    static struct dir_user u;

    make_full_user(&u);
    CU_ASSERT_EQUAL_FATAL(dirfmt_encode_user(&u, 5, blk, NULL), DIRFMT_OK);
    for (size_t i = 0; i < sizeof user_bytes / sizeof user_bytes[0]; i++) {
        const struct byte_row *r = &user_bytes[i];
        bool ok = memcmp(blk + r->off, r->bytes, r->len) == 0;
        if (!ok)
            fprintf(stderr, "\nuser block field %s at %u differs\n", r->what, r->off);
        CU_ASSERT(ok);
    }
    CU_ASSERT_EQUAL(blk[DIR_BLKSIZE - 1], 0);
}

/* ---- damaged blocks ---- */

static const struct damage_row {
    const char *what;
    uint32_t    off;
    uint8_t     val;
    bool        reseal;      /* recompute the checksum: a consistent lie */
    int         err;
    int         dev;         /* the entry blamed, -1 for the user's fields */
} user_damage[] = {
    { "a flipped bit",       100, 0x41, false, DIRFMT_E_CHECKSUM, -1 },
    { "checksum",              5, 0x00, false, DIRFMT_E_CHECKSUM, -1 },
    { "magic",                 0, 0x00, true,  DIRFMT_E_MAGIC,    -1 },
    { "index",                 9, 0x06, true,  DIRFMT_E_INDEX,    -1 },
    { "65 devices",           11, 65,   true,  DIRFMT_E_NDEVS,    -1 },
    { "NUL in userid",        12, 0x00, true,  DIRFMT_E_TEXT,     -1 },
    { "blank in userid",      12, 0x40, true,  DIRFMT_E_USERID,   -1 },
    { "storage not 4K",       31, 0x01, true,  DIRFMT_E_STORAGE,  -1 },
    { "priority 100",         42, 100,  true,  DIRFMT_E_PRIORITY, -1 },
    { "unknown option",       40, 0x80, true,  DIRFMT_E_OPTION,   -1 },
    { "IPL kind",             43, 3,    true,  DIRFMT_E_IPL,      -1 },
    { "device kind",         192, 9,    true,  DIRFMT_E_DEVKIND,   0 },
    { "console typed 3380",  193, DIR_T_3380, true, DIRFMT_E_DEVTYPE, 0 },
    { "console with a mode", 196, DIR_M_R, true, DIRFMT_E_MODE,    0 },
    { "punch class *",       192 + 2 * 56 + 5, 0x5C, true, DIRFMT_E_CLASS, 2 },
    { "MDISK past the end",  192 + 6 * 56 + 8, 0x03, true, DIRFMT_E_EXTENT, 6 },
    { "MDISK volser",        192 + 6 * 56 + 14, 0x4B, true, DIRFMT_E_VOLSER, 6 },
    { "control character",   192 + 6 * 56 + 28, 0x05, true, DIRFMT_E_TEXT, 6 },
    { "LINK userid",         192 + 10 * 56 + 20, 0x4B, true, DIRFMT_E_LINKUSER, 10 },
    { "LINK with no mode",   192 + 10 * 56 + 4, 0, true, DIRFMT_E_MODE, 10 },
};

static void test_user_damage(void)
{
    static struct dir_user u, out;
    static uint8_t good[DIR_BLKSIZE];
    int dev;

    make_full_user(&u);
    CU_ASSERT_EQUAL_FATAL(dirfmt_encode_user(&u, 5, good, NULL), DIRFMT_OK);
    for (size_t i = 0; i < sizeof user_damage / sizeof user_damage[0]; i++) {
        const struct damage_row *r = &user_damage[i];
        memcpy(blk, good, DIR_BLKSIZE);
        blk[r->off] = r->val;
        if (r->reseal)
            dirfmt_seal(blk);
        int err = dirfmt_decode_user(blk, 5, &out, &dev);
        if (err != r->err || dev != r->dev)
            fprintf(stderr, "\ndamage \"%s\": got %d (%s) device %d\n", r->what, err,
                    dirfmt_strerror(err), dev);
        CU_ASSERT_EQUAL(err, r->err);
        CU_ASSERT_EQUAL(dev, r->dev);
    }
    /* the right block, asked for at the wrong index */
    CU_ASSERT_EQUAL(dirfmt_decode_user(good, 4, &out, NULL), DIRFMT_E_INDEX);
}

static const struct damage_row header_damage[] = {
    { "a flipped bit",  40, 0x01, false, DIRFMT_E_CHECKSUM, -1 },
    { "magic",           3, 0xE4, true,  DIRFMT_E_MAGIC,    -1 },
    { "version",         9, 2,    true,  DIRFMT_E_VERSION,  -1 },
    { "block size",     14, 0x20, true,  DIRFMT_E_BLKSIZE,  -1 },
    { "505 users",      18, 0x01, true,  DIRFMT_E_NUSERS,   -1 },
    { "index entry",    64, 0x4B, true,  DIRFMT_E_USERID,   -1 },
};

static void test_header_damage(void)
{
    static struct dir_header h, out;
    static uint8_t good[DIR_BLKSIZE];

    memset(&h, 0, sizeof h);
    h.dh_nusers = 249;          /* X'F9': with X'01' above it, 505 */
    for (uint32_t i = 0; i < h.dh_nusers; i++)
        sprintf(h.dh_userid[i], "USER%u", i);
    CU_ASSERT_EQUAL_FATAL(dirfmt_encode_header(&h, good), DIRFMT_OK);
    for (size_t i = 0; i < sizeof header_damage / sizeof header_damage[0]; i++) {
        const struct damage_row *r = &header_damage[i];
        memcpy(blk, good, DIR_BLKSIZE);
        blk[r->off] = r->val;
        if (r->reseal)
            dirfmt_seal(blk);
        int err = dirfmt_decode_header(blk, &out);
        if (err != r->err)
            fprintf(stderr, "\nheader damage \"%s\": got %d\n", r->what, err);
        CU_ASSERT_EQUAL(err, r->err);
    }
}

/* ---- what encode refuses ---- */

static void bad_ndevs(struct dir_user *u)     { u->du_ndevs = DIR_MAX_DEVS + 1; }
static void bad_userid(struct dir_user *u)    { strcpy(u->du_userid, "tester"); }
static void bad_password(struct dir_user *u)  { u->du_password[0] = '\0'; }
static void bad_maxstor(struct dir_user *u)   { u->du_maxstorage = 512u * 1024; }
static void bad_cpuid(struct dir_user *u)     { strcpy(u->du_cpuid, "12AB3"); }
static void bad_parm(struct dir_user *u)      { u->du_ipl = DIR_IPL_NONE; }
static void bad_parm_text(struct dir_user *u) { u->du_ipl_parm[0] = '\t'; }
static void bad_spool_type(struct dir_user *u) { u->du_dev[1].dd_type = DIR_T_3215; }
static void bad_link_type(struct dir_user *u) { u->du_dev[10].dd_type = DIR_T_3380; }
static void bad_dedicate(struct dir_user *u)  { u->du_dev[12].dd_volser[0] = '\0'; }
static void bad_cylinders(struct dir_user *u) { u->du_dev[6].dd_count = 0; }

static const struct reject_row {
    const char *what;
    void      (*spoil)(struct dir_user *u);
    int         err, dev;
} rejects[] = {
    { "65 devices",           bad_ndevs,      DIRFMT_E_NDEVS,    -1 },
    { "lower-case userid",    bad_userid,     DIRFMT_E_USERID,   -1 },
    { "no password",          bad_password,   DIRFMT_E_PASSWORD, -1 },
    { "max below storage",    bad_maxstor,    DIRFMT_E_STORAGE,  -1 },
    { "five-digit CPUID",     bad_cpuid,      DIRFMT_E_OPTION,   -1 },
    { "PARM without IPL",     bad_parm,       DIRFMT_E_IPL,      -1 },
    { "tab in PARM",          bad_parm_text,  DIRFMT_E_TEXT,     -1 },
    { "SPOOL typed 3215",     bad_spool_type, DIRFMT_E_DEVTYPE,   1 },
    { "LINK with a type",     bad_link_type,  DIRFMT_E_DEVTYPE,  10 },
    { "DEDICATE, no volser",  bad_dedicate,   DIRFMT_E_VOLSER,   12 },
    { "MDISK of 0 cylinders", bad_cylinders,  DIRFMT_E_EXTENT,    6 },
};

static void test_encode_rejects(void)
{
    static struct dir_user u;
    int dev;

    for (size_t i = 0; i < sizeof rejects / sizeof rejects[0]; i++) {
        make_full_user(&u);
        rejects[i].spoil(&u);
        int err = dirfmt_encode_user(&u, 0, blk, &dev);
        if (err != rejects[i].err || dev != rejects[i].dev)
            fprintf(stderr, "\nreject \"%s\": got %d device %d\n", rejects[i].what,
                    err, dev);
        CU_ASSERT_EQUAL(err, rejects[i].err);
        CU_ASSERT_EQUAL(dev, rejects[i].dev);
    }
    make_full_user(&u);
    CU_ASSERT_EQUAL(dirfmt_encode_user(&u, DIR_MAX_USERS, blk, NULL), DIRFMT_E_INDEX);
}

/* ---- checksum, messages, tables ---- */

static void test_checksum(void)
{
    memset(blk, 0, sizeof blk);
    CU_ASSERT_EQUAL(dirfmt_checksum(blk), 0x10000001u);
    memcpy(blk + 8, "Wikipedia", 9);
    CU_ASSERT_EQUAL(dirfmt_checksum(blk), 0x582D0398u);   /* zlib's adler32 */
    memset(blk, 0, sizeof blk);
    memset(blk + 4, 0xFF, 4);                             /* the field is skipped */
    blk[100] = 7;
    CU_ASSERT_EQUAL(dirfmt_checksum(blk), 0x7D440008u);
    dirfmt_seal(blk);
    CU_ASSERT(blk[4] == 0x7D && blk[5] == 0x44 && blk[6] == 0x00 && blk[7] == 0x08);
}

static void test_strerror(void)
{
    for (int e = 0; e < DIRFMT_E_COUNT; e++) {
        CU_ASSERT_PTR_NOT_NULL(dirfmt_strerror(e));
        CU_ASSERT_STRING_NOT_EQUAL(dirfmt_strerror(e), "unknown directory error");
    }
    CU_ASSERT_STRING_EQUAL(dirfmt_strerror(DIRFMT_E_COUNT), "unknown directory error");
    CU_ASSERT_STRING_EQUAL(dirfmt_strerror(-1), "unknown directory error");
}

static void test_vocabulary(void)
{
    const struct dirfmt_type *t;
    size_t n = 0;

    for (unsigned m = DIR_M_R; m < DIR_M_COUNT; m++)
        CU_ASSERT_EQUAL(dirfmt_mode_by_name(dirfmt_mode_name(m)), m);
    CU_ASSERT_EQUAL(dirfmt_mode_by_name("RW"), DIR_M_NONE);
    CU_ASSERT_PTR_NULL(dirfmt_mode_name(DIR_M_COUNT));
    CU_ASSERT_STRING_EQUAL(dirfmt_kind_name(DIR_K_DEDICATE), "DEDICATE");
    CU_ASSERT_PTR_NULL(dirfmt_kind_name(0));
    CU_ASSERT_PTR_NULL(dirfmt_type(DIR_T_NONE));
    for (; (t = dirfmt_type_at(n)) != NULL; n++) {
        CU_ASSERT_PTR_EQUAL(dirfmt_type(t->ft_type), t);
        CU_ASSERT_PTR_NOT_NULL(dirfmt_kind_name(t->ft_kind));
        CU_ASSERT((t->ft_kind == DIR_K_SPOOL) == (t->ft_func != NULL));
    }
    CU_ASSERT_EQUAL(n, DIR_T_COUNT - 1);
    CU_ASSERT_EQUAL(dirfmt_type(DIR_T_2540P)->ft_model, 0x2540);
    CU_ASSERT_STRING_EQUAL(dirfmt_option_at(3)->fo_name, "VIRT=REAL");
    CU_ASSERT_TRUE(dirfmt_name_ok("@#$AZ09", 8));
    CU_ASSERT_FALSE(dirfmt_name_ok("", 8));
    CU_ASSERT_FALSE(dirfmt_name_ok("ABCDEFG", 6));
    CU_ASSERT_TRUE(dirfmt_word_ok("a!~", 8));
    CU_ASSERT_FALSE(dirfmt_word_ok("A B", 8));
    CU_ASSERT_TRUE(dirfmt_class_ok('*', true));
    CU_ASSERT_FALSE(dirfmt_class_ok('*', false));
    CU_ASSERT_FALSE(dirfmt_class_ok('a', true));
}

static const struct {
    const char *name;
    void      (*fn)(void);
} dirfmt_tests[] = {
    { "user round trip, every device type", test_user_roundtrip },
    { "header round trip and find", test_header_roundtrip },
    { "user block bytes", test_user_bytes },
    { "damaged user blocks", test_user_damage },
    { "damaged header blocks", test_header_damage },
    { "encode refuses bad users", test_encode_rejects },
    { "Adler-32 checksum", test_checksum },
    { "error messages", test_strerror },
    { "vocabulary tables", test_vocabulary },
};

void suite_dirfmt(void)
{
    CU_pSuite s = CU_add_suite("dirfmt", NULL, NULL);

    if (s == NULL)
        return;
    for (size_t i = 0; i < sizeof dirfmt_tests / sizeof dirfmt_tests[0]; i++)
        CU_add_test(s, dirfmt_tests[i].name, dirfmt_tests[i].fn);
}
