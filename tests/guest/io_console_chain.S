# io_console_chain: chaining in console channel programs; each program is
# started with SIO (CC 0) and ended with TIO (CC 1, CSW stored).
# Command chaining of two writes and a TIC between two writes: the CSW
# names the last CCW. Data chaining joins two buffers into one line; the
# command code of the data-chained CCW is ignored, even X'00'.
# Programming errors found on command chaining, after a NOP: a count of 0,
# a command code X'00' and a TIC to a TIC are program checks; the CSW names
# the invalid CCW (the second TIC), and since the chain ends at the
# initiation of the new operation channel end and device end are off.
# The count is unpredictable after a program check and is not kept.
	.include "oracle.inc"

# SIO X'009' of the channel program at ccw (CAW key 0); append the CC.
	.macro	START ccw
	la	%r2,\ccw
	st	%r2,CAW
	.insn	s,0x9c000000,9         # SIO X'009'
	PUTCC
	.endm

# TIO X'009' until the CC is not 2 (operation under way); append the CC.
	.macro	TIOWAIT
	LDI	%r9,20000000
.Lt\@:	.insn	s,0x9d000000,9         # TIO X'009'
	bc	13,.Lu\@               # CC 0, 1 or 3
	bct	%r9,.Lt\@
.Lu\@:	PUTCC
	.endm

# Append the CSW: word 0 less the address of ccw (key and last CCW + 8 -
# ccw), word 1 ANDed with the word at mask; then the pattern goes back.
	.macro	PUTCSW ccw, mask=all
	l	%r0,CSW
	la	%r1,\ccw
	sr	%r0,%r1
	PUT	%r0
	l	%r0,CSW+4
	n	%r0,\mask
	PUT	%r0
	mvc	CSW(8),pat
	.endm

# Start the program at ccw, wait for its end, append CC, CC and the CSW
# relative to the CCW at last.
	.macro	RUN ccw, last, mask=all
	START	\ccw
	TIOWAIT
	PUTCSW	\last, \mask
	.endm

	ORACLE_BEGIN
	mvc	CSW(8),pat
	RUN	cc1, cc1+8             # 0 1 00000008 0C000000
	RUN	dc1, dc1+8             # 0 1 00000008 0C000000
	RUN	dc2, dc2+8             # 0 1 00000008 0C000000
	RUN	tic1, tic3             # 0 1 00000008 0C000000
	RUN	zc1, zc1+8, status     # 0 1 00000008 00200000
	RUN	op1, op1+8, status     # 0 1 00000008 00200000
	RUN	tt1, tt3, status       # 0 1 00000008 00200000
	ORACLE_END

	.align	8
pat:	.long	0xEEEEEEEE, 0xEEEEEEEE
# Command chaining: two lines.
cc1:	CCW	0x09, msg1, 0x40, 4
	CCW	0x09, msg2, 0x00, 4
# Data chaining: one line from two buffers; the second CCW's command code
# is X'09', then X'00'.
dc1:	CCW	0x09, msg3, 0x80, 4
	CCW	0x09, msg4, 0x00, 2
dc2:	CCW	0x09, msg3, 0x80, 4
	CCW	0x00, msg5, 0x00, 2
# A TIC in a command chain.
tic1:	CCW	0x09, msg6, 0x40, 4
	CCW	0x08, tic3, 0x00, 0
	CCW	0x09, msg8, 0x00, 4    # (skipped)
tic3:	CCW	0x09, msg7, 0x00, 4
# Count 0 on command chaining.
zc1:	CCW	0x03, 0, 0x60, 1       # NOP, command chaining, SLI
	CCW	0x09, msg8, 0x00, 0
# Command code X'00' on command chaining.
op1:	CCW	0x03, 0, 0x60, 1
	CCW	0x00, msg8, 0x00, 4
# A TIC to a TIC.
tt1:	CCW	0x03, 0, 0x60, 1
	CCW	0x08, tt3, 0x00, 0
tt3:	CCW	0x08, tt1, 0x00, 0
all:	.long	0xFFFFFFFF
status:	.long	0xFFFF0000             # unit and channel status, no count
msg1:	.byte	0xC3,0xC3,0x40,0xF1   # C'CC 1'
msg2:	.byte	0xC3,0xC3,0x40,0xF2   # C'CC 2'
msg3:	.byte	0xC4,0xC3,0x40,0xF1   # C'DC 1'
msg4:	.byte	0xC1,0xC2             # C'AB'
msg5:	.byte	0xC3,0xC4             # C'CD'
msg6:	.byte	0xE3,0xC9,0xC3,0xF1   # C'TIC1'
msg7:	.byte	0xE3,0xC9,0xC3,0xF2   # C'TIC2'
msg8:	.byte	0xE7,0xE7,0xE7,0xE7   # C'XXXX' (never written)
