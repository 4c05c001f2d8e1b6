/* vctc.h: virtual channel-to-channel adapters (a 3088 in basic mode),
 * coupled between two users' machines with COUPLE, as VM/370's DMKVCA did. */
#ifndef CP_VCTC_H
#define CP_VCTC_H

#include <stdint.h>
#include "cmdparse.h"
#include "vio.h"

struct vmblok;

/* A CTCA at vaddr (SPECIAL statement, DEFINE CTCA); NULL if no room. */
struct vdev *vctc_attach(struct vmblok *vm, uint16_t vaddr);
/* COUPLE vaddr1 [TO] userid vaddr2 */
void vctc_cmd_couple(struct cmdctx *cx);
/* DEFINE CTCA [AS] vaddr (after DEFINE's first operand) */
void vctc_cmd_define(struct cmdctx *cx);

extern const struct vdev_ops vctc_ops;

#endif
