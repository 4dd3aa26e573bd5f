"""The khabar command: extraction entry points and helpful errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from crawler.demo import DemoWorld, PageRenderer
from tests.support.crawls import KHABAR, ROOT, run


def _saved_article(tmp_path: Path, outlet: str = "demo-wp", language: str = "fr") -> tuple[Path, object]:
    world = DemoWorld()
    article = next(a for a in world.articles(outlet) if a.language == language)
    page = PageRenderer(world).render(outlet, article.path, "http://127.0.0.11:8000/")
    path = tmp_path / "page.html"
    path.write_bytes(page.body)
    return path, article


def test_extract_prints_one_json_record_for_a_saved_page(tmp_path: Path) -> None:
    path, article = _saved_article(tmp_path)
    result = run([*KHABAR, "extract", "--url", "http://127.0.0.11:8000" + article.path, str(path)])
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == article.title.replace("\u00a0", " ")
    assert record["authors"] == list(article.authors)
    assert record["language"] == "fr"
    assert record["text"].split("\n")[0] == article.paragraphs[0].replace("\u00a0", " ")


def test_extract_jsonl_answers_each_line_in_order_and_stays_alive(tmp_path: Path) -> None:
    fr_path, fr_article = _saved_article(tmp_path)
    ar_dir = tmp_path / "ar"
    ar_dir.mkdir()
    ar_path, ar_article = _saved_article(ar_dir, "demo-bilingue", "ar")
    answers = []
    with subprocess.Popen([*KHABAR, "extract", "--jsonl"], cwd=ROOT, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as process:
        assert process.stdin is not None and process.stdout is not None
        for request in ({"id": "a", "url": "http://127.0.0.11:8000/x", "html_path": str(fr_path)},
                        {"id": "b", "url": "http://127.0.0.13:8000/y", "html_path": str(ar_path)},
                        {"id": "c", "url": "http://x/z", "html_path": str(tmp_path / "missing.html")}):
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            answers.append(json.loads(process.stdout.readline()))  # answered before the next line is sent
        process.stdin.close()
        assert process.wait(timeout=30) == 0
    assert [a["id"] for a in answers] == ["a", "b", "c"]
    assert answers[0]["title"] == fr_article.title.replace("\u00a0", " ")
    assert answers[1]["language"] == "ar" and answers[1]["title"] == ar_article.title
    assert set(answers[0]) >= {"title", "authors", "published", "text", "language", "date_modified"}
    assert "error" in answers[2]


def test_extract_of_a_missing_file_says_so(tmp_path: Path) -> None:
    result = run([*KHABAR, "extract", str(tmp_path / "nope.html")])
    assert result.returncode == 2
    assert f"{tmp_path / 'nope.html'} does not exist or is not a file" in result.stderr


def test_outlets_lists_the_catalog() -> None:
    result = run([*KHABAR, "outlets", "--country", "BF"])
    assert result.returncode == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert "lefaso" in ids and all(" BF " in line for line in result.stdout.splitlines())


def test_crawl_without_outlets_is_a_usage_error() -> None:
    result = run([*KHABAR, "crawl"])
    assert result.returncode == 2
    assert "name at least one outlet id, or use --demo or --all" in result.stderr


def test_schema_prints_the_record_json_schema() -> None:
    result = run([*KHABAR, "schema"])
    assert json.loads(result.stdout)["title"] == "Khabar article record"
