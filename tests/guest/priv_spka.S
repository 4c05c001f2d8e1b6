# priv_spka: SET PSW KEY FROM ADDRESS takes the key from bits 24-27 of the
# operand address (read back with IPK). In supervisor state any key; in
# problem state only keys whose bit in the PSW-key mask (CR3 bits 0-15) is
# one, else privileged operation (X'0002').
	.include "oracle.inc"
	ORACLE_BEGIN
	lctl	3,3,pkm                # PSW-key mask: keys 0 and 2
	lctl	0,0,cr0xa              # CR0 bit 4: IPK allowed in problem state
	LDI	%r2,0xAAAAAAAA
	spka	0x70                   # supervisor: key 7 though not in the mask
	ipk
	spka	0
	PUT	%r2                    # AAAAAA70
	LDI	%r2,0xAAAAAAAA
	LDI	%r3,0xFFFFFF2F         # only bits 24-27 of the address count
	GOPSW	0x00010000             # problem state, key 0
	spka	0(%r3)                 # key 2: allowed by the mask
	ipk
	spka	0                      # key 0: allowed
	SUPERVISOR
	PUT	%r2                    # AAAAAA20
	PGMTRY	"spka 0x30", 0x00010000  # key 3 not in the mask: X'0002', ILC 2
	PGMTRY	"spka 0x10", 0x00090000  # the same in EC mode
	lctl	3,3,zero
	lctl	0,0,zero
	ORACLE_END
	.align	4
pkm:	.long	0xA0000000
cr0xa:	.long	0x08000000
zero:	.long	0
