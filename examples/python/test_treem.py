"""Tests of treem.py and the C library under it (unittest, standard library only).

Run from the repository root after `cargo build -p treem-c`:
    python3 -m unittest discover -s examples/python -v

- every conformance vector in tests/vectors/*.json, with the matching rules of
  crates/treem/tests/conformance.rs reproduced exactly (see `matches`);
- every status of the C ABI (NULL, bad UTF-8, not JSON, unknown kind/name, wrong top-level
  type, invalid option, invalid length, panic caught), called through ctypes;
- many threads calling at once get the answers one thread gets.
"""

import ctypes
import json
import re
import sys
import threading
import unittest
from pathlib import Path

import treem

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
HEADER = ROOT / "bindings" / "c" / "include" / "treem.h"
OPTS = {"as_of": "2026-11-28"}


def answer(case):
    """Runs one case through the C library; misuse answers the error JSON, as in Rust.

    Options and input go through as JSON text, exactly as the Rust runner sends them.
    """
    options = json.dumps(case["options"], ensure_ascii=False) if "options" in case else ""
    op = case.get("op", "validate")
    kind = case.get("kind", "")

    def input_bytes():
        if isinstance(case.get("input_text"), str):
            return case["input_text"].encode("utf-8")
        if "input" in case:
            return json.dumps(case["input"], ensure_ascii=False).encode("utf-8")
        return b""

    try:
        if op == "validate":
            return treem.validate(kind, input_bytes(), options=options)
        if op == "validate_many":
            return treem.validate_many(kind, input_bytes(), options=options)
        if op == "normalize":
            return treem.normalize(kind, input_bytes(), options=options)
        if op == "parse":
            return treem.parse(case["what"], case["text"], options=options)
        if op == "catalog":
            return treem.catalog(case["name"], options=options)
        if op == "schema":
            return treem.schema(kind)
        # Every other op is a named domain operation, as in the Rust runner.
        return treem.call(op, input_bytes(), options=options)
    except treem.TreemError as err:
        return err.error


def _same_scalar(expected, actual):
    """serde_json's Value equality: no bool/number mixing, 1 and 1.0 differ."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return type(expected) is type(actual) and expected == actual
    return expected == actual


def matches(expected, actual, at, errors):
    """`matches` of conformance.rs: objects as subsets, arrays element-wise, else equal."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, exp in expected.items():
            if key in actual:
                matches(exp, actual[key], f"{at}/{key}", errors)
            else:
                errors.append(f"{at}/{key}: missing")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            errors.append(f"{at}: expected {len(expected)} elements, got {len(actual)}: {actual}")
            return
        for i, (e, a) in enumerate(zip(expected, actual)):
            matches(e, a, f"{at}/{i}", errors)
    elif isinstance(expected, (dict, list)) or isinstance(actual, (dict, list)):
        if type(expected) is not type(actual) or expected != actual:
            errors.append(f"{at}: expected {expected!r}, got {actual!r}")
    elif not _same_scalar(expected, actual):
        errors.append(f"{at}: expected {expected!r}, got {actual!r}")


class ConformanceVectors(unittest.TestCase):
    def test_every_vector_passes(self):
        files = sorted(VECTORS.glob("*.json"))
        failures, count = [], 0
        for path in files:
            doc = json.loads(path.read_text(encoding="utf-8"))
            for case in doc if isinstance(doc, list) else [doc]:
                count += 1
                actual = answer(case)
                errors = []
                matches(case["expect"], actual, "", errors)
                if errors:
                    failures.append(
                        f"{path.name} — {case.get('description', '(no description)')}:\n  "
                        + "\n  ".join(errors)
                        + f"\n  answer: {json.dumps(actual, ensure_ascii=False)}"
                    )
        self.assertGreaterEqual(count, 10, f"only {count} vectors found under {VECTORS}")
        self.assertEqual(failures, [], f"{len(failures)} of {count} vectors failed")
        sys.stderr.write(f"({count} vectors through the C library) ")

    def test_matching_is_strict_where_rust_is(self):
        errors = []
        matches({"ok": True}, {"ok": 1}, "", errors)
        matches([1], [1.0], "", errors)
        matches({"issues": []}, {"issues": [{"code": "x"}]}, "", errors)
        matches({"a": 1}, {}, "", errors)
        self.assertEqual(len(errors), 4, errors)
        errors = []
        matches({"issues": [{"code": "x"}]}, {"issues": [{"code": "x", "path": ""}], "ok": 0}, "", errors)
        self.assertEqual(errors, [])


