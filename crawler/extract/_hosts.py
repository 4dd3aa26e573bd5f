"""Which site a host belongs to, as its address spells it: the registrable part of the host name.

'www.elwatan.com' and 'sport.elwatan.com' are one site, 'elwatan.com'. Under a second-level suffix ('co.uk',
'com.dz', 'gov.ml') the site keeps one more label: 'news.bbc.co.uk' is 'bbc.co.uk', a site other than
'other.co.uk'. The suffixes are the common second-level ones, not the whole public-suffix list: a rare suffix
missed makes two sites under it one, which the callers' other conditions (headline-like links, a name as long as
three letters) keep cheap.
"""

from __future__ import annotations

SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "gv"})


def site_domain(host: str) -> str:
    """'www.Sport.Elwatan.com:8080' -> 'elwatan.com'; 'news.bbc.co.uk' -> 'bbc.co.uk'; '' -> ''."""
    labels = host.split(":")[0].lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) > 2 and labels[-2] in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
