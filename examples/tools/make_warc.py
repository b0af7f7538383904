"""Regenerate examples/crawl/news-crawl.warc.gz from the HTML pages below (run from the repo root).

The pages are short articles written for Herald's examples; the WARC shows that crawls are ingested as-is.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = {
    "https://pan-africanreview.example/2025/04/02/doha-ceasefire-holds": """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Doha ceasefire largely holding, observers say</title>
<meta property="og:site_name" content="Pan-African Review">
<meta property="article:published_time" content="2025-04-02T10:00:00Z"></head>
<body><article><h1>Doha ceasefire largely holding, observers say</h1>
<p>The ceasefire between the Congolese army and the Ituri Defence Front has largely held since it took effect
last week, African Union observers said on Wednesday, despite a deadly clash near Bunia.</p>
<p>The head of the observer mission, Colonel Ibrahim Sow, told reporters in Beni that his teams had visited
eleven villages and found no sign of new fighting.</p>
<p>Aid agencies said displaced families had begun to return to some villages near Beni.</p>
</article></body></html>""",
    "https://capitaltimes.example/2025/04/08/teachers-march": """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Striking teachers march in Kisumu</title>
<meta property="og:site_name" content="Capital Times">
<meta name="date" content="2025-04-08"></head>
<body><article><h1>Striking teachers march in Kisumu</h1>
<p>Several hundred striking teachers marched through Kisumu on Tuesday, the second day of a national strike
over unpaid salary arrears, and handed a petition to the county governor.</p>
<p>Police watched the march but did not intervene. The Kenya National Union of Teachers said the strike would
go on until the government paid what it owed.</p>
</article></body></html>""",
}


def main(out: Path = Path("examples/crawl/news-crawl.warc.gz")) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in PAGES.items():
            body = html.encode("utf-8")
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http)
            writer.write_record(record)


if __name__ == "__main__":
    main()
