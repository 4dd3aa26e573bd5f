"""The readers of bench/real_quality.py decide which page is scored against which labels: a wrong pairing would
silently score every extractor against another page's article. Each layout here is written for the test, in
the shape of the public corpus it stands for (no page or label of a corpus enters this repository)."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

from bench.quality.corpora import (
    Labels,
    Page,
    Skipped,
    Typed,
    half_of,
    read_aeb,
    read_fundus,
    read_wcxb,
    read_wcxb_non_articles,
)
from bench.quality.scoring import Prediction, in_page, norm_name, score

ARTICLE = "<html><head><title>Sécheresse au Sahel</title></head><body><p>Les pluies tardent.</p></body></html>".encode()


def _write_gz(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data))


def test_aeb_pages_pair_ground_truth_with_their_gzipped_html(tmp_path: Path) -> None:
    _write_gz(tmp_path / "html" / "a1.html.gz", ARTICLE)
    (tmp_path / "ground-truth.json").write_text(json.dumps({
        "a1": {"articleBody": "Les pluies tardent.", "url": "https://example.ml/a1"},
        "b2": {"articleBody": "Sans page.", "url": "https://example.ml/b2"},
        "c3": {"url": "https://example.ml/c3"},
    }), encoding="utf-8")
    _write_gz(tmp_path / "html" / "c3.html.gz", ARTICLE)

    items = list(read_aeb(tmp_path))

    pages = [i for i in items if isinstance(i, Page)]
    assert [(p.id, p.url, p.labels.text) for p in pages] == [("a1", "https://example.ml/a1", "Les pluies tardent.")]
    assert pages[0].html() == ARTICLE
    assert {(s.id, s.reason) for s in items if isinstance(s, Skipped)} == {
        ("b2", "html/<id>.html.gz missing"), ("c3", "labels without url or articleBody")}


def _fundus_version(title: str, day: str) -> dict[str, object]:
    return {"authors": ["Awa Traoré", "La Rédaction"], "body": {"summary": [f"Chapeau {title}."], "sections": [
        {"headline": [], "paragraphs": [f"Premier paragraphe {title}."]},
        {"headline": ["Un intertitre"], "paragraphs": ["Second paragraphe."]}]},
        "publishing_date": f"{day} 09:30:00+00:00", "title": title}


def test_fundus_versions_pair_with_pages_in_crawl_date_order(tmp_path: Path) -> None:
    """V1 is the oldest parser version, so it labels the page crawled first, whatever the files' names say;
    V10 comes after V2 (versions compare as numbers)."""
    country = tmp_path / "tests" / "resources" / "parser" / "test_data" / "ml"
    names = {"Sahel_2025_01_01.html.gz": "2025-03-01 10:00:00", "Sahel_2024_06_01.html.gz": "2024-06-01 10:00:00",
             "Sahel_2026_01_01.html.gz": "2026-01-01 10:00:00"}
    for name in names:
        _write_gz(country / name, ARTICLE)
    (country / "meta.info").write_text(json.dumps({
        name: {"url": f"https://sahel.example/{name[:-8]}", "crawl_date": date} for name, date in names.items()}))
    (country / "Sahel.json").write_text(json.dumps({
        "V10": _fundus_version("troisième", "2025-12-31"), "V1": _fundus_version("premier", "2024-05-31"),
        "V2": _fundus_version("deuxième", "2025-02-28")}), encoding="utf-8")

    pages = [p for p in read_fundus(tmp_path) if isinstance(p, Page)]

    assert [(p.id, p.labels.title, p.labels.date) for p in pages] == [
        ("ml/Sahel_2024_06_01", "premier", "2024-05-31"),
        ("ml/Sahel_2025_01_01", "deuxième", "2025-02-28"),
        ("ml/Sahel_2026_01_01", "troisième", "2025-12-31")]
    assert pages[0].url == "https://sahel.example/Sahel_2024_06_01"
    assert pages[0].labels.authors == ("Awa Traoré", "La Rédaction")
    assert pages[0].labels.text == "Chapeau premier.\nPremier paragraphe premier.\nUn intertitre\nSecond paragraphe."
    assert {p.half for p in pages} <= {"tune", "held-back"} and pages[0].half == half_of("ml/Sahel_2024_06_01")


def test_a_fundus_publisher_whose_pages_and_versions_differ_in_number_is_skipped(tmp_path: Path) -> None:
    country = tmp_path / "ne"
    _write_gz(country / "Niamey_2025_01_01.html.gz", ARTICLE)
    (country / "meta.info").write_text(json.dumps({"Niamey_2025_01_01.html.gz": {"url": "https://n.example/a"}}))
    (country / "Niamey.json").write_text(json.dumps({"V1": _fundus_version("a", "2024-01-01"),
                                                     "V2": _fundus_version("b", "2025-01-01")}))

    assert list(read_fundus(tmp_path)) == [Skipped("fundus", "ne/Niamey", "1 pages for 2 labelled versions")]


def _wcxb_labels(url: str, **truth: object) -> str:
    return json.dumps({"url": url, "file_id": "x", "ground_truth": truth})


def test_wcxb_reads_article_pages_from_the_folder_its_index_names(tmp_path: Path) -> None:
    """The same id can sit in dev/ and test/: metadata.json says which one is the page. Forums, product pages
    and listings are not read; an article without its html or its body label is reported."""
    (tmp_path / "metadata.json").write_text(json.dumps({"files": {
        "0001": {"split": "test", "page_type": "article"}, "0002": {"split": "dev", "page_type": "forum"},
        "0003": {"split": "dev", "page_type": "article"}, "0004": {"split": "dev", "page_type": "article"}}}))
    for split, title in (("dev", "Ailleurs"), ("test", "Sécheresse au Sahel")):
        _write_gz(tmp_path / split / "html" / "0001.html.gz", ARTICLE if split == "test" else b"<p>autre</p>")
        (tmp_path / split / "ground-truth").mkdir(parents=True, exist_ok=True)
        (tmp_path / split / "ground-truth" / "0001.json").write_text(_wcxb_labels(
            f"https://sahel.example/{split}", title=title, author="Awa Traoré", publish_date="2025-06-01",
            main_content="Les pluies tardent."), encoding="utf-8")
    _write_gz(tmp_path / "dev" / "html" / "0002.html.gz", ARTICLE)
    (tmp_path / "dev" / "ground-truth" / "0002.json").write_text(_wcxb_labels("https://f.example", main_content="x"))
    _write_gz(tmp_path / "dev" / "html" / "0003.html.gz", ARTICLE)
    (tmp_path / "dev" / "ground-truth" / "0003.json").write_text(_wcxb_labels("https://s.example", main_content=None))

    items = list(read_wcxb(tmp_path))

    pages = [i for i in items if isinstance(i, Page)]
    assert [(p.id, p.url, p.html()) for p in pages] == [("0001", "https://sahel.example/test", ARTICLE)]
    assert pages[0].labels == Labels(title="Sécheresse au Sahel", authors=("Awa Traoré",), date="2025-06-01",
                                     text="Les pluies tardent.")
    assert [(s.id, s.reason) for s in items if isinstance(s, Skipped)] == [
        ("0003", "labels without url or ground_truth.main_content"),
        ("0004", "dev/html/<id>.html.gz or dev/ground-truth/<id>.json missing")]


def test_wcxb_non_article_pages_are_read_with_their_type_and_url(tmp_path: Path) -> None:
    """The record verdict's other side: every page typed other than 'article', labels unread but its URL."""
    (tmp_path / "metadata.json").write_text(json.dumps({"files": {
        "0001": {"split": "dev", "page_type": "article"}, "0002": {"split": "dev", "page_type": "listing"},
        "0003": {"split": "test", "page_type": "forum"}, "0004": {"split": "dev", "page_type": "product"}}}))
    for split, page_id in (("dev", "0001"), ("dev", "0002"), ("test", "0003")):
        _write_gz(tmp_path / split / "html" / f"{page_id}.html.gz", ARTICLE)
        (tmp_path / split / "ground-truth").mkdir(parents=True, exist_ok=True)
    (tmp_path / "dev" / "ground-truth" / "0001.json").write_text(_wcxb_labels("https://a.example", main_content="x"))
    (tmp_path / "dev" / "ground-truth" / "0002.json").write_text(_wcxb_labels("https://a.example/news/", main_content=None))
    (tmp_path / "test" / "ground-truth" / "0003.json").write_text(json.dumps({"ground_truth": {}}))

    items = list(read_wcxb_non_articles(tmp_path))

    assert [(t.page_type, t.page.id, t.page.url, t.page.html()) for t in items if isinstance(t, Typed)] == [
        ("listing", "0002", "https://a.example/news/", ARTICLE)]
    assert [(s.id, s.reason) for s in items if isinstance(s, Skipped)] == [
        ("0003", "labels without url"), ("0004", "dev/html/<id>.html.gz or dev/ground-truth/<id>.json missing")]


