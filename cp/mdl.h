/* mdl.h: who has which minidisk extent, and what a link mode gets.
 * Pure: compiled into CP and into the host unit tests.
 *
 * VM/370's link modes (the directory's MDISK and LINK statements and the
 * LINK command) ask for read or write access and say what to do when
 * other users already hold the extent:
 *   R   read;  refused if anyone has it R/W
 *   RR  read;  always
 *   W   write; refused if anyone has it at all
 *   WR  write; read instead if anyone has it at all
 *   M   write; refused if anyone has it R/W
 *   MR  write; read instead if anyone has it R/W
 *   MW  write; always
 */
#ifndef CP_MDL_H
#define CP_MDL_H

#include <stdint.h>
#include <stdbool.h>

enum mdl_outcome {
    MDL_WRITE,       /* linked R/W */
    MDL_READ,        /* linked R/O, as asked */
    MDL_FORCED_RO,   /* asked for write, got R/O because of other links */
    MDL_REFUSED,     /* not linked because of other links */
    MDL_BADMODE,     /* not a mode */
};

/* Mode letters ("R" ... "MW") to the directory's enum dir_mode, 0 if none. */
int mdl_mode_parse(const char *s);
const char *mdl_mode_name(int mode);
/* What mode gets while readers users hold the extent R/O and writers R/W. */
enum mdl_outcome mdl_decide(int mode, unsigned readers, unsigned writers);

/* An extent in use: identified by its volume (any pointer) and first
 * cylinder; counts of the links to it. */
struct mdl_ext {
    const void *me_vol;
    uint16_t    me_start, me_cyls;
    uint16_t    me_readers, me_writers;
};

#define MDL_MAX 1024

/* How many hold the extent R/O and R/W now (0 and 0 if nobody). */
void mdl_holders(const void *vol, uint16_t start, unsigned *readers, unsigned *writers);
/* Count a link in; its entry, or NULL when the table is full. */
struct mdl_ext *mdl_add(const void *vol, uint16_t start, uint16_t cyls, bool write);
/* Count it out; the entry is freed with its last link. */
void mdl_drop(struct mdl_ext *e, bool write);
/* Entries in use (tests). */
unsigned mdl_count(void);
void mdl_reset(void);

#endif
