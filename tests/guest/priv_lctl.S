# priv_lctl: LOAD/STORE CONTROL move a range of control registers, wrapping
# from 15 to 0; only fully assigned bits are used (CR2 channel masks, CR3
# key mask and SASN, CR4 AX and PASN, CR15 bits 8-28, CR1 bits 8-25).
# Word operands (X'0006' otherwise).
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	2,4,in
	stctl	2,4,out
	PUTW	out                    # 12345678
	PUTW	out+4                  # A5A50011
	PUTW	out+8                  # 00030022
	lctl	15,1,in2               # CR15, CR0, CR1
	stctl	15,1,out
	PUTW	out                    # 00000A00
	PUTW	out+4                  # 00000000
	PUTW	out+8                  # 00123440
	stctl	3,3,out                # one register
	PUTW	out                    # A5A50011
	la	%r2,in+2
	PGMTRY	"lctl 2,2,0(%r2)"
	PGMTRY	"stctl 2,2,0(%r2)", 0x00080000
	lctl	1,4,zero
	lctl	15,15,in2
	ORACLE_END
	.align	4
in:	.long	0x12345678,0xA5A50011,0x00030022
in2:	.long	0x00000A00,0x00000000,0x00123440
out:	.long	0,0,0
zero:	.long	0,0,0,0
