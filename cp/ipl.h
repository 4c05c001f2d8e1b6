/* ipl.h: IPL of a virtual machine from one of its devices (VM/370's
 * DMKCFG IPL): the IPL command and the directory's IPL statement. */
#ifndef CP_IPL_H
#define CP_IPL_H

#include <stdint.h>
#include <stdbool.h>
#include "cmdparse.h"

struct vmblok;

/* IPL {vaddr | name} [CLEAR] [PARM text] */
void ipl_cmd(struct cmdctx *cx);

/* IPL what the directory names (at LOGON); messages on the console. */
void ipl_at_logon(struct vmblok *vm);

#endif
