"""pandas helper: validate every row of a DataFrame, one output row per issue.

Importable only when pandas is installed (``pip install 'treem[pandas]'``); ``import treem``
never imports pandas.

    >>> import pandas as pd, treem.pandas
    >>> df = pd.DataFrame({"id": ["a1"], "ngay_sinh": ["30/02/2016"]})
    >>> treem.pandas.validate_frame(df, "child", {"ngay_sinh": "date_of_birth"},
    ...                             as_of="2026-11-28")[["row", "path", "code"]]
      row             path             code
    0   0  /date_of_birth  date.impossible
"""

from __future__ import annotations

import math
from typing import Any, Dict, Iterator, List, Mapping, Optional

try:
    import pandas as _pd
except ImportError as e:  # pragma: no cover - exercised by test_pandas_is_optional
    raise ImportError(
        "treem.pandas needs pandas: pip install 'treem[pandas]' (import treem works without it)"
    ) from e

import treem

__all__ = ["validate_frame", "COLUMNS"]

#: The columns of the result, in order. ``row`` is the DataFrame's index label of the record.
COLUMNS = ["row", "path", "code", "severity", "rule", "message", "params"]


def _cell(value: Any) -> Any:
    """A DataFrame cell as JSON: missing values (NaN, None, NaT) are left out; numpy and
    pandas scalars become Python ones; timestamps become ISO dates."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if _pd.isna(value) is True:
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, _pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (list, dict, str, bytes)):
        return value.item()
    return value


def _set_path(record: Dict[str, Any], path: str, value: Any) -> None:
    """Puts ``value`` at a dotted path (``guardians.0.phone``, ``residence.commune_code``)."""
    parts = path.split(".")
    node: Any = record
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        key: Any = int(part) if part.isdigit() and isinstance(node, list) else part
        if last:
            if isinstance(node, list):
                while len(node) <= key:
                    node.append({})
            node[key] = value
            return
        nxt_is_index = parts[i + 1].isdigit()
        if isinstance(node, list):
            while len(node) <= key:
                node.append({})
            if not isinstance(node[key], (dict, list)):
                node[key] = [] if nxt_is_index else {}
            node = node[key]
        else:
            if not isinstance(node.get(key), (dict, list)):
                node[key] = [] if nxt_is_index else {}
            node = node[key]


def _records(df: "_pd.DataFrame", mapping: Optional[Mapping[str, str]]) -> Iterator[Dict[str, Any]]:
    columns = list(df.columns)
    targets = [
        (mapping.get(str(c), str(c)) if mapping is not None else str(c)) for c in columns
    ]
    for values in df.itertuples(index=False, name=None):
        record: Dict[str, Any] = {}
        for target, value in zip(targets, values):
            if not target:
                continue
            v = _cell(value)
            if v is None:
                continue
            _set_path(record, target, v)
        yield record


def validate_frame(
    df: "_pd.DataFrame",
    kind: str,
    mapping: Optional[Mapping[str, str]] = None,
    *,
    as_of: Optional[str] = None,
    lang: str = "vi",
    edition: Optional[str] = None,
    chunk_size: int = treem.DEFAULT_CHUNK,
) -> "_pd.DataFrame":
    """Validates each row of ``df`` as a record of ``kind`` and returns one row per issue,
    with the columns :data:`COLUMNS` (an empty frame with those columns when every row is
    clean).

    ``mapping`` renames columns to the kind's fields (``{"ho_ten": "full_name",
    "sdt_me": "guardians.0.phone"}``: dotted paths build nested records); an empty target
    drops a column; columns not in the mapping keep their names. Missing values (NaN, None)
    are left out of the record. Rows are sent to the library in chunks
    (:func:`treem.validate_many`). The result holds codes, paths and messages, which never
    quote a full personal ID, phone number or name.
    """
    rows: Dict[str, List[Any]] = {c: [] for c in COLUMNS}
    labels = iter(df.index)
    reports = treem.validate_many(
        kind, _records(df, mapping), as_of=as_of, lang=lang, edition=edition,
        chunk_size=chunk_size,
    )
    for label, report in zip(labels, reports):
        for issue in report.issues:
            rows["row"].append(label)
            rows["path"].append(issue.path)
            rows["code"].append(issue.code)
            rows["severity"].append(issue.severity)
            rows["rule"].append(issue.rule)
            rows["message"].append(issue.message)
            rows["params"].append(issue.params)
    return _pd.DataFrame(rows, columns=COLUMNS)
