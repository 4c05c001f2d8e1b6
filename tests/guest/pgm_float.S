# pgm_float: hexadecimal floating point: exponent overflow (X'000C'),
# exponent underflow (X'000D', only with mask bit 38), significance
# (X'000E', only with mask bit 39), floating-point divide (X'000F').
	.include "oracle.inc"
	ORACLE_BEGIN
	le	%f0,huge
	PGMTRY	"me %f0,huge"            # ILC 2
	le	%f2,tiny
	me	%f2,tiny               # mask off: true zero, CC 0
	PUTCC                          # 0
	ste	%f2,out
	PUTW	out                    # 00000000
	le	%f2,tiny
	PGMTRY	"me %f2,tiny", 0, 0x02
	le	%f4,one
	se	%f4,one                # mask off: true zero, CC 0
	PUTCC
	ste	%f4,out
	PUTW	out                    # 00000000
	le	%f4,one
	PGMTRY	"se %f4,one", 0, 0x01
	le	%f6,one
	PGMTRY	"de %f6,zero"
	le	%f2,zero
	PGMTRY	"der %f6,%f2", 0x00080000   # EC mode, ILC 1
	ORACLE_END
	.align	4
huge:	.long	0x7F100000             # 16**63 / 16
tiny:	.long	0x01100000             # 16**-63 / 16
one:	.long	0x41100000
zero:	.long	0
out:	.long	0
