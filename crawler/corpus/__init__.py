"""Corpora for researchers: ``khabar corpus export`` and ``khabar corpus stats`` (see crawler/cli/corpus.py)."""
