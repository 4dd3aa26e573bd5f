"""The on-page headline, and the site-name-free form of ``<title>``/og:title.

A heading (``<h1>``, or an ``h2`` whose class says headline) wins when a title reference (JSON-LD headline,
og:title, ``<title>``) equals it or holds it between separators. Its kicker stays out, unless the heading joins it
to the headline with a colon and every reference prints that same 'Kicker: Headline' line; an unmarked opening
element glued to the rest without a space is joined as a reference joins the two ('Kicker / Headline'). Otherwise an
``<h1>`` that tells the same story in other words wins (half of its words or more are in the references, and it
holds a quarter of some reference's words or that reference opens with it, a kicker both open with before a colon
left out: the headline as printed, where og:title and JSON-LD often carry a version
written for search engines; not an <h1> that is only what a reference opens with before a colon, as in 'Artist:
Album'). Otherwise the page's only <h1>, when its class marks it as the headline, wins even when it tells the story
in other words. A heading that wins loses the end segments naming the site or its section, as a reference does
('Headline | Opinion' on /opinion/…). Otherwise the first reference is used with its site name cut off the ends:
only an end segment that matches og:site_name, a JSON-LD publisher or site name, the domain (which may spell it
without its small words, or give its acronym), the name the page prints as its own (crawler/extract/_site_name.py),
or the section is cut (a last segment also when it names a folder of the URL: 'Titre - Politique' on /politique/…),
never the first dash of a headline ("Mali - Transition : …" keeps "Mali"); an opening 'Site name: ' goes when the
name, two words or more, is exactly the site's ('Blog name: Post title') or is its acronym ('TSA : …'), as does the
site's domain set before the headline with a space only ('exemple.ne Le budget adopté'), and so does a short name
glued by a dash to the headline's closing '!' or '?' ('…!-Site'). A French quotation's closing '»' is the
headline's, never a separator ('« Nous irons au bout » - Site'). Before that cut, on a page where no heading settled
it, an unmarked ``<h2>`` that a reference holds at either end is the headline ('Headline | Blog name'). A reference
cut short ('…') gives way to a later one that completes it. A heading that a site-free reference prints followed
by a year only takes that year ('Best X' / 'Best X in 2025': with_the_year, read by the caller, which keeps the
heading as the text's headline line).

The printed headline stays even where the references agree with each other against it (JSON-LD headline, og:title
and <title> telling the same other words): measured on the tune halves, preferring two or three agreeing references
to an <h1> they do not hold broke more titles than it fixed on the trafilatura corpus (12 broken, 0 fixed with three)
and wcxb (12 broken, 3 fixed), as did keeping a kicker printed apart in the heading when every reference writes
'Kicker: Headline' (fundus 1 fixed, trafilatura 1 broken) and taking the page's only <h1> without a headline class
in other words (readability 7 broken, wcxb 6 broken for 3 fixed). Measured in session 16 and left out as well: a
kicker that every reference prints before the chosen heading ('Kicker: Headline', the heading the headline alone)
kept in the title (fundus 1 fixed, 1 broken; trafilatura 6 broken: press releases', petitions' and columns' labels
that <title> and og:title carry, the page's headline without them), and a heading taken as a reference spells it
when the two differ in their double quotes or guillemets only (no page fixed: where og:title drops the heading's
quotes, JSON-LD keeps them). Measured in session 17 and left out too: the heading spelled in a reference's letter case
where the two differ in case only (wcxb 3 fixed, 3 broken; trafilatura 2 broken: the references' Title Case is as
often the labels' as the heading's sentence case); an <h1> that is a site-free reference followed by a subtitle after
a colon or a dash ('Headline: The Ultimate Guide') giving way to that reference (wcxb 2 fixed; trafilatura 1 broken,
'Headline: a short exclamation' in the <h1> only); an <h2> that prints og:title whole (site name aside) beating an
<h1> that tells the story otherwise (fundus, postlight, wcxb 1 fixed each; trafilatura 3 broken: the og:title printed
again in a teaser or a second headline block).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlsplit

from crawler.extract._page import KICKER_TRIM, Heading
from crawler.extract._text import alnum, fold

_SEPARATOR = re.compile(r"(\s*(?:\u2502)\s*|\s+(?:\||-|–|—|::|»|«|›|‹|·|•|/|//|~)\s+)")
# A name glued by a dash or a bar to the headline's closing '!' or '?' ('…的城！-新华网', 'Enfin !-Site Info'): no
# headline goes on after its closing mark, so what follows is the site's
_CLOSING_MARKS = "!?\u061f\uff01\uff1f\u3002"  # '!', '?', Arabic '؟', full-width '！', '？', '。'
_GLUED_TAIL = re.compile(rf"(?<=[{_CLOSING_MARKS}])[-|\u2013\u2014]([^\s{_CLOSING_MARKS}|-][^{_CLOSING_MARKS}|]{{0,29}})$")
# A French quotation ('« Nous irons au bout » - Site'): its guillemets are no separators, where a lone one is (sites
# set '»' or WordPress's '«' between a title's segments: 'Titre « Site')
_QUOTED = re.compile(r"\u00ab[^\u00ab\u00bb]*\u00bb")
_GUARDS = {0xab: "\ue001", 0xbb: "\ue000"}  # private-use characters stand for them while the title is split
_CLOSING_BRACKET = re.compile(r"\s*[(\[]([^()\[\]]+)[)\]]\s*$")  # 'Headline [Site]', 'Headline (Site)'
# A page number after the headline: 'Page 2', 'Page 2 sur 3', 'Seite 2 von 3', 'صفحة 2'
_PAGE = re.compile(r"^(?:page|p\.|seite|pagina|página|صفحة)\s*\d+(?:\s*(?:sur|of|von|de|/|من)\s*\d+)?$", re.IGNORECASE)
# `fold` strips opening and closing punctuation off the heading ('… en panne ?' -> '… en panne'): allowed here.
_FOLDED_SEPARATOR_BEFORE = re.compile(r"(?:^|\s[^\w\s]{1,2}\s)[.:;,!?\"']*$")
_FOLDED_SEPARATOR_AFTER = re.compile(r"^[.:;,!?\"']*(?:$|\s[^\w\s]{1,2}\s)")
_HOST_NOISE = frozenset({"www", "m", "amp", "fr", "ar", "en", "web", "news", "mobile", "com", "net", "org", "info",
                         "dz", "ma", "tn", "sn", "ml", "bf", "ne", "mr", "td", "ci", "co", "uk", "africa"})
# Segments a blog theme puts between its name and the post's title ('Name » Blog Archive » Title', WordPress's default)
_FILLERS = frozenset({"blogarchive", "blogarchiv", "archivesdublog", "archivedublog"})
_SITE_SHARE = 0.6  # an end segment is the site name when it covers >= 60% of a known site key (or vice versa)
_MAX_SITE_WORDS = 6
_MIN_COVER = 0.5
_MIN_OPENING_KEY = 4  # a last segment opened by the site's name of 4+ letters is the site's ("Le Soir" is not cut)
_MAX_OPENED_WORDS = 4
_MAX_RUN_WORDS, _MIN_RUN_KEY = 3, 6  # ... or holds the site's name (6+ letters, in up to 3 words) anywhere
_MIN_ACRONYM, _MAX_ACRONYM = 3, 5  # 'TSA', 'APS', 'MAP': capitals only
_MAX_LINK_WORD = 3  # 'de', 'du', 'la', 'des' inside a name are not initials
_ELIDED = re.compile(r"^[dlDL]['\u2019](?=\w)")  # "d'Information", "L'Essor": the initial is the word's
_MIN_SPELLED = 8  # a key of 8+ letters spelled, in order, in 90 % of a site key's letters is that key
_SPELLED_SHARE = 0.9
_MIN_HEADLINE_WORDS = 3
_MAX_LABEL_CHARS = 24  # ... and a label of fewer words, this short ('Magic Cleaning', 'Übersicht'): no headline
_MAX_TOPIC_WORDS = 4  # a heading this short may be a topic's label over the story's headline
_TAGGED = re.compile(r"([^:,]+?)\s*[:,]\s+(\S.*)")  # 'Site name : its tagline'
_NAMED_LEAD = re.compile(r"([^:]{3,60}?)\s*:\s+")  # 'Carnet du fleuve: Barrage de Kandadji …'
_MIN_NAMED_LEAD_WORDS = 2
_DOMAIN_LEAD = re.compile(r"([^\W_][\w-]*(?:\.[^\W_][\w-]*)+)\s+(?=\w)")  # 'exemple.ne Headline'
_MIN_SECTION_WORDS = 4  # a section of this many words that a reference prints whole is the headline
_MIN_H2_WORDS = 2  # an unmarked <h2> of one word is a section or a widget's label
_SAME_STORY = 0.5  # share of an <h1>'s words found in the og:title/<title>/JSON-LD headline: the same story
# the longest headline read from a marked <h1> in other words than the references (tune halves: the headlines run to
# 19 words, a standfirst set in the <h1> to 41)
_MAX_MARKED_WORDS = 30
_STORY_COVER = 0.25  # ... and share of a reference's words that such an <h1> holds (tune halves: 'Discord', 'Webcams')
_MANGLED = re.compile("[?\ufffd]+")  # characters the page's encoding lost, each of which stood for 1 to 3
# A heading that lost more than this is a page read in the wrong charset (an Arabic headline become '???? ?? ?????'):
# no reference is sought for it, and the pattern that seeks one stays small (each run a gap of bounded width).
_MAX_MANGLED_RUNS = 4
_MAX_MANGLED_CHARS = 8
_LEAD = re.compile(r"([^:]{3,}?)\s*:\s+")  # a kicker closed by a colon: 'Chronique : ', 'Interview: '
_COLON = re.compile(r"\s*:\s+")
_WORD = re.compile(r"\w+")  # a heading shorter than half the site-free title is a section label, not the headline
# The year of a ranking or guide after the headline ('Best X in 2025', 'Meilleurs X 2025', 'أفضل X لعام 2025'): what a
# reference adds to the heading when the page prints that year apart (a badge, the intro)
_YEAR_TAIL = re.compile(r"\s+(?:(?:in|for|of|en|pour|de|im|für|في|لعام|عام)\s+)?(?:19|20)\d\d", re.IGNORECASE)


@dataclass(frozen=True)
class SiteKeys:
    """What the site calls itself, as `alnum` keys."""

    names: frozenset[str]
    section: str
    folders: frozenset[str] = frozenset()  # the URL path's folders ('politique' in /politique/2025/titre)
    acronyms: frozenset[str] = frozenset()  # 'aps' of 'Algérie Presse Service', 'tsa' of tsa-algerie.com
    openers: frozenset[str] = frozenset()  # 'kandadji' of kandadji-veille.ne: a name's first word
    # `strip_site`'s answers by title, for this page's keys: the title's choice strips each reference and heading again
    # and again (405 distinct titles among 2,329 strips on 200 aeb and fundus pages). A new set of keys (`replace`,
    # a second `build`) starts with none.
    stripped: dict[str, str] = field(default_factory=dict, init=False, compare=False, hash=False, repr=False)

    @classmethod
    def build(cls, names: Sequence[str], url: str, section: str | None) -> SiteKeys:
        keys = {alnum(n) for n in names if alnum(n)}
        keys.update(_host_keys(url))
        acronyms = {_initials(name) for name in names} | _host_acronyms(url)
        return cls(frozenset(keys), alnum(section or ""), _folder_keys(url), frozenset(filter(None, acronyms)),
                   _host_openers(url))

    def closes(self, segment: str) -> bool:
        """True when a last segment names a folder of the URL: the section ('Titre - Politique' on /politique/…)."""
        key = alnum(segment)
        return bool(key) and key in self.folders

    def opens(self, segment: str) -> bool:
        """True when a short segment's first word is the site's name or domain ('MyOOS Community Forum' on myoos.de),
        or, in a segment without a lower-case word, a run of its words is ('EFC Bayrische Bembel Regensburg' on
        bayrische-bembel.de, 'هسبريس Hespress')."""
        words = segment.split()
        if not words or len(words) > _MAX_OPENED_WORDS or ":" in segment:  # "Sahel : l'armée …" is a headline
            return False
        key = alnum(words[0])
        if len(key) >= _MIN_OPENING_KEY and (key in self.names or key in self.openers):
            return True
        if any(word.islower() for word in words):  # a headline's words ('… auf Gipfelbuch.ch'), not a name's
            return False
        runs = (alnum("".join(words[start:end])) for start in range(len(words))
                for end in range(start + 1, min(start + _MAX_RUN_WORDS, len(words)) + 1))
        return any(len(run) >= _MIN_RUN_KEY and run in self.names for run in runs)

    def cut_named_lead(self, title: str) -> str:
        """`title` without an opening 'Site name: ' (Blogger's 'Blog name: Post title'): the name of two words or
        more, exactly the site's, or its acronym in capitals ('TSA : …'), before a colon ('Niger : …', one word,
        is a kicker, kept); or without the site's domain set before the headline with a space only ('exemple.ne
        Le budget adopté'), when two words or more follow and the first is no lower-case verb of a sentence."""
        domain = _DOMAIN_LEAD.match(title)
        rest = title[domain.end():] if domain else ""
        if domain and self.matches(domain.group(1)) and not rest[0].islower() and len(rest.split()) >= 2:
            return rest  # 'exemple.ne Le budget adopté'; 'Exemple.ne annonce …' is a sentence, its subject kept
        found = _NAMED_LEAD.match(title)
        if not found or not self._names_lead(found.group(1)):
            return title
        rest = title[found.end():]
        return rest if len(rest.split()) >= _MIN_HEADLINE_WORDS else title

    def _names_lead(self, lead: str) -> bool:
        """The site's name of two words or more, its domain, or its acronym ('TSA : …' on tsa-algerie.com)."""
        if _is_acronym(lead):
            return alnum(lead) in self.acronyms
        if "." in lead and " " not in lead:  # its domain ('Sahelweb.net : Mali : …')
            return self.matches(lead)
        return len(lead.split()) >= _MIN_NAMED_LEAD_WORDS and alnum(lead) in self.names

    def tagged(self, segment: str) -> bool:
        """True when a last segment is the site's name, a domain or two words or more, followed by its capitalised
        tagline after a colon or a comma ('Sahelweb.net : Actualités du Mali', 'Tassili Info , Quotidien national
        d'information'); a one-word name is a headline's kicker ('Transition - Sahel : le calendrier')."""
        found = _TAGGED.match(segment)
        if found is None:
            return False
        name, tagline = found.groups()
        return (("." in name or len(name.split()) >= _MIN_NAMED_LEAD_WORDS) and tagline[:1].isupper()
                and len(tagline.split()) <= _MAX_SITE_WORDS and self.matches(name))

    def matches(self, segment: str) -> bool:
        key = alnum(segment)
        if not key or len(segment.split()) > _MAX_SITE_WORDS:
            return not key
        if key == self.section or key in _FILLERS:
            return True
        if _is_acronym(segment) and key in self.acronyms or _initials(segment) in self.names:
            return True
        return any(_covers(key, site) for site in self.names)


