# priv_stidp: STORE CPU ID stores 8 bytes at a doubleword (content differs
# between machines and is not recorded); an operand that is not on a
# doubleword boundary is a specification exception (X'0006'), ILC 2.
	.include "oracle.inc"
	ORACLE_BEGIN
	stidp	cpuid
	PUTI	1                      # came through without interruption
	la	%r2,cpuid+4
	PGMTRY	"stidp 0(%r2)"
	PGMTRY	"stidp 0(%r2)", 0x00080000
	ORACLE_END
	.align	8
cpuid:	.long	0,0
