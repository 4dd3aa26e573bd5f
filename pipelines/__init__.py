"""Khabar's item pipelines: what happens to an ArticleRecord after extraction."""
