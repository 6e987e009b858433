"""Python bindings for treem over its C ABI (``ctypes``, standard library only).

    >>> import treem
    >>> report = treem.validate("child", {"date_of_birth": "30/02/2016"}, as_of="2026-11-28")
    >>> report["ok"], report["issues"][0]["code"]
    (False, 'date.impossible')

Invalid data is an answer (a report whose ``"ok"`` is false), never an exception. Misuse --
an unknown kind, input that is not JSON, an invalid option -- raises :class:`TreemError`,
whose ``code`` is the stable error code (``"unknown_kind"``, ...) and ``status`` the C status.

The shared library is found through the ``TREEM_LIB`` environment variable (a path), else
``target/debug`` then ``target/release`` of this repository, else the system search path.
Every call goes through the ``_n`` (pointer, length) entry points, so text may hold NUL
bytes, and ctypes releases the GIL during the call, so threads run in parallel.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import enum
import json
import os
import sys
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

__all__ = [
    "Status",
    "TreemError",
    "validate",
    "validate_many",
    "normalize",
    "schema",
    "parse",
    "catalog",
    "catalog_names",
    "parser_names",
    "version",
    "version_info",
]


class Status(enum.IntEnum):
    """The C ABI's ``TreemStatus`` values (``include/treem.h``)."""

    OK = 0
    NULL_ARGUMENT = 1
    INVALID_UTF8 = 2
    NOT_JSON = 3
    UNKNOWN_KIND = 4
    UNKNOWN_NAME = 5
    WRONG_TOP_LEVEL_TYPE = 6
    INVALID_OPTION = 7
    INVALID_LENGTH = 8
    PANIC = 9
    OTHER_ERROR = 10
    INTERNAL_ERROR = 11
    RECORD_TOO_LARGE = 12


class TreemError(Exception):
    """Misuse of the library: ``code`` (e.g. ``"unknown_kind"``), ``status``, ``message``."""

    def __init__(self, status: int, error: Mapping[str, Any]):
        self.status = Status(status) if status in Status._value2member_map_ else status
        self.code: str = str(error.get("error", "unknown"))
        self.message: str = str(error.get("message", ""))
        self.error: dict = dict(error)
        super().__init__(f"{self.code}: {self.message}")


def _library_path() -> str:
    explicit = os.environ.get("TREEM_LIB")
    if explicit:
        return explicit
    names = {"darwin": "libtreem.dylib", "win32": "treem.dll"}
    name = names.get(sys.platform, "libtreem.so")
    root = Path(__file__).resolve().parents[2]
    for profile in ("debug", "release"):
        candidate = root / "target" / profile / name
        if candidate.exists():
            return str(candidate)
    found = ctypes.util.find_library("treem")
    if found is None:
        raise OSError("libtreem not found: build it with `cargo build -p treem-c` or set TREEM_LIB")
    return found


_lib = ctypes.CDLL(_library_path())
_OUT = ctypes.POINTER(ctypes.c_void_p)
_TEXT = (ctypes.c_char_p, ctypes.c_size_t)


def _declare(name: str, *args: Any) -> Any:
    fn = getattr(_lib, name)
    fn.argtypes = list(args)
    fn.restype = ctypes.c_int
    return fn


_lib.treem_version.argtypes = []
_lib.treem_version.restype = ctypes.c_char_p
# c_void_p, not c_char_p: ctypes would copy a c_char_p result and lose the pointer to free.
_lib.treem_string_free.argtypes = [ctypes.c_void_p]
_lib.treem_string_free.restype = None
_version_info = _declare("treem_version_info", _OUT)
_validate = _declare("treem_validate_n", *_TEXT, *_TEXT, *_TEXT, _OUT)
_validate_many = _declare("treem_validate_many_n", *_TEXT, *_TEXT, *_TEXT, _OUT)
_normalize = _declare("treem_normalize_n", *_TEXT, *_TEXT, *_TEXT, _OUT)
_schema = _declare("treem_schema_n", *_TEXT, _OUT)
_parse = _declare("treem_parse_n", *_TEXT, *_TEXT, *_TEXT, _OUT)
_catalog = _declare("treem_catalog_n", *_TEXT, *_TEXT, _OUT)
_parser_names = _declare("treem_parser_names", _OUT)
_catalog_names = _declare("treem_catalog_names", _OUT)
_call_op = _declare("treem_call_n", *_TEXT, *_TEXT, *_TEXT, _OUT)
_operation_names = _declare("treem_operation_names", _OUT)
_test_panic = _declare("treem_test_panic", _OUT)

Text = Union[str, bytes]
Record = Union[Mapping[str, Any], Sequence[Any], str, bytes]
#: Options as a dict (``{"as_of": ..., "lang": ...}``) or as raw JSON text.
Options = Union[Mapping[str, Any], str, bytes]


