/* cmdparse.h: command-line tokens and command tables with VM/370-style
 * minimum abbreviations and privilege classes (pure; host-tested). */
#ifndef CP_CMDPARSE_H
#define CP_CMDPARSE_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define CMD_MAXTOK  16
#define CMD_TOKLEN  32

struct cmd_line {
    int  cl_n;                           /* tokens found (at most CMD_MAXTOK) */
    bool cl_toolong;                     /* a token or the count was cut short */
    char cl_tok[CMD_MAXTOK][CMD_TOKLEN + 1];
};

struct cmdctx;
struct vmblok;
struct trm;
typedef void (*cmd_fn)(struct cmdctx *cx);

/* One row of a command table. A word matches when it is a prefix of
 * ce_name at least ce_minlen long. ce_classes: one bit per privilege
 * class letter (CMD_CLASS('A') ...); 0 means any user, even before LOGON. */
struct cmd_entry {
    const char *ce_name;
    uint8_t     ce_minlen;
    uint32_t    ce_classes;
    cmd_fn      ce_fn;
    uint8_t     ce_flags;                 /* CMD_F_* */
};

#define CMD_F_VM     0x01     /* needs a virtual machine: not from the operator console */
#define CMD_F_NOVM   0x02     /* only before LOGON (LOGON itself) */

/* What a command handler works on. */
struct cmdctx {
    const char      *cx_user;             /* issuing user, "OPERATOR" on the console */
    uint32_t         cx_classes;          /* the issuer's privilege classes */
    struct cmd_line  cx_line;             /* the tokens, upper case */
    int              cx_arg;              /* index of the next unparsed token */
    void           (*cx_reply)(struct cmdctx *cx, const char *text);
    struct vmblok   *cx_vm;               /* the issuer's virtual machine, if any */
    struct trm      *cx_trm;              /* the issuer's terminal, if any */
    int              cx_rc;               /* the command's return code (cmd_msg_rc) */
    /* Where replies go when the guest asked for them in a buffer
     * (DIAGNOSE X'08'); NULL: the user's console. */
    void           (*cx_sink)(void *ctx, const char *text);
    void            *cx_sinkctx;
};

#define CMD_CLASS(c)   (1u << ((c) - 'A'))
#define CMD_ANY        0u
#define CMD_CLASSES_AG 0x7Fu      /* every class from A to G */

/* Split at blanks, upper-case. Returns the token count. */
int cmd_tokenize(const char *line, struct cmd_line *out);
/* Match word against table; NULL when nothing matches. */
const struct cmd_entry *cmd_lookup(const struct cmd_entry *tab, size_t n, const char *word);
/* "ABCG" -> class bits; letters outside A-Z are ignored. */
uint32_t cmd_class_bits(const char *letters);
/* The return code a message stands for, as VM/370 gave a DIAGNOSE X'08'
 * caller: nnn of an error message "PPPnnnE ...", else 0. */
int cmd_msg_rc(const char *text);
/* May a user with these classes issue the command? */
bool cmd_allowed(const struct cmd_entry *e, uint32_t classes);

#endif
