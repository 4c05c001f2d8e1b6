/* udr.h: the user directory as CP reads it from the system residence
 * volume's DIR area (written by the dirc tool; format in dasd/dir.h). The
 * header with its userid index stays in storage; a user's entry is read
 * from DASD at LOGON. */
#ifndef CP_UDR_H
#define CP_UDR_H

#include "ios.h"
#include "../dasd/dir.h"

/* Read the allocation map and the directory header; 0, or -1 with a
 * message on the operator console (then nobody can log on). */
int udr_init(struct iodev *sysres);
int udr_count(void);
/* Index of userid (upper case), or -1. */
int udr_find(const char *userid);
/* Read and decode user index; 0 or -1. */
int udr_load(int index, struct dir_user *u);

#endif
