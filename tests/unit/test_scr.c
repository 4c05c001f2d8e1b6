/* test_scr.c: the logged-on console (cp/scr.c) played into a small 3270.
 *
 * Scenarios are tables of steps: output arrives, time passes, the user
 * types and presses keys; checks say what the screen must show.  After
 * every step the console renders into a buffer with a canary, the stream
 * is applied to the model 3270, and a second render must find nothing to
 * do.  Every render must leave the keyboard unlocked and exactly the two
 * fields of the layout in scr.h.
 */
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <CUnit/CUnit.h>

#include "../../cp/ebcdic.h"
#include "../../cp/ds3270.h"
#include "../../cp/scr.h"

#define N(a) (sizeof (a) / sizeof (a)[0])
#define T0   1000000u              /* the clock at the start of a scenario */
#define SYSNAME "CPCMS1"
#define CANARY 0xA5

/* ---- A 3270, just enough for what scr emits --------------------------- */

struct term {
	uint8_t  ch[DS_SCREEN];    /* EBCDIC, 0 = null                       */
	bool     isfa[DS_SCREEN];  /* position holds a field attribute       */
	uint8_t  fa[DS_SCREEN];    /* its DS_FA_ bits (low six)              */
	unsigned cursor;
	bool     locked;           /* a key was sent and no write restored   */
	unsigned erases;           /* Erase/Writes seen                      */
};

static void term_erase(struct term *t)
{
	memset(t->ch, 0, sizeof t->ch);
	memset(t->isfa, 0, sizeof t->isfa);
	memset(t->fa, 0, sizeof t->fa);
	t->cursor = 0;
}

/* The attribute position governing a, or -1 on an unformatted screen. */
static int term_field(const struct term *t, unsigned a)
{
	for (unsigned k = 0; k < DS_SCREEN; k++) {
		unsigned at = (a + DS_SCREEN - k) % DS_SCREEN;

		if (t->isfa[at])
			return (int)at;
	}
	return -1;
}

static void term_put(struct term *t, unsigned *pos, uint8_t c)
{
	t->ch[*pos] = c;
	t->isfa[*pos] = false;
	*pos = (*pos + 1) % DS_SCREEN;
}

/* Apply a Write or Erase/Write; false on anything scr should not send. */
static bool term_write(struct term *t, uint8_t cmd, const uint8_t *p, size_t n)
{
	unsigned pos = t->cursor;
	size_t i = 1;

	if (n == 0 || (cmd != DS_CMD_WRITE && cmd != DS_CMD_ERASE_WRITE))
		return false;
	if (cmd == DS_CMD_ERASE_WRITE) {
		term_erase(t);
		t->erases++;
		pos = 0;
	}
	if (p[0] & DS_WCC_RESET_MDT)
		for (unsigned a = 0; a < DS_SCREEN; a++)
			t->fa[a] &= (uint8_t)~DS_FA_MDT;
	while (i < n) {
		uint8_t c = p[i];

		if ((c == DS_ORD_SBA || c == DS_ORD_RA) && n - i >= (c == DS_ORD_RA ? 4u : 3u)) {
			unsigned to = ds_addr_decode(p[i + 1], p[i + 2]);

			if (to >= DS_SCREEN)
				return false;
			if (c == DS_ORD_RA) {
				do
					term_put(t, &pos, p[i + 3]);
				while (pos != to);
				i++;
			}
			pos = to;
			i += 3;
		} else if (c == DS_ORD_SF && n - i >= 2) {
			t->ch[pos] = 0;
			t->isfa[pos] = true;
			t->fa[pos] = p[i + 1] & 0x3F;
			pos = (pos + 1) % DS_SCREEN;
			i += 2;
		} else if (c == DS_ORD_IC) {
			t->cursor = pos;
			i++;
		} else if (c >= 0x40 && c != 0xFF) {
			term_put(t, &pos, c);
			i++;
		} else {
			return false;
		}
	}
	if (p[0] & DS_WCC_RESTORE)
		t->locked = false;
	return true;
}

/* Type at the cursor, as a keyboard does: only into unprotected
 * positions, setting the field's MDT.
 */
static bool term_type(struct term *t, const char *s)
{
	for (; *s; s++) {
		int fa = term_field(t, t->cursor);

		if (t->locked || fa < 0 || t->isfa[t->cursor] || (t->fa[fa] & DS_FA_PROTECT))
			return false;
		t->ch[t->cursor] = ebc_from_ascii_tab[(uint8_t)*s];
		t->fa[fa] |= DS_FA_MDT;
		t->cursor = (t->cursor + 1) % DS_SCREEN;
	}
	return true;
}

