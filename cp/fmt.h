/* fmt.h: a small snprintf for CP messages (pure; host-tested).
 * Conversions: %s %c %d %u %x %X %% with optional '-' or '0' flag and a width;
 * an 'l' is accepted and ignored, "ll" takes a 64-bit argument. */
#ifndef CP_FMT_H
#define CP_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* Like vsnprintf: always NUL-terminates when cap > 0; returns the length
 * written (output that does not fit is dropped, never overruns). */
size_t fmt_v(char *buf, size_t cap, const char *f, va_list ap);
size_t fmt(char *buf, size_t cap, const char *f, ...)
    __attribute__((format(printf, 3, 4)));

#endif
