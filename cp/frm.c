/* frm.c: the real frame allocator: a free list threaded through the free
 * frames themselves. CP runs disabled on one CPU, so no lock yet
 * ([Storage and scheduling] adds the second CPU). */
#include "frm.h"
#include "cplib.h"

extern char __nucleus_end[];

static void   *free_head;
static uint32_t nfree, ntotal;

void frm_init(uint32_t storage_size)
{
    uintptr_t first = ((uintptr_t)__nucleus_end + FRAME_SIZE - 1) & ~(uintptr_t)(FRAME_SIZE - 1);
    free_head = NULL;
    nfree = ntotal = 0;
    /* Thread from the top down so low frames are handed out first. */
    for (uintptr_t a = storage_size - FRAME_SIZE; a >= first; a -= FRAME_SIZE) {
        *(void **)a = free_head;
        free_head = (void *)a;
        nfree++;
    }
    ntotal = nfree;
}

void *frm_alloc(void)
{
    void *f = free_head;
    if (!f)
        return NULL;
    free_head = *(void **)f;
    nfree--;
    memset(f, 0, FRAME_SIZE);
    return f;
}

void frm_free(void *frame)
{
    if (!frame)
        return;
    *(void **)frame = free_head;
    free_head = frame;
    nfree++;
}

uint32_t frm_free_count(void) { return nfree; }
uint32_t frm_total(void) { return ntotal; }
