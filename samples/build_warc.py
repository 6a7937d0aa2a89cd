"""Write `10-crawl.warc.gz`: two fictional HTML pages as a crawler would archive them.

The WARC is committed, so nobody needs to run this; it is kept so the archive can be
rebuilt or extended. Dates are fixed and gzip headers carry no timestamp, so the
output is the same bytes on every run. Run: `python samples/build_warc.py`.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
OUT = HERE / "10-crawl.warc.gz"

PROTEST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Farmers block Ravensk ring road over grain prices | Northern Voice</title>
<meta property="og:title" content="Farmers block Ravensk ring road over grain prices">
<meta property="og:site_name" content="Northern Voice">
<meta property="article:published_time" content="2025-03-07T18:40:00+01:00">
</head><body>
<header>
<nav>Northern Voice · Ravensk · Region · Varnesia · World · Opinion · Podcasts</nav>
</header>
<main><article>
<h1>Farmers block Ravensk ring road over grain prices</h1>
<p class="credit">Tractors on the Ravensk ring road on Friday. — Photo: Staff</p>
<p>RAVENSK — Hundreds of farmers drove their tractors onto the Ravensk ring road on Friday
and blocked traffic for six hours, protesting against low grain prices and the closure of
the Tarrow Pass crossing, which has cut them off from buyers in Solmere.</p>
<p>The protest was organised by the Varnesian Farmers’ Union (VFU), which demanded that the
government pay compensation for last season’s lost exports. “We are not leaving until
Keldor listens,” VFU chairman Gregor Lanik told the crowd. He is not related to the
opposition leader Petra Lanik, whose Unity Front sent a delegation to the protest.</p>
<p>Police in riot gear cleared one lane in the afternoon. According to witnesses, officers
detained at least a dozen people, including two journalists from a local radio station.
A police spokesperson said those detained had refused to leave a closed area.</p>
<p>Agriculture Minister Liesel Brandt said she was ready to meet the union next week, but
rejected the demand for compensation, saying the budget “has no room for promises”.</p>
<p>The farmers said they would return on Monday if the government did not make an offer.</p>
<p>[newsletter_form id="3"]</p>
</article>
<aside><h3>Related</h3><ul>
<li>Flood waters recede in Ravensk, leaving a trail of damage...</li>
<li>Grain prices fall for a fourth month...</li></ul></aside></main>
<footer><p>Support local news: become a Northern Voice member.</p>
<p>Page generated 2025-03-07 18:41:02</p></footer>
</body></html>
"""

ELECTIONS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Vask rejects opposition call for early elections – Keldor Daily Courier</title>
<meta property="og:title" content="Vask rejects opposition call for early elections">
<meta property="og:site_name" content="Keldor Daily Courier">
<meta property="article:published_time" content="2025-03-12T12:15:00+01:00">
</head><body>
<header><div class="brand">Keldor Daily Courier</div>
<nav>Home | Nation | World | Economy | Sport | Culture | Weather</nav></header>
<main>
<h1>Vask rejects opposition call for early elections</h1>
<p class="meta">Date:</p>
<div class="entry-content">
<p>KELDOR — Varnesian President Teodor Vask on Wednesday rejected a demand by the opposition
Unity Front for early parliamentary elections, saying the country needed “stability, not
another campaign” while it recovered from the floods in the north.</p>
<p>Unity Front leader Petra Lanik had called on Vask last week to dissolve parliament and hold
a vote in June, together with the regional elections, after the government lost two
by-elections in a row.</p>
<p>“The constitution gives this parliament a mandate until next spring, and it will use it,”
Vask told reporters at the presidential palace. He also denied that his coalition partner,
the Green Alliance, was preparing to leave the government.</p>
<p>Lanik said the president was “afraid of the voters” and announced that the party would
collect signatures for a referendum on early elections. The Unity Front needs 200,000
signatures within three months.</p>
<p>According to sources in the coalition, Green Alliance ministers met on Tuesday evening to
discuss their future in the government, but no decision was taken. Green Alliance
spokesperson Ida Falk declined to comment.</p>
<p>The Varnesian Institute for Democracy, a think tank, said early elections would cost about
90 million marks and urged both sides to agree on electoral reform first.</p>
</div>
<section class="popular"><h4>Popular</h4>
<p>Keldor tram strike called off after late-night talks...</p>
<p>Where to watch the national cup final...</p></section>
</main>
<footer><p>Subscribe to the Courier from 1 mark a week.</p>
<p>© Keldor Daily Courier · Rendered 2025-03-12 12:16:40</p></footer>
</body></html>
"""

PAGES = [  # (target URI, capture time YYYYMMDDhhmmss, HTML)
    (
        "https://northernvoice.example/ravensk/farmers-block-ring-road",
        "20250307180000",
        PROTEST_PAGE,
    ),
    (
        "https://keldorcourier.example/nation/vask-rejects-early-elections",
        "20250312121700",
        ELECTIONS_PAGE,
    ),
]


def _warc_date(stamp: str) -> str:
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}Z"


def _record_id(number: int) -> str:
    """Fixed record ids keep the archive byte-identical across rebuilds."""
    return f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"


def build(out: Path = OUT) -> Path:
    with out.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            "10-crawl.warc.gz",
            {"software": "newsledger samples/build_warc.py", "description": "fictional pages"},
        )
        info.rec_headers.replace_header("WARC-Date", _warc_date(PAGES[0][1]))
        info.rec_headers.replace_header("WARC-Record-ID", _record_id(0))
        writer.write_record(info)
        for number, (url, stamp, html) in enumerate(PAGES, start=1):
            payload = html.encode("utf-8")
            headers = [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(payload))),
            ]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(payload),
                http_headers=http,
                warc_headers_dict={
                    "WARC-Date": _warc_date(stamp),
                    "WARC-Record-ID": _record_id(number),
                },
            )
            writer.write_record(record)
    return out


if __name__ == "__main__":
    print(build())
