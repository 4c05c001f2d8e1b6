/*
 * cpsess.h: a logged-on CP user at an s3270 terminal, for end-to-end tests:
 * LOGON, typing CP command lines, loading a guest program with STORE, and
 * reading back what DISPLAY shows.
 */
#ifndef E2E_CPSESS_H
#define E2E_CPSESS_H

#include <stddef.h>
#include <stdint.h>
#include "s3270.h"

/* Connect to port, wait for the logo, LOGON user with password pw; 0 when
 * the screen shows "LOGON AT", else -1. */
int cps_logon(struct s3270 *s, int port, const char *user, const char *pw);

/* Type one line and press Enter, waiting for the keyboard before and
 * after. 0 or -1. */
int cps_line(struct s3270 *s, const char *line);

/* Clear the output area (Clear key), then enter line; 0 when the screen
 * then shows want within timeout_s. */
int cps_cmd_expect(struct s3270 *s, const char *line, const char *want, double timeout_s);

/* Wait until the screen shows want, paging past MORE... with Clear; 0,
 * or -1 after timeout_s. */
int cps_wait(struct s3270 *s, const char *want, double timeout_s);

/* cps_wait without looking at the screen between CP's writes: for timed
 * runs (tests/bench). */
int cps_wait_idle(struct s3270 *s, const char *want, double timeout_s);

/* Load a storage image (from address 0) into the virtual machine with
 * STORE commands. 0 or -1. */
int cps_load(struct s3270 *s, const uint8_t *bin, size_t len);

/* DISPLAY len bytes (a multiple of 16, at most 320) from addr into out,
 * parsed from the screen. 0 or -1. */
int cps_display(struct s3270 *s, uint32_t addr, size_t len, uint8_t *out);

/* DISPLAY one fullword of guest storage; 0 and *v, or -1. */
int cps_display_word(struct s3270 *s, uint32_t addr, uint32_t *v);

/* The checksum guest (tests/e2e/guest/checksum.S): sums 1 to COUNT and
 * stops in a disabled wait. Load it with COUNT = count and its PSW
 * (cps_load_checksum), and also BEGIN (cps_start_checksum); 0 or -1. */
#define CHECKSUM_COUNT_ADDR  0x500
#define CHECKSUM_RESULT_ADDR 0x504
#define CHECKSUM_STARTED_ADDR 0x508     /* TOD clock before the loop, 8 bytes */
#define CHECKSUM_ENDED_ADDR  0x510      /* and after it */
#define CHECKSUM_DONE        "PSW '00020000 00000123'"
int cps_load_checksum(struct s3270 *s, uint32_t count);
int cps_start_checksum(struct s3270 *s, uint32_t count);
/* What it leaves at CHECKSUM_RESULT_ADDR. */
uint32_t cps_checksum_of(uint32_t count);

/* Read a guest program image built from tests/e2e/guest (build/e2e-guest/NAME.bin). */
uint8_t *cps_guest(const char *name, size_t *len);

#endif
