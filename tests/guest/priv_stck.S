# priv_stck: STORE CLOCK (not privileged): CC 0 in supervisor and problem
# state, and the clock runs forward (never back; later values are higher).
	.include "oracle.inc"
	ORACLE_BEGIN
	stck	t1
	PUTCC                          # 0: clock in the set state
	stck	t2
	GOPSW	0x00010000             # problem state
	stck	t3
	balr	%r2,0
	SUPERVISOR
	sll	%r2,2
	srl	%r2,30
	PUT	%r2                    # 0
	clc	t2(8),t1
	la	%r0,1                  # 1: t2 >= t1
	bc	10,1f
	sr	%r0,%r0
1:	PUT	%r0
	clc	t3(8),t1
	PUTCC                          # 2: t3 > t1
	ORACLE_END
	.align	8
t1:	.long	0,0
t2:	.long	0,0
t3:	.long	0,0
