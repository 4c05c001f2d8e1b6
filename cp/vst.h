/* vst.h: a virtual machine's storage. Guest real storage is CP's virtual
 * storage: each guest runs under an ESA/390 segment table CP builds, with
 * 1M segments and 4K pages, and a frame is given to a page the first time
 * the guest (or CP on its behalf) touches it. Storage keys are kept per
 * 2K block, as System/370 had them; the real frame's key follows them. */
#ifndef CP_VST_H
#define CP_VST_H

#include <stdint.h>
#include <stdbool.h>

struct vmblok;

#define VST_MAX_SIZE   (16u << 20)     /* a System/370 addresses 16M */
#define VST_SEG_SHIFT  20
#define VST_PAGE_SHIFT 12
#define VST_KEY_SHIFT  11              /* 2K key blocks */

/* Key byte as ISK stores it: KKKK F R C 0 */
#define VKEY_ACC   0xF0u
#define VKEY_FETCH 0x08u
#define VKEY_REF   0x04u
#define VKEY_CHG   0x02u

/* Build the tables for size bytes (a multiple of 4K, at most 16M).
 * 0, or -1 when CP has no frames left. */
int  vst_create(struct vmblok *vm, uint32_t size);
/* Give every frame back (LOGOFF, DEFINE STORAGE). */
void vst_destroy(struct vmblok *vm);
/* Zero every page and key (SYSTEM CLEAR): pages are simply released. */
void vst_clear(struct vmblok *vm);
/* Give back the frames of the pages from first to last (4K multiples);
 * they read as zeros when next touched. The caller makes sure no I/O is
 * under way into them (vm_pins). */
void vst_release(struct vmblok *vm, uint32_t first, uint32_t last);
/* CR1 value (primary segment-table designation) for running the guest. */
uint32_t vst_std(const struct vmblok *vm);

/* Host-real address of guest real address ga, giving the page a frame if
 * it has none. NULL when ga is beyond the guest's storage or no frame is
 * left. The pointer is good to the end of ga's page. */
uint8_t *vst_ptr(struct vmblok *vm, uint32_t ga);
/* A translation exception on the guest's behalf at ga: 0 when the page is
 * now mapped (retry the instruction), -1 when the machine waits for its
 * page-in (vm_pgwait; it retries when that ends), else the
 * program-interruption code to reflect (addressing exception). */
int vst_fault(struct vmblok *vm, uint32_t ga);

/* For paging (pag.c). Page ga is now in frame: a valid entry, the frame's
 * key from the page's virtual keys; the frame table learns its slot. */
void vst_map(struct vmblok *vm, uint32_t ga, uint32_t frame, uint32_t slot);
/* Resident page ga leaves its frame; its entry keeps slot (0: none). */
void vst_unmap(struct vmblok *vm, uint32_t ga, uint32_t slot);
/* The slot an invalid entry holds. */
void vst_set_slot(struct vmblok *vm, uint32_t ga, uint32_t slot);
/* Fold the frame's reference and change bits into the page's virtual keys
 * (before CP resets them in the frame). */
void vst_fold_rc(struct vmblok *vm, uint32_t ga);
bool vst_resident_page(struct vmblok *vm, uint32_t ga);
/* The frame that holds resident page ga (for the shadow tables), else 0. */
uint32_t vst_frame(struct vmblok *vm, uint32_t ga);

/* Copy to/from guest real storage; 0, or 5 (addressing exception) when
 * any byte is outside the guest's storage. Crosses pages. */
int vst_read(struct vmblok *vm, uint32_t ga, void *buf, uint32_t len);
int vst_write(struct vmblok *vm, uint32_t ga, const void *buf, uint32_t len);
int vst_read_u32(struct vmblok *vm, uint32_t ga, uint32_t *v);
int vst_write_u32(struct vmblok *vm, uint32_t ga, uint32_t v);

/* Storage keys of the 2K block holding ga (ga checked by the caller). */
uint8_t vst_key_get(struct vmblok *vm, uint32_t ga);
void    vst_key_set(struct vmblok *vm, uint32_t ga, uint8_t key);
/* Reset the reference bit; returns the R and C bits it had (VKEY_REF|VKEY_CHG). */
uint8_t vst_key_rrb(struct vmblok *vm, uint32_t ga);

/* Pages with a frame now (for QUERY and accounting). */
uint32_t vst_resident(const struct vmblok *vm);

#endif
