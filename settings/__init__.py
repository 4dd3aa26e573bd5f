"""Khabar's Scrapy settings: the one defaults module, used by `scrapy crawl` and `khabar` alike.

Grouped as Scrapy's own default_settings: Scrapy settings first, then every Khabar setting,
each prefixed ``KHABAR_`` and commented. Override on the command line (`-s NAME=value`), in the
environment for ``khabar`` (``KHABAR_STORE_URI``…), or per request in lower_snake meta keys.
"""

from crawler import __version__

BOT_NAME = "khabar"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
ADDONS = {"crawler.addon.KhabarAddon": 0}

# --- Politeness ------------------------------------------------------------------------
# The contact URL is part of the User-Agent so that outlets can reach the operator.
KHABAR_CONTACT_URL = "https://github.com/khabar-archive/khabar"
USER_AGENT = f"Khabar/{__version__} (archival news crawler; +{KHABAR_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 1.0              # per outlet; the catalog's crawl.delay overrides it
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
RETRY_TIMES = 2
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
COOKIES_ENABLED = True            # offline-safe: the addon makes tldextract use its bundled suffix list
TELNETCONSOLE_ENABLED = False

# --- Capture ---------------------------------------------------------------------------
# Scrapy's HTTP/1.1 handler with a raw byte tap: the WARC holds every byte as served.
DOWNLOAD_HANDLERS = {
    "http": "crawler.warc.tap.RawCaptureDownloadHandler",
    "https": "crawler.warc.tap.RawCaptureDownloadHandler",
}
EXTENSIONS = {
    "crawler.warc.capture.WarcCapture": 100,
    "crawler.runreport.RunReport": 200,
}
ITEM_PIPELINES = {
    "pipelines.language_filter.LanguageFilter": 700,    # off unless KHABAR_LANGUAGES is set
    "pipelines.versioning.ArticleVersioning": 750,      # a record only when the text changed
    "pipelines.article_record.ArticleRecordWriter": 800,
}
# Fewer concurrent items per callback: the default 100 starts 100 tasks per callback for nothing
# (measured in shared/PERF-NOTES.md: about 0.6 ms of CPU per page).
CONCURRENT_ITEMS = 8
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.logformat.KhabarLogFormatter"   # items named by URL, never dumped whole

# --- Khabar ----------------------------------------------------------------------------
KHABAR_STORE_URI = "./archive"    # a folder, or s3://bucket/prefix (see README)
KHABAR_CATALOG = None             # a catalog YAML file; None = the catalog shipped in crawler/data
KHABAR_CATALOG_EXTRA = []         # more catalog files (the demo world writes one)
KHABAR_CRAWL_ID = None            # None = a new id per run, made by the add-on
KHABAR_WARC_ENABLED = True
KHABAR_WARC_MAX_SIZE = 1_000_000_000
KHABAR_WARC_PREFIX = "khabar"
KHABAR_WARC_GZIP_LEVEL = 6
KHABAR_WARC_GZIP_LEVEL_COMPRESSED = 1
KHABAR_DEDUP_URI = ""             # payload-digest index for revisits: "" = SQLite in <store>/state, or redis://…
KHABAR_LANGUAGES = []            # ISO 639-1 codes of the records to keep (khabar crawl --lang fr); [] = all
KHABAR_EXTRACT_WORKERS = None     # extraction processes; None = one per core, 0 = in the crawl process
KHABAR_GC_FREEZE = True           # gc.freeze() once the spider is open (shared/PERF-NOTES.md)
KHABAR_SITEMAP_MAX_SIZE = 50 * 1024 * 1024   # bytes of one sitemap once decompressed
KHABAR_SITEMAP_MAX_URLS = 50_000             # entries read from one sitemap (the protocol's own limit)
KHABAR_SITEMAPS_MAX = 500                    # sitemap documents fetched per outlet and run
KHABAR_FEED_MAX_ENTRIES = 1_000              # entries read from one feed
