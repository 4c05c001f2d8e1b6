# priv_spt: SET/STORE CPU TIMER: the timer reads back at most the value
# set and decreases while the CPU runs; doubleword operands (X'0006').
	.include "oracle.inc"
	ORACLE_BEGIN
	spt	v1
	stpt	t1
	LDI	%r2,100000
1:	bct	%r2,1b                 # let it run a little
	stpt	t2
	clc	t1(8),v1
	la	%r0,1                  # 1: t1 <= v1
	bc	12,1f
	sr	%r0,%r0
1:	PUT	%r0
	clc	t2(8),t1
	PUTCC                          # 1: t2 < t1, it ran down
	clc	t1(4),v1               # within 2**32 units of the value set
	PUTCC                          # 0
	la	%r2,t1+4
	PGMTRY	"spt 0(%r2)"
	PGMTRY	"stpt 0(%r2)"
	spt	v2                     # leave it positive
	ORACLE_END
	.align	8
v1:	.long	0x00001234,0x56789ABC
v2:	.long	0x7FFFFFFF,0xFFFFFFFF
t1:	.long	0,0
t2:	.long	0,0
