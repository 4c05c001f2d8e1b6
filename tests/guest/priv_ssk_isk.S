# priv_ssk_isk: SET/INSERT STORAGE KEY on the 2K block at X'3000': ISK in BC
# mode gives key and fetch bit with bits 29-31 zero, in EC mode also the
# reference and change bits; R1 bits 0-23 stay; R2 bits 0-7 and 21-27 are
# ignored, bits 28-31 must be zero (specification, X'0006').
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r3,0xFF003000         # leftmost byte is no part of the address
	la	%r4,0xFE               # key F, fetch protection, R, C
	.insn	rr,0x0800,%r4,%r3      # SSK 4,3
	LDI	%r2,0xAAAAAA55
	.insn	rr,0x0900,%r2,%r3      # ISK 2,3 (BC): AAAAAAF8
	PUT	%r2
	GOPSW	0x00080000
	LDI	%r2,0xAAAAAA55
	.insn	rr,0x0900,%r2,%r3      # ISK 2,3 (EC): AAAAAAFE
	PUT	%r2
	la	%r4,0x31               # key 3; bit 31 is ignored
	.insn	rr,0x0800,%r4,%r3
	sr	%r2,%r2
	.insn	rr,0x0900,%r2,%r3      # 00000030
	PUT	%r2
	LDI	%r5,0x37F0             # bits 21-27 are ignored: same block
	sr	%r2,%r2
	.insn	rr,0x0900,%r2,%r5      # 00000030
	PUT	%r2
	la	%r5,1(%r3)             # bits 28-31 not zero: specification
	PGMTRY	".insn rr,0x0800,%r4,%r5", 0x00080000
	PGMTRY	".insn rr,0x0900,%r2,%r5"
	la	%r4,0
	.insn	rr,0x0800,%r4,%r3
	ORACLE_END
