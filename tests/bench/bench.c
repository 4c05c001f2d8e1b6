/* bench.c: CPCMS benchmarks, written to a Markdown report (make bench).
 *
 * Each figure is measured in this one run on this machine, several times,
 * and reported as a median with its spread, next to its goal.
 *
 *   ipl_online  seconds from the Hercules "ipl 0A80" command to CP's ONLINE
 *               message, over BENCH_RUNS fresh Hercules instances.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/utsname.h>
#include "../e2e/herc.h"
#include "../e2e/contract.h"

#define BENCH_RUNS 7

/* The CUnit tables herc.h declares belong to the test program, not here. */
CU_TestInfo e2e_harness_tests[] = { CU_TEST_INFO_NULL };
CU_TestInfo e2e_basic_tests[] = { CU_TEST_INFO_NULL };

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* One IPL: Hercules up with no startup IPL, then time ipl -> ONLINE. */
static int time_ipl(int run, double *secs)
{
    static struct herc h;
    struct herc_opts o = { .rc = "\n" };
    char name[32];
    snprintf(name, sizeof name, "bench_ipl_%d", run);
    if (herc_start(&h, name, &o) != 0)
        return -1;
    long mark = herc_log_mark(&h);
    double t0 = herc_now();
    int rc = herc_command(&h, "ipl 0A80");
    if (rc == 0)
        rc = herc_wait_log_from(&h, mark, CONTRACT_ONLINE, CONTRACT_IPL_TIMEOUT);
    *secs = herc_now() - t0;
    herc_stop(&h, rc != 0);
    return rc;
}

int main(int argc, char **argv)
{
    const char *out = argc > 1 ? argv[1] : "docs/performance.md";
    double t[BENCH_RUNS];

    herc_init();
    for (int i = 0; i < BENCH_RUNS; i++) {
        if (time_ipl(i, &t[i]) != 0) {
            fprintf(stderr, "bench: IPL run %d did not reach ONLINE\n", i);
            return 1;
        }
        fprintf(stderr, "bench: IPL to ONLINE run %d: %.3f s\n", i, t[i]);
    }
    qsort(t, BENCH_RUNS, sizeof t[0], cmp_double);
    double median = t[BENCH_RUNS / 2];

    FILE *f = fopen(out, "w");
    if (!f) {
        perror(out);
        return 1;
    }
    struct utsname u;
    uname(&u);
    time_t now = time(NULL);
    char when[64];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime(&now));
    fprintf(f, "# CPCMS performance\n\n");
    fprintf(f, "Written by `make bench` (tests/bench/bench.c) on %s, %s %s, "
               "Hercules 3.13 as packaged by Debian. Every figure is measured "
               "in one run of the benchmark; medians of %d runs.\n\n",
            when, u.sysname, u.machine, BENCH_RUNS);
    fprintf(f, "| figure | median | min | max | goal | met |\n");
    fprintf(f, "|---|---|---|---|---|---|\n");
    fprintf(f, "| IPL to ONLINE (Hercules `ipl 0A80` to `CPI010I ... ONLINE`) "
               "| %.3f s | %.3f s | %.3f s | under 2 s | %s |\n\n",
            median, t[0], t[BENCH_RUNS - 1], median < 2.0 ? "yes" : "NO");
    fprintf(f, "How it is measured: each run starts a fresh Hercules (copies of the "
               "volumes, NUMCPU 2, MAINSIZE 16) without IPLing, sends `ipl 0A80` "
               "through Hercules' HTTP command interface, and waits for CP's ONLINE "
               "line in the Hercules log. The time includes Hercules' IPL channel "
               "program (IPL1, IPL2 and the nucleus read), CP's storage probe, "
               "subchannel enumeration with SENSE ID of every device, the volume "
               "label read, the logo write to all 32 terminals, and the harness's "
               "polling of the log file, every 50 ms: read each figure as an "
               "upper bound with 50 ms resolution.\n");
    fclose(f);
    printf("bench: IPL to ONLINE median %.3f s (min %.3f, max %.3f); report in %s\n",
           median, t[0], t[BENCH_RUNS - 1], out);
    return 0;
}
