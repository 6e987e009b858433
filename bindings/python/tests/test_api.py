"""The Pythonic API, the error classes, and every status of the C ABI through cffi."""

from __future__ import annotations

import json
import re
from typing import Any, List, Tuple

import pytest

import treem
from treem._native import ffi, lib
from conftest import HEADER

OPTS = {"as_of": "2026-11-28"}


def test_readme_example() -> None:
    assert treem.validate("child", {"full_name": "Nguyễn Văn An"}).ok is True


def test_validate_takes_a_dict_a_str_or_bytes_and_gives_a_report() -> None:
    record = {"date_of_birth": "30/02/2016"}
    reports = [
        treem.validate("child", record, as_of="2026-11-28"),
        treem.validate("child", json.dumps(record), as_of="2026-11-28"),
        treem.validate("child", json.dumps(record).encode(), as_of="2026-11-28"),
    ]
    assert reports[0] == reports[1] == reports[2]
    report = reports[0]
    assert isinstance(report, treem.Report) and report.ok is False
    issue = report.issues[0]
    assert isinstance(issue, treem.Issue)
    assert (issue.path, issue.code, issue.severity, issue.rule) == (
        "/date_of_birth", "date.impossible", "error", "vn.date")
    assert issue.message == "Ngày 30/2/2016 không tồn tại: tháng 2 chỉ có 29 ngày"
    assert isinstance(issue.params, dict) and issue.params
    assert report.errors == [issue] and report.warnings == []
    d = report.to_dict()
    assert d["ok"] is False and d["issues"][0] == issue.to_dict()
    assert list(d["issues"][0]) == ["path", "code", "severity", "params", "message", "rule"]
    d["issues"].clear()  # to_dict is a copy
    assert len(report.issues) == 1 and report.to_dict()["issues"]


def test_language_and_options() -> None:
    vi = treem.validate("child", {"date_of_birth": "30/02/2016"}, as_of="2026-11-28")
    en = treem.validate("child", {"date_of_birth": "30/02/2016"}, as_of="2026-11-28", lang="en")
    assert en.issues[0].code == vi.issues[0].code and en.issues[0].message != vi.issues[0].message
    # A keyword that differs from its default wins over the options dict.
    en2 = treem.validate("child", {"date_of_birth": "30/02/2016"}, options={"as_of": "2026-11-28"}, lang="en")
    assert en2 == en
    with pytest.raises(TypeError):
        treem.validate("child", {}, options='{"as_of": "2026-11-28"}', lang="en")


def test_other_operations() -> None:
    normalized = treem.normalize("child", {"sex": "Nữ"}, as_of="2026-11-28")
    assert isinstance(normalized, treem.Normalized)
    assert normalized.record["sex"] == "female" and normalized.changes
    assert normalized.report.ok
    assert treem.schema("child")["type"] == "object"
    assert treem.parse("date", "13/8/2024")["value"]["date"] == "2024-08-13"
    assert treem.parse("date", b"13/8/2024")["ok"] is True
    assert "date" in treem.parser_names()
    assert "sexes" in treem.catalog_names()
    assert [i["label"] for i in treem.catalog("sexes", lang="en")["items"]] == ["Male", "Female"]
    assert "indicators" in treem.operation_names()
    steps = treem.call("case_deadlines", {"reported_at": "2026-11-27T09:00"}, as_of="2026-11-28")
    assert isinstance(steps["steps"], list)
    assert treem.version_info()["version"] == treem.version()


def test_indicators_table_partial_and_merge() -> None:
    children = [
        {"kind": "child", "record": {"id": f"c{i}", "sex": "female" if i % 2 else "male",
                                     "date_of_birth": "2015-03-14"}}
        for i in range(12)
    ]
    whole = treem.indicators(children, as_of="2026-11-28")
    assert isinstance(whole, treem.Indicators) and whole.table is not None
    assert whole.table_json is not None and json.loads(whole.table_json) == whole.table
    a = treem.indicators(children[:5], as_of="2026-11-28", output="partial")
    b = treem.indicators(children[5:], as_of="2026-11-28", output="partial")
    assert a.partial is not None and a.table is None and a.partial_json is not None
    merged = treem.indicators([b.partial, a.partial])
    assert merged.table_json == whole.table_json


