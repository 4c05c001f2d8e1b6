/* dir.h: the compiled user directory, as CP reads it and dirc writes it.
 *
 * Written once here; CP (freestanding) and the host tools both go through
 * dirfmt.c, which moves every field big-endian, byte by byte, and every text
 * field as EBCDIC padded with blanks.  In memory the same data is held in
 * struct dir_user with ASCII, NUL-terminated strings.
 *
 * The directory lives in the DIR area of the system residence volume (see
 * vol.h), in VOL_BLKSIZE-byte blocks found with volmap_area_block():
 *   block 0        the header: counts, compile time, and an index of userids
 *   block 1 + i    user i (0-based, in source order), with its devices
 *
 * Header block (block 0):
 *   offset len  field
 *     0     4   magic DIR_MAGIC ("CPDR" in EBCDIC)
 *     4     4   Adler-32 of the whole block, computed with these 4 bytes zero
 *     8     2   version (DIR_VERSION)
 *    10     2   reserved, zero
 *    12     4   block size (VOL_BLKSIZE)
 *    16     4   number of users n
 *    20     4   serial: 1 for the first directory written to a volume,
 *               then one more than the directory it replaced
 *    24     8   S/370 TOD clock value when it was compiled (bit 51 = 1 us)
 *    32    32   reserved, zero
 *    64   8*n   userid index: user i's userid (EBCDIC, blank padded);
 *               its entry is in block 1 + i
 *
 * User block (block 1 + i):
 *     0     4   magic DIR_USER_MAGIC ("CPDU" in EBCDIC)
 *     4     4   Adler-32 of the whole block, computed with these 4 bytes zero
 *     8     2   i, the user's index (so a misplaced block is caught)
 *    10     2   number of device entries (at most DIR_MAX_DEVS)
 *    12     8   userid
 *    20     8   password (NOLOG: the user cannot log on)
 *    28     4   storage in bytes
 *    32     4   maximum storage in bytes
 *    36     4   privilege classes, bit (c - 'A') for letter c
 *    40     2   OPTION flags (DIR_OPT_*)
 *    42     1   priority, 0-99
 *    43     1   IPL kind (enum dir_ipl)
 *    44     2   IPL vaddr (DIR_IPL_VADDR)
 *    46     2   reserved, zero
 *    48     8   IPL system name (DIR_IPL_NAME)
 *    56     8   ACCOUNT number
 *    64     8   ACCOUNT distribution
 *    72     6   CPUID: six hex digits (with DIR_OPT_CPUID)
 *    78     2   reserved, zero
 *    80    64   IPL PARM text
 *   144    48   reserved, zero
 *   192  56*k   device entries, in source order:
 *                 0  1  kind (enum dir_kind)
 *                 1  1  device type (enum dir_type)
 *                 2  2  virtual address
 *                 4  1  access mode, MDISK and LINK (enum dir_mode)
 *                 5  1  spool class, SPOOL (EBCDIC; blank otherwise)
 *                 6  2  real address, DEDICATE (DIR_NO_RADDR: by volser)
 *                 8  2  first cylinder, MDISK
 *                10  2  number of cylinders, MDISK
 *                12  2  the linked user's vaddr, LINK
 *                14  6  volser, MDISK and DEDICATE by volser
 *                20  8  the linked userid, LINK
 *                28  8  read password, MDISK
 *                36  8  write password, MDISK
 *                44  8  multiple-write password, MDISK
 *                52  4  reserved, zero
 * Text fields not used by an entry are blank; the rest of the block is zero.
 */
#ifndef DASD_DIR_H
#define DASD_DIR_H

#include <stdint.h>
#include <stddef.h>
#include "vol.h"

#define DIR_BLKSIZE        VOL_BLKSIZE
#define DIR_MAGIC          0xC3D7C4D9u   /* "CPDR" */
#define DIR_USER_MAGIC     0xC3D7C4E4u   /* "CPDU" */
#define DIR_VERSION        1u

#define DIR_HDR_INDEX_OFF  64u
#define DIR_USER_DEVS_OFF  192u
#define DIR_DEV_LEN        56u

#define DIR_NAME_LEN       8u    /* userids, passwords, account, system names */
#define DIR_VOLSER_LEN     6u
#define DIR_CPUID_LEN      6u
#define DIR_PARM_LEN       64u

/* One header block indexes this many users; one user block holds this many
 * device entries (64 * 56 + 192 = 3776 bytes of the 4096). */
#define DIR_MAX_USERS      ((DIR_BLKSIZE - DIR_HDR_INDEX_OFF) / DIR_NAME_LEN)  /* 504 */
#define DIR_MAX_DEVS       64u

/* Limits the compiler enforces. */
#define DIR_MIN_STORAGE    (64u * 1024)
#define DIR_MAX_STORAGE    (16u * 1024 * 1024)
#define DIR_STORAGE_UNIT   (4u * 1024)
#define DIR_MAX_PRIORITY   99u
#define DIR_DEF_PRIORITY   50u
#define DIR_MAX_VADDR      0xFFFFu
#define DIR_NO_RADDR       0xFFFFu

