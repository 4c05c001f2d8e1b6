# pgm_data: invalid decimal digits or signs are data exceptions (X'0007'),
# operation terminated: AP with a bad digit, AP with a bad sign, CVB with a
# bad sign; ILC 3, 3, 2.
	.include "oracle.inc"
	ORACLE_BEGIN
	PGMTRY	"ap p1(2),bad(2)"
	PGMTRY	"ap p1(2),nosign(2)"
	PGMTRY	"cvb %r2,dnosign"
	PGMTRY	"zap p1(2),bad(2)", 0x00080000
	ORACLE_END
p1:	.byte	0x01,0x2C
bad:	.byte	0x0A,0x1C              # digit A
nosign:	.byte	0x01,0x23              # sign 3
	.align	8
dnosign: .long	0,0x00000123
