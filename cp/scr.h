/* scr.h: a logged-on user's 3270 as the line-mode console VM/370 made of a
 * 3277/3278 model 2: output lines scrolling down a 22-row area, a two-row
 * input area, and a status area in the bottom right corner.
 *
 * Pure logic over caller-supplied buffers (host-tested in
 * tests/unit/test_scr.c).  The terminal driver feeds it output lines and
 * Read Modified replies and puts what scr_render() builds behind a Write or
 * Erase/Write CCW.  docs/console.md pictures the screen and the states.
 *
 * Screen layout (rows and columns count from 0; addresses are row*80+col):
 *
 *   rows 0-21    output area, protected; row 21 ends at col 78 because
 *                col 79 holds the input field's attribute (addr 1759)
 *   rows 22-23   input area: one unprotected field, addr 1760-1899,
 *                140 characters (cols 0-79 of row 22, 0-59 of row 23)
 *   row 23 60    status attribute (addr 1900), protected
 *   row 23 61-79 status text: the state word at the left, the system
 *                name right-aligned
 *
 * The status attribute also governs the output area: a field runs on,
 * wrapping from the end of the buffer to its start, to the next attribute.
 */
#ifndef CP_SCR_H
#define CP_SCR_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "ds3270.h"

#define SCR_OUT_ROWS   22                          /* output rows 0-21     */
#define SCR_IN_ROW     22
#define SCR_IN_ADDR    (SCR_IN_ROW * DS_COLS)      /* 1760: first input pos */
#define SCR_IN_LEN     140
#define SCR_IN_FA      (SCR_IN_ADDR - 1)           /* 1759: its attribute   */
#define SCR_ST_FA      (SCR_IN_ADDR + SCR_IN_LEN)  /* 1900: status attribute */
#define SCR_ST_ADDR    (SCR_ST_FA + 1)             /* 1901: status text      */
#define SCR_ST_LEN     (DS_SCREEN - SCR_ST_ADDR)   /* 19 characters          */
#define SCR_SYSNAME_MAX 8

/* Status words, as VM/370 showed them. */
#define SCR_W_CP_READ      "CP READ"
#define SCR_W_VM_READ      "VM READ"
#define SCR_W_RUNNING      "RUNNING"
#define SCR_W_MORE         "MORE..."
#define SCR_W_HOLDING      "HOLDING"
#define SCR_W_NOT_ACCEPTED "NOT ACCEPTED"

/* Output waiting to be shown: at most SCR_QLINES lines and SCR_QBYTES
 * characters.  A line longer than SCR_LINE_MAX is cut there.  When more
 * arrives than fits, the oldest waiting lines are dropped and counted; the
 * count is shown, ahead of the lines still waiting, as the single line
 * "*** n LINES LOST ***" (SCR_LOST_HEAD n SCR_LOST_TAIL).
 */
#define SCR_QLINES     200
#define SCR_QBYTES     8192
#define SCR_LINE_MAX   255
#define SCR_LOST_HEAD  "*** "
#define SCR_LOST_TAIL  " LINES LOST ***"

/* MORE... gives way to the next screenful after this long (VM/370: 60 s). */
#define SCR_MORE_MS    60000u

/* A buffer this large always holds what scr_render() builds. */
#define SCR_BUF_MAX    2048

/* What the status area says.  The first three are the idle states the
 * caller sets; the others scr derives from the output flow and the input.
 */
enum scr_state {
	SCR_CP_READ,
	SCR_VM_READ,
	SCR_RUNNING,
	SCR_MORE,
	SCR_HOLDING,
	SCR_NOT_ACCEPTED,
};

/* What scr_input() made of a reply. */
enum scr_event {
	SCR_EV_NONE,  /* handled here: Clear, PA2, PA3, holding, no key      */
	SCR_EV_LINE,  /* a line was entered (Enter or a PF key)              */
	SCR_EV_PA1,   /* PA1: the user asks for CP mode                      */
	SCR_EV_BAD,   /* the reply was malformed: NOT ACCEPTED is shown      */
};

/* How the output flows: freely, or paused on a full screen. */
enum scr_pause {
	SCR_FLOW,     /* lines go onto the screen while there is room        */
	SCR_PAUSE_MORE,  /* full, more waiting: next screenful at sc_more_at */
	SCR_PAUSE_HOLD,  /* full, held by the user until Clear or PA2        */
};

/* One waiting line: where its text sits in the ring sc_qtext. */
struct scr_qline {
	uint16_t ql_off, ql_len;
};

