/* cms.h: the CMS nucleus: its version, the command table and the Ready
 * message. Commands are rows of one table (cmd.c), each a handler taking
 * the parsed line and returning its return code. */
#ifndef CMS_CMS_H
#define CMS_CMS_H

#include "../cp/cmdparse.h"

#define CMS_VERSION "0.1"
#ifndef CMS_BUILD_DATE
#define CMS_BUILD_DATE "--/--/--"
#endif

/* Return codes VM/370's CMS used for its own conditions. */
#define RC_UNKNOWN  (-3)        /* neither CMS nor CP knows the command */

/* Run one command line; its return code. */
int cms_execute(const char *line);

/* Pass a command to CP (DIAGNOSE X'08'); the response goes to the
 * console; CP's return code. */
int cms_cp(const char *text);

#endif
