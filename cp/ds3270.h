/* ds3270.h: the 3270 data stream, as a local non-SNA 3270 on a Hercules
 * channel sees it: building outbound Write streams and parsing the inbound
 * Read Modified / Read Buffer replies.
 *
 * Sources: IBM 3270 Information Display System Data Stream Programmer's
 * Reference (GA23-0059), "Commands", "Orders", "Attention identifier";
 * the same values appear in x3270's 3270ds.h.  docs/3270.md has the overview.
 *
 * The channel command code goes in the CCW, not in the data: a Write stream
 * begins with the WCC, and a reply begins with the AID.
 */
#ifndef CP_DS3270_H
#define CP_DS3270_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* Model 2 screen, the one Erase/Write selects. */
#define DS_ROWS   24
#define DS_COLS   80
#define DS_SCREEN (DS_ROWS * DS_COLS)

/* Channel command codes for a local (non-SNA) 3270 (CCW byte 0). */
#define DS_CMD_WRITE           0x01
#define DS_CMD_READ_BUFFER     0x02
#define DS_CMD_NOP             0x03
#define DS_CMD_SENSE           0x04
#define DS_CMD_ERASE_WRITE     0x05
#define DS_CMD_READ_MODIFIED   0x06
#define DS_CMD_SELECT          0x0B
#define DS_CMD_ERASE_WRITE_ALT 0x0D
#define DS_CMD_EAU             0x0F  /* Erase All Unprotected: no data */
#define DS_CMD_SENSE_ID        0xE4

/* Orders: control bytes inside a Write stream. */
#define DS_ORD_PT  0x05  /* Program Tab                                  */
#define DS_ORD_SBA 0x11  /* Set Buffer Address  + 2 address bytes        */
#define DS_ORD_EUA 0x12  /* Erase Unprotected to Address + 2 bytes       */
#define DS_ORD_IC  0x13  /* Insert Cursor at the current buffer address  */
#define DS_ORD_SF  0x1D  /* Start Field         + 1 attribute byte       */
#define DS_ORD_SA  0x28  /* Set Attribute (extended; CP does not use it) */
#define DS_ORD_SFE 0x29  /* Start Field Extended (likewise)              */
#define DS_ORD_RA  0x3C  /* Repeat to Address   + 2 address bytes + char */

/* Write Control Character.  IBM numbers bits 0 (high) to 7 (low):
 *
 *    0   1   2   3   4   5   6   7
 *  +---+---+---+---+---+---+---+---+
 *  | code  |printer|prt|alm|kbd|MDT|
 *  | table |format |   |   |rst|rst|
 *  +---+---+---+---+---+---+---+---+
 *
 * Bits 0-1 are filled from the address code table so the WCC is a graphic
 * byte, as VM/370 sent it (X'C3' = restore keyboard + reset MDTs); ds_wcc()
 * does that, so callers pass only the low six bits.
 */
#define DS_WCC_START_PRINT 0x08
#define DS_WCC_ALARM       0x04
#define DS_WCC_RESTORE     0x02  /* unlock the keyboard, reset the AID    */
#define DS_WCC_RESET_MDT   0x01  /* clear every field's modified bit      */

/* Field attribute byte (the byte after SF), same numbering:
 *
 *    0   1   2   3   4   5   6   7
 *  +---+---+---+---+---+---+---+---+
 *  | code  |prt|num|intensity|res|MDT|
 *  | table |   |   |         | 0 |   |
 *  +---+---+---+---+---+---+---+---+
 *
 * Protected + numeric is "autoskip": the cursor jumps over the field.
 * ds_sf() fills bits 0-1 from the code table.
 */
#define DS_FA_PROTECT   0x20
#define DS_FA_NUMERIC   0x10
#define DS_FA_SKIP      (DS_FA_PROTECT | DS_FA_NUMERIC)
#define DS_FA_INTENSITY 0x0C  /* mask for the two intensity bits          */
#define DS_FA_NORMAL    0x00  /* normal, not light-pen detectable         */
#define DS_FA_PEN       0x04  /* normal, light-pen detectable             */
#define DS_FA_HIGH      0x08  /* intensified (and pen detectable)         */
#define DS_FA_NODISP    0x0C  /* nondisplay: passwords                    */
#define DS_FA_MDT       0x01  /* modified data tag                        */

