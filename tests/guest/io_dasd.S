# io_dasd: SIO, TIO, HIO and TCH against a 3380 at X'191' (bare: a
# one-cylinder volume; under CP: the user's one-cylinder minidisk), with
# the CPU disabled for I/O. Track 2 of cylinder 0 holds nothing at the
# start but R0 (the bare volume's label and map are on tracks 0 and 1).
#  1. SEEK, SEARCH ID EQUAL R0, TIC back, WRITE CKD R1 (count field, 64
#     bytes data-chained): CE DE, CSW names the last CCW, count 0.
#  2. SEEK, SEARCH ID EQUAL R1, TIC, READ COUNT, READ DATA with count 80:
#     the count field reads back as written (cylinder 0); the data is 64
#     bytes, so incorrect length and residual 16; the bytes after the 64th
#     are untouched.
#  3. TIO and TCH of the idle device and its channel: CC 0; HIO of the idle
#     device: CC 1.
#  4. SEEK to cylinder 1, past the end: unit check; SENSE (24, SLI) gives
#     command reject in byte 0.
#  5. An invalid command code (X'FF') after a SEEK: unit check on that CCW,
#     command reject.
	.include "oracle.inc"

	.equ	DEV, 0x191

	.macro	START ccw
	la	%r2,\ccw
	st	%r2,CAW
	.insn	s,0x9c000000,DEV       # SIO X'191'
	PUTCC
	.endm

	.macro	TIOWAIT
	LDI	%r9,20000000
.Lt\@:	.insn	s,0x9d000000,DEV       # TIO X'191'
	bc	13,.Lu\@
	bct	%r9,.Lt\@
.Lu\@:	PUTCC
	.endm

# Append the CSW: word 0 less the address of ccw, word 1.
	.macro	PUTCSW ccw
	l	%r0,CSW
	la	%r1,\ccw
	sr	%r0,%r1
	PUT	%r0
	PUTW	CSW+4
	mvc	CSW(8),pat
	.endm

# Append sense byte 7 (format and message); bytes 4-6 name the drive and
# where the access mechanism is, which differ between a volume and a
# minidisk (and are not relocated by CP: docs/ccw.md).
	.macro	PUTSENSE7
	l	%r0,sense+4
	n	%r0,low8
	PUT	%r0
	.endm

	ORACLE_BEGIN
	mvc	CSW(8),pat
# 1. Write R1 on track 2.
	START	ccw1                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw1                   # X'28' (last CCW + 8) 0C000000
# 2. Read it back.
	START	ccw2                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw2                   # X'28' 0C400010
	PUTW	cnt                    # 00000002 01000040
	PUTW	cnt+4
	PUTW	buf                    # first and last data words
	PUTW	buf+60
	PUTW	buf+64                 # EEEEEEEE: not stored
# 3. The idle device and its channel.
	.insn	s,0x9d000000,DEV       # TIO
	PUTCC                          # 0
	.insn	s,0x9f000000,0x100     # TCH 1
	PUTCC                          # 0
	.insn	s,0x9e000000,DEV       # HIO
	PUTCC                          # 1 (the CSW it stores: see README.md)
	mvc	CSW(8),pat
# 4. Seek past the end.
	START	ccw4                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw4                   # 8 0E000006
	START	ccws                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccws                   # 8 0C000000
	PUTW	sense                  # 80000000: command reject
	PUTSENSE7                      # 04: format 0, message 4 (invalid argument)
# 5. Invalid command.
	START	ccw5                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccw5                   # X'10' 0E000004
	START	ccws                   # 0
	TIOWAIT                        # 1
	PUTCSW	ccws
	PUTW	sense                  # 80000000: command reject
	PUTSENSE7                      # 01: format 0, message 1 (invalid command)
	ORACLE_END

	.align	8
pat:	.long	0xEEEEEEEE, 0xEEEEEEEE
ccw1:	CCW	0x07, seek2, 0x40, 6   # SEEK cylinder 0 head 2
	CCW	0x31, id0, 0x40, 5     # SEARCH ID EQUAL R0
	CCW	0x08, ccw1+8, 0, 0     # TIC back to the search
	CCW	0x1D, cnt1, 0x80, 8    # WRITE CKD: the count field ...
	CCW	0x00, data, 0x00, 64   # ... then the data (data chaining)
ccw2:	CCW	0x07, seek2, 0x40, 6
	CCW	0x31, id1, 0x40, 5     # SEARCH ID EQUAL R1
	CCW	0x08, ccw2+8, 0, 0
	CCW	0x12, cnt, 0x40, 8     # READ COUNT
	CCW	0x06, buf, 0x00, 80    # READ DATA, count 80 for a 64-byte record
ccw4:	CCW	0x07, seekp, 0x00, 6   # SEEK cylinder 1
ccws:	CCW	0x04, sense, 0x20, 24  # SENSE, SLI
ccw5:	CCW	0x07, seek2, 0x40, 6
	CCW	0xFF, buf, 0x20, 4     # not a 3380 command (SLI: see README.md)
low8:	.long	0x000000FF
seek2:	.byte	0,0,0,0,0,2
seekp:	.byte	0,0,0,1,0,0
id0:	.byte	0,0,0,2,0
id1:	.byte	0,0,0,2,1
	.align	4
cnt1:	.byte	0,0,0,2,1,0,0,64       # CC HH R KL DL
	.align	4
data:	.long	0x11111111,2,3,4,5,6,7,8,9,10,11,12,13,14,15,0x16161616
cnt:	.long	0xEEEEEEEE,0xEEEEEEEE
sense:	.long	0xEEEEEEEE,0xEEEEEEEE,0xEEEEEEEE,0xEEEEEEEE,0xEEEEEEEE,0xEEEEEEEE
buf:	.fill	24,4,0xEEEEEEEE
