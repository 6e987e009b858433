"""treem: the data rules of Viet Nam's child care, education and protection work.

The package calls the C ABI of treem (``libtreem``, built from the Rust core by cargo when
the package is installed) through cffi. Every rule lives in the core; this module only
turns Python values into JSON, calls the library and turns its answers into objects.

    >>> import treem
    >>> report = treem.validate("child", {"date_of_birth": "30/02/2016"}, as_of="2026-11-28")
    >>> report.ok, report.issues[0].code
    (False, 'date.impossible')

Invalid data is an answer (a :class:`Report` whose ``ok`` is false), never an exception.
Misuse -- an unknown kind, input that is not JSON, an invalid option -- raises a subclass of
:class:`Error` chosen by the C status (:class:`UnknownKind`, :class:`NotJson`,
:class:`InvalidOption`, ...), whose ``code`` is the stable error code.

Calls release the GIL (cffi does for every foreign call), so threads validate in parallel;
the library holds no state, so any function may be called from many threads at once.
"""

from __future__ import annotations

import copy
import enum
import json
from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Type,
    Union,
)

from ._native import ffi as _ffi
from ._native import lib as _lib

__all__ = [
    "Status",
    "Error",
    "NullArgument",
    "InvalidUtf8",
    "NotJson",
    "UnknownKind",
    "UnknownName",
    "WrongTopLevelType",
    "InvalidOption",
    "InvalidLength",
    "Panic",
    "RecordTooLarge",
    "OtherError",
    "InternalError",
    "Issue",
    "Report",
    "Normalized",
    "Indicators",
    "validate",
    "validate_many",
    "normalize",
    "schema",
    "parse",
    "catalog",
    "indicators",
    "call",
    "catalog_names",
    "parser_names",
    "operation_names",
    "version",
    "version_info",
]

#: Text arguments: ``str`` (encoded as UTF-8) or bytes as they are.
Text = Union[str, bytes, bytearray, memoryview]
#: A record: a dict (or any JSON value), or its JSON text as str/bytes (passed unchanged).
Record = Union[Mapping[str, Any], Sequence[Any], str, bytes, bytearray, memoryview, None]
#: Options as a dict (``{"as_of": ..., "lang": ...}``) or as raw JSON text (passed unchanged).
Options = Union[Mapping[str, Any], str, bytes]

#: Records per call of ``treem_validate_many`` in :func:`validate_many`.
DEFAULT_CHUNK = 1024


class Status(enum.IntEnum):
    """The C ABI's ``TreemStatus`` values (``bindings/c/include/treem.h``)."""

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


class Error(Exception):
    """Misuse of the library (never invalid data).

    ``code`` is the stable error code (``"unknown_kind"``, ...), ``status`` the C status,
    ``message`` the library's English text, ``error`` the whole error JSON as a dict. The
    library's messages never quote a full personal ID, phone number or name.
    """

    status: Union[Status, int] = Status.OTHER_ERROR

    def __init__(self, status: int, error: Mapping[str, Any]):
        self.status = Status(status) if status in Status._value2member_map_ else status
        self.code: str = str(error.get("error", "unknown"))
        self.message: str = str(error.get("message", ""))
        self.error: Dict[str, Any] = dict(error)
        super().__init__(f"{self.code}: {self.message}")


class NullArgument(Error):
    """A required argument was missing (``null_argument``)."""


class InvalidUtf8(Error):
    """A text, the input or the options were not UTF-8 (``invalid_utf8``)."""


class NotJson(Error):
    """The input or the options were not JSON (``not_json``)."""


class UnknownKind(Error):
    """The kind is not one the library knows (``unknown_kind``)."""


class UnknownName(Error):
    """The parser, catalog or operation is unknown (``unknown_name``)."""


class WrongTopLevelType(Error):
    """JSON of the wrong type at the top level, e.g. an array for a record."""


class InvalidOption(Error):
    """An option was unknown or had an invalid value (``invalid_option``)."""


class InvalidLength(Error):
    """A length was larger than the platform can hold (``invalid_length``)."""


class Panic(Error):
    """A bug inside treem, caught at the boundary; the process is unharmed (``panic``)."""


class RecordTooLarge(Error):
    """A record longer than the size limit (option ``max_record_bytes``, default 1 MiB) was
    refused before it was read (``record_too_large``); ``error["params"]`` holds ``bytes``
    and ``limit``, ``error["message_vi"]`` the Vietnamese message."""


