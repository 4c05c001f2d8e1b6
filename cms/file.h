/* file.h: file identifiers as CMS commands take them ("fn ft fm", with
 * '*' for any name or mode and '=' for the same as the source), and the
 * messages every file command shares. */
#ifndef CMS_FILE_H
#define CMS_FILE_H

#include <stdbool.h>
#include "disk.h"

struct fileid {
    char fn[9], ft[9];
    char mode;          /* 'A'-'Z', or '*' */
    char num;           /* '0'-'6', or 0: not given */
};

/* VM/370's return codes for file commands. */
#define RC_BADID     20     /* invalid character in fileid */
#define RC_INCOMPL   24     /* incomplete fileid, or invalid option */
#define RC_NOTFOUND  28
#define RC_DISKFULL  13
#define RC_NODISK    36     /* disk not accessed, or read-only */
#define RC_IOERR     100

/* Parse tokens tok[0..n-1] into id: fn and ft are required when need is
 * 2, else default to '*'; the mode defaults to def ('*' or 'A'). 0, or
 * the return code after the message (prefix names the command's module,
 * e.g. "DMSLST"). */
int fileid_parse(struct fileid *id, char tok[][33], int n, int need, char def, const char *prefix);
/* Does name match pattern ('*' alone matches anything)? */
bool fileid_match(const char *pattern, const char *name);
/* "FN FT A1" for messages. */
void fileid_text(char *out, size_t cap, const char *fn, const char *ft, char mode, char num);

#endif
