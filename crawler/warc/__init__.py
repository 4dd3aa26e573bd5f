"""WARC capture: the raw byte tap, the record builder and the rotating writer."""
