# guest.mk: the oracle programs (tests/guest/README.md). Each tests/guest/NAME.S
# becomes build/guest/NAME.bin, a storage image from absolute 0, and
# build/guest/NAME.ins, the list that Hercules' "ipl NAME.ins" loads.
# Included by the top Makefile; alone: make -f tests/guest/guest.mk guest

GUEST_CROSS ?= s390x-linux-gnu-
GUEST_SRCS  := $(wildcard tests/guest/*.S)
GUEST_BINS  := $(patsubst tests/guest/%.S,build/guest/%.bin,$(GUEST_SRCS))
GUEST_INS   := $(GUEST_BINS:.bin=.ins)

.PHONY: guest
guest: $(GUEST_BINS) $(GUEST_INS) build/guest/dasd191.3380

# The bare machine's 3380 at 0191: one cylinder, like the oracle user's
# 191 minidisk under CP (each run gets a fresh copy).
build/guest/dasd191.3380: | $(B)/cpvol
	@mkdir -p $(@D)
	$(B)/cpvol format $@ --cyls 1 --volser ORA191 --replace

# GNU as without the C preprocessor: shared macros come from oracle.inc.
build/guest/%.o: tests/guest/%.S tests/guest/oracle.inc
	@mkdir -p $(@D)
	$(GUEST_CROSS)as -m31 -I tests/guest -o $@ $<

build/guest/%.elf: build/guest/%.o tests/guest/guest.ld
	$(GUEST_CROSS)ld -m elf_s390 -T tests/guest/guest.ld -o $@ $<

build/guest/%.bin: build/guest/%.elf
	$(GUEST_CROSS)objcopy -O binary $< $@

# The file name in a .ins is relative to the directory of the .ins itself.
build/guest/%.ins: build/guest/%.bin
	echo "$(notdir $<) 0x00000000" > $@

.PRECIOUS: build/guest/%.o build/guest/%.elf
