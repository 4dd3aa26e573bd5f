"""Extraction over JSON lines, for ``khabar extract`` and for non-Python callers.

Each request line is ``{"id": …, "url": …, "html_path": …}``; each answer line, written and
flushed in request order, holds ``id``, ``url``, ``title``, ``authors``, ``published`` (the
``date_published``), ``text`` and every other field of `Extracted`. A rejected page adds
``rejected: {"reason", "detail"}``; an unreadable file or request adds ``error``. The server
stays up until end of input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from crawler.extract.article import extract_article
from crawler.extract.outcome import Extracted, Rejected


def extract_file(path: str, url: str | None) -> dict[str, Any]:
    """The answer object for one saved HTML file (no ``id``); `url` defaults to the file's URI."""
    try:
        body = Path(path).read_bytes()
    except OSError as err:
        return _answer(url, error=f"cannot read {path!r}: {err.strerror or err}")
    outcome = extract_article(body, url or Path(path).resolve().as_uri())
    if isinstance(outcome, Rejected):
        return _answer(url, rejected=outcome.to_json())
    return _answer(url, fields=outcome.to_json())


def serve_jsonl(stdin: TextIO, stdout: TextIO) -> int:
    """Answer every request line of `stdin` on `stdout` until end of input; returns 0."""
    for line in stdin:
        stdout.write(json.dumps(_serve_line(line), ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def _serve_line(line: str) -> dict[str, Any]:
    try:
        request = json.loads(line)
    except json.JSONDecodeError as err:
        return {"id": None, **_answer(None, error=f"request is not JSON ({err.msg} at column {err.colno})")}
    if not isinstance(request, dict):
        return {"id": None, **_answer(None, error="request is not a JSON object with id, url and html_path")}
    url = request.get("url") if isinstance(request.get("url"), str) else None
    path = request.get("html_path")
    if not isinstance(path, str) or not path:
        return {"id": request.get("id"), **_answer(url, error="request has no html_path string")}
    return {"id": request.get("id"), **extract_file(path, url)}


def _answer(url: str | None, *, fields: dict[str, Any] | None = None, rejected: dict[str, str] | None = None,
            error: str | None = None) -> dict[str, Any]:
    values = fields or Extracted().to_json()
    answer: dict[str, Any] = {"url": url, "title": values["title"], "authors": values["authors"],
                              "published": values["date_published"], "text": values["text"]}
    answer.update((name, value) for name, value in values.items() if name not in answer)
    if rejected is not None:
        answer["rejected"] = rejected
    if error is not None:
        answer["error"] = error
    return answer