def _is_acronym(segment: str) -> bool:
    return segment.isalpha() and segment.isupper() and _MIN_ACRONYM <= len(segment) <= _MAX_ACRONYM


def _initials(name: str) -> str:
    """The initials of a name of three capitalised words or more ('Algérie Presse Service' -> 'aps', 'Agence de
    Presse Sénégalaise' -> 'aps': short lower-case words skipped; "Agence Mauritanienne d'Information" -> 'ami':
    an elided article read off its word), else ''."""
    words = [_ELIDED.sub("", word) for word in name.split() if not (word.islower() and len(word) <= _MAX_LINK_WORD)]
    if len(words) < _MIN_ACRONYM or not all(word[:1].isupper() for word in words):
        return ""
    return alnum("".join(word[0] for word in words))


def _host_acronyms(url: str) -> set[str]:
    """The first part of a hyphenated domain name, short enough to be an acronym ('tsa' of tsa-algerie.com)."""
    host = (urlsplit(url).hostname or "").lower()
    firsts = {label.split("-")[0] for label in host.split(".") if "-" in label}
    return {first for first in firsts if _MIN_ACRONYM <= len(first) <= _MAX_ACRONYM and first.isalpha()}


def _host_openers(url: str) -> frozenset[str]:
    """The first part of a hyphenated domain name, of _MIN_OPENING_KEY letters or more ('kandadji' of
    kandadji-veille.ne): the first word of the site's name, which `opens` reads ('Headline ‹ Kandadji Watch').
    Tune halves, title: no labelled page changed; 1 htmldate page (unlabelled titles) loses the name."""
    host = (urlsplit(url).hostname or "").lower()
    firsts = {alnum(label.split("-")[0]) for label in host.split(".") if "-" in label}
    return frozenset(first for first in firsts if len(first) >= _MIN_OPENING_KEY)


