"""Running a crawl: settings, the Scrapy add-on, the runner, the run report, the summary, the log."""
