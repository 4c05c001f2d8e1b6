# pgm_decimal: decimal overflow (X'000A') interrupts only with program-mask
# bit 37, the operation completing with CC 3; decimal divide (X'000B') for a
# zero divisor or a quotient too large, suppressed. ILC 3.
	.include "oracle.inc"
	ORACLE_BEGIN
	zap	acc(2),n999(2)
	ap	acc(2),n1(1)           # mask off: 999+1 overflows 3 digits
	PUTCC                          # 3
	PUTW	acc-2                  # 0000000C: result 000+, truncated
	zap	acc(2),n999(2)
	PGMTRY	"ap acc(2),n1(1)", 0, 0x04
	PUTW	acc-2                  # 0000000C
	zap	dd(4),n999(2)
	PGMTRY	"dp dd(4),n0(1)"         # divisor zero
	PUTW	dd                     # 0000999C: unchanged
	zap	dd(4),n9999999(4)
	PGMTRY	"dp dd(4),n1(1)"         # quotient 9999999 does not fit 3 bytes
	PUTW	dd                     # 9999999C: unchanged
	zap	acc(2),n999(2)
	PGMTRY	"ap acc(2),n1(1)", 0x00080400
	ORACLE_END
	.align	4
	.short	0
acc:	.byte	0,0
dd:	.long	0
n9999999: .byte	0x99,0x99,0x99,0x9C
n999:	.byte	0x99,0x9C
n1:	.byte	0x1C
n0:	.byte	0x0C
