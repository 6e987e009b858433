/*
 * Tests of the C ABI from C: every status, the out-parameter rules, and many threads calling
 * at once. Built and run (also under valgrind) by scripts/ci/c.sh; exit status 0 = passed.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "treem.h"

static int failures = 0;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                     \
    }                                                                 \
  } while (0)

/* Checks the status and that *slot holds the error JSON with the given code, then frees it.
 * (The slot is read through a pointer: C leaves the order of argument evaluation open.) */
static void expect_error(TreemStatus got, char **slot, TreemStatus want, const char *code) {
  char *out = *slot;
  *slot = NULL;
  char needle[64];
  snprintf(needle, sizeof needle, "{\"error\":\"%s\"", code);
  if (got != want) fprintf(stderr, "status %d, expected %d (%s): %s\n", (int)got, (int)want, code, out ? out : "(null)");
  CHECK(got == want);
  CHECK(out != NULL && strncmp(out, needle, strlen(needle)) == 0);
  CHECK(out != NULL && strstr(out, "\"message\":\"") != NULL);
  treem_string_free(out);
}

static void test_statuses(void) {
  char *out = (char *)0x1; /* garbage on entry: the library must overwrite it */
  const char *opts = "{\"as_of\": \"2026-11-28\"}";

  CHECK(treem_validate("child", "{}", opts, &out) == TREEM_STATUS_OK);
  CHECK(out != NULL && strcmp(out, "{\"ok\":true,\"issues\":[]}") == 0);
  treem_string_free(out);

  out = (char *)0x1;
  expect_error(treem_validate(NULL, "{}", NULL, &out), &out, TREEM_STATUS_NULL_ARGUMENT, "null_argument");
  out = NULL;
  expect_error(treem_validate("child", NULL, NULL, &out), &out, TREEM_STATUS_NULL_ARGUMENT, "null_argument");
  CHECK(treem_validate("child", "{}", NULL, NULL) == TREEM_STATUS_NULL_ARGUMENT);
  expect_error(treem_validate_n("child", 5, NULL, 3, NULL, 0, &out), &out, TREEM_STATUS_NULL_ARGUMENT, "null_argument");
  expect_error(treem_validate_n("child", 5, "{}", SIZE_MAX, NULL, 0, &out), &out, TREEM_STATUS_INVALID_LENGTH, "invalid_length");

  expect_error(treem_validate_n("\xff", 1, "{}", 2, NULL, 0, &out), &out, TREEM_STATUS_INVALID_UTF8, "invalid_utf8");
  expect_error(treem_validate("child", "{\"full_name\": \"\xc3\"}", NULL, &out), &out, TREEM_STATUS_INVALID_UTF8, "invalid_utf8");
  expect_error(treem_parse("date", "\xe1\xba", NULL, &out), &out, TREEM_STATUS_INVALID_UTF8, "invalid_utf8");
  expect_error(treem_validate("child", "{\"full_name\": ", NULL, &out), &out, TREEM_STATUS_NOT_JSON, "not_json");
  expect_error(treem_validate("pupil", "{}", NULL, &out), &out, TREEM_STATUS_UNKNOWN_KIND, "unknown_kind");
  expect_error(treem_schema("pupil", &out), &out, TREEM_STATUS_UNKNOWN_KIND, "unknown_kind");
  expect_error(treem_catalog("nope", NULL, &out), &out, TREEM_STATUS_UNKNOWN_NAME, "unknown_name");
  expect_error(treem_parse("nope", "x", NULL, &out), &out, TREEM_STATUS_UNKNOWN_NAME, "unknown_name");
  expect_error(treem_validate("child", "[{}]", NULL, &out), &out, TREEM_STATUS_WRONG_TOP_LEVEL_TYPE, "wrong_top_level_type");
  expect_error(treem_validate("child", "{}", "{\"lang\": \"fr\"}", &out), &out, TREEM_STATUS_INVALID_OPTION, "invalid_option");
  expect_error(treem_test_panic(&out), &out, TREEM_STATUS_PANIC, "panic");
  CHECK(treem_test_panic(NULL) == TREEM_STATUS_NULL_ARGUMENT);

  /* The library still works after a caught panic. */
  CHECK(treem_parse("date", "13/8/2024", NULL, &out) == TREEM_STATUS_OK);
  CHECK(out != NULL && strstr(out, "\"2024-08-13\"") != NULL);
  treem_string_free(out);

  /* (NULL, 0) is the empty string; options (NULL, 0) are the defaults. */
  expect_error(treem_validate_n("child", 5, NULL, 0, NULL, 0, &out), &out, TREEM_STATUS_NOT_JSON, "not_json");
  CHECK(treem_catalog_n("sexes", 5, NULL, 0, &out) == TREEM_STATUS_OK);
  CHECK(out != NULL && strstr(out, "\"Nữ\"") != NULL);
  treem_string_free(out);

  treem_string_free(NULL); /* NULL-tolerant */
  CHECK(strlen(treem_version()) > 0);
}

