"""Khabar's Scrapy spiders: thin, configured per outlet from the catalog."""
