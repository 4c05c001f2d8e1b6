# priv_stosm: STORE THEN OR SYSTEM MASK stores bits 0-7 of the PSW, then
# ORs the immediate byte into them; BC and EC mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,zero
	lctl	2,2,zero
	stosm	w+3,0x01               # stores 00, mask becomes 01
	PUTW	w
	stosm	w+3,0x82               # stores 01, mask becomes 83
	PUTW	w
	stnsm	w+3,0x00               # stores 83
	PUTW	w
	GOPSW	0x00080000             # EC, disabled
	stosm	w+3,0x02               # stores 00
	PUTW	w
	stosm	w+3,0x01               # stores 02
	PUTW	w
	stnsm	w+3,0x00               # stores 03
	PUTW	w
	GOPSW	0x00000000
	ORACLE_END
	.align	4
zero:	.long	0
w:	.long	0
