# pgm_operation: the operation exception (code X'0001') of an unassigned
# opcode, in BC and in EC mode: interruption code, ILC, old PSW. Opcode 00
# is unassigned on every later architecture too, so the guest cannot run
# it natively by mistake.
	.include "oracle.inc"
	ORACLE_BEGIN
	PGMTRY	".short 0x0000"                  # RR-length opcode 00: ILC 1
	PGMTRY	".long 0x00000000"               # the first 2 bytes count
	PGMTRY	".short 0x0000", 0x00080000      # EC mode
	ORACLE_END
