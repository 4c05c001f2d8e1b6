/* cfm.h: CP console functions: the CP command table and its processor.
 * Command handlers live in files by family (cfq.c QUERY, cfd.c DISPLAY and
 * STORE, cfv.c the virtual machine's controls, log.c LOGON and LOGOFF)
 * and use the helpers here to answer. */
#ifndef CP_CFM_H
#define CP_CFM_H

#include "cmdparse.h"

struct vmblok;
struct trm;

/* Entry points by issuer. */
void cfm_operator(const char *line);                 /* the real console */
void cfm_prelogon(struct trm *t, const char *line);  /* a terminal's logo */
void cfm_user(struct vmblok *vm, const char *line);  /* a logged-on user */
/* A command from the user's virtual machine (DIAGNOSE X'08'): replies go
 * to sink (NULL: the console); the return code (cmd_msg_rc of the first
 * error message, else 0). */
int cfm_guest(struct vmblok *vm, const char *line, void (*sink)(void *ctx, const char *text),
              void *ctx);
/* Parse and run a line for an issuer set up in cx. */
void cfm_execute(struct cmdctx *cx, const char *line);

/* Helpers for handlers. */
void cfm_reply(struct cmdctx *cx, const char *f, ...) __attribute__((format(printf, 2, 3)));
const char *cfm_arg(struct cmdctx *cx);              /* next operand or NULL */
bool cfm_more(const struct cmdctx *cx);              /* operands left? */
void cfm_invalid(struct cmdctx *cx, const char *operand);   /* CFM003E */
void cfm_missing(struct cmdctx *cx);                        /* CFM026E */
/* The next operand names a row of tab (QUERY x, SET x): run it if the
 * issuer's classes allow, else CFM003E; operands left over are CFM003E. */
void cfm_subcommand(struct cmdctx *cx, const struct cmd_entry *tab, size_t n);
/* Parse hex (1-8 digits) into *v; false if not hex. */
bool cfm_hex(const char *s, uint32_t *v);

/* Command handlers (table in cfm.c). */
void cfq_query(struct cmdctx *cx);
void cfs_set(struct cmdctx *cx);            /* cfs.c: SET */
void cfs_indicate(struct cmdctx *cx);       /* cfs.c: INDICATE */
void cfd_display(struct cmdctx *cx);
void cfd_store(struct cmdctx *cx);
void cfv_begin(struct cmdctx *cx);
void cfv_system(struct cmdctx *cx);
void cfv_define(struct cmdctx *cx);
void cfv_external(struct cmdctx *cx);
void cfv_msg(struct cmdctx *cx);

#endif