/* Press a key: the Read Modified reply the terminal sends (AID alone for
 * Clear and the PA keys; Clear erases the screen first).
 */
static size_t term_key(struct term *t, uint8_t aid, uint8_t *out)
{
	size_t n = 0;

	/* A key locks the keyboard; "no AID" is the host's poll, not a key. */
	if (aid != DS_AID_NONE)
		t->locked = true;
	out[n++] = aid;
	if (ds_aid_find(aid)->da_short) {
		if (aid == DS_AID_CLEAR)
			term_erase(t);
		return n;
	}
	ds_addr_encode(t->cursor, out + n);
	n += 2;
	for (unsigned a = 0; a < DS_SCREEN; a++) {
		if (!t->isfa[a] || !(t->fa[a] & DS_FA_MDT))
			continue;
		out[n++] = DS_ORD_SBA;
		ds_addr_encode(a + 1, out + n);
		n += 2;
		for (unsigned p = (a + 1) % DS_SCREEN; !t->isfa[p]; p = (p + 1) % DS_SCREEN)
			if (t->ch[p])
				out[n++] = t->ch[p];
	}
	return n;
}

/* What the eye sees in len positions from a, trailing blanks cut:
 * attributes, nulls and nondisplay fields show as blanks.
 */
static void term_text(const struct term *t, unsigned a, unsigned len, char *out)
{
	int fa = term_field(t, a);
	unsigned keep = 0;

	for (unsigned k = 0; k < len; k++, a++) {
		char c = ' ';

		if (t->isfa[a])
			fa = (int)a;
		else if (t->ch[a] && !(fa >= 0 && (t->fa[fa] & DS_FA_INTENSITY) == DS_FA_NODISP))
			c = (char)ebc_to_ascii_tab[t->ch[a]];
		out[k] = c;
		if (c != ' ')
			keep = k + 1;
	}
	out[keep] = '\0';
}

/* The layout's two fields and nothing else; the keyboard usable. */
static bool term_sane(const struct term *t)
{
	for (unsigned a = 0; a < DS_SCREEN; a++)
		if (t->isfa[a] != (a == SCR_IN_FA || a == SCR_ST_FA))
			return false;
	return !t->locked && !(t->fa[SCR_IN_FA] & DS_FA_PROTECT) &&
	       (t->fa[SCR_ST_FA] & DS_FA_PROTECT);
}

/* ---- The rig: a console, a terminal, a clock ------------------------- */

struct rig {
	struct scr  s;
	struct term t;
	uint64_t    now;
	unsigned    next_line;     /* PUTN numbers its lines from 1 */
	const char *scen;          /* for failure messages          */
	size_t      step;
};

static struct rig R;

static void check(bool ok, const struct rig *g, const char *what)
{
	char msg[160];

	snprintf(msg, sizeof msg, "scenario \"%s\" step %zu: %s", g->scen, g->step, what);
	CU_assertImplementation(ok, __LINE__, msg, __FILE__, "", CU_FALSE);
}

/* Render into a buffer one SCR_BUF_MAX long with a canary behind it. */
static size_t rig_render(struct rig *g, uint8_t *buf, uint8_t *cmd)
{
	size_t n;

	memset(buf, CANARY, SCR_BUF_MAX + 16);
	n = scr_render(&g->s, g->now, buf, SCR_BUF_MAX, cmd);
	for (size_t k = SCR_BUF_MAX; k < SCR_BUF_MAX + 16; k++)
		if (buf[k] != CANARY) {
			check(false, g, "render wrote past cap");
			break;
		}
	return n;
}

/* Bring the terminal up to date; then there must be nothing more to do. */
static void rig_sync(struct rig *g)
{
	uint8_t buf[SCR_BUF_MAX + 16], cmd = 0;
	size_t n = rig_render(g, buf, &cmd);

	if (n)
		check(term_write(&g->t, cmd, buf, n), g, "stream not understood");
	check(rig_render(g, buf, &cmd) == 0, g, "second render not empty");
	check(term_sane(&g->t), g, "fields or keyboard wrong");
}

