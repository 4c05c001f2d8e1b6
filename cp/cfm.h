/* cfm.h: CP console functions: the CP command table and its processor. */
#ifndef CP_CFM_H
#define CP_CFM_H

#include "cmdparse.h"

/* A line the operator typed on the real console. */
void cfm_operator(const char *line);
/* Parse and run a command line for any issuer (cx_user, cx_classes and
 * cx_reply filled in by the caller). */
void cfm_execute(struct cmdctx *cx, const char *line);

#endif
