# pgm_addressing: storage is 2M (bare and guest alike): X'1FFFFC' is the
# last word; X'200000' and above are addressing exceptions (X'0005') for
# fetch and store; LA computes the address without access.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r3,0x1FFFFC
	LDI	%r4,0xA5A5A5A5
	st	%r4,0(%r3)
	l	%r5,0(%r3)
	PUT	%r5                    # A5A5A5A5
	la	%r6,4(%r3)             # no access, no exception
	PUT	%r6                    # 00200000
	PGMTRY	"l %r5,4(%r3)"           # ILC 2
	PGMTRY	"st %r4,4(%r3)"
	PGMTRY	"mvc 0(4,%r13),4(%r3)"   # ILC 3
	PGMTRY	"l %r5,4(%r3)", 0x00080000
	ORACLE_END
