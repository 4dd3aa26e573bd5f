"""Place names, invented people and invented clubs for each demo outlet.

Every value is a ``(french, arabic)`` pair; the French-only outlets repeat
the French form, since their Arabic side is never rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]


def _same(*names: str) -> tuple[Pair, ...]:
    return tuple((name, name) for name in names)


@dataclass(frozen=True)
class Locale:
    """Vocabulary that makes one outlet's stories sound local."""

    cities: tuple[Pair, ...]
    regional: tuple[Pair, ...]
    men: tuple[Pair, ...]
    women: tuple[Pair, ...]
    surnames_men: tuple[Pair, ...]
    surnames_women: tuple[Pair, ...]
    teams: tuple[Pair, ...]


_MALI_SURNAMES = _same(
    "Coulibaly", "Diarra", "Sanogo", "Maïga", "Touré", "Keïta", "Dembélé", "Sidibé",
    "Tangara", "Cissé", "Konaté", "Doumbia", "Kanté", "Bagayoko",
)

MALI = Locale(
    cities=_same("Bamako", "Ségou", "Sikasso", "Mopti", "Kayes", "Tombouctou", "Gao", "Koutiala"),
    regional=_same("Niamey", "Ouagadougou", "Dakar", "Nouakchott", "Abidjan", "Conakry"),
    men=_same("Moussa", "Oumar", "Idrissa", "Boubacar", "Souleymane", "Abdoulaye", "Seydou", "Bakary", "Adama"),
    women=_same("Fatoumata", "Rokia", "Awa", "Mariam", "Kadiatou", "Assitan", "Oumou", "Djénéba"),
    surnames_men=_MALI_SURNAMES,
    surnames_women=_MALI_SURNAMES,
    teams=_same("l’Étoile de Ségou", "le Racing club de Kayes", "l’AS du Fleuve", "le Sahel FC de Gao",
                "l’Union sportive de Koutiala"),
)

_ALGERIA_SURNAMES = _same(
    "Benali", "Haddad", "Belkacem", "Mansouri", "Zerrouki", "Bouzid", "Cherif", "Hamidi",
    "Saadi", "Boukhalfa", "Meziane", "Lounici", "Benamara", "Kaci",
)

ALGERIA = Locale(
    cities=_same("Alger", "Oran", "Constantine", "Annaba", "Tlemcen", "Béjaïa", "Sétif", "Ouargla",
                 "Tamanrasset", "Ghardaïa"),
    regional=_same("Tunis", "Rabat", "Casablanca", "Sfax", "Marrakech", "Niamey"),
    men=_same("Karim", "Samir", "Yacine", "Mourad", "Rachid", "Nabil", "Farid", "Sofiane", "Redouane"),
    women=_same("Nadia", "Leïla", "Amel", "Sabrina", "Yasmina", "Nesrine", "Lynda", "Samia", "Houda"),
    surnames_men=_ALGERIA_SURNAMES,
    surnames_women=_ALGERIA_SURNAMES,
    teams=_same("l’ES Tassili", "le CR Hodna", "l’US Atlas", "le MC Oasis", "l’Olympique des Hauts-Plateaux"),
)

MAURITANIA = Locale(
    cities=(("Nouakchott", "نواكشوط"), ("Nouadhibou", "نواذيبو"), ("Rosso", "روصو"), ("Kiffa", "كيفة"),
            ("Atar", "أطار"), ("Zouérat", "ازويرات"), ("Kaédi", "كيهيدي"), ("Néma", "النعمة")),
    regional=(("Dakar", "داكار"), ("Bamako", "باماكو"), ("Alger", "الجزائر العاصمة"), ("Rabat", "الرباط"),
              ("Tunis", "تونس"), ("Niamey", "نيامي"), ("Casablanca", "الدار البيضاء")),
    men=(("Mohamed", "محمد"), ("Sidi", "سيدي"), ("Ahmedou", "أحمدو"), ("Cheikh", "الشيخ"),
         ("Brahim", "إبراهيم"), ("Yahya", "يحيى"), ("El Moctar", "المختار"), ("Abdallahi", "عبد الله")),
    women=(("Mariem", "مريم"), ("Fatimetou", "فاطمتو"), ("Khadijetou", "خديجتو"), ("Aïchetou", "عيشتو"),
           ("Zeinabou", "زينبو"), ("Vatma", "فاطمة")),
    surnames_men=(("Ould Ahmed", "ولد أحمد"), ("Ould Sidi Mohamed", "ولد سيدي محمد"),
                  ("Ould Boubacar", "ولد بوبكر"), ("Ould El Hacen", "ولد الحسن"),
                  ("Ould Mahfoudh", "ولد محفوظ"), ("Ould Cheikhna", "ولد الشيخنا")),
    surnames_women=(("Mint Ahmed", "منت أحمد"), ("Mint Sidi", "منت سيدي"), ("Mint El Moustapha", "منت المصطفى"),
                    ("Mint Abdallahi", "منت عبد الله"), ("Mint Salem", "منت سالم")),
    teams=(("l’Étoile de Nouadhibou", "نجم نواذيبو"), ("le FC Tiris", "نادي تيرس"),
           ("l’ASC Chemama", "نادي شمامة"), ("le Nasr de Kiffa", "نادي نصر كيفة"),
           ("le Chabab de l’Adrar", "نادي شباب آدرار")),
)