class PythonicApi(unittest.TestCase):
    def test_validate_returns_a_dict_with_vietnamese_messages(self):
        report = treem.validate("child", {"date_of_birth": "30/02/2016"}, as_of="2026-11-28")
        self.assertFalse(report["ok"])
        self.assertEqual(report["issues"][0]["code"], "date.impossible")
        self.assertEqual(report["issues"][0]["message"],
                         "Ngày 30/2/2016 không tồn tại: tháng 2 chỉ có 29 ngày")
        en = treem.validate("child", {"date_of_birth": "30/02/2016"}, as_of="2026-11-28", lang="en")
        self.assertNotEqual(en["issues"][0]["message"], report["issues"][0]["message"])

    def test_other_operations(self):
        self.assertEqual(len(treem.validate_many("child", [{}, {"sex": "?"}], as_of="2026-11-28")), 2)
        normalized = treem.normalize("child", {"sex": "Nữ"}, as_of="2026-11-28")
        self.assertEqual(normalized["record"]["sex"], "female")
        self.assertEqual(treem.schema("child")["type"], "object")
        self.assertEqual(treem.parse("date", "13/8/2024")["value"]["date"], "2024-08-13")
        self.assertIn("date", treem.parser_names())
        self.assertIn("sexes", treem.catalog_names())
        labels = [i["label"] for i in treem.catalog("sexes", lang="en")["items"]]
        self.assertEqual(labels, ["Male", "Female"])
        self.assertEqual(treem.version_info()["version"], treem.version())

    def test_misuse_raises_with_the_code(self):
        with self.assertRaises(treem.TreemError) as caught:
            treem.validate("pupil", {})
        self.assertEqual(caught.exception.code, "unknown_kind")
        self.assertEqual(caught.exception.status, treem.Status.UNKNOWN_KIND)
        self.assertIn("pupil", caught.exception.message)

    def test_text_is_passed_with_its_length_not_cut_at_a_nul(self):
        self.assertTrue(treem.parse("date", "13/8/2024")["ok"])
        # Cut at the NUL byte this would be a valid date; passed whole it is not one.
        self.assertFalse(treem.parse("date", "13/8/2024\x00junk")["ok"])


