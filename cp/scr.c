/* scr.c: the logged-on user's 3270 as VM/370's line-mode console: output
 * rows filling down the screen, MORE... and HOLDING when it is full, the
 * entered line echoed, and the status area kept up to date.
 *
 * Entered from the terminal driver only: scr_put() for output, scr_input()
 * for each Read Modified reply, scr_render() for the next Write.  The model
 * (what the screen should show) changes first; scr_render() then writes
 * the difference from what the terminal is known to show.  Layout and
 * limits are in scr.h; states and transitions in docs/console.md.
 */
#include "cplib.h"
#include "ds3270.h"
#include "scr.h"

#define SCR_FIELDS_MAX 8  /* the screen has one input field; 8 is slack */

static const char *const scr_words[] = {
	[SCR_CP_READ]      = SCR_W_CP_READ,
	[SCR_VM_READ]      = SCR_W_VM_READ,
	[SCR_RUNNING]      = SCR_W_RUNNING,
	[SCR_MORE]         = SCR_W_MORE,
	[SCR_HOLDING]      = SCR_W_HOLDING,
	[SCR_NOT_ACCEPTED] = SCR_W_NOT_ACCEPTED,
};

const char *scr_word(enum scr_state st)
{
	if ((unsigned)st >= sizeof scr_words / sizeof scr_words[0])
		return "";
	return scr_words[st];
}

/* Copy at most max characters of src (NULL counts as "") and terminate. */
static size_t scr_copy(char *dst, const char *src, size_t max)
{
	size_t n = 0;

	while (src && src[n] && n < max) {
		dst[n] = src[n];
		n++;
	}
	dst[n] = '\0';
	return n;
}

void scr_init(struct scr *s, const char *sysname)
{
	memset(s, 0, sizeof *s);
	scr_copy(s->sc_sysname, sysname, SCR_SYSNAME_MAX);
	s->sc_idle = SCR_CP_READ;
	s->sc_pause = SCR_FLOW;
	s->sc_redraw = true;
}

void scr_refresh(struct scr *s)
{
	s->sc_redraw = true;
}

bool scr_busy_output(const struct scr *s)
{
	return s->sc_lost > 0 || s->sc_qcount > 0;
}

bool scr_room(const struct scr *s)
{
	/* A full screen's worth of lines may wait; then the writer waits. */
	return s->sc_qcount < 2 * SCR_OUT_ROWS && s->sc_tused + 2 * 160 < SCR_QBYTES;
}

enum scr_state scr_status(const struct scr *s)
{
	if (s->sc_pause == SCR_PAUSE_HOLD)
		return SCR_HOLDING;
	if (s->sc_pause == SCR_PAUSE_MORE)
		return SCR_MORE;
	if (s->sc_notacc)
		return SCR_NOT_ACCEPTED;
	return s->sc_idle;
}

uint64_t scr_deadline(const struct scr *s)
{
	return s->sc_pause == SCR_PAUSE_MORE ? s->sc_more_at : 0;
}

void scr_set_state(struct scr *s, enum scr_state st)
{
	if (st == SCR_CP_READ || st == SCR_VM_READ || st == SCR_RUNNING)
		s->sc_idle = st;
}

void scr_password(struct scr *s, bool on)
{
	if (s->sc_password != on) {
		s->sc_password = on;
		s->sc_field = true;
	}
}

/* ---- The queue of waiting lines ------------------------------------- */

/* Forget the oldest waiting line (and the part of it already shown). */
static void scr_qdrop(struct scr *s)
{
	const struct scr_qline *q = &s->sc_q[s->sc_qhead];

	s->sc_tbeg = (s->sc_tbeg + q->ql_len) % SCR_QBYTES;
	s->sc_tused -= q->ql_len;
	s->sc_qhead = (s->sc_qhead + 1) % SCR_QLINES;
	s->sc_qcount--;
	s->sc_qoff = 0;
}

/* Append a line, making room by dropping the oldest ones.  A line is at
 * most SCR_LINE_MAX < SCR_QBYTES long, so the loop ends with room.
 */
static void scr_qpush(struct scr *s, const char *line)
{
	unsigned len = 0, off;

	while (line[len] && len < SCR_LINE_MAX)
		len++;
	while (s->sc_qcount == SCR_QLINES || SCR_QBYTES - s->sc_tused < len) {
		scr_qdrop(s);
		if (s->sc_lost < UINT32_MAX)
			s->sc_lost++;
	}
	off = (s->sc_tbeg + s->sc_tused) % SCR_QBYTES;
	for (unsigned i = 0; i < len; i++)
		s->sc_qtext[(off + i) % SCR_QBYTES] = line[i];
	s->sc_q[(s->sc_qhead + s->sc_qcount) % SCR_QLINES] =
		(struct scr_qline){ (uint16_t)off, (uint16_t)len };
	s->sc_qcount++;
	s->sc_tused += len;
}

