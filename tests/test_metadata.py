"""Metadata stage: title, published date, outlet, dateline and language as a reader sees them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.clean import clean
from newsledger.document import Document
from newsledger.metadata import extract
from newsledger.metadata.dateline import find as find_dateline

PARA = (
    "The committee met on Tuesday to discuss the proposal, and its members agreed to send the "
    "draft back to the ministry for further changes before the end of the month."
)
PARA2 = (
    "Officials said the revised text would be published for public comment, a step that "
    "opposition parties had demanded for several weeks."
)


LINES = [
    "Home | News | Sport",
    "Posted on: 4/22/2019",
    "Published: 31/02/2021",
    "Date:",
    "Kabul — The minister said the talks would resume next week in the capital.",
    "Talks resume in the capital",
    "— (Daily Courier)",
    "10/27/2019 6:41:12 PM",
    "Related",
]


def run(text: str, kind: str = "text", **given) -> Document:
    doc = Document(source="t", raw=text.encode(), kind=kind, text=text, given=given)
    return extract(clean(doc))


def page(*header: str, lede: str = PARA, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*header, lede, PARA2, *tail]) + "\n"


# --- title ---------------------------------------------------------------------------


def test_repeated_headline_is_the_title_not_the_menu():
    head = "Council approves budget after long debate"
    text = page("Home · World · Sport · Contact", head, head, "Posted on: 4/22/2019", head)
    doc = run(text)
    assert doc.title == head
    assert head not in doc.body


def test_single_headline_below_the_menu_is_the_title():
    text = page(
        "News | Politics | Opinion", "Regional leaders sign water-sharing pact", "By Ann Lee"
    )
    assert run(text).title == "Regional leaders sign water-sharing pact"


def test_repeated_caption_is_not_a_title():
    caption = "Protesters gather outside parliament on Monday. — Photo: File"
    assert run(page(caption, caption)).title is None


@pytest.mark.parametrize(
    "caption",
    [
        "Delegates arrive for talks in the capital on 9 February 2026 (AFP)",
        "A screen at the station shows a broadcast on the launch on Tuesday. (Yonhap)",
        "The minister addresses a press conference in the capital on Tuesday. — APP",
    ],
)
def test_a_repeated_caption_with_its_credit_loses_to_the_headline(caption):
    head = "Talks on border crossings end without agreement"
    text = page("Home · World · Sport", head, caption, caption)
    assert run(text).title == head


def test_a_repeated_caption_under_a_photo_credit_loses_to_the_headline():
    head = "Talks on border crossings end without agreement"
    caption = "The minister at a press conference in the capital, Tuesday"
    text = page("Home · World · Sport", head, "Photo: Staff / A. B.", caption, caption)
    assert run(text).title == head


def test_html_title_loses_the_site_suffix():
    html = (
        "<html><head><title>Ministers meet in Oslo | The Northern Star</title>"
        '<meta property="og:site_name" content="The Northern Star"></head><body>'
        f"<article><p>{PARA}</p><p>{PARA2}</p></article></body></html>"
    )
    doc = run(html, kind="html")
    assert doc.title == "Ministers meet in Oslo"
    assert doc.outlet == "The Northern Star"


def test_given_title_wins():
    text = page("Local headline printed on the page")
    assert run(text, title="Feed Title").title == "Feed Title"


# --- published -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (("Posted on: 4/22/2019",), "2019-04-22"),
        (("Published: March 3, 2024",), "2024-03-03"),
        (("Tuesday, 3 March 2024 10:15 PM",), "2024-03-03"),
        (("By Ann Lee | 14 February 2023",), "2023-02-14"),
        (("Updated: 5 May 2024", "Published: 2 May 2024"), "2024-05-02"),
        (("Date:",), None),
        (("Monday",), None),
    ],
)
def test_published_from_header_lines(header, expected):
    assert run(page("Budget talks stall in the capital", *header)).published == expected


def test_published_from_a_dateline_date():
    lede = "Geneva, 21st May, 2019"
    assert run(page("Budget talks stall", lede=f"{lede}\n\n{PARA}")).published == "2019-05-21"


def test_dates_inside_the_story_are_not_publication_dates():
    lede = "The minister said on 30th June 2021 that the talks would resume, officials confirmed."
    assert run(page("Budget talks stall", lede=lede)).published is None


def test_render_stamp_at_the_end_is_ignored():
    assert run(page("Budget talks stall", tail=("10/27/2019 6:41:12 PM",))).published is None


def test_day_first_order_comes_from_the_page():
    text = page("Budget talks stall", "Posted: 05/06/2021", tail=("Printed 25/06/2021",))
    assert run(text).published == "2021-06-05"


def test_month_first_is_the_default_for_ambiguous_dates():
    assert run(page("Budget talks stall", "Posted: 05/06/2021")).published == "2021-05-06"


def test_given_date_wins_and_is_normalised():
    doc = run(page("Budget talks stall", "Posted on: 4/22/2019"), published="2024-03-05T10:00:00Z")
    assert doc.published == "2024-03-05"


def test_html_meta_published_time():
    html = (
        '<html><head><meta property="article:published_time" content="2022-11-08T09:00:00Z">'
        f"</head><body><article><p>{PARA}</p><p>{PARA2}</p></article></body></html>"
    )
    assert run(html, kind="html").published == "2022-11-08"


def test_no_date_anywhere_gives_none():
    assert run(page("Budget talks stall")).published is None


# --- outlet ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lede", "tail", "expected"),
    [
        (PARA, (f"{PARA2[:-1]}. — (Daily Courier)",), "Daily Courier"),
        (PARA, ("(IANS)",), "IANS"),
        (PARA, (f"{PARA2} — AFP",), "AFP"),
        (f"NEW DELHI (Reuters) - {PARA}", (), "Reuters"),
        (f"{PARA[:-1]}, Metro News reported.", (), "Metro News"),
        (f"According to the Valley Times, {PARA[0].lower()}{PARA[1:]}", (), "Valley Times"),
        ("The attack was claimed by the Balochistan Liberation Army (BLA).", (), None),
        (f"According to the sources, {PARA[0].lower()}{PARA[1:]}", (), None),
    ],
)
def test_outlet_credits(lede, tail, expected):
    assert run(page("Budget talks stall", lede=lede, tail=tail)).outlet == expected


def test_given_outlet_is_the_fallback():
    assert run(page("Budget talks stall"), outlet="Feed Outlet").outlet == "Feed Outlet"
    credited = page("Budget talks stall", tail=("(IANS)",))
    assert run(credited, outlet="Feed Outlet").outlet == "IANS"


def test_footer_copyright_names_the_site():
    doc = run(page("Budget talks stall", tail=("© 2023 Harbour Gazette. All rights reserved.",)))
    assert doc.outlet == "Harbour Gazette"


# --- dateline --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Springfield, IL: The delegation met officials.", "Springfield, IL"),
        ("Lagos — The minister said.", "Lagos"),
        ("NEW DELHI (Reuters) - Talks resumed.", "New Delhi"),
        ("Quetta, May 12: Schools will close.", "Quetta"),
        ("BEIRUT, March 3 (AP) — Talks resumed.", "Beirut"),
        ("Rio de Janeiro – Police said.", "Rio de Janeiro"),
        ("UPDATE: The minister resigned.", None),
        ("Posted on: 4/22/2019", None),
        ("Dr. Jane Doe, a professor of law, said the court erred.", None),
        ("The minister said: we will not resign.", None),
    ],
)
def test_dateline_shapes(line, expected):
    found = find_dateline(line)
    assert (found.place if found else None) == expected


def test_dateline_of_a_document():
    assert run(page("Budget talks stall", lede=f"Nairobi — {PARA}")).dateline == "Nairobi"
    assert run(page("Budget talks stall")).dateline is None


def test_standalone_dateline_line_gives_place_and_date():
    doc = run(page("Budget talks stall", "Kampala, UG: 4th May, 2022"))
    assert doc.dateline == "Kampala, UG"
    assert doc.published == "2022-05-04"


# --- language --------------------------------------------------------------------------


def test_english_body():
    doc = run(page("Budget talks stall"))
    assert doc.language == "en"
    assert not any("language" in n for n in doc.notes)


def test_non_english_body_is_detected_and_noted():
    text = (
        "Accueil | Monde | Politique\n\n"
        "Le gouvernement a présenté mardi un plan destiné à réduire le chômage des jeunes, qui "
        "prévoit des aides à l'embauche et de nouvelles formations dans les régions.\n\n"
        "Les syndicats ont salué une avancée, tout en demandant des garanties sur le financement.\n"
    )
    doc = run(text)
    assert doc.language == "fr"
    assert any("language 'fr'" in n for n in doc.notes)


def test_short_body_falls_back_to_the_given_language():
    assert run("Home | News\n", language="de-DE").language == "de"
    assert run("Home | News\n").language is None


# --- header furniture ------------------------------------------------------------------


def test_site_name_below_the_menu_is_not_the_title():
    text = page(
        "Saturday, September 18, 2021",
        "Home | National | World | Sport",
        "The Evening Ledger Online",
        "Committee sends budget proposal back to the ministry",
    )
    doc = run(text)
    assert doc.title == "Committee sends budget proposal back to the ministry"
    assert doc.published is None  # the date above the menu is the site's "today"


def test_dotted_dates_are_day_first():
    assert run(page("Budget talks stall", "Veröffentlicht: 05.06.2024")).published == "2024-06-05"


def test_acronym_credit_is_spelled_out_from_the_page():
    text = page(
        "Harbour Wire Agency | World | Markets",
        "Budget talks stall",
        lede=f"KELDOR, March 10 (HWA) — {PARA}",
    )
    assert run(text).outlet == "Harbour Wire Agency"


def test_interview_credit_is_the_last_resort():
    lede = f"{PARA[:-1]}, the minister told the Coastal Herald."
    assert run(page("Budget talks stall", lede=lede)).outlet == "Coastal Herald"
    assert run(page("Budget talks stall", lede=lede), outlet="Feed").outlet == "Feed"


def test_wire_dateline_without_a_dash():
    found = find_dateline("NEW DELHI, March 3 (IANS) China and India agreed to resume patrols.")
    assert found is not None
    assert (found.place, found.agency) == ("New Delhi", "IANS")


def test_copyright_word_and_sign_together():
    doc = run(page("Budget talks stall", tail=("Copyright © 2021 The Coastal Herald",)))
    assert doc.outlet == "The Coastal Herald"


def test_bare_date_above_the_headline_is_the_sites_today():
    text = page("Friday, 18 September 2021", "Menu", "Committee sends budget back to ministry")
    assert run(text).published is None
    below = page("Committee sends budget back to ministry", "Friday, 17 September 2021")
    assert run(below).published == "2021-09-17"


WORDPRESS = """\
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Senate panel rejects nominee for central bank - Harbor Daily</title>
<meta property="og:site_name" content="Harbor Daily">
<meta property="og:title" content="Senate panel rejects nominee for central bank">
<meta name="author" content="Lee Park">
<script type="application/ld+json">{"@type":"NewsArticle",
"datePublished":"2023-05-09T08:00:00+00:00",
"dateModified":"2023-05-10T12:00:00+00:00"}</script>
</head><body>
<div id="cookie-notice">We use cookies on our website. By clicking accept, you consent to the use
of ALL the cookies. <a>Accept</a></div>
<header><div class="logo">Harbor Daily</div><ul class="menu"><li><a href="/">Home</a></li><li><a
href="/politics">Politics</a></li><li><a href="/business">Business</a></li></ul></header>
<main><article class="post">
<h1 class="entry-title">Senate panel rejects nominee for central bank</h1>
<div class="meta">By <a>Lee Park</a> | <time datetime="2023-05-09">May 9, 2023</time></div>
<div class="entry-content">
<p><strong>CAPITAL CITY —</strong> A Senate committee on Tuesday rejected the government's nominee
to lead the central bank, dealing a blow to the finance minister who had backed the
appointment.</p>
<div class="wp-caption"><img src="n.jpg"><p class="wp-caption-text">The nominee arrives for the
hearing. (Photo: Harbor Daily)</p></div>
<p>Seven of the committee's eleven members voted against the candidate, citing concerns about his
independence from the ruling party.</p>
<div class="ad">Advertisement</div>
<p>The finance minister said the government would put forward a new name within weeks and accused
the opposition of "playing politics with the economy".</p>
<p>The opposition denied the charge.</p>
<div class="sharedaddy"><h3>Share this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>
<div class="jp-relatedposts"><h3>Related</h3><p><a>Finance minister defends budget</a> May 2, 2023
In "Politics"</p></div>
</div></article>
<div id="comments"><h3>2 thoughts on "Senate panel rejects nominee"</h3><p>Great reporting, thanks
for keeping us informed about this.</p></div>
</main>
<footer><p>© 2023 Harbor Daily. All rights reserved.</p></footer>
</body></html>
"""


def test_wordpress_page_body_and_metadata():
    doc = run(WORDPRESS, kind="html")
    assert doc.title == "Senate panel rejects nominee for central bank"
    assert doc.published == "2023-05-09"  # datePublished, not dateModified
    assert doc.outlet == "Harbor Daily"
    assert doc.dateline == "Capital City"
    assert doc.body.startswith("CAPITAL CITY — A Senate committee on Tuesday rejected")
    assert "The opposition denied the charge." in doc.body
    for junk in (
        "cookies",
        "Advertisement",
        "Photo:",
        "Share this",
        "Related",
        "Great reporting",
        "All rights reserved",
        "Senate panel rejects nominee",
    ):
        assert junk not in doc.body


VISIBLE_DATE_HTML = """<html><head><title>Port deal signed - Bay Times</title></head><body>
<nav>Home | World | Sport</nav><h1>Port deal signed</h1>
<div class=meta>Published: 7 April 2023</div>
<article><p>HARBOUR CITY — The two governments signed an agreement on Friday to expand the
container port, officials said, ending months of talks over financing.</p>
<p>The deal will double the port capacity within five years, according to the transport
ministry, which said construction would begin in the autumn.</p>
<p>Opposition lawmakers criticised the cost of the project and demanded to see the full
contract. (Bay Times)</p></article>
<footer>Page printed 12/05/2023 10:00</footer></body></html>"""


def test_html_date_printed_in_the_page_and_credit_in_the_text():
    doc = run(VISIBLE_DATE_HTML, kind="html")
    assert doc.published == "2023-04-07"  # not the print stamp in the footer
    assert doc.outlet == "Bay Times"
    assert doc.dateline == "Harbour City"
    assert doc.title == "Port deal signed"


def test_crawl_time_is_never_a_publication_date():
    text = page("Budget talks stall")
    assert run(text, crawled="2024-06-01T12:00:00Z").published is None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80), st.sampled_from(LINES)), max_size=20))
def test_extract_never_crashes_and_dates_are_iso(page_lines):
    doc = run("\n".join(page_lines))
    assert doc.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.published)
    assert doc.title is None or doc.title in " ".join("\n".join(page_lines).split())


# --- the site's own name against cited outlets and publishing companies ----------------


CITING = """\
The Harbour Ledger
World | Region | Business | Opinion | Sport
Sign in   Subscribe

