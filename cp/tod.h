/* tod.h: TOD clock values to calendar time (pure; host-tested).
 * The TOD clock counts from 1900-01-01 00:00:00 UTC; bit 51 is one
 * microsecond, so the value shifted right 12 is microseconds (PoP, "TOD clock"). */
#ifndef CP_TOD_H
#define CP_TOD_H

#include <stdint.h>
#include <stddef.h>

struct tod_tm {
    int tm_year;     /* e.g. 2026 */
    int tm_mon;      /* 1-12 */
    int tm_mday;     /* 1-31 */
    int tm_hour, tm_min, tm_sec;
    int tm_wday;     /* 0 = Sunday */
};

#define TOD_PER_SEC  (1000000ull << 12)

void tod_to_tm(uint64_t tod, struct tod_tm *tm);
const char *tod_weekday(int wday);          /* "MONDAY" ... */
/* "hh:mm:ss" */
size_t tod_fmt_time(char *buf, size_t cap, const struct tod_tm *tm);
/* "mm/dd/yy", VM/370's date form */
size_t tod_fmt_date(char *buf, size_t cap, const struct tod_tm *tm);
/* "hh:mm:ss UTC WEEKDAY mm/dd/yy", as CP's time stamps read */
size_t tod_fmt_stamp(char *buf, size_t cap, uint64_t tod);
/* Elapsed TOD units as "hh:mm:ss" */
size_t tod_fmt_elapsed(char *buf, size_t cap, uint64_t delta);

/* CPU time in TOD units as "mmm:ss.hh", VM/370's form for VIRTCPU and TOTCPU */
size_t tod_fmt_cpu(char *buf, size_t cap, uint64_t tod);

#endif