class OtherError(Error):
    """A core error code this version of the binding has no status for."""


class InternalError(Error):
    """The answer could not be handed over (a failure inside the binding)."""


_ERRORS: Dict[int, Type[Error]] = {
    Status.NULL_ARGUMENT: NullArgument,
    Status.INVALID_UTF8: InvalidUtf8,
    Status.NOT_JSON: NotJson,
    Status.UNKNOWN_KIND: UnknownKind,
    Status.UNKNOWN_NAME: UnknownName,
    Status.WRONG_TOP_LEVEL_TYPE: WrongTopLevelType,
    Status.INVALID_OPTION: InvalidOption,
    Status.INVALID_LENGTH: InvalidLength,
    Status.PANIC: Panic,
    Status.RECORD_TOO_LARGE: RecordTooLarge,
    Status.OTHER_ERROR: OtherError,
    Status.INTERNAL_ERROR: InternalError,
}


class Issue:
    """One finding: ``path`` (RFC 6901 JSON Pointer), ``code`` (stable), ``severity``
    (``"error"`` or ``"warning"``), ``params``, ``message`` (Vietnamese or English) and the
    ``rule`` it comes from."""

    __slots__ = ("path", "code", "severity", "params", "message", "rule")

    def __init__(
        self,
        path: str,
        code: str,
        severity: str,
        params: Dict[str, Any],
        message: str,
        rule: str,
    ):
        self.path = path
        self.code = code
        self.severity = severity
        self.params = params
        self.message = message
        self.rule = rule

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Issue":
        return cls(
            str(d.get("path", "")),
            str(d.get("code", "")),
            str(d.get("severity", "")),
            dict(d.get("params") or {}),
            str(d.get("message", "")),
            str(d.get("rule", "")),
        )

    def to_dict(self) -> Dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "severity": self.severity,
            "params": copy.deepcopy(self.params),
            "message": self.message,
            "rule": self.rule,
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Issue):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)

    def __repr__(self) -> str:
        return f"Issue(path={self.path!r}, code={self.code!r}, severity={self.severity!r})"


