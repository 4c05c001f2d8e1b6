/* logo.h: the CP logo screen every 3270 gets before LOGON.
 *
 * logo_build() makes the Erase/Write data (WCC onward; the CCW carries
 * DS_CMD_ERASE_WRITE); logo_input() reads the Read Modified reply to it.
 * The layout is pictured in docs/3270.md.
 */
#ifndef CP_LOGO_H
#define CP_LOGO_H

#include <stdint.h>
#include <stddef.h>
#include "ds3270.h"

/* The one unprotected field: rows and columns count from 0.  Its attribute
 * byte sits at column LOGO_INPUT_COL - 1 and an autoskip attribute ends it,
 * so a Read Modified reply names it by LOGO_INPUT_ADDR.
 */
#define LOGO_INPUT_ROW  22
#define LOGO_INPUT_COL  5
#define LOGO_INPUT_LEN  74
#define LOGO_INPUT_ADDR (LOGO_INPUT_ROW * DS_COLS + LOGO_INPUT_COL)

/* A buffer this large always holds the logo, whatever the strings. */
#define LOGO_BUF_MAX 1024

struct logo_info {
	const char *li_sysname;  /* e.g. "CPCMS1"; NULL counts as ""        */
	const char *li_version;  /* e.g. "VERSION 0.1"                      */
	const char *li_message;  /* shown intensified; "" or NULL for none  */
	const char *li_message2; /* a second line under it, likewise        */
	uint16_t    li_devno;    /* the terminal's device number            */
};

/* Build the stream into buf; returns its length, or 0 if cap is too small
 * (nothing is written past cap).  Strings longer than a row are cut.
 */
size_t logo_build(uint8_t *buf, size_t cap, const struct logo_info *li);

/* Parse a Read Modified reply to the logo screen.  Returns the AID byte
 * (>= 0) with the text typed in the input field, as typed, in out (""
 * for a short read or an untouched field); or a negative DS_E_ code from
 * ds3270.h with out set to "".  outcap must be at least 1.
 */
int logo_input(const uint8_t *reply, size_t len, char *out, size_t outcap);

#endif
