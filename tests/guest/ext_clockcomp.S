# ext_clockcomp: a clock comparator below the TOD clock is an external
# interruption request (X'1004', CR0 bit 20) for as long as it stays below;
# it waits while disabled and comes right after the enabling instruction;
# one set 2 ms ahead fires while the CPU spins enabled.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,cr0cc
	sckc	past
	GOPSW	0x00080000             # EC, disabled
	EXTTRY	"stosm w,0x01"         # 01080000 00000000 00001004
	sckc	never
	lctl	0,0,zero
	sckc	past
	GOPSW	0x01080000             # enabled in the PSW, subclass masked
	la	%r2,1000
1:	bct	%r2,1b
	GOPSW	0x01080000
	PUTI	1
	EXTTRY	"lctl 0,0,cr0cc"       # 01080000 00000000 00001004
	sckc	past                   # BC mode, disabled
	EXTTRY	"ssm m01"              # 01001004 00000000
	sckc	never
	stck	t                      # now + 2 ms
	lm	%r2,%r3,t
	al	%r3,ms2+4
	bc	12,2f                  # no carry
	la	%r2,1(%r2)
2:	stm	%r2,%r3,t
	sckc	t
	NEWPSW	EXT_NEW, 3f
	GOPSW	0x01080000
	SPIN	50000000, "ltr %r0,%r0", 0
	PUTI	0xEEEEEEEE
	b	4f
3:	sr	%r0,%r0
	icm	%r0,3,EXT_CODE+2
	PUT	%r0                    # 00001004
	stck	now
	clc	now(8),t               # the clock has passed the comparator
	PUTCC                          # 2
	NEWPSW	EXT_NEW, ox_unx_ext
4:	sckc	never
	lctl	0,0,zero
	ORACLE_END
	.align	8
past:	.long	0,0
never:	.long	0xFFFFFFFF,0xFFFFF000
ms2:	.long	0x00000000,0x007D0000
t:	.long	0,0
now:	.long	0,0
cr0cc:	.long	0x00000800
zero:	.long	0
w:	.long	0
m01:	.byte	0x01
