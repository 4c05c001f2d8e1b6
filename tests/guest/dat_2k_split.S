# dat_2k_split: 2K pages and 64K segments (CR0 X'00400000') where the two
# halves of a 4K block do not map to one 4K block of real storage: an MVC
# whose operands each cross between such halves, a load that crosses from
# one split page into another, a store into the valid half of a page whose
# other half is invalid; then exceptions in the invalid half (an L, an
# STM that starts there, an MVC whose first operand is there) store the
# address of that half; and a remapped half after PTLB.
#
# Segment table X'2000' (segment 0 valid), page table X'2400' (32 entries,
# V=R but): V X'8800' -> R X'6000', V X'9000' invalid, V X'9800' ->
# R X'6800', V X'A000' -> R X'7800', V X'A800' -> R X'7000'.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r2,0x11111111
	LDI	%r3,0x7FFC
	st	%r2,0(%r3)
	LDI	%r2,0x22222222
	LDI	%r3,0x7000
	st	%r2,0(%r3)
	LDI	%r2,0x33333333
	LDI	%r3,0x6FFC
	st	%r2,0(%r3)
	LDI	%r2,0x44444444
	LDI	%r3,0x7800
	st	%r2,0(%r3)
	STINVALID 0x2000, 16   # segment table: all invalid but 0
	LDI	%r2,0x2000
	mvc	0(4,%r2),ste0
	PTFILL	0x2400, 32, 0, 8 # V=R: 2K PTE = real >> 8
	LDI	%r2,0x2400
	mvc	34(10,%r2),ptes        # pages 17-21
	lctl	0,1,cr01
	LDI	%r3,0x8000
	LDI	%r5,0x9000
	LDI	%r2,0xA000
	LDI	%r6,0x5A5A5A5A
	GOPSW	0x04080000
	mvc	0x7FC(8,%r3),0x7FC(%r2) # both operands cross split halves
	l	%r4,0xFFE(%r5)         # X'9FFE'-X'A001': two split pages
	st	%r6,0x804(%r5)         # X'9804': valid half, the other invalid
	GOPSW	0
	PUT	%r4                    # 33334444
	l	%r0,0x7FC(%r3)
	PUT	%r0                    # R X'87FC': 11111111
	LDI	%r1,0x6000
	l	%r0,0(%r1)
	PUT	%r0                    # R X'6000': 22222222
	l	%r0,0x804(%r1)
	PUT	%r0                    # R X'6804': 5A5A5A5A
	PGMTRY	"l %r4,4(%r5)", 0x04080000
	PUTTEA	pagemask       # 00009000
	PGMTRY	"stm %r0,%r3,0x7F8(%r5)", 0x04080000
	PUTTEA	pagemask       # 00009000
	PGMTRY	"mvc 0(4,%r5),0x800(%r5)", 0x04080000
	PUTTEA	pagemask       # 00009000
	LDI	%r2,0x2400
	mvc	34(2,%r2),pte78        # V X'8800' -> R X'7800' now
	ptlb
	GOPSW	0x04080000
	l	%r4,0x800(%r3)
	GOPSW	0
	PUT	%r4                    # 44444444
	lctl	0,1,zero
	ORACLE_END

	.align	4
cr01:	.long	0x00400000,0x00002000
zero:	.long	0,0
ste0:	.long	0xF0002400             # page-table length 15: 32 entries
pagemask: .long	0x00FFF800
ptes:	.short	0x0060,0x0004,0x0068,0x0078,0x0070
pte78:	.short	0x0078