def _ids_in(half: str, count: int) -> list[str]:
    return [i for i in (f"{n:04d}" for n in range(100)) if half_of(i) == half][:count]


def test_real_quality_counts_the_wcxb_non_articles_the_crawl_would_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A forum thread on an article-shaped URL would be recorded (a false record); a tag page would not."""
    from bench.real_quality import main

    html = ("<html><head><meta property='og:type' content='article'></head><body><article>"
            f"<h1>Mopti attend la pluie</h1>{_STORY}</article></body></html>").encode()
    forum, listing, dated = _ids_in("tune", 3)
    held = _ids_in("held-back", 1)[0]
    pages = {forum: ("forum", "https://forum.example/2026/11/20/mopti-attend-la-pluie/"),
             listing: ("listing", "https://journal.example/tag/mopti/"),
             dated: ("listing", "https://journal.example/2026/11/20/la-saison-des-pluies/"),
             held: ("collection", "https://journal.example/2026/11/21/les-pluies-de-mopti/")}
    (tmp_path / "metadata.json").write_text(json.dumps({"files": {
        i: {"split": "dev", "page_type": kind} for i, (kind, _) in pages.items()}}))
    (tmp_path / "dev" / "ground-truth").mkdir(parents=True)
    for page_id, (_, url) in pages.items():
        _write_gz(tmp_path / "dev" / "html" / f"{page_id}.html.gz", html)
        (tmp_path / "dev" / "ground-truth" / f"{page_id}.json").write_text(_wcxb_labels(url, main_content=None))

    assert main(["--corpus", f"wcxb={tmp_path}", "--language", "none"]) == 0

    out = capsys.readouterr().out
    assert "wcxb · tune: non-article pages recorded by the crawl's verdict: listing 1 of 2, forum 1 of 1; all 2 of 3" in out
    assert "wcxb · held-back: non-article pages recorded by the crawl's verdict: collection 1 of 1; all 1 of 1" in out

    assert main(["--corpus", f"wcxb={tmp_path}", "--language", "none", "--half", "held-back"]) == 0
    assert "· tune: non-article" not in capsys.readouterr().out


def test_wcxb_without_its_index_says_so(tmp_path: Path) -> None:
    assert list(read_wcxb(tmp_path)) == [Skipped("wcxb", "metadata.json", "index missing or without a 'files' object")]


def test_the_in_page_ceiling_finds_labels_the_page_holds_and_not_others() -> None:
    from bench.quality.corpora import Labels
    from bench.quality.scoring import in_page

    source = ("<html><head><title>Sahel : la saison des pluies tarde | Le Quotidien</title></head><body>"
              "<h1>Sahel&nbsp;: la <em>saison</em> des pluies tarde</h1><p class=by>Par Awa Traoré</p></body></html>")

    assert in_page(source, Labels(title="Sahel : la saison des pluies tarde", authors=("Awa Traore",))) == {
        "title": 1.0, "authors": 1.0}
    assert in_page(source, Labels(title="SAHEL : LA SAISON DES PLUIES TARDE", authors=("Awa Traoré", "Ali Diallo"))) == {
        "title": 0.0, "authors": 2 * 0.5 / 1.5}
    assert in_page(source, Labels()) == {"title": None, "authors": None}


META_PAGE = """<html><head><title>Mopti : la crue du fleuve inquiète</title>
<meta property="og:title" content="Crue du Niger : Mopti sur le qui-vive"><meta name="author" content='Ibrahim Maïga'>
<meta content=La&#32;crue&#32;vue&#32;de&#32;Mopti name="twitter:title"></head>
<body><h2>Mopti : la crue du fleuve inquiète</h2><p>Les eaux montent depuis lundi.</p></body></html>"""


@pytest.mark.parametrize(("labels", "expected"), [
    (Labels(title="Crue du Niger : Mopti sur le qui-vive"), {"title": 1.0, "authors": None}),
    (Labels(authors=("Ibrahim Maiga",)), {"title": None, "authors": 1.0}),
    (Labels(title="La crue vue de Mopti", authors=("Moussa Coulibaly",)), {"title": 1.0, "authors": 0.0}),
])
def test_the_in_page_ceiling_reads_the_contents_of_meta_tags(labels: Labels, expected: dict[str, float]) -> None:
    assert in_page(META_PAGE, labels) == expected


@pytest.mark.parametrize("value", ["Awa Traoré", "ÉLODIE N'DIAYE", "Ibrahim Maïga", "محمد الأمين", "Zoë Ångström",
                                   "ﬁgure ﬂash", "plain words"])
def test_names_fold_as_before_the_faster_mark_removal(value: str) -> None:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))

    assert norm_name(value) == " ".join(re.findall(r"\w+", bare.replace("_", " ")))


@pytest.mark.parametrize("value", ["L\u2019été «\u00a0chaud\u00a0» \u2013 Mopti", "co\u00adopération\u200b", "`plain`",
                                   "مقال \u2014 الساحل", "\ufeffTitre\u2060 \u201cun\u201d"])
def test_titles_fold_as_before_the_faster_fold(value: str) -> None:
    from bench.quality.scoring import _FOLD, norm_title

    assert norm_title(value) == " ".join(unicodedata.normalize("NFC", value.translate(_FOLD)).split())


def test_the_targets_summary_names_each_held_back_miss_and_nothing_on_the_tune_half() -> None:
    from bench.quality.corpora import Labels
    from bench.quality.report import Outcome, Row, target_misses
    from bench.quality.scoring import Prediction

    def row(page_id: str, ours: dict[str, float | None], theirs: dict[str, float | None]) -> Row:
        page = Page("sahel", page_id, f"https://sahel.example/{page_id}", Path("unused"), Labels())
        return Row(page, {"khabar": Outcome(Prediction(), ours, 0.0), "trafilatura": Outcome(Prediction(), theirs, 0.0)})

    held = next(f"p{n}" for n in range(100) if half_of(f"p{n}") == "held-back")
    tune = next(f"p{n}" for n in range(100) if half_of(f"p{n}") == "tune")
    scores = {"title": 1.0, "authors": 0.5, "date": 1.0, "body": 0.955, "language": None}
    rows = [row(held, scores, {**scores, "authors": 0.6, "body": 0.95}), row(tune, {**scores, "title": 0.0}, scores)]

    assert target_misses({"sahel": rows}) == [
        "sahel authors 0.500 (1 pages): below trafilatura's 0.600 (difference -0.100, 95% interval -0.100 … -0.100)",
        "sahel authors 0.500 (1 pages): under the floor 0.9",
        "sahel body 0.955 (1 pages): under trafilatura's 0.950 + 0.01 (difference +0.005, 95% interval +0.005 … +0.005)"]


def test_the_paired_comparison_counts_pages_won_and_lost_and_bounds_the_mean_difference() -> None:
    from bench.quality.corpora import Labels
    from bench.quality.report import Outcome, Row, paired
    from bench.quality.scoring import Prediction

    def row(n: int, ours: float | None, theirs: float | None) -> Row:
        page = Page("sahel", f"p{n}", f"https://sahel.example/p{n}", Path("unused"), Labels())
        return Row(page, {"khabar": Outcome(Prediction(), {"body": ours}, 0.0),
                          "trafilatura": Outcome(Prediction(), {"body": theirs}, 0.0)})

    pairs = [(0.9, 0.7), (0.8, 0.8), (0.5, 0.6), (0.95, 0.9), (None, 0.4)]  # the unscored page is left out
    rows = [row(n, ours, theirs) for n, (ours, theirs) in enumerate(pairs)]
    found = paired(rows, "body")

    assert found is not None and (found.wins, found.losses) == (2, 1)
    assert found.diff == pytest.approx((0.2 + 0.0 - 0.1 + 0.05) / 4)
    assert -0.1 <= found.low < found.diff < found.high <= 0.2
    assert paired(rows, "body") == found  # a fixed seed: the same interval on every run
    assert paired([row(0, None, 0.4)], "body") is None


@pytest.mark.parametrize(("predicted", "label", "expected"), [
    # characters that print nothing do not make two titles differ, whichever side holds them
    ("Le recours constitutionnel est déposé", "Le recours consti\xadtu\xadtion\xadnel est déposé", 1.0),
    ("Le Conseil\u2060 constitutionnel saisi", "Le Conseil constitutionnel saisi", 1.0),
    ("\ufeffLe budget adopté", "Le budget adopté", 1.0),
    ("Le budget\u200b adopté", "Le budget adopté", 1.0),
    # a printed hyphen still does
    ("Le recours consti-tutionnel est déposé", "Le recours constitutionnel est déposé", 0.0),
])
def test_the_title_score_ignores_invisible_characters(predicted: str, label: str, expected: float) -> None:
    assert score(Prediction(title=predicted), Labels(title=label))["title"] == expected


_POSTLIGHT_TEST = r"""
import assert from 'assert';
const fs = require('fs');

