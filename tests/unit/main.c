/* main.c: the CUnit runner for every host unit test suite. */
#include <CUnit/Basic.h>
#include <stdio.h>

void suite_ebcdic(void);
void suite_ds3270(void);
void suite_logo(void);
void suite_volmap(void);
void suite_ckd(void);
void suite_fmt(void);
void suite_tod(void);
void suite_cmdparse(void);
void suite_scr(void);
void suite_dirparse(void);
void suite_dirfmt(void);
void suite_psw(void);
void suite_insn(void);
void suite_dat370(void);
void suite_ccw(void);
void suite_mdl(void);
void suite_cylmap(void);
void suite_cmsfs(void);
void suite_edit(void);
void suite_fileid(void);
void suite_paging(void);
void suite_oprange(void);
void suite_sched(void);
void suite_pvf(void);
void suite_cpuload(void);
void suite_pollecho(void);

static void (*const suites[])(void) = {
    suite_ebcdic, suite_ds3270, suite_logo, suite_volmap, suite_ckd,
    suite_fmt, suite_tod, suite_cmdparse, suite_scr,
    suite_dirparse, suite_dirfmt, suite_psw, suite_insn, suite_dat370,
    suite_ccw, suite_mdl, suite_cylmap, suite_cmsfs, suite_edit, suite_fileid,
    suite_paging, suite_oprange, suite_sched, suite_pvf, suite_cpuload,
    suite_pollecho,
};

int main(void)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
        suites[i]();
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
