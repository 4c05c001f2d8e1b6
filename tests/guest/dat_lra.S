# dat_lra: LOAD REAL ADDRESS translates with CR0/CR1 whether DAT is on or
# off, in BC and EC mode: CC 0 and the real address; CC 1 and the address
# of the invalid segment-table entry; CC 2 and the address of the invalid
# page-table entry; CC 3 for a segment or page index beyond its table.
# Tables as in dat_4k_64k, built here the same way (4K pages, 64K segments).
	.include "oracle.inc"
	ORACLE_BEGIN
	STINVALID 0x2000, 16
	LDI	%r2,0x2000
	mvc	0(4,%r2),ste0
	mvc	4(4,%r2),ste1
	mvc	12(4,%r2),ste3
	PTFILL	0x2100, 16, 0, 0x10
	LDI	%r2,0x2100
	mvc	16(2,%r2),pte6
	LDI	%r2,0x2140
	mvc	0(2,%r2),pte7
	mvc	2(2,%r2),ptei
	LDI	%r2,0x2180
	mvc	0(2,%r2),pte7
	lctl	0,1,cr01
	LDI	%r3,0x8123             # BC mode, DAT off
	lra	%r4,0(%r3)
	PUTCC                          # 0
	PUT	%r4                    # 00006123
	LDI	%r3,0xFF010ABC         # bits 0-7 of the address are ignored
	lra	%r4,0(%r3)
	PUTCC                          # 0
	PUT	%r4                    # 00007ABC
	GOPSW	0x00080000             # EC, DAT off
	LDI	%r3,0x11000
	lra	%r4,0(%r3)
	PUTCC                          # 2
	PUT	%r4                    # 00002142: the page-table entry
	LDI	%r3,0x20000
	lra	%r4,0(%r3)
	PUTCC                          # 1
	PUT	%r4                    # 00002008: the segment-table entry
	GOPSW	0x04080000             # EC, DAT on
	LDI	%r3,0x31000
	lra	%r4,0(%r3)
	PUTCC                          # 3: page index beyond the table
	LDI	%r3,0x100000
	lra	%r4,0(%r3)
	PUTCC                          # 3: segment index beyond the table
	LDI	%r3,0x3004
	lra	%r4,0(%r3)
	PUTCC                          # 0
	PUT	%r4                    # 00003004: V=R page
	GOPSW	0
	lctl	0,1,zero
	ORACLE_END
	.align	4
cr01:	.long	0x00800000,0x00002000
zero:	.long	0,0
ste0:	.long	0xF0002100
ste1:	.long	0xF0002140
ste3:	.long	0x00002180
pte6:	.short	0x0060
pte7:	.short	0x0070
ptei:	.short	0x0008
