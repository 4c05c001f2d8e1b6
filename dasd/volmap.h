/* volmap.h: the pure logic of a CPCMS volume: allocation map, VOL1 label,
 * and the IPL records that load the CP nucleus.
 *
 * Built twice: on the host (-DCP_HOST) for cpvol and the unit tests, and
 * freestanding for CP, which reads the same map at IPL.  Nothing here does
 * I/O; callers hand in and get back record images (see vol.h for where each
 * record lives on the volume).
 */
#ifndef DASD_VOLMAP_H
#define DASD_VOLMAP_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "vol.h"

/* Results.  0 is success; every other value has a message from
 * volmap_strerror().  The order is the message table's order. */
enum volmap_err {
    VOLMAP_OK = 0,
    /* decoding a map record */
    VOLMAP_E_MAGIC,        /* not an allocation map                         */
    VOLMAP_E_VERSION,      /* a map version this code does not know         */
    VOLMAP_E_DEVTYPE,      /* map is for a device other than the 3380       */
    VOLMAP_E_NAREAS,       /* more areas than fit in one map record         */
    /* validating a map */
    VOLMAP_E_GEOMETRY,     /* heads, records per track or block size wrong  */
    VOLMAP_E_CYLS,         /* volume size outside 1..VOL_MAX_CYLS           */
    VOLMAP_E_AREA_TYPE,    /* unknown area type                             */
    VOLMAP_E_AREA_EMPTY,   /* area of zero cylinders                        */
    VOLMAP_E_AREA_CYL0,    /* area on cylinder 0 (the label cylinder)       */
    VOLMAP_E_AREA_END,     /* area runs past the last cylinder              */
    VOLMAP_E_AREA_NAME,    /* name too long or not A-Z 0-9 @ # $            */
    VOLMAP_E_OVERLAP,      /* two areas share a cylinder                    */
    VOLMAP_E_TWO_NUC,      /* more than one NUC area                        */
    /* the VOL1 label */
    VOLMAP_E_VOLSER,       /* volser not 1-6 of A-Z 0-9 @ # $               */
    VOLMAP_E_LABEL,        /* record is not a VOL1 label                    */
    /* the nucleus and its IPL records */
    VOLMAP_E_NO_NUC,       /* map has no NUC area                           */
    VOLMAP_E_NUC_EMPTY,    /* nucleus length is zero                        */
    VOLMAP_E_NUC_LOAD,     /* load address below VOL_NUC_MIN_ADDR           */
    VOLMAP_E_NUC_END,      /* image ends beyond VOL_NUC_MAX_ADDR            */
    VOLMAP_E_NUC_ENTRY,    /* entry point outside the image                 */
    VOLMAP_E_NUC_SIZE,     /* nucleus larger than the NUC area              */
    VOLMAP_E_IPL2_SIZE,    /* bootstrap program longer than VOL_IPL2_MAX    */
    VOLMAP_E_COUNT         /* number of codes; not a result                 */
};

/* A one-line message for a result code (never NULL). */
const char *volmap_strerror(int err);

/* ---- area types: one table gives the name used by tools and the default
 * area name written in the map ---- */
struct volmap_type {
    uint16_t    vt_type;     /* enum vol_area_type               */
    const char *vt_name;     /* "NUC", "PAGE", ... (cpvol --area) */
    const char *vt_label;    /* default area name, e.g. "NUCLEUS" */
};

/* Look a type up by number, or by name (ASCII, any case); NULL if unknown.
 * volmap_type_at walks the table: row i, or NULL past the end. */
const struct volmap_type *volmap_type_by_id(unsigned type);
const struct volmap_type *volmap_type_by_name(const char *name);
const struct volmap_type *volmap_type_at(size_t i);

/* ---- the allocation map ---- */

/* An empty map for a volume of cyls cylinders with the standard geometry. */
void volmap_init(struct vol_map *map, uint32_t cyls);

/* Append an area; name NULL takes the type's default name.  Only the entry
 * count is checked here (VOLMAP_E_NAREAS); volmap_validate checks the rest. */
int volmap_add_area(struct vol_map *map, unsigned type, uint32_t first,
                    uint32_t count, const char *name);

/* Map <-> the VOL_BLKSIZE-byte record at cylinder 0 head 1 R1.
 * Encode fails only with VOLMAP_E_NAREAS; decode checks magic, version,
 * device type and entry count, not the areas (use volmap_validate). */