class Statuses(unittest.TestCase):
    """Every status of the C ABI, through ctypes at the lowest level."""

    lib = treem._lib

    def call(self, fn, *args):
        out = ctypes.c_void_p(1)  # garbage on entry: the library must overwrite it
        status = fn(*args, ctypes.byref(out))
        text = ctypes.string_at(out.value).decode("utf-8") if out.value else None
        self.lib.treem_string_free(out)
        return status, (json.loads(text) if text is not None else None)

    def expect(self, want, code, fn, *args):
        status, error = self.call(fn, *args)
        self.assertEqual(status, want, error)
        self.assertEqual(error["error"], code)
        self.assertTrue(error["message"])

    def test_status_values_match_the_header(self):
        header = HEADER.read_text(encoding="utf-8")
        found = dict(re.findall(r"TREEM_STATUS_([A-Z0-9_]+) = (\d+)", header))
        self.assertEqual({k: int(v) for k, v in found.items()},
                         {s.name: s.value for s in treem.Status})

    def test_ok(self):
        status, report = self.call(treem._validate, *treem._text_args("child", "{}", ""))
        self.assertEqual((status, report), (treem.Status.OK, {"ok": True, "issues": []}))

    def test_null_arguments(self):
        fn = self.lib.treem_validate
        fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
        fn.restype = ctypes.c_int
        self.expect(treem.Status.NULL_ARGUMENT, "null_argument", fn, None, b"{}", None)
        self.expect(treem.Status.NULL_ARGUMENT, "null_argument", fn, b"child", None, None)
        self.assertEqual(fn(b"child", b"{}", None, None), treem.Status.NULL_ARGUMENT)
        self.expect(treem.Status.NULL_ARGUMENT, "null_argument", treem._validate, b"child", 5, None, 2, b"", 0)
        self.lib.treem_string_free(None)

    def test_invalid_length(self):
        huge = ctypes.c_size_t(-1).value
        self.expect(treem.Status.INVALID_LENGTH, "invalid_length", treem._validate, b"child", 5, b"{}", huge, b"", 0)

    def test_bad_utf8(self):
        self.expect(treem.Status.INVALID_UTF8, "invalid_utf8", treem._validate, *treem._text_args(b"\xff", b"{}", b""))
        self.expect(treem.Status.INVALID_UTF8, "invalid_utf8", treem._validate,
                    *treem._text_args(b"child", b'{"full_name": "\xc3"}', b""))
        self.expect(treem.Status.INVALID_UTF8, "invalid_utf8", treem._parse, *treem._text_args(b"date", b"\xe1\xba", b""))

    def test_misuse_statuses(self):
        v = treem._validate
        self.expect(treem.Status.NOT_JSON, "not_json", v, *treem._text_args("child", '{"a": ', ""))
        self.expect(treem.Status.UNKNOWN_KIND, "unknown_kind", v, *treem._text_args("pupil", "{}", ""))
        self.expect(treem.Status.UNKNOWN_NAME, "unknown_name", treem._catalog, *treem._text_args("nope", ""))
        self.expect(treem.Status.WRONG_TOP_LEVEL_TYPE, "wrong_top_level_type", v, *treem._text_args("child", "[]", ""))
        self.expect(treem.Status.INVALID_OPTION, "invalid_option", v, *treem._text_args("child", "{}", '{"lang": "fr"}'))
        self.expect(treem.Status.RECORD_TOO_LARGE, "record_too_large", v,
                    *treem._text_args("child", "x" * 65, '{"max_record_bytes": 64}'))
        with self.assertRaises(treem.TreemError) as caught:
            treem.validate("child", b"x" * (1024 * 1024 + 1))
        self.assertEqual(caught.exception.status, treem.Status.RECORD_TOO_LARGE)
        self.assertEqual(caught.exception.error["params"]["bytes"], 1024 * 1024 + 1)
        self.assertEqual(caught.exception.error["params"]["limit"], 1024 * 1024)

    def test_panic_is_caught_and_the_library_still_works(self):
        self.expect(treem.Status.PANIC, "panic", treem._test_panic)
        with self.assertRaises(treem.TreemError) as caught:
            treem._call(treem._test_panic)
        self.assertEqual(caught.exception.code, "panic")
        self.assertTrue(treem.validate("child", {}, as_of="2026-11-28")["ok"])


class Threads(unittest.TestCase):
    def test_many_threads_get_the_single_thread_answers(self):
        records = [
            {"full_name": "Nguyễn Văn An", "date_of_birth": "2015-03-14", "sex": "male"},
            {"date_of_birth": "30/02/2016", "sex": "?"},
            {"full_name": 12345, "ho_ten_me": "x"},
        ]
        expected = [treem.validate("child", r, options=OPTS) for r in records]
        problems = []

        def work(seed):
            for round_ in range(100):
                i = (seed + round_) % len(records)
                try:
                    got = treem.validate("child", records[i], options=OPTS)
                    if got != expected[i]:
                        problems.append((seed, round_, got))
                    if round_ % 25 == 0:
                        treem._call(treem._test_panic)
                        problems.append((seed, round_, "panic hook did not raise"))
                except treem.TreemError as err:
                    if err.code != "panic":
                        problems.append((seed, round_, err))

        threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(problems, [])


if __name__ == "__main__":
    unittest.main()
