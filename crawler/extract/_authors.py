"""Bylines to credits: every name a byline credits, as printed, one per entry, with what it is.

The byline convention of the article record (see `crawler.records.schema`): ``"Par Karim B. et
Amina S., envoyée spéciale à Bamako (avec Agence France-Presse)"`` credits ``Karim B.`` (person),
``Amina S.`` (person) and ``Agence France-Presse`` (agency, canonical name ``AFP``); ``"Par la
rédaction"`` credits ``La rédaction`` (desk). "Par"/"By"/"بقلم", roles ("envoyée spéciale",
"correspondant"), places and dates are not names. Outlet names (the site's own name) and CMS
placeholders ("admin", "webmaster") are never credits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from crawler.extract._text import alnum, clean, fold

# Canonical agency name -> spellings met in bylines (compared with `alnum`, so case and
# punctuation do not matter: "A.F.P." and "afp" both match "AFP").
_AGENCY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse", "فرانس برس", "أ ف ب", "ا ف ب"),
    "APS": ("APS", "Algérie Presse Service", "Algerie Presse Service", "وكالة الأنباء الجزائرية", "واج", "وأج"),
    "MAP": ("MAP", "MAP Express", "MAP-Express", "Maghreb Arabe Presse", "وكالة المغرب العربي للأنباء", "و م ع"),
    "TAP": ("TAP", "Tunis Afrique Presse", "وكالة تونس إفريقيا للأنباء", "وات"),
    "Reuters": ("Reuters", "رويترز"),
    "AP": ("AP", "Associated Press", "The Associated Press"),  # the AP's own style: 'By X, The Associated Press'
    "CP": ("The Canadian Press", "Canadian Press"),
    "APA": ("APA", "APA News", "Agence de presse africaine"),
    "ANI": ("ANI", "Agence nigérienne d'information", "Agence Nigerienne d'Information"),
    "AMI": ("AMI", "Agence mauritanienne d'information", "الوكالة الموريتانية للأنباء"),
    "AIB": ("AIB", "Agence d'information du Burkina"),
    "AMAP": ("AMAP", "Agence malienne de presse et de publicité"),
    "APS Sénégal": ("APS Sénégal", "Agence de presse sénégalaise"),
    "ATP": ("ATP", "Agence tchadienne de presse"),
    "ANP": ("ANP", "Agence nigérienne de presse", "Agence Nigerienne de Presse"),
    "ATOP": ("ATOP", "Agence togolaise de presse"),
    "AIP": ("AIP", "Agence ivoirienne de presse"),
    "AGP": ("AGP", "Agence guinéenne de presse", "Agence guineenne de presse"),
    "LANA": ("LANA", "وكالة الأنباء الليبية"),
    "Xinhua": ("Xinhua", "شينخوا"),
    "Anadolu": ("Anadolu", "AA", "Agence Anadolu", "Anadolu Agency", "Anadolu Ajansı", "الأناضول", "وكالة الأناضول"),
    "DPA": ("DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Sputnik": ("Sputnik", "سبوتنيك"),
    "APP": ("APP",),
    # the Middle East's and Europe's wires the Maghreb and Sahel press reprints, with the Arabic acronyms its Arabic
    # pages sign with ('(واس)', '(كونا)')
    "ACP": ("ACP", "Agence congolaise de presse"),
    "MENA": ("MENA", "Middle East News Agency", "وكالة أنباء الشرق الأوسط", "أ ش أ"),
    "Petra": ("Agence jordanienne de presse", "Jordan News Agency", "وكالة الأنباء الأردنية", "بترا"),
    "SPA": ("Saudi Press Agency", "Agence de presse saoudienne", "وكالة الأنباء السعودية", "واس"),
    "QNA": ("QNA", "Qatar News Agency", "Agence de presse qatarie", "وكالة الأنباء القطرية"),
    "WAM": ("WAM", "Emirates News Agency", "وكالة أنباء الإمارات", "وام"),
    "KUNA": ("KUNA", "Kuwait News Agency", "Agence de presse koweïtienne", "وكالة الأنباء الكويتية", "كونا"),
    "SANA": ("Syrian Arab News Agency", "Agence arabe syrienne d'information", "الوكالة العربية السورية للأنباء",
             "سانا"),
    "NNA": ("NNA", "National News Agency", "Agence nationale d'information", "الوكالة الوطنية للإعلام"),
    "Belga": ("Belga", "Agence Belga"),
    "Keystone-ATS": ("Keystone-ATS", "ATS", "Agence télégraphique suisse", "SDA", "Keystone-SDA"),
}
# Spellings that are also a common word or name ('Petra', 'Sana', 'spa', the Egyptian town 'قنا'): an agency only
# where a dispatch brackets its source ('AMMAN (Petra) -', '(قنا)'), never as a byline's bare name.
_BRACKETED_AGENCY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "Petra": ("Petra",), "SPA": ("SPA",), "SANA": ("SANA",), "QNA": ("قنا",),
}
_AGENCIES: dict[str, str] = {alnum(s): name for name, spellings in _AGENCY_SPELLINGS.items() for s in spellings}
_BRACKETED_AGENCIES: dict[str, str] = {
    alnum(s): name for name, spellings in _BRACKETED_AGENCY_SPELLINGS.items() for s in spellings}
_AGENCY_WORDS = frozenset(_AGENCIES)
_GENERIC_AGENCIES = frozenset(alnum(s) for s in ("Agencies", "Agences", "Agencias", "Agenturen", "وكالات", "الوكالات"))

# The German credit word with its gendered forms ('Autorin', 'Autoren', 'Autor*innen', 'Autor/in', 'Autor:in',
# 'Autor_innen'): the star, slash, colon or gap in it is no part of a name ('Autor*innen' read 'innen' as one)
_AUTOR = r"autor(?:[*/:_]?in(?:nen)?|en)?"
_PREFIX = re.compile(
    r"^(?:(?:de|par)\s+(?:(?:notre|nos)\s+(?:envoy(?:é|e)e?s?\s+sp(?:é|e)ci(?:ale?s?|aux)|correspondante?s?|bureau)"
    r"|envoy(?:é|e)e?\s+sp(?:é|e)ciale?)"
    r"(?:\s+(?:à|a|au|en)\s+[^,:]+)?"
    r"|(?:texte\s+|(?:(?:propos|t(?:é|e)moignages?)\s+)?recueilli(?:e|s|es)?\s+|(?:entretien|interview)\s+r(?:é|e)alis(?:é|e)e?\s+"
    r"|(?:é|e)crit\s+|r(?:é|e)dig(?:é|e)e?\s+|publi(?:é|e)e?\s+|sign(?:é|e)e?\s+)?par"
    r"|(?:this\s+(?:post|article|story|piece)\s+(?:was\s+)?)?(?:posted|written|published|created|submitted|reported)\s+by"
    r"|(?:article|story)\s+by"
    # the link of an author box to the author's other pieces ('Read more about X', 'Voir tous les articles de X')
    r"|read\s+more\s+(?:about|from|by)|more\s+(?:from|by)|(?:(?:view|see)\s+)?(?:all\s+)?(?:posts|articles|stories)\s+by"
    r"|(?:voir\s+)?tous\s+les\s+articles\s+de|plus\s+d['’]articles\s+de|المزيد\s+من\s+مقالات|كل\s+مقالات"
    r"|by"
    r"|(?:eingestellt|ver(?:ö|oe)ffentlicht|erstellt|geschrieben|verfasst|gepostet|(?:eine?\s+)?(?:(?:presse)?mitteilung|(?:gast)?beitrag|artikel|kolumne|glosse|kommentar))\s+vo[nm]"
    r"|(?:une?\s+)?(?:chronique|tribune|billet|documentaire|(?:é|e)ditorial|contribution|reportage|analyse|enqu(?:ê|e)te"
    r"|synth(?:è|e)se|correspondance\s+particuli(?:è|e)re)\s+de"
    r"|(?:publicado|escrito|redactado)\s+por|(?:pubblicato|scritto)\s+da"
    r"|(?:interview|entretien|texte?|reportage|enqu(?:ê|e)te|synth(?:è|e)se|correspondance(?:\s+particuli(?:è|e)re)?"
    r"|redaktion|r(?:é|e)daction)"
    r"(?:\s*(?:&|et|und|and)\s*(?:fotos?|photos?|bilder|images?|interview|entretien))?\s*:"
    r"|auteurs?|authors?|" + _AUTOR + r"|autora|autores|vo[nm]|por|بقلم|كتب(?:ت|ه)?|إعداد|اعداد|تقرير|حاوره|حاورته|متابعة)(?!\w)\s*[:\-–]?\s*",
    re.IGNORECASE,
)
# Weekdays whole or abbreviated, by language: a word that merely opens like one is a name ('el Moussaoui',
# 'Saïdi 12.03.2025' are not 'mo…', 'sa…' days), and 'el Mardi' is a name where 'el martes' is a Spanish day
_DAYS = {
    "fr": r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim",
    "en": r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun",
    "de": r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    "es": r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo",
    "it": r"luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|sabato|domenica",
}
_DE_SHORT_DAY = r"(?:mo|di|mi|do|fr|sa|so)(?=[.,])"  # only with their dot or comma: 'Adama Do' is a name
_WEEKDAYS = "(?:" + "|".join(_DAYS.values()) + r")\b|" + _DE_SHORT_DAY
_DAY_AFTER = {"am": rf"(?:{_DAYS['de']})\b|{_DE_SHORT_DAY}", "on": rf"(?:{_DAYS['en']})\b",
              "el": rf"(?:{_DAYS['es']})\b", "il": rf"(?:{_DAYS['it']})\b"}
# ... also where the line opens with it: after a lead-in whose name the template left out ('von am 12.03.2025')
_ON_A_DAY = "|".join(rf"(?:^|\s+){word}\s+(?=\d|{days})" for word, days in _DAY_AFTER.items())
# The section or place an English byline names between the name and its date ('By X in Valve on 1 June 2019')
# ... or at the line's end, where the theme prints the post's category after its author ('by X in Growth'): only
# after a lead-in ('Iberische Weine in Berlin' alone is a shop and its town)
_IN_SECTION_AT_END = r"\s+in\s+(?=(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){0,2}\s*$)"
# An English date, month first, after the name ('by X March 9, 2015')
_MONTH_FIRST = (
    r"(?:\b|(?<=[a-zäöüßéèàç])(?-i:(?=[A-Z])))(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
)
_IN_SECTION_ON_A_DAY = rf"\s+in\s+(?=(?-i:[A-Z])[\w&.'-]*(?:\s+(?-i:[A-Z])[\w&.'-]*){{0,2}}\s+on\s+(?:\d|(?:{_DAYS['en']})\b|{_MONTH_FIRST}))"
# Where the name part of a byline ends: a date, "Publié le", a separator followed by anything.
_TAIL = re.compile(
    r"\s+[|•·⋅∙/—–-](?:\s+|$)|\s*\|\s*|\s*[•⋅∙]\s*|\bpubli(?:é|e)e?\b|\bmis\s+à\s+jour\b|\ble\s+\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\b\d{1,2}(?:er|\.)?\s+[a-zéûä]+\.?,?\s+\d{4}|\bil\s+y\s+a\b"
    r"|(?:\s|(?<=[a-zäöüßéèàç])(?-i:(?=[A-Z])))(?:quelle|source|datum|date|fotos?|photos?|bild)\s*:"
    # an author card's label after the name, its bio after that ('X Author X is …'), or the company the writer is at
    # ('X @ Sahel Info')
    r"|\s+on\s+behalf\s+of\b"  # 'X on behalf of the Release Team': X signs for the team
    # a button printed after the name ('X View Profile', 'X View In Digital Edition', 'X Suivre'): no part of it (tune
    # halves: wcxb 1 page fixed, none broken)
    r"|\s+(?-i:View|Voir|Follow|Suivre)\s+(?:profile|profil|all|tous|toutes|posts|articles|more|plus|bio|in|on|author"
    r"|l['’]auteur)\b|\s+(?-i:Follow|Suivre)\s*$"  # 'Mountain View' is a town: 'View' alone stays
    r"|(?<!\bno)\s+(?-i:Author|Auteure?|Autor(?:in)?)(?:\s|$)|\s+@\s+"  # 'No Author' is a placeholder
    r"|\s+(?:pour|for|de|from)\s+(?=(?:www\.)?[\w-]+\.[a-z]{2,6}\b)|\s(?:edited|reviewed|fact-checked|illustrated|translated)\s+by\b|\b(?:last\s+)?updated\b|\b(?:published|posted)\s+on\b|\bver(?:ö|oe)ffentlicht\b|\baktualisiert\b|\bآخر\s+تحديث|\bنشر\s+في"
    r"|" + _IN_SECTION_ON_A_DAY + r"|" + _ON_A_DAY + r"|[\s,]+(?:" + _WEEKDAYS + r")\.?,?\s+(?=\d|" + _MONTH_FIRST + ")"
    # ... or with 'on' or 'at' before it ('By X on March 9, 2015', Blogger's 'Posted by X at March 9, 2015'), or a
    # time after 'at' ('Posted by X at 10:15 AM')
    r"|(?:(?:^|\s+)(?:on|at)\s+)?" + _MONTH_FIRST + r"|\s+at\s+(?=\d{1,2}[:.]\d{2}\b)",
    re.IGNORECASE,
)
_TAIL_AFTER_LEAD_IN = re.compile(_TAIL.pattern + "|" + _IN_SECTION_AT_END, re.IGNORECASE)
# An address in a name: e-mail (its parts bounded as RFC 5321 bounds them, 64 and 255 characters: unbounded, the
# search was quadratic on a long run without spaces, 6 s for a 60,000-character author field), web, or a handle
_EMAIL = re.compile(r"[^\s@]{1,64}@[^\s@]{1,255}\.\w+|https?://\S+|www\.\S+|@\w+")
_PARENS = re.compile(r"\(([^)]*)\)|\[([^\]]*)\]")
# An interview's credit joins interviewer and guest ('X im Gespräch mit Y', 'X en conversation avec Y'): both credited.
_CONVERSATION = r"\s+(?:im\s+gespr(?:ä|ae)ch\s+mit|en\s+(?:conversation|dialogue)\s+avec|in\s+conversation\s+with)\s+"
# What joins two names: a separator or 'et'/'and' between spaces, else a word that needs spaces around it.
_JOIN_MARKS = r",|;|&|\bet\b|\band\b|\bund\b|،"
_JOIN_WORDS = r"\s+و\s+|(?-i:\s+y\s+)|" + _CONVERSATION + r"|\s+(?:avec|with|مع)\s+"
_SPLIT = re.compile(r"\s*(?:" + _JOIN_MARKS + r")\s*|" + _JOIN_WORDS, re.IGNORECASE)
# The same, kept in the split's output, with ', and' (the serial comma) as one join.
_SPLIT_KEEP = re.compile(r"(\s*(?:,\s*and\b|" + _JOIN_MARKS + r")\s*|" + _JOIN_WORDS + ")", re.IGNORECASE)
# Words of a role after a name ('Karim Benali, rédacteur en chef', 'X, Senior Staff Writer', 'X, Online-Redaktion'):
# the part that holds one is no name, and the comma-joined parts after it describe the same role.
_ROLE_WORDS = frozenset({
    "staff", "writer", "editor", "reporter", "correspondent", "columnist", "contributor", "technologist", "journalist",
    "journaliste", "journalistin", "redakteur", "redakteurin", "redaktion", "rédacteur", "rédactrice", "correspondant",
    "correspondante", "chroniqueur", "chroniqueuse", "photographe", "photographer", "producer", "analyst", "professor",
    "professeur", "directeur", "directrice", "chef", "cheffe", "editorialiste", "éditorialiste", "autor", "autorin",
    "صحفي", "صحفية", "محرر", "محررة",
    # what an op-ed's signer is, after the name ('Kader Kaboré, enseignant-chercheur', 'Amina Saïdi, juriste')
    "enseignant", "enseignante", "chercheur", "chercheuse", "universitaire", "consultant", "consultante", "juriste",
    "économiste", "analyste", "expert", "experte", "avocat", "avocate", "doctorant", "doctorante", "stagiaire",
    # a company blog's author card: the writer's post there ('Liza Burke, Marketing Director', 'X, fondatrice')
    "director", "manager", "specialist", "founder", "cofounder", "ceo", "strategist", "coordinator",
    "fondateur", "fondatrice", "responsable", "reviewer", "head",
    # a health site's writer ('X, Dietitian', 'Amina Saïdi, nutritionniste')
    "dietitian", "dietician", "nutritionist", "nutritionniste", "diététicienne", "diététicien", "nurse", "pharmacist",
    "physician", "therapist", "psychologist", "psychologue", "médecin",
})
# Degrees and credentials printed after a name ('Amina Saïdi, PhD'): no name, compared without dots, case kept.
_CREDENTIALS = frozenset({"MA", "MD", "PhD", "MBA", "RN", "MPH", "MS", "MSc", "BSc", "BA", "JD", "DDS", "LLM", "CPA",
                          "FACP", "FACS", "MSN", "PharmD", "DrPH", "EdD", "PsyD", "LCSW", "RD", "DVM", "BSN", "RDN",
                          "LD", "LDN", "CDN", "CDE", "CDCES", "CSSD", "IBCLC", "DPT"})
_AVEC = re.compile(r"^(?:avec|with|source|sources|agences?|مع|المصدر)\s*[:\-]?\s*", re.IGNORECASE)
# The article French elides before an agency's name ('l'AFP', 'avec l’APS'): no part of it.
_ELIDED_ARTICLE = re.compile(r"^l['’]\s*(?=[^\W\d_])", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:avec|with|source|sources|مع|المصدر)\s*[:\-]?\s*", re.IGNORECASE)  # not part of a name
_ROLE = re.compile(
    r"^(?:(?:notre\s+)?(?:envoy(?:é|e)e?|correspondante?|journaliste|r(?:é|e)dacteur|r(?:é|e)dactrice|chef|directeur|directrice"
    r"|stagiaire|pigiste|collaborat(?:eur|rice)|special|sp(?:é|e)ciale?|photos?|vid(?:é|e)o|infographie|à|a(?![.'’])|au|aux"
    r"|en|de|depuis|in|from|staff|editor|reporter|مراسل|مراسلة|موفد|موفدة|من)\b)",  # 'A.' is an initial: 'Par A.B.'
    re.IGNORECASE,
)
# A role printed before the name, alone or closing a compound ('FOCUS-Experte Karim Benali', 'Gastautorin Amina
# Saïdi'): not part of the name, when a name of two words or more follows.
# French and Arabic write the reporter's trade the same way, one or two of them ('la journaliste Amina Saïdi',
# 'بقلم الكاتب الصحفي كريم بن علي', 'كتب مراسلنا …'; in Arabic only with the article: 'كاتب' alone may be a first
# name); a title ('Dr', 'الدكتور') stays with the name, as the labels keep it.
_LEADING_ROLE = re.compile(
    r"^(?:(?:(?:le|la|notre)\s+)?(?:[^\W\d_]+-)*(?:experte|expertin|gastautor(?:in)?|redakteur(?:in)?|korrespondent(?:in)?"
    r"|reporter(?:in)?|kolumnist(?:in)?|journalist(?:in|e)?|moderator(?:in)?|chefredakteur(?:in)?|chroniqueu(?:r|se)"
    r"|ال(?:صحفي|صحفية|صحافي|صحافية|كاتب|كاتبة|إعلامي|إعلامية|مراسل|مراسلة)|مراسلنا|مراسلتنا)\s+)+(?=\S+\s+\S)",
    re.IGNORECASE,
)
# A role after the name: French words, or the Korean, Japanese and Chinese titles written after a reporter's name,
# with or without a space ('신현주 기자', '田中太郎記者').
_ROLE_SUFFIX = re.compile(
    r"\s+(?:(?:notre\s+)?envoy(?:é|e)e?\s+sp(?:é|e)ciale?|correspondante?|journaliste)\b.*$|\s+(?:à|au|depuis)\s+[A-Z][\w'-]+$"
    r"|(?<=[\u1100-\u11ff\uac00-\ud7af\u3040-\u30ff\u4e00-\u9fff])\s*(?:선임|객원|인턴)?(?:기자|특파원|논설위원)$"
    r"|(?<=[\u3040-\u30ff\u4e00-\u9fff])\s*(?:記者|特派員|特派员|记者|編集委員)$",
    re.IGNORECASE,
)
# Where an agency's dispatch comes from ('AFP à Alger', 'Reuters in Oran', 'وكالة الأنباء الجزائرية من الجزائر'): not
# part of the agency's name. Only after an agency: 'Iberische Weine in Berlin' is no person's name.
_AGENCY_PLACE = re.compile(r"\s+(?:à|au|depuis|(?-i:in)|من)\s+[^\W\d_][\w'-]*$", re.IGNORECASE)
# Names that stand for the newsroom, not a person: credited as a desk.
_DESKS = frozenset(alnum(s) for s in (
    "rédaction", "la rédaction", "la redaction", "redaction web", "rédaction web", "rédaction en ligne", "staff",
    "la rédaction numérique", "desk", "web desk", "newsdesk", "news desk", "redaktion", "service politique",
    "service économie", "service international", "التحرير", "هيئة التحرير", "فريق التحرير", "قسم التحرير",
    "redacción", "la redacción", "redação", "a redação", "redazione", "la redazione",
    "staff report", "staff reports",  # American papers' unsigned copy ('By Staff Reports')
))
_DESK_PREFIXES = ("la redaction", "redaction ", "redaktion ", "l'equipe", "equipe ", "service ", "desk ", "team ", "هيئة تحرير",
                  "redaccion ", "la redaccion", "redacao ", "a redacao", "redazione ", "la redazione")
# ... or whose last word says it is one ('Sahel Webteam', 'TV-Redaktion', 'Atlas Editorial', 'The Atlas editors',
# 'Sahel Info Bureau': English-language papers sign their newsroom's copy as the paper's bureau).
_DESK_SUFFIXES = frozenset({"redaktion", "webteam", "team", "editorial", "newsroom", "desk", "redaction", "editors",
                            "staff", "redaccion", "redacao", "redazione", "bureau"})
# ... or that ends on the staff who wrote it ('Staff Writer', 'Sahel Info staff reporters').
_STAFF_ENDINGS = ("staff writer", "staff writers", "staff reporter", "staff reporters")
# CMS placeholders and account names that credit nobody: dropped.
_PLACEHOLDERS = frozenset(alnum(s) for s in (
    "admin", "administrator", "administrateur", "webmaster", "editor", "editeur", "éditeur", "name", "nom",
    "contributor", "invité", "anonyme", "unknown", "inconnu", "المحرر", "الإدارة", "follow author", "no author",
    "sans auteur", "sign in", "log in", "se connecter", "connexion", "all posts", "alle beiträge", "tous les articles",
    "기자", "記者", "记者",  # 'reporter' alone, without the name it follows
    "null", "undefined", "none",  # a template's empty value printed as a word
    "bio", "biographie", "about the author", "à propos de l'auteur",  # an author box's heading ('Author Bio')
    # a section's word alone, where a CMS files the post under its rubric ('Nachrichten', 'Actualités'; tune halves:
    # fundus 1 page)
    "news", "nachrichten", "actualités", "actualité", "actu", "infos", "noticias", "notizie", "nieuws", "أخبار", "اخبار",
))
_DOMAIN = re.compile(r"\w\.(?:com|net|org|info|dz|ma|tn|sn|ml|bf|ne|mr|td|ci|fr|africa)\b", re.IGNORECASE)
_TLD_END = re.compile(r"\.[a-z]{2,6}$")  # 'site.at': a domain, not a name
_WEB_ADDRESS = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)  # 'Lefaso.net', 'www.x.ml'
_WITH = re.compile(r"^(?:avec|with|mit|مع)\s+", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)", re.IGNORECASE)
# A company's legal form closes its name ('Sahel Médias SA', 'Karawane AG'); inside a name 'Ag' is the Tuareg
# 'son of' ('Ahmed Ag Mohamed')
_LEGAL_FORMS = frozenset({"gmbh", "ag", "kg", "co", "sa", "sarl", "sas", "spa", "ltd", "inc", "llc", "plc"})
_ORG_WORDS = frozenset({"media", "médias", "group", "groupe", "presse", "press", "news", "journal", "magazine", "editions", "éditions", "média",
                        "productions", "agency", "agence", "tv", "radio",
                        # a photo agency ('Getty Images', 'Sahel Pictures'), credited after a photographer's name
                        "images", "pictures", "photos", "photography"})
_PARTICLES = frozenset({"de", "du", "des", "la", "le", "d", "ben", "bent", "ould", "ait", "aït", "el", "al", "ibn",
                        "van", "von", "da", "dos", "di", "y", "bin", "abou", "abu", "der", "den", "ter"})
# Words of Arabic names that begin with و and are not "and …" (ولد: "son of", in Mauritanian names).
_WAW_WORDS = frozenset({"ولد", "وليد", "وفاء", "وهيبة", "وداد", "وسيلة", "وئام", "وهيب", "وجدي", "وحيد", "وردة", "وديع",
                        "وصال", "وسام", "وائل", "وجيه", "ولاء", "وهاب", "والي", "ورقلة", "وهران", "وزاني"})
# A user name an author field gives alone ('zahra_b', 'mady'): a credit there, never in running text.
_HANDLE = re.compile(r"^[^\W\d_][^\W_]*(?:[._][^\W_]+)*$")
_MAX_NAME_WORDS = 5
_MAX_NAME_WORDS_WITH_PARTICLES = 8  # 'Mohamed Lamine Ould Mohamed El Moctar': Mauritanian names run long
_MAX_NAME_CHARS = 60


Kind = Literal["person", "desk", "agency"]  # the record's AuthorKind (crawler.records.schema)
PERSON: Kind = "person"
DESK: Kind = "desk"
AGENCY: Kind = "agency"


@dataclass
class Credits:
    """What a byline credits: ``credited`` holds ``(name as printed, kind)`` in byline order; ``agencies``
    the canonical names of the agencies met (in the byline, or in a dateline or source line, which credit
    an agency without being a byline)."""

    credited: list[tuple[str, Kind]] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    line: str = ""  # the text paragraph read as a byline (`looks_like_byline`), to find where the page prints it

    @property
    def authors(self) -> list[str]:
        """The persons credited."""
        return [name for name, kind in self.credited if kind == PERSON]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.credited]

    @property
    def kinds(self) -> list[Kind]:
        return [kind for _, kind in self.credited]

    def add(self, other: Credits) -> None:
        keys = {_key(name, kind) for name, kind in self.credited}
        for name, kind in other.credited:
            if _key(name, kind) not in keys:
                keys.add(_key(name, kind))
                self.credited.append((name, kind))
        self.agencies.extend(a for a in other.agencies if a not in self.agencies)

    def credit(self, name: str, kind: Kind) -> None:
        self.add(Credits(credited=[(name, kind)], agencies=[a for a in [_canonical(name)] if a and kind == AGENCY]))


def _key(name: str, kind: str) -> str:
    """Two spellings of one credit ('AFP', 'Agence France-Presse') are one entry."""
    return (_canonical(name) or alnum(name)) if kind == AGENCY else alnum(name)


def _canonical(name: str) -> str | None:
    """The canonical agency name of a credit as printed ('Agence APS' -> 'APS'), else None."""
    return agency_name(name) or agency_name(_ELIDED_ARTICLE.sub("", _AVEC.sub("", name)))


def agency_name(value: str) -> str | None:
    """The canonical agency name when `value` names one ('A.F.P.' -> 'AFP'), else None."""
    return _AGENCIES.get(alnum(value))


_SITE_NAME_PARTS = re.compile(r"\s+[-|–—:·•]\s+")


# The edition a site's name ends on ('Sahel Info UK', 'Sahel Info Maroc'): the brand without it is the site too, as the
# bylines print it ('X, Reporter, Sahel Info').
_EDITION = re.compile(r"\s+(?:uk|us|usa|india|canada|australia|deutschland|france|españa|espana|italia|maroc|algérie"
                      r"|algerie|tunisie|afrique|arabic|international|edition|عربي)$", re.IGNORECASE)


def _outlet_keys(outlets: Iterable[str]) -> set[str]:
    """The site's names, and the parts of a name that joins two ('LN - Lübecker Nachrichten': 'LN' too), and the
    brand a name's edition follows ('Sahel Info Maroc': 'Sahel Info' too)."""
    keys: set[str] = set()
    for outlet in outlets:
        parts = [outlet, *_SITE_NAME_PARTS.split(outlet)]
        keys.update(alnum(part) for part in [*parts, *(_EDITION.sub("", part.strip()) for part in parts)])
    keys.discard("")
    return keys


