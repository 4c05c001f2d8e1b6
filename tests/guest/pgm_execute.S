# pgm_execute: EXECUTE ORs R1 bits 24-31 into the second byte of the target;
# an EXECUTE as target is an execute exception (X'0003'), a target at an odd
# address a specification exception (X'0006'); both ILC 2, suppressed.
	.include "oracle.inc"
	ORACLE_BEGIN
	la	%r2,3
	ex	%r2,mvc0               # MVC of length 0+3: 4 bytes
	PUTW	dst                    # 11223344
	PGMTRY	"ex 0,exex"
	la	%r3,mvc0+1
	PGMTRY	"ex 0,0(%r3)"
	PGMTRY	"ex 0,exex", 0x00080000
	ORACLE_END
mvc0:	mvc	dst(1),src
exex:	ex	0,mvc0
	.align	4
src:	.long	0x11223344
dst:	.long	0
