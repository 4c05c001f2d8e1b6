# pgm_fixed_divide: fixed-point divide (X'0009'): DR by zero and D with a
# quotient too large are suppressed (registers unchanged); CVB of a value
# beyond 31 bits completes with the low-order bits stored.
	.include "oracle.inc"
	ORACLE_BEGIN
	sr	%r2,%r2
	la	%r3,100
	sr	%r4,%r4
	PGMTRY	"dr %r2,%r4"             # ILC 1
	PUT	%r3                    # 00000064: unchanged
	LDI	%r2,0x40000000         # dividend 2**62: quotient too large
	sr	%r3,%r3
	PGMTRY	"d %r2,two"              # ILC 2
	PUT	%r2                    # 40000000: unchanged
	PGMTRY	"cvb %r6,big"            # 3000000000: too big
	PUT	%r6                    # B2D05E00 (3000000000 mod 2**32)
	sr	%r2,%r2
	PGMTRY	"dr %r2,%r4", 0x00080000
	ORACLE_END
	.align	8
two:	.long	2
	.align	8
big:	.long	0x00000300,0x0000000C  # +3000000000
