/* pollecho.h: recognising a 3270 client's second copy of a key that CP's
 * own poll caught (pure; host-tested).
 *
 * CP polls a terminal with a Read Modified (trm.c) because Hercules can
 * hold typed input without an attention. When nothing is held, Hercules
 * asks the client for its screen, and reads the next record the client
 * sends. If the user pressed a key in that instant, that record is the
 * key's own (with its AID), and the client's answer to the read comes
 * after it: the same AID and fields again, since the keyboard is still
 * locked on that key. Taken as input, the line is entered twice (an EDIT
 * line filed twice, a Clear that wipes the next command's output).
 *
 * So when a poll's read brings a key, CP remembers what it read; if the
 * very next read brings the same bytes within POLLECHO_MS, it is the
 * client's answer and is dropped. A key a person presses again comes
 * only after CP's reply has unlocked the keyboard and erased the input
 * line, and the answer is always the next record the client sends.
 */
#ifndef CP_POLLECHO_H
#define CP_POLLECHO_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#define POLLECHO_MS 1000u

struct pollecho {
    uint32_t pe_hash;           /* FNV-1a of the poll's bytes */
    uint32_t pe_len;            /* 0: nothing remembered */
    uint64_t pe_until;          /* ms: an answer later than this is not one */
};

/* A poll's read brought a key: remember its bytes at now (ms). */
void pollecho_remember(struct pollecho *pe, const uint8_t *b, size_t n, uint64_t now);
/* Every read: true if it repeats the remembered poll's bytes (drop it).
 * Either way the remembered read is forgotten: only the next one counts. */
bool pollecho_repeat(struct pollecho *pe, const uint8_t *b, size_t n, uint64_t now);

#endif