def parse_names(values: Iterable[str], outlets: Iterable[str] = (), persons: Iterable[str] = (),
                organizations: Iterable[str] = (), newsrooms: Iterable[str] = ()) -> Credits:
    """Names from structured fields (JSON-LD, meta): each value may still hold 'A et B'.

    `persons` are values the page types as a person (JSON-LD ``Person``): kept even when a site carries
    the same name (a personal site named after its author, a ``Person`` that is also the publisher).
    `organizations` are values it types as an organisation: the author is then a body credited as a desk,
    whole and as printed ('Contributors to the Project'), unless it is the site itself. `newsrooms` are the
    organisations that give the newsroom's address (an email): the desk that signs, even under the site's name.
    """
    credits = Credits()
    skip = _outlet_keys(outlets)
    typed = {alnum(p) for p in persons}
    bodies = {alnum(o) for o in organizations} - typed
    signing = {alnum(n) for n in newsrooms} & bodies
    for value in values:
        if alnum(value) in signing:
            _take_newsroom(value, credits)
            continue
        if alnum(value) in bodies:
            _take_body(value, credits, skip)
            continue
        if _names_a_body(value):
            _take_body(value, credits, skip)  # 'British Heart Foundation' typed a person: a body, credited as a desk
            continue
        if _site_under_a_heading(value, skip):
            continue  # 'Noticias Sahel Info': the site's name, no byline
        inverted = _inverted(value)
        if inverted:
            if alnum(inverted) not in skip:
                credits.credit(inverted, PERSON)
            continue
        # a person named like the site is kept, but not the site a value names beside its persons ('Karim Benali
        # and Amina Saïdi, Sahel Info') or after a lead-in ('Von Sahel Info')
        own = skip - {alnum(value)} if alnum(value) in typed else skip
        parsed = _parse(value, own, strict=False) or Credits()
        if (not parsed.credited and alnum(value) in typed and _typed_name(value)
                and alnum(_PREFIX.sub("", clean(value), count=1)) not in own):
            parsed.credit(clean(value), PERSON)  # typed a person: 'Karim benali', as the account spells it
        credits.add(parsed)
    return credits