static void rig_start(struct rig *g, const char *scen)
{
	memset(g, 0, sizeof *g);
	scr_init(&g->s, SYSNAME);
	g->now = T0;
	g->next_line = 1;
	g->scen = scen;
	rig_sync(g);
}

/* ---- Scenarios -------------------------------------------------------- */

enum op {
	OP_PUT, OP_PUTN, OP_LONG, OP_WAIT, OP_TYPE, OP_KEY, OP_PASSWD, OP_IDLE,
	OP_REFRESH, OP_ROW, OP_STATUS, OP_DEADLINE, OP_BUSY, OP_HIDDEN,
	OP_CURSOR, OP_ERASES,
};

struct step {
	enum op     op;
	long        a, b;
	const char *s;
};

/* Things that happen. */
#define PUT(t)          { OP_PUT, 0, 0, t }        /* one output line          */
#define PUTN(n)         { OP_PUTN, n, 0, NULL }    /* n lines "LINE k", k from 1 */
#define LONG(len, k)    { OP_LONG, len, k, NULL }  /* k lines "ABCDEFGHIJ..."  */
#define WAIT(ms)        { OP_WAIT, ms, 0, NULL }   /* time passes              */
#define TYPE(t)         { OP_TYPE, 0, 0, t }       /* typed at the cursor      */
#define KEY(aid, ev, l) { OP_KEY, aid, ev, l }     /* key pressed: event, line */
#define PASSWD(on)      { OP_PASSWD, on, 0, NULL }
#define IDLE(st)        { OP_IDLE, st, 0, NULL }
#define REFRESH         { OP_REFRESH, 0, 0, NULL } /* a new client             */
/* What must hold then. */
#define ROW(r, t)       { OP_ROW, r, 0, t }        /* row shows t (blanks cut) */
#define STATUS(w)       { OP_STATUS, 0, 0, w }     /* word, system name right  */
#define DEADLINE(ms)    { OP_DEADLINE, ms, 0, NULL } /* now + ms, 0: none     */
#define BUSY(on)        { OP_BUSY, on, 0, NULL }   /* scr_busy_output()        */
#define HIDDEN(on)      { OP_HIDDEN, on, 0, NULL } /* input field nondisplay   */
#define CURSOR          { OP_CURSOR, 0, 0, NULL }  /* at the input field start */
#define ERASES(n)       { OP_ERASES, n, 0, NULL }  /* Erase/Writes so far      */

#define JUNK 0x100  /* KEY(JUNK, ...): a malformed reply */

#define TEN          "ABCDEFGHIJ"
#define EIGHTY       TEN TEN TEN TEN TEN TEN TEN TEN
#define SEVENTY_NINE TEN TEN TEN TEN TEN TEN TEN "ABCDEFGHI"

static const struct step five_lines[] = {
	PUTN(5),
	ROW(0, "LINE 1"), ROW(4, "LINE 5"), ROW(5, ""),
	STATUS(SCR_W_CP_READ), BUSY(0), DEADLINE(0),
	ROW(22, ""), CURSOR, ERASES(1),
};

static const struct step more_times_out[] = {
	PUTN(30),
	ROW(0, "LINE 1"), ROW(21, "LINE 22"),
	STATUS(SCR_W_MORE), BUSY(1), DEADLINE(60000),
	WAIT(59999),
	ROW(0, "LINE 1"), STATUS(SCR_W_MORE), DEADLINE(1),
	WAIT(1),
	ROW(0, "LINE 23"), ROW(7, "LINE 30"), ROW(8, ""), ROW(21, ""),
	STATUS(SCR_W_CP_READ), BUSY(0), DEADLINE(0), ERASES(1),
};

static const struct step holding[] = {
	PUTN(30),
	KEY(DS_AID_ENTER, SCR_EV_NONE, ""),
	STATUS(SCR_W_HOLDING), DEADLINE(0), CURSOR,
	WAIT(600000),
	ROW(0, "LINE 1"), STATUS(SCR_W_HOLDING),
	KEY(DS_AID_ENTER, SCR_EV_NONE, ""),  /* still held */
	STATUS(SCR_W_HOLDING),
	KEY(DS_AID_PA2, SCR_EV_NONE, ""),
	ROW(0, "LINE 23"), ROW(8, ""), STATUS(SCR_W_CP_READ), ERASES(1),
};

static const struct step pa2_ends_more[] = {
	PUTN(30),
	WAIT(1000),
	KEY(DS_AID_PA2, SCR_EV_NONE, ""),
	ROW(0, "LINE 23"), STATUS(SCR_W_CP_READ),
	PUTN(2), ROW(8, "LINE 31"), ROW(9, "LINE 32"),
};

