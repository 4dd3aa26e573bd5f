"""Check: the page requisites the crawl takes from the extraction worker's tree are those it finds parsing the page
itself, URL for URL and in order, on every HTML page of the given folders, for several Content-Type headers.

    .venv/bin/python bench/requisites_in_worker.py /work/corpora [/tmp/site …] [--content-type "text/html" …]

For each page and header: the crawl process's own answer (``in_html`` on the text Scrapy decodes, as
``Requisites.of_page`` finds it without help) against the answer from the worker's references (``refs_of_tree`` on
the tree ``extract_article`` parsed, read back by ``in_page_refs``). Prints how many pages used the worker's
references, how many fell back to the crawl's own parse (and why), and every page where the two differ (there must be
none). Reads the pages only; nothing is written.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import sys
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse

from crawler.extract._page import parse_errors_need_huge_tree
from crawler.extract.article import extract_article
from crawler.requisites.found import PageRefs, in_html, in_page_refs, refs_of_tree

HEADERS = ["text/html", "text/html; charset=utf-8", "", "text/html; charset=iso-8859-1",
           "text/html; charset=windows-1256", "text/html; charset=utf-16"]


class _Parsed(Exception):
    """Stops the extraction once the tree is parsed: the references are read, the rest is not needed here."""


def worker_refs(body: bytes, url: str, content_type: str | None) -> PageRefs | None:
    """What ``crawler.extract.pool._extract_with_requisites`` returns beside the outcome."""
    found: list[PageRefs | None] = []

    def on_parsed(root: Any, text: str, encoding: str) -> None:
        found.append(refs_of_tree(root, text, encoding, too_deep=parse_errors_need_huge_tree()))
        raise _Parsed

    with contextlib.suppress(_Parsed):
        extract_article(body, url, content_type, None, on_parsed=on_parsed)
    return found[0] if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--content-type", action="append", dest="headers")
    args = parser.parse_args()
    pages = sorted(p for folder in args.folders for p in folder.rglob("*.htm*") if p.suffix in (".html", ".htm"))
    if not pages:
        sys.exit("no .html page in the given folders")
    used, fell_back, why, different = collections.Counter(), collections.Counter(), collections.Counter(), []
    for n, path in enumerate(pages):
        body = path.read_bytes()
        url = f"https://exemple.ma/rubrique/{n}/page.html"
        for header in args.headers or HEADERS:
            response = HtmlResponse(url, body=body, headers={"Content-Type": header} if header else {})
            own = in_html(response.text, response.url)
            refs = worker_refs(body, url, header or None)
            from_worker = in_page_refs(refs, response.encoding, response.url)
            if from_worker is None:
                fell_back[header] += 1
                why["the worker declined (XML, dropped bytes, depth, odd decoding)" if refs is None
                    else f"Scrapy decoded as {response.encoding}, the worker as {refs.encoding}"] += 1
                continue
            used[header] += 1
            if from_worker != own:
                different.append((str(path), header, len(own), len(from_worker)))
    print(f"{len(pages)} pages; references from the worker used: {sum(used.values())} "
          f"({dict(used)}); the crawl parsed the page itself: {sum(fell_back.values())} ({dict(fell_back)})")
    for reason, count in why.most_common():
        print(f"  fell back {count:5d}: {reason}")
    print(f"different: {len(different)}")
    for item in different[:20]:
        print("  ", item)


if __name__ == "__main__":
    main()