class Report:
    """The answer of :func:`validate`: ``ok`` (no error; warnings allowed) and ``issues``."""

    __slots__ = ("ok", "issues", "_raw")

    def __init__(self, raw: Mapping[str, Any]):
        self._raw = dict(raw)
        self.ok: bool = bool(raw.get("ok"))
        self.issues: List[Issue] = [Issue.from_dict(i) for i in raw.get("issues", [])]

    @property
    def errors(self) -> List[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> List[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def to_dict(self) -> Dict[str, Any]:
        """The report as the library answered it (``{"ok", "issues": [...]}``)."""
        return copy.deepcopy(self._raw)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return self._raw == other._raw

    def __repr__(self) -> str:
        codes = ", ".join(i.code for i in self.issues[:5])
        more = ", ..." if len(self.issues) > 5 else ""
        return f"Report(ok={self.ok}, issues=[{codes}{more}])"


class Normalized:
    """The answer of :func:`normalize`: the cleaned ``record``, the ``changes`` made and the
    ``report`` of the cleaned record."""

    __slots__ = ("record", "changes", "report", "_raw")

    def __init__(self, raw: Mapping[str, Any]):
        self._raw = dict(raw)
        self.record: Any = raw.get("record")
        self.changes: List[Dict[str, Any]] = list(raw.get("changes", []))
        self.report = Report(raw.get("report", {}))

    def to_dict(self) -> Dict[str, Any]:
        return copy.deepcopy(self._raw)

    def __repr__(self) -> str:
        return f"Normalized(changes={len(self.changes)}, report={self.report!r})"


class Indicators:
    """The answer of :func:`indicators`: ``ok``, ``issues``, and the ``table`` or the
    mergeable ``partial`` (as dicts). ``table_json`` / ``partial_json`` are the exact JSON
    text the core wrote for them: the bytes ``treem report --format json`` (or
    ``--partial``) prints, without the final newline."""

    __slots__ = ("ok", "issues", "table", "partial", "table_json", "partial_json", "_raw")

    def __init__(self, raw: Mapping[str, Any], text: str):
        self._raw = dict(raw)
        self.ok: bool = bool(raw.get("ok"))
        self.issues: List[Issue] = [Issue.from_dict(i) for i in raw.get("issues", [])]
        self.table: Optional[Dict[str, Any]] = raw.get("table")
        self.partial: Optional[Dict[str, Any]] = raw.get("partial")
        self.table_json = _member_text(text, "table", self.table)
        self.partial_json = _member_text(text, "partial", self.partial)

    def to_dict(self) -> Dict[str, Any]:
        return copy.deepcopy(self._raw)

    def __repr__(self) -> str:
        what = "table" if self.table is not None else "partial"
        return f"Indicators(ok={self.ok}, issues={len(self.issues)}, {what})"


def _member_text(text: str, key: str, value: Any) -> Optional[str]:
    """The JSON text of the answer's last member ``key`` (``table`` or ``partial``).

    The core serialises ``{"ok":..,"issues":[..],"table"|"partial":{..}}`` compactly, that
    member last. Inside a JSON string every ``"`` is escaped, so the unescaped sequence
    ``,"table":{"format":`` can only be the member itself.
    """
    if value is None:
        return None
    marker = f',"{key}":{{"format":'
    at = text.rfind(marker)
    if at < 0 or not text.endswith("}"):
        raise InternalError(Status.INTERNAL_ERROR, {"error": "internal_error",
                                                    "message": f"no {key} in the answer"})
    member = text[at + len(marker) - len('{"format":'):-1]
    if json.loads(member) != value:
        raise InternalError(Status.INTERNAL_ERROR, {"error": "internal_error",
                                                    "message": f"the {key} text was not cut out whole"})
    return member


def _bytes(value: Text) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(value)


def _json_bytes(value: Any) -> bytes:
    """A record as JSON bytes: str/bytes are raw JSON text, passed unchanged."""
    if isinstance(value, (str, bytes, bytearray, memoryview)):
        return _bytes(value)
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _options(options: Optional[Options], defaults: Mapping[str, Any], **given: Any) -> bytes:
    """The options as JSON bytes.

    Raw text (str/bytes) is passed unchanged, and keywords other than their defaults may
    not be combined with it. A dict is merged with the keywords that differ from their
    defaults (a keyword given explicitly wins over the dict).
    """
    if isinstance(options, (str, bytes)):
        changed = [k for k, v in given.items() if v != defaults.get(k)]
        if changed:
            raise TypeError(
                f"give options either as raw JSON text or as keywords, not both ({', '.join(changed)})"
            )
        return _bytes(options)
    merged: Dict[str, Any] = dict(options or {})
    for key, value in given.items():
        if value is None:
            continue
        if key in merged and value == defaults.get(key):
            continue
        merged[key] = value
    return json.dumps(merged, ensure_ascii=False).encode("utf-8") if merged else b""


_COMMON_DEFAULTS: Dict[str, Any] = {"as_of": None, "lang": "vi", "edition": None}


def _raw_call(name: str, *texts: bytes) -> Tuple[int, Optional[str]]:
    """Calls ``treem_<name>_n`` with each text as (pointer, length).

    Returns the status and the JSON text written to ``*out`` (always freed here).
    """
    fn = getattr(_lib, f"treem_{name}_n")
    args: List[Any] = []
    for t in texts:
        args += [t, len(t)]
    out = _ffi.new("char **")
    status = int(fn(*args, out))
    try:
        text = _ffi.string(out[0]).decode("utf-8") if out[0] != _ffi.NULL else None
    finally:
        _lib.treem_string_free(out[0])
    return status, text


def _raw_call0(name: str) -> Tuple[int, Optional[str]]:
    """Calls ``treem_<name>(&out)`` (no text arguments)."""
    out = _ffi.new("char **")
    status = int(getattr(_lib, f"treem_{name}")(out))
    try:
        text = _ffi.string(out[0]).decode("utf-8") if out[0] != _ffi.NULL else None
    finally:
        _lib.treem_string_free(out[0])
    return status, text


def _check(status: int, text: Optional[str]) -> str:
    if status == Status.OK and text is not None:
        return text
    error: Mapping[str, Any]
    try:
        error = json.loads(text) if text is not None else {}
    except ValueError:
        error = {}
    if not isinstance(error, dict):
        error = {}
    if not error:
        error = {"error": "internal_error", "message": f"status {status} without an answer"}
    raise _ERRORS.get(status, OtherError)(status, error)


def _answer(name: str, *texts: bytes) -> Any:
    return json.loads(_check(*_raw_call(name, *texts)))


def validate(
    kind: str,
    record: Record,
    *,
    as_of: Optional[str] = None,
    lang: str = "vi",
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> Report:
    """Validates one record of ``kind`` (``"child"``, ``"case"``, ``"school"``, ...).

    ``record`` is a dict, or its JSON text as str/bytes. ``as_of`` is the date the rules are
    judged at (``"2026-11-28"``; default today), ``lang`` the language of the messages
    (``"vi"`` or ``"en"``), ``edition`` the administrative geography (``"2024"`` or
    ``"2025"``; default: the one in force at ``as_of``). Raises :class:`Error` on misuse.
    """
    opts = _options(options, _COMMON_DEFAULTS, as_of=as_of, lang=lang, edition=edition)
    return Report(_answer("validate", _bytes(kind), _json_bytes(record), opts))


def _ndjson_line(item: Any) -> bytes:
    """One record as one NDJSON line for ``treem_validate_many``.

    A dict (any JSON value) is serialised (``json.dumps`` never writes a raw line break).
    JSON text is passed as it is, except that a text with a raw line break (or a blank one)
    cannot be one line: if it is JSON, its line breaks are whitespace between tokens (a raw
    line break inside a JSON string is not JSON) and become spaces; if it is not JSON, the
    line breaks become a control character, so that it stays not JSON and gets its report in
    its place (a blank line would be skipped and the answers would shift).
    """
    if not isinstance(item, (str, bytes, bytearray, memoryview)):
        return json.dumps(item, ensure_ascii=False).encode("utf-8")
    data = _bytes(item)
    if b"\n" not in data and b"\r" not in data and data.strip():
        return data
    try:
        json.loads(data)
    except ValueError:
        cut = data.replace(b"\r", b"\x01").replace(b"\n", b"\x01")
        return cut if cut.strip() else b"\x01"
    return data.replace(b"\r", b" ").replace(b"\n", b" ")


def validate_many(
    kind: str,
    records: Iterable[Record],
    *,
    as_of: Optional[str] = None,
    lang: str = "vi",
    edition: Optional[str] = None,
    options: Optional[Options] = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[Report]:
    """Validates the records of any iterable (a list, a generator, a file's lines, ...),
    yielding one :class:`Report` per record, in order.

    Records are read and sent to the library ``chunk_size`` at a time (one
    ``treem_validate_many`` call per chunk), so memory does not grow with the input. A record
    that is not an object, or JSON text that is not JSON, gets a report saying so in its
    place; misuse (unknown kind, bad options, bytes that are not UTF-8) raises
    :class:`Error`. The options are checked before the first record is read.
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    opts = _options(options, _COMMON_DEFAULTS, as_of=as_of, lang=lang, edition=edition)
    kind_b = _bytes(kind)
    # Misuse is reported at the call, not at the first record: an empty batch checks kind
    # and options.
    _answer("validate_many", kind_b, b"[]", opts)
    return _validate_chunks(kind_b, records, opts, chunk_size)


def _validate_chunks(kind: bytes, records: Iterable[Any], opts: bytes, size: int) -> Iterator[Report]:
    lines: List[bytes] = []
    for item in records:
        lines.append(_ndjson_line(item))
        if len(lines) >= size:
            yield from _validate_chunk(kind, lines, opts)
            lines = []
    if lines:
        yield from _validate_chunk(kind, lines, opts)


def _validate_chunk(kind: bytes, lines: List[bytes], opts: bytes) -> Iterator[Report]:
    answers = _answer("validate_many", kind, b"\n".join(lines), opts)
    if not isinstance(answers, list) or len(answers) != len(lines):
        raise InternalError(Status.INTERNAL_ERROR, {
            "error": "internal_error",
            "message": f"{len(lines)} records sent, {len(answers)} reports received",
        })
    for answer in answers:
        yield Report(answer)


def normalize(
    kind: str,
    record: Record,
    *,
    as_of: Optional[str] = None,
    lang: str = "vi",
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> Normalized:
    """Rewrites a record into canonical form and validates the result."""
    opts = _options(options, _COMMON_DEFAULTS, as_of=as_of, lang=lang, edition=edition)
    return Normalized(_answer("normalize", _bytes(kind), _json_bytes(record), opts))


def schema(kind: str) -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the lenient input form of ``kind``."""
    result: Dict[str, Any] = _answer("schema", _bytes(kind))
    return result


def parse(
    what: str,
    text: Text,
    *,
    as_of: Optional[str] = None,
    lang: str = "vi",
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> Dict[str, Any]:
    """Parses one primitive (``"date"``, ``"phone"``, ...; see :func:`parser_names`) as a
    person typed it: ``{"ok": True, "value": ...}`` or ``{"ok": False, "issues": [...]}``."""
    opts = _options(options, _COMMON_DEFAULTS, as_of=as_of, lang=lang, edition=edition)
    result: Dict[str, Any] = _answer("parse", _bytes(what), _bytes(text), opts)
    return result


def catalog(
    name: str, *, lang: str = "vi", options: Optional[Options] = None
) -> Dict[str, Any]:
    """A catalog for select boxes (``"sexes"``, ``"kinds"``, ``"issue_codes"``, ...):
    ``{"name", "source", "lang", "items": [{"code", "label", ...}]}``."""
    opts = _options(options, _COMMON_DEFAULTS, lang=lang)
    result: Dict[str, Any] = _answer("catalog", _bytes(name), opts)
    return result


_INDICATOR_DEFAULTS: Dict[str, Any] = dict(
    _COMMON_DEFAULTS, period=None, suppression_threshold=None, output=None,
    age_groups=None, definitions=None,
)


def _indicator_input(items: Any) -> bytes:
    if isinstance(items, (str, bytes, bytearray, memoryview)):
        return _bytes(items)
    if isinstance(items, Mapping):
        return json.dumps(items, ensure_ascii=False).encode("utf-8")
    return b"\n".join(json.dumps(i, ensure_ascii=False).encode("utf-8") for i in items)


def indicators(
    items: Union[Iterable[Any], Mapping[str, Any], str, bytes],
    *,
    as_of: Optional[str] = None,
    lang: str = "vi",
    edition: Optional[str] = None,
    period: Optional[str] = None,
    suppression_threshold: Optional[int] = None,
    output: Optional[str] = None,
    age_groups: Optional[Sequence[int]] = None,
    definitions: Any = None,
    options: Optional[Options] = None,
) -> Indicators:
    """Computes the indicators of TT 13/2021 (and treem's own) from ``items``: records
    tagged by kind (``{"kind": "child", "record": {...}}``, ``"case"``, ...), caller values
    (``{"kind": "indicator_value", ...}``) and partials, as an iterable of dicts or as JSON /
    NDJSON text. ``output="partial"`` gives the mergeable partial instead of the table;
    partials given back as items are merged (``treem merge``). The items are held in memory
    by the core to join cases to their children."""
    opts = _options(
        options, _INDICATOR_DEFAULTS, as_of=as_of, lang=lang, edition=edition, period=period,
        suppression_threshold=suppression_threshold, output=output,
        age_groups=list(age_groups) if age_groups is not None else None,
        definitions=definitions,
    )
    text = _check(*_raw_call("indicators", _indicator_input(items), opts))
    return Indicators(json.loads(text), text)


def call(
    operation: str,
    data: Record,
    *,
    as_of: Optional[str] = None,
    lang: str = "vi",
    edition: Optional[str] = None,
    options: Optional[Options] = None,
) -> Any:
    """Runs a named domain operation of the core (``"case_deadlines"``, ``"dedup"``,
    ``"safe_school_assess"``, ...; see :func:`operation_names`) on JSON input."""
    opts = _options(options, _COMMON_DEFAULTS, as_of=as_of, lang=lang, edition=edition)
    return _answer("call", _bytes(operation), _json_bytes(data), opts)


def operation_names() -> List[str]:
    """The operations :func:`call` accepts."""
    result: List[str] = json.loads(_check(*_raw_call0("operation_names")))
    return result


def parser_names() -> List[str]:
    """The names :func:`parse` accepts."""
    result: List[str] = json.loads(_check(*_raw_call0("parser_names")))
    return result


def catalog_names() -> List[str]:
    """The names :func:`catalog` accepts."""
    result: List[str] = json.loads(_check(*_raw_call0("catalog_names")))
    return result


def version() -> str:
    """The library version, e.g. ``"0.1.0"``."""
    return str(_ffi.string(_lib.treem_version()).decode("utf-8"))


def version_info() -> Dict[str, Any]:
    """The library version, its kinds and the editions of its data."""
    result: Dict[str, Any] = json.loads(_check(*_raw_call0("version_info")))
    return result
