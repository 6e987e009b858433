"""The bad-input suite (tests/bad-inputs/cases.json) through the package: every input, built
in memory from its recipe, gets a structured answer or a treem.Error with a code within its
time limit: no crash, no Panic, peak memory under 2 GB. The Rust and Node runners hold the
core and the WebAssembly package to the same file."""

from __future__ import annotations

import json
import resource
import time
from typing import Any, Dict, List

import pytest

import treem
from conftest import BAD_INPUTS

DOC = json.loads(BAD_INPUTS.read_text(encoding="utf-8"))


def build(parts: List[Dict[str, Any]]) -> bytes:
    out = bytearray()
    for part in parts:
        if "text" in part:
            out += part["text"].encode("utf-8")
        elif "hex" in part:
            out += bytes.fromhex(part["hex"])
        else:
            out += part["repeat"].encode("utf-8") * part["times"]
    return bytes(out)


def options_of(case: Dict[str, Any]) -> str:
    if "options_text" in case:
        return str(case["options_text"])
    return json.dumps(case["options"], ensure_ascii=False) if "options" in case else ""


def answer(case: Dict[str, Any], data: bytes) -> Any:
    """The answer, or the error JSON (with the C status) on misuse."""
    options = options_of(case)
    kind = case.get("kind", "")
    op = case["op"]
    try:
        if op == "validate":
            return treem.validate(kind, data, options=options).to_dict()
        if op == "validate_many":
            status, text = treem._raw_call("validate_many", kind.encode(), data, options.encode())
            return json.loads(treem._check(status, text))
        if op == "normalize":
            return treem.normalize(kind, data, options=options).to_dict()
        if op == "parse":
            return treem.parse(case["what"], data, options=options)
        if op == "call":
            return treem.call(case["operation"], data, options=options)
    except treem.Error as err:
        return dict(err.error, status=int(err.status), exception=type(err).__name__)
    raise ValueError(f"unknown op {op}")


def collect_codes(value: Any, out: List[str]) -> None:
    if isinstance(value, dict):
        if isinstance(value.get("code"), str) and "severity" in value:
            out.append(value["code"])
        for v in value.values():
            collect_codes(v, out)
    elif isinstance(value, list):
        for v in value[:1000]:
            collect_codes(v, out)


def check(expect: Dict[str, Any], got: Any) -> List[str]:
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
    codes: List[str] = []
    collect_codes(got, codes)
    for code in expect.get("codes", []):
        if code not in codes:
            errors.append(f"expected the code {code}, got {codes}")
    return errors


def test_there_are_cases() -> None:
    assert len(DOC["cases"]) >= 40


@pytest.mark.parametrize("case", DOC["cases"], ids=[c["name"] for c in DOC["cases"]])
def test_bad_input(case: Dict[str, Any]) -> None:
    limits = DOC["time_limit_ms"]
    data = build(case["input"])
    start = time.monotonic()
    got = answer(case, data)
    took_ms = (time.monotonic() - start) * 1000
    del data
    limit = limits["giant" if case.get("giant") else "default"]
    assert took_ms < limit, f"{case['name']} took {took_ms:.0f} ms (limit {limit})"
    if isinstance(got, dict) and "status" in got:
        assert got["status"] != int(treem.Status.PANIC), got
        # The exception class is the one of its status.
        assert got["exception"] == treem._ERRORS[got["status"]].__name__
    assert check(case["expect"], got) == []


def test_peak_memory_stays_under_2_gb() -> None:
    # Run after the cases above (pytest keeps file order): ru_maxrss is the process' peak.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    assert peak_mb < 2048, f"peak resident memory {peak_mb} MB"
