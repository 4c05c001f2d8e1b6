# dat_2k_1m: DAT with 2K pages and 1M segments (CR0 X'00500000'): the two
# 2K halves of a 4K frame map separately; an invalid page (X'0011') and
# an invalid segment (X'0010') nullify and store the address at X'90'.
#
# Segment table X'2000' (16 entries, segment 0 valid); page table X'2400'
# for segment 0 with length 1 (32 entries, 64K): V=R, but virtual X'8800'
# -> real X'6000' and virtual X'9000' invalid.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r2,0x66666666
	LDI	%r3,0x6000
	st	%r2,0(%r3)
	LDI	%r2,0x88888888
	LDI	%r3,0x8000
	st	%r2,0(%r3)
	STINVALID 0x2000, 16
	LDI	%r2,0x2000
	mvc	0(4,%r2),ste0
	PTFILL	0x2400, 32, 0, 8 # 2K PTE: bits 0-12 = frame >> 8
	LDI	%r2,0x2400
	mvc	34(2,%r2),pte6         # page 17 (X'8800') -> X'6000'
	mvc	36(2,%r2),ptei         # page 18 (X'9000') invalid
	lctl	0,1,cr01
	GOPSW	0x04080000
	LDI	%r3,0x8000
	l	%r4,0(%r3)             # 88888888: first half is V=R
	l	%r5,0x800(%r3)         # 66666666: second half from X'6000'
	GOPSW	0
	PUT	%r4
	PUT	%r5
	LDI	%r3,0x9004
	PGMTRY	"l %r4,0(%r3)", 0x04080000
	PUTTEA	pagemask       # 00009000
	LDI	%r3,0x100000           # segment 1: invalid
	PGMTRY	"l %r4,0(%r3)", 0x04080000
	PUTTEA	pagemask       # 00100000
	lra	%r6,0x7FC(%r3)         # DAT off, CR1 in force: CC 1
	PUTCC
	LDI	%r3,0x8800
	lra	%r6,0x10(%r3)
	PUTCC                          # 0
	PUT	%r6                    # 00006010
	lctl	0,1,zero
	ORACLE_END
	.align	4
cr01:	.long	0x00500000,0x00002000
zero:	.long	0,0
ste0:	.long	0x10002400             # page-table length 1: 32 entries
pagemask: .long	0x00FFF800
pte6:	.short	0x0060
ptei:	.short	0x0004                 # I bit (bit 13)
