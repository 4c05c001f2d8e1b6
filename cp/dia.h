/* dia.h: DIAGNOSE handlers, by family; the code table is in dia.c. Each
 * takes the Rx and Ry register numbers and returns PRV_DONE or a program
 * interruption code (prv.h). */
#ifndef CP_DIA_H
#define CP_DIA_H

struct vmblok;

int dia_cpcmd(struct vmblok *vm, unsigned rx, unsigned ry);     /* X'08' diacmd.c */
int dia_dasdio(struct vmblok *vm, unsigned rx, unsigned ry);    /* X'18' diaio.c */
int dia_genio(struct vmblok *vm, unsigned rx, unsigned ry);     /* X'20' diaio.c */
int dia_devtype(struct vmblok *vm, unsigned rx, unsigned ry);   /* X'24' diaio.c */
int dia_console(struct vmblok *vm, unsigned rx, unsigned ry);   /* X'58' diaio.c */

#endif
