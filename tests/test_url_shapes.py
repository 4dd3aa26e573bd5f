"""What a URL looks like to discovery and to the record verdict: a listing (followed for its links, never
recorded), an article, or neither (the page's own metadata decides)."""

from __future__ import annotations

import pytest

from crawler.discovery.links import looks_like_article, looks_like_listing


@pytest.mark.parametrize(("url", "listing", "article"), [
    # an archive is a listing down to its day
    ("https://journal.ml/archives/", True, False),
    ("https://journal.ml/archive", True, False),
    ("https://journal.ml/archives/2026/", True, False),
    ("https://journal.ml/archive/2026/11/", True, False),
    ("https://journal.ml/archives/2026/11/20/", True, False),
    ("https://journal.ml/archives/?page=3", True, False),
    ("https://journal.ml/archives/categorie/sahel/", True, False),
    # ... and what is filed under the day is an article
    ("https://journal.ml/actualite/archives/2026/11/20/2004518273", False, True),
    ("https://journal.ml/societe/archive/2026/11/mopti-attend-la-pluie/518273/", False, True),
    ("https://journal.ml/archive/2026/11/Mopti_attend_la_pluie.html", False, True),
    ("https://journal.ml/archives/2026/11/20/mopti-attend-la-pluie.html", False, True),
    # a number that is no year is a numbered permalink: no listing (the page's type decides)
    ("https://journal.ml/archives/2562", False, False),
    # the other listings are unchanged
    ("https://journal.ml/", True, False),
    ("https://journal.ml/tag/mopti/", True, False),
    ("https://journal.ml/rubrique/politique/page/2/", True, False),
    ("https://journal.ml/recherche/?q=pluie", True, False),
    ("https://journal.ml/2026/11/20/mopti-attend-la-pluie/", False, True),
    ("https://journal.ml/archivistes-du-sahel-reunis-a-bamako", False, True),  # a word that starts like one
])
def test_url_shapes(url: str, listing: bool, article: bool) -> None:
    assert (looks_like_listing(url), looks_like_article(url)) == (listing, article)
