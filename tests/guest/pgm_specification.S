# pgm_specification: specification exceptions (X'0006'), suppressed: an odd
# register of an even-odd pair (D, DR, M, SLDA, MVCL) and a PSW operand off
# its doubleword boundary; ILC of each.
	.include "oracle.inc"
	ORACLE_BEGIN
	la	%r2,off
	PGMTRY	".insn rx,0x5d000000,%r3,four"        # D 3: ILC 2
	PGMTRY	".insn rr,0x1d00,%r3,%r4"             # DR 3,4: ILC 1
	PGMTRY	".insn rx,0x5c000000,%r5,four"        # M 5
	PGMTRY	".insn rs,0x8f000000,%r3,%r0,1(%r0)"  # SLDA 3,1
	PGMTRY	".insn rr,0x0e00,%r3,%r4"             # MVCL 3,4
	PGMTRY	"lpsw 0(%r2)"
	PGMTRY	".insn rr,0x1d00,%r3,%r4", 0x00080000
	ORACLE_END
	.align	8
	.long	0
off:	.long	0,0                    # 4 mod 8
four:	.long	4
