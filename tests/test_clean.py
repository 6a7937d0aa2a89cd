"""Clean stage: the body holds the article and nothing else, on pages of many styles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.clean import clean
from newsledger.document import Document

WIRE = """\
Skip to main content
World | Business | Markets | Politics | Technology
Foreign ministers agree to hold talks on border dispute
By Maria Lopez
March 3, 2024 10:42 AM GMT Updated 2 hours ago
BRUSSELS (Reuters) - The foreign ministers of Armenia and Azerbaijan agreed on Sunday to hold \
direct talks on their disputed border next month, diplomats said.
The two sides have not met in person since the autumn, when talks in Geneva broke down over the \
sequencing of troop withdrawals.
"We expect both delegations to come with concrete proposals," a European Union spokesperson \
told reporters, adding that the bloc was ready to host the meeting.
Armenia's foreign ministry said in a statement it welcomed the announcement.
Reporting by Maria Lopez; Editing by Tom Hale
Related stories
Ceasefire holds along northern frontier as monitors deploy
Monitors from the regional mission began patrols on Friday after weeks of delays, officials said.
Parliament approves new defence budget after heated debate
Lawmakers voted 112 to 40 in favour of the bill, which raises spending by a fifth.
Central bank holds rates steady for third straight meeting
The bank said inflation was easing but warned that risks remained tilted to the upside.
"""

COOKIES = """\
We use cookies to improve your experience on our site. By continuing to browse, you agree to \
our use of cookies and to our privacy policy. Accept

Menu
Home > Politics > Europe

Opposition leader urges snap election after coalition collapse

Published: 14 February 2023

Photo: Reuters/File

The leader of the main opposition party on Tuesday called for an early general election, a day \
after the governing coalition lost its majority in parliament.

Speaking at a rally in the capital, she accused the prime minister of "clinging to power" and \
said voters deserved a say.

The government has rejected the demand, saying a new coalition agreement could be reached \
within weeks.

Analysts said a snap vote would be held in late spring at the earliest.

Share this article
Facebook Twitter WhatsApp Email
Sign up for our newsletter to get the latest headlines delivered to your inbox every morning, \
and manage your preferences at any time.
© 2023 The Daily Courier. All rights reserved.
About us | Contact | Privacy policy | Terms of use
"""

BLOG = """\
My Political Blog
Home About Archive Contact

Why the new trade deal matters for farmers
Why the new trade deal matters for farmers

Posted by admin on June 5, 2022

The trade agreement signed last week between the two countries removes tariffs on most \
agricultural goods, and that is good news for farmers in the north.

Critics argue that the deal favours large exporters. That is true in part, but small \
producers will also gain access to markets that were closed to them for a decade.

The government promised a support fund for farmers who lose out, though it has not said \
how large it will be.

Filed under: Trade, Agriculture

12 Comments

John Smith says:
June 6, 2022 at 9:14 am
I completely disagree with this analysis. The deal will hurt small farmers more than anyone, \
and the government knows it.
Reply

Leave a Reply
Your email address will not be published. Required fields are marked *
"""

WIDGETS = """\
[vc_row][vc_column width="1/2"][td_block_social_counter facebook="page" style="style3"]
logo_img_mobile

Minister rejects claims of secret deal with rebels

Date:

Kabul — The interior minister on Wednesday rejected reports that the government had reached a \
secret agreement with rebel commanders in the north, calling them baseless.

Also Read: Rebels seize border crossing in overnight attack

ADVERTISEMENT

The minister said security forces remained in control of all provincial capitals and urged \
residents not to believe rumours spread on social media.

Officials did not say whether talks with the rebels were planned. — AFP

Follow Example Wire on X and Facebook for the latest updates from the region.

Trending
Kabul traffic chaos as roads close for ceremony
Residents were stuck for hours as police shut the main...
Heavy rain floods low-lying districts
Emergency teams evacuated families from three...
12/11/2021 3:02:11 PM
"""

BIO = """\
Home · Politics · Economy · Opinion

Lawmakers back bill to expand voting access

