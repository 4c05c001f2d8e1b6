# priv_sck: SET CLOCK sets the TOD clock (CC 0) and it runs on from there:
# a STORE CLOCK just after reads at least the value set and less than a
# second more. The operand must be on a doubleword boundary (X'0006').
	.include "oracle.inc"
	ORACLE_BEGIN
	sck	newtod
	PUTCC                          # 0
	stck	now
	PUTCC                          # 0
	clc	now(8),newtod
	la	%r0,1                  # 1: now >= newtod
	bc	10,1f
	sr	%r0,%r0
1:	PUT	%r0
	lm	%r2,%r3,now            # now - newtod < 2**32 units (about 1 s)
	s	%r2,newtod
	sl	%r3,newtod+4
	bc	3,1f                   # no borrow
	bctr	%r2,0
1:	PUT	%r2                    # 00000000
	la	%r2,newtod+4
	PGMTRY	"sck 0(%r2)"
	ORACLE_END
	.align	8
newtod:	.long	0x9A000000,0x00000000
now:	.long	0,0
