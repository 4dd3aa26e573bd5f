"""``khabar schedule``: crawls started on a timetable (``config``: the file; ``scheduler``: the loop;
``launcher``: what starts a crawl; ``clock``: the time it runs on)."""
