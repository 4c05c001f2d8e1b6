# psw_formats: the program old PSW keeps key, P bit, CC and program mask of
# the interrupted PSW, in the BC layout (code in bits 16-31, ILC in 32-33)
# and in the EC layout (code and ILC at X'8C').
	.include "oracle.inc"
	ORACLE_BEGIN
	PGMTRY	".short 0", 0x00F10000, 0x15    # BC key F, P, CC 1, PM 5
	PGMTRY	".short 0", 0x00C00000, 0x3A    # BC key C, CC 3, PM A
	PGMTRY	".short 0", 0x00F92F00          # EC key F, P, CC 2, PM F
	PGMTRY	".long 0", 0x00381300           # EC key 3, CC 1, PM 3
	ORACLE_END
