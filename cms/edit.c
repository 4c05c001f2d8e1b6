/* edit.c: the line editor's logic (see edit.h). */
#include "edit.h"
#ifdef CP_HOST
#include <string.h>
#include <stdio.h>
#define fmt snprintf
#else
#include "../cp/cplib.h"
#include "../cp/fmt.h"
#endif

void ed_init(struct ed *e, void (*out)(void *ctx, const char *text), void *ctx)
{
    e->n = e->cur = 0;
    e->used = 0;
    e->changed = false;
    e->out = out;
    e->ctx = ctx;
}

static void say(struct ed *e, const char *text)
{
    e->out(e->ctx, text);
}

/* A copy of text in the arena; NULL when it is full. Old copies are not
 * reclaimed: an edit session's changes fit easily. */
static char *keep(struct ed *e, const char *text, size_t len)
{
    if (len > ED_WIDTH)
        len = ED_WIDTH;
    while (len && text[len - 1] == ' ')
        len--;
    if (e->used + len + 1 > ED_ARENA)
        return NULL;
    char *p = e->arena + e->used;
    memcpy(p, text, len);
    p[len] = '\0';
    e->used += len + 1;
    return p;
}

static bool insert_after(struct ed *e, uint32_t at, const char *text, size_t len)
{
    if (e->n == ED_MAXLINES)
        return false;
    char *p = keep(e, text, len);
    if (!p)
        return false;
    for (uint32_t i = e->n; i > at; i--)
        e->line[i + 1] = e->line[i];
    e->line[at + 1] = p;
    e->n++;
    return true;
}

bool ed_load(struct ed *e, const char *text, size_t len)
{
    return insert_after(e, e->n, text, len);
}

static void show_current(struct ed *e)
{
    if (e->cur == 0)
        say(e, "TOF:");
    else if (e->cur > e->n)
        say(e, "EOF:");
    else
        say(e, e->line[e->cur]);
}

bool ed_input(struct ed *e, const char *text)
{
    uint32_t at = e->cur > e->n ? e->n : e->cur;
    if (!insert_after(e, at, text, strlen(text))) {
        say(e, "DMSEDI132S FILE TOO LARGE: NO MORE LINES FIT");
        return false;
    }
    e->cur = at + 1;
    e->changed = true;
    return true;
}

/* The subcommand table: name, shortest abbreviation. */
enum { C_TOP, C_BOTTOM, C_NEXT, C_UP, C_LOCATE, C_CHANGE, C_INPUT, C_DELETE,
       C_REPLACE, C_TYPE, C_FILE, C_SAVE, C_QUIT, C_COUNT };
static const struct { const char *name; size_t min; } subs[C_COUNT] = {
    [C_TOP] = { "TOP", 3 },     [C_BOTTOM] = { "BOTTOM", 1 }, [C_NEXT] = { "NEXT", 1 },
    [C_UP] = { "UP", 1 },       [C_LOCATE] = { "LOCATE", 1 }, [C_CHANGE] = { "CHANGE", 1 },
    [C_INPUT] = { "INPUT", 1 }, [C_DELETE] = { "DELETE", 2 }, [C_REPLACE] = { "REPLACE", 1 },
    [C_TYPE] = { "TYPE", 1 },   [C_FILE] = { "FILE", 4 },     [C_SAVE] = { "SAVE", 4 },
    [C_QUIT] = { "QUIT", 4 },
};

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

static int lookup(const char *w, size_t len)
{
    for (int i = 0; i < C_COUNT; i++) {
        if (len < subs[i].min || len > strlen(subs[i].name))
            continue;
        size_t k = 0;
        while (k < len && upper(w[k]) == subs[i].name[k])
            k++;
        if (k == len)
            return i;
    }
    return -1;
}

/* A count operand: n, '*' (to the end), or none (1). -1 if malformed. */
static long count_of(const char *s, uint32_t star)
{
    while (*s == ' ')
        s++;
    if (!*s)
        return 1;
    if (*s == '*' && !s[1])
        return (long)star;
    long n = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        n = n * 10 + (*s - '0');
    while (*s == ' ')
        s++;
    return *s ? -1 : n;
}

