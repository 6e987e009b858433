#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the conformance vectors
(tests/vectors/*.json) and the bad-input suite (tests/bad-inputs/cases.json, all but the
giant cases), in the input form of fuzz_targets/shim.rs: `name NUL options NUL data`
(c_abi: `function NUL name NUL options NUL data`).

    python3 fuzz/seeds.py            # writes fuzz/corpus/<target>/seed-*

Seeds are generated, never committed; what the fuzzer adds beside them stays in the same
folders (ignored by git) and is reused by the next run.
"""

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fuzz" / "corpus"
RECORD_OPS = {"validate", "validate_many", "normalize"}


def vector_cases():
    for path in sorted((ROOT / "tests" / "vectors").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        yield from doc if isinstance(doc, list) else [doc]


def vector_input(case):
    if isinstance(case.get("input_text"), str):
        return case["input_text"].encode("utf-8")
    if "input" in case:
        return json.dumps(case["input"], ensure_ascii=False).encode("utf-8")
    return b""


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


def seeds():
    """(target, bytes) pairs."""
    cases = []
    for case in vector_cases():
        options = json.dumps(case["options"], ensure_ascii=False).encode() if "options" in case else b""
        op = case.get("op", "validate")
        if op == "parse":
            cases.append((op, case["what"].encode(), options, case["text"].encode("utf-8")))
        elif op in ("catalog", "schema"):
            cases.append((op, (case.get("name") or case.get("kind", "")).encode(), options, b""))
        else:
            name = case.get("kind", "") if op in RECORD_OPS else op
            cases.append((op, name.encode(), options, vector_input(case)))
    bad = json.loads((ROOT / "tests" / "bad-inputs" / "cases.json").read_text(encoding="utf-8"))
    for case in bad["cases"]:
        if case.get("giant"):
            continue
        options = case.get("options_text", "").encode() or (
            json.dumps(case["options"]).encode() if "options" in case else b"")
        op = case["op"]
        name = case.get("what") or case.get("operation") or case.get("kind", "")
        cases.append((op, name.encode()[:64], options, build(case["input"])))
    for op, name, options, data in cases:
        if op in RECORD_OPS:
            yield "kinds", name + b"\0" + options + b"\0" + data
        elif op == "parse":
            yield "parse", name + b"\0" + options + b"\0" + data
        elif op not in ("catalog", "schema"):
            yield "call", name + b"\0" + options + b"\0" + data
            if name == b"indicators":
                yield "indicators", b"\0" + options + b"\0" + data
        function = op if op in ("validate", "validate_many", "normalize", "parse", "catalog", "schema") else "call"
        yield "c_abi", function.encode() + b"\0" + name + b"\0" + options + b"\0" + data


def reader_seeds():
    """Seeds of the `readers` target: the bundled NDJSON samples, a JSON array of them, and
    CSV files with the officers' Vietnamese headers (with and without BOM, `,` and `;`)."""
    examples = ROOT / "examples" / "data"
    for name in ("children.ndjson", "cases.ndjson"):
        text = (examples / name).read_bytes()
        yield "readers", b"ndjson\0\0" + text
        rows = [line for line in text.decode("utf-8").splitlines() if line.strip()]
        yield "readers", b"json\0\0" + ("[" + ",\n".join(rows) + "]").encode("utf-8")
    header = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Dân tộc"
    body = ["Nguyễn Văn An,14/03/2015,Nam,031215000101,Kinh", "Trần Thị Bình,31/02/2016,Nữ,,Tày",
            '"Lê, Minh Châu",2018-09-05,x,12,"Mường\nHòa Bình"', "thiếu cột"]
    csv = "\r\n".join([header] + body) + "\r\n"
    yield "readers", b"csv\0\0" + csv.encode("utf-8")
    yield "readers", b"csv\0\0" + b"\xef\xbb\xbf" + csv.replace(",", ";").encode("utf-8")
    mapping = json.dumps({"Tên": "full_name", "NS": "date_of_birth"}, ensure_ascii=False).encode()
    yield "readers", b"csv\0" + mapping + b"\0" + "Tên;NS\nAn;1/1/2015\n".encode("utf-8")
    yield "readers", b"xlsx\0\0PK\x03\x04"


def main():
    counts = {}
    for target, data in list(seeds()) + list(reader_seeds()):
        folder = CORPUS / target
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)
        counts[target] = counts.get(target, 0) + 1
    for target, n in sorted(counts.items()):
        print(f"{target}: {n} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