/* Attention identifiers: first byte of every inbound reply. */
#define DS_AID_NONE   0x60  /* a Read with no key pressed                 */
#define DS_AID_ENTER  0x7D
#define DS_AID_CLEAR  0x6D
#define DS_AID_PA1    0x6C
#define DS_AID_PA2    0x6E
#define DS_AID_PA3    0x6B
#define DS_AID_SYSREQ 0xF0  /* also TESTREQ; see ds_parse_reply()         */
#define DS_AID_PF1    0xF1  /* PF1-PF9 are F1-F9; the rest are irregular: */
#define DS_AID_PF10   0x7A  /* use ds_aid_find() for names and numbers    */
#define DS_AID_PF12   0x7C
#define DS_AID_PF13   0xC1
#define DS_AID_PF24   0x4C

/* One row of the AID table. */
struct ds_aid {
	uint8_t     da_code;   /* the AID byte                               */
	uint8_t     da_pf;     /* PF key number 1-24, 0 if not a PF key       */
	bool        da_short;  /* Read Modified answers with the AID alone    */
	const char *da_name;   /* "ENTER", "PF12", "CLEAR", ...               */
};

/* The row for an AID byte, or NULL if the byte is not an AID. */
const struct ds_aid *ds_aid_find(uint8_t aid);

/* Buffer addresses.  Below 4096 the 12-bit form splits the address into two
 * six-bit halves, each sent as the graphic byte the code table gives for it;
 * above, the 14-bit form sends the address in binary with the top two bits
 * of the first byte 00, which the 12-bit form never produces.  Addresses are
 * taken modulo 16384.
 */
extern const uint8_t ds_code_tab[64];
void     ds_addr_encode(unsigned addr, uint8_t out[2]);
uint16_t ds_addr_decode(uint8_t b0, uint8_t b1);

/* Outbound stream builder.  Every ds_ call appends one whole order (or as
 * much text as asked) or, if it will not fit, sets db_overflow and appends
 * nothing; once set, later calls do nothing.  Never writes past db_cap.
 */
struct ds_buf {
	uint8_t *db_data;
	size_t   db_len, db_cap;
	bool     db_overflow;
};

void   ds_start(struct ds_buf *b, uint8_t *mem, size_t cap);
size_t ds_end(const struct ds_buf *b);        /* length, 0 if overflowed */
void   ds_wcc(struct ds_buf *b, uint8_t wcc);  /* DS_WCC_ bits            */
void   ds_sba(struct ds_buf *b, unsigned addr);
void   ds_sba_rc(struct ds_buf *b, unsigned row, unsigned col);
void   ds_sf(struct ds_buf *b, uint8_t attr);  /* DS_FA_ bits             */
void   ds_ic(struct ds_buf *b);
void   ds_ra(struct ds_buf *b, unsigned addr, char ch);
void   ds_eua(struct ds_buf *b, unsigned addr);
void   ds_text(struct ds_buf *b, const char *s);
void   ds_textn(struct ds_buf *b, const char *s, size_t n);

/* Inbound reply parsing.  A field is a run of data the terminal sent:
 * in a Read Modified reply the data of one modified field, df_addr being
 * the address of its first character (the attribute's address + 1); in a
 * Read Buffer reply the characters between two SF orders, with the
 * attribute.  df_data points into the caller's reply buffer.
 */
struct ds_field {
	uint16_t       df_addr;
	bool           df_has_attr;  /* Read Buffer after an SF             */
	uint8_t        df_attr;      /* attribute byte as received          */
	const uint8_t *df_data;      /* EBCDIC, not terminated              */
	size_t         df_len;
};

struct ds_reply {
	uint8_t  dr_aid;
	bool     dr_short;    /* AID only: no cursor, no fields              */
	uint16_t dr_cursor;
	size_t   dr_nfields;
};

enum ds_read { DS_READ_MODIFIED, DS_READ_BUFFER };

/* Errors from ds_parse_reply(); 0 is success. */
#define DS_E_TRUNC   (-1)  /* reply ends inside the header or an order    */
#define DS_E_BADAID  (-2)  /* first byte is not an AID                    */
#define DS_E_FORMAT  (-3)  /* an order that cannot appear in this reply   */
#define DS_E_TOOMANY (-4)  /* more fields than the caller's array holds   */

int ds_parse_reply(enum ds_read kind, const uint8_t *p, size_t n,
		   struct ds_reply *r, struct ds_field *f, size_t max);

/* A field's text in ASCII, NUL-terminated, at most outcap-1 characters:
 * buffer nulls dropped, trailing blanks removed, other control codes (DUP,
 * FM) shown as blanks.  Returns the length.  outcap must be at least 1.
 */
size_t ds_field_text(const struct ds_field *f, char *out, size_t outcap);

#endif