/* A record over the size limit (option max_record_bytes) is refused before it is parsed:
 * the status and the error JSON with its size and the limit; in a batch it is a report in
 * its place. 2 MB of text that is not JSON: refused as too large, never as not_json. */
static void test_record_too_large(void) {
  char *out = NULL;
  size_t n = 2u * 1024u * 1024u;
  char *big = malloc(n);
  CHECK(big != NULL);
  if (big == NULL) return;
  memset(big, 'x', n);
  CHECK(treem_validate_n("child", 5, big, n, NULL, 0, &out) == TREEM_STATUS_RECORD_TOO_LARGE);
  CHECK(out != NULL && strstr(out, "\"error\":\"record_too_large\"") != NULL);
  CHECK(out != NULL && strstr(out, "\"params\":{\"bytes\":2097152,\"limit\":1048576}") != NULL);
  CHECK(out != NULL && strstr(out, "\"message_vi\":\"Bản ghi dài 2097152 byte") != NULL);
  treem_string_free(out);
  out = NULL;
  expect_error(treem_normalize_n("child", 5, big, n, NULL, 0, &out), &out, TREEM_STATUS_RECORD_TOO_LARGE, "record_too_large");
  /* At the limit, lowered by the option: read (and answered as not JSON). */
  expect_error(treem_validate_n("child", 5, big, 64, "{\"max_record_bytes\": 64}", 24, &out), &out, TREEM_STATUS_NOT_JSON, "not_json");
  expect_error(treem_validate_n("child", 5, big, 65, "{\"max_record_bytes\": 64}", 24, &out), &out, TREEM_STATUS_RECORD_TOO_LARGE, "record_too_large");
  /* In a batch: three lines, the middle one 2 MB; three reports, the batch goes on. */
  memcpy(big, "{}\n", 3);
  memcpy(big + n - 3, "\n{}", 3);
  CHECK(treem_validate_many_n("child", 5, big, n, NULL, 0, &out) == TREEM_STATUS_OK);
  CHECK(out != NULL && strncmp(out, "[{\"ok\":true,\"issues\":[]},{\"ok\":false,\"issues\":[{\"path\":\"\",\"code\":\"record.too_large\"", 83) == 0);
  CHECK(out != NULL && strstr(out, "\"params\":{\"bytes\":2097146,\"limit\":1048576}") != NULL);
  CHECK(out != NULL && strcmp(out + strlen(out) - 25, ",{\"ok\":true,\"issues\":[]}]") == 0);
  treem_string_free(out);
  free(big);
}

/* ---- many threads at once ---------------------------------------------------------- */

static const char *const RECORDS[] = {
    "{\"full_name\": \"Nguyễn Văn An\", \"date_of_birth\": \"2015-03-14\", \"sex\": \"male\"}",
    "{\"date_of_birth\": \"30/02/2016\", \"sex\": \"?\"}",
    "{\"full_name\": 12345, \"ho_ten_me\": \"x\"}",
    "[1, 2]",
};
#define N_RECORDS (sizeof RECORDS / sizeof RECORDS[0])
#define N_THREADS 8
#define N_ROUNDS 50

static char *expected[N_RECORDS];
static TreemStatus expected_status[N_RECORDS];

static void *worker(void *arg) {
  intptr_t bad = 0;
  unsigned seed = (unsigned)(intptr_t)arg;
  for (int round = 0; round < N_ROUNDS; round++) {
    size_t i = (seed + (unsigned)round) % N_RECORDS;
    char *out = NULL;
    TreemStatus status = treem_validate("child", RECORDS[i], "{\"as_of\": \"2026-11-28\"}", &out);
    if (status != expected_status[i] || out == NULL || strcmp(out, expected[i]) != 0) bad++;
    treem_string_free(out);
    if (round % 10 == 0) {
      status = treem_test_panic(&out);
      if (status != TREEM_STATUS_PANIC) bad++;
      treem_string_free(out);
    }
  }
  return (void *)bad;
}

static void test_threads(void) {
  for (size_t i = 0; i < N_RECORDS; i++) {
    expected_status[i] = treem_validate("child", RECORDS[i], "{\"as_of\": \"2026-11-28\"}", &expected[i]);
  }
  pthread_t threads[N_THREADS];
  for (intptr_t t = 0; t < N_THREADS; t++) {
    CHECK(pthread_create(&threads[t], NULL, worker, (void *)t) == 0);
  }
  for (int t = 0; t < N_THREADS; t++) {
    void *bad = NULL;
    CHECK(pthread_join(threads[t], &bad) == 0);
    CHECK(bad == NULL);
  }
  for (size_t i = 0; i < N_RECORDS; i++) treem_string_free(expected[i]);
}

int main(void) {
  test_statuses();
  test_record_too_large();
  test_threads();
  if (failures) {
    fprintf(stderr, "abi_test: %d checks failed\n", failures);
    return 1;
  }
  printf("abi_test: all checks passed (%d threads x %d calls)\n", N_THREADS, N_ROUNDS);
  return 0;
}
