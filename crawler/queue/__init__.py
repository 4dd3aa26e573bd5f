"""Outlet crawls as jobs on Celery over Redis, for several machines (``KHABAR_QUEUE_URL``).

    config.py      QueueConfig: the KHABAR_QUEUE_* settings, read once
    connection.py  the Redis client, checked at start (QueueUnavailable names the URL, never a password)
    lease.py       one lock per outlet across machines: SET NX PX, renewed and released by token-checked Lua
    jobs.py        job records (queued, waiting, running on which worker, finished, failed) for khabar status
    app.py         the Celery app: late acks, visibility timeout, prefetch 1; the crawl_outlet task
    job_run.py     one job: take the outlet's lease, fetch its state, crawl in a child process, write back
    state_sync.py  an outlet's state (state/outlet=<id>/) between a bucket and this machine's spool

The unit of work is one outlet's crawl (one host, one politeness budget). Each job crawls in a process of
its own (``python -m crawler.cli crawl OUTLET --resume``): Twisted's reactor cannot be restarted.
Without ``KHABAR_QUEUE_URL`` none of this is imported: one process, local files, no Redis.
"""
