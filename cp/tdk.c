/* tdk.c: temporary minidisks (see tdk.h).
 *
 * Every track of a new temporary disk is erased (SET FILE MASK to allow it,
 * SEEK, SEARCH HOME ADDRESS, WRITE R0 with an empty R0, which erases the
 * rest of the track), so
 * nobody ever reads what the previous holder of those cylinders wrote; the
 * new owner FORMATs it as on VM/370.
 */
#include "tdk.h"
#include "cfm.h"
#include "cylmap.h"
#include "mdk.h"
#include "rvl.h"
#include "vm.h"
#include "con.h"
#include "cplib.h"
#include "../dasd/dir.h"
#include "../dasd/volmap.h"

#define TDK_MAX_CYLS 40       /* at most this many cylinders in one DEFINE */

struct tarea {
    struct rvol  *ta_vol;
    struct cylmap ta_map;
};

static struct tarea areas[RVL_MAX];
static int nareas;

void tdk_init(void)
{
    nareas = 0;
    for (int i = 0; i < RVL_MAX; i++) {
        struct rvol *v = rvl_at(i);
        if (!v)
            break;
        int a = v->rv_cyls ? volmap_find_area(&v->rv_map, VOL_AREA_TDSK) : -1;
        if (a < 0)
            continue;
        areas[nareas].ta_vol = v;
        cylmap_init(&areas[nareas].ta_map, (uint16_t)v->rv_map.vm_area[a].va_first,
                    (uint16_t)v->rv_map.vm_area[a].va_count);
        nareas++;
    }
}

/* Erase every track of cyls cylinders from start; 0 or -1. */
static int erase(struct iodev *d, uint16_t start, uint16_t cyls)
{
    static uint8_t seek[6] __attribute__((aligned(8)));
    static uint8_t ha[4] __attribute__((aligned(8)));
    static uint8_t r0[16] __attribute__((aligned(8)));
    static uint8_t mask[1] __attribute__((aligned(8)));
    static struct ccw1 prog[5];
    struct irb irb;
    for (unsigned c = start; c < (unsigned)start + cyls; c++) {
        for (unsigned h = 0; h < VOL_HEADS; h++) {
            memset(seek, 0, sizeof seek);
            seek[2] = (uint8_t)(c >> 8); seek[3] = (uint8_t)c;
            seek[5] = (uint8_t)h;
            memcpy(ha, seek + 2, 4);
            memset(r0, 0, sizeof r0);
            memcpy(r0, ha, 4);          /* count CCHH R0 KL 0 DL 8, then 8 zeros */
            r0[7] = 8;
            mask[0] = 0xC0;             /* file mask: allow every write, R0 too */
            prog[0] = (struct ccw1){ 0x1F, CCW_CC, 1, ios_addr(mask) };
            prog[1] = (struct ccw1){ 0x07, CCW_CC, 6, ios_addr(seek) };
            prog[2] = (struct ccw1){ 0x39, CCW_CC, 4, ios_addr(ha) };
            prog[3] = (struct ccw1){ CMD_TIC, 0, 0, ios_addr(&prog[2]) };
            prog[4] = (struct ccw1){ 0x15, 0, 16, ios_addr(r0) };
            if (ios_sync(d, prog, &irb, 2000) != 0
                || (irb.ir_scsw.sc_dstat & (DS_UC | DS_UX)) || irb.ir_scsw.sc_cstat)
                return -1;
        }
    }
    return 0;
}

void tdk_free(const struct rvol *vol, uint16_t start, uint16_t cyls)
{
    for (int i = 0; i < nareas; i++)
        if (areas[i].ta_vol == vol)
            cylmap_free(&areas[i].ta_map, start, cyls);
}

static bool number(const char *s, uint32_t *v)
{
    uint32_t n = 0;
    if (!s || !*s || strlen(s) > 5)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        n = n * 10 + (uint32_t)(*s - '0');
    }
    *v = n;
    return true;
}

void tdk_cmd_define(struct cmdctx *cx)
{
    struct vmblok *vm = cx->cx_vm;
    const char *a = cfm_arg(cx);
    if (a && strcmp(a, "AS") == 0)
        a = cfm_arg(cx);
    uint32_t vaddr, cyls;
    if (!a || strlen(a) > 4 || !cfm_hex(a, &vaddr)) {
        cfm_reply(cx, "TDK022E VADDR MISSING OR INVALID");
        return;
    }
    a = cfm_arg(cx);
    if (a && strcmp(a, "CYL") == 0)
        a = cfm_arg(cx);
    if (!number(a, &cyls) || cyls == 0 || cyls > TDK_MAX_CYLS) {
        cfm_reply(cx, "TDK023E CYLINDERS MISSING OR INVALID: 1 TO %u", TDK_MAX_CYLS);
        return;
    }
    if (cfm_more(cx)) {
        cfm_invalid(cx, cfm_arg(cx));
        return;
    }
    if (vio_find(vm, (uint16_t)vaddr)) {
        cfm_reply(cx, "TDK024E DEV %03X ALREADY DEFINED", vaddr);
        return;
    }
    for (int i = 0; i < nareas; i++) {
        struct tarea *t = &areas[i];
        int start = cylmap_alloc(&t->ta_map, (uint16_t)cyls);
        if (start < 0)
            continue;
        if (erase(t->ta_vol->rv_dev, (uint16_t)start, (uint16_t)cyls) != 0) {
            con_printf("TDK901W ERASING TEMPORARY DISK SPACE ON %s FAILED", t->ta_vol->rv_volser);
            cylmap_free(&t->ta_map, (uint16_t)start, (uint16_t)cyls);
            cfm_reply(cx, "TDK026E TEMPORARY DISK SPACE COULD NOT BE PREPARED");
            return;
        }
        if (mdk_attach_temp(vm, (uint16_t)vaddr, t->ta_vol, (uint16_t)start, (uint16_t)cyls) != MDK_OK) {
            cylmap_free(&t->ta_map, (uint16_t)start, (uint16_t)cyls);
            cfm_reply(cx, "TDK027E DEV %03X NOT DEFINED: NO ROOM FOR ANOTHER DEVICE", vaddr);
            return;
        }
        cfm_reply(cx, "DASD %03X DEFINED", vaddr);
        return;
    }
    cfm_reply(cx, "TDK025E NO %u CYLINDERS OF TEMPORARY DISK SPACE LEFT", cyls);
}
