# priv_mvcp: MOVE TO PRIMARY / SECONDARY need DAT on and the secondary-space
# control (CR0 bit 5): with DAT off they are special-operation exceptions
# (X'0013'), ILC 3, in BC and in EC mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,cr0ss              # secondary-space control on
	la	%r2,8                  # true length
	la	%r3,0                  # key 0
	PGMTRY	"mvcp 0(%r2,%r12),0(%r12),%r3"
	PGMTRY	"mvcs 0(%r2,%r12),0(%r12),%r3"
	PGMTRY	"mvcp 0(%r2,%r12),0(%r12),%r3", 0x00080000
	PGMTRY	"mvcs 0(%r2,%r12),0(%r12),%r3", 0x00080000
	lctl	0,0,zero
	ORACLE_END
	.align	4
cr0ss:	.long	0x04000000
zero:	.long	0
