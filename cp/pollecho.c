/* pollecho.c: a client's answer to CP's poll, told from a new key (see
 * pollecho.h). A hash and a length stand for the bytes: a terminal's
 * read buffer is 2K, and 64 copies of it for this would be waste. */
#include "pollecho.h"

static uint32_t fnv1a(const uint8_t *b, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}

void pollecho_remember(struct pollecho *pe, const uint8_t *b, size_t n, uint64_t now)
{
    pe->pe_hash = fnv1a(b, n);
    pe->pe_len = (uint32_t)n;
    pe->pe_until = now + POLLECHO_MS;
}

bool pollecho_repeat(struct pollecho *pe, const uint8_t *b, size_t n, uint64_t now)
{
    bool same = pe->pe_len && n == pe->pe_len && now <= pe->pe_until && fnv1a(b, n) == pe->pe_hash;
    pe->pe_len = 0;
    return same;
}
