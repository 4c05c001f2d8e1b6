# priv_lpsw: LOAD PSW takes CC, program mask, key and mode from the new PSW
# (read back with BALR and IPK); an operand that is not on a doubleword
# boundary is a specification exception (X'0006'), ILC 2, suppressed.
	.include "oracle.inc"
	ORACLE_BEGIN
	lpsw	bc_cc2
bc_cc2_at:
	balr	%r2,0                  # ILC 1, CC 2, PM F: leftmost byte 6F
	srl	%r2,24
	PUT	%r2
	spm	%r13                   # back to CC 0, PM 0 (R13 bits 2-7 are zero)
	lpsw	ec_cc1
ec_cc1_at:
	balr	%r2,0                  # ILC 1, CC 1, PM 0: 50
	srl	%r2,24
	PUT	%r2
	lpsw	bc_key5
bc_key5_at:
	LDI	%r2,0x12345678
	ipk                            # key 5 into R2 bits 24-27: 12345650
	lpsw	bc_key0
bc_key0_at:
	PUT	%r2
	la	%r3,bc_odd
	PGMTRY	"lpsw 0(%r3)"
	ORACLE_END
	.align	8
bc_cc2:	.long	0x00000000, 0x2F000000+bc_cc2_at
ec_cc1:	.long	0x00081000, ec_cc1_at
bc_key5: .long	0x00500000, bc_key5_at
bc_key0: .long	0x00000000, bc_key0_at
	.long	0
bc_odd:	.long	0, 0                   # 4 mod 8: not a doubleword boundary
