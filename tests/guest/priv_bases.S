# priv_bases: SSM and LPSW reach their operand through each base register,
# 1 to 15. Each base holds X'AB' in bits 0-7, which a 24-bit address
# ignores, and the operand's address less X'10', its displacement. For
# each base: the mask SSM set (read back with STNSM) and the ILC, CC and
# program mask of the PSW LPSW loaded (BALR's leftmost byte). CP decodes
# the base of these two itself, before anything else (cp/hw/pvfasm.S);
# this is where each of its bases is checked against the machine.
	.include "oracle.inc"

# One base register n: SSM sets mask n x 4 (channel masks only, with no
# device on those channels), LPSW a BC PSW with CC n mod 4 and program
# mask n / 4. Every other register points the same way at a decoy, in the
# same page, whose mask is 0 and whose PSW has CC 0 and program mask 0:
# a wrong base shows. R11 and R13, the frame's, are reloaded before PUT.
	.macro	BASETRY n
	l	%r1,.Lbq\@
	lr	%r2,%r1
	lr	%r3,%r1
	lr	%r4,%r1
	lr	%r5,%r1
	lr	%r6,%r1
	lr	%r7,%r1
	lr	%r8,%r1
	lr	%r9,%r1
	lr	%r10,%r1
	lr	%r11,%r1
	lr	%r12,%r1
	lr	%r13,%r1
	lr	%r14,%r1
	lr	%r15,%r1
	l	%r\n,.Lbp\@
	ssm	0x10(%r\n)
	stnsm	sm,0x00                # the mask SSM set; disabled again
	lpsw	0x18(%r\n)
	.align	8
.Lbd\@:	.byte	\n << 2, 0, 0, 0, 0, 0, 0, 0
	.long	0x00000000, ((\n & 3) << 28) + ((\n >> 2) << 24) + .Lba\@
.Lbx\@:	.byte	0, 0, 0, 0, 0, 0, 0, 0            # the decoy
	.long	0x00000000, .Lba\@
.Lbp\@:	.long	0xAB000000 + .Lbd\@ - 0x10
.Lbq\@:	.long	0xAB000000 + .Lbx\@ - 0x10
.Lba\@:	l	%r11,sv11
	l	%r13,sv13
	balr	%r2,0
	sr	%r3,%r3
	ic	%r3,sm
	PUT	%r3
	srl	%r2,24
	PUT	%r2
	st	%r11,sv11              # the next result's place
	.endm

	ORACLE_BEGIN
	st	%r11,sv11
	st	%r13,sv13
	BASETRY	1
	BASETRY	2
	BASETRY	3
	BASETRY	4
	BASETRY	5
	BASETRY	6
	BASETRY	7
	BASETRY	8
	BASETRY	9
	BASETRY	10
	BASETRY	11
	BASETRY	12
	BASETRY	13
	BASETRY	14
	BASETRY	15
	ORACLE_END
	.align	4
sv11:	.long	0
sv13:	.long	0
sm:	.byte	0
