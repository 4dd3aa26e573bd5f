"""Write the expected JSON of an outlet's dated fixture, from what the extractor gives today.

    .venv/bin/python bench/make_fixture.py SLUG [--url URL] [--html SAVED.html] [--date YYYY_MM_DD] [--force]
    .venv/bin/python bench/make_fixture.py DEMO-OUTLET --demo [--language ar] [--force]

The fixture pair is ``tests/data/outlets/<slug>_<YYYY_MM_DD>.html`` and ``.json``; the test
``tests/test_extract_outlets.py`` compares the extractor's output with the JSON field by field, using
the outlet's catalog selectors. ``--html`` copies a saved page in as a new fixture (dated today unless
``--date``); without it the newest fixture of the outlet is used. Nothing is overwritten without
``--force``: read the diff of the extracted fields before you accept it.

``--demo`` renders the newest article of a bundled demo outlet (in ``--language`` for the bilingual one)
as the fixture, and refuses to write an expected JSON that disagrees with the demo's ground truth
(title, authors, agencies, date, language, first paragraph).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.catalog import load_catalog  # noqa: E402
from crawler.extract import Extracted, extract_article  # noqa: E402

FIXTURES = ROOT / "tests" / "data" / "outlets"
FIELDS = ("title", "seo_title", "description", "authors", "agencies", "date_published", "date_modified", "language",
          "section", "tags", "image_url", "canonical_url", "paywalled", "word_count", "text")
REQUIRED = ("title", "text", "date_published", "language")


def newest_fixture(slug: str) -> Path | None:
    found = sorted(FIXTURES.glob(f"{slug}_[0-9][0-9][0-9][0-9]_[0-9][0-9]_[0-9][0-9].html"))
    return found[-1] if found else None


def expected_fields(html_path: Path, url: str, slug: str, demo: bool = False) -> dict[str, object]:
    selectors = None if demo else load_catalog().get(slug).selectors
    outcome = extract_article(html_path.read_bytes(), url, None, selectors)
    if not isinstance(outcome, Extracted):
        sys.exit(f"the fixture {html_path} is rejected by the extractor: {outcome.reason}: {outcome.detail}")
    values = outcome.to_json()
    empty = [name for name in REQUIRED if not values[name]]
    if empty:
        sys.exit(f"the extractor gives no {', '.join(empty)} for {html_path}: fix the selectors of {slug!r} first")
    return {name: values[name] for name in FIELDS}


DEMO_BASE = "http://127.0.0.1:8000/"


def demo_fixture(slug: str, language: str | None, html_path: Path, force: bool) -> str:
    """Render the demo article into `html_path`; returns its URL. Exits when the extractor disagrees with truth."""
    import gzip

    from crawler.demo import DemoWorld, PageRenderer

    world = DemoWorld()
    article = next(a for a in world.articles(slug) if language in (None, a.language))
    body = PageRenderer(world).render(slug, article.path, DEMO_BASE).body
    body = body if isinstance(body, bytes) else body.encode("utf-8")
    body = gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body
    if html_path.exists() and not force:
        sys.exit(f"{html_path} exists; pass --force to replace it")
    html_path.write_bytes(body)
    outcome = extract_article(body, article.url(DEMO_BASE))
    truth = {"title": article.title.replace("\u00a0", " ").replace("\u202f", " "), "authors": article.authors,
             "agencies": article.agencies, "language": article.language}
    wrong = [k for k, v in truth.items() if getattr(outcome, k, None) != v]
    if not isinstance(outcome, Extracted) or wrong or not outcome.text.startswith(article.paragraphs[0][:40]):
        sys.exit(f"the extractor disagrees with the demo's ground truth on {wrong or 'the text'}: fix it first")
    return article.url(DEMO_BASE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slug", help="catalog id of the outlet")
    parser.add_argument("--url", help="URL of the page (kept in the JSON; required for a new fixture)")
    parser.add_argument("--html", type=Path, help="a saved page to copy in as a new fixture")
    parser.add_argument("--date", default=date.today().strftime("%Y_%m_%d"), help="fixture date, YYYY_MM_DD")
    parser.add_argument("--force", action="store_true", help="overwrite an existing fixture or expected JSON")
    parser.add_argument("--demo", action="store_true", help="render the fixture from a bundled demo outlet")
    parser.add_argument("--language", help="with --demo: the article language (demo-bilingue)")
    args = parser.parse_args(argv)
    if args.demo:
        html_path = FIXTURES / f"{args.slug}_{args.date}.html"
        args.url = demo_fixture(args.slug, args.language, html_path, args.force)
        args.force = True
        return write_expected(html_path, args.url, args.slug, args.force, demo=True)
    html_path = FIXTURES / f"{args.slug}_{args.date}.html" if args.html else newest_fixture(args.slug)
    if html_path is None:
        sys.exit(f"no fixture tests/data/outlets/{args.slug}_<YYYY_MM_DD>.html: pass --html SAVED.html --url URL")
    if args.html:
        if html_path.exists() and not args.force:
            sys.exit(f"{html_path} exists; pass --force to replace it")
        shutil.copyfile(args.html, html_path)
    json_path = html_path.with_suffix(".json")
    old = json.loads(json_path.read_text(encoding="utf-8")) if json_path.exists() else {}
    url = args.url or old.get("url")
    if not url:
        sys.exit("no URL for this fixture: pass --url")
    return write_expected(html_path, url, args.slug, args.force, demo=bool(old.get("demo")))


def write_expected(html_path: Path, url: str, slug: str, force: bool, demo: bool = False) -> int:
    json_path = html_path.with_suffix(".json")
    old = json.loads(json_path.read_text(encoding="utf-8")) if json_path.exists() else {}
    new = {"url": url, **({"demo": True} if demo else {}), "fields": expected_fields(html_path, url, slug, demo)}
    if old == new:
        print(f"{json_path} is up to date")
        return 0
    if old and not force:
        changed = [k for k in FIELDS if old.get("fields", {}).get(k) != new["fields"][k]]
        sys.exit(f"{json_path} exists and these fields would change: {', '.join(changed) or 'url'}; "
                 "pass --force to overwrite it")
    json_path.write_text(json.dumps(new, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