# Words that name a body, not a person ('Sahel Heart Foundation', 'Institut Pasteur', 'جمعية الصحفيين'): an author field
# that holds one credits an organisation, whatever type the page gives it.
_BODY_WORDS = frozenset({
    "foundation", "institute", "association", "society", "university", "council", "ministry", "department",
    "fondation", "institut", "université", "universite", "ministère", "ministere", "stiftung", "verband", "verein",
    "universität", "universitat", "fundación", "fundacion", "مؤسسة", "جمعية", "جامعة", "وزارة",
})


# Generic words a site's name is filed under in an author field ('Noticias Sahel Info', 'News Sahel Info'): the site
# itself, not a person. A closed list, not any leading word: 'Karim Benali' on benali.info is the site's owner.
_SITE_HEADINGS = frozenset({"noticias", "noticia", "news", "actualites", "actualite", "actu", "nachrichten",
                            "diario", "notizie", "nieuws", "info", "infos", "journal", "اخبار"})


def _site_under_a_heading(value: str, skip: set[str]) -> bool:
    """True when `value` is the site's name after one generic word ('NOTICIAS SAHEL INFO' on 'Sahel Info')."""
    heading, _, rest = clean(value).partition(" ")
    return bool(rest) and fold(heading) in _SITE_HEADINGS and alnum(rest) in skip


