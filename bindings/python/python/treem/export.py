"""The files ``treem report`` / ``treem merge`` write for an indicator table: JSON, CSV and
the DHIS2 data value set, byte for byte.

The table comes from :func:`treem.indicators` (``Indicators.table_json``: the exact JSON
text the core wrote). JSON is that text. CSV and DHIS2 follow the core's
``treem::indicator::export::to_csv`` / ``to_dhis2``, which the C ABI does not carry yet: this
module reads the figures from the table's JSON *text* (numbers are kept as the core wrote
them, never re-printed by Python) and applies the same columns, quoting and rules. The Spark
test (``examples/spark/test_spark_job.py``) compares all three files with the CLI's on the
same records, and ``tests/test_export.py`` the number formatting; a drift fails them.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional

__all__ = ["BOM", "CSV_HEADER", "to_json", "to_csv", "to_dhis2", "rust_f64_display"]

#: Byte order mark the CLI puts before CSV (for Excel).
BOM = "\ufeff"
#: ``treem::indicator::export::CSV_HEADER``.
CSV_HEADER = (
    "indicator,period,unit,dimension,category,numerator,denominator,value,factor,additive,"
    "suppressed,suppression,conflict"
)


class _Raw(str):
    """A JSON number kept as the text the core wrote (serde_json's form)."""


def _load(table_json: str) -> Dict[str, Any]:
    table = json.loads(table_json, parse_float=_Raw, parse_int=_Raw)
    if not isinstance(table, dict) or not isinstance(table.get("cells"), list):
        raise ValueError("not an indicator table (treem.indicators.table/1)")
    return table


def rust_f64_display(text: str) -> str:
    """Rust's ``f64`` ``Display`` of the number serde_json wrote as ``text``.

    serde_json writes the shortest text that reads back to the same f64 (``1.0``, ``1e-7``,
    ``1.5e16``); ``Display`` prints the same digits without an exponent and without a
    fractional part for whole numbers (``1``, ``0.0000001``, ``15000000000000000``).
    """
    d = Decimal(text)
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def to_json(table_json: str) -> str:
    """``treem report --format json``: the table's JSON and a newline."""
    return table_json + "\n"


def _csv_field(text: str) -> str:
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _bool(value: Any) -> str:
    return "true" if value is True else "false"


def to_csv(table_json: str, *, bom: bool = True) -> str:
    """``treem report --format csv``: a BOM (unless ``bom=False``), then
    ``export::to_csv`` (RFC 4180, ``\\n`` line ends; a hidden cell has empty figures and
    ``suppressed`` = ``true``)."""
    table = _load(table_json)
    lines = [CSV_HEADER]
    for c in table["cells"]:
        value = c.get("value")
        fields = [
            _text(c.get("indicator")),
            _text(c.get("period")),
            _text(c.get("unit")),
            _text(c.get("dimension")),
            _text(c.get("category")),
            _text(c.get("numerator")),
            _text(c.get("denominator")),
            rust_f64_display(value) if value is not None else "",
            _text(c.get("factor")),
            _bool(c.get("additive")),
            _bool(c.get("suppressed")),
            _text(c.get("suppression")),
            _bool(c.get("conflict", False)),
        ]
        lines.append(",".join(_csv_field(f) for f in fields))
    return (BOM if bom else "") + "\n".join(lines) + "\n"


def _dhis2_period(period: str) -> Optional[str]:
    """``Period::dhis2``: ``2024``, ``2024Q1``, ``2024-01`` → ``202401``, school year
    ``2024-2025`` → ``2024Sep``; a span ``2021/2025`` has none."""
    if "/" in period:
        return None
    if "-" in period:
        first, second = period.split("-", 1)
        if len(second) == 4:
            return f"{first}Sep"
        return f"{first}{second}"
    return period


def _cell_label(c: Mapping[str, Any]) -> str:
    s = f"{c.get('indicator')}|{c.get('period')}|{c.get('unit')}"
    if c.get("dimension") is not None and c.get("category") is not None:
        s += f"|{c['dimension']}={c['category']}"
    return s


def _coc_key(c: Mapping[str, Any]) -> str:
    if c.get("dimension") is not None and c.get("category") is not None:
        return f"{c['dimension']}={c['category']}"
    return "total"


def _figure(c: Mapping[str, Any], figure: str) -> Optional[str]:
    value = c.get(figure)
    if value is None:
        return None
    return rust_f64_display(value) if figure == "value" else str(value)


def to_dhis2(table_json: str, mapping: Mapping[str, Any]) -> str:
    """``treem report --format dhis2 --dhis2-mapping FILE``: ``export::to_dhis2`` printed as
    serde_json's pretty JSON and a newline. Hidden cells are never exported (reason
    ``suppressed``); every cell left out is listed in ``not_exported`` with its reason."""
    table = _load(table_json)
    unknown = set(mapping) - {"org_units", "indicators"}
    if unknown:
        raise ValueError(f"not a DHIS2 mapping: unknown member {sorted(unknown)[0]!r}")
    org_units: Mapping[str, str] = mapping.get("org_units") or {}
    elements_of: Mapping[str, List[Mapping[str, Any]]] = mapping.get("indicators") or {}
    values: List[Dict[str, str]] = []
    not_exported: List[Dict[str, str]] = []

    def skip(c: Mapping[str, Any], reason: str) -> None:
        not_exported.append({"cell": _cell_label(c), "reason": reason})

    for c in table["cells"]:
        if c.get("suppressed") is True:
            skip(c, "suppressed")
            continue
        elements = elements_of.get(str(c.get("indicator")))
        if elements is None:
            skip(c, "indicator_unmapped")
            continue
        org_unit = org_units.get(str(c.get("unit")))
        if org_unit is None:
            skip(c, "org_unit_unmapped")
            continue
        period = _dhis2_period(str(c.get("period")))
        if period is None:
            skip(c, "period_unmapped")
            continue
        for element in elements:
            coc = (element.get("category_option_combos") or {}).get(_coc_key(c))
            if coc is None:
                skip(c, "category_option_combo_unmapped")
                continue
            value = _figure(c, element.get("figure", "numerator"))
            if value is None:
                skip(c, "no_value")
                continue
            values.append({
                "dataElement": element["data_element"],
                "period": period,
                "orgUnit": org_unit,
                "categoryOptionCombo": coc,
                "value": value,
            })
    export = {"data_value_set": {"dataValues": values}, "not_exported": not_exported}
    return json.dumps(export, ensure_ascii=False, indent=2) + "\n"
