# lpsw_enable: an LPSW whose new PSW enables a pending interruption lets
# it in before the new PSW's first instruction: the old PSW is the new PSW
# as loaded, with the interruption code. External (a negative CPU timer,
# X'1005') from BC to BC and from EC to EC, and I/O (the ending of a
# console write, held while channel 0 is masked) from BC to BC. The I/O
# case waits with TEST CHANNEL until the channel has the interruption
# pending (CC 1): when the write ends on bare Hercules is up to its device
# thread, and a fixed delay alone made the case a race. Then it waits
# some 10 ms more: Hercules' device thread marks the device pending (what
# TCH sees) a moment before it tells the processors (what an enabling
# LPSW sees), and TCH alone failed 2 of 6 bare runs. Each LPSW comes right
# after an SSM that changes nothing, so that under CP it is the second
# trap in its page (the assembler fast path's case, whose tests for a
# pending interruption this checks).
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
# 3. I/O, BC to BC: the write ends while channel 0 is masked.
	mvc	CSW(8),pat
	la	%r2,ccw1
	st	%r2,CAW
	.insn	s,0x9c000000,9         # SIO X'009'
	PUTCC                          # 0
	SPIN	1000000, ".insn s,0x9f000000,0", 4   # TCH X'000' until CC 1: 1
	LDI	%r2,3000000
7:	bct	%r2,7b
	ssm	m00
	NEWPSW	IO_NEW, 5f
	lpsw	bcio
iogo:	PUTI	0xEEEEEEEE
	b	6f
5:	OLDPSW	IO_OLD, iogo, 0, 0     # 80000009 00000000
6:	NEWPSW	IO_NEW, ox_unx_io
	ORACLE_END

	.align	8
bcext:	.long	0x01000000, bcgo       # BC, external mask on
ecext:	.long	0x01080000, ecgo       # EC, external mask on
bcio:	.long	0x80000000, iogo       # BC, channel 0 mask on
neg:	.long	0xFFFFFFFF,0xFFFFF000
pos:	.long	0x7FFFFFFF,0xFFFFF000
cr0cpt:	.long	0x00000400
zero:	.long	0
pat:	.long	0xEEEEEEEE, 0xEEEEEEEE
ccw1:	CCW	0x09, msg1, 0x00, 5
m00:	.byte	0x00
msg1:	.byte	0xD3,0xD7,0xE2,0xE6,0x40   # C'LPSW '