def _names_a_body(value: str) -> bool:
    return any(word in _BODY_WORDS for word in clean(value).lower().split())


def _typed_name(value: str) -> bool:
    """A value typed as a person reads as a name even with a lower-case word: a few words of letters."""
    words = clean(value).split()
    return (0 < len(words) <= _MAX_NAME_WORDS and len(value) <= _MAX_NAME_CHARS and _name_word(words[0])
            and all(w.replace("-", "").replace("'", "").replace(".", "").isalpha() for w in words)
            and alnum(value) not in _PLACEHOLDERS and not _is_desk(value) and "." not in value.rstrip("."))


def _inverted(value: str) -> str | None:
    """A name a catalogue writes surname first ('Benali, K.', 'Berg, Jan van'): the value as printed when the
    part after its only comma cannot stand alone as a name (initials only, or given names and a trailing
    particle), else None."""
    surname, comma, given = clean(value).strip(" ;").partition(",")
    words, given_words = surname.split(), given.split()
    if not comma or "," in given or not words or not given_words or len(words) > 3 or len(given_words) > 4:
        return None
    if not all(_name_word(w) and not w.islower() for w in words) or not all(_name_word(w) for w in given_words):
        return None
    initials = all(_INITIAL.match(w) for w in given_words)
    particle_last = given_words[-1].lower() in _PARTICLES and not given_words[0].islower()
    return f"{surname.strip()}, {' '.join(given_words)}" if initials or particle_last else None


_INITIAL = re.compile(r"^(?:[^\W\d_]\.-?)+$")


def _take_body(value: str, credits: Credits, skip: set[str]) -> None:
    """An organisation an author field names: an agency when it is one, else a desk, never the site itself. A body
    joined to an agency ('Sahel Info avec AFP', 'Sahel Info with AFP and Reuters') is the site or its desk and the wire:
    each credited apart, the site not at all."""
    name = clean(value).strip(" .,:;-–—*")
    parts = [part.strip() for part in _SPLIT.split(name) if part and part.strip()]
    if len(parts) > 1 and not _canonical(name) and any(_canonical(p) or alnum(p) in _GENERIC_AGENCIES for p in parts[1:]):
        for part in parts:
            if alnum(part) in _GENERIC_AGENCIES:
                credits.credit(part, AGENCY)
            else:
                _take_body(part, credits, skip)
        return
    if _canonical(name):
        credits.credit(name, AGENCY)
    elif _site_with_a_prefix(name, skip):
        return  # 'NÖ Sahelinfo' on sahelinfo.ml: the site's name, a region or a form before it
    elif (name and alnum(name) not in skip and alnum(name) not in _PLACEHOLDERS and len(name) <= _MAX_NAME_CHARS
          and not _EMAIL.search(name) and (_is_desk(name) or not (_DOMAIN.search(name) or _TLD_END.search(name)))):
        credits.credit(name, DESK)  # 'Rédaction elwatan.dz' is the site's newsroom; 'elwatan.dz' alone is the site


MIN_SITE_KEY = 6  # a shorter site name ('LN', 'mdr') ends many other bodies' names


def _site_with_a_prefix(name: str, skip: set[str]) -> bool:
    """True when an organisation's name ends on the site's own name after a word or two ('NÖ Sahelinfo' on
    'sahelinfo.ml'), and is no desk ('Redaktion Sahelinfo' signs as the newsroom)."""
    key = alnum(name)
    return (not _is_desk(name) and len(name.split()) <= 3
            and any(len(site) >= MIN_SITE_KEY and key != site and key.endswith(site) for site in skip))


def _take_newsroom(value: str, credits: Credits) -> None:
    """An organisation author that gives its address: the newsroom, a desk as it names itself ('Sahel Info',
    'sahel-info.ml'), unless an agency."""
    name = clean(value).strip(" .,:;-–—*")
    if name and len(name) <= _MAX_NAME_CHARS and alnum(name) not in _PLACEHOLDERS:
        credits.credit(name, AGENCY if _canonical(name) else DESK)


def parse_byline(text: str, outlets: Iterable[str] = (), handles: bool = False) -> Credits:
    """Names and agencies in a free-text byline, or nothing when it does not read as one. `handles`: the text is
    an element the markup marks as a byline, where an account name after a lead-in ('by kbenali78') is a credit."""
    skip = _outlet_keys(outlets)
    return _parse(text, skip, strict=True, handles=handles) or Credits()


# Where a byline may begin inside a date line ('12/03/2025 | By Karim Benali', 'Datum: 12.03.2025 Autor: Omar
# Lahlou'): one of the lead-ins that open a byline, as a word.
_LEAD_IN_WITHIN = re.compile(r"(?<!\w)(?:(?:by|von|vom|par|" + _AUTOR + r"|authors?|auteurs?|بقلم|(?:redaktion|r(?:é|e)daction)(?=\s*:))(?!\w)"
                             r"|(?-i:(?:By|Par|Von)(?=[A-Z][^\W\d_A-Z])))",  # glued to the name: 'ByKarim Benali'
                             re.IGNORECASE)


# A date or a time in a line ('2025', '12/19', '10:15'): the line is a post's date line.
_DATED = re.compile(r"\d{4}|\d{1,2}[/.:]\d{2}")


def byline_within(line: str, outlets: Iterable[str] = ()) -> Credits:
    """The credits of a byline printed inside a date or meta line, from its lead-in on; nothing when no part
    after a lead-in reads as a byline. In a line that prints a date, the lead-in's name may be the account that
    posted ('12/19/2025 by karim_b', 'Posted by zahra on March 9, 2015'), as a marked byline's may."""
    handles = _DATED.search(line) is not None
    for match in _LEAD_IN_WITHIN.finditer(line):
        credits = parse_byline(line[match.start():], outlets, handles=handles)
        if credits.credited:
            return credits
    return Credits()


def site_credited(line: str, outlets: Iterable[str], marked_name: bool = False) -> Credits:
    """What a byline element credits when it names the site itself: 'Par Sahel Info' (a lead-in, then the
    site's name), a byline element whose name part is the site's name ('Sahel Info', 'Sahel Info | 12 mars 2025';
    tune halves: wcxb 4 pages fixed, trafilatura 1 broken, whose label credits no desk) or an element marked as
    the author's name that holds it. The site is then the desk that signs; read only when nothing else credits
    anyone (the site's name in an author field is no credit)."""
    skip = _outlet_keys(outlets)
    printed = _site_as_printed(line, skip)
    if not marked_name and not _PREFIX.match(clean(line)) and not printed:
        return Credits()
    if printed:  # 'Von Presse Augsburg', 'Par Oran Presse': the site's name, though it reads as a company's
        return Credits(credited=[(printed, DESK)])
    found = parse_names([line]) if marked_name else parse_byline(line)
    if not any(alnum(name) in skip for name in found.names):
        return Credits()
    return Credits(credited=[(name, DESK if alnum(name) in skip else kind) for name, kind in found.credited],
                   agencies=found.agencies)


def _site_as_printed(line: str, skip: set[str]) -> str | None:
    """The name part of a byline ('Von Presse Augsburg - 6. November 2023' -> 'Presse Augsburg') when it is the
    site's name, else None."""
    text = _PREFIX.sub("", clean(_PARENS.sub(" ", line)).lstrip(",;:.|·•-–— "), count=1)
    name = _TAIL.split(text, maxsplit=1)[0].strip(" .,:;-–—*")
    return name if name and alnum(name) in skip else None


