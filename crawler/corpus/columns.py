"""The corpus columns, read from the one record schema (``crawler.records.schema.ArticleRecord``).

Nothing here lists the record's fields: a field added to the schema is exported, typed, the day it is added.
A record file written before a field existed gives NULL for it; a field the schema does not know is ignored.

- :func:`duckdb_columns`: the ``columns=`` of DuckDB's ``read_json`` (str → VARCHAR, int → BIGINT, lists as
  lists, ``dict[str, X]`` as a MAP, nested dataclasses such as ``warc`` as STRUCTs);
- :data:`TIMESTAMP_FIELDS`: the ISO 8601 fields Parquet types as ``TIMESTAMP WITH TIME ZONE`` (UTC), each
  beside ``<field>_iso``, the string as the record holds it (its offset, or none when the page gave none);
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
