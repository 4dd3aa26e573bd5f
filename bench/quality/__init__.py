"""Extraction quality on real pages labelled by others: corpus readers, extractors, scorers, tables.

    corpora.py     one reader per corpus layout -> `Page` (id, html bytes, url, `Labels`), the tune/held-back split
    extractors.py  Khabar (`crawler.extract.extract_article`, what the crawl runs) and trafilatura -> `Prediction`
    scoring.py     the per-field scores (title exact, authors F1, date to the day, body F1 or snippets, language)
    conventions.py the label conventions: which of a page's own headlines the labels (and Khabar) follow, where
                   the labelled names stand on the page, the title score attainable under each convention
    report.py      the run over pages, the tables and the losses

`bench/real_quality.py` is the command; these modules are here so other benches can reuse them.
"""