# A credit label with its colon, as a word ('Autorin: X', 'Auteur : X', 'Rédaction : X'): in a line the markup does not
# mark as a byline, only a label this explicit opens one.
_LABEL = re.compile(r"(?<!\w)(?:" + _AUTOR + r"|auteurs?|authors?|redaktion|r(?:é|e)daction|(?-i:Von|Par|By))\s*:",
                    re.IGNORECASE)


def labelled_byline(lines: Iterable[str], outlets: Iterable[str] = ()) -> Credits:
    """The credits of the first printed line that opens a byline with a credit label ('Autorin: Amina Saïdi,
    Projektleiterin', 'Datum: 12.03.2025 Autor: Karim Benali'), from the label on; nothing when none does."""
    for line in lines:
        for match in _LABEL.finditer(line):
            credits = parse_byline(line[match.start():], outlets)
            if credits.authors:
                return credits
    return Credits()


# The place a dateline opens with ('Frankfurt, 16. Dezember 2024', 'ORAN, 12 mars (APS) -'): a word, a comma, then
# a date's digits.
_DATELINE_PLACE = re.compile(r"^\s*([^\W\d_][\w'-]*)\s*[,،](?=.*\d)")


def without_dateline_places(credits: Credits, datelines: Callable[[], Iterable[str]]) -> Credits:
    """The credits without a one-word person that is the place the page's dateline opens with ('Von Karim Benali,
    Oran' above 'Oran, 12 mars 2025'): a byline may end on the reporter's place, and no name is one. `datelines`
    is called only when a one-word person is credited (the page's date lines cost a second pass over its marked
    elements, which most pages need for nothing else)."""
    if not any(kind == PERSON and " " not in name for name, kind in credits.credited):
        return credits
    places = {alnum(m.group(1)) for m in map(_DATELINE_PLACE.match, datelines()) if m}
    kept = [(name, kind) for name, kind in credits.credited if not (kind == PERSON and " " not in name and alnum(name) in places)]
    return credits if len(kept) == len(credits.credited) else Credits(credited=kept, agencies=credits.agencies, line=credits.line)


def full_name_byline(lines: Iterable[str], outlets: Iterable[str] = ()) -> Credits:
    """The credits of the first line read as a byline ('By Karim Benali' whose lead-in stands alone in its element,
    'Karim Benali' after a date) that credits persons by full names (a lone word after 'von' may be an account or
    a place), or a desk ('By Sahel Economy Team'; tune halves: wcxb and postlight 1 page fixed each, none broken);
    nothing otherwise."""
    for line in lines:
        credits = parse_byline(line, outlets)
        if (credits.authors or DESK in credits.kinds) and all(" " in name for name in credits.authors):
            return credits
    return Credits()


# The lead-ins that say the name after them wrote the piece ('Written by', 'Écrit par', 'Geschrieben von'): no place,
# no account, no site can follow them, as one may follow a bare 'By' or 'Von'.
_WRITTEN_BY = re.compile(r"^(?:(?:written|posted)\s+by|(?:é|e)crit\s+par|(?:geschrieben|verfasst)\s+von|escrito\s+por"
                         r"|scritto\s+da|كتب(?:ه|ها)?\s+)\s*\S", re.IGNORECASE)


def written_by_byline(lines: Iterable[str], outlets: Iterable[str] = ()) -> Credits:
    """The credits of the first line that opens with a lead-in of _WRITTEN_BY and credits one person, by a first name
    alone too ('Written by Eliane', where `full_name_byline` wants full names); nothing otherwise."""
    for line in lines:
        if _WRITTEN_BY.match(line):
            credits = parse_byline(line, outlets)
            if len(credits.credited) == 1 and credits.authors:
                return credits
    return Credits()


def guest_byline(lines: Iterable[str], outlets: Iterable[str] = ()) -> Credits:
    """The persons the page's guest credit lines name ('By Karim Benali, a travel writer.' read from 'This is a
    guest post by …', see `guest_lines`), by a first name alone too, when all those lines name the same ones;
    nothing otherwise (two guests: a list of guest posts)."""
    found = [credits for credits in (parse_byline(line, outlets) for line in lines) if credits.authors]
    if not found or len({tuple(alnum(name) for name in credits.authors) for credits in found}) != 1:
        return Credits()
    return Credits(credited=[(name, PERSON) for name in found[0].authors])


def side_column_byline(lines: Iterable[str], outlets: Iterable[str] = ()) -> Credits:
    """The person the bylines of the article's side column credit ('Author', 'Maryna Benali' in an <aside> beside
    the text), when they all name the same one by a full name; nothing otherwise (two names there: a box of
    other pieces' authors)."""
    found = [credits for credits in (parse_byline(line, outlets) for line in lines) if credits.authors]
    names = {alnum(name) for credits in found for name in credits.authors}
    if len(names) == 1 and all(" " in name for name in found[0].authors):
        return found[0]
    return Credits()


CLOSING_BYLINE_LINES = 2  # the byline under the text, maybe above a closing source or copyright line
_ENDS_ON_INITIAL = re.compile(r"(?<![^\W\d_])[^\W\d_]\.$")  # 'Par A.B.': the last dot is the initial's, no full stop


def closing_byline(text: str, outlets: Iterable[str] = ()) -> Credits:
    """The credits of a byline printed under the text ('Von Karim Benali', 'Autorin: Amina Saïdi, Projektleiterin'),
    opened by a lead-in: the page's only byline when nothing else credits anyone. The line stays in the text."""
    for line in text.rsplit("\n", CLOSING_BYLINE_LINES)[-CLOSING_BYLINE_LINES:][::-1]:
        line = line.strip()
        if line and len(line) <= 160 and _PREFIX.match(line):
            credits = parse_byline(line if _ENDS_ON_INITIAL.search(line) else line.rstrip("."), outlets)
            if credits.authors:
                return credits
    return Credits()


# A sentence of the text that says who wrote it ('This post was written by X, a dietitian.', 'Dieser Beitrag wurde
# von X verfasst.', 'Cet article a été rédigé par X.', 'Este artículo fue escrito por X.'), or a credit label without
# its colon that only names follow ('Autoren X und Y'): the text's own credit line, on no marked element.
_PIECE = (r"(?:(?:this|the)\s+(?:blog\s+|guest\s+)?(?:post|article|piece|story|column)\s+(?:was|is|has\s+been)"
          r"|(?:dieser|der)\s+(?:gast)?(?:beitrag|artikel|text)\s+(?:wurde|ist)"
          r"|(?:cet|l['’])\s*article\s+a\s+(?:é|e)t(?:é|e)|(?:este|el)\s+art[íi]culo\s+(?:fue|ha\s+sido)"
          r"|(?:este|o)\s+artigo\s+foi)")
_CREDIT_SENTENCE = re.compile(
    rf"^{_PIECE}\s+(?:(?:written|authored|penned)\s+by|(?:(?:é|e)crit|r(?:é|e)dig(?:é|e))\s+par"
    r"|(?:escrito|redactado)\s+por|von)\s+(?P<name>[^,;:()]+)(?:[,;(]|$)", re.IGNORECASE)
_LABEL_ALONE = re.compile(r"^(?-i:Autor(?:in|en|innen)?|Authors?|Auteurs?|Auteures?)\s+(?P<name>[^:;()]+)$")
_PARTICIPLE = re.compile(r"\s+(?:verfasst|geschrieben)(?:\s+worden)?\W*$", re.IGNORECASE)  # 'von X verfasst.'
MAX_CREDIT_SENTENCE_CHARS = 200
MAX_CREDIT_NAMES_CHARS = 80  # the names a credit line gives, all of them ('Autoren X, Y und Z')
MAX_CREDIT_SENTENCE_LOOKUPS = 5  # credit lines read at most: a text that prints more is a list of pieces
_JOINERS = re.compile(r"\s*(?:,|&|\bund\b|\band\b|\bet\b)\s*", re.IGNORECASE)


def credit_sentence_byline(text: str, outlets: Iterable[str] = ()) -> Credits:
    """The persons a line of the text names as its writers by full names: a sentence that says who wrote the piece
    (the name up to its first comma: a role or an employer follows it), or a credit label without its colon followed
    by names alone ('Autoren Karim Benali und Amina Saïdi'); nothing when another word is left (a sentence about
    'Autoren wie X'). The line stays in the text."""
    lookups = 0
    for line in text.split("\n"):
        line = line.strip()
        if not line or len(line) > MAX_CREDIT_SENTENCE_CHARS or line[0] not in "TtDdCcEeOoLlAa":
            continue
        match = _CREDIT_SENTENCE.match(line) or _LABEL_ALONE.match(line)
        if match is None or len(match.group("name")) > MAX_CREDIT_NAMES_CHARS:
            continue
        lookups += 1
        if lookups > MAX_CREDIT_SENTENCE_LOOKUPS:
            break
        printed = _PARTICIPLE.sub("", match.group("name")).strip(" .")
        credits = parse_byline(printed, outlets)
        words = "".join(alnum(word) for word in _JOINERS.split(printed))
        if credits.authors and len(credits.credited) == len(credits.authors) and all(
                " " in name and name[0].isupper() for name in credits.authors) and "".join(
                map(alnum, credits.authors)) == words:  # 'escrito por la Redacción': the desk, no person
            return credits
    return Credits()


MAX_SIGNER_NAME_CHARS = 60
MAX_SIGNER_ROLE_CHARS = 80
_SIGNER_LINE_ENDS = (".", "!", "?", ":", ";", "»", '"', "…", "،")


