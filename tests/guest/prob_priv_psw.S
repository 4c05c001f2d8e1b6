# prob_priv_psw: in problem state SSM, LPSW, STNSM, STOSM, SSK, ISK, RRB
# are privileged operations: X'0002' with the ILC of each, suppressed.
	.include "oracle.inc"
	ORACLE_BEGIN
	sr	%r2,%r2
	LDI	%r3,0x3000
	PGMTRY	"ssm zero", 0x00010000
	PGMTRY	"lpsw psw", 0x00010000
	PGMTRY	"stnsm zero,0xFF", 0x00010000
	PGMTRY	"stosm zero,0x00", 0x00010000
	PGMTRY	".insn rr,0x0800,%r2,%r3", 0x00010000      # SSK, ILC 1
	PGMTRY	".insn rr,0x0900,%r2,%r3", 0x00010000      # ISK
	PGMTRY	".insn s,0xb2130000,0(%r3)", 0x00010000    # RRB
	PGMTRY	"ssm zero", 0x00090000                     # EC mode
	ORACLE_END
	.align	8
psw:	.long	0,0
zero:	.long	0