def test_indicators_table_text_is_cut_out_whole_even_when_issues_quote_it() -> None:
    # An issue whose text holds `,"table":{"format":` must not be taken for the member.
    items = [{"kind": "child", "record": {"id": ',"table":{"format":', "date_of_birth": "x"}}]
    answer = treem.indicators(items, as_of="2026-11-28")
    assert answer.table_json is not None and json.loads(answer.table_json) == answer.table


@pytest.mark.parametrize("call,cls,code", [
    (lambda: treem.validate("pupil", {}), treem.UnknownKind, "unknown_kind"),
    (lambda: treem.validate("child", '{"a": '), treem.NotJson, "not_json"),
    (lambda: treem.validate("child", []), treem.WrongTopLevelType, "wrong_top_level_type"),
    (lambda: treem.validate("child", {}, lang="fr"), treem.InvalidOption, "invalid_option"),
    (lambda: treem.validate("child", {}, as_of="9999-12-31"), treem.InvalidOption, "invalid_option"),
    (lambda: treem.validate("child", b'{"full_name": "\xc3"}'), treem.InvalidUtf8, "invalid_utf8"),
    (lambda: treem.catalog("nope"), treem.UnknownName, "unknown_name"),
    (lambda: treem.call("nope", {}), treem.UnknownName, "unknown_name"),
    (lambda: list(treem.validate_many("pupil", [{}])), treem.UnknownKind, "unknown_kind"),
    (lambda: treem.validate_many("child", iter([]), lang="fr"), treem.InvalidOption, "invalid_option"),
    (lambda: treem.validate("child", b"x" * (1024 * 1024 + 1)), treem.RecordTooLarge, "record_too_large"),
])
def test_misuse_raises_the_error_class_of_its_status(call: Any, cls: Any, code: str) -> None:
    with pytest.raises(cls) as caught:
        call()
    err = caught.value
    assert isinstance(err, treem.Error) and err.code == code and err.message
    assert treem._ERRORS[int(err.status)] is cls


def test_messages_never_quote_a_personal_id_in_full() -> None:
    pid = "031215000123"
    report = treem.validate("child", {"personal_id": pid + "9", "sex": "male",
                                      "date_of_birth": "2015-01-01"}, as_of="2026-11-28")
    assert not report.ok
    assert pid not in json.dumps(report.to_dict(), ensure_ascii=False)


def test_text_is_passed_with_its_length_not_cut_at_a_nul() -> None:
    assert treem.parse("date", "13/8/2024")["ok"]
    assert not treem.parse("date", "13/8/2024\x00junk")["ok"]


def test_validate_many_streams_any_iterable_in_order() -> None:
    records = [{"sex": "?"} if i % 3 == 0 else {} for i in range(2500)]
    gen = (r for r in records)
    reports = treem.validate_many("child", gen, as_of="2026-11-28", chunk_size=100)
    first = next(reports)  # lazily: the generator is read a chunk at a time
    assert first.ok is False
    rest = list(reports)
    assert len(rest) == 2499
    assert [r.ok for r in [first] + rest] == [i % 3 != 0 for i in range(2500)]
    with pytest.raises(ValueError):
        treem.validate_many("child", [], chunk_size=0)


def test_validate_many_keeps_one_report_per_record_whatever_the_text() -> None:
    items: List[Any] = [{}, '{"sex": "?"}', "nope", "", "   ", '{\n"sex": 1}', '{"a": "x\ny"}', [1], 5, None]
    reports = list(treem.validate_many("child", items, as_of="2026-11-28"))
    assert len(reports) == len(items)
    codes = [[i.code for i in r.issues] for r in reports]
    assert codes[0] == [] and codes[1] == ["child.sex_unknown"]
    for i in (2, 3, 4, 6, 7, 8, 9):
        assert codes[i] == ["record.not_object"], (i, codes[i])
    # A multi-line JSON record is the same record.
    assert codes[5] == [i.code for i in treem.validate("child", '{"sex": 1}').issues]


