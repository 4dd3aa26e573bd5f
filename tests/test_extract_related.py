"""Table-driven tests of the related-articles rule (crawler/extract/_related.py): the header line and the
headlines under it go, the article's own lines stay. Every line here was written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._cleanup import clean_lines
from crawler.extract._related import drop_related, is_related_header
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS

FR = list(FR_PARAGRAPHS[:2])
AR = list(AR_PARAGRAPHS[:2])


@pytest.mark.parametrize(("line", "expected"), [
    ("Sur le même sujet", True),
    ("À lire aussi :", True),
    ("Plus de contenus El Watan", True),
    ("ذات صلة", True),
    ("مواضيع ذات صلة", True),
    ("المزيد من الشروق", True),
    ("Más sobre Economía", True),
    ("Lesen Sie auch:", True),
    ("Pour en savoir plus :", True),
    ("لمزيد من المعلومات", True),
    ("Ces articles pourraient aussi vous intéresser :", True),
    ("Vous pourriez également aimer", True),
    ("Diese Artikel könnten dich ebenfalls interessieren:", True),
    ("قد يعجبك أيضا", True),
    ("Ces articles pourraient aussi vous intéresser, a ajouté le ministre devant les élus.", False),
    ("قد يعجبك أيضا أن تعرف أن المشروع سيكتمل قبل نهاية السنة", False),
    ("Sur le même sujet, le ministre n'a rien dit.", False),
    ("Sur le même sujet le wali a réuni les élus de la commune", False),
    ("ذات صلة بالموضوع قال الوزير إن المشروع سيكتمل", False),
    ("Temas pendientes del gobierno", False),
    (FR_PARAGRAPHS[0], False),
])
def test_related_header(line: str, expected: bool) -> None:
    assert is_related_header(line) is expected


@pytest.mark.parametrize(("lines", "expected"), [
    # a header and its list at the end: everything from the header goes
    ([*FR, "Sur le même sujet", "- Le prix de la semoule encore en hausse", "- Oran : la corniche rouverte"], FR),
    # headlines without list marks at the end go too
    ([*AR, "ذات صلة", "المنتخب الوطني يستدعي ثلاثة لاعبين", "افتتاح الطريق السيار في تيزي وزو"], AR),
    # mid-text: the header and its list go, the subheading and the paragraphs after them stay
    ([FR[0], "À lire aussi", "- Le prix de la semoule encore en hausse", "Un budget en hausse", FR[1]],
     [FR[0], "Un budget en hausse", FR[1]]),
    # a closing list of the article's own points, with no header, stays
    ([*FR, "- premier point", "- second point"], [*FR, "- premier point", "- second point"]),
    # 'for more information' and its links at the end go; a paragraph after such a header stays
    ([*FR, "Pour en savoir plus :", "- Le site du ministère des Finances", "- Le texte de la loi de finances"], FR),
    ([FR[0], "En savoir plus", FR[1]], [FR[0], FR[1]]),
    # list items of several sentences after the header are the text's own points, not links: they stay
    ([*FR, "Voir aussi", "Les coulisses",
      "- Le tournage a eu lieu à Oran en 2019, sur la corniche et au port. La mairie avait fermé la route du front de mer "
      "pendant trois semaines pour permettre aux équipes de travailler la nuit.",
      "- Le rôle du pêcheur a d'abord été proposé à un acteur algérois, qui l'a refusé."],
     [*FR, "Les coulisses",
      "- Le tournage a eu lieu à Oran en 2019, sur la corniche et au port. La mairie avait fermé la route du front de mer "
      "pendant trois semaines pour permettre aux équipes de travailler la nuit.",
      "- Le rôle du pêcheur a d'abord été proposé à un acteur algérois, qui l'a refusé."]),
    ([AR[0], "اقرأ أيضا",
      "- بدأت الأشغال في ميناء وهران منذ شهر مارس الماضي وتشمل توسيع الرصيف الشرقي وبناء محطة جديدة للمسافرين. "
      "وقال مدير الميناء إن المشروع سيكتمل قبل نهاية السنة المقبلة إذا توفرت الاعتمادات المالية اللازمة.", AR[1]],
     [AR[0],
      "- بدأت الأشغال في ميناء وهران منذ شهر مارس الماضي وتشمل توسيع الرصيف الشرقي وبناء محطة جديدة للمسافرين. "
      "وقال مدير الميناء إن المشروع سيكتمل قبل نهاية السنة المقبلة إذا توفرت الاعتمادات المالية اللازمة.", AR[1]]),
    # a header followed by article paragraphs: only the header goes
    ([AR[0], "اقرأ أيضا", AR[1]], [AR[0], AR[1]]),
])
def test_drop_related(lines: list[str], expected: list[str]) -> None:
    assert drop_related(lines) == expected


def test_clean_lines_drops_a_related_list() -> None:
    lines = [*FR, "Plus de contenus El Watan", "- Alger : le tramway prolongé", "- Sétif : un nouveau stade"]
    assert clean_lines(lines, None)[0] == FR