def _folder_keys(url: str) -> frozenset[str]:
    folders = unquote(urlsplit(url).path).split("/")[1:-1]
    return frozenset(key for key in map(alnum, folders) if len(key) >= 3 and not key.isdigit())


def _host_keys(url: str) -> set[str]:
    host = (urlsplit(url).hostname or "").lower()
    labels = [label for label in host.split(".") if label not in _HOST_NOISE]
    keys = {alnum(label) for label in labels if len(alnum(label)) >= 3}
    if labels:
        keys.add(alnum("".join(labels)))
    # the domain as a name ('gnu.org' as the Dublin Core title or after the headline): a short name's key ('gnu')
    # covers too little of it to match
    if "." in host:
        keys.add(alnum(host.removeprefix("www.")))
    return keys


def _covers(key: str, site: str) -> bool:
    if key == site:
        return True
    short, long_ = sorted((key, site), key=len)
    if len(short) >= 3 and short in long_ and len(short) >= _SITE_SHARE * len(long_):
        return True
    # a domain name drops the elisions and small words of the name ('lequotidienoran' for "Le Quotidien d'Oran")
    return len(short) >= _MIN_SPELLED and len(short) >= _SPELLED_SHARE * len(long_) and _spelled_in(short, long_)


def _spelled_in(short: str, long_: str) -> bool:
    """True when the letters of `short` appear in `long_` in the same order."""
    letters = iter(long_)
    return all(letter in letters for letter in short)


