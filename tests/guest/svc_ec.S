# svc_ec: SUPERVISOR CALL in EC mode: the old PSW has no code or ILC; X'88'
# holds 0, the ILC in bits 5-6 of X'89' (1, or 2 under EXECUTE) and the
# number at X'8A'; CC and program mask stay in the old PSW.
	.include "oracle.inc"
	ORACLE_BEGIN
	NEWPSW	SVC_NEW, 1f
	xc	SVC_CODE(4),SVC_CODE
	GOPSW	0x00082600             # EC, CC 2, program mask 6
0:	svc	0xAB
1:	OLDPSW	SVC_OLD, 0b, SVC_CODE  # 00082600 00000002 000200AB
	NEWPSW	SVC_NEW, 1f
	la	%r3,0x81
	GOPSW	0x00F90000             # EC, key F, problem state
0:	ex	%r3,svc3
1:	OLDPSW	SVC_OLD, 0b, SVC_CODE  # 00F90000 00000004 00040083
	NEWPSW	SVC_NEW, ox_unx_svc
	ORACLE_END
svc3:	svc	3
