# priv_hio: HALT I/O and HALT DEVICE to the absent device X'0F0F': CC 3, no
# CSW stored. BC and EC mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	mvc	CSW(8),pattern
	.insn	s,0x9e000000,0xF0F     # HIO
	PUTCC
	.insn	s,0x9e010000,0xF0F     # HDV
	PUTCC
	GOPSW	0x00080000
	LDI	%r2,0x0F0F
	.insn	s,0x9e000000,0(%r2)
	PUTCC
	.insn	s,0x9e010000,0(%r2)
	PUTCC
	GOPSW	0
	PUTW	CSW
	PUTW	CSW+4
	ORACLE_END
	.align	8
pattern: .long	0xEEEEEEEE,0xEEEEEEEE
