/* disk.h: CMS's accessed disks: a mode letter (A-Z) for each minidisk
 * whose file system CMS has mounted, and the block I/O under it
 * (DIAGNOSE X'18'). The search order is the letters' order. */
#ifndef CMS_DISK_H
#define CMS_DISK_H

#include <stdint.h>
#include <stdbool.h>
#include "../dasd/cmsfs.h"

#define DISK_MAX 3

struct disk {
    bool     used;
    char     mode;               /* 'A' ... */
    uint16_t vaddr;
    bool     ro;
    uint32_t cyls;
    struct cmsfs fs;
};

/* Results of disk_access, besides CMSFS_ errors. */
#define DISK_E_NODEV   (-20)     /* no such device, or not a minidisk */
#define DISK_E_NOROOM  (-21)     /* DISK_MAX disks accessed already */

/* Mount the minidisk at vaddr as mode (replacing what had that letter or
 * that device). 0 or an error. */
int disk_access(uint16_t vaddr, char mode);
void disk_release(char mode);
struct disk *disk_by_mode(char mode);
/* Accessed disks in search order: the i-th, or NULL. */
struct disk *disk_nth(int i);

/* Format the minidisk at vaddr: every track but the first as ten 4K
 * records, then an empty file system labelled label; it is then accessed
 * as mode. */
int disk_format(uint16_t vaddr, const char *label, char mode);

/* The TOD clock (STCK), for the time a file was written. */
uint64_t disk_tod(void);

#endif
