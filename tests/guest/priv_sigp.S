# priv_sigp: SIGNAL PROCESSOR (sense) to CPU address 1 of a uniprocessor:
# CC 3, not operational, and the status register is left alone.
	.include "oracle.inc"
	ORACLE_BEGIN
	LDI	%r4,0xEEEEEEEE         # status register R1
	la	%r5,1                  # CPU address 1
	sigp	%r4,%r5,1              # order 1: sense
	PUTCC                          # 3
	PUT	%r4                    # EEEEEEEE
	la	%r5,0xFF
	sigp	%r4,%r5,1
	PUTCC                          # 3
	ORACLE_END