_UNGUARD = {ord(guard): mark for mark, guard in _GUARDS.items()}


def _guarded(quotation: re.Match[str]) -> str:
    return quotation.group().translate(_GUARDS)


def _segments(title: str) -> list[str]:
    """`title` split at its separators, as ``[segment, separator, segment, …]``; a French quotation's '»' is no
    separator."""
    return [part.translate(_UNGUARD) for part in _SEPARATOR.split(_QUOTED.sub(_guarded, title))]


def last_segment(title: str) -> str | None:
    """The last segment of a title that separators split in two or more ('Headline - Site'), where the site's name
    stands; None for a title of one segment."""
    parts = _segments(title)
    return parts[-1].strip() if len(parts) > 2 else None


def strip_site(title: str, site: SiteKeys) -> str:
    """`title` without site-name (or section) segments at either end, nor a closing bracket naming the site."""
    stripped = site.stripped.get(title)
    if stripped is None:
        stripped = site.stripped[title] = _strip_site(title, site)
    return stripped


def _strip_site(title: str, site: SiteKeys) -> str:
    glued = _GLUED_TAIL.search(title)
    if glued and len(glued.group(1).split()) <= _MAX_OPENED_WORDS:
        title = title[:glued.start()]
    bracketed = _CLOSING_BRACKET.search(title)
    if bracketed and bracketed.start() and site.matches(bracketed.group(1)):
        title = title[:bracketed.start()]
    parts = _segments(title)
    while len(parts) > 2:
        if site.matches(parts[-1]) or site.opens(parts[-1]) or site.closes(parts[-1]) or _PAGE.match(parts[-1]) \
                or site.tagged(parts[-1]):
            parts = parts[:-2]
        elif len(parts) > 4 and site.matches(parts[-3]) \
                and len("".join(parts[:-4]).split()) >= _MIN_HEADLINE_WORDS:  # 'Headline | Site - its tagline'
            parts = parts[:-4]
        else:
            break
    while len(parts) > 2 and site.matches(parts[0]):
        parts = parts[2:]
    return site.cut_named_lead("".join(parts).strip())


def choose_title(headings: Sequence[Heading], refs: Sequence[tuple[str, str]],
                 site: SiteKeys, plain_h2: Callable[[], Sequence[str]] | None = None,
                 comments_quote: Callable[[], str | None] | None = None) -> tuple[str | None, str | None]:
    """``(title, source)``: the matching heading (spaced as the references spell it), else the first reference
    without its site name. `plain_h2` gives the page's unmarked <h2>s, read only when no heading settled the title;
    `comments_quote` the title its comment thread's heading quotes, read only then too."""
    title, source = _chosen(headings, refs, site, plain_h2, comments_quote)
    if title is not None and source == "h1":
        title = _without_site_segments(_spaced_as_referenced(_unmangled(title, refs, site), refs, site), site)
        title = _story_under_a_topic(title, headings, refs, site, plain_h2)
    return title, source


