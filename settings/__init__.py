"""Khabar's Scrapy settings: the one defaults module, used by `scrapy crawl` and `khabar` alike.

Grouped as Scrapy's own default_settings: Scrapy settings first, then every Khabar setting,
each prefixed ``KHABAR_`` and commented. Override on the command line (`-s NAME=value`), in the
environment for ``khabar`` (``KHABAR_STORE_URI``…), or per request in lower_snake meta keys.
"""

from crawler import __version__

BOT_NAME = "khabar"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
ADDONS = {"crawler.run.addon.KhabarAddon": 0}

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
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024  # also bounds decoding: on the wire, in reextract and crash recovery
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
COOKIES_ENABLED = True            # offline-safe: the addon makes tldextract use its bundled suffix list
TELNETCONSOLE_ENABLED = False
KHABAR_REMOTE_CONTROL = False     # Scrapy's code-executing HTTP endpoint (REMOTE_CONTROL_ENABLED): off unless True

# --- Capture ---------------------------------------------------------------------------
# Scrapy's HTTP/1.1 handler with a raw byte tap: the WARC holds every byte as served. Pages built
# by JavaScript are fetched once more through Chromium (scrapy-playwright), see crawler/render.
DOWNLOAD_HANDLERS = {
    "http": "crawler.render.handler.RenderingDownloadHandler",
    "https": "crawler.render.handler.RenderingDownloadHandler",
}
KHABAR_RENDER_JS = "auto"         # "auto": render with the Chromium found (Playwright's, else Debian's); "off"; a path
KHABAR_RENDER_TIMEOUT = 30.0      # seconds the browser may take to load a page
KHABAR_SCREENSHOTS = "rendered"   # a PNG of each page rendered in Chromium, as a WARC resource record; "off"
KHABAR_SCREENSHOT_MAX_HEIGHT = 8000  # pixels of a page's screenshot kept, from its top
KHABAR_RENDER_SETTLE = 5.0        # then seconds at most to wait for its scripts' fetches to end (500 ms of quiet)
DOWNLOADER_MIDDLEWARES = {
    # robots.txt obeyed, and fetched once a day per host rather than once a run (RFC 9309 allows 24 h).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.politeness.robots_cache.CachedRobotsTxtMiddleware": 100,
    # Content-Encoding removed by the one bounded decoder that reextract and crash recovery use too; it flags
    # a body whose gzip/deflate/br/zstd stream ended early (not recorded: truncated_body).
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.warc.content_decoding.ContentDecoding": 590,
    # Meta refresh found in the first 4,096 characters, as Scrapy's, without decoding the whole page for them.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.fetch.meta_refresh.MetaRefresh": 580,
    # process_response runs from high to low: bot walls are seen decoded (after HttpCompression, 590),
    # Retry-After is honoured before Scrapy's RetryMiddleware (550) would retry at once.
    "crawler.politeness.botwall.BotWallDetector": 580,
    "crawler.politeness.retry_after.RetryAfterMiddleware": 560,
}
KHABAR_ROBOTS_MAX_AGE = 86400    # seconds a kept robots.txt is reused (0: fetch it every run)
KHABAR_RETRY_AFTER_TIMES = 3      # retries of a 429/503 after its Retry-After
KHABAR_RETRY_AFTER_MIN = 1.0      # seconds; first backoff when no Retry-After is given
KHABAR_RETRY_AFTER_MAX = 120.0    # seconds; a longer Retry-After is capped
EXTENSIONS = {
    "crawler.warc.capture.WarcCapture": 100,
    "crawler.run.report.RunReport": 200,
    "crawler.run.progress.Progress": 300,    # live per-outlet counts (khabar crawl's console; metrics)
    "crawler.run.disk_guard.DiskGuard": 350,      # off with KHABAR_MIN_FREE_SPACE = 0
    "crawler.run.metrics.CrawlMetrics": 400,      # off unless KHABAR_METRICS_PORT is set; after RunReport
    "crawler.run.alerts.WebhookAlerts": 500,      # off unless KHABAR_ALERT_WEBHOOK is set; after RunReport
}
ITEM_PIPELINES = {
    "pipelines.language_filter.LanguageFilter": 700,    # off unless KHABAR_LANGUAGES is set
    "pipelines.versioning.ArticleVersioning": 750,      # a record only when the text changed
    "pipelines.story_dedup.StoryDedup": 760,            # duplicate_of: the later copy of a story
    "pipelines.article_record.ArticleRecordWriter": 800,
}
# Fewer concurrent items per callback: the default 100 starts 100 tasks per callback for nothing
# (about 0.6 ms of CPU per page, measured with Scrapy 2.19 on 1,000 pages of 170 KB).
CONCURRENT_ITEMS = 8
LOG_LEVEL = "INFO"
LOG_FORMATTER = "crawler.run.logs.KhabarLogFormatter"   # items named by URL, never dumped whole
STATS_CLASS = "crawler.run.stats.RunStats"   # Scrapy's stats in memory, without 2.19's per-attribute detour
# khabar crawl writes this log to runs/<crawl-id>/crawl.log in the store and shows a live view instead
# (crawler/run/console.py); -v, --log-level or -s LOG_LEVEL=… bring it back to the console.
KHABAR_PROGRESS_INTERVAL = 30     # seconds between two progress lines per outlet when stdout is not a terminal

