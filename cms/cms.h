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

/* Access a disk, telling the user why not (quiet: no R/O note); the
 * return code. */
int cms_access(uint16_t vaddr, char mode, bool quiet);

/* Command handlers (cmdfile.c, cmddisk.c). */
void c_listfile(struct cmdctx *cx);
void c_type(struct cmdctx *cx);
void c_state(struct cmdctx *cx);
void c_erase(struct cmdctx *cx);
void c_rename(struct cmdctx *cx);
void c_copyfile(struct cmdctx *cx);
void c_access(struct cmdctx *cx);
void c_release(struct cmdctx *cx);
void c_format(struct cmdctx *cx);
void c_query(struct cmdctx *cx, const char *line);
void c_edit(struct cmdctx *cx);
void c_print(struct cmdctx *cx);
void c_punch(struct cmdctx *cx);
void c_help(struct cmdctx *cx);
void c_compare(struct cmdctx *cx);
void c_sort(struct cmdctx *cx);
void c_set(struct cmdctx *cx);
void c_filedef(struct cmdctx *cx);

/* One record buffer the commands share (only one command runs at once). */
extern uint8_t cms_rec[65536];

/* Settings (cmdset.c). */
extern bool cms_impcp, cms_rdymsg_long, cms_abbrev;
/* QUERY of a CMS setting (IMPCP, ABBREV, RDYMSG, CMSLEVEL, FILEDEF): true
 * if it was one. */
bool cms_query_setting(const char *what);

#endif
