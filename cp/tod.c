/* tod.c: calendar conversion of TOD clock values. */
#include "tod.h"
#include "fmt.h"

static const char *const weekday_names[7] = {
    "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
};

static const uint8_t month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

void tod_to_tm(uint64_t tod, struct tod_tm *tm)
{
    uint64_t secs = (tod >> 12) / 1000000u;
    uint32_t days = (uint32_t)(secs / 86400u);
    uint32_t rest = (uint32_t)(secs % 86400u);

    tm->tm_hour = (int)(rest / 3600);
    tm->tm_min  = (int)(rest / 60 % 60);
    tm->tm_sec  = (int)(rest % 60);
    tm->tm_wday = (int)((days + 1) % 7);     /* 1900-01-01 was a Monday */

    int y = 1900;
    for (;;) {
        uint32_t ylen = is_leap(y) ? 366 : 365;
        if (days < ylen)
            break;
        days -= ylen;
        y++;
    }
    int m = 0;
    for (;;) {
        uint32_t mlen = month_days[m] + (m == 1 && is_leap(y));
        if (days < mlen)
            break;
        days -= mlen;
        m++;
    }
    tm->tm_year = y;
    tm->tm_mon  = m + 1;
    tm->tm_mday = (int)days + 1;
}

const char *tod_weekday(int wday)
{
    return (wday >= 0 && wday < 7) ? weekday_names[wday] : "?";
}

size_t tod_fmt_time(char *buf, size_t cap, const struct tod_tm *tm)
{
    return fmt(buf, cap, "%02d:%02d:%02d", tm->tm_hour, tm->tm_min, tm->tm_sec);
}

size_t tod_fmt_date(char *buf, size_t cap, const struct tod_tm *tm)
{
    return fmt(buf, cap, "%02d/%02d/%02d", tm->tm_mon, tm->tm_mday, tm->tm_year % 100);
}

size_t tod_fmt_stamp(char *buf, size_t cap, uint64_t tod)
{
    struct tod_tm tm;
    tod_to_tm(tod, &tm);
    return fmt(buf, cap, "%02d:%02d:%02d UTC %s %02d/%02d/%02d",
               tm.tm_hour, tm.tm_min, tm.tm_sec, tod_weekday(tm.tm_wday),
               tm.tm_mon, tm.tm_mday, tm.tm_year % 100);
}

size_t tod_fmt_elapsed(char *buf, size_t cap, uint64_t delta)
{
    uint32_t secs = (uint32_t)((delta >> 12) / 1000000u);
    return fmt(buf, cap, "%02u:%02u:%02u", secs / 3600, secs / 60 % 60, secs % 60);
}

size_t tod_fmt_cpu(char *buf, size_t cap, uint64_t tod)
{
    uint64_t hund = (tod >> 12) / 10000u;
    return fmt(buf, cap, "%03u:%02u.%02u", (unsigned)(hund / 6000), (unsigned)(hund / 100 % 60),
               (unsigned)(hund % 100));
}
