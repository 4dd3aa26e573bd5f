"""Table-driven tests of the comment-thread rule (crawler/extract/_comments.py). Every line here was
written for these tests."""

from __future__ import annotations

import pytest

from crawler.extract._comments import drop_comment_thread, is_relative_stamp
from crawler.extract.article import extract_article
from crawler.extract.outcome import Extracted
from tests.test_extract import AR_PARAGRAPHS, FR_PARAGRAPHS, URL, page

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


ENTRIES_FR = (
    "Le ministre de l'Intérieur vient d'annoncer la réouverture de la route nationale entre Oran et Mostaganem, "
    "fermée depuis mardi soir à cause des inondations.",
    "Les pompiers ont évacué une trentaine de familles du quartier de Haï Sabah, où l'eau a atteint un mètre "
    "dans certaines habitations du rez-de-chaussée.",
    "La wilaya a ouvert trois écoles pour accueillir les sinistrés de la nuit, et la distribution de couvertures et "
    "de repas chauds a commencé en fin de matinée.",
)
ENTRIES_AR = (
    "أعلن وزير الداخلية قبل قليل عن إعادة فتح الطريق الوطني بين وهران ومستغانم بعد إغلاقه منذ مساء الثلاثاء بسبب "
    "الفيضانات التي ضربت المنطقة.",
    "قامت فرق الحماية المدنية بإجلاء نحو ثلاثين عائلة من حي الصباح حيث بلغ منسوب المياه مترا كاملا داخل بعض "
    "المساكن في الطوابق الأرضية.",
    "فتحت الولاية ثلاث مدارس لاستقبال المتضررين خلال الليلة الماضية وبدأ توزيع الأغطية والوجبات الساخنة في نهاية "
    "الصباح على العائلات المتضررة من السيول.",
)
LIVE_FR = [*FR, *FR, "Il y a 2 heures", ENTRIES_FR[0], "il y a 35 min", "Des familles évacuées à Haï Sabah",
           ENTRIES_FR[1], "Il y a 10 min", ENTRIES_FR[2]]
LIVE_AR = [*AR, *AR, "منذ ساعتين", ENTRIES_AR[0], "منذ 35 دقيقة", ENTRIES_AR[1], "منذ 10 دقائق", ENTRIES_AR[2]]


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
    # a live blog whose stamped entries start in the second half: each stamp heads a paragraph (or a heading and
    # its paragraph), no commenter's name before it: nothing is cut
    (LIVE_FR, LIVE_FR),
    (LIVE_AR, LIVE_AR),
    # long comments under their commenters' names are still a thread
    ([*FR, *FR, "Samir", "Il y a 2 heures", ENTRIES_FR[0], "Nadia B.", "Il y a 3 heures", ENTRIES_FR[1], "Karim",
      "il y a 35 min", ENTRIES_FR[2]], [*FR, *FR]),
    # ... and so are long comments with reply links
    ([*FR, *FR, "Il y a 2 heures", ENTRIES_FR[0], "Répondre", "Il y a 3 heures", ENTRIES_FR[1], "Répondre",
      "il y a 35 min", ENTRIES_FR[2], "Répondre"], [*FR, *FR]),
    ([*AR, *AR, "منذ ساعة", ENTRIES_AR[0], "رد", "منذ ساعتين", ENTRIES_AR[1], "رد", "منذ 3 ساعات", ENTRIES_AR[2], "رد"],
     [*AR, *AR]),
])
def test_drop_comment_thread(lines: list[str], expected: list[str]) -> None:
    assert drop_comment_thread(lines) == expected


def test_article_keeps_a_live_blog_stamped_in_its_second_half() -> None:
    tail = (f"<p>Il y a 2 heures</p><p>{ENTRIES_FR[0]}</p><p>il y a 35 min</p><h3>Des familles évacuées à Haï Sabah</h3>"
            f"<p>{ENTRIES_FR[1]}</p><p>Il y a 10 min</p><p>{ENTRIES_FR[2]}</p>")
    outcome = extract_article(page(tail=tail, paragraphs=FR_PARAGRAPHS * 2).encode(), URL)
    assert isinstance(outcome, Extracted)
    assert outcome.text.split("\n")[-7:] == ["Il y a 2 heures", ENTRIES_FR[0], "il y a 35 min",
                                             "Des familles évacuées à Haï Sabah", ENTRIES_FR[1], "Il y a 10 min",
                                             ENTRIES_FR[2]]
