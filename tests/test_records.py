"""The article record schema: one class, its docs, and the JSON Schema generated from it agree."""

from __future__ import annotations

import dataclasses
import typing

import jsonschema
import pytest

from crawler.records import ArticleRecord, ExtractionInfo, WarcLink, article_id, json_schema, text_digest


def _record(**changes: object) -> ArticleRecord:
    values: dict[str, typing.Any] = dict(
        id=article_id("https://exemple.ml/a/"), crawl_id="20261124T000000Z-abcdef", outlet="demo-wp",
        url="https://exemple.ml/a/", canonical_url="https://exemple.ml/a/", fetched_at="2026-11-24T00:00:00.000000Z",
        http_status=200, text_digest=text_digest("Bonjour."), text="Bonjour.", authors=["Awa Diallo"],
        warc=WarcLink(filename="f.warc.gz", path="warc/outlet=demo-wp/date=2026-11-24/f.warc.gz", offset=10,
                      length=20, record_id="<urn:uuid:1>", payload_digest="sha1:AAAA"),
        extraction=ExtractionInfo(method="m", version="v", extracted_at="2026-11-24T00:00:00+00:00"),
    )
    values.update(changes)
    return ArticleRecord(**values)


def test_every_field_is_documented_in_the_class_and_in_the_schema() -> None:
    schema = json_schema()
    for cls, props in ((ArticleRecord, schema["properties"]), (WarcLink, schema["properties"]["warc"]["properties"])):
        for f in dataclasses.fields(cls):
            assert f.metadata.get("doc"), f"{cls.__name__}.{f.name} has no doc"
            assert props[f.name]["description"] == f.metadata["doc"]
        assert set(props) == {f.name for f in dataclasses.fields(cls)}


def test_optional_annotations_become_nullable_schema_types() -> None:
    props = json_schema()["properties"]
    assert props["title"]["type"] == ["string", "null"]
    assert props["authors"] == {"type": "array", "items": {"type": "string"}, "description": props["authors"]["description"]}
    assert props["version"]["type"] == "integer"
    assert "warc" in json_schema()["required"] and "title" not in json_schema()["required"]


def test_a_record_round_trips_through_json_and_validates_against_the_schema() -> None:
    import json

    record = _record(title="Sécheresse au Sahel", language="fr")
    data = json.loads(record.to_json())
    jsonschema.validate(data, json_schema())
    assert ArticleRecord.from_dict(data) == record


def test_to_dict_is_asdict_in_field_order_with_lists_and_dicts_of_its_own() -> None:
    record = _record(title="Sécheresse au Sahel", authors=["Awa Diallo", "AFP"], author_kinds=["person", "agency"],
                     tags=["Sahel"], extraction=ExtractionInfo(method="m", version="v", extracted_at="x",
                                                               sources={"title": "h1"}, warnings=["court"]))
    data = record.to_dict()
    assert list(data.items()) == list(dataclasses.asdict(record).items())
    assert list(data["warc"]) == [f.name for f in dataclasses.fields(WarcLink)]
    data["authors"].append("Moussa Traoré")
    data["extraction"]["sources"]["date_published"] = "meta"
    data["extraction"]["warnings"].clear()
    assert record.authors == ["Awa Diallo", "AFP"]
    assert record.extraction.sources == {"title": "h1"} and record.extraction.warnings == ["court"]


def test_the_schema_rejects_a_record_with_a_wrong_type_or_an_unknown_field() -> None:
    data = _record().to_dict()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "word_count": "beaucoup"}, json_schema())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "surprise": 1}, json_schema())
    with pytest.raises(ValueError, match="unknown article record fields"):
        ArticleRecord.from_dict({**data, "surprise": 1})


def test_article_id_is_stable_and_depends_only_on_the_canonical_url() -> None:
    assert article_id("https://a.ma/x") == article_id("https://a.ma/x")
    assert article_id("https://a.ma/x") != article_id("https://a.ma/y")
    assert len(article_id("https://a.ma/x")) == 32
