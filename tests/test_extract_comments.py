"""Table-driven tests of the comment-thread rule (crawler/extract/_comments.py). Every line here was
written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._comments import drop_comment_thread, is_relative_stamp
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS

FR = list(FR_PARAGRAPHS[:3])
AR = list(AR_PARAGRAPHS[:3])


@pytest.mark.parametrize(("line", "expected"), [
    ("Il y a 2 heures", True),
    ("il y a une heure", True),
    ("منذ ساعتين", True),
    ("منذ 3 ساعات", True),
    ("Hace 37 minutos", True),
    ("3 hours ago", True),
    ("Il y a 2 heures, le wali a inauguré la station.", False),
    ("منذ ساعتين أعلن الوزير عن المشروع", False),
])
def test_relative_stamp(line: str, expected: bool) -> None:
    assert is_relative_stamp(line) is expected


@pytest.mark.parametrize(("lines", "expected"), [
    # a thread under the article: cut from the first commenter's name
    ([*FR, "Samir", "Il y a 2 heures", "Bravo au conseil municipal.", "Il y a 3 heures", "Enfin !", "Il y a 5 heures",
      "Et les routes ?"], FR),
    ([*AR, "منذ ساعة", "تعليق أول من قارئ.", "منذ ساعتين", "تعليق ثان.", "منذ 3 ساعات", "تعليق ثالث."], AR),
    # two stamps are not a thread
    ([*FR, "Il y a 2 heures", "Bravo.", "Il y a 3 heures", "Enfin !"],
     [*FR, "Il y a 2 heures", "Bravo.", "Il y a 3 heures", "Enfin !"]),
    # a live blog stamps its entries from the top: nothing is cut
    (["Il y a 5 minutes", FR[0], "Il y a 20 minutes", FR[1], "Il y a une heure", FR[2]],
     ["Il y a 5 minutes", FR[0], "Il y a 20 minutes", FR[1], "Il y a une heure", FR[2]]),
])
def test_drop_comment_thread(lines: list[str], expected: list[str]) -> None:
    assert drop_comment_thread(lines) == expected
