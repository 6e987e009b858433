"""treem.pandas (optional) and the table files of treem.export."""

from __future__ import annotations

import subprocess
import sys
from typing import Any, Dict, List, Tuple

import pytest

import treem
import treem.export
from conftest import ROOT


def test_pandas_is_optional_for_the_package() -> None:
    # `import treem` in a process where pandas cannot be imported.
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import treem; assert treem.validate('child', {}).ok\n"
        "try:\n    import treem.pandas\nexcept ImportError as e:\n    print('ImportError', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "ImportError" in out.stdout and "treem[pandas]" in out.stdout


def test_validate_frame_gives_one_row_per_issue() -> None:
    import pandas as pd
    import treem.pandas

    df = pd.DataFrame(
        {
            "ma": ["a1", "a2", "a3"],
            "ngay_sinh": ["30/02/2016", "2015-03-14", None],
            "gioi_tinh": ["nam", "?", "Nữ"],
            "sdt_me": ["0912345678", None, "0000"],
        },
        index=[10, 11, 12],
    )
    mapping = {"ma": "id", "ngay_sinh": "date_of_birth", "gioi_tinh": "sex", "sdt_me": "guardians.0.phone"}
    out = treem.pandas.validate_frame(df, "child", mapping, as_of="2026-11-28")
    assert list(out.columns) == treem.pandas.COLUMNS
    expected = []
    records: List[Tuple[int, Dict[str, Any]]] = [(10, {"id": "a1", "date_of_birth": "30/02/2016", "sex": "nam",
                                "guardians": [{"phone": "0912345678"}]}),
                          (11, {"id": "a2", "date_of_birth": "2015-03-14", "sex": "?"}),
                          (12, {"id": "a3", "sex": "Nữ", "guardians": [{"phone": "0000"}]})]
    for label, record in records:
        for issue in treem.validate("child", record, as_of="2026-11-28").issues:
            expected.append((label, issue.path, issue.code, issue.severity, issue.rule))
    got = list(zip(out["row"], out["path"], out["code"], out["severity"], out["rule"]))
    assert got == expected and len(got) >= 3
    assert "/date_of_birth" in set(out["path"]) and "/guardians/0/phone" in set(out["path"])
    clean = treem.pandas.validate_frame(pd.DataFrame({"sex": ["male"]}), "child")
    assert clean.empty and list(clean.columns) == treem.pandas.COLUMNS


@pytest.mark.parametrize("ryu,display", [
    ("1.0", "1"), ("0.5", "0.5"), ("1e-7", "0.0000001"), ("1.5e16", "15000000000000000"),
    ("-0.0", "-0"), ("33.333333333333336", "33.333333333333336"), ("1e21", "1000000000000000000000"),
    ("123.25", "123.25"), ("0.0001", "0.0001"), ("2.5e-5", "0.000025"),
])
def test_rust_f64_display(ryu: str, display: str) -> None:
    assert treem.export.rust_f64_display(ryu) == display


def test_dhis2_periods() -> None:
    p = treem.export._dhis2_period
    assert [p("2024"), p("2024Q1"), p("2024-01"), p("2024-2025"), p("2021/2025")] == [
        "2024", "2024Q1", "202401", "2024Sep", None]


def test_exports_of_the_bundled_sample_equal_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The bundled children and cases through the package and through `treem report`."""
    import json
    cli = ROOT / "target" / "release" / "treem"
    if not cli.exists():
        raise AssertionError(f"{cli} is missing: build it with cargo build --release -p treem-cli")
    mapping = ROOT / "examples" / "spark" / "dhis2-mapping.json"
    items = []
    for name, kind in (("children", "child"), ("cases", "case")):
        for line in (ROOT / "examples" / "data" / f"{name}.ndjson").read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append({"kind": kind, "record": json.loads(line)})
    answer = treem.indicators(items, as_of="2026-11-28")
    assert answer.table_json is not None
    for fmt, text in (
        ("json", treem.export.to_json(answer.table_json)),
        ("csv", treem.export.to_csv(answer.table_json)),
        ("dhis2", treem.export.to_dhis2(answer.table_json, json.loads(mapping.read_text(encoding="utf-8")))),
    ):
        args = [str(cli), "report", "--as-of", "2026-11-28", "--format", fmt]
        if fmt == "dhis2":
            args += ["--dhis2-mapping", str(mapping)]
        out = subprocess.run(args, capture_output=True, check=False)
        assert out.returncode in (0, 1), out.stderr.decode()
        assert out.stdout.decode("utf-8") == text, fmt
