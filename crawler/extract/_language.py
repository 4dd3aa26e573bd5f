"""The language of the text, checked against what the page declares.

py3langid runs with its full model: restricting it to a short list made it label every
language outside the list (Polish, Finnish, Bengali in trafilatura's evaluation pages) as one
inside it, confidently. Two corrections instead: its Moroccan and Egyptian Arabic labels fold into
``ar``; and regional languages and creoles it returns for short French headlines (Walloon,
Occitan, Ligurian, Guadeloupean Creole…) give way to the best-scored language outside that set.
The detection wins over the declaration (``<html lang>``, og:locale, JSON-LD inLanguage) when
the text is long enough and the detector is sure; a disagreement is always reported.
"""

from __future__ import annotations

import lzma
import re
import shutil
import tempfile
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from crawler.extract._text import arabic_share
from crawler.storage.atomic import atomic_path
from crawler.storage.cache import user_cache_dir

_FOLD_LABELS = {"ary": "ar", "arz": "ar"}
# Checked on 24 made-up one-line French and Arabic headlines (tests hold a sample): without this
# set, "Taxe carbone : l'UE impose" reads as Venetian and "Il pleut." as Walloon.
UNLIKELY = frozenset({"an", "br", "eo", "ext", "gcf", "gcr", "ht", "la", "lb", "lij", "oc", "vec", "vo", "wa", "zxx"})
SAMPLE_CHARS = 800  # on 45 evaluation pages, 400-1500 chars agree with 3000 every time; 800 costs 0.5 ms
MIN_TEXT_CHARS = 120  # below this a declaration beats the detector
MIN_SCRIPT_CHARS = 20  # Arabic script in most letters is decisive even for a short text
MIN_CONFIDENCE = 0.9
ARABIC_SCRIPT_SHARE = 0.6
# Letters of the Persian, Urdu and Pashto alphabets that Arabic spelling never uses: پ چ ژ گ, the Persian keheh
# and yeh (ک ی, where Arabic writes ك ي), and Urdu's ٹ ڈ ڑ ں ہ ے. The Arabic script is not the Arabic language: a
# Persian page read as Arabic would file Iranian news with the Arabic press. A foreign name spelled with پ or گ in
# an Arabic text ('پاريس') stays far below the share, where ی alone is about one Persian letter in ten.
_NOT_ARABIC_LETTER = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u0679\u0688\u0691\u06ba\u06c1\u06d2]")
NOT_ARABIC_SHARE = 0.03
# The languages written in the Arabic script that py3langid knows, among which it chooses for such a text
ARABIC_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "ug", "sdh", "ku"})


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The py3langid model. It ships LZMA-compressed (4.5 MB -> 68 MB): decompressing it took 1.9 s of
    every process's start (the CLI, each extraction worker), reading a decompressed copy 0.1-0.4 s. Its arrays are
    kept decompressed, one ``.npy`` file each, in the user's cache folder (KHABAR_CACHE_DIR, default
    ~/.cache/khabar), rebuilt when py3langid's model changes, and the two large tables (95 % of it) are mapped from
    there, not read: a process starts with the model in 1 ms, reads only the pages of it that its texts reach, and
    the extraction workers share those pages. Any problem with the files falls back to the shipped model."""
    files = _cached_model_files()
    identifier = _from_files(files) if files is not None else None
    return _compact(identifier or LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))


def _compact(identifier: LanguageIdentifier) -> LanguageIdentifier:
    """The automaton's per-state tables as C arrays of the same numbers, not lists of int objects: py3langid's
    ``visit_counts`` reads both once per byte of text, and a list read is a pointer and an object scattered in
    memory, cold by the time a page's text is ranked (0.1 ms of 0.9 a heavy page). Left as they are if
    py3langid changed them."""
    try:
        identifier._rowbase = array("i", identifier._rowbase)
        identifier.tk_output = array("i", identifier.tk_output)
    except (AttributeError, TypeError, OverflowError):
        pass
    return identifier


_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_MAPPED = ("ptc", "nextmove")
_UNSIGNED: dict[int, Literal["H", "I", "Q"]] = {2: "H", 4: "I", 8: "Q"}


def _cached_model_files() -> dict[str, Path] | None:
    """The model's arrays, one ``.npy`` file each in the cache folder (written once, each atomically)."""
    source = Path(MODEL_DIR) / MODEL_FILE
    try:
        stat = source.stat()
        stem = f"py3langid-model-{stat.st_size}-{int(stat.st_mtime)}"
        files = {name: user_cache_dir() / f"{stem}-{name}.npy" for name in _ARRAYS}
        if not all(path.exists() for path in files.values()):
            with tempfile.TemporaryFile() as unpacked:
                with lzma.open(source) as packed:
                    shutil.copyfileobj(packed, unpacked, length=1 << 20)
                unpacked.seek(0)
                with np.load(unpacked, allow_pickle=False) as data:
                    for name, path in files.items():
                        with atomic_path(path) as temp, open(temp, "wb") as out:
                            np.save(out, data[name], allow_pickle=False)
        return files
    except (OSError, lzma.LZMAError, ValueError, KeyError):
        return None