# --- Khabar ----------------------------------------------------------------------------
KHABAR_STORE_URI = "./archive"    # a folder, or s3://bucket/prefix (see README)
KHABAR_CATALOG = None             # a catalog YAML file; None = the catalog shipped in crawler/data
KHABAR_CATALOG_EXTRA: list[str] = []         # more catalog files (the demo world writes one)
KHABAR_CRAWL_ID = None            # None = a new id per run, made by the add-on
KHABAR_WARC_ENABLED = True
KHABAR_WARC_MAX_SIZE = 1_000_000_000
KHABAR_WARC_PREFIX = "khabar"
KHABAR_WARC_GZIP_LEVEL = 6
KHABAR_WARC_GZIP_LEVEL_COMPRESSED = 0   # 0: a body served compressed is stored in its gzip member as it is
KHABAR_DEDUP_URI = ""             # payload-digest index for revisits: "" = SQLite in <store>/state, or redis://…
KHABAR_LANGUAGES: list[str] = []            # ISO 639-1 codes of the records to keep (khabar crawl --lang fr); [] = all
KHABAR_INCREMENTAL = True        # fetch only new URLs and those whose announced lastmod moved
KHABAR_SINCE = None              # YYYY-MM-DD: skip URLs announced before this day (khabar crawl --since)
KHABAR_MAX_ARTICLES = 0          # stop scheduling article URLs after this many (0 = no limit)
KHABAR_RESUME = False            # keep the crawl queue in <store>/state/jobs/<outlet> (khabar crawl --resume)
# The pending requests on disk (state/queues/<outlet>/) when there is no JOBDIR: a sitemap of 100,000 articles
# held as requests in memory is 130 MB (crawler/run/request_queue.py); False = Scrapy's memory queues.
SCHEDULER = "crawler.run.request_queue.DiskQueueScheduler"
SCHEDULER_DISK_QUEUE = "crawler.run.request_queue.PickleLifoDiskQueue"  # Scrapy's, naming callbacks cheaply
KHABAR_QUEUE_ON_DISK = True
# The fingerprints of the requests seen on disk (state/seen/<outlet>/), not 1.2 MB more in memory every 10,000 URLs
# (crawler/run/seen_requests.py); False = Scrapy's set in memory.
DUPEFILTER_CLASS = "crawler.run.seen_requests.SeenRequestsFilter"
KHABAR_SEEN_ON_DISK = True
KHABAR_CASCADE_MAX_AGE = 86400   # seconds between full discovery cascades; in between, WordPress outlets ask REST alone
KHABAR_BACKFILL = False          # walk the whole archive: every REST page, every listing page (khabar crawl --backfill)
KHABAR_LISTING_MAX_DEPTH = 3      # listing-page discovery: links followed from the home page, at most this deep
KHABAR_LISTING_MAX_PAGES = 100    # and at most this many listing pages per outlet and run
KHABAR_EXTRACT_WORKERS = None     # extraction processes; None = one per core, 0 = in the crawl process
KHABAR_EXTRACT_NICE = 0           # the workers' priority below the crawl process's (0-19); 10 on a machine that only crawls
KHABAR_GC_FREEZE = True           # gc.freeze() once the spider is open (saves ~1.3 ms of GC per page)
KHABAR_GC_YOUNG_THRESHOLD = 10_000  # then objects allocated between two young-generation collections (Python: 700);
                                  # 0 keeps Python's (GC 0.25 s -> 0.12 s of the crawl's CPU over 600 heavy pages)
KHABAR_MIN_FREE_SPACE = "1GiB or 2%"  # below it on the store's (or spool's) filesystem a crawl stops softly
                                      # (exit 9): a size, a percentage, several joined by "or" (the smallest); 0 = off
KHABAR_DISK_GUARD_INTERVAL = 5.0  # seconds between free-space checks during a crawl (and before each new WARC file)
KHABAR_METRICS_PORT = None       # serve Prometheus metrics on this port (khabar crawl --metrics-port); 0 = a free one
KHABAR_METRICS_HOST = "127.0.0.1"  # the address the metrics server binds
KHABAR_METRICS_LINGER = 0.0       # seconds khabar crawl keeps serving metrics after its summary (final values)
KHABAR_ALERT_WEBHOOK = ""         # http(s) URL that receives a JSON POST when an outlet fails, is blocked, goes
                                  # silent, or the disk guard trips ("" = off); may hold a token: never printed whole
