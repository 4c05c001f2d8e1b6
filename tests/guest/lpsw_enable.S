# lpsw_enable: an LPSW whose new PSW enables a pending interruption lets
# it in before the new PSW's first instruction: the old PSW is the new PSW
# as loaded, with the interruption code. External (a negative CPU timer,
# X'1005') from BC to BC and from EC to EC. (Not I/O: when a console
# write's ending is pending on bare Hercules depends on its device
# thread, so a test of it here would be a race.) Each LPSW
# comes right after an SSM that changes nothing, so that under CP it is
# the second trap in its page (the assembler fast path's case, whose test
# for a pending interruption this checks).
	.include "oracle.inc"

	ORACLE_BEGIN
# 1. External, BC to BC.
	lctl	0,0,cr0cpt
	spt	neg                    # pending while disabled
	ssm	m00
	NEWPSW	EXT_NEW, 1f
	lpsw	bcext
bcgo:	PUTI	0xEEEEEEEE             # not reached: the interruption comes first
	b	2f
1:	OLDPSW	EXT_OLD, bcgo, EXT_CODE, 0   # 01001005 00000000
2:	NEWPSW	EXT_NEW, ox_unx_ext
	spt	pos
# 2. External, EC to EC.
	GOPSW	0x00080000             # EC, disabled
	spt	neg
	ssm	m00
	NEWPSW	EXT_NEW, 3f
	lpsw	ecext
ecgo:	PUTI	0xEEEEEEEE
	b	4f
3:	OLDPSW	EXT_OLD, ecgo, EXT_CODE, 0   # 01080000 00000000 00001005
4:	NEWPSW	EXT_NEW, ox_unx_ext
	spt	pos
	lctl	0,0,zero
	ORACLE_END

	.align	8
bcext:	.long	0x01000000, bcgo       # BC, external mask on
ecext:	.long	0x01080000, ecgo       # EC, external mask on
neg:	.long	0xFFFFFFFF,0xFFFFF000
pos:	.long	0x7FFFFFFF,0xFFFFF000
cr0cpt:	.long	0x00000400
zero:	.long	0
m00:	.byte	0x00