/* "*** n LINES LOST ***" into row (room for DS_COLS + 1). */
static void scr_lost_text(uint32_t n, char *row)
{
	char digits[10];
	size_t len, k = 0;

	do {
		digits[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	len = scr_copy(row, SCR_LOST_HEAD, DS_COLS);
	while (k)
		row[len++] = digits[--k];
	scr_copy(row + len, SCR_LOST_TAIL, DS_COLS - len);
}

/* ---- The output area ------------------------------------------------ */

/* Row 21 ends one short: its last column holds the input attribute. */
static unsigned scr_row_width(unsigned row)
{
	return row == SCR_IN_FA / DS_COLS ? SCR_IN_FA % DS_COLS : DS_COLS;
}

/* Fill the next free row from the head of the queue: the lost-lines
 * marker first, then as much of the oldest line as the row holds.
 */
static void scr_place_row(struct scr *s)
{
	unsigned r = s->sc_nrows++;
	char *row = s->sc_rows[r];
	const struct scr_qline *q;
	unsigned n;

	if (s->sc_lost) {
		scr_lost_text(s->sc_lost, row);
		s->sc_lost = 0;
		return;
	}
	q = &s->sc_q[s->sc_qhead];
	n = q->ql_len - s->sc_qoff;
	if (n > scr_row_width(r))
		n = scr_row_width(r);
	for (unsigned i = 0; i < n; i++)
		row[i] = s->sc_qtext[(q->ql_off + s->sc_qoff + i) % SCR_QBYTES];
	row[n] = '\0';
	s->sc_qoff += n;
	if (s->sc_qoff == q->ql_len)
		scr_qdrop(s);
}

/* Empty the output area (PA2, Clear, MORE... timed out). */
static void scr_page(struct scr *s)
{
	s->sc_nrows = 0;
	s->sc_sent = 0;
	s->sc_wipe = true;
	s->sc_pause = SCR_FLOW;
}

unsigned scr_display(struct scr *s, unsigned first, const char *text, size_t len, bool erase)
{
	unsigned r = first, done = 0;

	if (erase)
		scr_page(s);
	for (size_t at = 0; at < len && r < SCR_OUT_ROWS; r++, done++) {
		unsigned w = scr_row_width(r);
		size_t n = len - at < w ? len - at : w;

		while (s->sc_nrows < r)
			s->sc_rows[s->sc_nrows++][0] = '\0';
		memcpy(s->sc_rows[r], text + at, n);
		memset(s->sc_rows[r] + n, ' ', w - n);
		s->sc_rows[r][w] = '\0';
		at += n;
		if (s->sc_nrows <= r)
			s->sc_nrows = r + 1;
		if (s->sc_sent > r)
			s->sc_sent = r;
	}
	return done;
}

/* Move waiting output onto the screen while it flows; pause on MORE...
 * when the screen is full, and page on when MORE... has timed out.
 */
static void scr_flow(struct scr *s, uint64_t now)
{
	if (s->sc_pause == SCR_PAUSE_MORE && now >= s->sc_more_at)
		scr_page(s);
	while (s->sc_pause == SCR_FLOW && scr_busy_output(s)) {
		if (s->sc_nrows == SCR_OUT_ROWS) {
			s->sc_pause = SCR_PAUSE_MORE;
			s->sc_more_at = now + SCR_MORE_MS;
		} else {
			scr_place_row(s);
		}
	}
}

void scr_put(struct scr *s, const char *line, uint64_t now_ms)
{
	scr_qpush(s, line ? line : "");
	scr_flow(s, now_ms);
}

/* ---- Rendering -------------------------------------------------------- */

static void scr_emit_rows(const struct scr *s, struct ds_buf *b, unsigned from)
{
	for (unsigned r = from; r < s->sc_nrows; r++) {
		size_t n = strlen(s->sc_rows[r]);

		if (n) {
			ds_sba_rc(b, r, 0);
			ds_textn(b, s->sc_rows[r], n);
		}
	}
}

/* The status field: attribute, state word at the left, system name at the
 * right (cut rather than let it run into the word).
 */
static void scr_emit_status(const struct scr *s, struct ds_buf *b,
			    enum scr_state st)
{
	char text[SCR_ST_LEN];
	const char *w = scr_word(st);
	size_t wl = strlen(w), nl = strlen(s->sc_sysname);

	memset(text, ' ', sizeof text);
	memcpy(text, w, wl);
	if (nl > SCR_ST_LEN - wl - 1)
		nl = SCR_ST_LEN - wl - 1;
	memcpy(text + SCR_ST_LEN - nl, s->sc_sysname, nl);
	ds_sba(b, SCR_ST_FA);
	ds_sf(b, DS_FA_PROTECT);
	ds_textn(b, text, SCR_ST_LEN);
}

/* The input field afresh: attribute with MDT off (nondisplay for a
 * password), the cursor at its start, its positions nulled up to the
 * status attribute.  Nulls, not blanks, so typing can insert.
 */
static void scr_emit_field(const struct scr *s, struct ds_buf *b)
{
	ds_sba(b, SCR_IN_FA);
	ds_sf(b, s->sc_password ? DS_FA_NODISP : DS_FA_NORMAL);
	ds_ic(b);
	ds_ra(b, SCR_ST_FA, '\0');
}

size_t scr_render(struct scr *s, uint64_t now_ms, uint8_t *buf, size_t cap,
		  uint8_t *ccw_cmd)
{
	struct ds_buf b;
	enum scr_state st;
	bool full, status;
	size_t n;

	scr_flow(s, now_ms);
	st = scr_status(s);
	full = s->sc_redraw;
	status = full || !s->sc_st_known || st != s->sc_st_shown;
	if (!full && !status && !s->sc_wipe && !s->sc_field && !s->sc_ack &&
	    s->sc_sent == s->sc_nrows)
		return 0;

	ds_start(&b, buf, cap);
	ds_wcc(&b, DS_WCC_RESTORE | (full || s->sc_field ? DS_WCC_RESET_MDT : 0));
	if (s->sc_wipe && !full) {
		ds_sba(&b, 0);
		ds_ra(&b, SCR_IN_FA, '\0');
	}
	scr_emit_rows(s, &b, full ? 0 : s->sc_sent);
	if (status)
		scr_emit_status(s, &b, st);
	if (full || s->sc_field)
		scr_emit_field(s, &b);
	n = ds_end(&b);
	if (n == 0)
		return 0;  /* cap too small: keep everything for the next try */

	s->sc_redraw = s->sc_wipe = s->sc_field = s->sc_ack = false;
	s->sc_sent = s->sc_nrows;
	s->sc_st_known = true;
	s->sc_st_shown = st;
	*ccw_cmd = full ? DS_CMD_ERASE_WRITE : DS_CMD_WRITE;
	return n;
}

/* ---- Input ------------------------------------------------------------ */

/* Enter or a PF key.  An empty line while output is paused holds the
 * screen (VM/370's HOLDING); otherwise the line is delivered, echoed
 * unless it is a password or null, and the input field is emptied.
 */
static enum scr_event scr_enter(struct scr *s, const struct ds_reply *r,
				const struct ds_field *f, uint64_t now,
				char *line, size_t linecap)
{
	char text[SCR_IN_LEN + 1];

	text[0] = '\0';
	for (size_t i = 0; i < r->dr_nfields; i++)
		if (f[i].df_addr == SCR_IN_ADDR)
			ds_field_text(&f[i], text, sizeof text);
	s->sc_field = true;
	if (!text[0] && s->sc_pause != SCR_FLOW) {
		s->sc_pause = SCR_PAUSE_HOLD;
		return SCR_EV_NONE;
	}
	if (text[0] && !s->sc_password)
		scr_put(s, text, now);
	s->sc_password = false;
	scr_copy(line, text, linecap - 1);
	return SCR_EV_LINE;
}

enum scr_event scr_input(struct scr *s, const uint8_t *reply, size_t len,
			 uint64_t now_ms, char *line, size_t linecap)
{
	struct ds_reply r;
	struct ds_field f[SCR_FIELDS_MAX];
	enum scr_event ev = SCR_EV_NONE;

	line[0] = '\0';
	if (ds_parse_reply(DS_READ_MODIFIED, reply, len, &r, f, SCR_FIELDS_MAX) < 0) {
		s->sc_ack = true;  /* the keyboard is locked until a write */
		s->sc_notacc = true;
		return SCR_EV_BAD;
	}
	s->sc_notacc = false;
	/* Every key locks the keyboard until a write; a read CP made without
	 * a key (no AID: trm.c polls after writes) leaves it as it was. */
	if (r.dr_aid != DS_AID_NONE)
		s->sc_ack = true;
	switch (r.dr_aid) {
	case DS_AID_CLEAR:  /* the terminal has erased itself */
		scr_page(s);
		s->sc_redraw = true;
		break;
	case DS_AID_PA2:
		scr_page(s);
		break;
	case DS_AID_PA1:
		ev = SCR_EV_PA1;
		break;
	case DS_AID_NONE:
	case DS_AID_PA3:
	case DS_AID_SYSREQ:
		break;
	default:            /* Enter and the PF keys */
		ev = scr_enter(s, &r, f, now_ms, line, linecap);
		break;
	}
	scr_flow(s, now_ms);
	return ev;
}
