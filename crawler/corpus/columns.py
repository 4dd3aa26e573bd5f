"""The corpus columns, read from the one record schema (``crawler.records.schema.ArticleRecord``).

Nothing here lists the record's fields: a field added to the schema is exported, typed, the day it is added.
A record file written before a field existed gives NULL for it; a field the schema does not know is ignored.

- :func:`duckdb_columns`: the ``columns=`` of DuckDB's ``read_json`` (str → VARCHAR, int → BIGINT, lists as
  lists, ``dict[str, X]`` as a MAP, nested dataclasses such as ``warc`` as STRUCTs);
- :data:`TIMESTAMP_FIELDS`: the ISO 8601 fields Parquet types, following the record's rule for dates
  (``crawler/records/schema.py``): ``<field>`` is a ``TIMESTAMP WITH TIME ZONE`` only when the string has an
  offset (``+01:00``, ``Z``), NULL when it has none (the outlet's local time as printed, offset unknown: never
  guessed) or is a day alone; ``<field>_iso`` is the string as the record holds it; ``<field>_day`` the DATE it
  prints (:func:`printed_day`, also what ``--since``/``--until`` and ``khabar corpus stats`` count by);
- :func:`record_problem`: the cheap check every line passes before the query engine sees it (a JSON object
  whose known fields have their schema's JSON types), so that one bad line is reported, not fatal.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from crawler.records.schema import ArticleRecord

TIMESTAMP_FIELDS = ("date_published", "date_modified", "fetched_at")
"""Top-level ISO 8601 datetimes (those of them the schema has): typed in Parquet, kept as text beside."""
ISO_SUFFIX = "_iso"
DAY_SUFFIX = "_day"
_OFFSET = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)$"
"""An ISO 8601 date and time that ends in an offset: the only strings that name an instant."""
REQUIRED_FOR_EXPORT = ("id", "outlet")
"""A line without these cannot be placed in a corpus: it is reported as damaged."""

_SCALARS: dict[Any, str] = {str: "VARCHAR", int: "BIGINT", bool: "BOOLEAN", float: "DOUBLE"}
_JSON_TYPES: dict[Any, tuple[type, ...]] = {str: (str,), int: (int,), bool: (bool,), float: (int, float)}


def _inner(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → (X, True); anything else → (itself, False)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return (args[0] if len(args) == 1 else str), len(args) < len(typing.get_args(tp))
    return tp, False


def duckdb_type(tp: Any) -> str:
    """The DuckDB type of a schema annotation."""
    tp, _ = _inner(tp)
    origin = typing.get_origin(tp)
    if tp in _SCALARS:
        return _SCALARS[tp]
    if origin is typing.Literal:  # a closed set of words (author_kinds' 'person', 'desk', 'agency')
        return "VARCHAR"
    if origin is list:
        return f"{duckdb_type(typing.get_args(tp)[0])}[]"
    if origin is dict:
        return f"MAP(VARCHAR, {duckdb_type(typing.get_args(tp)[1])})"
    if dataclasses.is_dataclass(tp):
        return "STRUCT(" + ", ".join(f'"{name}" {duckdb_type(hint)}' for name, hint in _hints(tp).items()) + ")"
    return "JSON"


def _hints(cls: Any) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


@cache
def record_fields() -> dict[str, Any]:
    """Field name → annotation, in the schema's order."""
    return _hints(ArticleRecord)


def duckdb_columns() -> dict[str, str]:
    """``read_json``'s ``columns``: every schema field with its DuckDB type."""
    return {name: duckdb_type(hint) for name, hint in record_fields().items()}


def timestamp_fields() -> tuple[str, ...]:
    return tuple(name for name in TIMESTAMP_FIELDS if name in record_fields())


def printed_day(column: str) -> str:
    """SQL: the day an ISO 8601 string prints (its first ten characters) as a DATE, NULL when they are not one.

    Never shifted by a zone: ``2026-12-01T00:30:00+01:00`` is 1 December, and so is ``2026-12-01T00:30:00``."""
    return f"TRY_CAST(substr({column}, 1, 10) AS DATE)"


def instant(column: str) -> str:
    """SQL: the TIMESTAMPTZ an ISO 8601 string names when it has an offset; NULL without one (no zone guessed)."""
    return f"CASE WHEN regexp_matches({column}, '{_OFFSET}') THEN TRY_CAST({column} AS TIMESTAMPTZ) END"


def date_form(column: str) -> str:
    """SQL: how a date string is given: 'offset' (an instant), 'local' (a time without offset), 'day', 'none'."""
    return (f"CASE WHEN {column} IS NULL THEN 'none' WHEN {instant(column)} IS NOT NULL THEN 'offset' "
            f"WHEN length({column}) = 10 AND {printed_day(column)} IS NOT NULL THEN 'day' "
            f"WHEN TRY_CAST({column} AS TIMESTAMP) IS NOT NULL THEN 'local' ELSE 'unreadable' END")


def typed_timestamp(column: str, source: str) -> list[tuple[str, str]]:
    """The three Parquet columns of a timestamp field: (name, SQL) for the instant, the string, the printed day."""
    return [(column, instant(source)), (column + ISO_SUFFIX, source), (column + DAY_SUFFIX, printed_day(source))]


def is_struct(name: str) -> bool:
    return dataclasses.is_dataclass(_inner(record_fields()[name])[0])


def is_list_or_map(name: str) -> bool:
    return typing.get_origin(_inner(record_fields()[name])[0]) in (list, dict)


# --- the per-line check ----------------------------------------------------------------------

Check = Callable[[Any], bool]


def _check_for(tp: Any) -> Check:
    inner, optional = _inner(tp)
    check = _value_check(inner)
    return (lambda v: v is None or check(v)) if optional else check


def _value_check(tp: Any) -> Check:
    origin = typing.get_origin(tp)
    if tp is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if tp in _JSON_TYPES:
        wanted = _JSON_TYPES[tp]
        return lambda v: isinstance(v, wanted)
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        return lambda v: v in allowed
    if origin is list:
        item = _check_for(typing.get_args(tp)[0])
        return lambda v: isinstance(v, list) and all(item(x) for x in v)
    if origin is dict:
        value = _check_for(typing.get_args(tp)[1])
        return lambda v: isinstance(v, dict) and all(value(x) for x in v.values())
    if dataclasses.is_dataclass(tp):
        fields = _field_checks(tp)
        return lambda v: isinstance(v, dict) and all(check(v[k]) for k, check in fields.items() if k in v)
    return lambda v: True


def _field_checks(cls: Any) -> dict[str, Check]:
    return {name: _check_for(hint) for name, hint in _hints(cls).items()}


@cache
def _record_checks() -> dict[str, Check]:
    return _field_checks(ArticleRecord)


def record_problem(value: Any) -> str | None:
    """Why a parsed line cannot be exported (None when it can): not an object, no id, a field of the wrong type."""
    if not isinstance(value, dict):
        return f"not a JSON object but {type(value).__name__}"
    missing = [name for name in REQUIRED_FOR_EXPORT if not isinstance(value.get(name), str) or not value[name]]
    if missing:
        return f"no {' or '.join(missing)}"
    wrong = [name for name, check in _record_checks().items() if name in value and not check(value[name])]
    return f"field(s) {', '.join(wrong)} not of the schema's type" if wrong else None