Border crossing closed after clashes

Published: June 4, 2024

Coastal City: Border guards of the two countries exchanged fire overnight near the main \
crossing, leaving one guard dead, officials said.

According to the Valley Times, the crossing was closed on Tuesday after guards of one side \
began building a post on disputed land. Hundreds of lorries are stranded, the paper said.

Elders from both sides met officials on Wednesday to try to reopen the crossing, Metro News \
reported, citing local officials.

Related
  Trade talks resume in the capital

Follow The Harbour Ledger on WhatsApp.
Copyright 2024 Ledger Holdings Publishing LLC. All rights reserved.
"""


def test_outlets_cited_inside_the_story_are_not_the_publisher():
    assert run(CITING).outlet == "The Harbour Ledger"


def test_site_name_beats_the_publishing_company_in_the_footer():
    text = CITING.replace("Follow The Harbour Ledger on WhatsApp.\n", "")
    text = text.replace("The Harbour Ledger\n", "The Seaview Post\n")
    assert run(text).outlet == "The Seaview Post"  # a masthead that reads like a paper


def test_company_footer_is_used_when_the_page_has_no_masthead():
    text = page("Budget talks stall", tail=("© 2024 Ledger Holdings LLC. All rights reserved.",))
    assert run(text).outlet == "Ledger Holdings LLC"


def test_short_headline_at_the_top_is_not_a_masthead():
    head = "Budget Talks Stall Again"
    assert run(page(head, head, "Posted on: 4/22/2019")).outlet is None


@pytest.mark.parametrize(
    ("credit", "expected"),
    [("— Harbourline.com", "Harbourline"), ("— Harbourline.co.uk", "Harbourline")],
)
def test_domain_style_credit_drops_its_ending(credit, expected):
    assert run(page("Budget talks stall", tail=(credit,))).outlet == expected


SITE_WITH_COUNTRY = """<html><head><title>Port deal signed | Lakeside Times Kenya</title>
<meta property="og:site_name" content="Lakeside Times Kenya"></head><body>
<nav>Home | News | <a>Support LAKESIDE TIMES' reporting</a></nav><h1>Port deal signed</h1>
<article><p>HARBOUR CITY — The two governments signed an agreement on Friday to expand the
container port, officials said, ending months of talks over financing.</p>
<p>The deal will double the port capacity within five years, according to the transport
ministry, which said construction would begin in the autumn.</p></article></body></html>"""


def test_site_name_drops_a_country_the_page_itself_leaves_out():
    assert run(SITE_WITH_COUNTRY, kind="html").outlet == "Lakeside Times"
    always_full = SITE_WITH_COUNTRY.replace("LAKESIDE TIMES'", "the newsroom's")
    assert run(always_full, kind="html").outlet == "Lakeside Times Kenya"


def test_date_line_followed_by_a_relative_update_is_the_publication_date():
    stamp = "March 3, 2024 6:12 PM GMT+9  Updated 3 hours ago"
    text = page("Budget talks stall", "By Staff", stamp)
    assert run(text).published == "2024-03-03"
    only_update = page("Budget talks stall", "Updated: 5 May 2024 06:15 IST")
    assert run(only_update).published == "2024-05-05"  # the one date the page states


@settings(max_examples=80, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_tidied_outlet_is_a_non_empty_start_of_the_name(name):
    from newsledger.metadata.sitename import tidy

    out = tidy(name, [])
    assert out and name.startswith(out)


@pytest.mark.parametrize("top", ["By Jordan Vale", "Latest News", "World"])
def test_byline_or_section_label_at_the_top_is_not_a_masthead(top):
    text = page(top, "Budget talks stall", tail=(f"More from {top.removeprefix('By ')} here",))
    assert run(text).outlet is None


@pytest.mark.parametrize(
    ("body", "starts"),
    [
        ("HARBOUR CITY (Wire) - Dock workers ended a strike.", "Dock workers"),
        ("COASTAL REGION\n\nPORTO VELL, Varnesia — Two ships collided on Sunday.", "Two ships"),
        ("The minister spoke in Porto Vell on Monday about the budget and taxes.", "The minister"),
    ],
)
def test_the_story_starts_after_a_dateline_even_below_a_kicker(body, starts):
    from newsledger.metadata.dateline import prefix_end

    assert body[prefix_end(body) :].startswith(starts)


def test_menu_rows_and_site_branding_are_not_headlines():
    head = "Minister recalls ambassador after aid cut; troops sent to border"
    text = page(
        "HARBOUR POST | English Edition",
        "Varnesia  Tarsia  Region  Economy  Security  Opinion  Podcasts",
        head,
        "The minister said relations would not be broken, as troops moved to the border",
        "By Ana Ruiz | Harbour Post",
        "October 21, 2025 - 6:40 pm",
        lede="The minister recalled the ambassador on Tuesday after the aid cut was announced, "
        "and the government said troops had been sent to the border region overnight.",
    )
    doc = run(text)
    assert doc.title == head
    assert doc.published == "2025-10-21"  # below a standfirst that opens the article