static const struct step pa2_clears[] = {
	PUTN(5),
	KEY(DS_AID_PA2, SCR_EV_NONE, ""),
	ROW(0, ""), ROW(4, ""), ERASES(1),
	PUT("after"), ROW(0, "after"),
};

static const struct step clear_redraws[] = {
	PUTN(30),
	TYPE("half typed"),
	KEY(DS_AID_CLEAR, SCR_EV_NONE, ""),
	ERASES(2), ROW(0, "LINE 23"), ROW(7, "LINE 30"), ROW(8, ""),
	ROW(22, ""), CURSOR, STATUS(SCR_W_CP_READ),
	PUTN(1), ROW(8, "LINE 31"),
};

static const struct step clear_empty[] = {
	PUTN(5),
	KEY(DS_AID_CLEAR, SCR_EV_NONE, ""),
	ERASES(2), ROW(0, ""), STATUS(SCR_W_CP_READ),
};

static const struct step echo[] = {
	TYPE("query time"), ROW(22, "query time"),
	KEY(DS_AID_ENTER, SCR_EV_LINE, "query time"),
	ROW(0, "query time"), ROW(22, ""), CURSOR,
	PUT("TIME IS 12:00:00"), ROW(1, "TIME IS 12:00:00"),
	TYPE("  cp   msg  "),
	KEY(DS_AID_ENTER, SCR_EV_LINE, "  cp   msg"),
	ROW(2, "  cp   msg"),
	KEY(DS_AID_ENTER, SCR_EV_LINE, ""),  /* a null line: not echoed */
	ROW(3, ""),
	TYPE("f3"), KEY(0xF3, SCR_EV_LINE, "f3"),  /* a PF key enters too */
	ROW(3, "f3"), ERASES(1),
};

static const struct step password[] = {
	PUT("ENTER PASSWORD:"),
	PASSWD(1), HIDDEN(1), CURSOR,
	TYPE("secret"), ROW(22, ""),
	KEY(DS_AID_ENTER, SCR_EV_LINE, "secret"),
	ROW(0, "ENTER PASSWORD:"), ROW(1, ""), HIDDEN(0), CURSOR,
	TYPE("shown"), ROW(22, "shown"),
	PASSWD(1), ROW(22, ""), PASSWD(0), HIDDEN(0),
};

static const struct step long_lines[] = {
	LONG(200, 1),
	ROW(0, EIGHTY), ROW(1, EIGHTY), ROW(2, TEN TEN TEN TEN), ROW(3, ""),
	LONG(300, 1),  /* cut at SCR_LINE_MAX: 255 = 3 * 80 + 15 */
	ROW(3, EIGHTY), ROW(5, EIGHTY), ROW(6, TEN "ABCDE"), ROW(7, ""),
};

static const struct step row21_short[] = {
	PUTN(21), LONG(100, 1),
	ROW(21, SEVENTY_NINE), STATUS(SCR_W_MORE),
	WAIT(60000),
	ROW(0, "J" TEN TEN), ROW(1, ""), STATUS(SCR_W_CP_READ),
};

static const struct step lost_lines[] = {
	PUTN(22), PUTN(250),
	STATUS(SCR_W_MORE), ROW(21, "LINE 22"),
	WAIT(60000),
	ROW(0, "*** 50 LINES LOST ***"), ROW(1, "LINE 73"), ROW(21, "LINE 93"),
	STATUS(SCR_W_MORE),
	WAIT(60000), ROW(0, "LINE 94"),
};

static const struct step lost_bytes[] = {
	PUTN(22), LONG(255, 40),  /* 32 of them fill SCR_QBYTES */
	WAIT(60000),
	ROW(0, "*** 8 LINES LOST ***"), ROW(1, EIGHTY),
};

static const struct step not_accepted[] = {
	TYPE("abc"),
	KEY(JUNK, SCR_EV_BAD, ""),
	STATUS(SCR_W_NOT_ACCEPTED), ROW(22, "abc"), ROW(0, ""),
	KEY(DS_AID_ENTER, SCR_EV_LINE, "abc"),  /* Enter again works */
	STATUS(SCR_W_CP_READ), ROW(0, "abc"),
};

