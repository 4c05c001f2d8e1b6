/* ds3270.c: build outbound 3270 Write streams and parse inbound replies.
 *
 * Pure logic over caller-supplied buffers; the CP console driver puts the
 * stream behind a Write/Erase-Write CCW and hands Read replies back here.
 * Layouts and byte values are in ds3270.h and docs/3270.md.
 */
#include "cplib.h"
#include "ebcdic.h"
#include "ds3270.h"

#define DS_EBC_NULL  0x00
#define DS_EBC_BLANK 0x40

/* The 64 graphic bytes that carry a six-bit value in 12-bit addresses,
 * WCCs and attribute bytes (GA23-0059, "Buffer addressing").  Entry n is
 * the EBCDIC graphic whose low six bits are n.
 */
const uint8_t ds_code_tab[64] = {
	0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
	0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
	0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
	0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
};

/* AIDs a 3270 sends.  Short-read AIDs: to Read Modified the terminal answers
 * CLEAR and the PA keys with the AID byte alone.
 */
static const struct ds_aid ds_aid_tab[] = {
	{ DS_AID_ENTER,  0, false, "ENTER"  },
	{ DS_AID_NONE,   0, false, "NOAID"  },
	{ DS_AID_CLEAR,  0, true,  "CLEAR"  },
	{ DS_AID_PA1,    0, true,  "PA1"    },
	{ DS_AID_PA2,    0, true,  "PA2"    },
	{ DS_AID_PA3,    0, true,  "PA3"    },
	{ DS_AID_SYSREQ, 0, true,  "SYSREQ" },
	{ 0xF1,  1, false, "PF1"  }, { 0xF2,  2, false, "PF2"  },
	{ 0xF3,  3, false, "PF3"  }, { 0xF4,  4, false, "PF4"  },
	{ 0xF5,  5, false, "PF5"  }, { 0xF6,  6, false, "PF6"  },
	{ 0xF7,  7, false, "PF7"  }, { 0xF8,  8, false, "PF8"  },
	{ 0xF9,  9, false, "PF9"  }, { 0x7A, 10, false, "PF10" },
	{ 0x7B, 11, false, "PF11" }, { 0x7C, 12, false, "PF12" },
	{ 0xC1, 13, false, "PF13" }, { 0xC2, 14, false, "PF14" },
	{ 0xC3, 15, false, "PF15" }, { 0xC4, 16, false, "PF16" },
	{ 0xC5, 17, false, "PF17" }, { 0xC6, 18, false, "PF18" },
	{ 0xC7, 19, false, "PF19" }, { 0xC8, 20, false, "PF20" },
	{ 0xC9, 21, false, "PF21" }, { 0x4A, 22, false, "PF22" },
	{ 0x4B, 23, false, "PF23" }, { 0x4C, 24, false, "PF24" },
};

/* Every order byte.  Orders are interpreted when written, so none can sit
 * in the buffer as data; inbound, any but the delimiter is malformed.
 */
static const uint8_t ds_orders[] = {
	DS_ORD_PT, DS_ORD_SBA, DS_ORD_EUA, DS_ORD_IC,
	DS_ORD_SF, DS_ORD_SA, DS_ORD_SFE, DS_ORD_RA,
};

/* SYSREQ on a non-SNA 3270 sends a Test Request Read heading, SOH % / STX,
 * instead of an AID.  EBCDIC '%' is X'6C'; x3270 sends X'5B' there, so both
 * are taken.
 */
static bool ds_is_testreq(const uint8_t *p, size_t n)
{
	return n >= 4 && p[0] == 0x01 && (p[1] == 0x6C || p[1] == 0x5B) &&
	       p[2] == 0x61 && p[3] == 0x02;
}

const struct ds_aid *ds_aid_find(uint8_t aid)
{
	for (size_t i = 0; i < sizeof ds_aid_tab / sizeof ds_aid_tab[0]; i++)
		if (ds_aid_tab[i].da_code == aid)
			return &ds_aid_tab[i];
	return NULL;
}

static bool ds_is_order(uint8_t c)
{
	for (size_t i = 0; i < sizeof ds_orders; i++)
		if (ds_orders[i] == c)
			return true;
	return false;
}

