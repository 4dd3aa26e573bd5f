"""``python -m crawler.cli``: the khabar command."""

from crawler.cli import main

main()
