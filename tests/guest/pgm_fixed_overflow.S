# pgm_fixed_overflow: fixed-point overflow (X'0008') interrupts only when
# program-mask bit 36 is one; the operation completes (CC 3, result stored)
# either way: AR (ILC 1), A, SLA, LCR; BC and EC mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r5,0x7FFFFFFF
	la	%r6,1
	ar	%r5,%r6                # mask off: no interruption
	PUTCC                          # 3
	PUT	%r5                    # 80000000
	LDI	%r5,0x7FFFFFFF
	PGMTRY	"ar %r5,%r6", 0, 0x08  # BC, mask bit 36: ILC 1, CC 3, completed
	PUT	%r5                    # 80000000: result stored
	LDI	%r5,0x7FFFFFFF
	PGMTRY	"a %r5,one", 0, 0x08
	LDI	%r5,0x40000000
	PGMTRY	"sla %r5,1", 0, 0x08
	PUT	%r5                    # 00000000: sign kept, overflow bits lost
	LDI	%r5,0x80000000
	PGMTRY	"lcr %r5,%r5", 0x00080800   # EC, mask bit 20
	PUT	%r5                    # 80000000
	ORACLE_END
	.align	4
one:	.long	1
