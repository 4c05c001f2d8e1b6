/* cmdparse.c: tokens, abbreviations and classes for CP command tables. */
#include "cmdparse.h"
#include "cplib.h"

static char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

int cmd_tokenize(const char *line, struct cmd_line *out)
{
    memset(out, 0, sizeof *out);
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (out->cl_n == CMD_MAXTOK) {
            out->cl_toolong = true;
            break;
        }
        char *t = out->cl_tok[out->cl_n++];
        size_t n = 0;
        for (; *p && *p != ' ' && *p != '\t'; p++) {
            if (n < CMD_TOKLEN)
                t[n++] = upper(*p);
            else
                out->cl_toolong = true;
        }
    }
    return out->cl_n;
}

const struct cmd_entry *cmd_lookup(const struct cmd_entry *tab, size_t n, const char *word)
{
    size_t len = strlen(word);
    for (size_t i = 0; i < n; i++) {
        const struct cmd_entry *e = &tab[i];
        if (len >= e->ce_minlen && len <= strlen(e->ce_name)
            && memcmp(e->ce_name, word, len) == 0)
            return e;
    }
    return NULL;
}

uint32_t cmd_class_bits(const char *letters)
{
    uint32_t bits = 0;
    for (; *letters; letters++) {
        char c = upper(*letters);
        if (c >= 'A' && c <= 'Z')
            bits |= CMD_CLASS(c);
    }
    return bits;
}

bool cmd_allowed(const struct cmd_entry *e, uint32_t classes)
{
    return e->ce_classes == CMD_ANY || (e->ce_classes & classes) != 0;
}

int cmd_msg_rc(const char *text)
{
    for (int i = 0; i < 3; i++)
        if (text[i] < 'A' || text[i] > 'Z')
            return 0;
    int n = 0;
    for (int i = 3; i < 6; i++) {
        if (text[i] < '0' || text[i] > '9')
            return 0;
        n = n * 10 + (text[i] - '0');
    }
    return text[6] == 'E' && (text[7] == ' ' || text[7] == '\0') ? n : 0;
}
