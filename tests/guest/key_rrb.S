# key_rrb: reference and change bits of a 2K block: fetch sets R, store
# sets R and C; RESET REFERENCE BIT gives CC = 2*R + C and clears R only;
# ISK in EC mode shows them; the other half of the 4K page is not touched.
# (RRB is not used on a block whose 4K neighbour has R or C on: Hercules
# ORs both halves there; see README.)
	.include "oracle.inc"
	ORACLE_BEGIN
	GOPSW	0x00080000             # EC mode: ISK shows R and C
	LDI	%r3,0x7000
	LDI	%r4,0x7800
	la	%r5,0
	.insn	rr,0x0800,%r5,%r3      # key 0, R 0, C 0
	.insn	rr,0x0800,%r5,%r4
	.insn	s,0xb2130000,0(%r3)    # RRB: CC 0
	PUTCC
	l	%r6,0(%r3)             # sets R
	.insn	s,0xb2130000,0(%r3)    # CC 2
	PUTCC
	.insn	s,0xb2130000,0(%r3)    # CC 0: R was reset
	PUTCC
	st	%r6,0(%r3)             # sets R and C
	sr	%r2,%r2
	.insn	rr,0x0900,%r2,%r3      # 00000006
	PUT	%r2
	.insn	s,0xb2130000,0x10(%r3) # CC 3 (any address in the block)
	PUTCC
	.insn	s,0xb2130000,0(%r3)    # CC 1: C stays
	PUTCC
	.insn	rr,0x0900,%r2,%r3      # 00000002
	PUT	%r2
	.insn	rr,0x0900,%r2,%r4      # other half untouched: 00000000
	PUT	%r2
	la	%r5,0x96               # key 9, R and C set by SSK
	.insn	rr,0x0800,%r5,%r4
	.insn	s,0xb2130000,0(%r4)    # CC 3
	PUTCC
	.insn	rr,0x0900,%r2,%r4      # 00000092
	PUT	%r2
	la	%r5,0
	.insn	rr,0x0800,%r5,%r4
	GOPSW	0x00000000
	ORACLE_END