def closing_signer(text: str, outlets: Iterable[str] = ()) -> Credits:
    """The signer of a statement or a letter that closes on a full name, then the signer's role on the last line
    ('Karim Benali' / 'Directeur général', 'Amina Saïdi' / 'Bundesvorsitzende'): that one person, read with the
    role as a byline reads them, when the role line holds a role's word; nothing otherwise. The lines stay in the
    text."""
    lines = text.rsplit("\n", 2)
    if len(lines) < 3:
        return Credits()
    name, role = lines[1].strip(), lines[2].strip()
    if (not name or len(name) > MAX_SIGNER_NAME_CHARS or not role or len(role) > MAX_SIGNER_ROLE_CHARS
            or name.endswith(_SIGNER_LINE_ENDS) or role.endswith(_SIGNER_LINE_ENDS) or any(c.isdigit() for c in name)
            or not _has_role_word(role)):
        return Credits()
    alone = parse_byline(name, outlets)
    if len(alone.credited) != 1 or len(alone.authors) != 1 or " " not in alone.authors[0]:
        return Credits()
    return alone if parse_byline(f"{name}, {role}", outlets).credited == alone.credited else Credits()


def looks_like_byline(paragraph: str) -> Credits | None:
    """The credits of a text paragraph that is only a byline ('Par X', 'بقلم X', '(AFP)'), else None.

    'Par la rédaction' is a byline that credits nobody: empty credits, not None.
    """
    if len(paragraph) > 160:
        return None
    stripped = paragraph.strip(" ()[]-–—*")
    printed = _LEAD_IN.sub("", stripped).strip(" .:")
    if _canonical(printed):
        credits = Credits()
        credits.credit(printed, AGENCY)
        return credits
    if not _PREFIX.match(paragraph.strip()) and not _AVEC.match(stripped):
        return None
    parsed = _parse(paragraph, set(), strict=True)
    if parsed is not None:
        parsed.line = paragraph
    return parsed


# A lead-in glued to the name, where '<span>By</span><a>Karim Benali</a>' prints with nothing between them
# ('ByKarim Benali', 'ParKarim Benali'), or an author box's label so printed ('Written byKarim Benali',
# 'AuthorKarim Benali', 'AuteurKarim Benali'); its capital then the name's: 'Byron', 'Parker', 'Vonnegut',
# 'Authorsen' stay names
_GLUED_LEAD_IN = re.compile(r"^(?:(?:Written|Posted|Published|Écrit|Ecrit|Rédigé|Redige)\s+(?:[Bb]y|[Pp]ar)|By|Par|Von"
                            r"|Authors?|Auteurs?|Autor(?:in)?)(?=[A-Z][^\W\d_A-Z])")


def _parse(text: str, skip: set[str], strict: bool, handles: bool = False) -> Credits | None:
    """The credits in `text`; None in strict mode when a part is neither a name, a role nor an agency.

    In strict mode a byline without 'Par'/'By'/'بقلم' needs full names: a lone word in an
    author box ('Name', a nickname) is not trusted.
    """
    credits = Credits()
    text = _EMAIL.sub(" ", clean(text))
    if _COPYRIGHT.match(text):
        return None if strict else credits
    inside = [inner[0] or inner[1] for inner in _PARENS.findall(text)]
    # ', par X' after a date the markup left out; '& X' after a co-author's slot the template left empty
    text = clean(_PARENS.sub(" ", text)).lstrip(",;:.|·•-–—& ")
    lead = _PREFIX.match(text) or _GLUED_LEAD_IN.match(text)
    text, prefixed = (text[lead.end():], 1) if lead else (text, 0)
    segments = (_TAIL_AFTER_LEAD_IN if lead else _TAIL).split(text, maxsplit=4)
    at = _name_segment(segments, skip)
    if not lead and _placed_before(segments, at):
        at += 1  # 'الرباط - يوسف الإدريسي': the town the piece was written in, then its author
    text, after = segments[at], segments[at + 1:at + 2]
    # an agency after the name's dash or slash ('Moussa Traoré – AMAP', 'Karim Benali / APS') is credited with it
    inside.extend(part for part in after if part and _canonical(part.strip()))
    glued = _glued_source(text)
    if glued:  # 'Karim Benali/AFP': the source glued to the name is credited only when it is an agency
        text, inside = text[:glued.start()], [*inside, glued.group(1)]
    pieces = _slash_pairs_split(_SPLIT_KEEP.split(_without_glued_title(text)))
    parts: list[str] = []
    after_comma: list[bool] = []
    in_role = role_goes_on = False
    for index in range(0, len(pieces), 2):
        part = pieces[index].strip() if pieces[index] else ""
        joined_by_comma = index > 0 and pieces[index - 1].strip()[:1] in (",", ";", "،")  # ', and': English lists
        if not part:
            continue  # between ', ' and 'et ' ('X, correspondant, et Y'): the next part is joined by the word
        # ', and' right after a one-part role: a second author ('X, Staff Writer, and Y'); after a role that went on
        # ('X, Senior Technologist, Speech, Privacy, and Technology Project') the list is the role's
        second = in_role and joined_by_comma and not role_goes_on and _second_author(pieces[index - 1], part)
        if in_role and joined_by_comma and not second:
            role_goes_on = True
            continue  # 'X, Senior Staff Technologist, Speech, Privacy and Technology Project': the role goes on
        if in_role and not second and (role_goes_on or _OF_ROLE.search(pieces[index - 2] or "")):
            continue  # 'X, Head of Marketing and Community Development', 'X, Director, Content & Marketing': what
            # the role is of goes on after 'and' or '&'
        if parts and _WEB_ADDRESS.match(part):
            continue  # 'Ismaël Sawadogo, Lefaso.net': the publication after the name (its site signs no article)
        part = _WITH.sub("", part) if parts else part  # 'Sarah Benali, avec agences'
        in_role = bool(parts) and (_has_role_word(part) or (joined_by_comma and _role_later_in_clause(pieces, index)))
        role_goes_on = False
        if not in_role:
            split = _split_waw(part)
            parts.extend(split)
            after_comma.extend([joined_by_comma] + [False] * (len(split) - 1))
            in_role = _without_title(part) != part  # 'X Staff Writer, Hardware': the title's clause goes on
    parts = _without_places(parts, after_comma, skip, placed=bool(lead and _PLACED_LEAD.match(lead.group())))
    parts = _without_unlisted_credentials(parts)
    min_words = 2 if strict and not prefixed else 1
    rejected = False
    for part in parts:
        lone_account = handles and prefixed == 1 and len(parts) == 1  # 'by kbenali78' in a marked byline
        if not _take_part(part, credits, skip, min_words, handles=not strict or lone_account):
            if strict:
                return None
            rejected = True
    if rejected:  # 'Center for Drug Evaluation and Research': no list of names, a capitalised word of it no person
        credits.credited = [(name, kind) for name, kind in credits.credited
                            if kind != PERSON or " " in name.strip() or not name[:1].isupper()]  # 'kesm': an account
    for inner in inside:  # after the names: credits keep the byline's order
        _take_parenthesis(inner, credits, skip)
    if strict and not parts and not credits.credited:
        return None
    return credits


def _without_places(parts: list[str], after_comma: list[bool], skip: set[str], placed: bool = False) -> list[str]:
    """The parts without the place a byline or an author field ends on: single words after a comma that follow a
    full name or the site's name ('Von Karim Benali, Oran', 'Sahel Info, Bamako, Mali'). After a French or Arabic
    lead-in (`placed`: 'Par Adama Diarra, Sikasso', 'بقلم سيدي ولد باه، نواكشوط') a full name is enough: that
    press signs with the town the piece was written in, never with a second author's first name alone. After an
    agency the lone word is the wire's dateline town ('AFP, MANILA')."""
    end = len(parts)
    while end > 1 and after_comma[end - 1] and _lone_word(parts[end - 1]):
        end -= 1
    if end == len(parts):
        return parts
    if any(alnum(p) in skip for p in parts[:end]) or (placed and len(parts[end - 1].split()) > 1):
        return parts[:end]
    if _canonical(parts[end - 1].strip()):  # 'AFP, MANILA': the wire's dateline, the agency then its place
        return parts[:end]
    return parts


# The lead-ins of the French and Arabic press ('Par', 'Propos recueillis par', 'De notre correspondant', 'بقلم',
# 'كتب'), after which a lone word following the name is a place. Labels of the English and German pages of the
# bench keep such words ('By X, Nairobi'), so those lead-ins are left as they are.
_PLACED_LEAD = re.compile(r"^(?:\S+\s+)*?(?:par|de\s+notre)\b|^(?:بقلم|كتب)", re.IGNORECASE)


def _lone_word(part: str) -> bool:
    """One word that is neither an agency ('AFP') nor a desk ('Redaktion'): a first name or a place."""
    word = part.strip(" .:-–—*")
    return " " not in word and not _canonical(word) and not _is_desk(word) and alnum(word) not in _GENERIC_AGENCIES


# A source glued to the name's end by a slash ('Karim Benali/AFP', 'Amina Saïdi/SP-X'), or a source of a few words
# ('Karim Benali/Getty Images', 'Amina Saïdi/Agence France-Presse'; no tune page prints one in an author field).
_GLUED_SOURCE = re.compile(r"(?<=[^\W\d_])/([A-Z][\w-]*(?:\s+[\w-]+){0,3})\.?$")


def _glued_source(text: str) -> re.Match[str] | None:
    """The source a slash glues to the name's end: one capitalised word, or a few words that name an agency or a
    body ('Getty Images', 'Sahel Photo Agency': a photo credit's agency, not a second person); two full names joined
    by a slash are left to `_slash_pairs_split`."""
    found = _GLUED_SOURCE.search(text)
    if found and (len(found.group(1).split()) == 1 or _canonical(found.group(1))
                  or _names_an_organisation(found.group(1))):
        return found
    return None


def _names_an_organisation(value: str) -> bool:
    words = [word.strip(".,").lower() for word in value.split()]
    return words[-1] in _LEGAL_FORMS or any(word in _ORG_WORDS for word in words)


