# priv_stnsm: STORE THEN AND SYSTEM MASK stores bits 0-7 of the PSW, then
# ANDs the immediate byte into them; BC and EC mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,zero
	lctl	2,2,zero
	ssm	mFF
	stnsm	w+3,0xF0               # stores FF, mask becomes F0
	PUTW	w
	stnsm	w+3,0x3C               # stores F0, mask becomes 30
	PUTW	w
	stnsm	w+3,0xFF               # stores 30
	PUTW	w
	stnsm	w+3,0x00
	GOPSW	0x03080000             # EC, I/O and external masks on
	stnsm	w+3,0x02               # stores 03, mask becomes 02
	PUTW	w
	stnsm	w+3,0x00               # stores 02
	PUTW	w
	mvi	w,0xEE                 # only the byte at the operand changes
	stnsm	w+3,0x00
	PUTW	w                      # EE000000
	GOPSW	0x00000000
	ORACLE_END
	.align	4
zero:	.long	0
w:	.long	0
mFF:	.byte	0xFF
