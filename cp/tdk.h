/* tdk.h: temporary minidisks (DEFINE T3380): cylinders from the TDSK
 * areas of the mounted volumes, erased before the user gets them, given
 * back at DETACH or LOGOFF. */
#ifndef CP_TDK_H
#define CP_TDK_H

#include <stdint.h>
#include "cmdparse.h"

struct rvol;

/* Find the TDSK areas (after rvl_init). */
void tdk_init(void);
/* DEFINE T3380 [AS] vaddr [CYL] n */
void tdk_cmd_define(struct cmdctx *cx);
/* The cylinders of a temporary disk go back (mdk.c, at detach). */
void tdk_free(const struct rvol *vol, uint16_t start, uint16_t cyls);

#endif