def _story_under_a_topic(heading: str, headings: Sequence[Heading], refs: Sequence[tuple[str, str]],
                         site: SiteKeys, plain_h2: Callable[[], Sequence[str]] | None) -> str:
    """The <h2> that prints a reference whole (site name aside), twice as long as the chosen heading or more,
    when that heading is a topic's label of _MAX_TOPIC_WORDS words or fewer ('<h1>Élevage</h1>' over '<h2>Le Niger
    lance sa campagne de vaccination du bétail</h2>', og:title that same line): the story's headline is printed
    under the topic's. An <h2> that opens or closes with the heading ('Topic: the rest') leaves it in charge, as
    does a longer heading (an <h2> printing og:title again under a headline of five words or more is a teaser or a
    second headline block). Tune halves, title: postlight 1 fixed, wcxb 1 fixed; no page broken."""
    words = len(heading.split())
    if words > _MAX_TOPIC_WORDS or not refs:
        return heading
    h2s = [h.text for h in headings if h.tag == "h2"] + list(plain_h2() if plain_h2 is not None else ())
    key = fold(heading)
    told = {fold(text) for _, ref in refs for text in (ref, strip_site(ref, site)) if text}
    for text in h2s:
        folded = fold(text)
        if folded in told and len(text.split()) >= 2 * words and not (folded.startswith(key) or folded.endswith(key)):
            return text
    return heading


def with_the_year(heading: str, refs: Sequence[tuple[str, str]], site: SiteKeys) -> str:
    """The site-free reference that is the heading followed by a year ('Best X' printed, 'Best X in 2025' in
    og:title and <title>): the edition of a ranking or guide, which the page shows apart from its heading and the
    title as published keeps. Anything else after the heading (a subtitle, a slogan) leaves the heading alone.
    Tune halves, title: wcxb 2 fixed; no other corpus changed (none broken)."""
    spaced = " ".join(heading.split())
    for _, ref in refs:
        text = " ".join(strip_site(ref, site).split())
        if text.startswith(spaced) and _YEAR_TAIL.fullmatch(text[len(spaced):]):
            return text
    return heading


# A kicker before the headline in a reference: up to 60 characters, then a colon, or a dash or a bar between spaces
_KICKER_JOINT = re.compile(r"(\S.{0,59}?)(\s*:\s+|\s+[-\u2013\u2014|]\s+)")


def with_the_kicker(heading: str, refs: Sequence[tuple[str, str]], site: SiteKeys) -> str:
    """'Kicker: Headline' as the references write it, when the page's JSON-LD gives a headline, every reference
    (site name aside) is the heading after the same kicker, and one of them joins the two with a colon: the
    publisher's own record of the article reads kicker and headline as one line, which the layout sets on two ('Sahel'
    above '<h1>Le calendrier …</h1>'). A kicker set apart by a dash in every reference stays a label ('Zoonoses –
    Headline'), as it does in the heading (_page._colon_joined); so does one that a reference leaves out or that
    is the site's name. <title> need only open with that line ('Kicker: Headline, Site name, 18.05.2026'). Without
    JSON-LD, <title> and og:title are written for search engines and social networks, which add a label the page does
    not read as part of its headline (a press release's, a column's). Tune halves, title: fundus 3 fixed; no other
    page changed (with a dash as well: trafilatura 1 broken)."""
    if not any(source == "json-ld" for source, _ in refs):
        return heading
    spaced = " ".join(heading.split())
    kickers, joined, tags = set(), "", []
    for source, ref in refs:
        text = " ".join(strip_site(ref, site).split())
        if source == "title":
            tags.append(text)
            continue
        found = _KICKER_JOINT.fullmatch(text[:-len(spaced)]) if text.endswith(spaced) and text != spaced else None
        if found is None or site.matches(found.group(1)):
            return heading
        kickers.add(fold(found.group(1)))
        joined = joined or (text if ":" in found.group(2) else "")
    if len(kickers) != 1 or not joined or not all(fold(tag).startswith(fold(joined)) for tag in tags):
        return heading
    return joined


def _without_site_segments(heading: str, site: SiteKeys) -> str:
    """The heading without the end segments that name the site or its section, as a reference loses them
    ('Headline | Opinion' on /opinion/…): the page prints in its <h1> what it also writes in <title>. A cut that
    would leave fewer than three words keeps the heading ('Mali - Transition' stays whole)."""
    cut = strip_site(heading, site)
    return cut if cut != heading and len(cut.split()) >= _MIN_HEADLINE_WORDS else heading