static const struct step keys[] = {
	KEY(DS_AID_PA1, SCR_EV_PA1, ""),
	KEY(DS_AID_PA3, SCR_EV_NONE, ""),
	KEY(DS_AID_NONE, SCR_EV_NONE, ""),
	ROW(0, ""), ERASES(1),
};

static const struct step input_while_paused[] = {
	PUTN(30),
	TYPE("during more"),
	KEY(DS_AID_ENTER, SCR_EV_LINE, "during more"),
	STATUS(SCR_W_MORE), DEADLINE(60000),
	KEY(DS_AID_ENTER, SCR_EV_NONE, ""), STATUS(SCR_W_HOLDING),
	TYPE("during hold"),
	KEY(DS_AID_ENTER, SCR_EV_LINE, "during hold"),
	STATUS(SCR_W_HOLDING),
	KEY(DS_AID_PA2, SCR_EV_NONE, ""),
	ROW(8, "during more"), ROW(9, "during hold"),
};

static const struct step typing_survives_output[] = {
	TYPE("abc"),
	PUTN(3), ROW(2, "LINE 3"), ROW(22, "abc"),
	TYPE("def"),
	KEY(DS_AID_ENTER, SCR_EV_LINE, "abcdef"),
	ROW(3, "abcdef"),
};

static const struct step idle_states[] = {
	IDLE(SCR_VM_READ), STATUS(SCR_W_VM_READ),
	IDLE(SCR_RUNNING), STATUS(SCR_W_RUNNING),
	IDLE(SCR_HOLDING), STATUS(SCR_W_RUNNING),  /* not an idle state */
	PUTN(30), STATUS(SCR_W_MORE),
	WAIT(60000), STATUS(SCR_W_RUNNING),
	IDLE(SCR_CP_READ), STATUS(SCR_W_CP_READ),
};

static const struct step refresh[] = {
	PUTN(3), REFRESH, ERASES(2),
	ROW(0, "LINE 1"), ROW(2, "LINE 3"), CURSOR,
};

struct scenario {
	const char        *name;
	const struct step *steps;
	size_t             n;
};

#define SCEN(name, steps) { name, steps, N(steps) }

static const struct scenario scenarios[] = {
	SCEN("5 lines shown",              five_lines),
	SCEN("30 lines: MORE... 60 s",     more_times_out),
	SCEN("Enter during MORE holds",    holding),
	SCEN("PA2 ends MORE...",           pa2_ends_more),
	SCEN("PA2 clears output",          pa2_clears),
	SCEN("Clear redraws",              clear_redraws),
	SCEN("Clear with nothing waiting", clear_empty),
	SCEN("input echoed",               echo),
	SCEN("password",                   password),
	SCEN("long lines wrap",            long_lines),
	SCEN("row 21 is 79 wide",          row21_short),
	SCEN("lines lost: count",          lost_lines),
	SCEN("lines lost: bytes",          lost_bytes),
	SCEN("malformed reply",            not_accepted),
	SCEN("PA1, PA3, no AID",           keys),
	SCEN("input while paused",         input_while_paused),
	SCEN("typing survives output",     typing_survives_output),
	SCEN("idle states",                idle_states),
	SCEN("refresh",                    refresh),
};

static void put_long(struct rig *g, long len)
{
	char line[400];

	for (long i = 0; i < len; i++)
		line[i] = TEN[i % 10];
	line[len] = '\0';
	scr_put(&g->s, line, g->now);
}

static void do_key(struct rig *g, const struct step *st)
{
	static const uint8_t junk[] = { DS_AID_ENTER, 0x40 };  /* cut in the cursor */
	uint8_t reply[SCR_BUF_MAX];
	char line[SCR_IN_LEN + 1];
	size_t n;
	enum scr_event ev;

	if (st->a == JUNK) {
		g->t.locked = true;
		memcpy(reply, junk, sizeof junk);
		n = sizeof junk;
	} else {
		n = term_key(&g->t, (uint8_t)st->a, reply);
	}
	ev = scr_input(&g->s, reply, n, g->now, line, sizeof line);
	check(ev == (enum scr_event)st->b, g, "event");
	check(strcmp(line, st->s) == 0, g, "line");
}