void ds_addr_encode(unsigned addr, uint8_t out[2])
{
	addr &= 0x3FFF;
	if (addr < 4096) {
		out[0] = ds_code_tab[addr >> 6];
		out[1] = ds_code_tab[addr & 0x3F];
	} else {
		out[0] = (uint8_t)(addr >> 8);   /* top bits 00: 14-bit form */
		out[1] = (uint8_t)addr;
	}
}

/* Top bits 00 mean 14-bit binary; 01 and 11 mean 12-bit.  10 is reserved;
 * like x3270 we read it as 12-bit rather than reject the whole reply.
 */
uint16_t ds_addr_decode(uint8_t b0, uint8_t b1)
{
	if ((b0 & 0xC0) == 0)
		return (uint16_t)(((b0 & 0x3F) << 8) | b1);
	return (uint16_t)(((b0 & 0x3F) << 6) | (b1 & 0x3F));
}

/* ---- Outbound builder ---------------------------------------------- */

/* Reserve n bytes, or mark the stream overflowed.  db_len <= db_cap always
 * holds, so the subtraction cannot wrap.
 */
static uint8_t *ds_room(struct ds_buf *b, size_t n)
{
	uint8_t *p;

	if (b->db_overflow || b->db_cap - b->db_len < n) {
		b->db_overflow = true;
		return NULL;
	}
	p = b->db_data + b->db_len;
	b->db_len += n;
	return p;
}

/* An ASCII character as a displayable EBCDIC byte.  Everything below X'40'
 * and X'FF' is a control code to the 3270 (and X'05'-X'3C' include the
 * orders), so it must never reach the stream as text.
 */
static uint8_t ds_graphic(char c)
{
	uint8_t e = ebc_from_ascii_tab[(uint8_t)c];

	return (e < DS_EBC_BLANK || e == 0xFF) ? DS_EBC_BLANK : e;
}

static void ds_order_addr(struct ds_buf *b, uint8_t order, unsigned addr)
{
	uint8_t *p = ds_room(b, 3);

	if (p) {
		p[0] = order;
		ds_addr_encode(addr, p + 1);
	}
}

void ds_start(struct ds_buf *b, uint8_t *mem, size_t cap)
{
	b->db_data = mem;
	b->db_len = 0;
	b->db_cap = mem ? cap : 0;
	b->db_overflow = false;
}

size_t ds_end(const struct ds_buf *b)
{
	return b->db_overflow ? 0 : b->db_len;
}

void ds_wcc(struct ds_buf *b, uint8_t wcc)
{
	uint8_t *p = ds_room(b, 1);

	if (p)
		p[0] = ds_code_tab[wcc & 0x3F];
}

void ds_sba(struct ds_buf *b, unsigned addr)
{
	ds_order_addr(b, DS_ORD_SBA, addr);
}

void ds_sba_rc(struct ds_buf *b, unsigned row, unsigned col)
{
	ds_order_addr(b, DS_ORD_SBA, row * DS_COLS + col);
}

void ds_sf(struct ds_buf *b, uint8_t attr)
{
	uint8_t *p = ds_room(b, 2);

	if (p) {
		p[0] = DS_ORD_SF;
		p[1] = ds_code_tab[attr & 0x3F];
	}
}

void ds_ic(struct ds_buf *b)
{
	uint8_t *p = ds_room(b, 1);

	if (p)
		p[0] = DS_ORD_IC;
}

void ds_eua(struct ds_buf *b, unsigned addr)
{
	ds_order_addr(b, DS_ORD_EUA, addr);
}

/* ch '\0' repeats the buffer null, which the terminal does not send back
 * and which lets typed characters be inserted; any other ASCII character
 * is shown as its graphic.
 */
void ds_ra(struct ds_buf *b, unsigned addr, char ch)
{
	uint8_t *p = ds_room(b, 4);

	if (p) {
		p[0] = DS_ORD_RA;
		ds_addr_encode(addr, p + 1);
		p[3] = ch ? ds_graphic(ch) : DS_EBC_NULL;
	}
}

void ds_textn(struct ds_buf *b, const char *s, size_t n)
{
	uint8_t *p = ds_room(b, n);

	if (p)
		for (size_t i = 0; i < n; i++)
			p[i] = ds_graphic(s[i]);
}