int volmap_encode(const struct vol_map *map, uint8_t rec[VOL_BLKSIZE]);
int volmap_decode(const uint8_t rec[VOL_BLKSIZE], struct vol_map *map);

/* Check geometry and every area.  On failure *area (and for an overlap or
 * a second NUC area, *other: the earlier area it collides with) get the
 * offending indexes, else -1.  Either pointer may be NULL. */
int volmap_validate(const struct vol_map *map, int *area, int *other);

/* Index of the first area of a type, or -1. */
int volmap_find_area(const struct vol_map *map, unsigned type);

/* Where block n (from 0) of an area lives: blocks fill R1..R10 of head 0,
 * then head 1, ... head 14, then the next cylinder. */
struct volmap_chr {
    uint32_t vc_cyl;
    uint16_t vc_head;
    uint8_t  vc_rec;
};
uint32_t volmap_area_blocks(const struct vol_area *area);
bool     volmap_area_block(const struct vol_area *area, uint32_t block,
                           struct volmap_chr *chr);

/* ---- the VOL1 label ---- */

/* Build the 80-byte EBCDIC label for volser (ASCII, 1-6 of A-Z 0-9 @ # $,
 * blank padded on the volume); the VTOC pointer is zero: no VTOC. */
int volmap_label_build(uint8_t label[VOL_LABEL_LEN], const char *volser);

/* Read the volser back as ASCII, trailing blanks removed. */
int volmap_label_volser(const uint8_t label[VOL_LABEL_LEN], char volser[7]);

/* ---- IPL records ----
 *
 * Format-0 CCW (PoP ESA/390, "Channel-Command Word"; IPL always uses format 0):
 *
 *   byte 0     1  2  3    4       5     6  7
 *  +--------+----------+-------+-----+--------+
 *  |command | data addr| flags |  0  | count  |
 *  +--------+----------+-------+-----+--------+
 *              24 bits                16 bits
 * flags: 80 CD chain data, 40 CC chain command, 20 SLI suppress length
 * indication, 10 SKIP, 08 PCI.
 */
#define VOLMAP_CCW_LEN       8u
#define VOLMAP_CCW_READ_DATA 0x06u   /* read the data area of the next record */
#define VOLMAP_CCW_SEEK      0x07u   /* arg 00 00 CC CC HH HH                  */
#define VOLMAP_CCW_TIC       0x08u   /* transfer in channel                    */
#define VOLMAP_CCW_NOP       0x03u   /* control no-operation                   */
#define VOLMAP_CCW_SEARCH_ID 0x31u   /* search ID equal, arg CC CC HH HH R     */
#define VOLMAP_CCW_CC        0x40u
#define VOLMAP_CCW_SLI       0x20u

#define VOLMAP_IPL1_LEN      24u     /* PSW, CCW1, CCW2                        */
#define VOLMAP_SEEK_ARG_LEN  6u
#define VOLMAP_SEARCH_ARG_LEN 5u

/* IPL PSWs (ESA/390 format: bit 12 must be one).  The nucleus is entered
 * disabled, key 0, supervisor state, DAT off, 31-bit addressing. */
#define VOLMAP_IPL_PSW_HI    0x00080000u
#define VOLMAP_IPL_PSW_AMODE 0x80000000u
#define VOLMAP_WAIT_PSW_HI   0x000A0000u  /* the same, plus the wait bit (14) */

/* Length of the IPL2 program for a nucleus of nuc_len bytes. */
uint32_t volmap_ipl2_len(uint32_t nuc_len);

/* Check the map's nucleus fields (vm_nuc_len, _load, _entry) against the
 * volume and the IPL rules; the map itself should be valid already. */
int volmap_nuc_check(const struct vol_map *map);

/* Build IPL1 and IPL2 for the map's nucleus (checked as volmap_nuc_check
 * does).  ipl2 must hold VOL_IPL2_MAX bytes; *ipl2_len gets its length. */
int volmap_ipl_build(const struct vol_map *map, uint8_t ipl1[VOLMAP_IPL1_LEN],
                     uint8_t *ipl2, uint32_t *ipl2_len);

/* IPL records for a volume without a nucleus: IPL2 is a single unchained
 * NOP, so an IPL ends in the disabled wait PSW X'000A0000 00000000'. */
void volmap_ipl_placeholder(uint8_t ipl1[VOLMAP_IPL1_LEN], uint8_t *ipl2,
                            uint32_t *ipl2_len);

#endif
