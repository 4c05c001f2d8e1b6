/* fmt.c: formatted output into a bounded buffer, for CP messages. */
#include "fmt.h"
#include "cplib.h"

struct out {
    char  *o_buf;
    size_t o_cap, o_len;
};

static void put(struct out *o, char c)
{
    if (o->o_len + 1 < o->o_cap)
        o->o_buf[o->o_len++] = c;
}

static void put_padded(struct out *o, const char *s, size_t n, int width,
                       bool left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;
    if (!left)
        while (fill-- > 0)
            put(o, pad);
    while (n--)
        put(o, *s++);
    if (left)
        while (fill-- > 0)
            put(o, ' ');
}

/* Digits of v in base, most significant first, into a 24-byte scratch. */
static size_t digits(uint64_t v, unsigned base, bool upper, char *tmp)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char rev[24];
    size_t n = 0;
    do {
        rev[n++] = set[v % base];
        v /= base;
    } while (v);
    for (size_t i = 0; i < n; i++)
        tmp[i] = rev[n - 1 - i];
    return n;
}

size_t fmt_v(char *buf, size_t cap, const char *f, va_list ap)
{
    struct out o = { buf, cap, 0 };
    char tmp[24];

    for (; *f; f++) {
        if (*f != '%') {
            put(&o, *f);
            continue;
        }
        f++;
        bool left = false;
        char pad = ' ';
        if (*f == '-') {
            left = true;
            f++;
        } else if (*f == '0') {
            pad = '0';
            f++;
        }
        int width = 0;
        while (*f >= '0' && *f <= '9')
            width = width * 10 + (*f++ - '0');
        int longs = 0;
        while (*f == 'l') {
            longs++;
            f++;
        }
        switch (*f) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            put_padded(&o, s, strlen(s), width, left, ' ');
            break;
        }
        case 'c':
            tmp[0] = (char)va_arg(ap, int);
            put_padded(&o, tmp, 1, width, left, ' ');
            break;
        case 'd': {
            int64_t v = longs >= 2 ? va_arg(ap, int64_t) : va_arg(ap, int);
            bool neg = v < 0;
            uint64_t u = neg ? -(uint64_t)v : (uint64_t)v;
            size_t n = digits(u, 10, false, tmp + 1);
            if (neg) {
                tmp[0] = '-';
                put_padded(&o, tmp, n + 1, width, left, pad == '0' ? ' ' : pad);
            } else {
                put_padded(&o, tmp + 1, n, width, left, pad);
            }
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            uint64_t v = longs >= 2 ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
            size_t n = digits(v, *f == 'u' ? 10 : 16, *f == 'X', tmp);
            put_padded(&o, tmp, n, width, left, pad);
            break;
        }
        case '%':
            put(&o, '%');
            break;
        case '\0':
            f--;            /* a lone '%' at the end: stop cleanly */
            break;
        default:            /* unknown conversion: show it as written */
            put(&o, '%');
            put(&o, *f);
            break;
        }
    }
    if (cap)
        buf[o.o_len] = '\0';
    return o.o_len;
}

size_t fmt(char *buf, size_t cap, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    size_t n = fmt_v(buf, cap, f, ap);
    va_end(ap);
    return n;
}
