/*
 * oracle.h: the oracle suite, small bare-metal System/370 programs
 * (tests/guest/, conventions in tests/guest/README.md) whose result area
 * must be the same bare on Hercules and as a guest under CP.
 * This header is shared by the bare side (oracle_bare.c) and the CP side.
 */
#ifndef E2E_ORACLE_H
#define E2E_ORACLE_H

#include <stddef.h>
#include <stdint.h>

/* The result area: X'1000'-X'10FF'. Word 0 is the magic C'COMP' (EBCDIC),
 * word 1 the number of result bytes after the 8-byte header; the results
 * end before ORACLE_UNX_OFF, where the programs record an unexpected
 * interruption (old PSW, class 1-5, EC-mode code word). */
#define ORACLE_RESULT_ADDR  0x1000u
#define ORACLE_RESULT_LEN   256u
#define ORACLE_MAGIC        0xC3D6D4D7u
#define ORACLE_UNX_OFF      0xF0u
#define ORACLE_MAX_RESULTS  (ORACLE_UNX_OFF - 8u)

/* Storage size of the machine, bare and guest alike: pgm_addressing
 * expects X'200000' to be the first invalid address. Hercules accepts no
 * MAINSIZE below 2 (MB). */
#define ORACLE_MAINSIZE_MB  2

/* The programs end in a BC disabled wait; its address says how. */
#define ORACLE_WAIT_NORMAL  0x000000u
#define ORACLE_WAIT_DEAD    0x00DEADu       /* unexpected interruption */

/* Run build/guest/NAME.ins on a fresh bare Hercules (S/370, 2M, one CPU)
 * and copy the 256 bytes of the result area to result. 0 when the program
 * ended in the normal wait; -1 otherwise, with the reason in why (the
 * result area is still filled if it could be read). */
int oracle_run_bare(const char *name, uint8_t result[ORACLE_RESULT_LEN],
		    char *why, size_t whycap);

/* The same for any .ins file (the benchmarks' programs); name labels the
 * run's temp dir and kept logs. */
int oracle_run_bare_ins(const char *name, const char *ins, uint8_t result[ORACLE_RESULT_LEN],
			char *why, size_t whycap);

/* ... in another architecture mode, as Hercules' ARCHMODE names it
 * ("ESA/390"); the normal wait is then the ESA/390 PSW X'000A0000 0'. */
int oracle_run_bare_arch(const char *name, const char *ins, const char *arch,
			 uint8_t result[ORACLE_RESULT_LEN], char *why, size_t whycap);

/* ... on numcpu processors (the normal wait is CPU 0's: the program stops
 * the others itself). */
int oracle_run_bare_cpus(const char *name, const char *ins, const char *arch, int numcpu,
			 uint8_t result[ORACLE_RESULT_LEN], char *why, size_t whycap);

/* Render a storage image (from address 0) as VM/370 CP STORE commands,
 * "STORE 000400 47F00408 ...", one line each, up to 8 fullwords per line,
 * all-zero words skipped. Writes at most cap bytes (NUL-terminated when
 * cap > 0) and returns the length of the whole text, as snprintf does. */
size_t oracle_store_cmds(const uint8_t *bin, size_t len, char *out, size_t cap);

/* The big-endian fullword at p (a result area's). */
uint32_t oracle_get32(const uint8_t *p);

/* Read a whole file (e.g. build/guest/NAME.bin); malloc'd, NULL on error. */
uint8_t *oracle_read_file(const char *path, size_t *len);

/* Parse tests/guest/NAME.expect: lines "ADDR WORD [WORD...]" in hex, up to
 * four words, '#' starts a comment; bytes not listed are zero. 0, or -1
 * with the line at fault in why. */
int oracle_load_expect(const char *path, uint8_t want[ORACLE_RESULT_LEN],
		       char *why, size_t whycap);

/* Check a result area: a valid header, and equal to want. 0, or -1 with
 * the first difference (offset, got, want) in why. */
int oracle_check(const uint8_t got[ORACLE_RESULT_LEN],
		 const uint8_t want[ORACLE_RESULT_LEN], char *why, size_t whycap);

/* The programs: every build/guest/NAME.bin, sorted; their count, and
 * the i-th name. */
int oracle_find_programs(void);
const char *oracle_program(int i);

/* Register the CUnit suite "oracle_bare": one test per build/guest/NAME.bin,
 * named NAME, and a test of oracle_store_cmds. */
void suite_oracle_bare(void);
/* The same programs as guests under CP (oracle_cp.c), suite "oracle_cp". */
void suite_oracle_cp(void);

#endif