MOROCCO = Locale(
    cities=(("Agadir", "أكادير"), ("Taroudant", "تارودانت"), ("Tiznit", "تزنيت"), ("Inezgane", "إنزكان"),
            ("Guelmim", "كلميم"), ("Ouarzazate", "ورزازات"), ("Tata", "طاطا"), ("Essaouira", "الصويرة")),
    regional=(("Marrakech", "مراكش"), ("Casablanca", "الدار البيضاء"), ("Rabat", "الرباط"), ("Laâyoune", "العيون"),
              ("Nouakchott", "نواكشوط"), ("Las Palmas", "لاس بالماس")),
    men=(("Hassan", "حسن"), ("Brahim", "إبراهيم"), ("Lahcen", "لحسن"), ("Omar", "عمر"), ("Youssef", "يوسف"),
         ("Abdellah", "عبد الله"), ("Mbarek", "مبارك"), ("Said", "سعيد")),
    women=(("Fatima", "فاطمة"), ("Khadija", "خديجة"), ("Naima", "نعيمة"), ("Zahra", "زهرة"), ("Malika", "مليكة"),
           ("Hafsa", "حفصة")),
    surnames_men=(("Ait Ouahmane", "آيت واحمان"), ("Amzil", "أمزيل"), ("Oubella", "أوبلا"), ("Boutaleb", "بوطالب"),
                  ("Idrissi", "الإدريسي"), ("Akhannouch", "أخنوش"), ("Lamrani", "العمراني")),
    surnames_women=(("Ait Ouahmane", "آيت واحمان"), ("Amzil", "أمزيل"), ("Oubella", "أوبلا"), ("Idrissi", "الإدريسي"),
                    ("Lamrani", "العمراني")),
    teams=(("le Hassania du Souss", "حسنية سوس"), ("l’Olympique de Tiznit", "أولمبيك تزنيت"),
           ("le Chabab d’Inezgane", "شباب إنزكان"), ("l’Union de Taroudant", "اتحاد تارودانت"),
           ("le Raja de l’Anti-Atlas", "رجاء الأطلس الصغير")),
)

_TUNISIA_SURNAMES = _same(
    "Ben Salah", "Trabelsi", "Jaziri", "Gharbi", "Hammami", "Mejri", "Chebbi", "Ayari",
    "Ben Youssef", "Khelifi", "Mathlouthi", "Riahi", "Zouari", "Dridi",
)

TUNISIA = Locale(
    cities=_same("Tunis", "Sfax", "Sousse", "Kairouan", "Bizerte", "Gabès", "Gafsa", "Tozeur", "Nabeul", "Médenine"),
    regional=_same("Alger", "Tripoli", "Annaba", "Palerme", "Constantine", "Benghazi"),
    men=_same("Mehdi", "Anis", "Walid", "Slim", "Hichem", "Nizar", "Khaled", "Moez", "Bilel"),
    women=_same("Salma", "Ines", "Rim", "Amira", "Olfa", "Sonia", "Meriem", "Houda", "Emna"),
    surnames_men=_TUNISIA_SURNAMES,
    surnames_women=_TUNISIA_SURNAMES,
    teams=_same("l’Avenir de Carthage", "le Stade du Sahel", "l’Olympique de Kairouan", "la Jeunesse de Gabès",
                "le Club athlétique du Cap Bon"),
)

WEEKDAYS: tuple[Pair, ...] = (
    ("lundi", "الاثنين"), ("mardi", "الثلاثاء"), ("mercredi", "الأربعاء"), ("jeudi", "الخميس"),
    ("vendredi", "الجمعة"), ("samedi", "السبت"), ("dimanche", "الأحد"),
)

MONTHS: tuple[Pair, ...] = (
    ("janvier", "يناير"), ("février", "فبراير"), ("mars", "مارس"), ("avril", "أبريل"),
    ("mai", "مايو"), ("juin", "يونيو"), ("juillet", "يوليو"), ("août", "أغسطس"),
    ("septembre", "سبتمبر"), ("octobre", "أكتوبر"), ("novembre", "نوفمبر"), ("décembre", "ديسمبر"),
)

RANKS: tuple[Pair, ...] = (
    ("troisième", "الثالث"), ("quatrième", "الرابع"), ("cinquième", "الخامس"), ("sixième", "السادس"),
)

REPORTS: tuple[str, ...] = (
    "Vivre au Sahel en 2040", "Territoires et services publics", "L’État au plus près des citoyens",
)

BOOKS: tuple[str, ...] = ("Les Dunes de midi", "Chants de la rive", "Le Puits et la Lune", "L’Heure des caravanes")
