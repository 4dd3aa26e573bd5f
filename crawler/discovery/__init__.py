"""Finding article URLs: sitemaps (index, gzip, Google News), robots.txt and RSS/Atom feeds."""
