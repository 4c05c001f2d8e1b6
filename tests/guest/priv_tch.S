# priv_tch: TEST CHANNEL for channel X'0F', which has no devices: CC 3
# (not operational). Only bits 16-23 of the address name the channel.
	.include "oracle.inc"
	ORACLE_BEGIN
	.insn	s,0x9f000000,0xF00     # TCH X'F00'
	PUTCC
	.insn	s,0x9f000000,0xF0F     # device bits are ignored
	PUTCC
	GOPSW	0x00080000
	LDI	%r2,0xFF0F00           # bits 8-15 ignored too
	.insn	s,0x9f000000,0(%r2)
	PUTCC
	GOPSW	0
	ORACLE_END
