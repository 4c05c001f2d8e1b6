# CPCMS: build CP, the DASD volumes and the tests; run the demo system.
#
#   make run     install what is missing, build, make the volumes, IPL CP
#   make check   install what is missing, build, run unit and end-to-end tests
#   make bench   measure (results in docs/performance.md)
#   make clean   remove build products, keep DASD volumes
#   make distclean  remove everything under build/

SHELL      := /bin/bash
B          := build
HOSTCC     := gcc
HOSTCFLAGS := -O2 -g -Wall -Wextra -std=c11 -D_GNU_SOURCE -DCP_HOST
CROSS      := s390x-linux-gnu-
CPCC       := $(CROSS)gcc
CPLD       := $(CROSS)ld -m elf_s390 --no-warn-rwx-segments
CPOBJCOPY  := $(CROSS)objcopy
# 31-bit ESA/390 code; no floating point (guests own the FPRs), no libc.
CPCFLAGS   := -m31 -mesa -march=z900 -O2 -std=c11 -ffreestanding -nostdlib -fno-pic \
              -fno-builtin -fno-tree-loop-distribute-patterns -msoft-float \
              -fno-asynchronous-unwind-tables -Wall -Wextra -Werror -Icp

NUC_LOAD   := 0x10000
# CMS: built like CP, runs in a virtual System/370 (24-bit, BC mode), and is
# installed on MAINT's 190 minidisk: CPUSR0 cylinders 130-139, as
# hercules-configs/user.direct says.
CMS_LOAD   := 0x10000
CMS_START  := 130
CMS_CYLS   := 10
CMSCFLAGS  := $(filter-out -Icp,$(CPCFLAGS)) -DCMS_BUILD_DATE='"$(shell date -u +%m/%d/%y)"'

