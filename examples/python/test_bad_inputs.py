"""The bad-input suite (tests/bad-inputs/cases.json) through the C ABI, with ctypes.

Every input, built in memory from its recipe (format: tests/bad-inputs/README.md), must get a
structured answer or a TreemError with a code within its time limit: no crash of the
process, no PANIC status, and peak memory under 2 GB. The Rust and Node runners hold the core
and the WebAssembly package to the same file.
"""

import json
import resource
import time
import unittest
from pathlib import Path

import treem

ROOT = Path(__file__).resolve().parents[2]
DOC = json.loads((ROOT / "tests" / "bad-inputs" / "cases.json").read_text(encoding="utf-8"))


def build(parts):
    out = bytearray()
    for part in parts:
        if "text" in part:
            out += part["text"].encode("utf-8")
        elif "hex" in part:
            out += bytes.fromhex(part["hex"])
        else:
            out += part["repeat"].encode("utf-8") * part["times"]
    return bytes(out)


def options_of(case):
    if "options_text" in case:
        return case["options_text"]
    return json.dumps(case["options"], ensure_ascii=False) if "options" in case else ""


def answer(case, data):
    """The answer, or the error JSON (with the C status) on misuse."""
    options = options_of(case)
    kind = case.get("kind", "")
    op = case["op"]
    try:
        if op == "validate":
            return treem.validate(kind, data, options=options)
        if op == "validate_many":
            return treem.validate_many(kind, data, options=options)
        if op == "normalize":
            return treem.normalize(kind, data, options=options)
        if op == "parse":
            return treem.parse(case["what"], data, options=options)
        if op == "call":
            return treem.call(case["operation"], data, options=options)
    except treem.TreemError as err:
        return dict(err.error, status=int(err.status))
    raise ValueError(f"unknown op {op}")


def collect_codes(value, out):
    if isinstance(value, dict):
        if isinstance(value.get("code"), str) and "severity" in value:
            out.append(value["code"])
        for v in value.values():
            collect_codes(v, out)
    elif isinstance(value, list):
        for v in value[:1000]:
            collect_codes(v, out)


def check(expect, got):
    """What does not match (the rules of crates/treem/tests/support/mod.rs)."""
    errors = []
    error = got.get("error") if isinstance(got, dict) else None
    if "error" in expect:
        if error not in expect["error"]:
            errors.append(f"expected an error {expect['error']}, got {str(got)[:300]}")
        if not isinstance(got, dict) or not got.get("message"):
            errors.append("the error has no message")
        return errors
    if error is not None:
        return [f"expected an answer, got the error {error}: {got.get('message')}"]
    report = got.get("report", got) if isinstance(got, dict) else got
    if "ok" in expect and (not isinstance(report, dict) or report.get("ok") is not expect["ok"]):
        errors.append(f"expected ok = {expect['ok']}, got {str(got)[:300]}")
    if "length" in expect and (not isinstance(got, list) or len(got) != expect["length"]):
        errors.append(f"expected {expect['length']} answers")
    codes = []
    collect_codes(got, codes)
    for code in expect.get("codes", []):
        if code not in codes:
            errors.append(f"expected the code {code}, got {codes}")
    return errors


class BadInputs(unittest.TestCase):
    def test_every_bad_input_gets_a_structured_answer_in_time(self):
        limits = DOC["time_limit_ms"]
        count = 0
        for case in DOC["cases"]:
            with self.subTest(case["name"]):
                data = build(case["input"])
                start = time.monotonic()
                got = answer(case, data)
                took_ms = (time.monotonic() - start) * 1000
                del data
                count += 1
                limit = limits["giant" if case.get("giant") else "default"]
                self.assertLess(took_ms, limit, f"{case['name']} took {took_ms:.0f} ms")
                if isinstance(got, dict):
                    self.assertNotEqual(got.get("status"), int(treem.Status.PANIC), got)
                self.assertEqual(check(case["expect"], got), [])
        self.assertGreaterEqual(count, 40)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        self.assertLess(peak_mb, 2048, f"peak resident memory {peak_mb} MB")


if __name__ == "__main__":
    unittest.main()
