/*
 * Per-call cost of treem_validate through the C ABI (call + JSON answer + treem_string_free),
 * on the records of a file, one record per line. Prints one line per record and the mean.
 * Usage: bench FILE ITERATIONS REPEATS   (best of REPEATS runs of ITERATIONS calls per record)
 * Run by bindings/c/bench/bench.sh beside bench_core.rs, which times treem::api::validate.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "treem.h"

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s FILE ITERATIONS REPEATS\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 2; }
  long iterations = atol(argv[2]), repeats = atol(argv[3]);
  const char *options = "{\"as_of\": \"2026-11-28\"}";
  char line[8192];
  double total = 0;
  int records = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    if (line[0] == '\0') continue;
    double best = 1e300;
    for (long r = 0; r < repeats; r++) {
      double t0 = now_ns();
      for (long i = 0; i < iterations; i++) {
        char *out = NULL;
        if (treem_validate("child", line, options, &out) != TREEM_STATUS_OK) {
          fprintf(stderr, "unexpected status: %s\n", out ? out : "");
          return 1;
        }
        treem_string_free(out);
      }
      double per_call = (now_ns() - t0) / (double)iterations;
      if (per_call < best) best = per_call;
    }
    printf("c_abi record %d: %.0f ns/call\n", records + 1, best);
    total += best;
    records++;
  }
  fclose(f);
  printf("c_abi mean: %.0f ns/call over %d records\n", total / records, records);
  return 0;
}