def _unmangled(heading: str, refs: Sequence[tuple[str, str]], site: SiteKeys) -> str:
    """The heading as a reference spells it when the heading lost characters to a wrong encoding, printed as '?'
    or U+FFFD ("Beginner? Guide" for "Beginner's Guide", 'Pr?sident' for 'Président'), and the two agree on
    everything else. A closing '?' is the headline's question mark. A heading that lost more than
    _MAX_MANGLED_RUNS runs or _MAX_MANGLED_CHARS characters stays as printed."""
    spaced = " ".join(heading.split())
    body, closing = (spaced[:-1], "?") if spaced.endswith("?") else (spaced, "")
    if "?" not in body and "\ufffd" not in body:
        return heading
    runs = _MANGLED.findall(body)
    if len(runs) > _MAX_MANGLED_RUNS or sum(map(len, runs)) > _MAX_MANGLED_CHARS:
        return heading
    gaps = [f".{{{len(run)},{3 * len(run)}}}?" for run in runs]
    pieces = [re.escape(piece) for piece in _MANGLED.split(body)]
    pattern = re.compile("".join(p + g for p, g in zip(pieces, [*gaps, ""], strict=True)) + re.escape(closing))
    for _, ref in refs:
        for text in (" ".join(ref.split()), " ".join(strip_site(ref, site).split())):
            if text != heading and pattern.fullmatch(text):
                return text
    return heading


def _spaced_as_referenced(heading: str, refs: Sequence[tuple[str, str]], site: SiteKeys) -> str:
    """The heading as a reference spells it when the two differ in their spaces only, or in an ellipsis typed as
    three full stops: the heading's elements meet without the space the publisher wrote ('<span>Kandadji :</span>les
    travaux reprennent'), or the page's typography set '…' where the publisher typed '...'."""
    key = _spelling_key(heading)
    spelled = [text for _, ref in refs if key in _spelling_key(ref)
               for text in (ref, strip_site(ref, site)) if _spelling_key(text) == key]
    if not spelled or any(" ".join(text.split()) == heading for text in spelled):
        return heading
    return " ".join(spelled[0].split())


def _spelling_key(text: str) -> str:
    """`text` without its spaces, an ellipsis written as three full stops."""
    return "".join(text.split()).replace("\u2026", "...")


def _chosen(headings: Sequence[Heading], refs: Sequence[tuple[str, str]], site: SiteKeys,
            plain_h2: Callable[[], Sequence[str]] | None,
            comments_quote: Callable[[], str | None] | None = None) -> tuple[str | None, str | None]:
    stripped = [(source, "" if site.matches(ref) else strip_site(ref, site)) for source, ref in refs]
    references = [(ref, fold(ref)) for ref in dict.fromkeys([r for _, r in refs] + [t for _, t in stripped if t])]
    shortest = min((len(fold(text)) for _, text in stripped if text), default=0)
    matching = []
    for heading in headings:
        # the kicker the references keep, the heading's glued parts joined as referenced, the whole heading, or
        # what follows its opening element (a kicker no class announced)
        for text in filter(None, (_kept_kicker(heading, refs), _glued_as_referenced(heading, refs, site), heading.text,
                                  heading.after_first, _opening(heading))):
            key = fold(text)
            if len(key) >= max(4, _MIN_COVER * shortest) and not heading.logo and not site.matches(text) \
                    and any(_holds(ref, ref_key, key) for ref, ref_key in references):
                matching.append((heading.tag, text))
                break
    if matching:
        return max(matching, key=lambda m: (m[0] == "h1", len(m[1])))[1], "h1"
    quoted = _quoted_by_comments(headings, comments_quote, site)
    if quoted is not None:
        return quoted, "h1"
    named = _named_by_title(headings, refs, references)
    if named:  # 'Headline | Blog name' with the blog's name in an <h1>: that name is the site's, and is cut
        site = replace(site, names=site.names | {alnum(name) for name in named})
        stripped = [(source, "" if site.matches(ref) else strip_site(ref, site)) for source, ref in refs]
    printed = _printed_headline(headings, [text for _, text in stripped if text], site)
    if printed is not None:
        return printed, "h1"
    marked = _marked_headline(headings, site)
    if marked is not None:
        return marked, "h1"
    if plain_h2 is not None:
        held = _plain_h2_held(plain_h2(), refs, site)
        if held is not None:
            return held, "h2"
    for index, (source, text) in enumerate(stripped):
        if text:
            return _completed(text, source, stripped[index + 1:])
    h1s = [h for h in headings if h.tag == "h1" and not h.logo and not site.matches(h.text)]
    return (h1s[0].text, "h1") if h1s else (None, None)


def _quoted_by_comments(headings: Sequence[Heading], comments_quote: Callable[[], str | None] | None,
                        site: SiteKeys) -> str | None:
    """The <h1> that the heading of the page's comment thread quotes ('One thought on “Headline”', 'Eine Antwort auf
    „Headline“'): the blog's software prints the post's title there as stored, so that <h1> is the post's headline
    where <title> and og:title were written apart for search engines and share too few of its words. Read only when
    no reference holds an <h1>. Tune halves, title: trafilatura 1 fixed; no other page changed."""
    h1s = [h for h in headings if h.tag == "h1" and not h.logo and not site.matches(h.text)]
    quote = comments_quote() if h1s and comments_quote is not None else None
    key = fold(quote) if quote else ""
    return next((h.text for h in h1s if key and fold(h.text) == key), None)


