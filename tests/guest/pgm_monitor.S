# pgm_monitor: MONITOR CALL is a monitor event (X'0040') when the class's
# mask bit in CR8 (bits 16-31) is one: class at X'94', code (the operand
# address) at X'9C'; with the bit zero nothing happens; a class above 15 is
# a specification exception (X'0006'). Class and code are checked in EC
# mode only: Hercules stores them only then (see README).
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	8,8,cr8                # classes 2 and 15
	mc	0x123,3                # class 3 masked off: no event
	PUTI	1
	xc	MON_CLASS(4),MON_CLASS
	xc	MON_CODE(4),MON_CODE
	la	%r2,0x400
	PGMTRY	"mc 0x56(%r2),2"         # BC: ILC 2, completed
	PGMTRY	"mc 0xABC,15", 0x00080000
	PUTW	MON_CLASS              # 000F0000
	PUTW	MON_CODE               # 00000ABC
	PGMTRY	"mc 0,16"
	lctl	8,8,zero
	ORACLE_END
	.align	4
cr8:	.long	0x00002001
zero:	.long	0
