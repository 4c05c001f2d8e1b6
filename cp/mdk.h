/* mdk.h: minidisks. A minidisk is a virtual 3380 whose cylinder 0 is the
 * first cylinder of its extent on a real volume. The guest's channel
 * programs are translated (ccw.c) when the real volume is free, run there
 * with interruptions, and end as the guest's CSW; every seek and search is
 * kept inside the extent, and a read-only link refuses writes with the
 * file-protect unit check a real 3380 gives. A real unit check is followed
 * at once by CP's own SENSE, so the bytes a guest's SENSE returns are its
 * own even on a volume every user shares. */
#ifndef CP_MDK_H
#define CP_MDK_H

#include <stdint.h>
#include <stdbool.h>
#include "vio.h"

struct vmblok;
struct rvol;

enum mdk_result {
    MDK_OK,          /* linked as asked */
    MDK_FORCED_RO,   /* linked R/O: others hold it R/W (or at all, for WR) */
    MDK_REFUSED,     /* not linked: others hold it */
    MDK_EXISTS,      /* the virtual address is in use */
    MDK_FULL,        /* no room for another device */
    MDK_EXTENT,      /* the extent is not on the volume */
    MDK_INUSE,       /* the volume has minidisks linked, or is dedicated */
};

/* Link cyls cylinders of vol from start as virtual address vaddr, in
 * directory link mode mode (enum dir_mode). owner/ovaddr: whose disk it is
 * (for QUERY VIRTUAL and messages). */
enum mdk_result mdk_attach(struct vmblok *vm, uint16_t vaddr, struct rvol *vol, uint16_t start,
                           uint16_t cyls, int mode, const char *owner, uint16_t ovaddr);

/* A temporary disk: R/W, no link table entry, its cylinders given back
 * (tdk_free) when it is detached. */
enum mdk_result mdk_attach_temp(struct vmblok *vm, uint16_t vaddr, struct rvol *vol,
                                uint16_t start, uint16_t cyls);

/* The whole volume for vm alone (DEDICATE): every cylinder, R/W, no
 * relocation; nobody else may link a minidisk on it meanwhile, and it may
 * not be one CP uses (MDK_REFUSED), nor one with minidisks linked
 * (MDK_INUSE). */
enum mdk_result mdk_attach_dedicated(struct vmblok *vm, uint16_t vaddr, struct rvol *vol);

/* A real device other than DASD for vm alone (DEDICATE): its channel
 * programs translated (addresses) but not its commands. Consoles and
 * terminals are CP's (MDK_REFUSED). */
struct iodev;
enum mdk_result mdk_attach_device(struct vmblok *vm, uint16_t vaddr, struct iodev *d);

/* Is vd a minidisk; its extent's real volume and R/W state. */
bool mdk_is(const struct vdev *vd);
bool mdk_writable(const struct vdev *vd);
unsigned mdk_cylinders(const struct vdev *vd);

/* The user holding the extent of (vol, start) R/W other than vm, for
 * messages; NULL if none. */
const char *mdk_writer(const struct vmblok *vm, const struct rvol *vol, uint16_t start);

/* IPL from the minidisk as a channel would: the record READ IPL reads
 * (record 1 of the extent's first track) into storage 0-23, then the
 * chain at 8 with the device oriented just past that record. done gets the
 * ending as for vio_start_sync. -1 when there is no IPL record (nothing
 * was started). */
int mdk_ipl(struct vmblok *vm, struct vdev *vd, void (*done)(struct vmblok *vm, struct vdev *vd));

extern const struct vdev_ops mdk_ops;

#endif
