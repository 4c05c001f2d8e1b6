# prob_priv_io: in problem state the I/O instructions SIO, SIOF, TIO,
# CLRIO, HIO, HDV, TCH and STIDC are privileged operations (X'0002'), even
# for a device that does not exist.
	.include "oracle.inc"
	ORACLE_BEGIN
	PGMTRY	".insn s,0x9c000000,0xF0F", 0x00010000     # SIO
	PGMTRY	".insn s,0x9c010000,0xF0F", 0x00010000     # SIOF
	PGMTRY	".insn s,0x9d000000,0xF0F", 0x00010000     # TIO
	PGMTRY	".insn s,0x9d010000,0xF0F", 0x00010000     # CLRIO
	PGMTRY	".insn s,0x9e000000,0xF0F", 0x00010000     # HIO
	PGMTRY	".insn s,0x9e010000,0xF0F", 0x00010000     # HDV
	PGMTRY	".insn s,0x9f000000,0xF00", 0x00010000     # TCH
	PGMTRY	".insn s,0xb2030000,0xF00", 0x00010000     # STIDC
	PGMTRY	".insn s,0x9c000000,0xF0F", 0x00090000     # SIO, EC mode
	ORACLE_END
