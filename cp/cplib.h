/* cplib.h: the few C library functions that CP's pure logic may use.
 *
 * Host builds (CP_HOST defined: unit tests, host tools) take them from libc;
 * the freestanding nucleus gets them from cp/lib.c. Code that includes this
 * must include nothing else but <stdint.h>, <stddef.h>, <stdbool.h> and
 * project headers, so the same file compiles for both.
 */
#ifndef CP_CPLIB_H
#define CP_CPLIB_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#ifdef CP_HOST
#include <string.h>
#else
void  *memcpy(void *dst, const void *src, size_t n);
void  *memmove(void *dst, const void *src, size_t n);
void  *memset(void *dst, int c, size_t n);
int    memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int    strcmp(const char *a, const char *b);
int    strncmp(const char *a, const char *b, size_t n);
#endif

#endif