static const char *find(const char *hay, const char *needle)
{
    size_t nl = strlen(needle);
    if (!nl)
        return hay;
    for (; *hay; hay++)
        if (strncmp(hay, needle, nl) == 0)
            return hay;
    return NULL;
}

static void locate(struct ed *e, const char *s)
{
    char target[ED_WIDTH + 1];
    while (*s == ' ')
        s++;
    char delim = *s ? *s++ : '/';
    size_t n = 0;
    while (*s && *s != delim && n < ED_WIDTH)
        target[n++] = *s++;
    target[n] = '\0';
    for (uint32_t i = e->cur + 1; i <= e->n; i++) {
        if (find(e->line[i], target)) {
            e->cur = i;
            show_current(e);
            return;
        }
    }
    e->cur = e->n + 1;
    say(e, "DMSEDI546E TARGET NOT FOUND");
    show_current(e);
}

/* CHANGE /old/new/ [n|*] [*]: in n lines from the current one, the first
 * (or with the last *, every) old becomes new. */
static void change(struct ed *e, const char *s)
{
    char from[ED_WIDTH + 1], to[ED_WIDTH + 1], buf[2 * ED_WIDTH + 1];
    while (*s == ' ')
        s++;
    if (!*s) {
        say(e, "DMSEDI545E MISSING OPERAND");
        return;
    }
    char delim = *s++;
    size_t nf = 0, nt = 0;
    while (*s && *s != delim && nf < ED_WIDTH)
        from[nf++] = *s++;
    from[nf] = '\0';
    if (*s == delim)
        s++;
    while (*s && *s != delim && nt < ED_WIDTH)
        to[nt++] = *s++;
    to[nt] = '\0';
    if (*s == delim)
        s++;
    while (*s == ' ')
        s++;
    bool all = false;
    char cnt[16] = "";
    size_t k = 0;
    while (*s && *s != ' ' && k + 1 < sizeof cnt)
        cnt[k++] = *s++;
    cnt[k] = '\0';
    while (*s == ' ')
        s++;
    if (*s == '*' || upper(*s) == 'G')
        all = true;
    if (e->cur == 0 || e->cur > e->n) {
        say(e, "DMSEDI585E NO LINE(S) CHANGED");
        return;
    }
    long lines = count_of(cnt, e->n - e->cur + 1);
    if (lines < 0) {
        say(e, "DMSEDI543E INVALID NUMBER");
        return;
    }
    uint32_t changed = 0, last = e->cur;
    for (uint32_t i = e->cur; i <= e->n && i < e->cur + (uint32_t)lines; i++) {
        const char *src = e->line[i];
        size_t o = 0;
        bool hit = false;
        const char *p;
        while ((p = find(src, from)) != NULL && !(hit && !all)) {
            size_t pre = (size_t)(p - src);
            if (o + pre + nt >= sizeof buf)
                break;
            memcpy(buf + o, src, pre);
            o += pre;
            memcpy(buf + o, to, nt);
            o += nt;
            src = p + nf;
            hit = true;
            if (!nf)
                break;
        }
        if (!hit)
            continue;
        size_t rest = strlen(src);
        if (o + rest >= sizeof buf)
            rest = sizeof buf - 1 - o;
        memcpy(buf + o, src, rest);
        o += rest;
        char *nl = keep(e, buf, o);
        if (!nl) {
            say(e, "DMSEDI132S FILE TOO LARGE");
            break;
        }
        e->line[i] = nl;
        changed++;
        last = i;
        say(e, nl);
    }
    if (!changed) {
        say(e, "DMSEDI585E NO LINE(S) CHANGED");
        return;
    }
    e->cur = last;
    e->changed = true;
}

