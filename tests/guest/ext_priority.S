# ext_priority: with clock comparator and CPU timer both pending, the clock
# comparator (X'1004') is taken first; once its condition is removed the
# CPU timer (X'1005') follows at the next enabling.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,cr0both
	sckc	past
	spt	neg
	GOPSW	0x00080000
	EXTTRY	"stosm w,0x01"         # 01080000 00000000 00001004
	sckc	never
	GOPSW	0x00080000
	EXTTRY	"stosm w,0x01"         # 01080000 00000000 00001005
	spt	pos
	GOPSW	0x01080000             # nothing left pending
	la	%r2,1000
1:	bct	%r2,1b
	GOPSW	0
	PUTI	1
	lctl	0,0,zero
	ORACLE_END
	.align	8
past:	.long	0,0
never:	.long	0xFFFFFFFF,0xFFFFF000
neg:	.long	0xFFFFFFFF,0xFFFFF000
pos:	.long	0x7FFFFFFF,0xFFFFF000
cr0both: .long	0x00000C00
zero:	.long	0
w:	.long	0