# --- the C ABI under the package, through cffi at the lowest level ---------------------


def raw(fn: Any, *args: Any) -> Tuple[int, Any]:
    out = ffi.new("char **")
    out[0] = ffi.cast("char *", 1)  # garbage on entry: the library must overwrite it
    status = fn(*args, out)
    text = ffi.string(out[0]).decode("utf-8") if out[0] != ffi.NULL else None
    lib.treem_string_free(out[0])
    return int(status), (json.loads(text) if text is not None else None)


def expect(status: treem.Status, code: str, fn: Any, *args: Any) -> None:
    got, error = raw(fn, *args)
    assert got == status, error
    assert error["error"] == code and error["message"]


def test_the_cffi_declarations_are_the_header_functions() -> None:
    header = HEADER.read_text(encoding="utf-8")
    declared = set(re.findall(r"\b(treem_[a-z0-9_]+)\(", header))
    assert len(declared) >= 20
    exported = {n for n in dir(lib) if n.startswith("treem_")}
    assert exported == declared


def test_status_values_match_the_header() -> None:
    found = dict(re.findall(r"TREEM_STATUS_([A-Z0-9_]+) = (\d+)", HEADER.read_text(encoding="utf-8")))
    assert {k: int(v) for k, v in found.items()} == {s.name: s.value for s in treem.Status}
    assert {getattr(lib, f"TREEM_STATUS_{s.name}") for s in treem.Status} == {s.value for s in treem.Status}
    assert set(treem._ERRORS) == {s.value for s in treem.Status if s != treem.Status.OK}


def test_ok_status() -> None:
    assert raw(lib.treem_validate, b"child", b"{}", ffi.NULL) == (0, {"ok": True, "issues": []})


def test_null_arguments() -> None:
    expect(treem.Status.NULL_ARGUMENT, "null_argument", lib.treem_validate, ffi.NULL, b"{}", ffi.NULL)
    expect(treem.Status.NULL_ARGUMENT, "null_argument", lib.treem_validate, b"child", ffi.NULL, ffi.NULL)
    assert lib.treem_validate(b"child", b"{}", ffi.NULL, ffi.NULL) == treem.Status.NULL_ARGUMENT
    expect(treem.Status.NULL_ARGUMENT, "null_argument", lib.treem_validate_n, b"child", 5, ffi.NULL, 2, b"", 0)
    lib.treem_string_free(ffi.NULL)


def test_invalid_length_and_utf8() -> None:
    huge = 2**64 - 1
    expect(treem.Status.INVALID_LENGTH, "invalid_length", lib.treem_validate_n, b"child", 5, b"{}", huge, b"", 0)
    expect(treem.Status.INVALID_UTF8, "invalid_utf8", lib.treem_validate_n, b"\xff", 1, b"{}", 2, b"", 0)
    expect(treem.Status.INVALID_UTF8, "invalid_utf8", lib.treem_parse_n, b"date", 4, b"\xe1\xba", 2, b"", 0)


def test_a_record_over_the_size_limit_is_refused_unread() -> None:
    # Not JSON, and still answered as too large: the text was never parsed.
    with pytest.raises(treem.RecordTooLarge) as caught:
        treem.validate("child", "x" * 65, options={"max_record_bytes": 64})
    assert caught.value.status == treem.Status.RECORD_TOO_LARGE
    assert caught.value.error["params"] == {"bytes": 65, "limit": 64}
    assert "64" in caught.value.error["message_vi"]
    # In a batch, the record gets an issue in its place and the batch goes on.
    reports = list(treem.validate_many(
        "child", [{"sex": "nam"}, "x" * 65, {}], options={"max_record_bytes": 64}))
    assert [r.ok for r in reports] == [True, False, True]
    assert reports[1].issues[0].code == "record.too_large"


def test_panic_is_caught_and_the_library_still_works() -> None:
    expect(treem.Status.PANIC, "panic", lib.treem_test_panic)
    with pytest.raises(treem.Panic) as caught:
        treem._check(*treem._raw_call0("test_panic"))
    assert caught.value.code == "panic"
    assert treem.validate("child", {}, as_of="2026-11-28").ok