static void do_status(struct rig *g, const char *word)
{
	char want[SCR_ST_LEN + 1], got[SCR_ST_LEN + 1];

	memset(want, ' ', SCR_ST_LEN);
	memcpy(want, word, strlen(word));
	memcpy(want + SCR_ST_LEN - strlen(SYSNAME), SYSNAME, strlen(SYSNAME));
	want[SCR_ST_LEN] = '\0';
	term_text(&g->t, SCR_ST_ADDR, SCR_ST_LEN, got);
	check(strcmp(want, got) == 0, g, "status");
	check(strcmp(scr_word(scr_status(&g->s)), word) == 0, g, "scr_status");
}

static void do_step(struct rig *g, const struct step *st)
{
	char row[DS_COLS + 1];
	uint64_t dl;

	switch (st->op) {
	case OP_PUT:     scr_put(&g->s, st->s, g->now); break;
	case OP_PUTN:
		for (long i = 0; i < st->a; i++) {
			snprintf(row, sizeof row, "LINE %u", g->next_line++);
			scr_put(&g->s, row, g->now);
		}
		break;
	case OP_LONG:
		for (long i = 0; i < st->b; i++)
			put_long(g, st->a);
		break;
	case OP_WAIT:    g->now += (uint64_t)st->a; break;
	case OP_TYPE:    check(term_type(&g->t, st->s), g, "typing refused"); break;
	case OP_KEY:     do_key(g, st); break;
	case OP_PASSWD:  scr_password(&g->s, st->a != 0); break;
	case OP_IDLE:    scr_set_state(&g->s, (enum scr_state)st->a); break;
	case OP_REFRESH: scr_refresh(&g->s); break;
	case OP_ROW:
		term_text(&g->t, (unsigned)st->a * DS_COLS, DS_COLS, row);
		check(strcmp(row, st->s) == 0, g, "row text");
		break;
	case OP_STATUS:  do_status(g, st->s); break;
	case OP_DEADLINE:
		dl = scr_deadline(&g->s);
		check(st->a ? dl == g->now + (uint64_t)st->a : dl == 0, g, "deadline");
		break;
	case OP_BUSY:    check(scr_busy_output(&g->s) == (st->a != 0), g, "busy"); break;
	case OP_HIDDEN:
		check(((g->t.fa[SCR_IN_FA] & DS_FA_INTENSITY) == DS_FA_NODISP) == (st->a != 0),
		      g, "input field display");
		break;
	case OP_CURSOR:  check(g->t.cursor == SCR_IN_ADDR, g, "cursor"); break;
	case OP_ERASES:  check(g->t.erases == (unsigned)st->a, g, "erase/writes"); break;
	}
}

static void test_scenarios(void)
{
	for (size_t i = 0; i < N(scenarios); i++) {
		rig_start(&R, scenarios[i].name);
		for (size_t k = 0; k < scenarios[i].n; k++) {
			R.step = k + 1;
			do_step(&R, &scenarios[i].steps[k]);
			rig_sync(&R);
		}
	}
}

/* ---- Replies the terminal would not send ------------------------------ */

/* Enter with data at addr; bytes as given (EBCDIC). */
static size_t raw_reply(uint8_t *out, unsigned addr, const uint8_t *data, size_t len)
{
	out[0] = DS_AID_ENTER;
	ds_addr_encode(SCR_IN_ADDR, out + 1);
	out[3] = DS_ORD_SBA;
	ds_addr_encode(addr, out + 4);
	memcpy(out + 6, data, len);
	return 6 + len;
}

