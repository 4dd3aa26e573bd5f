"""The labels a Mercury-style JavaScript test file asserts, read without running it (bench/quality/corpora.py's
postlight reader).

A test file holds one or more cases, each reading a fixture (`fs.readFileSync('./fixtures/NAME.html')`),
parsing it with a URL (`Mercury.parse(url, …)`, `url` assigned a string somewhere before) and asserting
fields (`assert.equal(title, VALUE)`). A case runs from its `readFileSync` to the next one. VALUE is a string
literal in any of JavaScript's three quotes, several of them joined by `+` across lines, `null`, or a
variable a `const`/`let` assigned such a value earlier in the file. A template literal with `${…}` or any
other expression cannot be read without running the file: it is reported as a problem, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FIXTURE = re.compile(r"readFileSync\(\s*(['\"`])\./fixtures/([^'\"`]+)\1")
_PARSE = re.compile(r"Mercury\.parse\(\s*")
_ASSERT = re.compile(r"assert\.(?:equal|strictEqual|deepEqual)\(\s*")
_GAP = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.DOTALL)
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")
NULL = None


class Unreadable(ValueError):
    """A value that only running the file would give (a template with `${…}`, a call, an operator)."""


@dataclass
class Case:
    """One fixture read by a test file: its URL and the values asserted for named subjects (None = `null`)."""

    fixture: str
    url: str | None
    values: dict[str, str | None] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # subject -> why its value could not be read


def cases(source: str) -> list[Case]:
    """The cases of one test file, in order; a subject asserted twice in a case keeps its first value."""
    found = list(_FIXTURE.finditer(source))
    result = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(source)
        case = Case(match.group(2), _url(source, match.end(), end))
        for subject, start in _asserts(source, match.end(), end):
            if subject in case.values or subject in case.problems:
                continue
            try:
                case.values[subject] = value_at(source, start)
            except Unreadable as err:
                case.problems[subject] = str(err)
        result.append(case)
    return result


def _asserts(source: str, start: int, end: int) -> list[tuple[str, int]]:
    """(subject, where its expected value starts) for each assert.equal(SUBJECT, VALUE) in source[start:end]."""
    found = []
    for match in _ASSERT.finditer(source, start, end):
        depth, at = 0, match.end()
        while at < end and not (depth == 0 and source[at] == ","):  # the subject may hold calls: split at depth 0
            depth += source[at] in "([{"
            depth -= source[at] in ")]}"
            at += 1
        subject = re.sub(r"\s+", "", source[match.end():at])
        found.append((subject, at + 1))
    return found


def _url(source: str, start: int, end: int) -> str | None:
    """The page URL the case parses: Mercury.parse's first argument, a literal or a variable assigned before."""
    call = _PARSE.search(source, start, end)
    if call is None:
        return None
    try:
        return value_at(source, call.end())
    except Unreadable:
        return None


def value_at(source: str, start: int) -> str | None:
    """The value of the expression at source[start:]: literals joined by `+`, `null`, or a variable holding one."""
    at = _GAP.match(source, start).end()  # type: ignore[union-attr]  # _GAP matches the empty string
    if source.startswith("null", at) and not _IDENT.match(source, at + 4):
        return NULL
    ident = _IDENT.match(source, at)
    if ident:
        return _variable(source, ident.group(), at)
    parts = []
    while True:
        text, at = _literal(source, at)
        parts.append(text)
        at = _GAP.match(source, at).end()  # type: ignore[union-attr]
        if not source.startswith("+", at):
            break
        at = _GAP.match(source, at + 1).end()  # type: ignore[union-attr]
    if at < len(source) and source[at] not in "),;":
        raise Unreadable(f"an expression, not a literal: {source[start:at + 20].strip()[:60]!r}")
    return "".join(parts)


def _variable(source: str, name: str, before: int) -> str | None:
    assignments = list(re.finditer(rf"\b(?:const|let|var)\s+{re.escape(name)}\s*=\s*", source[:before]))
    if not assignments:
        assignments = list(re.finditer(rf"(?<![\w$.]){re.escape(name)}\s*=(?!=)\s*", source[:before]))
    if not assignments:
        raise Unreadable(f"the variable {name!r} is not assigned a literal before its use")
    return value_at(source, assignments[-1].end())


def _literal(source: str, at: int) -> tuple[str, int]:
    quote = source[at:at + 1]
    if quote not in ("'", '"', "`"):
        raise Unreadable(f"not a string literal: {source[at:at + 40].strip()!r}")
    end = at + 1
    while end < len(source) and source[end] != quote:
        end += 2 if source[end] == "\\" else 1
    if end >= len(source):
        raise Unreadable("a string literal that never closes")
    body = source[at + 1:end]
    if quote == "`" and "${" in body.replace("\\$", ""):
        raise Unreadable("a template literal with ${…} substitutions")
    return _ESCAPE.sub(_unescape, body), end + 1


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.startswith("u{"):
        return chr(int(code[2:-1], 16))
    if code[0] in "ux" and len(code) > 1:
        return chr(int(code[1:], 16))
    if code in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
        return ""  # a line continuation
    return _ESCAPES.get(code, code)
