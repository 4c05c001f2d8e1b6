# key_store_prot: key-controlled store protection. Key 0 stores anywhere; a
# nonzero PSW key stores only into blocks of the same key, in supervisor
# and in problem state; fetching a block without the fetch bit is allowed.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r3,0x5000
	LDI	%r4,0x5800
	la	%r5,0x20
	.insn	rr,0x0800,%r5,%r3      # X'5000': key 2; X'5800' keeps key 0
	LDI	%r6,0x11111111
	st	%r6,0(%r3)             # key 0 stores into key 2
	st	%r6,0(%r4)             # and into key 0
	LDI	%r6,0x22222222
	GOPSW	0x00200000             # PSW key 2, supervisor
	st	%r6,4(%r3)             # same key: allowed
	l	%r7,0(%r4)             # fetch from key 0 is allowed
	GOPSW	0x00000000
	PUT	%r7                    # 11111111
	PGMTRY	"st %r6,4(%r4)", 0x00200000       # key 0 block: protection
	PGMTRY	"stm %r6,%r7,8(%r4)", 0x00200000  # STM too
	GOPSW	0x00210000             # PSW key 2, problem state
	st	%r6,8(%r3)
	SUPERVISOR
	PGMTRY	"st %r6,8(%r4)", 0x00210000
	PGMTRY	"mvi 8(%r4),0", 0x00210000
	PUTW	0(%r3)                 # 11111111
	PUTW	4(%r3)                 # 22222222
	PUTW	8(%r3)                 # 22222222
	PUTW	4(%r4)     # 00000000: not stored
	PUTW	8(%r4)     # 00000000
	la	%r5,0
	.insn	rr,0x0800,%r5,%r3
	ORACLE_END
