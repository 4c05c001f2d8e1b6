/* vol.h: the layout of a CPCMS-owned CKD volume, shared by CP and the host tools.
 *
 * Written once here; CP (freestanding, big-endian) and the host tools (any
 * endianness) both go through volmap.c, which encodes every field big-endian,
 * byte by byte, so the same bytes mean the same thing on both sides.
 *
 * Cylinder 0, head 0 (as OS/360 and VM/370 laid it out):
 *   R1  key "IPL1" (EBCDIC)  data 24 bytes: IPL PSW, CCW1, CCW2
 *   R2  key "IPL2"           data: the bootstrap channel program (see below)
 *   R3  key "VOL1"           data 80 bytes: the volume label
 * Cylinder 0, head 1:
 *   R1  no key               data VOL_BLKSIZE bytes: the allocation map
 * Every other CP area is formatted in VOL_BLKSIZE-byte records, no key,
 * VOL_RECS_PER_TRACK of them per track, numbered R1 upward.
 *
 * IPL: Hercules reads R1's data to absolute 0 and runs CCW1 at 8 (read the
 * next record, IPL2, to VOL_IPL2_ADDR) and CCW2 at 16 (TIC to it). IPL2 is a
 * format-0 channel program that, track by track, does SEEK, SEARCH ID EQUAL,
 * TIC back to the search, then READ DATA of each block of the nucleus to
 * consecutive storage from the nucleus load address. Its seek and search
 * arguments follow the CCWs inside the same record. When the chain ends the
 * machine loads the ESA/390 PSW at 0 and CP starts at its entry point.
 */
#ifndef DASD_VOL_H
#define DASD_VOL_H

#include <stdint.h>
#include <stddef.h>

/* The one device type CPCMS volumes use: the IBM 3380 (see docs/dasd.md). */
#define VOL_DEVTYPE          0x3380u
#define VOL_HEADS            15u       /* tracks per cylinder                   */
#define VOL_MAX_CYLS         885u      /* a 3380 model A/J                      */
#define VOL_BLKSIZE          4096u     /* one page: CP areas use page-sized blocks */
#define VOL_RECS_PER_TRACK   10u       /* 4K blocks per 3380 track              */

/* Where the bootstrap lives in storage during IPL. */
#define VOL_IPL2_ADDR        0x1000u
#define VOL_IPL2_MAX         0x3000u   /* IPL2 must end below 0x4000            */
#define VOL_NUC_MIN_ADDR     0x4000u   /* nucleus may not load below this       */
#define VOL_NUC_MAX_ADDR     0x1000000u /* format-0 CCWs address 24 bits        */

/* Allocation map, cylinder 0 head 1 record 1. All fields big-endian.
 *
 *  offset len  field
 *   0     4    magic  VOL_MAP_MAGIC ("CPMA" in EBCDIC)
 *   4     2    version (VOL_MAP_VERSION)
 *   6     2    device type (0x3380)
 *   8     4    cylinders on the volume
 *  12     2    heads per cylinder
 *  14     2    records per track in CP areas
 *  16     4    block size of CP areas
 *  20     4    number of area entries that follow
 *  24     4    nucleus length in bytes (0: none written)
 *  28     4    nucleus load address
 *  32     4    nucleus entry address
 *  36    12    reserved, zero
 *  48   20*n   area entries:
 *                0  2  area type (enum vol_area_type)
 *                2  2  reserved, zero
 *                4  4  first cylinder
 *                8  4  number of cylinders
 *               12  8  name, EBCDIC, blank padded (e.g. "NUCLEUS ")
 */
#define VOL_MAP_MAGIC        0xC3D7D4C1u
#define VOL_MAP_VERSION      1u
#define VOL_MAP_HDR_LEN      48u
#define VOL_MAP_ENTRY_LEN    20u
#define VOL_MAP_MAX_AREAS    ((VOL_BLKSIZE - VOL_MAP_HDR_LEN) / VOL_MAP_ENTRY_LEN)

enum vol_area_type {
    VOL_AREA_NUC   = 1,  /* CP nucleus, loaded by IPL2                    */
    VOL_AREA_DIR   = 2,  /* the user directory, written by the directory compiler */
    VOL_AREA_WARM  = 3,  /* warm start / checkpoint data                   */
    VOL_AREA_PAGE  = 4,  /* paging slots                                   */
    VOL_AREA_SPOOL = 5,  /* spool files                                    */
    VOL_AREA_TDSK  = 6,  /* temporary minidisks                            */
    VOL_AREA_PERM  = 7,  /* permanent minidisks (MDISK extents)            */
};

struct vol_area {
    uint16_t va_type;       /* enum vol_area_type */
    uint32_t va_first;      /* first cylinder (never 0: cylinder 0 is the label's) */
    uint32_t va_count;      /* cylinders */
    char     va_name[9];    /* ASCII on the host side of volmap.c, NUL-terminated */
};

struct vol_map {
    uint32_t vm_cyls;
    uint16_t vm_heads;
    uint16_t vm_recs_per_track;
    uint32_t vm_blksize;
    uint32_t vm_nuc_len;
    uint32_t vm_nuc_load;
    uint32_t vm_nuc_entry;
    uint32_t vm_nareas;
    struct vol_area vm_area[VOL_MAP_MAX_AREAS];
};

/* The 80-byte VOL1 label (EBCDIC), as OS/360 defined it. */
#define VOL_LABEL_LEN        80u
#define VOL_LABEL_VOLSER_OFF 4u
#define VOL_LABEL_VOLSER_LEN 6u

#endif
