"""The fetch path's own downloader middlewares: Scrapy's, doing the same work for less CPU per page."""