def _from_files(files: dict[str, Path]) -> LanguageIdentifier | None:
    """The identifier over the cached arrays, the large ones mapped (read-only): the automaton's transitions as a
    memoryview of the file's unsigned integers, indexed as fast as the array py3langid makes of them."""
    try:
        from py3langid.modelio import _to_array  # private: guarded, the shipped file is the fallback

        data = {name: np.load(path, mmap_mode="r" if name in _MAPPED else None, allow_pickle=False)
                for name, path in files.items()}
        nextmove = data["nextmove"]
        transitions = memoryview(nextmove).cast("B").cast(_UNSIGNED[nextmove.dtype.itemsize])
        return LanguageIdentifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(), transitions,
                                  data["out_feat"].tolist(), norm_probs=True, tk_row=_to_array(data["nextmove_row"]))
    except (ImportError, OSError, ValueError, KeyError, TypeError):
        return None


def detect(text: str) -> tuple[str | None, float]:
    """``(ISO 639-1 code, confidence)`` for `text`, ``(None, 0.0)`` when there is no text."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return None, 0.0
    if arabic_share(sample[:600]) >= ARABIC_SCRIPT_SHARE:
        if not _other_arabic_script(sample[:600]):
            return "ar", 1.0  # "ar" is always among py3langid's labels, so ranking it would end here anyway
        ranked = _ranked(sample, ARABIC_SCRIPT_LANGUAGES)
        return (max(ranked, key=ranked.__getitem__) if ranked else "ar"), 1.0
    likely = _ranked(sample, UNLIKELY, keep=False)
    best = max(likely, key=likely.__getitem__)
    total = sum(likely.values())
    return best, likely[best] / total if total else 0.0


def _other_arabic_script(sample: str) -> bool:
    """True when the Arabic-script `sample` spells Persian, Urdu or Pashto (`_NOT_ARABIC_LETTER`)."""
    letters = sum(map(str.isalpha, sample))
    return bool(letters) and len(_NOT_ARABIC_LETTER.findall(sample)) / letters >= NOT_ARABIC_SHARE


def _ranked(sample: str, labels: frozenset[str], keep: bool = True) -> dict[str, float]:
    """py3langid's scores of `sample` (its Arabic dialects folded into 'ar'), only for `labels` (or all but them
    when not `keep`)."""
    scores: dict[str, float] = {}
    for label, score in _identifier().rank(sample):
        label = _FOLD_LABELS.get(label, label)
        scores[label] = scores.get(label, 0.0) + score
    return {label: score for label, score in scores.items() if (label in labels) == keep}


def declared(value: str | None) -> str | None:
    """The primary subtag of a declared language: 'fr-FR', 'fr_FR' and 'FR' give 'fr'."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def decide(text: str, claims: list[tuple[str, str]]) -> tuple[str | None, str | None, str | None]:
    """``(language, source, warning)`` from the text and the ``(source, code)`` claims of the page."""
    detected, confidence = detect(text)
    if not claims:
        return (detected, "langid", None) if detected else (None, None, None)
    claim_source, claim = claims[0]
    if detected is None or detected == claim:
        return claim, ("langid" if detected else claim_source), None
    warning = f"language: the text reads as {detected!r} but {claim_source} declares {claim!r}"
    script_sure = confidence == 1.0 and len(text) >= MIN_SCRIPT_CHARS
    if script_sure or (confidence >= MIN_CONFIDENCE and len(text) >= MIN_TEXT_CHARS):
        return detected, "langid", warning
    return claim, claim_source, warning
