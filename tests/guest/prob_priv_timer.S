# prob_priv_timer: in problem state SCK, SCKC, STCKC, SPT, STPT and STIDP
# are privileged operations (X'0002'); STCK is not (priv_stck).
	.include "oracle.inc"
	ORACLE_BEGIN
	PGMTRY	"sck dw", 0x00010000
	PGMTRY	"sckc dw", 0x00010000
	PGMTRY	"stckc dw", 0x00010000
	PGMTRY	"spt dw", 0x00010000
	PGMTRY	"stpt dw", 0x00010000
	PGMTRY	"stidp dw", 0x00010000
	PGMTRY	"spt dw", 0x00090000                       # EC mode
	ORACLE_END
	.align	8
dw:	.long	0x7FFFFFFF,0xFFFFFFFF
