/* logo.c: build the pre-LOGON logo screen and read what was typed on it.
 *
 * Text first, then the field attributes (so no text can land on an
 * attribute position), then the cursor.  Everything but the input field is
 * protected; see docs/3270.md for the picture.
 */
#include "cplib.h"
#include "logo.h"

#define LOGO_GLYPH_H   7
#define LOGO_GLYPH_W   9
#define LOGO_GAP       3
#define LOGO_WORD      "CPCMS"
#define LOGO_BANNER_ROW 2
#define LOGO_ONLINE_ROW 10
#define LOGO_SYSVER_ROW 12
#define LOGO_TERM_ROW   14
#define LOGO_MSG_ROW    18  /* two message rows: 18 and 19 */
#define LOGO_LABEL_ROW  21
#define LOGO_LAST_ROW   (DS_ROWS - 1)

/* Block letters drawn with the letter itself, as VM/370's logo was; '#'
 * marks where the letter goes.
 */
struct logo_glyph {
	char        lg_letter;
	const char *lg_rows[LOGO_GLYPH_H];
};

static const struct logo_glyph logo_glyphs[] = {
	{ 'C', { " ####### ", "##     ##", "##       ", "##       ",
		 "##       ", "##     ##", " ####### " } },
	{ 'P', { "######## ", "##     ##", "##     ##", "######## ",
		 "##       ", "##       ", "##       " } },
	{ 'M', { "##     ##", "###   ###", "#### ####", "## ### ##",
		 "##  #  ##", "##     ##", "##     ##" } },
	{ 'S', { " ####### ", "##     ##", "##       ", " ####### ",
		 "       ##", "##     ##", " ####### " } },
};

/* Where each field starts and what it is.  Column 0 attributes cost a
 * blank margin; they bracket the intensified lines.
 */
struct logo_field {
	uint8_t lf_row, lf_col, lf_attr;
};

static const struct logo_field logo_fields[] = {
	{ 0,                   0, DS_FA_PROTECT },
	{ LOGO_ONLINE_ROW,     0, DS_FA_PROTECT | DS_FA_HIGH },
	{ LOGO_ONLINE_ROW + 1, 0, DS_FA_PROTECT },
	{ LOGO_MSG_ROW,        0, DS_FA_PROTECT | DS_FA_HIGH },
	{ LOGO_MSG_ROW + 2,    0, DS_FA_PROTECT },
	{ LOGO_INPUT_ROW, LOGO_INPUT_COL - 1, DS_FA_NORMAL },
	{ LOGO_INPUT_ROW, LOGO_INPUT_COL + LOGO_INPUT_LEN, DS_FA_SKIP },
};

enum logo_align { LOGO_LEFT, LOGO_CENTER, LOGO_RIGHT };

/* One line of text on a row, cut to fit, placed by alignment. */
static void logo_put(struct ds_buf *b, unsigned row, unsigned col,
		     enum logo_align align, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n > DS_COLS - col)
		n = DS_COLS - col;
	if (n == 0)
		return;
	if (align == LOGO_CENTER)
		col = (unsigned)(DS_COLS - n) / 2;
	else if (align == LOGO_RIGHT)
		col = (unsigned)(DS_COLS - n);
	ds_sba_rc(b, row, col);
	ds_textn(b, s, n);
}

/* Append s to line (capacity DS_COLS + 1), cutting at DS_COLS. */
static size_t logo_cat(char *line, size_t len, const char *s)
{
	while (s && *s && len < DS_COLS)
		line[len++] = *s++;
	line[len] = '\0';
	return len;
}

static const struct logo_glyph *logo_glyph(char c)
{
	for (size_t i = 0; i < sizeof logo_glyphs / sizeof logo_glyphs[0]; i++)
		if (logo_glyphs[i].lg_letter == c)
			return &logo_glyphs[i];
	return NULL;
}

static void logo_banner(struct ds_buf *b)
{
	static const char word[] = LOGO_WORD;
	char line[DS_COLS + 1];

	for (unsigned r = 0; r < LOGO_GLYPH_H; r++) {
		size_t len = 0;

		for (size_t k = 0; word[k]; k++) {
			const char *g = logo_glyph(word[k])->lg_rows[r];

			if (k)
				len = logo_cat(line, len, "   ");
			for (size_t c = 0; c < LOGO_GLYPH_W; c++)
				line[len++] = g[c] == '#' ? word[k] : ' ';
		}
		line[len] = '\0';
		logo_put(b, LOGO_BANNER_ROW + r, 0, LOGO_CENTER, line);
	}
}

/* "TERMINAL hhhh" with the device number in four hex digits. */
static void logo_terminal(struct ds_buf *b, uint16_t devno)
{
	static const char hex[] = "0123456789ABCDEF";
	char line[] = "TERMINAL xxxx";
	size_t at = sizeof line - 5;

	for (unsigned i = 0; i < 4; i++)
		line[at + i] = hex[(devno >> (12 - 4 * i)) & 0xF];
	logo_put(b, LOGO_TERM_ROW, 0, LOGO_CENTER, line);
}

size_t logo_build(uint8_t *buf, size_t cap, const struct logo_info *li)
{
	struct ds_buf b;
	char line[DS_COLS + 1];
	size_t len;

	ds_start(&b, buf, cap);
	ds_wcc(&b, DS_WCC_RESTORE | DS_WCC_RESET_MDT);
	logo_banner(&b);
	logo_put(&b, LOGO_ONLINE_ROW, 0, LOGO_CENTER, "CPCMS  ONLINE");
	len = logo_cat(line, 0, li->li_sysname);
	len = logo_cat(line, len, "  ");
	logo_cat(line, len, li->li_version);
	logo_put(&b, LOGO_SYSVER_ROW, 0, LOGO_CENTER, line);
	logo_terminal(&b, li->li_devno);
	logo_put(&b, LOGO_MSG_ROW, 1, LOGO_LEFT, li->li_message);
	logo_put(&b, LOGO_MSG_ROW + 1, 1, LOGO_LEFT, li->li_message2);
	logo_put(&b, LOGO_LABEL_ROW, 1, LOGO_LEFT,
		 "Fill in your USERID and press ENTER (LOGON userid)");
	logo_put(&b, LOGO_INPUT_ROW, 1, LOGO_LEFT, "==>");
	logo_put(&b, LOGO_LAST_ROW, 0, LOGO_RIGHT, li->li_sysname);
	for (size_t i = 0; i < sizeof logo_fields / sizeof logo_fields[0]; i++) {
		ds_sba_rc(&b, logo_fields[i].lf_row, logo_fields[i].lf_col);
		ds_sf(&b, logo_fields[i].lf_attr);
	}
	ds_sba(&b, LOGO_INPUT_ADDR);
	ds_ic(&b);
	return ds_end(&b);
}

int logo_input(const uint8_t *reply, size_t len, char *out, size_t outcap)
{
	struct ds_reply r;
	struct ds_field f[8];  /* the screen has one input field; 8 is slack */
	int rc;

	if (outcap)
		out[0] = '\0';
	rc = ds_parse_reply(DS_READ_MODIFIED, reply, len, &r, f, 8);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < r.dr_nfields; i++)
		if (f[i].df_addr == LOGO_INPUT_ADDR)
			ds_field_text(&f[i], out, outcap);
	return r.dr_aid;
}
