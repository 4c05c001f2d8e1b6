# key_fetch_prot: with the fetch-protection bit, a block of another key can
# be neither fetched nor stored (X'0004'); key 0 and the matching key can.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r3,0x6000
	LDI	%r4,0x6800
	LDI	%r6,0x66666666
	st	%r6,0(%r3)
	st	%r6,0(%r4)
	la	%r5,0x48
	.insn	rr,0x0800,%r5,%r3      # X'6000': key 4, fetch-protected
	la	%r5,0x40
	.insn	rr,0x0800,%r5,%r4      # X'6800': key 4, not fetch-protected
	l	%r7,0(%r3)             # key 0 fetches
	PUT	%r7
	GOPSW	0x00400000             # PSW key 4
	l	%r7,0(%r3)             # matching key fetches
	GOPSW	0x00000000
	PUT	%r7
	PGMTRY	"l %r7,0(%r3)", 0x00700000          # key 7: fetch protection, ILC 2
	PGMTRY	"clc 0(4,%r3),0(%r4)", 0x00700000   # first operand, ILC 3
	PGMTRY	"mvc 0(4,%r4),0(%r3)", 0x00700000   # second operand
	GOPSW	0x00700000
	sr	%r7,%r7
	l	%r7,0(%r4)             # no fetch bit: fetch allowed
	GOPSW	0x00000000
	PUT	%r7
	PGMTRY	"st %r7,0(%r4)", 0x00700000         # but no store
	la	%r5,0
	.insn	rr,0x0800,%r5,%r3
	.insn	rr,0x0800,%r5,%r4
	ORACLE_END
