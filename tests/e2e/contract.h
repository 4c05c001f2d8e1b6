/*
 * contract.h: what the end-to-end tests expect CP to say and do.
 * CP implements these; change a string here and every test follows.
 */
#ifndef E2E_CONTRACT_H
#define E2E_CONTRACT_H

/* Logged on the operator console (so in Hercules' log) once CP is up. */
#define CONTRACT_ONLINE          "CPCMS ONLINE"
#define CONTRACT_IPL_TIMEOUT     30.0           /* seconds from start of Hercules */

/* A 3270 that connects after ONLINE shows CP's logo, which contains both. */
#define CONTRACT_LOGO_1          "CPCMS"
#define CONTRACT_LOGO_2          "ONLINE"
#define CONTRACT_LOGO_TIMEOUT    10.0

/* Operator console answers (one log line each; the unknown-command reply
 * also repeats the command name). */
#define CONTRACT_UNKNOWN_CMD     "UNKNOWN CP COMMAND"
#define CONTRACT_TIME_REPLY      "TIME IS"
#define CONTRACT_REPLY_TIMEOUT   10.0

/* SHUTDOWN: this message, then a disabled wait (ESA/390 PSW: wait bit on,
 * I/O and external masks off) whose instruction address is the code. */
#define CONTRACT_SHUTDOWN_MSG    "SYSTEM SHUTDOWN COMPLETE"
#define CONTRACT_SHUTDOWN_WAIT   0x00000FFFu
#define CONTRACT_SHUTDOWN_TIMEOUT 30.0

/* A command other than LOGON typed on the logo ("HELLO"): this reply. */
#define CONTRACT_PRELOGON_REPLY  "UNKNOWN CP COMMAND: HELLO"

#endif