KHABAR_ALERT_RETRIES = 3          # tries after the first when the webhook is down or answers an error
KHABAR_ALERT_BACKOFF = 1.0        # seconds before the first retry, doubled for each next one
KHABAR_ALERT_TIMEOUT = 5.0        # seconds one POST may take
KHABAR_SITEMAP_MAX_SIZE = 50 * 1024 * 1024   # bytes of one sitemap once decompressed
KHABAR_SITEMAP_MAX_URLS = 50_000             # entries read from one sitemap (the protocol's own limit)
KHABAR_SITEMAPS_MAX = 500                    # sitemap documents fetched per outlet and run
KHABAR_FEED_MAX_ENTRIES = 1_000              # entries read from one feed

# --- Several machines (KHABAR_QUEUE_URL; crawler/queue/) --------------------------------
KHABAR_QUEUE_URL = ""             # redis://host:port/db: outlet crawls become jobs (khabar enqueue, khabar worker)
KHABAR_QUEUE_VISIBILITY_TIMEOUT = 6 * 3600  # seconds before a job a worker took but never acknowledged goes to another
KHABAR_QUEUE_LEASE = 60           # seconds an outlet's lock lives without renewal (a live worker renews it every third)
KHABAR_QUEUE_BUSY_RETRY = 60      # seconds a job whose outlet is being crawled elsewhere waits before it tries again
KHABAR_QUEUE_KEEP_JOBS = 50       # finished and failed job records kept per outlet in Redis (older ones pruned as jobs end)
KHABAR_STATE_OUTLET = ""          # set by khabar worker for each job: keep this outlet's state in state/outlet=<id>/

# --- Page requisites (crawler/requisites): what an archived article needs to replay as served ---------
KHABAR_REQUISITES = "same-site"   # off | same-site (the outlet's hosts and KHABAR_REQUISITES_HOSTS) | all (but trackers, ads)
KHABAR_REQUISITES_HOSTS: list[str] = []      # more hosts to fetch requisites from (the outlet's CDNs), subdomains included
KHABAR_REQUISITES_MAX_AGE = 7 * 86400        # seconds a requisite fetched by an earlier crawl is not fetched again
KHABAR_REQUISITES_PER_PAGE = 60              # requisites fetched for one page, at most
KHABAR_REQUISITES_PER_OUTLET = 5_000         # per outlet and crawl
KHABAR_REQUISITES_MAX_SIZE = 10 * 2**20      # bytes of one requisite (a larger one is cut off and counted)
KHABAR_REQUISITES_PAGE_BYTES = 30 * 2**20    # bytes of the requisites of one page
KHABAR_REQUISITES_OUTLET_BYTES = 2**30       # bytes of requisites per outlet and crawl
KHABAR_REQUISITES_DEPTH = 3                  # levels: the page's own (1), what its stylesheets import or use (2), …

# --- S3 store (KHABAR_STORE_URI=s3://bucket/prefix; crawler/storage/s3.py) ---------------
# Credentials come only from boto3's chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN,
# AWS_PROFILE, an instance role): never from a setting or the URI, so they never reach this dump.
KHABAR_S3_ENDPOINT_URL = None     # an S3-compatible server's API, e.g. http://127.0.0.1:8333; None = AWS
KHABAR_S3_REGION = None           # None = boto3's (AWS_DEFAULT_REGION, the profile), else us-east-1
KHABAR_SPOOL_DIR = "./.khabar/spool"  # files wait here (<dir>/<bucket>/<prefix>) until confirmed in the bucket;
                                      # keep it across runs: the next run uploads what is left
KHABAR_S3_UPLOAD_WORKERS = 4      # uploader threads (off the reactor thread), and as many for the parts of a large file
KHABAR_S3_MULTIPART_THRESHOLD = 64 * 1024 * 1024  # files this large go up in parts, each SHA-256 checked
KHABAR_S3_PART_SIZE = 16 * 1024 * 1024            # at least 5 MiB (the S3 minimum)
KHABAR_S3_RETRY_MAX_DELAY = 60    # seconds between two tries of a failed upload, at most (1, 2, 4 … 60)
KHABAR_S3_DRAIN_TIMEOUT = 600     # seconds the end of a crawl waits for pending uploads before reporting them
KHABAR_SPOOL_KEEP_DIR = None      # tests and audits: hard-link each published file here before its upload

# --- Corpora for researchers (khabar corpus export / stats; crawler/corpus/) ---------------
KHABAR_CORPUS_MEMORY_LIMIT = "256MB"  # DuckDB's memory_limit; beyond it sorts and joins spill to the export's folder
