# ext_cputimer: a negative CPU timer is an external interruption request
# (X'1005', CR0 bit 21) for as long as it is negative; it waits while the
# CPU is disabled by PSW bit 7 or by the CR0 bit and comes right after the
# enabling instruction. EC and BC mode; a small positive timer runs out.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,cr0cpt
	GOPSW	0x00080000             # EC, disabled
	spt	neg
	EXTTRY	"stosm w,0x01"         # 01080000 00000000 00001005
	spt	pos
	lctl	0,0,zero
	GOPSW	0x01080000             # EC, enabled; subclass masked
	spt	neg
	la	%r2,1000
1:	bct	%r2,1b
	GOPSW	0x01080000
	PUTI	1                      # still here
	EXTTRY	"lctl 0,0,cr0cpt"      # 01080000 00000000 00001005
	spt	pos
	spt	neg                    # BC mode, disabled
	EXTTRY	"ssm m01"              # 01001005 00000000
	spt	pos
	spt	ms2                    # 2 ms to run, enabled
	NEWPSW	EXT_NEW, 2f
	GOPSW	0x01080000
	SPIN	50000000, "ltr %r0,%r0", 0           # (never true)
	PUTI	0xEEEEEEEE             # not reached
	b	3f
2:	sr	%r0,%r0
	icm	%r0,3,EXT_CODE+2
	PUT	%r0                    # 00001005
	NEWPSW	EXT_NEW, ox_unx_ext
3:	spt	pos
	lctl	0,0,zero
	ORACLE_END
	.align	8
neg:	.long	0xFFFFFFFF,0xFFFFF000
pos:	.long	0x7FFFFFFF,0xFFFFF000
ms2:	.long	0x00000000,0x007D0000  # 2000 microseconds
cr0cpt:	.long	0x00000400
zero:	.long	0
w:	.long	0
m01:	.byte	0x01
