/* prvio.c: System/370 I/O instructions (SIO, SIOF, TIO, CLRIO, HIO, HDV,
 * TCH) and STIDC. Virtual devices and channels arrive with [Virtual I/O];
 * until then the virtual machine has none, and the architecture's answer
 * for a device or channel that is not there is condition code 3. */
#include "prv.h"
#include "vm.h"

int prv_io(struct vmblok *vm, const struct insn *in)
{
    (void)in;
    vm->vm_psw.ps_cc = 3;
    return PRV_DONE;
}

int prv_stidc(struct vmblok *vm, const struct insn *in)
{
    (void)in;
    vm->vm_psw.ps_cc = 3;
    return PRV_DONE;
}
