# dat_4k_1m_rc: 4K pages and 1M segments (CR0 X'00900000'): accesses
# through DAT set the reference and change bits of the real blocks they
# reach (ISK, RRB with DAT off); LRA of a valid page, of a page beyond the
# page-table length (CC 3) and of an invalid page (CC 2, the entry's
# address); page- and segment-translation exceptions; PTLB.
#
# Segment table X'2000': segment 0 -> page table X'2400' (256 entries,
# V=R but V X'8000' -> R X'6000', V X'9000' -> R X'7000'); segment 1 ->
# X'2800' (16 entries: V X'100000' -> R X'5000', the rest invalid).
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r2,0x66666666
	LDI	%r3,0x6000
	st	%r2,0(%r3)
	LDI	%r2,0x77777777
	LDI	%r3,0x7000
	st	%r2,0(%r3)
	LDI	%r2,0x55555555
	LDI	%r3,0x5000
	st	%r2,0(%r3)
	STINVALID 0x2000, 16   # segment table: all invalid
	LDI	%r2,0x2000
	mvc	0(8,%r2),ste01
	PTFILL	0x2400, 256, 0, 0x10 # segment 0: V=R, PTE = page << 4
	LDI	%r2,0x2400
	mvc	16(4,%r2),pte67        # pages 8 and 9
	PTFILL	0x2800, 16, 8, 0 # segment 1: invalid but page 0
	LDI	%r2,0x2800
	mvc	0(2,%r2),pte5
	GOPSW	0x00080000             # EC mode: ISK shows R and C
	la	%r5,0                  # key 0, R and C off
	LDI	%r3,0x5000
	.insn	rr,0x0800,%r5,%r3
	LDI	%r3,0x6000
	.insn	rr,0x0800,%r5,%r3
	LDI	%r3,0x7000
	.insn	rr,0x0800,%r5,%r3
	lctl	0,1,cr01
	LDI	%r3,0x8000
	LDI	%r6,0x9000
	LDI	%r7,0x100000
	LDI	%r8,0x5A5A5A5A
	GOPSW	0x04080000             # DAT on
	l	%r4,0(%r3)             # fetch from R X'6000'
	st	%r8,0(%r6)             # store into R X'7000'
	l	%r9,0(%r7)             # fetch from R X'5000'
	GOPSW	0x00080000             # DAT off
	PUT	%r4                    # 66666666
	PUT	%r9                    # 55555555
	LDI	%r3,0x7000
	l	%r0,0(%r3)
	PUT	%r0                    # 5A5A5A5A
	LDI	%r3,0x6000
	bal	%r14,putrc             # 00000004: R
	LDI	%r3,0x7000
	bal	%r14,putrc             # 00000006: R and C
	LDI	%r3,0x5000
	bal	%r14,putrc             # 00000004: R
	LDI	%r3,0x7000
	.insn	s,0xb2130000,0(%r3)    # RRB: CC 3
	PUTCC
	bal	%r14,putrc             # 00000002: C stays
	LDI	%r3,0x9010
	lra	%r6,0(%r3)
	PUTCC                          # 0
	PUT	%r6                    # 00007010
	LDI	%r3,0x110000
	lra	%r6,0(%r3)
	PUTCC                          # 3: beyond the page table
	LDI	%r3,0x101000
	lra	%r6,0(%r3)
	PUTCC                          # 2: invalid page
	PUT	%r6                    # 00002802: its entry
	LDI	%r3,0x110000
	PGMTRY	"l %r4,0(%r3)", 0x04080000
	PUTTEA	pagemask       # 00110000
	LDI	%r3,0x200000
	PGMTRY	"l %r4,0(%r3)", 0x04080000
	PUTTEA	pagemask       # 00200000
	LDI	%r2,0x2400
	mvc	16(2,%r2),pte7         # V X'8000' -> R X'7000' now
	ptlb
	LDI	%r3,0x8000
	GOPSW	0x04080000
	l	%r4,0(%r3)
	GOPSW	0x00080000
	PUT	%r4                    # 5A5A5A5A
	lctl	0,1,zero
	ORACLE_END

# Append the R and C bits of the block at R3 (ISK, EC mode).
putrc:	sr	%r2,%r2
	.insn	rr,0x0900,%r2,%r3
	la	%r0,6
	nr	%r2,%r0
	PUT	%r2
	br	%r14

	.align	4
cr01:	.long	0x00900000,0x00002000
zero:	.long	0,0
ste01:	.long	0xF0002400,0x00002800  # 256 entries; 16 entries
pagemask: .long	0x00FFF000
pte67:	.short	0x0060,0x0070
pte5:	.short	0x0050
pte7:	.short	0x0070