.PHONY: all deps run check unit e2e bench clean distclean volumes
E2E_GUESTS := $(patsubst tests/e2e/guest/%.S,$(B)/e2e-guest/%.bin,$(wildcard tests/e2e/guest/*.S))
all: $(B)/cp/nucleus.bin $(B)/cms/nucleus.bin $(B)/cpvol $(B)/cmsfs $(B)/dirc $(B)/unit $(B)/e2e $(E2E_GUESTS) guest

deps:
	@./mk/deps.sh

# ---- CP nucleus (freestanding) --------------------------------------------
CP_C   := $(wildcard cp/*.c) cp/hw/hwinit.c dasd/volmap.c dasd/dirfmt.c
CP_S   := cp/hw/start.S cp/hw/entry.S cp/hw/pvfasm.S
CP_OBJ := $(patsubst %.c,$(B)/cp/%.o,$(CP_C)) $(patsubst %.S,$(B)/cp/%.o,$(CP_S))

$(B)/cp/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CPCC) $(CPCFLAGS) -MMD -c $< -o $@
$(B)/cp/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CPCC) -m31 -mesa -march=z900 -Icp/hw -c $< -o $@
$(B)/cp/nucleus.elf: $(CP_OBJ) cp/hw/cp.ld
	$(CPLD) -T cp/hw/cp.ld -o $@ $(CP_OBJ)
$(B)/cp/nucleus.bin: $(B)/cp/nucleus.elf
	$(CPOBJCOPY) -O binary $< $@

# ---- CMS nucleus (freestanding, for the virtual machine) ---------------------
CMS_C   := $(wildcard cms/*.c) cp/lib.c cp/fmt.c cp/ebcdic.c cp/cmdparse.c cp/tod.c dasd/cmsfs.c
CMS_S   := cms/start.S
CMS_OBJ := $(patsubst %.c,$(B)/cms/%.o,$(CMS_C)) $(patsubst %.S,$(B)/cms/%.o,$(CMS_S))

$(B)/cms/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC(CMS) $<"
	@$(CPCC) $(CMSCFLAGS) -MMD -c $< -o $@
$(B)/cms/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS(CMS) $<"
	@$(CPCC) -m31 -mesa -march=z900 -c $< -o $@
$(B)/cms/nucleus.elf: $(CMS_OBJ) cms/cms.ld
	$(CPLD) -T cms/cms.ld -o $@ $(CMS_OBJ)
$(B)/cms/nucleus.bin: $(B)/cms/nucleus.elf
	$(CPOBJCOPY) -O binary $< $@

# ---- host tools -------------------------------------------------------------
HOST_LIB := dasd/volmap.c dasd/ckd.c dasd/nucwrite.c cp/ebcdic.c
$(B)/host/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	@$(HOSTCC) $(HOSTCFLAGS) -MMD -c $< -o $@
$(B)/cpvol: $(patsubst %.c,$(B)/host/%.o,dasd/cpvol.c $(HOST_LIB))
	$(HOSTCC) -o $@ $^

$(B)/cmsfs: $(patsubst %.c,$(B)/host/%.o,dasd/cmsfs_tool.c dasd/cmsfs.c $(HOST_LIB))
	$(HOSTCC) -o $@ $^

DIRC_SRCS := dasd/dirc.c dasd/dirparse.c dasd/dirstmt.c dasd/dirfmt.c cp/fmt.c $(HOST_LIB)
$(B)/dirc: $(patsubst %.c,$(B)/host/%.o,$(DIRC_SRCS))
	$(HOSTCC) -o $@ $^

# ---- volumes ----------------------------------------------------------------
# The system residence volume gets a fresh nucleus at every build; the paging,
# spool and user volumes are made once and then left alone, so what users
# stored survives.
SYSRES_AREAS := --area NUC:1:4 --area DIR:5:5 --area WARM:10:2
PAGE_AREAS   := --area PAGE:1:100 --area SPOOL:101:60 --area TDSK:161:39
USER_AREAS   := --area PERM:1:199
WORK_AREAS   := --area PERM:1:19

$(B)/cpres0.3380: | $(B)/cpvol
	$(B)/cpvol format $@ --cyls 30 --volser CPRES0 $(SYSRES_AREAS)
$(B)/cppag0.3380: | $(B)/cpvol
	$(B)/cpvol format $@ --cyls 200 --volser CPPAG0 $(PAGE_AREAS)
$(B)/cpusr0.3380: | $(B)/cpvol
	$(B)/cpvol format $@ --cyls 200 --volser CPUSR0 $(USER_AREAS)
$(B)/cpwrk0.3380: | $(B)/cpvol
	$(B)/cpvol format $@ --cyls 20 --volser CPWRK0 $(WORK_AREAS)
$(B)/.nucleus-written: $(B)/cp/nucleus.bin $(B)/cpres0.3380 $(B)/cpvol
	$(B)/cpvol nucleus $(B)/cpres0.3380 $< --load $(NUC_LOAD)
	@touch $@

# The directory is compiled into the system residence volume's DIR area
# whenever its source changes (dirc writes nothing if the source has errors).
$(B)/.directory-written: hercules-configs/user.direct $(B)/.nucleus-written $(B)/dirc
	$(B)/dirc write hercules-configs/user.direct $(B)/cpres0.3380
	@touch $@

# CMS goes onto MAINT's 190 at every build (its IPL records and nucleus only;
# the rest of the minidisk is left alone).
# Its file system is made again too, with the files of cms/files/ (name.type
# becomes NAME TYPE S2): what MAINT changed on 190 does not survive a build.
CMS_FILES := $(wildcard cms/files/*)
$(B)/.cms-written: $(B)/cms/nucleus.bin $(B)/cpusr0.3380 $(B)/cpvol $(B)/cmsfs $(CMS_FILES)
	$(B)/cpvol mdnucleus $(B)/cpusr0.3380 $< --start $(CMS_START) --cyls $(CMS_CYLS) --load $(CMS_LOAD)
	$(B)/cmsfs format $(B)/cpusr0.3380 $(CMS_START) $(CMS_CYLS) CMS190
	@for f in $(CMS_FILES); do b=$$(basename $$f); \
	    $(B)/cmsfs write $(B)/cpusr0.3380 $(CMS_START) $(CMS_CYLS) $$f $${b%%.*} $${b#*.} S2 || exit 1; done
	@touch $@

volumes: $(B)/.nucleus-written $(B)/.directory-written $(B)/.cms-written $(B)/cppag0.3380 $(B)/cpusr0.3380 \
         $(B)/cpwrk0.3380

# ---- tests ------------------------------------------------------------------
UNIT_SRCS := $(wildcard tests/unit/*.c) cp/ebcdic.c cp/ds3270.c cp/logo.c cp/fmt.c cp/scr.c \
             cp/tod.c cp/cmdparse.c cp/psw.c cp/insn.c cp/dat370.c cp/ccw.c cp/ccwckd.c cp/mdl.c cp/cylmap.c cp/pgslot.c cp/pgclock.c cp/oprange.c cp/sch.c cp/pvf.c cp/cpuload.c cp/pollecho.c dasd/cmsfs.c cms/edit.c cms/file.c \
             dasd/volmap.c dasd/ckd.c dasd/dirfmt.c dasd/dirparse.c dasd/dirstmt.c
$(B)/unit: $(patsubst %.c,$(B)/host/%.o,$(UNIT_SRCS))
	$(HOSTCC) -o $@ $^ -lcunit

E2E_SRCS := $(wildcard tests/e2e/*.c)
$(B)/e2e: $(patsubst %.c,$(B)/host/%.o,$(E2E_SRCS))
	$(HOSTCC) -o $@ $^ -lcunit

# Guest programs the end-to-end tests load with STORE (System/370 code).
$(B)/e2e-guest/%.bin: tests/e2e/guest/%.S
	@mkdir -p $(dir $@)
	@echo "  GUEST   $<"
	@$(CROSS)as -m31 -o $(B)/e2e-guest/$*.o $<
	@$(CROSS)ld -m elf_s390 --no-warn-rwx-segments -e 0 -Ttext=0 -o $(B)/e2e-guest/$*.elf $(B)/e2e-guest/$*.o
	@$(CROSS)objcopy -O binary $(B)/e2e-guest/$*.elf $@

BENCH_SRCS := tests/bench/bench.c tests/e2e/herc.c tests/e2e/proc.c tests/e2e/s3270.c tests/e2e/cpsess.c \
              tests/e2e/oracle_bare.c
BENCH_GUESTS := $(patsubst tests/bench/guest/%.S,$(B)/bench-guest/%.bin,$(wildcard tests/bench/guest/*.S))
$(B)/bench-guest/%.bin: tests/bench/guest/%.S tests/bench/guest/timing.inc
	@mkdir -p $(dir $@)
	@echo "  GUEST   $<"
	@$(CROSS)as -m31 -I tests/bench/guest -o $(B)/bench-guest/$*.o $<
	@$(CROSS)ld -m elf_s390 --no-warn-rwx-segments -e 0 -Ttext=0 -o $(B)/bench-guest/$*.elf $(B)/bench-guest/$*.o
	@$(CROSS)objcopy -O binary $(B)/bench-guest/$*.elf $@
	@echo "$*.bin 0x00000000" > $(B)/bench-guest/$*.ins
$(B)/bench: $(patsubst %.c,$(B)/host/%.o,$(BENCH_SRCS))
	$(HOSTCC) -o $@ $^ -lcunit

unit: deps $(B)/unit
	$(B)/unit

e2e: deps all volumes
	$(B)/e2e

check: deps
	$(MAKE) all volumes
	$(B)/unit
	$(B)/e2e

bench: deps
	$(MAKE) all volumes $(B)/bench $(BENCH_GUESTS)
	$(B)/bench docs/performance.md

run: deps
	$(MAKE) all volumes
	@echo
	@echo "CPCMS is starting. Connect 3270 emulators with:  c3270 localhost:3270"
	@echo "Operator commands at the Hercules prompt start with '/', e.g. /QUERY TIME"
	@echo "Stop the system with /SHUTDOWN, then 'quit'."
	@echo
	HERCULES_RC=hercules-configs/cpcms.rc hercules -f hercules-configs/cpcms.cnf

clean:
	rm -rf $(B)/cp $(B)/host $(B)/unit $(B)/e2e $(B)/bench $(B)/cpvol $(B)/dirc $(B)/.nucleus-written $(B)/.directory-written

distclean:
	rm -rf $(B)

# The oracle suite's System/370 programs (tests/guest/README.md).
include tests/guest/guest.mk

-include $(shell find $(B) -name '*.d' 2>/dev/null)
