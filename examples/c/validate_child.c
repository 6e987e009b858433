/*
 * Validates a child record through the C ABI of treem and prints the Vietnamese message of
 * every issue found. Build (from the repository root, after `cargo build -p treem-c`):
 *
 *   gcc -std=c11 -Wall -Wextra -Ibindings/c/include examples/c/validate_child.c \
 *       -Ltarget/debug -ltreem -Wl,-rpath,"$PWD/target/debug" -o validate_child
 *
 * or with an installed library: gcc validate_child.c $(pkg-config --cflags --libs treem).
 * scripts/ci/c.sh builds it against the shared and the static library and runs it under
 * valgrind.
 */
#include <stdio.h>
#include <string.h>

#include "treem.h"

/*
 * Prints every "message" string of a report, one per line. A real program would use a JSON
 * library; this scanner only knows what serde_json writes (escapes for '"', '\\' and control
 * characters, everything else as raw UTF-8), which is enough for an example.
 */
static int print_messages(const char *json) {
  static const char key[] = "\"message\":\"";
  int count = 0;
  for (const char *at = strstr(json, key); at != NULL; at = strstr(at, key)) {
    at += sizeof key - 1;
    printf("  - ");
    while (*at != '\0' && *at != '"') {
      if (*at == '\\' && at[1] != '\0') {
        at++;
        switch (*at) {
          case 'n': putchar('\n'); break;
          case 't': putchar('\t'); break;
          case 'u': at += 4; putchar('?'); break; /* a control character */
          default: putchar(*at); break;           /* '"', '\\' and '/' */
        }
      } else {
        putchar(*at);
      }
      at++;
    }
    putchar('\n');
    count++;
  }
  return count;
}

int main(void) {
  /* A synthetic record (no real person) with three mistakes. */
  const char *record =
      "{\"full_name\": \"Nguyễn Thị Hoa\", \"date_of_birth\": \"30/02/2016\", "
      "\"sex\": \"không rõ\", \"ho_ten_me\": \"x\"}";
  const char *options = "{\"as_of\": \"2026-11-28\", \"lang\": \"vi\"}";
  char *out = NULL;

  printf("treem %s\n", treem_version());

  TreemStatus status = treem_validate("child", record, options, &out);
  if (status != TREEM_STATUS_OK) {
    fprintf(stderr, "treem_validate failed with status %d: %s\n", (int)status,
            out ? out : "(no message)");
    treem_string_free(out);
    return 1;
  }
  printf("report: %s\n", out);
  printf("issues (tiếng Việt):\n");
  int issues = print_messages(out);
  treem_string_free(out); /* never free(out): the string belongs to Rust's allocator */
  out = NULL;

  /* Misuse is an error status, and *out still carries a message. */
  status = treem_validate("pupil", record, NULL, &out);
  printf("unknown kind -> status %d, %s\n", (int)status, out ? out : "(null)");
  treem_string_free(out);

  /* The _n variants take (pointer, length): the text needs no NUL terminator (and data may
   * hold NUL bytes). Here only the first 9 bytes of a longer buffer are parsed. */
  static const char typed[] = "13/8/2024 (ngày nhập học)";
  out = NULL;
  status = treem_parse_n("date", 4, typed, 9, NULL, 0, &out);
  printf("parse 13/8/2024 -> status %d, %s\n", (int)status, out ? out : "(null)");
  treem_string_free(out);

  return issues == 3 ? 0 : 2;
}
