"""Working on an archive after the crawl: verify it, re-extract records from it, package it as WACZ."""
