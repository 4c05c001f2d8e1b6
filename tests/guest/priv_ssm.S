# priv_ssm: SET SYSTEM MASK replaces PSW bits 0-7 (read back with STNSM)
# in BC and EC mode; with CR0 bit 1 (SSM suppression) on it is a
# special-operation exception (X'0013') in either mode.
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	0,0,zero               # no external subclass enabled
	lctl	2,2,zero               # no channel enabled (EC I/O submasks)
	ssm	m03                    # BC: I/O mask (bit 6), external mask (bit 7)
	stnsm	w+3,0xFF
	PUTW	w                      # 00000003
	ssm	mFC                    # BC: channel masks 0-5
	stnsm	w+3,0x00
	PUTW	w                      # 000000FC
	stnsm	w+3,0x00
	PUTW	w                      # 00000000 (the first STNSM cleared it)
	GOPSW	0x00080000             # EC mode, disabled
	ssm	m03
	stnsm	w+3,0x00
	PUTW	w                      # 00000003
	lctl	0,0,ssmsup
	PGMTRY	"ssm m03", 0x00080000    # EC: special operation, ILC 2, suppressed
	PGMTRY	"ssm m03"                # BC: the same
	stnsm	w+3,0x00
	PUTW	w                      # mask unchanged: 00000000
	lctl	0,0,zero
	ORACLE_END
	.align	4
zero:	.long	0
ssmsup:	.long	0x40000000
w:	.long	0
m03:	.byte	0x03
mFC:	.byte	0xFC
