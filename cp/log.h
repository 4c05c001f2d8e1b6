/* log.h: LOGON, LOGOFF and disconnection: making and unmaking the
 * virtual machine of a user in the directory. */
#ifndef CP_LOG_H
#define CP_LOG_H

#include "cmdparse.h"

struct trm;
struct vmblok;

#define LOG_MAX_USERS 160

/* LOGON userid (from the logo): ask for the password. */
void log_cmd_logon(struct cmdctx *cx);
/* LOGOFF: the user's session ends. */
void log_cmd_logoff(struct cmdctx *cx);
/* The password was entered for userid on t. */
void log_password(struct trm *t, const char *userid, const char *password);
/* The user's terminal went away: the machine runs on, disconnected. */
void log_disconnect(struct vmblok *vm);
/* Logged-on machine of userid, or NULL. */
struct vmblok *log_find(const char *userid);
/* SHUTDOWN: log everybody off. */
void log_all_off(void);

#endif