/* OPTION statement operands, as bits of du_options. */
#define DIR_OPT_ECMODE     0x0001u
#define DIR_OPT_REALTIMER  0x0002u
#define DIR_OPT_ISAM       0x0004u
#define DIR_OPT_VIRTREAL   0x0008u
#define DIR_OPT_ACCT       0x0010u
#define DIR_OPT_CPUID      0x0020u

#define DIR_CLASS(c)       (1u << ((c) - 'A'))

/* What a device entry is: the directory statement that made it. */
enum dir_kind {
    DIR_K_CONSOLE = 1,
    DIR_K_SPOOL,
    DIR_K_MDISK,
    DIR_K_LINK,
    DIR_K_DEDICATE,
    DIR_K_SPECIAL,
    DIR_K_COUNT              /* not a kind */
};

/* Device types.  LINK and DEDICATE entries carry DIR_T_NONE: the type is
 * the linked minidisk's or the real device's.  dirfmt_type() gives each
 * type's statement, spelling and hardware model. */
enum dir_type {
    DIR_T_NONE = 0,
    DIR_T_3215,              /* CONSOLE                       */
    DIR_T_2540R,             /* SPOOL 2540 READER             */
    DIR_T_2540P,             /* SPOOL 2540 PUNCH              */
    DIR_T_1403,              /* SPOOL 1403 (printer)          */
    DIR_T_3505,              /* SPOOL 3505 (reader)           */
    DIR_T_3525,              /* SPOOL 3525 (punch)            */
    DIR_T_3380,              /* MDISK                         */
    DIR_T_3270,              /* SPECIAL 3270 (display)        */
    DIR_T_CTCA,              /* SPECIAL CTCA (channel-to-channel adapter) */
    DIR_T_TIMER,             /* SPECIAL TIMER (pseudo timer)  */
    DIR_T_COUNT              /* not a type */
};

/* MDISK and LINK access modes (VM/370: R, RR, W, WR, M, MR, MW). */
enum dir_mode {
    DIR_M_NONE = 0,
    DIR_M_R, DIR_M_RR, DIR_M_W, DIR_M_WR, DIR_M_M, DIR_M_MR, DIR_M_MW,
    DIR_M_COUNT              /* not a mode */
};

/* The IPL statement: none, a device, or a saved system by name. */
enum dir_ipl {
    DIR_IPL_NONE = 0,
    DIR_IPL_VADDR,
    DIR_IPL_NAME,
    DIR_IPL_COUNT
};

struct dir_dev {
    uint8_t  dd_kind;                     /* enum dir_kind                    */
    uint8_t  dd_type;                     /* enum dir_type                    */
    uint16_t dd_vaddr;
    uint8_t  dd_mode;                     /* enum dir_mode: MDISK, LINK       */
    char     dd_class;                    /* spool class A-Z 0-9 *, else '\0' */
    uint16_t dd_raddr;                    /* DEDICATE; DIR_NO_RADDR: volser   */
    uint16_t dd_start;                    /* MDISK first cylinder             */
    uint16_t dd_count;                    /* MDISK cylinders                  */
    uint16_t dd_linkaddr;                 /* LINK: the other user's vaddr     */
    char     dd_volser[DIR_VOLSER_LEN + 1];
    char     dd_linkuser[DIR_NAME_LEN + 1];
    char     dd_readpw[DIR_NAME_LEN + 1];
    char     dd_writepw[DIR_NAME_LEN + 1];
    char     dd_multpw[DIR_NAME_LEN + 1];
    uint32_t dd_line;                     /* source line (parser); 0 decoded  */
};

struct dir_user {
    char     du_userid[DIR_NAME_LEN + 1];
    char     du_password[DIR_NAME_LEN + 1];
    uint32_t du_storage;                  /* bytes                            */
    uint32_t du_maxstorage;               /* bytes                            */
    uint32_t du_classes;                  /* DIR_CLASS(letter) bits           */
    uint16_t du_options;                  /* DIR_OPT_* bits                   */
    uint8_t  du_priority;
    uint8_t  du_ipl;                      /* enum dir_ipl                     */
    uint16_t du_ipl_vaddr;
    char     du_ipl_name[DIR_NAME_LEN + 1];
    char     du_ipl_parm[DIR_PARM_LEN + 1];
    char     du_account[DIR_NAME_LEN + 1];
    char     du_dist[DIR_NAME_LEN + 1];
    char     du_cpuid[DIR_CPUID_LEN + 1];
    uint32_t du_line;                     /* USER statement line (parser)     */
    uint16_t du_ndevs;
    struct dir_dev du_dev[DIR_MAX_DEVS];
};

/* The header block in memory. */
struct dir_header {
    uint32_t dh_nusers;
    uint32_t dh_serial;
    uint64_t dh_tod;
    char     dh_userid[DIR_MAX_USERS][DIR_NAME_LEN + 1];
};

#endif