# German compounds that end in a role ('Projektleiterin', 'Pressesprecher', 'Fachredakteur').
_ROLE_ENDINGS = ("leiter", "leiterin", "sprecher", "sprecherin", "referent", "referentin", "redakteur", "redakteurin",
                 "korrespondent", "korrespondentin", "direktor", "direktorin", "vorsitzender", "vorsitzende")


# Where words break: spaces, hyphens, and a capital glued to a lower-case letter ('EditorFollow', two elements printed
# with nothing between them).
_WORD_BREAK = re.compile(r"[\s-]+|(?<=[^\W\d_A-Z])(?=[A-Z])")


# A role that says what it is the head of ('Head of Marketing', 'Director of Sales'): an 'and' after it joins two things
# the role is of, not two names.
_OF_ROLE = re.compile(r"\s(?:of|for)\s", re.IGNORECASE)


_COMMA_AND = re.compile(r",\s*and", re.IGNORECASE)


def _second_author(joiner: str, part: str) -> bool:
    """True when ', and' joins a full name or an agency to the role before it: 'By X, Staff Writer, and Y' credits Y
    too (as 'Par X, correspondant, et Y' does), where 'X, Senior Writer, and Economy Desk' goes on with the role."""
    if not _COMMA_AND.fullmatch(joiner.strip()) or _has_role_word(part):
        return False
    if _canonical(part):
        return True  # 'By X, Staff Writer, and Associated Press': the wire the byline credits too
    if _is_desk(part):
        return False
    name = _person(part)
    return name is not None and len([w for w in name.split() if w.lower() not in _PARTICLES]) >= 2


def _role_later_in_clause(pieces: list[str], index: int) -> bool:
    """True when a part joined to `pieces[index]` by 'and'/'&' before the next comma holds a role word: the
    comma-joined clause is one role ('Paul Frew, Home and Digital Security Expert'), its first words no name."""
    for at in range(index + 2, len(pieces), 2):
        if pieces[at - 1].strip()[:1] in (",", ";", "،"):
            return False
        if _has_role_word(pieces[at] or ""):
            return True
    return False


def _has_role_word(part: str) -> bool:
    words = (word.lower() for word in _WORD_BREAK.split(part))
    return any(word in _ROLE_WORDS or word.endswith(_ROLE_ENDINGS) for word in words)


def _placed_before(segments: list[str], at: int) -> bool:
    """True when the name segment at `at` is one Arabic word (no agency, no desk) and a name of two words or more
    follows it after a separator: a dateline's town before the byline's name, as the Arabic press prints it. Not in
    Latin script, where the word before the dash is the outlet's or a desk's ('CDU - Fraktion Erfurt', tune halves:
    1 fundus page broken, none fixed)."""
    after = segments[at + 1] if at + 1 < len(segments) else ""
    word = segments[at].strip()
    return (bool(word) and _is_arabic_word(word[0]) and _lone_word(word) and len(after.split()) >= 2
            and _person(after) is not None)


def _name_segment(segments: list[str], skip: set[str]) -> int:
    """'Outlet - Name' credits the outlet first: the index of the name part, the first segment that is not an
    outlet."""
    for index, segment in enumerate(segments[:-1]):
        if alnum(segment) and alnum(segment) not in skip:
            return index
    # 'Dec. 19, 2025 · Name': the date the line opens with leaves nothing before the name
    return len(segments) - 1 if len(segments) > 1 and (alnum(segments[0]) in skip or not alnum(segments[0])) else 0


def agencies_in(text: str, bracketed: bool = False) -> Credits:
    """The agencies a dateline or source line names ('ALGER (APS)', 'Source : APS/AFP'): not byline credits.
    `bracketed`: `text` is a dispatch's bracketed source ('AMMAN (Petra) -'), where a spelling that is also a word or
    a name credits its agency too."""
    def canonical(part: str) -> str | None:  # the bracketed spellings after every other, which `_canonical` reads
        return _canonical(part) or (_BRACKETED_AGENCIES.get(alnum(part)) if bracketed else None)

    whole = canonical(text.strip())  # 'Agence malienne de presse et de publicité': one agency, 'et' and all
    names = [whole] if whole else [canonical(p.strip()) for p in re.split(r"[/,;]|\bet\b|&", text)]
    return Credits(agencies=[n for n in names if n])


def _take_parenthesis(inner: str, credits: Credits, skip: set[str]) -> None:
    """'(avec AFP)', '(avec Damien L. et Morgane T.)', '(AFP)': credits inside a byline; anything else there
    (a place, a date, a handle) is not a name."""
    avec = _AVEC.match(inner.strip())
    for part in (p.strip() for p in _SPLIT.split(_LEAD_IN.sub("", inner.strip())) if p and p.strip()):
        if _canonical(part) or avec:
            _take_part(part, credits, skip)


def _split_waw(part: str) -> list[str]:
    """Arabic joins names with a prefixed و ('سيدي ولد باه وأحمد سالم'): split before a و-word when both
    sides keep two words or more, unless the word is one that starts with و (ولد, وليد…)."""
    words = part.split()
    if len(words) < 4 or not _is_arabic_word(words[0][0]):
        return [part]
    for index in range(2, len(words) - 1):
        word = words[index]
        if word.startswith("و") and len(word) > 2 and word not in _WAW_WORDS:
            return [" ".join(words[:index]), *_split_waw(" ".join([word[1:], *words[index + 1:]]))]
    return [part]


def _take_part(part: str, credits: Credits, skip: set[str], min_words: int = 1, handles: bool = False) -> bool:
    """File one comma/'et' part under authors or agencies; False when it is neither name nor role."""
    printed_part = clean(part).rstrip(" :-–—*")
    part = printed_part.strip(" .:-–—*")
    printed = _LEAD_IN.sub("", part)
    printed = printed if _canonical(printed) else _AGENCY_PLACE.sub("", printed)
    unelided = _ELIDED_ARTICLE.sub("", printed)  # "l'AFP" credits 'AFP'
    printed = unelided if agency_name(unelided) else printed
    if _canonical(printed):
        credits.credit(printed, AGENCY)
        return True
    if alnum(part) in _PLACEHOLDERS or _is_credential(part, after_name=bool(credits.authors)):
        return True
    if alnum(part) in _GENERIC_AGENCIES:
        credits.credit(part, AGENCY)  # 'Agencies': wire copy whose agencies the page does not name
        return True
    if _is_desk(part):
        if alnum(part) not in skip:
            credits.credit(part[:1].upper() + part[1:], DESK)
        return True
    if _ROLE.match(part):
        return True
    dotted = printed_part.endswith(".")
    name = _person(_without_credential(_without_title(_unglued(_ROLE_SUFFIX.sub("", _LEADING_ROLE.sub("", part))))), dotted) \
        or (part if handles and (_is_handle(part) or _site_account(part, skip)) else None)
    if name is None or len(name.split()) < min_words:
        return False
    if alnum(name) not in skip and alnum(part) not in skip and alnum(name) not in _PLACEHOLDERS:
        credits.credit(name, DESK if _is_desk(name) else PERSON)
    return True


# A capitalised word glued to the name's last word, where two elements print with nothing between them
# ('<a>Karim Benali</a><span>Redakteur</span>' reads 'Karim BenaliRedakteur').
_GLUED_WORD = re.compile(r"(?<=[^\W\d_])(?<![A-Z])([A-Z][^\W\d_A-Z]+)$")
# ... or a job title glued so, up to the next comma ('Karim BenaliMarketing Manager', 'Amina SaïdiHead of Product and
# Growth'): the glued capital after a word of four letters or more ('DeSantis', 'McDonald', 'MacArthur' keep theirs).
_GLUED_TITLE = re.compile(r"(?<=[^\W\d_]{4})(?<![A-Z])([A-Z][^\W\d_A-Z]+(?:\s[^,;،]*)?)")


# The words that open a job title printed after the name with no comma ('Sam Stein Senior Politics Editor', 'Karim
# Benali Grand reporter'), when the title ends on a role word.
_TITLE_OPENERS = frozenset({"senior", "chief", "head", "staff", "deputy", "managing", "contributing", "associate", "executive",
                            "special", "junior", "lead", "principal", "grand", "grande", "editor", "writer", "reporter",
                            "correspondent", "columnist", "journaliste", "rédacteur", "rédactrice", "correspondant",
                            "correspondante", "chroniqueur", "chroniqueuse"})
_MAX_TITLED_NAME = 4


def _is_credential(part: str, after_name: bool) -> bool:
    """A degree or credential printed as a part of its own ('Amina Saïdi, MS, RDN, LD'); two capitals alone are
    a signer's initials ('LD') unless they follow a name."""
    bare = part.replace(".", "").replace(" ", "")
    return bare in _CREDENTIALS and (after_name or len(bare) > 2)


# A credential _CREDENTIALS does not list, after one it does ('Amina Saïdi, MS, RD, FAND'): capitals alone, no name
# (tune halves: wcxb 1 page fixed, where 'FAND' was a second person; none broken).
_CAPITALS = re.compile(r"^[A-Z]{2,6}$")


def _without_unlisted_credentials(parts: list[str]) -> list[str]:
    """The parts without the capitals that follow a listed credential ('FAND' after 'RD'): a run of credentials goes
    on with ones the list does not hold, never with a name. Where the next element's text is glued to the last one
    ('RD, FAND Amina Saïdi, MS': an author box that prints the byline twice), the words after it are kept."""
    kept: list[str] = []
    in_credentials = False
    for part in parts:
        first, _, rest = part.strip().partition(" ")
        if in_credentials and _CAPITALS.match(first.replace(".", "")):
            if not rest.strip():
                continue
            part = rest
        in_credentials = bool(kept) and _is_credential(part, after_name=True)
        kept.append(part)
    return kept


def _without_credential(value: str) -> str:
    """The name without the degree printed after it with no comma ('Amina Saïdi PhD' -> 'Amina Saïdi'); a name of
    two words or more stays whole."""
    words = value.split()
    if len(words) >= 3 and words[-1].replace(".", "") in _CREDENTIALS:
        return " ".join(words[:-1])
    return value


