/* frm.h: real page frames. Everything above the nucleus is frames: guest
 * pages, DAT tables, and CP's own control blocks. */
#ifndef CP_FRM_H
#define CP_FRM_H

#include <stdint.h>

#define FRAME_SIZE 4096u

/* Hand every frame from the end of the nucleus to the end of storage to
 * the free list. */
void  frm_init(uint32_t storage_size);
/* A zeroed frame, or NULL when none is left. */
void *frm_alloc(void);
void  frm_free(void *frame);
uint32_t frm_free_count(void);
uint32_t frm_total(void);

#endif
