/* trm.h: the real 3270 terminals. Before LOGON a terminal shows the logo
 * and takes LOGON; after it, it is the user's line-mode console (scr.c)
 * with CP READ / RUNNING / MORE... / HOLDING in its status area. Clients
 * come and go at any time; a user whose client goes away is disconnected,
 * and the virtual machine goes on. */
#ifndef CP_TRM_H
#define CP_TRM_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

struct trm;
struct vmblok;

void trm_init_all(void);
void trm_shutdown_all(void);
/* Act on expired screen timers (MORE...); called by the dispatcher. */
void trm_poll(void);
/* The earliest screen timer as a TOD value (all ones: none). */
uint64_t trm_next_deadline_tod(void);

/* The logged-on user's console. */
void trm_put(struct trm *t, const char *line);
/* Room for more output now (scr_room)? */
bool trm_output_room(const struct trm *t);
/* DIAGNOSE X'58': text on the output rows from first on (scr_display). */
void trm_display(struct trm *t, unsigned first, const char *text, size_t len, bool erase);
enum trm_state { TRM_RUNNING, TRM_CP_READ, TRM_VM_READ };
void trm_status(struct trm *t, enum trm_state st);
uint16_t trm_devno(const struct trm *t);
/* Attach a user's virtual machine to the terminal (LOGON, reconnect), or
 * detach it and show the logo with two message lines (LOGOFF). */
void trm_attach(struct trm *t, struct vmblok *vm);
void trm_to_logo(struct trm *t, const char *msg1, const char *msg2);
/* A reply to a command typed on the logo: shown on its message lines. */
void trm_logo_reply(struct trm *t, const char *text);
/* Line mode with a password prompt for userid (LOGON's second step). */
void trm_ask_password(struct trm *t, const char *userid);

#endif