enum ed_result ed_command(struct ed *e, const char *cmd)
{
    while (*cmd == ' ')
        cmd++;
    if (*cmd == '/') {                          /* /string: LOCATE */
        locate(e, cmd);
        return ED_GO_ON;
    }
    size_t wl = 0;
    while (cmd[wl] && cmd[wl] != ' ' && cmd[wl] != '/')
        wl++;
    const char *arg = cmd + wl;
    int c = wl ? lookup(cmd, wl) : -1;
    long n;
    switch (c) {
    case C_TOP:
        e->cur = 0;
        show_current(e);
        break;
    case C_BOTTOM:
        e->cur = e->n;
        show_current(e);
        break;
    case C_NEXT:
        if ((n = count_of(arg, e->n + 1)) < 0) {
            say(e, "DMSEDI543E INVALID NUMBER");
            break;
        }
        e->cur = e->cur + (uint32_t)n > e->n ? e->n + 1 : e->cur + (uint32_t)n;
        show_current(e);
        break;
    case C_UP:
        if ((n = count_of(arg, e->cur)) < 0) {
            say(e, "DMSEDI543E INVALID NUMBER");
            break;
        }
        e->cur = (uint32_t)n >= e->cur ? 0 : e->cur - (uint32_t)n;
        if (e->cur > e->n)
            e->cur = e->n;
        show_current(e);
        break;
    case C_LOCATE:
        locate(e, arg);
        break;
    case C_CHANGE:
        change(e, arg);
        break;
    case C_INPUT:
        if (*arg == ' ')
            arg++;
        if (*arg) {
            ed_input(e, arg);
            break;
        }
        return ED_INPUT;
    case C_DELETE: {
        if (e->cur == 0 || e->cur > e->n) {
            say(e, "DMSEDI585E NO LINE(S) DELETED");
            break;
        }
        if ((n = count_of(arg, e->n - e->cur + 1)) < 0) {
            say(e, "DMSEDI543E INVALID NUMBER");
            break;
        }
        uint32_t k = (uint32_t)n > e->n - e->cur + 1 ? e->n - e->cur + 1 : (uint32_t)n;
        for (uint32_t i = e->cur; i + k <= e->n; i++)
            e->line[i] = e->line[i + k];
        e->n -= k;
        e->changed = k > 0;
        if (e->cur > e->n)
            e->cur = e->n + 1;
        show_current(e);
        break;
    }
    case C_REPLACE:
        if (e->cur == 0 || e->cur > e->n) {
            say(e, "DMSEDI585E NO LINE(S) REPLACED");
            break;
        }
        if (*arg == ' ')
            arg++;
        if (!*arg) {
            /* REPLACE alone: the current line goes and input mode takes its place. */
            for (uint32_t i = e->cur; i < e->n; i++)
                e->line[i] = e->line[i + 1];
            e->n--;
            e->cur--;
            e->changed = true;
            return ED_INPUT;
        }
        {
            char *p = keep(e, arg, strlen(arg));
            if (!p) {
                say(e, "DMSEDI132S FILE TOO LARGE");
                break;
            }
            e->line[e->cur] = p;
            e->changed = true;
        }
        break;
    case C_TYPE: {
        if ((n = count_of(arg, e->n + 1)) < 0) {
            say(e, "DMSEDI543E INVALID NUMBER");
            break;
        }
        uint32_t i = e->cur;
        if (i == 0) {
            say(e, "TOF:");
            i = 1;
            n--;
        }
        for (; n > 0 && i <= e->n; n--, i++)
            say(e, e->line[i]);
        e->cur = i - 1 > e->n ? e->n : i - 1;
        if (n > 0) {
            e->cur = e->n + 1;
            say(e, "EOF:");
        }
        break;
    }
    case C_FILE:
        return ED_FILE;
    case C_SAVE:
        return ED_SAVE;
    case C_QUIT:
        return ED_QUIT;
    default: {
        char msg[80], word[41];
        size_t k = wl > 40 ? 40 : wl;
        memcpy(word, cmd, k);
        word[k] = '\0';
        fmt(msg, sizeof msg, "DMSEDI529E INVALID SUBCOMMAND: %s", word);
        say(e, msg);
        break;
    }
    }
    return ED_GO_ON;
}
