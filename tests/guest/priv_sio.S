# priv_sio: START I/O and START I/O FAST RELEASE to device X'0F0F', which
# does not exist (channel X'0F' has no devices, bare or under CP): CC 3,
# and the CSW at X'40' is not stored. BC and EC mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	mvc	CSW(8),pattern
	xc	CAW(4),CAW
	.insn	s,0x9c000000,0xF0F     # SIO X'F0F'
	PUTCC
	.insn	s,0x9c010000,0xF0F     # SIOF
	PUTCC
	LDI	%r2,0x0F0F
	.insn	s,0x9c000000,0(%r2)    # address from a register
	PUTCC
	GOPSW	0x00080000
	.insn	s,0x9c000000,0(%r2)
	PUTCC
	.insn	s,0x9c010000,0(%r2)
	PUTCC
	GOPSW	0
	PUTW	CSW                    # EEEEEEEE: untouched
	PUTW	CSW+4
	ORACLE_END
	.align	8
pattern: .long	0xEEEEEEEE,0xEEEEEEEE