def _without_title(value: str) -> str:
    """The name without the job title printed after it with no comma, the title opened by one of _TITLE_OPENERS
    and closed by a role word ('Sam Stein Senior Politics Editor' -> 'Sam Stein'); two to four words of name (more is
    a name printed twice or a whole author box, left to the other rules)."""
    words = value.split()
    if len(words) < 3 or words[-1].lower() not in _ROLE_WORDS or words[-1].lower() == "staff":
        return value  # 'ZDNet Japan Staff', 'Sahel Info Staff': the newsroom that signs
    openers = range(2, min(len(words), _MAX_TITLED_NAME + 1))
    opener = next((i for i in openers if words[i].lower() in _TITLE_OPENERS or words[i].lower() in _ROLE_WORDS), None)
    return " ".join(words[:opener]) if opener is not None else value


# The label of a link to the author's profile or contact, printed after the name ('Karim BenaliTwitter')
_PROFILE_LINKS = frozenset({"twitter", "facebook", "instagram", "email", "mail", "contact", "bio", "profil", "profile"})


def _unglued(value: str) -> str:
    """The name without a role or a profile link glued to it ('Karim BenaliRedakteur', 'Karim BenaliTwitter' ->
    'Karim Benali'); any other value as is."""
    glued = _GLUED_WORD.search(value)
    if glued and " " in value and (_has_role_word(glued.group(1)) or glued.group(1).lower() in _PROFILE_LINKS):
        return value[:glued.start()]
    return value


def _without_glued_title(text: str) -> str:
    """The byline without a job title glued to the name, up to the next comma ('Karim BenaliHead of Product and
    Growth, Sahel Info' -> 'Karim Benali, Sahel Info'): the title's first word opens a title or one of its words is
    a role; the name before it has two words or more."""
    title = _GLUED_TITLE.search(text)
    if not title or " " not in text[:title.start()].strip():
        return text
    clause = title.group(1)
    if clause.split()[0].lower() in _TITLE_OPENERS or _has_role_word(clause):
        return text[:title.start()] + text[title.end():]
    return text


# Two full names joined by one slash ('Karim Benali/Amina Saïdi'), as a co-written piece's author field prints them.
# A spaced slash ('Karim Benali / APS') ends the name before a source and is read before this.
_SLASH_PAIR = re.compile(r"^([^/]*[^\s/])/([^\s/][^/]*)$")


def _slash_pairs_split(pieces: list[str]) -> list[str]:
    """The parts and joins of a byline (`_SPLIT_KEEP`'s output) with each part that holds two full names joined by
    a slash split in two, joined as by a semicolon ('Karim Benali/Amina Saïdi, à Sikasso' -> two authors)."""
    out: list[str] = []
    for index, piece in enumerate(pieces):
        sides = _slash_pair(piece) if index % 2 == 0 and piece else None
        out.extend([sides[0], "; ", sides[1]] if sides else [piece])
    return out


def _slash_pair(part: str) -> tuple[str, str] | None:
    """The two full names a slash joins in `part`; None when a side is a source (an agency, a desk) or one word
    ('AFP/Sahel Info', 'Karim Benali/SP-X', 'site/initials'): those keep the slash."""
    pair = _SLASH_PAIR.match(part.strip()) if len(part) <= 2 * _MAX_NAME_CHARS + 1 else None  # two names at most
    if not pair:
        return None
    first, second = (side.strip() for side in pair.groups())
    if any(len(side.split()) < 2 or _canonical(side) or _is_desk(side) or _person(side) is None
           for side in (first, second)):
        return None
    return first, second


def _person(value: str, dotted: bool = True) -> str | None:
    """The name in `value`, as printed; `dotted`: the value as printed ended on a dot ('K. B.', not 'A.K')."""
    value = _once(clean(value).strip(" .,:;-–—*\"'"))
    if dotted and (value.endswith((" Jr", " Sr")) or re.search(r"\b[A-Z]$", value)):
        value += "."  # keep the initial's dot that the strip above took
    words = value.split()
    named = [w for w in words if w.lower() not in _PARTICLES]  # 'Ould', 'El', 'Ben' do not count
    if not words or len(named) > _MAX_NAME_WORDS or len(words) > _MAX_NAME_WORDS_WITH_PARTICLES \
            or len(value) > _MAX_NAME_CHARS:
        return None
    if any(c.isdigit() for c in value) or not value[0].isalpha() or _DOMAIN.search(value):
        return None
    if not all(_name_word(w) for w in words) or words[-1].lower() in _PARTICLES:
        return None
    if _NOT_IN_NAMES.search(value) or words[-1].strip(".,").lower() in _LEGAL_FORMS \
            or any(w.strip(".,").lower() in _ORG_WORDS for w in words):
        return None
    if value.isupper() and len(value) > 3:
        value = value.title()
    return value


# What no name holds: a label's colon ('Bild: Karim Benali', a photo credit), a separator, brackets. A slash may
# join a name and its source ('AFP/Sahel Info').
_NOT_IN_NAMES = re.compile(r"[:|\\@#=+<>{}\[\]()]")


def _once(value: str) -> str:
    """A name the markup prints twice in a row (a wide and a narrow layout's copy): 'Karim BenaliKarim Benali' ->
    'Karim Benali'."""
    half = len(value) // 2
    if len(value) % 2 == 0 and len(value) > 6 and value[:half] == value[half:]:
        return value[:half]
    if len(value) % 2 == 1 and value[half] == " " and " " in value[:half] and value[:half] == value[half + 1:]:
        return value[:half]  # never one word twice: 'Mohamed Mohamed' is a name
    return value


def _name_word(word: str) -> bool:
    """A capitalised word, an initial, a particle ('de', 'ould', 'ben'), or a word of a script without capitals
    (Arabic, Chinese, Japanese, Korean, Devanagari…), where no capital can mark a name."""
    return (word[0].isupper() or _caseless_letter(word[0]) or word.lower().rstrip("'’") in _PARTICLES
            or (word[:2].lower() in ("d'", "d’") and word[2:3].isupper()))  # "d'Estaing": an elided particle


def _caseless_letter(char: str) -> bool:
    return char.isalpha() and not char.isupper() and not char.islower()


# 'Bureau' is also a French surname ('Jérôme Bureau', 'Anne-Sophie Bureau'): a bureau signs with the paper's name
# before it ('Sahel Info Bureau'), two words at least
_MIN_BUREAU_WORDS = 3


# A beat and a newsroom post and nothing else ('Court Reporter', 'Community Editor'): the post signs, no person (tune
# halves: htmldate 1, wcxb 1 page's kind, person -> desk).
_BEATS = frozenset({"court", "crime", "sports", "sport", "business", "news", "political", "politics", "health",
                    "education", "motoring", "travel", "community", "digital", "web", "online", "local", "entertainment",
                    "showbiz", "royal", "weather", "tech", "technology"})
_POSTS = frozenset({"reporter", "reporters", "correspondent", "correspondents", "writer", "writers", "editor", "editors"})


def _is_desk(name: str) -> bool:
    key, folded = alnum(name), fold(name)
    words = re.split(r"[\s-]", folded)
    return (key in _DESKS or folded.startswith(_DESK_PREFIXES) or folded.endswith(_STAFF_ENDINGS)
            or words[-1] in _DESK_SUFFIXES and (words[-1] != "bureau" or len(folded.split()) >= _MIN_BUREAU_WORDS)
            or (len(words) > 1 and words[-1] in _POSTS and all(word in _BEATS for word in words[:-1])))



def _is_arabic_word(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


# The site's short name, a slash, then a journalist's initials, as a broadcaster's author field signs ('rts/kbe;amsa')
_SLASHED_ACCOUNT = re.compile(r"^([^\W\d_][\w-]*)/[^\W\d_]{2,6}$")


def _site_account(value: str, skip: set[str]) -> bool:
    """An account the site's name opens before a slash ('rts/kbe' on rts.ch): the initials of the newsroom's
    journalist, credited as printed in an author field."""
    found = _SLASHED_ACCOUNT.match(value)
    return found is not None and alnum(found.group(1)) in skip


# A closing source line that names the site's newsroom, a slash, then an editor's initials in lower case, as the
# German public broadcasters sign their pieces ('Quelle: hessenschau.de/bb', 'Quelle: MDR THÜRINGEN/ls'): the
# newsroom's signature, credited as printed like an author field's 'rts/kbe' (`_site_account`). An agency before
# the slash ('Quelle: dpa/lno') or capitals after it ('Quelle: SWR/ARD', two broadcasters) are no such signature.
_SITE_SOURCE = re.compile(r"^(?:quelle|source|fuente|fonte)\s*:\s*([^\W\d_][^/:]{0,40}?)\s*/\s*([^\W\d_]{2,6})$",
                          re.IGNORECASE)


def site_source_byline(lines: Iterable[str], outlets: Iterable[str] = ()) -> Credits:
    """The credit of the first source line that signs with the site's name and an editor's initials ('Quelle:
    hr/bb' on hr.de), as printed after the label; nothing when none does."""
    skip = _outlet_keys(outlets)
    for line in lines:
        found = _SITE_SOURCE.match(line)
        if found is None or not found.group(2).islower():
            continue
        site = found.group(1)
        if alnum(site) in skip or alnum(site.split()[0]) in skip:
            credits = Credits()
            credits.credit(f"{site}/{found.group(2)}", PERSON)
            return credits
    return Credits()


def _is_handle(value: str) -> bool:
    """A user name, not a site's domain ('jungefreiheit.de') nor a CMS placeholder, no longer than a name may be (a
    token of 100 letters is a template's key or an encoded value, not an account)."""
    return (len(value) <= _MAX_NAME_CHARS and bool(_HANDLE.match(value)) and not _DOMAIN.search(value)
            and not _TLD_END.search(value) and alnum(value) not in _PLACEHOLDERS)