def _named_by_title(headings: Sequence[Heading], refs: Sequence[tuple[str, str]],
                    references: Sequence[tuple[str, str]]) -> list[str]:
    """The <h1>s that <title> holds after its first segment: the blog's name ('Headline | Blog name'). <title> is
    where a page closes with its name; og:title and JSON-LD name the work, and what they hold after a separator is
    the work's own ('Artist – Song' with the song in the <h1>). Without a <title>, any reference is read."""
    tags = [(ref, fold(ref)) for source, ref in refs if source == "title"]
    return [h.text for h in headings if h.tag == "h1" and not h.logo
            and any(_holds(ref, key, fold(h.text), later=True) for ref, key in tags or references)]


def _kept_kicker(heading: Heading, refs: Sequence[tuple[str, str]]) -> str:
    """'Kicker: Headline' when the heading joins them with a colon and every reference prints that same line (site
    name aside): the page reads the kicker as part of its headline. A reference that leaves the kicker out, or
    writes another line, leaves the kicker a label apart."""
    key = _colon_spaced(heading.with_kicker)
    if not key or not all(_holds(ref, _colon_spaced(ref), key) for _, ref in refs):
        return ""
    printed = heading.with_kicker
    for spelled in (printed, _COLON.sub(": ", printed), _COLON.sub(" : ", printed)):  # as printed, else as referenced
        if any(_holds(ref, fold(ref), fold(spelled)) for _, ref in refs):
            return spelled
    return ""


def _colon_spaced(text: str) -> str:
    """`fold(text)` with one way of spacing a colon ('Sahel : …' and 'Sahel: …' are the same line)."""
    return fold(_COLON.sub(": ", text))


def _glued_as_referenced(heading: Heading, refs: Sequence[tuple[str, str]], site: SiteKeys) -> str:
    """The heading as a reference writes it when its unmarked opening element meets the rest without even a space
    (the layout sets them on two lines: '<span>Sahel</span>Le calendrier …') and the reference joins the two with a
    separator ('Sahel / Le calendrier …'), else ""."""
    opening = _opening(heading)
    if not opening or heading.text != opening + heading.after_first:
        return ""
    for _, ref in refs:
        for text in (ref, strip_site(ref, site)):
            joint = text[len(opening):len(text) - len(heading.after_first)]
            if text.startswith(opening) and text.endswith(heading.after_first) and _is_joint(joint):
                return text
    return ""


def _is_joint(text: str) -> bool:
    """A separator between spaces (' / ', ' – ', ': ')."""
    return bool(text.strip()) and not text.strip(KICKER_TRIM + "/") and text != text.strip()


def _completed(text: str, source: str, later: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """`text`, or a later reference that completes it when it was cut short ('La réforme de la fiscalité des…' in
    og:title, the whole headline in <title>)."""
    if not text.endswith(("...", "\u2026")):
        return text, source
    start = fold(text.rstrip(".\u2026 "))
    for other_source, other in later:
        if len(other) > len(text) and fold(other).startswith(start):
            return other, other_source
    return text, source


def _plain_h2_held(texts: Sequence[str], refs: Sequence[tuple[str, str]], site: SiteKeys) -> str | None:
    """The longest unmarked <h2> (two words or more, not the site's name) that a reference as published holds as
    its first or last segment(s): 'Headline | Blog name', 'Site - Section » Headline'. A segment in the middle is a
    section or a blog's name ('Headline - Blog - Site'), never the headline."""
    keys = [(ref, fold(ref)) for _, ref in refs]
    held = [text for text in texts if len(text.split()) >= _MIN_H2_WORDS and not site.matches(text)
            and any(_holds_at_an_end(ref, ref_key, fold(text)) for ref, ref_key in keys)]
    return max(held, key=len, default=None)  # 'Headline | Site' with both printed in <h2>s: the headline


def _holds_at_an_end(reference: str, ref_key: str, key: str) -> bool:
    return bool(key) and (ref_key.startswith(key) or ref_key.endswith(key)) and _holds(reference, ref_key, key)


def _opening(heading: Heading) -> str:
    """The heading's opening element, when more follows it ('<span>Headline</span> <span>subtitle</span>')."""
    if not heading.after_first or not heading.text.endswith(heading.after_first):
        return ""
    return heading.text[:-len(heading.after_first)].strip(KICKER_TRIM)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))


def _printed_headline(headings: Sequence[Heading], references: Sequence[str], site: SiteKeys) -> str | None:
    """The page's <h1> that tells the story of the (site-free) references in its own words: the headline as
    printed beats the one written for search engines and social networks. Same story: at least _SAME_STORY of
    the heading's words are in the references (a section name or another story's h1 shares few or none)."""
    if not references:
        return None
    best, best_share = None, 0.0
    for heading in headings:
        if heading.tag != "h1" or heading.logo or site.matches(heading.text) or _opens(heading.text, references):
            continue
        words, known = _story_words(heading.text, references)
        share = len(words & known) / len(words) if words else 0.0
        if share >= _SAME_STORY and share > best_share and _covers_a_reference(heading.text, words, references):
            best, best_share = heading.text, share
    return best


def _covers_a_reference(heading: str, words: set[str], references: Sequence[str]) -> bool:
    """True when the heading's words make up _STORY_COVER of some reference's words or more, or a reference opens
    with the heading ('Webcams - Park name', 'Headline' glued to the site's name): a heading that is one word of a
    long title ('Discord' of 'How we breached X, Discord and …') names a thing the story is about (a part's
    heading, a section), not the story."""
    key = fold(heading)
    return any(len(words & _words(ref)) >= _STORY_COVER * len(_words(ref)) or fold(ref).startswith(key)
               for ref in references)


