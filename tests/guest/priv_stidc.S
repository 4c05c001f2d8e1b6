# priv_stidc: STORE CHANNEL ID for channel X'0F', which has no devices:
# CC 3, and the channel ID word at X'A8' is not stored.
	.include "oracle.inc"
	ORACLE_BEGIN
	mvc	0xA8(4),pattern
	.insn	s,0xb2030000,0xF00     # STIDC X'F00'
	PUTCC
	GOPSW	0x00080000
	.insn	s,0xb2030000,0xF00
	PUTCC
	GOPSW	0
	PUTW	0xA8                   # EEEEEEEE
	ORACLE_END
	.align	4
pattern: .long	0xEEEEEEEE
