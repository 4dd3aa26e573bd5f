"""The one URL normalisation: what makes two URLs the same article (record ids and story dedup).

Rules, in order (``tests/test_urls.py`` holds one case for each):

1. surrounding whitespace is stripped;
2. scheme and host are lowercased; user info is dropped;
3. the scheme's default port (``:80`` for http, ``:443`` for https) is dropped, any other is kept;
4. an empty path becomes ``/``; the path is otherwise kept as written (no case change, no
   re-encoding, trailing slash kept: servers may tell those apart);
5. the fragment is dropped (it never reaches the server);
6. tracking parameters are dropped from the query: names starting with ``utm_`` and the click ids
   in ``TRACKING_PARAMETERS`` (``fbclid``, ``gclid``…), compared case-insensitively; every other
   parameter is kept as written, in its order (sorting them would change the id of URLs that carry
   no tracker at all).

The article id is a digest of the normalised canonical URL (``crawler.records.article_id``), so
the ``utm_*`` variants of one article get one id; ids of URLs without tracking parameters are
the same as before these rules were shared.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "oly_anon_id", "oly_enc_id", "vero_id", "mkt_tok",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """``url`` by the rules above: the form used for article ids and as the story-dedup URL key."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # a port that is no number: kept as written
        port = None
        host = parts.netloc.rpartition("@")[2].lower()
    if port and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", without_trackers(parts.query), ""))


def without_trackers(query: str) -> str:
    """``query`` without its tracking parameters; unchanged (byte for byte) when it has none."""
    pairs = query.split("&")
    kept = [pair for pair in pairs if not is_tracking_parameter(pair.partition("=")[0])]
    return query if len(kept) == len(pairs) else "&".join(pair for pair in kept if pair)


def is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)
