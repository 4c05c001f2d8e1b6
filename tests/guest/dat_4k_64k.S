# dat_4k_64k: DAT with 4K pages and 64K segments (CR0 X'00800000'): a
# remapped page reads and writes its frame; an invalid page-table entry or
# a page index beyond the table length is a page-translation exception
# (X'0011'), an invalid segment-table entry or a segment index beyond the
# table length a segment-translation exception (X'0010'); both nullify
# (old PSW at the instruction) and store the virtual address at X'90'
# (recorded to its page). A changed entry takes effect after PTLB.
#
# Tables (real): segment table X'2000', 16 entries (CR1 length 0);
# page tables X'2100' (segment 0: V=R but page 8 -> X'6000'),
# X'2140' (segment 1: page 0 -> X'7000', rest invalid),
# X'2180' (segment 3, length 1 entry: page 0 -> X'7000').
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r2,0x66666666
	LDI	%r3,0x6000
	st	%r2,0(%r3)
	LDI	%r2,0x77777777
	LDI	%r3,0x7000
	st	%r2,0(%r3)
	bal	%r14,build
	lctl	0,1,cr01
	GOPSW	0x04080000             # EC, DAT on
	LDI	%r3,0x8000
	l	%r4,0(%r3)             # 66666666 from real X'6000'
	LDI	%r5,0x5A5A5A5A
	st	%r5,4(%r3)             # into real X'6004'
	LDI	%r3,0x10000
	l	%r6,0(%r3)             # 77777777 from real X'7000'
	GOPSW	0
	PUT	%r4
	PUT	%r6
	PUTW	0x6004-0x6000(%r12)    # 5A5A5A5A (R12 = X'6000')
	LDI	%r3,0x11000            # segment 1, page 1: invalid PTE
	PGMTRY	"l %r4,0(%r3)", 0x04080000
	PUTTEA	pagemask       # 00011000
	LDI	%r3,0x20000            # segment 2: invalid STE
	PGMTRY	"l %r4,0(%r3)", 0x04080000
	PUTTEA	pagemask       # 00020000
	LDI	%r3,0x31000            # segment 3, page 1: beyond length
	PGMTRY	"st %r4,0(%r3)", 0x04080000
	PUTTEA	pagemask       # 00031000
	LDI	%r3,0x100000           # segment 16: beyond the table
	PGMTRY	"mvc 0(4,%r3),0(%r13)", 0x04080000
	PUTTEA	pagemask       # 00100000
	LDI	%r3,0x2110             # page 8 -> X'7000' now
	mvc	0(2,%r3),pte7
	ptlb
	GOPSW	0x04080000
	LDI	%r3,0x8000
	l	%r4,0(%r3)             # 77777777
	GOPSW	0
	PUT	%r4
	lctl	0,1,zero
	ORACLE_END

# Build the tables; R12 = X'6000' on return.
build:	STINVALID 0x2000, 16   # segment table: all invalid
	LDI	%r2,0x2000
	mvc	0(4,%r2),ste0
	mvc	4(4,%r2),ste1
	mvc	12(4,%r2),ste3
	PTFILL	0x2100, 16, 0, 0x10 # segment 0: V=R, PTE = frame >> 8
	LDI	%r2,0x2100
	mvc	16(2,%r2),pte6         # page 8 -> X'6000'
	PTFILL	0x2140, 16, 8, 0 # segment 1: invalid but page 0; I bit (12)
	LDI	%r2,0x2140
	mvc	0(2,%r2),pte7
	LDI	%r2,0x2180
	mvc	0(2,%r2),pte7
	mvc	2(2,%r2),pte6          # beyond the length: never used
	LDI	%r12,0x6000
	br	%r14
	.align	4
cr01:	.long	0x00800000,0x00002000
zero:	.long	0,0
ste0:	.long	0xF0002100             # length 15: 16 entries
ste1:	.long	0xF0002140
ste3:	.long	0x00002180             # length 0: 1 entry
pagemask: .long	0x00FFF000
pte6:	.short	0x0060
pte7:	.short	0x0070
