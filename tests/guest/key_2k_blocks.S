# key_2k_blocks: each 2K half of a 4K page has its own key. SSK on X'4800'
# leaves X'4000' alone; a PSW key that matches one half may store there and
# gets a protection exception (X'0004') in the other.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r3,0x4000
	LDI	%r4,0x4800
	la	%r5,0x30
	.insn	rr,0x0800,%r5,%r3      # X'4000': key 3
	la	%r5,0x50
	.insn	rr,0x0800,%r5,%r4      # X'4800': key 5
	sr	%r2,%r2
	.insn	rr,0x0900,%r2,%r3
	PUT	%r2                    # 00000030
	.insn	rr,0x0900,%r2,%r4
	PUT	%r2                    # 00000050
	la	%r5,0x70
	.insn	rr,0x0800,%r5,%r4      # X'4800': key 7
	.insn	rr,0x0900,%r2,%r3
	PUT	%r2                    # X'4000' still 00000030
	.insn	rr,0x0900,%r2,%r4
	PUT	%r2                    # 00000070
	la	%r6,0x55
	GOPSW	0x00300000             # PSW key 3
	st	%r6,0(%r3)             # allowed
	GOPSW	0x00000000
	PGMTRY	"st %r6,0(%r4)", 0x00300000              # protection, ILC 2
	PGMTRY	"mvc 0x7FC(8,%r3),0(%r3)", 0x00300000    # into X'4800', ILC 3
	GOPSW	0x00700000             # PSW key 7
	st	%r6,4(%r4)             # allowed
	GOPSW	0x00000000
	PGMTRY	"st %r6,4(%r3)", 0x00700000
	PUTW	0(%r3)                 # 00000055, stored with key 3
	PUTW	4(%r4)     # 00000055, stored with key 7
	la	%r5,0
	.insn	rr,0x0800,%r5,%r3
	.insn	rr,0x0800,%r5,%r4
	ORACLE_END
