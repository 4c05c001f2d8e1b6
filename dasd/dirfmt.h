/* dirfmt.h: the directory's vocabulary and its blocks (pure; host-tested).
 *
 * Encodes and decodes the header and user blocks laid out in dir.h, checks a
 * struct dir_user for consistency, and holds the tables of device types,
 * access modes and options that the parser, CP and dirc all spell from.
 * Built on the host (-DCP_HOST) for dirc and the unit tests, and
 * freestanding for CP, which decodes the blocks at LOGON.
 */
#ifndef DASD_DIRFMT_H
#define DASD_DIRFMT_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "dir.h"

/* Results.  0 is success; every other value has a message from
 * dirfmt_strerror().  The order is the message table's order. */
enum dirfmt_err {
    DIRFMT_OK = 0,
    /* the block as a whole */
    DIRFMT_E_MAGIC,        /* not a directory header / user block          */
    DIRFMT_E_CHECKSUM,     /* Adler-32 does not match: a damaged block     */
    DIRFMT_E_VERSION,      /* a directory version this code does not know  */
    DIRFMT_E_BLKSIZE,      /* header's block size is not VOL_BLKSIZE       */
    DIRFMT_E_NUSERS,       /* more users than one header indexes           */
    DIRFMT_E_INDEX,        /* user block holds another index than expected */
    /* the user's fields */
    DIRFMT_E_TEXT,         /* a text field holds an unprintable character  */
    DIRFMT_E_USERID,       /* userid not 1-8 of A-Z 0-9 @ # $              */
    DIRFMT_E_PASSWORD,     /* password or account not 1-8 printable chars  */
    DIRFMT_E_STORAGE,      /* storage not 64K-16M in 4K, or max < storage  */
    DIRFMT_E_PRIORITY,     /* priority above 99                            */
    DIRFMT_E_OPTION,       /* unknown option bit, or CPUID missing or bad  */
    DIRFMT_E_IPL,          /* bad IPL kind or system name, or stray PARM   */
    DIRFMT_E_NDEVS,        /* more than DIR_MAX_DEVS devices               */
    /* a device entry */
    DIRFMT_E_DEVKIND,      /* unknown kind                                 */
    DIRFMT_E_DEVTYPE,      /* type unknown or not for this kind            */
    DIRFMT_E_MODE,         /* access mode missing, unknown or misplaced    */
    DIRFMT_E_CLASS,        /* spool class not A-Z 0-9, or * off a reader   */
    DIRFMT_E_EXTENT,       /* minidisk of no cylinders or past a 3380's end */
    DIRFMT_E_VOLSER,       /* volser not 1-6 of A-Z 0-9 @ # $              */
    DIRFMT_E_LINKUSER,     /* LINK userid not a valid userid               */
    DIRFMT_E_COUNT         /* number of codes; not a result                */
};

/* A one-line message for a result code (never NULL). */
const char *dirfmt_strerror(int err);

/* ---- vocabulary ---- */

/* One device type: the statement that takes it, its spelling there, the
 * function word that goes with it (SPOOL only: READER, PUNCH, PRINTER),
 * and the IBM model number CP presents to the guest (0: none). */
struct dirfmt_type {
    uint8_t     ft_type;        /* enum dir_type                          */
    uint8_t     ft_kind;        /* enum dir_kind                          */
    const char *ft_name;        /* "2540", "3380", "CTCA", ...            */
    const char *ft_func;        /* "READER", "PUNCH", "PRINTER" or NULL   */
    bool        ft_say_func;    /* the function word is required (2540)   */
    uint16_t    ft_model;       /* X'2540', X'3380', ...                  */
};

/* Row for a type (NULL for DIR_T_NONE or unknown); row i of the table, or
 * NULL past its end. */
const struct dirfmt_type *dirfmt_type(unsigned type);
const struct dirfmt_type *dirfmt_type_at(size_t i);

/* The row of a kind spelled name and, unless func is NULL, with that
 * function word; *matches counts the rows of the kind spelled name (2 for
 * SPOOL 2540).  dirfmt_is_func: is s a function word of some row? */
const struct dirfmt_type *dirfmt_type_by_name(unsigned kind, const char *name,
                                              const char *func, int *matches);
bool dirfmt_is_func(const char *s);

/* Statement keyword of a kind ("MDISK"), or NULL. */
const char *dirfmt_kind_name(unsigned kind);

/* Access modes: "RR" for DIR_M_RR (NULL if unknown), and back (upper-case
 * name; DIR_M_NONE if unknown). */
const char *dirfmt_mode_name(unsigned mode);
unsigned    dirfmt_mode_by_name(const char *name);

/* OPTION operands. */
struct dirfmt_option {
    uint16_t    fo_bit;         /* DIR_OPT_*                              */
    const char *fo_name;        /* "ECMODE", "VIRT=REAL", ...             */
    bool        fo_value;       /* takes the next operand (CPUID xxxxxx)  */
};
const struct dirfmt_option *dirfmt_option_at(size_t i);
const struct dirfmt_option *dirfmt_option_by_name(const char *name);

/* 1..max characters of OS/360's name set, A-Z 0-9 @ # $ (userids, volsers,
 * system names). */
bool dirfmt_name_ok(const char *s, size_t max);
/* 1..max printable, non-blank ASCII characters (passwords, accounts). */
bool dirfmt_word_ok(const char *s, size_t max);
/* A spool class: A-Z, 0-9, or * (any class; readers only). */
bool dirfmt_class_ok(char c, bool reader);

/* ---- consistency ---- */

/* Check every field and device entry of a user against the rules above;
 * encode and decode both run it.  *dev gets the failing entry's index, or
 * -1 when the fault is in the user's own fields (dev may be NULL). */
int dirfmt_check_user(const struct dir_user *u, int *dev);

/* ---- blocks ---- */

/* Adler-32 of a block with its checksum field (offset 4) taken as zero;
 * dirfmt_seal stores it there.  The encoders seal what they build. */
uint32_t dirfmt_checksum(const uint8_t blk[DIR_BLKSIZE]);
void     dirfmt_seal(uint8_t blk[DIR_BLKSIZE]);

/* Header <-> block 0.  Encode checks the user count and each userid. */
int dirfmt_encode_header(const struct dir_header *h, uint8_t blk[DIR_BLKSIZE]);
int dirfmt_decode_header(const uint8_t blk[DIR_BLKSIZE], struct dir_header *h);

/* Index of userid (upper-case ASCII) in the header, or -1. */
int dirfmt_find(const struct dir_header *h, const char *userid);

/* User index <-> block 1 + index.  Both run dirfmt_check_user; decode also
 * checks magic, checksum and that the block is user index's.  On failure
 * *dev is as for dirfmt_check_user (dev may be NULL).  Decoded entries have
 * du_line and dd_line zero. */
int dirfmt_encode_user(const struct dir_user *u, uint32_t index,
                       uint8_t blk[DIR_BLKSIZE], int *dev);
int dirfmt_decode_user(const uint8_t blk[DIR_BLKSIZE], uint32_t index,
                       struct dir_user *u, int *dev);

/* Blocks a directory of nusers takes: the header and one per user. */
uint32_t dirfmt_blocks(uint32_t nusers);

#endif
