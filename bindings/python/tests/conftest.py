"""Shared helpers of the package's tests: the repository's paths and the conformance
matching rules of crates/treem/tests/conformance.rs, reproduced exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[3]
VECTORS = ROOT / "tests" / "vectors"
BAD_INPUTS = ROOT / "tests" / "bad-inputs" / "cases.json"
HEADER = ROOT / "bindings" / "c" / "include" / "treem.h"


def vector_cases() -> List[Any]:
    """Every case of tests/vectors/*.json as (file name, index, case)."""
    cases = []
    for path in sorted(VECTORS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(doc if isinstance(doc, list) else [doc]):
            cases.append((path.name, i, case))
    return cases


def _same_scalar(expected: Any, actual: Any) -> bool:
    """serde_json's Value equality: no bool/number mixing, 1 and 1.0 differ."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return type(expected) is type(actual) and expected == actual
    return bool(expected == actual)


def matches(expected: Any, actual: Any, at: str, errors: List[str]) -> None:
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


def rss_kb() -> int:
    """Current resident set size (VmRSS) of this process in KiB, from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status: this test needs Linux's /proc")


def as_dict(value: Any) -> Any:
    return value.to_dict() if hasattr(value, "to_dict") else value
