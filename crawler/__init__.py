"""Khabar: an archival-grade crawler for the French-language press of the Maghreb and the Sahel.

Every capture is archived twice and linked both ways: WARC records (what was served, byte for
byte) and JSON article records (what researchers analyse). See README.md for the two set-up
commands and DESIGN notes.
"""

__version__ = "0.1.0"