void ds_text(struct ds_buf *b, const char *s)
{
	ds_textn(b, s, strlen(s));
}

/* ---- Inbound replies ------------------------------------------------ */

/* Open a new field in the caller's array. */
static struct ds_field *ds_new_field(struct ds_reply *r, struct ds_field *f,
				     size_t max, uint16_t addr,
				     const uint8_t *data)
{
	struct ds_field *nf;

	if (r->dr_nfields == max)
		return NULL;
	nf = &f[r->dr_nfields++];
	nf->df_addr = addr;
	nf->df_has_attr = false;
	nf->df_attr = 0;
	nf->df_data = data;
	nf->df_len = 0;
	return nf;
}

/* Split the data after the cursor address into fields.  Read Modified
 * delimits fields by SBA + address; Read Buffer sends the whole buffer from
 * address 0 with SF + attribute where each field starts, so addresses are
 * counted.  Data before the first delimiter is an unformatted screen (or,
 * in Read Buffer, the wrapped tail of the last field) and starts at 0.
 */
static int ds_split(enum ds_read kind, const uint8_t *p, size_t n,
		    struct ds_reply *r, struct ds_field *f, size_t max)
{
	uint8_t delim = kind == DS_READ_MODIFIED ? DS_ORD_SBA : DS_ORD_SF;
	size_t need = kind == DS_READ_MODIFIED ? 3 : 2;
	struct ds_field *cur = NULL;
	unsigned pos = 0;
	size_t i = 0;

	while (i < n) {
		uint8_t c = p[i];

		if (c == delim) {
			uint16_t addr;

			if (n - i < need)
				return DS_E_TRUNC;
			if (kind == DS_READ_MODIFIED)
				addr = ds_addr_decode(p[i + 1], p[i + 2]);
			else
				addr = (uint16_t)(++pos & 0x3FFF);
			cur = ds_new_field(r, f, max, addr, p + i + need);
			if (!cur)
				return DS_E_TOOMANY;
			if (kind == DS_READ_BUFFER) {
				cur->df_has_attr = true;
				cur->df_attr = p[i + 1];
			}
			i += need;
			continue;
		}
		if (ds_is_order(c))
			return DS_E_FORMAT;
		if (!cur && !(cur = ds_new_field(r, f, max, 0, p + i)))
			return DS_E_TOOMANY;
		cur->df_len++;
		pos++;
		i++;
	}
	return 0;
}

/* Parse a reply: AID, then (unless a short read) the 2-byte cursor address
 * and the fields.  On error the reply and field contents are unspecified.
 * A SYSREQ Test Request Read is reported as a short DS_AID_SYSREQ; CP does
 * not look at what follows its heading.
 */
int ds_parse_reply(enum ds_read kind, const uint8_t *p, size_t n,
		   struct ds_reply *r, struct ds_field *f, size_t max)
{
	const struct ds_aid *aid;

	memset(r, 0, sizeof *r);
	if (n == 0)
		return DS_E_TRUNC;
	if (ds_is_testreq(p, n)) {
		r->dr_aid = DS_AID_SYSREQ;
		r->dr_short = true;
		return 0;
	}
	aid = ds_aid_find(p[0]);
	if (!aid)
		return DS_E_BADAID;
	r->dr_aid = p[0];
	if (n == 1) {
		r->dr_short = aid->da_short;
		return aid->da_short ? 0 : DS_E_TRUNC;
	}
	if (n < 3)
		return DS_E_TRUNC;
	r->dr_cursor = ds_addr_decode(p[1], p[2]);
	return ds_split(kind, p + 3, n - 3, r, f, max);
}

size_t ds_field_text(const struct ds_field *f, char *out, size_t outcap)
{
	size_t len = 0, keep = 0;

	if (outcap == 0)
		return 0;
	for (size_t i = 0; i < f->df_len && len < outcap - 1; i++) {
		uint8_t e = f->df_data[i];
		char c;

		if (e == DS_EBC_NULL)
			continue;
		c = (e < DS_EBC_BLANK || e == 0xFF) ? ' ' : (char)ebc_to_ascii_tab[e];
		out[len++] = c;
		if (c != ' ')
			keep = len;
	}
	out[keep] = '\0';
	return keep;
}