Lawmakers on Thursday approved a bill that would extend early voting to two weeks and allow \
voters to register on election day.

The measure passed with support from both parties after months of negotiation, and now goes to \
the governor, who has said she will sign it.

Jane Roe is a political correspondent. Follow her on X @janeroe or email jane.roe@example.com.
"""

FRENCH = """\
Accueil | Monde | Politique | Économie

Le gouvernement annonce un plan pour l'emploi des jeunes

Le Premier ministre a présenté mardi un plan destiné à réduire le chômage des jeunes, qui \
prévoit des aides à l'embauche et de nouvelles formations dans les régions.

Selon le gouvernement, le dispositif doit permettre de créer plusieurs dizaines de milliers \
d'emplois d'ici la fin de l'année prochaine.

Les syndicats ont salué une « avancée », tout en demandant des garanties sur le financement.

À lire aussi
Les députés adoptent la réforme des retraites
"""

PAGES = {"wire": WIRE, "cookies": COOKIES, "blog": BLOG, "widgets": WIDGETS, "bio": BIO}

# (page, phrases the body must hold, phrases it must not)
EXPECTED = [
    (
        "wire",
        ["agreed on Sunday to hold direct talks", "We expect both delegations", "welcomed the"],
        [
            "Skip to main content",
            "Markets",
            "By Maria Lopez",
            "10:42",
            "Related stories",
            "Ceasefire holds",
            "Monitors from the regional mission",
            "Lawmakers voted",
            "Central bank holds",
            "Foreign ministers agree to hold talks",
        ],
    ),
    (
        "cookies",
        ["called for an early general election", "clinging to power", "late spring"],
        [
            "We use cookies",
            "Home > Politics",
            "Published:",
            "Photo: Reuters",
            "Share this",
            "Facebook",
            "Sign up for our newsletter",
            "All rights reserved",
            "Privacy policy",
            "Opposition leader urges snap election",
        ],
    ),
    (
        "blog",
        ["removes tariffs on most agricultural goods", "Critics argue", "support fund"],
        [
            "My Political Blog",
            "Archive",
            "Posted by admin",
            "Filed under",
            "Comments",
            "I completely disagree",
            "Reply",
            "Your email address",
            "Why the new trade deal",
        ],
    ),
    (
        "widgets",
        [
            "rejected reports that the government",
            "urged residents not to believe",
            "Officials did not say",
        ],
        [
            "vc_row",
            "td_block",
            "logo_img",
            "Date:",
            "Also Read",
            "ADVERTISEMENT",
            "Trending",
            "Kabul traffic chaos",
            "Heavy rain",
            "3:02:11",
            "Minister rejects claims",
        ],
    ),
    (
        "bio",
        ["extend early voting to two weeks", "goes to the governor"],
        ["Economy", "@janeroe", "Follow her", "Lawmakers back bill"],
    ),
]


def body_of(text: str, kind: str = "text") -> str:
    return clean(Document(source="t", raw=text.encode(), kind=kind, text=text)).body


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("name", "keep", "drop"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_text_dump_keeps_article_and_drops_furniture(name, keep, drop):
    body = flat(body_of(PAGES[name]))
    for phrase in keep:
        assert phrase in body, f"{name}: lost {phrase!r}"
    for phrase in drop:
        assert phrase not in body, f"{name}: kept {phrase!r}"


def test_paragraphs_are_separated_by_blank_lines():
    paragraphs = body_of(WIRE).split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("BRUSSELS (Reuters) - The foreign ministers")


def test_repeated_caption_is_not_body():
    caption = "Police officers stand guard outside the court on Monday. — Photo: File"
    story = (
        "The court adjourned the hearing until next week after the defence asked for more time "
        "to study the evidence submitted by the prosecution."
    )
    body = body_of(f"{caption}\n{caption}\n\n{story}\n\n{story.replace('next', 'last')}\n")
    assert "Photo" not in body and "stand guard" not in body
    assert story in body


def test_french_page_is_cleaned_with_french_stop_words():
    body = flat(body_of(FRENCH))
    assert "plan destiné à réduire le chômage" in body
    assert "garanties sur le financement" in body
    assert "Accueil" not in body and "retraites" not in body and "lire aussi" not in body


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "Officials in the northern province said on Friday that the floods had displaced\n"
        "more than ten thousand people and destroyed hundreds of homes in the valley.\n\n"
        "Rescue teams were still searching for survivors late into the night, a spokesman\n"
        "for the disaster agency said.\n"
    )
    paragraphs = body_of(text).split("\n\n")
    assert len(paragraphs) == 2
    assert "had displaced more than ten thousand" in paragraphs[0]


def test_page_without_prose_has_empty_body_and_a_note():
    doc = clean(Document(source="t", raw=b"x", kind="text", text="Home | News | Sport\nLogin\n"))
    assert doc.body == ""
    assert any("no article text" in n for n in doc.notes)


HTML = """<!doctype html><html><head><title>Talks resume in Geneva | Daily Planet</title>
<meta property="og:title" content="Talks resume in Geneva"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie">We use cookies to give you the best experience. Accept all</div>
<article><h1>Talks resume in Geneva</h1>
<p>GENEVA (Reuters) - Negotiators from both countries met on Tuesday to resume talks that had
stalled for months, officials said.</p>
<figure><img src="a.jpg"><figcaption>Photo: AFP</figcaption></figure>
<p>The foreign minister urged both sides to show restraint and said the government would not
accept new conditions.</p>
<p>The talks are expected to continue next week in the Swiss city, according to a statement.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/x">Markets rally as oil prices fall</a></li></ul></aside>
<footer>Copyright 2024 Daily Planet. All rights reserved.</footer></body></html>"""


def test_html_keeps_paragraphs_and_drops_headline_and_chrome():
    body = body_of(HTML, kind="html")
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("GENEVA (Reuters) - Negotiators")
    assert "urged both sides to show restraint" in body
    assert "next week in the Swiss city" in body
    for junk in ("Talks resume in Geneva", "Photo: AFP", "Markets rally", "Copyright", "cookies"):
        assert junk not in body


def test_html_menu_rows_left_by_trafilatura_are_dropped():
    html = (
        "<html><body><div>Home | News | Sport</div><div>The council voted on Monday to close "
        "the old bridge to traffic after engineers found cracks in two of its supports.</div>"
        "</body></html>"
    )
    body = body_of(html, kind="html")
    assert "voted on Monday to close the old bridge" in body
    assert "Sport" not in body


def test_html_falls_back_to_the_text_classifier_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr("newsledger.clean.html.trafilatura.extract", lambda *a, **k: None)
    body = body_of(HTML, kind="html")
    assert "urged both sides to show restraint" in body
    assert "Home" not in body and "Photo: AFP" not in body and "Markets rally" not in body


def _norm(text: str) -> str:
    return " ".join(text.split())


lines = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "Home | News | Sport",
                "Photo: AFP",
                "Related",
                "Posted on: 4/22/2019",
                "The minister said the talks would resume next week in the capital city.",
                "Short headline here",
                '[shortcode attr="x"]',
                "",
                "Teaser lede that stops in the...",
            ]
        ),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(lines)
def test_cleaner_never_crashes_and_never_invents_text(page_lines):
    text = "\n".join(page_lines)
    body = body_of(text)
    source = _norm(text)
    for line in body.split("\n"):
        if line.strip():
            assert _norm(line) in source
    assert len(re.sub(r"\s", "", body)) <= len(re.sub(r"\s", "", text))


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_html_cleaner_never_crashes(text):
    body = body_of(f"<html><body><p>{text}</p></body></html>", kind="html")
    assert isinstance(body, str)


TEASERS_WITHOUT_HEADING = """\
Regional leaders sign water-sharing pact

