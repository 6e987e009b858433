"""The national indicator report (TT 13/2021) on Apache Spark, with the treem package.

    spark-submit --master local[2] examples/spark/treem_spark.py \\
        --children DATA/children --cases DATA/cases --out OUT --as-of 2026-11-28

Input: child and case records as NDJSON, in folders partitioned the Hive way, e.g.
``children/province=31/part-0.ndjson`` and ``cases/province=31/part-0.ndjson`` (deeper keys
such as ``province=31/commune=10543`` work the same). **A child's cases must sit in the folder
of the same name as the child's**: the engine joins a case to its child by ``child_id``, and
the job computes each child's contributions where its folder's records are.

What it does:

1. reads both trees file by file (``wholeTextFiles``, recursively; one record per line);
2. gives every file the key of its folder (``province=31/commune=10543``) and shuffles by
   that key (``partitionBy``), so that every file of a folder, children and cases alike,
   lands in the same Spark partition, whatever the number of partitions and however the
   files were grouped on reading. That is how the job guarantees that a child's cases count;
3. per partition, with the treem package: ``validate_many`` on the children and on the cases
   (each issue becomes a row: folder key, kind, record id, path, code, severity, rule --
   never a name, a personal ID or a message, which may quote parts of them), and one
   ``indicators`` call over the partition's tagged records with ``output: partial`` (the
   partial of ``treem report --partial``; its problems, such as a case whose child is not
   there, become rows too);
4. on the driver, merges the partials with the core's merge (``indicators`` over partials,
   as ``treem merge``) and writes ``table.json``, ``table.csv`` and, with
   ``--dhis2-mapping``, ``dhis2.json``: byte for byte what ``treem report --format
   json|csv|dhis2`` writes for the same records (tested);
5. writes the issues as the Parquet table ``issues/``.

A partial holds unsuppressed counts and stays inside the job; only the merged table is
suppressed and written. Each executor needs the treem package (``pip install treem-*.whl``
on every node, or ship the wheel: see examples/spark/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

ISSUE_COLUMNS = ["folder", "stage", "kind", "record_id", "path", "code", "severity", "rule"]


def folder_of(path: str) -> str:
    """The folder key of a file: its ``name=value`` folders, ``province=31/commune=10543``
    (the Hive layout Spark's readers discover as partition columns)."""
    folders = path.rstrip("/").split("/")[:-1]
    return "/".join(f for f in folders if "=" in f)


def partition_of(key: str) -> int:
    """A hash of the folder key that is the same in every Python process (``hash`` of a str
    is salted per process unless PYTHONHASHSEED is set)."""
    return zlib.crc32(key.encode("utf-8"))


def record_id(line: str) -> Optional[str]:
    """The record's own ``id`` (the database key, e.g. ``HP-0000001``), never a personal ID."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if isinstance(record, dict) and isinstance(record.get("id"), (str, int)):
        return str(record["id"])
    return None


def process_partition(
    pairs: Iterable[Tuple[str, Tuple[str, str]]], options: Dict[str, Any]
) -> Iterator[Tuple[str, Any]]:
    """Validates a partition's records and computes its partial. ``pairs`` are
    ``(folder key, (kind, text of an NDJSON file))``.

    Yields ``("count", n)``, ``("issue", row)`` for each issue and one ``("partial", text)``.
    """
    import treem  # imported on the executor

    lines: Dict[str, List[str]] = {"child": [], "case": []}
    keys: Dict[str, List[str]] = {"child": [], "case": []}
    for key, (kind, text) in pairs:
        # Lines end at "\n" only, as in the CLI's NDJSON reader (str.splitlines would also
        # cut at U+2028 and other characters a JSON string may hold); a BOM is not data.
        for line in text.lstrip("\ufeff").split("\n"):
            line = line[:-1] if line.endswith("\r") else line
            if line.strip():
                lines[kind].append(line)
                keys[kind].append(key)
    yield "count", len(lines["child"]) + len(lines["case"])
    common = {k: v for k, v in options.items() if k in ("as_of", "lang", "edition")}
    for kind in ("child", "case"):
        reports = treem.validate_many(kind, lines[kind], options=common)
        for key, line, report in zip(keys[kind], lines[kind], reports):
            if report.issues:
                rid = record_id(line)
                for i in report.issues:
                    yield "issue", (key, "validate", kind, rid, i.path, i.code, i.severity, i.rule)
    # The engine's items, as `treem report` tags them: {"kind": ..., "record": ...}.
    order = [(kind, n) for kind in ("child", "case") for n in range(len(lines[kind]))]
    if not order:
        return
    text = "\n".join(
        '{"kind":"%s","record":%s}' % (kind, lines[kind][n]) for kind, n in order
    )
    answer = treem.indicators(text, options=json.dumps(dict(options, output="partial")))
    for issue in answer.issues:
        index, _, rest = issue.path.lstrip("/").partition("/")
        kind, rid, key, path = "", None, "", issue.path
        if index.isdigit() and int(index) < len(order):
            kind, n = order[int(index)]
            key, rid = keys[kind][n], record_id(lines[kind][n])
            path = "/" + rest[len("record"):].lstrip("/") if rest.startswith("record") else "/" + rest
            path = "" if path == "/" else path
        yield "issue", (key, "indicators", kind, rid, path, issue.code, issue.severity, issue.rule)
    yield "partial", answer.partial_json


def run(args: argparse.Namespace) -> Dict[str, Any]:
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    import treem
    import treem.export

    started = time.monotonic()
    builder = SparkSession.builder.appName("treem-indicators")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    work_started = time.monotonic()

    options: Dict[str, Any] = {"as_of": args.as_of, "lang": args.lang}
    if args.edition:
        options["edition"] = args.edition
    if args.period:
        options["period"] = args.period
    if args.suppression is not None:
        options["suppression_threshold"] = args.suppression

    # Whole files, read recursively: a file is one record of the RDD (path, text), so the
    # lines cross from the JVM to Python and through the shuffle in large pieces. Hidden
    # files (`_SUCCESS`, `.crc`) are skipped by Hadoop's input format.
    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")

    def tagged(path: str, kind: str) -> Any:
        return sc.wholeTextFiles(path).map(lambda pt: (folder_of(pt[0]), (kind, pt[1])))

    pairs = tagged(args.children, "child").union(tagged(args.cases, "case"))
    partitions = args.partitions or sc.defaultParallelism
    grouped = pairs.partitionBy(partitions, partition_of)
    results = grouped.mapPartitions(lambda it: process_partition(it, options))
    results.persist(StorageLevel.MEMORY_AND_DISK)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    schema = StructType([StructField(c, StringType(), True) for c in ISSUE_COLUMNS])
    issues = spark.createDataFrame(results.filter(lambda r: r[0] == "issue").map(lambda r: r[1]), schema)
    issues.write.mode("overwrite").parquet(str(out / "issues"))
    partials = results.filter(lambda r: r[0] == "partial").map(lambda r: r[1]).collect()
    records = sum(results.filter(lambda r: r[0] == "count").map(lambda r: r[1]).collect())
    results.unpersist()

    # The core's merge: the partials in, the suppressed table out (`treem merge`).
    merge_options: Dict[str, Any] = {"lang": args.lang}
    if args.suppression is not None:
        merge_options["suppression_threshold"] = args.suppression
    merged = treem.indicators("\n".join(partials), options=merge_options)
    if merged.table_json is None:
        raise RuntimeError("the merge gave no table")
    (out / "table.json").write_text(treem.export.to_json(merged.table_json), encoding="utf-8")
    (out / "table.csv").write_text(treem.export.to_csv(merged.table_json), encoding="utf-8")
    if args.dhis2_mapping:
        mapping = json.loads(Path(args.dhis2_mapping).read_text(encoding="utf-8"))
        (out / "dhis2.json").write_text(treem.export.to_dhis2(merged.table_json, mapping), encoding="utf-8")
    now = time.monotonic()
    summary = {
        "records": records,
        "partitions": partitions,
        "partials": len(partials),
        "seconds": round(now - started, 1),
        "work_seconds": round(now - work_started, 1),
        "master": spark.sparkContext.master,
        "merge_issues": [i.code for i in merged.issues],
    }
    (out / "summary.json").write_text(json.dumps(summary) + "\n", encoding="utf-8")
    spark.stop()
    return summary


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--children", required=True, help="folder of child NDJSON, partitioned by folder")
    p.add_argument("--cases", required=True, help="folder of case NDJSON, the same folders as the children")
    p.add_argument("--out", required=True, help="output folder (table.json, table.csv, dhis2.json, issues/)")
    p.add_argument("--as-of", required=True, help="the date rules are judged at (YYYY-MM-DD)")
    p.add_argument("--period", help="reporting period (default: the calendar year of --as-of)")
    p.add_argument("--suppression", type=int, help="hide counts 1..N-1 (default 5)")
    p.add_argument("--lang", default="vi", choices=["vi", "en"])
    p.add_argument("--edition", choices=["2024", "2025"])
    p.add_argument("--dhis2-mapping", help="DHIS2 mapping file: also write dhis2.json")
    p.add_argument("--partitions", type=int, help="Spark partitions (default: the cores)")
    p.add_argument("--master", help="Spark master when not given by spark-submit (e.g. local[2])")
    summary = run(p.parse_args(argv))
    print(json.dumps(summary), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