static void test_odd_input(void)
{
	static struct scr s;
	uint8_t data[400], reply[420];
	char line[300], want[SCR_IN_LEN + 1];
	size_t n;

	/* 300 characters: cut to the field's 140. */
	scr_init(&s, SYSNAME);
	memset(data, 0xC1, 300);  /* 'A' */
	n = raw_reply(reply, SCR_IN_ADDR, data, 300);
	CU_ASSERT_EQUAL(scr_input(&s, reply, n, T0, line, sizeof line), SCR_EV_LINE);
	memset(want, 'A', SCR_IN_LEN);
	want[SCR_IN_LEN] = '\0';
	CU_ASSERT_STRING_EQUAL(line, want);

	/* Control codes (and orders the parser lets through as data) blank. */
	{
		static const uint8_t ctl[] = { 0xC8, 0x05, 0xC9, 0x3F, 0x15, 0xC1, 0xFF, 0xC2 };
		n = raw_reply(reply, SCR_IN_ADDR, ctl, sizeof ctl);
		CU_ASSERT_EQUAL(scr_input(&s, reply, n, T0, line, sizeof line), SCR_EV_BAD);
		n = raw_reply(reply, SCR_IN_ADDR, ctl + 2, sizeof ctl - 2);
		CU_ASSERT_EQUAL(scr_input(&s, reply, n, T0, line, sizeof line), SCR_EV_LINE);
		CU_ASSERT_STRING_EQUAL(line, "I  A B");
	}

	/* Text at another address is not input; a small linecap cuts. */
	n = raw_reply(reply, 100, data, 5);
	CU_ASSERT_EQUAL(scr_input(&s, reply, n, T0, line, sizeof line), SCR_EV_LINE);
	CU_ASSERT_STRING_EQUAL(line, "");
	n = raw_reply(reply, SCR_IN_ADDR, data, 20);
	CU_ASSERT_EQUAL(scr_input(&s, reply, n, T0, line, 4), SCR_EV_LINE);
	CU_ASSERT_STRING_EQUAL(line, "AAA");

	/* Not an AID; nothing at all. */
	reply[0] = 0x01;
	CU_ASSERT_EQUAL(scr_input(&s, reply, 3, T0, line, sizeof line), SCR_EV_BAD);
	CU_ASSERT_EQUAL(scr_input(&s, reply, 0, T0, line, sizeof line), SCR_EV_BAD);
	CU_ASSERT_EQUAL(scr_status(&s), SCR_NOT_ACCEPTED);
}

/* ---- Buffer sizes ------------------------------------------------------ */

/* Every row full (21 rows of 80, row 21 of 79), a page wipe, the field and
 * the status at once; then the same as a redraw: both within SCR_BUF_MAX.
 */
static void test_worst_case_fits(void)
{
	static struct scr s;
	uint8_t buf[SCR_BUF_MAX], cmd;
	uint8_t reply[] = { DS_AID_PA2 };
	char line[8], full[DS_COLS + 1];
	const size_t rows = 21 * (3 + DS_COLS) + 3 + DS_COLS - 1;

	memset(full, 'X', DS_COLS);
	full[DS_COLS] = '\0';
	scr_init(&s, "LONGNAME");
	CU_ASSERT(scr_render(&s, T0, buf, sizeof buf, &cmd) > 0);
	for (int i = 0; i < 2 * SCR_OUT_ROWS; i++) {  /* two screenfuls */
		full[DS_COLS - 1] = i % SCR_OUT_ROWS == SCR_OUT_ROWS - 1 ? '\0' : 'X';
		scr_put(&s, full, T0);
	}
	CU_ASSERT(scr_render(&s, T0, buf, sizeof buf, &cmd) > rows);
	scr_input(&s, reply, 1, T0, line, sizeof line);  /* PA2: wipe, 22 rows, MORE... ends */
	scr_password(&s, true);
	CU_ASSERT_EQUAL(scr_render(&s, T0, buf, sizeof buf, &cmd),
			1 + 7 + rows + 3 + 2 + SCR_ST_LEN + 3 + 2 + 1 + 4);
	CU_ASSERT_EQUAL(cmd, DS_CMD_WRITE);
	scr_refresh(&s);
	CU_ASSERT(scr_render(&s, T0, buf, sizeof buf, &cmd) > rows);
	CU_ASSERT_EQUAL(cmd, DS_CMD_ERASE_WRITE);
}

/* Every cap short of the stream: 0, nothing past cap, nothing lost. */
static void test_small_cap(void)
{
	static struct scr s;
	uint8_t want[SCR_BUF_MAX], buf[SCR_BUF_MAX + 16], cmd = 0;
	size_t full;

	scr_init(&s, SYSNAME);
	scr_put(&s, "hello", T0);
	full = scr_render(&s, T0, want, sizeof want, &cmd);
	CU_ASSERT_FATAL(full > 0);
	scr_refresh(&s);
	for (size_t cap = 0; cap < full; cap++) {
		memset(buf, CANARY, sizeof buf);
		CU_ASSERT_EQUAL(scr_render(&s, T0, buf, cap, &cmd), 0);
		for (size_t k = cap; k < sizeof buf; k++)
			if (buf[k] != CANARY) {
				CU_FAIL("render wrote past cap");
				return;
			}
	}
	CU_ASSERT_EQUAL(scr_render(&s, T0, buf, sizeof buf, &cmd), full);
	CU_ASSERT(memcmp(buf, want, full) == 0);
	CU_ASSERT_EQUAL(scr_render(&s, T0, buf, sizeof buf, &cmd), 0);
}

