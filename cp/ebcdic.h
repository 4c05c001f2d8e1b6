/* ebcdic.h: ASCII <-> EBCDIC (code page 037) for CP, CMS and the host tools.
 *
 * CP and CMS keep their C strings in ASCII (the compiler's character set) and
 * translate at the boundary: console and 3270 buffers, labels and file names
 * on disk. The tables are checked against glibc's iconv IBM037 by a unit test.
 */
#ifndef CP_EBCDIC_H
#define CP_EBCDIC_H

#include <stdint.h>
#include <stddef.h>

extern const uint8_t ebc_from_ascii_tab[256];
extern const uint8_t ebc_to_ascii_tab[256];

/* Translate n bytes; dst and src may be the same buffer. */
void ebc_from_ascii(uint8_t *dst, const char *src, size_t n);
void ebc_to_ascii(char *dst, const uint8_t *src, size_t n);

#endif