Leaders of the three riverside states signed an agreement on Saturday that sets out how much \
water each may draw from the river during the dry season, ending a dispute that lasted a decade.

The pact creates a joint commission that will publish monthly measurements and settle \
complaints, officials said after the ceremony.

Farmers welcome early rains in the south
Farmers in the southern districts said the early rains would save much of the harvest.
Court delays verdict in land case
The court said it needed more time to review the documents submitted by both sides.
City council approves new bus routes
The council voted to add six routes to the network from next month.
"""


def test_teaser_run_without_a_heading_is_not_body():
    body = body_of(TEASERS_WITHOUT_HEADING)
    assert "ending a dispute that lasted a decade" in body
    assert "joint commission" in body
    for teaser in ("early rains", "Court delays", "review the documents", "bus routes"):
        assert teaser not in body


RELATED_BOX_INSIDE = """\
Home | World | Politics

Court orders release of detained activists

The high court on Monday ordered the release of four activists who had been held without \
charge for three weeks, saying their detention violated the constitution.

Related
Activists detained after rally in the capital
Rights groups condemn arrests

The judges said police had failed to present any evidence against the four and ordered the \
interior ministry to explain why they had been held beyond the legal limit of 24 hours.

Lawyers for the activists welcomed the ruling and said they would seek compensation for \
their clients, who had been denied access to their families during their detention.

