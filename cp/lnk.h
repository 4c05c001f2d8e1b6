/* lnk.h: minidisk links: the directory's MDISK and LINK statements at
 * LOGON, and the LINK and DETACH commands (VM/370's DMKLNK and DMKDET). */
#ifndef CP_LNK_H
#define CP_LNK_H

#include "cmdparse.h"

struct vmblok;
struct dir_user;

/* Make the minidisks and links of the user's directory entry; refusals
 * and forced R/O links are told on the user's console. */
void lnk_logon(struct vmblok *vm, const struct dir_user *u);

/* LINK [TO] userid vaddr1 [AS] vaddr2 [mode] [[PASS=] password] */
void lnk_cmd_link(struct cmdctx *cx);
/* DETACH vaddr */
void lnk_cmd_detach(struct cmdctx *cx);

#endif