/* A long system name gives way to the longest word. */
static void test_status_text(void)
{
	static struct scr s;
	static struct term t;
	uint8_t buf[SCR_BUF_MAX], cmd;
	uint8_t junk[] = { 0x01 };
	char line[8], got[SCR_ST_LEN + 1];
	size_t n;

	scr_init(&s, "SYSTEMNAME");  /* cut to 8 */
	scr_input(&s, junk, 1, T0, line, sizeof line);
	n = scr_render(&s, T0, buf, sizeof buf, &cmd);
	CU_ASSERT_FATAL(term_write(&t, cmd, buf, n));
	term_text(&t, SCR_ST_ADDR, SCR_ST_LEN, got);
	CU_ASSERT_STRING_EQUAL(got, "NOT ACCEPTED SYSTEM");
	CU_ASSERT_STRING_EQUAL(scr_word(SCR_RUNNING), "RUNNING");
	CU_ASSERT_STRING_EQUAL(scr_word((enum scr_state)99), "");
}

/* DIAGNOSE X'58''s rows: whole rows replaced, erase, the output area's end. */
static void test_display(void)
{
	static struct scr s;
	static struct term t;
	uint8_t buf[SCR_BUF_MAX], cmd;
	char got[DS_COLS + 1];
	size_t n;

	scr_init(&s, SYSNAME);
	scr_put(&s, "A LONGER LINE ALREADY ON ROW ZERO", T0);
	scr_put(&s, "ROW ONE", T0);
	n = scr_render(&s, T0, buf, sizeof buf, &cmd);
	CU_ASSERT_FATAL(term_write(&t, cmd, buf, n));
	/* Row 0 replaced by a shorter text: the rest of the row is blanked. */
	CU_ASSERT_EQUAL(scr_display(&s, 0, "SHORT", 5, false), 1);
	n = scr_render(&s, T0, buf, sizeof buf, &cmd);
	CU_ASSERT_FATAL(n > 0 && term_write(&t, cmd, buf, n));
	term_text(&t, 0, DS_COLS, got);            /* (trailing blanks dropped) */
	CU_ASSERT_STRING_EQUAL(got, "SHORT");
	term_text(&t, DS_COLS, 7, got);
	CU_ASSERT_STRING_EQUAL(got, "ROW ONE");
	/* 100 characters from row 4 take two rows; rows 2-3 stay empty. */
	char text[100];
	memset(text, 'X', sizeof text);
	CU_ASSERT_EQUAL(scr_display(&s, 4, text, sizeof text, false), 2);
	n = scr_render(&s, T0, buf, sizeof buf, &cmd);
	CU_ASSERT_FATAL(n > 0 && term_write(&t, cmd, buf, n));
	term_text(&t, 4 * DS_COLS + 78, 4, got);
	CU_ASSERT_STRING_EQUAL(got, "XXXX");
	term_text(&t, 5 * DS_COLS + 18, 3, got);
	CU_ASSERT_STRING_EQUAL(got, "XX");
	/* Erase first: row 1's old text is gone. */
	CU_ASSERT_EQUAL(scr_display(&s, 3, "ALONE", 5, true), 1);
	n = scr_render(&s, T0, buf, sizeof buf, &cmd);
	CU_ASSERT_FATAL(n > 0 && term_write(&t, cmd, buf, n));
	term_text(&t, DS_COLS, 7, got);
	CU_ASSERT(got[0] == '\0' || got[0] == ' ');
	term_text(&t, 3 * DS_COLS, 5, got);
	CU_ASSERT_STRING_EQUAL(got, "ALONE");
	/* Nothing past the output area. */
	CU_ASSERT_EQUAL(scr_display(&s, SCR_OUT_ROWS, "NO", 2, false), 0);
	CU_ASSERT_EQUAL(scr_display(&s, SCR_OUT_ROWS - 1, text, sizeof text, false), 1);
}

void suite_scr(void)
{
	CU_pSuite s = CU_add_suite("scr", NULL, NULL);

	CU_add_test(s, "scenarios", test_scenarios);
	CU_add_test(s, "DIAGNOSE X'58' rows", test_display);
	CU_add_test(s, "odd input", test_odd_input);
	CU_add_test(s, "worst case fits SCR_BUF_MAX", test_worst_case_fits);
	CU_add_test(s, "small cap", test_small_cap);
	CU_add_test(s, "status text", test_status_text);
}