struct scr {
	char     sc_sysname[SCR_SYSNAME_MAX + 1];
	/* The output area as it should look: sc_nrows rows in use, each a
	 * NUL-terminated slice of an output line. */
	char     sc_rows[SCR_OUT_ROWS][DS_COLS + 1];
	unsigned sc_nrows;
	/* Waiting output: sc_qcount lines from sc_qhead in sc_q, their text
	 * a ring of sc_tused characters from sc_tbeg.  sc_qoff characters of
	 * the oldest line are already on the screen (a line split by a
	 * page break).  sc_lost lines were dropped ahead of them. */
	struct scr_qline sc_q[SCR_QLINES];
	char     sc_qtext[SCR_QBYTES];
	unsigned sc_qhead, sc_qcount, sc_qoff;
	unsigned sc_tbeg, sc_tused;
	uint32_t sc_lost;
	/* State. */
	enum scr_state sc_idle;      /* CP READ, VM READ or RUNNING          */
	enum scr_pause sc_pause;
	uint64_t sc_more_at;         /* when MORE... ends (SCR_PAUSE_MORE)   */
	bool     sc_notacc;          /* last reply malformed                 */
	bool     sc_password;        /* the next line is a password         */
	/* What the terminal is known to show; render brings it up to date. */
	bool     sc_redraw;          /* unknown or erased: Erase/Write all   */
	bool     sc_wipe;            /* output area must be blanked first    */
	unsigned sc_sent;            /* output rows already written          */
	bool     sc_field;           /* input field to reset (and cursor)    */
	bool     sc_ack;             /* a key locked the keyboard: write     */
	bool     sc_st_known;
	enum scr_state sc_st_shown;  /* status word on the terminal          */
};

/* Start with an empty screen in CP READ; the first render is a full
 * Erase/Write.  sysname (NULL counts as "") is cut to SCR_SYSNAME_MAX.
 */
void scr_init(struct scr *s, const char *sysname);

/* The terminal's screen is unknown (a client has just connected): the
 * next render redraws it all.  Nothing waiting is lost.
 */
void scr_refresh(struct scr *s);

/* Queue one output line (ASCII, no line end).  It shows at the next
 * render if there is room; on a full screen it waits behind MORE....
 */
void scr_put(struct scr *s, const char *line, uint64_t now_ms);

/* DIAGNOSE X'58' (VM/370's 3270 virtual console interface): put len
 * characters on output rows from first on, a row of DS_COLS at a time,
 * each row blank-padded so it replaces what was there; erase empties the
 * output area first. Rows past the output area are not written. Returns
 * the rows written.
 */
unsigned scr_display(struct scr *s, unsigned first, const char *text, size_t len, bool erase);

/* The state shown when no output is waiting: SCR_CP_READ, SCR_VM_READ or
 * SCR_RUNNING; any other value is ignored.
 */
void scr_set_state(struct scr *s, enum scr_state st);

/* on: the next line entered is a password: the input field becomes
 * nondisplay and the line is not echoed.  Turns itself off when that
 * line has been delivered.  A change clears the input field.
 */
void scr_password(struct scr *s, bool on);

/* Build the stream that brings the terminal up to date, WCC first, into
 * buf; *ccw_cmd gets DS_CMD_ERASE_WRITE or DS_CMD_WRITE.  Returns its
 * length, or 0 when nothing needs writing.  Also returns 0, writing
 * nothing past cap and keeping every change for later, if cap is too
 * small: SCR_BUF_MAX always suffices.  The keyboard is always restored.
 * A redraw, or a write after input, resets the input field (MDT off,
 * emptied) and puts the cursor at its start; other writes leave it and
 * the cursor alone, so what the user is typing survives.
 */
size_t scr_render(struct scr *s, uint64_t now_ms, uint8_t *buf, size_t cap,
		  uint8_t *ccw_cmd);

/* Take a Read Modified reply.  For SCR_EV_LINE the text (at most
 * SCR_IN_LEN characters, trailing blanks cut, control codes blanked) is
 * in line and has been queued as an echo unless it was a password.
 * line is "" otherwise.  linecap must be at least 1.  Any reply makes
 * the next render write, to unlock the keyboard.
 */
enum scr_event scr_input(struct scr *s, const uint8_t *reply, size_t len,
			 uint64_t now_ms, char *line, size_t linecap);

/* When MORE... times out: call scr_render at or after this time.  0 when
 * no timeout is running (nothing waiting, or HOLDING).
 */
uint64_t scr_deadline(const struct scr *s);

/* Output is waiting to be shown. */
bool scr_busy_output(const struct scr *s);
/* Room for another line of output without dropping any (a console write
 * waits for it: the guest is held, as VM/370 held it, while MORE... is up). */
bool scr_room(const struct scr *s);

/* What the status area says now, and the word for a state. */
enum scr_state scr_status(const struct scr *s);
const char *scr_word(enum scr_state st);

#endif
