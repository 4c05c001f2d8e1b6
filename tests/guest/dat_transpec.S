# dat_transpec: an invalid translation format in CR0 (page size bits 8-9
# 00 or 11, segment size bits 11-12 01 or 11) is a translation-
# specification exception (X'0012') when an address is translated, by LRA
# or with DAT on; with DAT off nothing else notices.
	.include "oracle.inc"
	ORACLE_BEGIN
	STINVALID 0x2000, 16   # one valid segment, V=R page table
	LDI	%r2,0x2000
	mvc	0(4,%r2),ste0
	PTFILL	0x2100, 16, 0, 0x10
	lctl	0,1,bad1               # page-size bits 00
	l	%r5,0x400              # DAT off: fine
	PUTI	1
	PGMTRY	"lra %r4,0x400"          # ILC 2
	lctl	0,1,bad2               # page-size bits 11
	PGMTRY	"lra %r4,0x400", 0x00080000
	lctl	0,1,bad3               # segment-size bits 01
	PGMTRY	"lra %r4,0x400"
	lctl	0,1,good
	lra	%r4,0x404
	PUTCC                          # 0
	PUT	%r4                    # 00000404
	lctl	0,1,zero
	ORACLE_END
	.align	4
bad1:	.long	0x00000000,0x00002000
bad2:	.long	0x00C00000,0x00002000
bad3:	.long	0x00880000,0x00002000
good:	.long	0x00800000,0x00002000
zero:	.long	0,0
ste0:	.long	0xF0002100
