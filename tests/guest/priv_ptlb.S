# priv_ptlb: PURGE TLB completes without an interruption and leaves the CC
# alone; in problem state it is a privileged operation (X'0002', ILC 2).
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r2,0x20000000
	spm	%r2                    # CC 2 (SPM takes bits 2-7)
	ptlb
	PUTCC                          # 2
	GOPSW	0x00080000
	ptlb
	PUTCC                          # 0 (LPSW set CC 0)
	GOPSW	0
	PGMTRY	"ptlb", 0x00010000
	ORACLE_END
