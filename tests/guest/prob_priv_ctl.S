# prob_priv_ctl: in problem state LCTL, STCTL, PTLB, LRA and SIGP are
# privileged operations (X'0002'), suppressed: nothing is loaded or stored.
	.include "oracle.inc"
	ORACLE_BEGIN
	la	%r5,1
	PGMTRY	"lctl 2,2,w", 0x00010000
	PGMTRY	"stctl 2,2,w", 0x00010000
	PGMTRY	"ptlb", 0x00010000
	PGMTRY	"lra %r4,0", 0x00010000
	PGMTRY	"sigp %r4,%r5,1", 0x00010000
	PGMTRY	"stctl 2,2,w", 0x00090000                  # EC mode
	PUTW	w                      # EEEEEEEE: not stored
	ORACLE_END
	.align	4
w:	.long	0xEEEEEEEE