def _bytes(value: Text) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def _text_args(*values: Text) -> list:
    args: list = []
    for value in values:
        data = _bytes(value)
        args += [data, len(data)]
    return args


def _json_bytes(value: Any) -> bytes:
    """A record as JSON bytes: str/bytes are passed through unchanged (raw JSON text)."""
    if isinstance(value, (str, bytes, bytearray)):
        return _bytes(value)
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _options(
    options: Optional[Options],
    as_of: Optional[str],
    lang: Optional[str],
    edition: Optional[str],
) -> bytes:
    """The options as JSON bytes; str/bytes options are raw JSON text, passed unchanged."""
    if isinstance(options, (str, bytes)):
        if (as_of, lang, edition) != (None, None, None):
            raise TypeError("give options either as raw JSON text or as keywords, not both")
        return _bytes(options)
    merged = dict(options or {})
    for key, value in (("as_of", as_of), ("lang", lang), ("edition", edition)):
        if value is not None:
            merged[key] = value
    return json.dumps(merged).encode("utf-8") if merged else b""


def _call_raw(fn: Any, *args: Any) -> tuple:
    """Calls an entry point; returns (status, JSON text of the answer or the error)."""
    out = ctypes.c_void_p()
    status = fn(*args, ctypes.byref(out))
    try:
        text = ctypes.string_at(out.value).decode("utf-8") if out.value else None
    finally:
        _lib.treem_string_free(out)
    return status, text


def _call(fn: Any, *args: Any) -> Any:
    status, text = _call_raw(fn, *args)
    answer = json.loads(text) if text is not None else {"error": "no_answer", "message": ""}
    if status != Status.OK:
        raise TreemError(status, answer)
    return answer


def validate(
    kind: str,
    record: Record,
    *,
    as_of: Optional[str] = None,
    lang: Optional[str] = None,
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> dict:
    """Validates one record; returns the report ``{"ok": bool, "issues": [...]}``.

    ``record`` is a dict (or raw JSON as str/bytes). Raises :class:`TreemError` on misuse.
    """
    opts = _options(options, as_of, lang, edition)
    return _call(_validate, *_text_args(kind, _json_bytes(record), opts))


def validate_many(
    kind: str,
    records: Union[Sequence[Any], str, bytes],
    *,
    as_of: Optional[str] = None,
    lang: Optional[str] = None,
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> list:
    """Validates a list of records (or raw JSON array / NDJSON text): one report each."""
    opts = _options(options, as_of, lang, edition)
    return _call(_validate_many, *_text_args(kind, _json_bytes(records), opts))


def normalize(
    kind: str,
    record: Record,
    *,
    as_of: Optional[str] = None,
    lang: Optional[str] = None,
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> dict:
    """Rewrites a record into canonical form: ``{"record", "changes", "report"}``."""
    opts = _options(options, as_of, lang, edition)
    return _call(_normalize, *_text_args(kind, _json_bytes(record), opts))


def schema(kind: str) -> dict:
    """The JSON Schema (draft 2020-12) of the lenient input form of ``kind``."""
    return _call(_schema, *_text_args(kind))


def parse(
    what: str,
    text: Text,
    *,
    as_of: Optional[str] = None,
    lang: Optional[str] = None,
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> dict:
    """Parses one primitive (``"date"``, ...): ``{"ok": True, "value": ...}`` or issues."""
    opts = _options(options, as_of, lang, edition)
    return _call(_parse, *_text_args(what, text, opts))


def catalog(
    name: str, *, lang: Optional[str] = None, options: Optional[Options] = None
) -> dict:
    """A catalog for select boxes: ``{"name", "source", "lang", "items": [...]}``."""
    return _call(_catalog, *_text_args(name, _options(options, None, lang, None)))


def call(
    operation: str,
    data: Record,
    *,
    as_of: Optional[str] = None,
    lang: Optional[str] = None,
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> Any:
    """Runs a named domain operation (``"case_deadlines"``, ``"indicators"``,
    ``"task_report_rollup"``, ...; see :func:`operation_names`) on JSON input."""
    opts = _options(options, as_of, lang, edition)
    return _call(_call_op, *_text_args(operation, _json_bytes(data), opts))


def operation_names() -> list:
    """The names ``call`` accepts."""
    return _call(_operation_names)


def parser_names() -> list:
    """The names ``parse`` accepts."""
    return _call(_parser_names)


def catalog_names() -> list:
    """The names ``catalog`` accepts."""
    return _call(_catalog_names)


def version() -> str:
    """The library version, e.g. ``"0.1.0"``."""
    return _lib.treem_version().decode("utf-8")


def version_info() -> dict:
    """The library version and the editions of its data."""
    return _call(_version_info)
