# svc_bc: SUPERVISOR CALL in BC mode: old PSW at X'20' with the SVC number
# as interruption code, ILC 1, CC and program mask kept, address after the
# SVC; under EXECUTE the number is ORed with R1 bits 24-31 and the ILC is 2;
# in problem state the old PSW shows the P bit.
	.include "oracle.inc"
	ORACLE_BEGIN
	NEWPSW	SVC_NEW, 1f
	LDI	%r2,0x2D000000         # CC 2, program mask D
	spm	%r2
0:	svc	5
1:	OLDPSW	SVC_OLD, 0b, SVC_CODE  # 00000005 6D000002
	NEWPSW	SVC_NEW, 1f
	la	%r3,0x10
0:	ex	%r3,svc3
1:	OLDPSW	SVC_OLD, 0b, SVC_CODE  # 00000013 80000004
	NEWPSW	SVC_NEW, 1f
	GOPSW	0x00710000             # problem state, key 7
0:	svc	0xFE
1:	OLDPSW	SVC_OLD, 0b, SVC_CODE  # 007100FE 40000002
	NEWPSW	SVC_NEW, ox_unx_svc
	ORACLE_END
svc3:	svc	3
