# io_console_tio: TEST I/O, TEST CHANNEL, SENSE and the console's command
# reject, all with the CPU disabled for I/O. While the operation runs TIO
# is CC 2; once its interruption condition is pending TIO is CC 1 with the
# whole CSW stored and the condition cleared: a second TIO is CC 0 and
# stores nothing, and enabling channel 0 then brings no interruption.
# TCH of channel 0 is CC 0, of the absent channel X'0F' CC 3.
# An invalid command (X'FF', after a NOP chained by command) is rejected:
# unit check, CSW naming the rejected CCW with its original count; SENSE
# (1 byte) then gives X'80' (command reject). SENSE with count 2 moves
# the console's one byte: residual count 1; with SLI no incorrect length,
# without it incorrect length, which also stops command chaining. A NOP
# at the end of a command chain: residual count = its count.
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

	ORACLE_BEGIN
	mvc	CSW(8),pat
# 1. A write; TIO takes its pending interruption condition.
	START	ccw1                   # 0
	TIOWAIT                        # 1: CSW stored
	PUTCSW	ccw1                   # 00000008 0C000000
	.insn	s,0x9d000000,9         # TIO again
	PUTCC                          # 0
	PUTW	CSW                    # EEEEEEEE: nothing stored
	PUTW	CSW+4
	.insn	s,0x9f000000,0         # TCH 0
	PUTCC                          # 0
	.insn	s,0x9f000000,0xF00     # TCH X'0F'
	PUTCC                          # 3
	ssm	m80                    # channel 0 enabled: nothing is pending
	LDI	%r2,100000
1:	bct	%r2,1b
	ssm	m00
	la	%r0,1
	PUT	%r0                    # 1: no interruption came
# 2. NOP chained to X'FF': command reject.
	START	ccw2                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw2+8, notcede        # 00000008 02000005: unit check, count 5
# 3. SENSE, 1 byte: command reject.
	START	ccw3                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw3                   # 00000008 0C000000
	PUTW	sense1                 # 80EEEEEE
# 4. A write (the sense byte is now reset), then SENSE with count 2 and SLI.
	START	ccw4                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw4                   # 00000008 0C000000
	START	ccw5                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw5                   # 00000008 0C000001: no incorrect length
	PUTW	sense2                 # 00EEEEEE
# 5. SENSE with count 2 without SLI, chained to a write that is not done.
	START	ccw6                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw6                   # 00000008 0C400001: incorrect length
	PUTW	sense3                 # 00EEEEEE
# 6. A write chained to a NOP (count 7, SLI).
	START	ccw7                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw7+8                 # 00000008 0C000007
	ORACLE_END

	.align	8
pat:	.long	0xEEEEEEEE, 0xEEEEEEEE
ccw1:	CCW	0x09, msg1, 0x00, 6
ccw2:	CCW	0x03, 0, 0x60, 1       # NOP, command chaining, SLI
	CCW	0xFF, msg1, 0x20, 5    # invalid for the console; SLI
ccw3:	CCW	0x04, sense1, 0x00, 1  # SENSE
ccw4:	CCW	0x09, msg2, 0x00, 6
ccw5:	CCW	0x04, sense2, 0x20, 2  # SENSE, SLI
ccw6:	CCW	0x04, sense3, 0x40, 2  # SENSE, command chaining
	CCW	0x09, msg3, 0x00, 6    # (suppressed)
ccw7:	CCW	0x09, msg4, 0x40, 6
	CCW	0x03, 0, 0x20, 7       # NOP, SLI
all:	.long	0xFFFFFFFF
notcede: .long	0xF3FFFFFF             # all but channel end and device end
sense1:	.long	0xEEEEEEEE
sense2:	.long	0xEEEEEEEE
sense3:	.long	0xEEEEEEEE
m80:	.byte	0x80                   # BC: channel 0
m00:	.byte	0x00
msg1:	.byte	0xE3,0xC9,0xD6,0x40,0x40,0xF1   # C'TIO  1'
msg2:	.byte	0xE3,0xC9,0xD6,0x40,0x40,0xF2   # C'TIO  2'
msg3:	.byte	0xE3,0xC9,0xD6,0x40,0x40,0xF3   # C'TIO  3' (not written)
msg4:	.byte	0xE3,0xC9,0xD6,0x40,0x40,0xF4   # C'TIO  4'
