"""Every conformance vector (tests/vectors/*.json) through the package, with the matching
rules of crates/treem/tests/conformance.rs: the same answers as Rust."""

from __future__ import annotations

import json
from typing import Any, List

import pytest

import treem
from conftest import as_dict, matches, vector_cases

CASES = vector_cases()


def answer(case: Any) -> Any:
    """Runs one case through the package; misuse answers the error JSON, as in Rust.

    Options and input go through as JSON text, exactly as the Rust runner sends them.
    """
    options = json.dumps(case["options"], ensure_ascii=False) if "options" in case else ""
    op = case.get("op", "validate")
    kind = case.get("kind", "")
    if isinstance(case.get("input_text"), str):
        data = case["input_text"].encode("utf-8")
    elif "input" in case:
        data = json.dumps(case["input"], ensure_ascii=False).encode("utf-8")
    else:
        data = b""
    try:
        if op == "validate":
            return treem.validate(kind, data, options=options).to_dict()
        if op == "validate_many":
            # The whole text in one call (a JSON array or NDJSON), as the Rust runner does;
            # the streaming form over an iterable is tested in test_api.py.
            status, text = treem._raw_call("validate_many", kind.encode(), data, options.encode())
            whole = json.loads(treem._check(status, text))
            if isinstance(case.get("input"), list):
                streamed = treem.validate_many(kind, case["input"], options=options, chunk_size=2)
                assert [r.to_dict() for r in streamed] == whole, "streamed != whole batch"
            return whole
        if op == "normalize":
            return treem.normalize(kind, data, options=options).to_dict()
        if op == "parse":
            return treem.parse(case["what"], case["text"], options=options)
        if op == "catalog":
            return treem.catalog(case["name"], options=options)
        if op == "schema":
            return treem.schema(kind)
        if op == "indicators":
            return treem.indicators(data, options=options).to_dict()
        # Every other op is a named domain operation, as in the Rust runner.
        return treem.call(op, data, options=options)
    except treem.Error as err:
        return err.error


def test_there_are_vectors() -> None:
    assert len(CASES) >= 100, f"only {len(CASES)} vectors found"


@pytest.mark.parametrize(
    "name,index,case", CASES, ids=[f"{n}[{i}]" for n, i, _ in CASES]
)
def test_vector(name: str, index: int, case: Any) -> None:
    actual = as_dict(answer(case))
    errors: List[str] = []
    matches(case["expect"], actual, "", errors)
    assert not errors, (
        f"{name}[{index}] {case.get('description', '')}:\n  " + "\n  ".join(errors)
        + f"\n  answer: {json.dumps(actual, ensure_ascii=False)[:2000]}"
    )


def test_matching_is_strict_where_rust_is() -> None:
    errors: List[str] = []
    matches({"ok": True}, {"ok": 1}, "", errors)
    matches([1], [1.0], "", errors)
    matches({"issues": []}, {"issues": [{"code": "x"}]}, "", errors)
    matches({"a": 1}, {}, "", errors)
    assert len(errors) == 4, errors
    errors = []
    matches({"issues": [{"code": "x"}]}, {"issues": [{"code": "x", "path": ""}], "ok": 0}, "", errors)
    assert errors == []
