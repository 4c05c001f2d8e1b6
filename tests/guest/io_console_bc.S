# io_console_bc: START I/O of a write to the console X'009' (channel 0)
# and its I/O interruption in BC mode. SIO sets CC 0 (a write is not an
# immediate operation); the interruption waits while PSW bit 0 (the mask
# of channel 0) is off, however many other channels are enabled, and is
# taken in an enabled wait: the BC old PSW at X'38' carries the device
# address X'0009' as interruption code and keeps the wait bit, key, CC and
# program mask; the CSW at X'40' has the CAW's key, the address of the last
# CCW + 8, channel end and device end, residual count 0. TEST I/O after
# the interruption is CC 0 and stores nothing. Writes X'09' (write, carriage
# return) with CAW key 0 and X'01' (write) with CAW key X'E'.
	.include "oracle.inc"

# SIO X'009' of the channel program at ccw with CAW key key; append the CC.
	.macro	START ccw, key=0
	la	%r2,\ccw
	st	%r2,CAW
	.if	\key
	mvi	CAW,\key << 4
	.endif
	.insn	s,0x9c000000,9         # SIO X'009'
	PUTCC
	.endm

# Append the CSW: word 0 less the address of ccw (key and last CCW + 8 -
# ccw), word 1 as is; then put the pattern back at X'40'.
	.macro	PUTCSW ccw
	l	%r0,CSW
	la	%r1,\ccw
	sr	%r0,%r1
	PUT	%r0
	PUTW	CSW+4
	mvc	CSW(8),pat
	.endm

	ORACLE_BEGIN
	mvc	CSW(8),pat
# 1. X'09', CAW key 0. Held while only channels 1-5 and 6 up are enabled.
	START	ccw1                   # 0
	ssm	m7E
	LDI	%r2,200000
1:	bct	%r2,1b
	ssm	m00
	la	%r0,1
	PUT	%r0                    # 1: no interruption while masked
	NEWPSW	IO_NEW, 2f
	lpsw	wait1                  # channel 0 enabled, wait
2:	OLDPSW	IO_OLD, w1, 0, 0       # 80020009 00000000
	PUTCSW	ccw1                   # 00000008 0C000000
	.insn	s,0x9d000000,9         # TIO X'009': available
	PUTCC                          # 0
	PUTW	CSW                    # EEEEEEEE: nothing stored
	PUTW	CSW+4
# 2. X'01', CAW key X'E'; the wait PSW has key 3, CC 2, program mask F.
	START	ccw2, 0xE              # 0
	NEWPSW	IO_NEW, 3f
	lpsw	wait2
3:	OLDPSW	IO_OLD, w2, 0, 0       # 80320009 2F000000
	PUTCSW	ccw2                   # E0000008 0C000000
	.insn	s,0x9d000000,9
	PUTCC                          # 0
	NEWPSW	IO_NEW, ox_unx_io
	ORACLE_END

	.align	8
wait1:	.long	0x80020000, w1         # BC, channel 0 mask, wait
wait2:	.long	0x80320000, 0x2F000000 + w2   # key 3; CC 2, program mask F
pat:	.long	0xEEEEEEEE, 0xEEEEEEEE
ccw1:	CCW	0x09, msg1, 0x00, 5
ccw2:	CCW	0x01, msg2, 0x00, 5
w1:	.long	0                      # addresses of the wait PSWs (not run)
w2:	.long	0
m7E:	.byte	0x7E                   # channels 1-5, channels 6 and up
m00:	.byte	0x00
msg1:	.byte	0xC2,0xC3,0x40,0xF0,0xF9   # C'BC 09'
msg2:	.byte	0xC2,0xC3,0x40,0xF0,0xF1   # C'BC 01'
