# io_console_ec: the console write and its I/O interruption in EC mode.
# SIO and TIO work the same in EC mode. The interruption needs both PSW
# bit 6 (I/O mask) and the channel's bit in CR2: with CR2 bit 0 off it
# waits. Taken in an enabled wait, the EC old PSW at X'38' keeps mask,
# key, wait bit, CC and program mask; the device address X'0009' goes to
# X'BA'-X'BB'; the CSW at X'40' is as in BC mode. With command chaining of
# two writes the CSW names the second CCW (its address + 8).
	.include "oracle.inc"

# SIO X'009' of the channel program at ccw (CAW key 0); append the CC.
	.macro	START ccw
	la	%r2,\ccw
	st	%r2,CAW
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

# After an I/O interruption: the halfword at X'BA' as a word, for OLDPSW.
	.macro	IOADDR
	sr	%r0,%r0
	icm	%r0,3,0xBA
	st	%r0,ioaddr
	.endm

	ORACLE_BEGIN
	mvc	CSW(8),pat
	lctl	2,2,cr2off             # channel 0 masked in CR2
	GOPSW	0x00080000             # EC, disabled
# 1. X'09': held while CR2 bit 0 is off, then taken in an enabled wait.
	START	ccw1                   # 0
	ssm	m02                    # PSW I/O mask on
	LDI	%r2,200000
1:	bct	%r2,1b
	ssm	m00
	la	%r0,1
	PUT	%r0                    # 1: no interruption while CR2 masks it
	lctl	2,2,cr2on
	NEWPSW	IO_NEW, 2f, 0x00080000
	lpsw	wait1
2:	IOADDR
	OLDPSW	IO_OLD, w1, ioaddr, 0  # 020A0000 00000000 00000009
	PUTCSW	ccw1                   # 00000008 0C000000
	.insn	s,0x9d000000,9         # TIO X'009': available
	PUTCC                          # 0
	PUTW	CSW                    # EEEEEEEE: nothing stored
	PUTW	CSW+4
# 2. Two writes chained by command; wait PSW with key 5, CC 1, mask A.
	START	ccw2                   # 0
	NEWPSW	IO_NEW, 3f, 0x00080000
	lpsw	wait2
3:	IOADDR
	OLDPSW	IO_OLD, w2, ioaddr, 0  # 025A1A00 00000000 00000009
	PUTCSW	ccw2+8                 # 00000008 0C000000
	.insn	s,0x9d000000,9
	PUTCC                          # 0
	NEWPSW	IO_NEW, ox_unx_io
	GOPSW	0
	ORACLE_END

	.align	8
wait1:	.long	0x020A0000, w1         # EC, I/O mask, wait
wait2:	.long	0x025A1A00, w2         # key 5, CC 1, program mask A
pat:	.long	0xEEEEEEEE, 0xEEEEEEEE
ccw1:	CCW	0x09, msg1, 0x00, 5
ccw2:	CCW	0x09, msg2, 0x40, 6    # command chaining
	CCW	0x09, msg3, 0x00, 6
cr2off:	.long	0x7FFFFFFF
cr2on:	.long	0xFFFFFFFF
ioaddr:	.long	0
w1:	.long	0                      # addresses of the wait PSWs (not run)
w2:	.long	0
m02:	.byte	0x02                   # EC: I/O mask
m00:	.byte	0x00
msg1:	.byte	0xC5,0xC3,0x40,0xF0,0xF9        # C'EC 09'
msg2:	.byte	0xC5,0xC3,0x40,0xC3,0xC3,0xF1   # C'EC CC1'
msg3:	.byte	0xC5,0xC3,0x40,0xC3,0xC3,0xF2   # C'EC CC2'
