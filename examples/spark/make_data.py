"""Lays out `treem sample` output the way the Spark job reads it: one folder per province and
commune, each child's cases in its child's folder.

    treem sample --count 200000 --cases 20000 --cases-output cases.ndjson -o children.ndjson
    python examples/spark/make_data.py children.ndjson cases.ndjson DATA [AREAS]

writes DATA/children/province=P/area=N/part-0.ndjson and DATA/cases/... (the same P and N).
`treem sample` generates Hải Phòng (province 31) only, so each province's communes are spread
over AREAS folders (`area` = the commune code modulo AREAS, default 8; every child of a commune
is in one folder); national data would have one folder per province. A record without a
readable residence goes to province=unknown/area=unknown, and so does a case whose child is in
no folder. Lines are copied as they are (no re-serialisation), in input order. (One folder per
commune works too, but hundreds of small files cost Spark more in opening files than the
validation itself: 1,404 files took 31 s to read on 2 cores.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Dict, IO, Tuple


AREAS = 8


def folder_of(line: str) -> Tuple[str, str]:
    try:
        record = json.loads(line)
    except ValueError:
        return "unknown", "unknown"
    residence = record.get("residence") if isinstance(record, dict) else None
    if not isinstance(residence, dict):
        return "unknown", "unknown"
    province = residence.get("province_code")
    commune = residence.get("commune_code")
    ok = lambda v: isinstance(v, str) and v.isalnum()  # noqa: E731 - a folder-safe code
    if not ok(province) or not ok(commune) or not commune.isdigit():
        return "unknown", "unknown"
    return province, str(int(commune) % AREAS)


def main(children: str, cases: str, root: str) -> None:
    out = Path(root)
    files: Dict[Tuple[str, str, str], IO[str]] = {}

    def write(tree: str, folder: Tuple[str, str], line: str) -> None:
        key = (tree,) + folder
        if key not in files:
            d = out / tree / f"province={folder[0]}" / f"area={folder[1]}"
            d.mkdir(parents=True, exist_ok=True)
            files[key] = open(d / "part-0.ndjson", "w", encoding="utf-8")
        files[key].write(line + "\n")

    where: Dict[str, Tuple[str, str]] = {}
    with open(children, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            folder = folder_of(line)
            try:
                cid = json.loads(line).get("id")
            except (ValueError, AttributeError):
                cid = None
            if isinstance(cid, str):
                where[cid] = folder
            write("children", folder, line)
    with open(cases, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            try:
                child = json.loads(line).get("child_id")
            except (ValueError, AttributeError):
                child = None
            write("cases", where.get(child, ("unknown", "unknown")) if isinstance(child, str) else ("unknown", "unknown"), line)
    for f in files.values():
        f.close()
    (out / "cases").mkdir(parents=True, exist_ok=True)
    print(f"{len(files)} files under {out}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: make_data.py CHILDREN.ndjson CASES.ndjson OUT_DIR [AREAS]")
    if len(sys.argv) == 5:
        AREAS = int(sys.argv[4])
    main(*sys.argv[1:4])
