# priv_sckc: SET/STORE CLOCK COMPARATOR keep the 64-bit value; both need a
# doubleword operand (X'0006').
	.include "oracle.inc"
	ORACLE_BEGIN
	sckc	v1
	stckc	out
	PUTW	out                    # 12345678
	PUTW	out+4                  # 9ABCD000
	sckc	v2
	stckc	out
	PUTW	out                    # FFFFFFFF
	PUTW	out+4                  # FFFFF000
	la	%r2,out+4
	PGMTRY	"sckc 0(%r2)"
	PGMTRY	"stckc 0(%r2)", 0x00080000
	ORACLE_END
	.align	8
v1:	.long	0x12345678,0x9ABCD000      # bits 52-63 zero: see README
v2:	.long	0xFFFFFFFF,0xFFFFF000
out:	.long	0,0
	.long	0