describe('SahelInfoExtractor', () => {
  describe('initial test case', () => {
    let result;
    let url;
    beforeAll(() => {
      url =
        'https://www.sahel.example/2024/03/09/pluies.html';
      const html = fs.readFileSync('./fixtures/www.sahel.example.html');
      result = Mercury.parse(url, { html, fallback: false });
    });

    it('returns the title', async () => {
      const { title } = await result;
      // a title cut across lines, in two kinds of quotes
      assert.equal(
        title,
        'Sahel\u00a0: l\'hivernage ' +
          "tarde à \"venir\""
      );
    });

    it('returns the author', async () => {
      const { author } = await result;
      assert.equal(author, `Awa Traoré et Ali Diallo`);
    });

    it('returns the date_published', async () => {
      const { date_published } = await result;
      assert.equal(date_published, '2024-03-08T23:30:00.000Z');
    });

    it('returns the content', async () => {
      const { content } = await result;
      const first13 = excerptContent($('*').first().text(), 13);
      assert.equal(first13, 'Les pluies tardent à venir sur le Sahel cette année.');
    });
  });

  describe('a page without a byline', () => {
    it('returns nothing it cannot read', async () => {
      const html = fs.readFileSync('./fixtures/www.sahel.example--brief.html');
      const uri = 'https://www.sahel.example/breves/1';
      const { title, author, date_published } = await Mercury.parse(uri, { html });
      assert.equal(title, `Brève n°${number}`);
      assert.equal(author, null);
      assert.equal(date_published, '2024-03-09T15:00:00.000Z');
    });
  });
});
"""


def _postlight_corpus(tmp_path: Path) -> None:
    (tmp_path / "src" / "extractors" / "custom" / "www.sahel.example").mkdir(parents=True)
    (tmp_path / "src" / "extractors" / "custom" / "www.sahel.example" / "index.test.js").write_text(
        _POSTLIGHT_TEST, encoding="utf-8")
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "www.sahel.example.html").write_text(
        '<html><head><meta property="article:published_time" content="2024-03-09T00:30:00+01:00"></head>'
        "<body><p>Les pluies tardent à venir sur le Sahel cette année.</p></body></html>", encoding="utf-8")
    (tmp_path / "fixtures" / "www.sahel.example--brief.html").write_text("<p>Brève</p>", encoding="utf-8")


def test_postlight_cases_pair_each_fixture_with_the_values_its_test_asserts(tmp_path: Path) -> None:
    from bench.quality.corpora import read_postlight

    _postlight_corpus(tmp_path)

    items = list(read_postlight(tmp_path))

    pages = {p.id: p for p in items if isinstance(p, Page)}
    first = pages["www.sahel.example"]
    assert first.url == "https://www.sahel.example/2024/03/09/pluies.html"
    assert first.path == tmp_path / "fixtures" / "www.sahel.example.html"
    assert first.labels.title == "Sahel\xa0: l'hivernage tarde à \"venir\""
    assert first.labels.authors == ("Awa Traoré et Ali Diallo",)
    # the UTC instant's day, and the day the page prints that instant in its own zone
    assert (first.labels.date, first.labels.other_days) == ("2024-03-08", ("2024-03-09",))
    assert first.labels.with_snippets == ("Les pluies tardent à venir sur le Sahel cette année.",)
    brief = pages["www.sahel.example--brief"]
    # a template with a substitution is reported, null is no label, 15:00Z with no stamp in the page is a
    # midnight east of UTC: the next day is right too
    assert (brief.url, brief.labels.title, brief.labels.authors) == ("https://www.sahel.example/breves/1", None, None)
    assert (brief.labels.date, brief.labels.other_days) == ("2024-03-09", ("2024-03-10",))
    assert [s for s in items if isinstance(s, Skipped)] == [
        Skipped("postlight", "www.sahel.example--brief", "title not scored: a template literal with ${…} substitutions")]


@pytest.mark.parametrize(("predicted", "expected"), [
    ("2024-03-08", 1.0),  # the UTC day
    ("2024-03-09T00:30:00+01:00", 1.0),  # the day the page prints
    ("2024-03-07", 0.0),
    (None, 0.0),
])
def test_a_utc_instant_label_accepts_its_utc_day_and_the_pages_own_day(predicted: str | None, expected: float) -> None:
    labels = Labels(date="2024-03-08", other_days=("2024-03-09",))

    assert score(Prediction(date=predicted), labels)["date"] == expected


def test_a_postlight_checkout_without_its_tests_folder_is_reported(tmp_path: Path) -> None:
    from bench.quality.corpora import read_postlight

    assert list(read_postlight(tmp_path)) == [Skipped("postlight", "src/extractors/custom", "folder missing")]


@pytest.mark.parametrize(("source", "expected"), [
    ("'a' + 'b' +\n  'c')", "abc"),
    ('"l\\u2019été")', "l\u2019été"),
    ("`deux\nlignes`)", "deux\nlignes"),
    ("null)", None),
    ("/* note */ 'x' // fin\n)", "x"),
])
def test_js_values_are_read_as_javascript_would(source: str, expected: str | None) -> None:
    from bench.quality.js_asserts import value_at

    assert value_at(source, 0) == expected


@pytest.mark.parametrize("source", ["`n°${n}`)", "title.trim())", "'a' + b)", "moment(x).format())"])
def test_js_values_that_need_running_the_file_are_refused(source: str) -> None:
    from bench.quality.js_asserts import Unreadable, value_at

    with pytest.raises(Unreadable):
        value_at(source, 0)


@pytest.mark.parametrize(("saved", "published"), [
    # Mercury's normalised meta tags: value is content again, OpenGraph names are properties again
    (b'<meta name="og:title" value="Sahel : les pluies"><meta name="author" value="Awa Traor\xc3\xa9">',
     b'<meta property="og:title" content="Sahel : les pluies"><meta name="author" content="Awa Traor\xc3\xa9">'),
    # a page as published (one meta content is enough to tell) is left as it is, <input value> too
    (b'<meta name="og:title" content="A"><meta name="x" value="B">', b'<meta name="og:title" content="A"><meta name="x" value="B">'),
    (b'<meta charset="utf-8"><input name="q" value="pluies">', b'<meta charset="utf-8"><input name="q" value="pluies">'),
])
def test_postlight_pages_get_their_meta_tags_back_as_published(saved: bytes, published: bytes) -> None:
    from bench.quality.corpora import meta_tags_as_published

    assert meta_tags_as_published(saved) == published


def test_a_postlight_page_is_read_with_its_meta_tags_restored(tmp_path: Path) -> None:
    from bench.quality.corpora import read_postlight

    _postlight_corpus(tmp_path)
    (tmp_path / "fixtures" / "www.sahel.example.html").write_bytes(b'<meta name="article:published_time" value="x">')

    page = next(p for p in read_postlight(tmp_path) if isinstance(p, Page) and p.id == "www.sahel.example")

    assert page.html() == b'<meta property="article:published_time" content="x">'


def test_a_corpus_issue_12_does_not_name_has_its_misses_apart(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.quality.report import Outcome, Row, print_targets
    from bench.quality.scoring import Prediction

    held = next(f"p{n}" for n in range(100) if half_of(f"p{n}") == "held-back")
    scores = {"title": None, "authors": None, "date": None, "body": 0.5, "language": None}
    worse = Row(Page("wcxb", held, "https://w.example", Path("unused"), Labels()), {
        "khabar": Outcome(Prediction(), scores, 0.0), "trafilatura": Outcome(Prediction(), {**scores, "body": 0.9}, 0.0)})

    print_targets({"aeb": [], "wcxb": [worse]})

    out = capsys.readouterr().out
    assert "issue 12 targets on the held-back halves of aeb: all met" in out
    assert "wcxb body 0.500 (1 pages): below trafilatura's 0.900" in out.split("extra corpus wcxb")[1]


@pytest.mark.parametrize(("html", "expected"), [
    (b'<!DOCTYPE html><html lang="fr-FR"><head>', "fr"),
    (b"<html class='no-js' LANG='AR'>", "ar"),
    (b"<html><head><meta property='og:locale' content='fr_FR'>", None),  # only the <html> element's own declaration
    (b"<html>" + b" " * 5000 + b'<p lang="fr">', None),
])
def test_the_declared_language_is_the_html_elements_lang(html: bytes, expected: str | None) -> None:
    from bench.quality.extractors import declared_language

    assert declared_language(html) == expected


def test_pages_declaring_a_language_are_pooled_over_corpora_per_half(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.quality.report import Outcome, Row, print_languages

    held = [f"p{n}" for n in range(100) if half_of(f"p{n}") == "held-back"][:3]
    tune = next(f"p{n}" for n in range(100) if half_of(f"p{n}") == "tune")

    def row(corpus: str, page_id: str, declared: str | None, ours: float, theirs: float) -> Row:
        scores = {"title": None, "authors": None, "date": None, "body": ours, "language": None}
        page = Page(corpus, page_id, f"https://{corpus}.example/{page_id}", Path("unused"), Labels())
        outcomes = {"khabar": Outcome(Prediction(), scores, 0.0),
                    "trafilatura": Outcome(Prediction(), {**scores, "body": theirs}, 0.0)}
        if corpus == "htmldate":  # the date corpus's rows carry a third extractor; the pooled table leaves it out
            outcomes["htmldate"] = Outcome(Prediction(), {**scores, "body": None}, 0.0)
        return Row(page, outcomes, declared=declared)

    results = {"htmldate": [row("htmldate", held[0], "fr", 1.0, 0.5), row("htmldate", held[1], "en", 0.0, 1.0)],
               "trafilatura": [row("trafilatura", held[2], "fr", 0.5, 0.5), row("trafilatura", tune, "fr", 0.2, 0.9)]}

    print_languages(results, ["fr", "ar"])

    out = capsys.readouterr().out
    held_table = out.split("pages declaring 'fr', pooled (htmldate, trafilatura) · held-back: 2 pages")[1]
    body = next(line for line in held_table.splitlines() if line.startswith("body"))
    assert body.split()[:5] == ["body", "2", "0.750", "0.500", "+0.250"]
    assert "pages declaring 'fr', pooled (htmldate, trafilatura) · tune: 1 pages" in out
    assert "'ar'" not in out  # no page declares Arabic: no table


_STORY = "".join(f"<p>La saison des pluies tarde à Mopti, et les cultivateurs du delta attendent {n} jours de plus.</p>"
                 for n in range(8))


@pytest.mark.parametrize(("url", "og_type", "expected"), [
    ("https://journal.ml/2026/11/20/mopti-attend-la-pluie/", "article", None),
    ("https://journal.ml/2026/11/20/mopti-attend-la-pluie/", "profile", "not_an_article: the page calls itself 'profile'"),
    ("https://journal.ml/tag/mopti/", "article", "not_an_article: its URL is a listing, tag, author, search or home page"),
])
def test_khabar_says_when_the_crawl_would_write_no_record_of_a_page(url: str, og_type: str, expected: str | None) -> None:
    from bench.quality.extractors import khabar

    html = (f"<html><head><meta property='og:type' content='{og_type}'></head><body><article>"
            f"<h1>Mopti attend la pluie</h1>{_STORY}</article></body></html>").encode()

    prediction = khabar(html, url)

    assert prediction.unrecorded == expected
    assert "Mopti" in prediction.text  # the fields are extracted (and scored) all the same


def test_each_table_counts_the_pages_the_crawl_would_not_record_by_reason(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.quality.report import Outcome, Row, print_table

    def row(n: int, unrecorded: str | None) -> Row:
        scores = {"title": 1.0, "authors": None, "date": None, "body": None, "language": None}
        page = Page("sahel", f"p{n}", f"https://sahel.example/p{n}", Path("unused"), Labels())
        return Row(page, {"khabar": Outcome(Prediction(unrecorded=unrecorded), scores, 0.0),
                          "trafilatura": Outcome(Prediction(), scores, 0.0)})

    website = "not_an_article: the page calls itself 'website'"
    print_table("sahel", "tune", [row(1, None), row(2, website), row(3, "too_short: N words"), row(4, website)], 0)

    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("recorded"))
    assert lines[start].split()[:4] == ["recorded", "1", "of", "4"]
    assert [line.split(None, 3)[2:] for line in lines[start + 1:]] == [["2", website], ["1", "too_short: N words"]]
