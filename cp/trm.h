/* trm.h: the real 3270 terminals: logo screen, input before LOGON, and
 * surviving clients that come and go at any time. */
#ifndef CP_TRM_H
#define CP_TRM_H

/* Take every 3270 found by ios_enumerate and show the logo on those with
 * a client connected. */
void trm_init_all(void);
/* Tell connected terminals the system is going down. */
void trm_shutdown_all(void);

#endif
