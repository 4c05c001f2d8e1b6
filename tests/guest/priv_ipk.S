# priv_ipk: INSERT PSW KEY puts the PSW key in GR2 bits 24-27 and zeros in
# 28-31, bits 0-23 unchanged. In problem state it needs the extraction-
# authority control, CR0 bit 4, else privileged operation (X'0002').
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r2,0x12345678
	ipk
	PUT	%r2                    # 12345600
	LDI	%r2,0x12345678
	GOPSW	0x00980000             # EC, key 9
	ipk
	GOPSW	0
	PUT	%r2                    # 12345690
	lctl	0,0,zero
	PGMTRY	"ipk", 0x00010000        # no extraction authority: X'0002', ILC 2
	lctl	0,0,cr0xa
	LDI	%r2,0x12345678
	GOPSW	0x00F10000             # problem state, key F
	ipk
	SUPERVISOR
	PUT	%r2                    # 123456F0
	lctl	0,0,zero
	ORACLE_END
	.align	4
cr0xa:	.long	0x08000000
zero:	.long	0