def _opens(heading: str, references: Sequence[str]) -> bool:
    """The heading is what a reference opens with before a colon ('Name: what it is', 'Artist: Album'): the
    reference is the whole title, of which the heading prints the first part, not the story in other words."""
    key = " ".join(heading.split()).casefold()
    for reference in references:
        spaced = " ".join(reference.split()).casefold()
        rest = spaced[len(key):].lstrip() if spaced.startswith(key) else ""
        if rest.startswith(":") and rest[1:].strip():
            return True
    return False


def _story_words(heading: str, references: Sequence[str]) -> tuple[set[str], set[str]]:
    """The words of `heading` and of `references` that tell their story: a kicker that the heading and a reference
    both open with, closed by a colon ('Chronique : …'), is left out of both, or a column's name would make another
    story of the column look like this one."""
    lead, rest = _lead(heading)
    split = [_lead(ref) for ref in references]
    if not lead or all(ref_lead != lead for ref_lead, _ in split):
        return _words(heading), set().union(*(_words(ref) for ref in references))
    return _words(rest), set().union(*(_words(ref_rest if ref_lead == lead else ref)
                                       for (ref_lead, ref_rest), ref in zip(split, references, strict=True)))


def _lead(text: str) -> tuple[str, str]:
    """``(kicker key, rest)`` of a text opened by a kicker and a colon ('Chronique : Le prix du pain'), else
    ``("", text)``."""
    found = _LEAD.match(text)
    return (fold(found.group(1)), text[found.end():]) if found else ("", text)


def _marked_headline(headings: Sequence[Heading], site: SiteKeys) -> str | None:
    """The page's only <h1>, when its class (or itemprop) marks it as the headline and it reads as one (three words
    or more): the headline as printed, even where og:title and <title> were written for search engines in other
    words. Several <h1>s, or one the page does not mark, leave the references in charge; so does one of more than
    _MAX_MARKED_WORDS words, a standfirst set in the headline's place."""
    h1s = [h for h in headings if h.tag == "h1" and not h.logo and not site.matches(h.text)]
    if len(h1s) == 1 and h1s[0].headline_class \
            and _MIN_HEADLINE_WORDS <= len(h1s[0].text.split()) <= _MAX_MARKED_WORDS:
        return h1s[0].text
    return None


def as_section(section: str | None, refs: Sequence[tuple[str, str]], headings: Sequence[Heading]) -> str | None:
    """The section as the title reads it: none when it is a headline, a line of _MIN_SECTION_WORDS words or more
    that a reference or an <h1> prints whole (a CMS that files the article under its own title, articleSection
    'Average Cost of Online College'): cut as a section, the headline would be lost."""
    if not section or len(section.split()) < _MIN_SECTION_WORDS:
        return section
    key = alnum(section)
    texts = [ref for _, ref in refs] + [h.text for h in headings if h.tag == "h1"]
    return None if any(alnum(text) == key for text in texts) else section


def site_named(headings: Sequence[Heading], refs: Sequence[tuple[str, str]]) -> str | None:
    """The title of a page that names nothing but its site (its 'About' page: '<h1>Blog name</h1>', <title> 'About
    - Blog name'): the name its <h1> prints, else the first reference as published; None on a page without either.
    Read last, when no heading or reference gave a headline of its own."""
    named = next((h.text for h in headings if h.tag == "h1"), None)
    return named or (refs[0][1] if refs else None)


def under_a_label(title: str, candidates: Sequence[str], site: SiteKeys) -> str:
    """The headline that an element marked as a title prints (`headline_by_class`) when no heading settled the title
    and the reference left is a label of fewer than _MIN_HEADLINE_WORDS words and _MAX_LABEL_CHARS characters
    ('Coups de cœur | Site magazine': the column's or the series' name, with the story's headline in a
    '<div class="headline">'); else `title`. The characters keep a headline in a script that does not space its words
    (a Japanese one is one 'word'). Tune halves, title: trafilatura 1 fixed; unlabelled, 1 overview page's 'Übersicht'
    gave way to its headline; no page broken."""
    if len(title.split()) >= _MIN_HEADLINE_WORDS or len(title) > _MAX_LABEL_CHARS:
        return title
    return headline_by_class(candidates, site) or title


def headline_by_class(candidates: Sequence[str], site: SiteKeys) -> str | None:
    """The first element text marked as a title (class 'titre', 'title'…) that reads as a headline: three
    words or more (a section label has one or two), not the site name."""
    for text in candidates:
        if len(text.split()) >= _MIN_HEADLINE_WORDS and not site.matches(text):
            return text
    return None


def _holds(reference: str, ref_key: str, head_key: str, later: bool = False) -> bool:
    """True when the heading is the whole `reference` or one or more of its separated segments (with `later`,
    segments after the first only)."""
    if reference.rstrip().endswith(("...", "\u2026")) and len(ref_key) >= 20:
        return head_key.startswith(ref_key)
    start = ref_key.find(head_key)
    if start < 0:
        return False
    before, after = ref_key[:start], ref_key[start + len(head_key):]
    if later and not before:
        return False
    return bool(_FOLDED_SEPARATOR_BEFORE.search(before) and _FOLDED_SEPARATOR_AFTER.match(after))
