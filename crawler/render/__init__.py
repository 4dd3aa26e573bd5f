"""Pages built by JavaScript: rendered in Chromium (through scrapy-playwright), archived, then extracted.

A page whose served HTML is a placeholder ("activez JavaScript", an empty shell that a script fills)
is fetched once more through a browser. The WARC keeps the page as served (from the first fetch), the
responses the browser's scripts fetched (the data the text came from, so replay can rebuild the page)
and the rendered DOM as a ``conversion`` record that refers to the served response. The article
record links to the served response and names the conversion record (``extraction.rendered_record_id``).

    KHABAR_RENDER_JS   ("auto")  "auto": render when a browser is found; "off": never; or a browser path
"""
