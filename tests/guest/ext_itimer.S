# ext_itimer: the interval timer at X'50' decreases; going negative makes an
# external interruption request (code X'0080', CR0 bit 24) that stays
# pending while the CPU is disabled (PSW bit 7 or the CR0 bit) and is taken
# right after the instruction that enables it. BC and EC mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,cr0it
	mvc	ITIMER(4),big
	SPIN	20000000, "clc ITIMER(4),big", 4    # 1: it decreased
	mvc	ITIMER(4),small
	SPIN	50000000, "tm ITIMER,0x80", 1       # 1: negative (while disabled)
	EXTTRY	"ssm m01"              # 01000080 00000000
	lctl	0,0,zero               # subclass masked
	mvc	ITIMER(4),small
	SPIN	50000000, "tm ITIMER,0x80", 1
	ssm	m01                    # enabled in the PSW only: held
	la	%r2,1000
1:	bct	%r2,1b
	PUTI	1
	EXTTRY	"lctl 0,0,cr0it"       # 01000080 00000000
	mvc	ITIMER(4),small
	GOPSW	0x00080000             # EC mode, disabled
	SPIN	50000000, "tm ITIMER,0x80", 1
	EXTTRY	"stosm w,0x01"         # 01080000 00000000 00000080
	lctl	0,0,zero
	ORACLE_END
	.align	4
cr0it:	.long	0x00000080
zero:	.long	0
big:	.long	0x00F00000
small:	.long	0x00000100             # 1/300 s
w:	.long	0
m01:	.byte	0x01