Comments
This is a great victory for justice and for everyone who campaigned for their release.
"""


def test_a_related_box_inside_the_article_does_not_cut_it():
    body = body_of(RELATED_BOX_INSIDE)
    assert "ordered the release of four activists" in body
    assert "failed to present any evidence" in body
    assert "seek compensation" in body
    for junk in ("Related", "Activists detained after rally", "Rights groups condemn", "victory"):
        assert junk not in body


def test_a_read_more_box_inside_the_article_does_not_cut_it():
    text = RELATED_BOX_INSIDE.replace("\nRelated\n", "\nREAD MORE:\n")
    assert "READ MORE:" in text
    body = body_of(text)
    assert "ordered the release of four activists" in body
    assert "seek compensation" in body
    assert "READ MORE" not in body and "Rights groups condemn" not in body


def test_prose_that_mentions_photos_or_videos_is_kept():
    lines = [
        "The ministry later shared a video by the spokesman on its website, officials said.",
        "Police said the image: a crowd outside the court, was taken on Monday by a bystander.",
    ]
    text = "\n\n".join(lines + [RELATED_BOX_INSIDE.split("\n\n")[2]])
    body = body_of(text)
    assert "shared a video by the spokesman" in body
    assert "the image: a crowd outside the court" in body


SIGN_OFF = """\
Home | World | Markets

Port workers end strike after pay deal

HARBOUR CITY (Wire) - Dock workers at the country's largest port ended a week-long strike on \
Thursday after the operator agreed to raise wages, union leaders said.

The stoppage had left dozens of container ships waiting offshore and disrupted supplies of \
fuel and food to the capital, according to the transport ministry.

(Reporting by Ana Ruiz; Editing by Paul Grant)

Our Pledge: The Example Group Integrity Code.

Read next
Fuel prices rise for second month
"""


def test_site_note_after_a_sign_off_is_not_body():
    body = body_of(SIGN_OFF)
    assert "ended a week-long strike" in body
    assert "disrupted supplies of fuel" in body
    assert "Our Pledge" not in body and "Reporting by" not in body


def test_article_that_goes_on_after_a_sign_off_line_is_kept():
    more = (
        "The union said it would monitor the deal closely and warned that members were ready "
        "to walk out again if the operator failed to pay the first increase next month.\n\n"
        "Shipping companies welcomed the end of the dispute but said clearing the backlog of "
        "vessels waiting to unload would take at least two weeks.\n\n"
    )
    body = body_of(SIGN_OFF.replace("Our Pledge: The Example Group Integrity Code.\n", more))
    assert "monitor the deal closely" in body
    assert "clearing the backlog" in body


def test_cookie_banners_and_bar_credited_captions_are_not_article():
    text = (
        "This site uses cookies. By continuing to navigate, you accept our use of cookies.\n\n"
        "The senator speaks to reporters outside the chamber on Tuesday. | A. Photographer/"
        "Agency Images\n\n" + RELATED_BOX_INSIDE.split("\n\n", 2)[2]
    )
    body = body_of(text)
    assert "cookies" not in body and "Agency Images" not in body
    assert "failed to present any evidence" in body
