"""Validates an NDJSON file of child records with the treem package and prints, per record,
its issues (code, path, Vietnamese message), then the count per code.

    pip install ./bindings/python
    python examples/python/validate_children.py examples/data/children.ndjson [--lang en]

Records are streamed through treem.validate_many (chunks of 1,024): memory stays flat
whatever the file's size. Messages never quote a full personal ID, phone number or name.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import treem


def main() -> int:
    p = argparse.ArgumentParser(description="Validate child records (NDJSON) with treem")
    p.add_argument("file", help="NDJSON file, one child record per line")
    p.add_argument("--as-of", default="2026-11-28", help="date the rules are judged at")
    p.add_argument("--lang", default="vi", choices=["vi", "en"])
    args = p.parse_args()
    counts: Counter = Counter()
    with open(args.file, encoding="utf-8") as f:
        lines = (line for line in f if line.strip())
        reports = treem.validate_many("child", lines, as_of=args.as_of, lang=args.lang)
        for row, report in enumerate(reports, 1):
            for issue in report.issues:
                counts[issue.code] += 1
                print(f"{row}\t{issue.severity}\t{issue.code}\t{issue.path}\t{issue.message}")
    print(f"-- {sum(counts.values())} issues", file=sys.stderr)
    for code, n in counts.most_common():
        print(f"{n:6d}  {code}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
