"""Reporting text vs page furniture and reader comments, on made-up articles in several publishers' shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventgraph.extract.ingest.clean import body_spans, is_furniture, line_score, title_span

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def kept(text: str, title: str | None = None) -> str:
    return "\n".join(text[a:b] for a, b in body_spans(text, title))


WIRE = """\
Rockets hit air base in western Iraq, no casualties

By Jane Doe and Omar Said, Reuters

BAGHDAD (Reuters) - Three rockets struck an air base hosting US-led coalition troops in western Iraq on \
Tuesday, the Iraqi military said in a statement.

Read more: Drone strike hits militia convoy near Syrian border

No group claimed responsibility for the attack, which came a day after a drone was shot down near the base.

Related: US envoy meets Iraqi leaders in Baghdad

Share this article
Facebook | Twitter | Email

(Reporting by Jane Doe; Editing by John Stone)
© 2021 Example News Agency. All rights reserved.
"""

BLOG = """\
Militia leader detained in Basra raid

Posted on March 3, 2020 at 10:15 am

Iraqi security forces detained a senior militia commander in a raid in Basra on Monday, two security \
officials told reporters, in the first such arrest this year.

The commander's group denied any wrongdoing and called for his immediate release in a statement.

Sign up for our daily newsletter

42 Comments

MarkT_1987
3 years ago
About time someone did something about these guys.
Reply

Sarah Connolly
3 years ago
i dont think this changes anything tbh
Reply
"""

PLAIN_COMMENTS = """\
Minister resigns after protests over power cuts

Iraq's electricity minister resigned on Sunday after weeks of protests over power cuts in the southern \
provinces, the prime minister's office said in a statement.

Protesters had blocked roads and stormed a power station in Nasiriya, according to local officials, \
and demanded that the government fix the grid before the summer heat.

The minister, who took office in 2018, had promised to end the outages by the end of the year.


About time.

Karl Mossberg

lol they will just appoint another thief :)

Ana Ruiz

Why would anyone believe them? I lived there for ten years and nothing changed.

Karl Mossberg

You are right about that one.
"""

ALJAZEERA = """\
Protesters storm consulate in southern Iraq

Hundreds of protesters stormed the Iranian consulate in Karbala overnight, security sources said.

Security forces fired tear gas to disperse the crowd, according to witnesses.

Source: Al Jazeera and news agencies
"""

BIO = """\
Senate panel questions general over troop levels

Lawmakers on Wednesday pressed the commander of US forces in the region over plans to withdraw troops \
from three bases, a hearing that lasted more than three hours.

The general told the committee the drawdown would be complete by the end of the year.

Jane Roe is a staff writer for Defense Daily, covering the Pentagon and Congress.
Follow her on Twitter @janeroe
"""

CAPTION = """\
Iraq's president meets US envoy

Iraqi President Barham Salih receives the US envoy in Baghdad
President Barham Salih and the envoy at the palace, Monday (Photo: Presidency Media Office)

Iraqi President Barham Salih met the US special envoy in Baghdad on Monday to discuss the withdrawal \
of foreign troops, his office said.

Advertisement

The two men also discussed the upcoming elections, the statement said.
"""


@pytest.mark.parametrize(
    ("text", "must_keep", "must_drop"),
    [
        (
            WIRE,
            ["BAGHDAD (Reuters) - Three rockets struck", "No group claimed responsibility"],
            ["By Jane Doe", "Read more:", "Related:", "Share this", "Facebook", "(Reporting by", "©"],
        ),
        (
            BLOG,
            ["Iraqi security forces detained", "called for his immediate release"],
            ["Posted on", "newsletter", "42 Comments", "About time someone", "i dont think", "Reply"],
        ),
        (
            PLAIN_COMMENTS,
            ["electricity minister resigned", "Protesters had blocked", "promised to end the outages"],
            ["About time.", "Karl Mossberg", "lol they", "I lived there", "You are right"],
        ),
        (ALJAZEERA, ["stormed the Iranian consulate", "tear gas"], ["Source:"]),
        (BIO, ["Lawmakers on Wednesday", "drawdown would be complete"], ["Jane Roe is", "Follow her"]),
        (
            CAPTION,
            ["met the US special envoy", "upcoming elections"],
            ["receives the US envoy", "(Photo:", "Advertisement"],
        ),
    ],
    ids=["wire", "blog-comments", "plain-comments", "source-footer", "author-bio", "caption"],
)
def test_body_spans_keep_reporting_and_drop_furniture(
    text: str, must_keep: list[str], must_drop: list[str]
) -> None:
    body = kept(text)
    for phrase in must_keep:
        assert phrase in body
    for phrase in must_drop:
        assert phrase not in body


@pytest.mark.parametrize(
    "line",
    [
        "Read More: US warns Iran against strikes",
        "READ MORE",
        "See also: The militias of Iraq",
        "(RELATED: Biden Admin Announces New Aid Package For Kyiv)",
        "Share:",
        "Share on Facebook",
        "Tweet",
        "Email",
        "In Other News",
        "Load More",
        "By John Smith",
        "By JOHN SMITH, Associated Press",
        "Source: Al Jazeera, News Agencies",
        "Copyright 2019 Example Media",
        "Published 16 December 2019",
        "Updated: Dec 16, 2019 10:14 GMT",
        "Subscribe to our newsletter for the latest news",
        "Advertisement",
        "Omar Said contributed to this report.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Monday, the rockets had hit three bases across the country, officials said.",
        "Three rockets hit the base on Monday.",
        "The ministry said it would share intelligence with its allies.",
        "Related attacks have been reported in Anbar, the spokesman said.",
        "Sources said the convoy was hit twice.",
        "WASHINGTON (AFP) - The Pentagon said on Monday it would send more troops.",
    ],
)
def test_reporting_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_wire_dateline_with_agency_is_no_caption() -> None:
    text = (
        "Title\n\nWASHINGTON (AFP) - The Pentagon said on Monday it would send more troops to the region.\n"
    )
    assert "The Pentagon said" in kept(text)


@pytest.mark.parametrize(
    ("line", "comment_like", "anchor"),
    [
        ("Jens Doe", True, 1),
        ("john_doe77", True, 1),
        ("3 years ago", True, 1),
        ("Reply", True, 1),
        ("December 17, 2019 at 3:45 pm", True, 1),
        ("Comments are closed.", True, 1),
        ("i dont see why anyone would believe them lol", True, 0),
        (
            "The ministry said the attack killed three soldiers and wounded two civilians near the border.",
            False,
            0,
        ),
        ("Abdul Mahdi’s Remarks", True, 0),  # a short fragment, but no commenter name
        ("Iranian influence", True, 0),
        ("What Comes Next", True, 0),
    ],
)
def test_line_score(line: str, comment_like: bool, anchor: int) -> None:
    score, is_anchor = line_score(line)
    assert (score > 0, is_anchor) == (comment_like, anchor)


def test_subheadings_do_not_start_a_comment_section() -> None:
    para = (
        "The ministry said the attack killed three soldiers and wounded two civilians near the border town."
    )
    parts = ["Title", para, "Background Briefing", para, para, "Regional Reaction", para, para]
    text = "\n\n".join(parts)
    assert kept(text).count("The ministry said") == 5


def test_comments_only_file_has_no_body() -> None:
    text = "Some headline\n\nJens Doe\n\nGreat article!\n\nAnna Berg\n\ni dont agree with u at all\n\nReply\n"
    assert kept(text) == ""


@pytest.mark.parametrize(
    ("text", "title", "span"),
    [
        ("Headline here\n\nBody.", None, (0, 13)),
        ("\n  Headline here  \nBody.", None, (3, 16)),
        ("Headline here\n\nBody.", "headline  HERE", (0, 13)),
        ("Body first line.\nMore.", "Another title", None),
        ("Body first line.\nMore.", "", None),
        ("", None, None),
    ],
)
def test_title_span(text: str, title: str | None, span: tuple[int, int] | None) -> None:
    assert title_span(text, title) == span


def test_title_is_not_in_the_body_and_offsets_index_raw_text() -> None:
    text = "Headline\r\n\r\n  Rockets hit the base on Monday, officials said.  \r\n"
    spans = body_spans(text)
    assert [text[a:b] for a, b in spans] == ["Rockets hit the base on Monday, officials said."]


def test_wrapped_paragraph_is_one_span() -> None:
    text = "Title\n\nRockets hit the base on Monday,\nofficials said on Tuesday.\n\nA second paragraph.\n"
    assert [text[a:b] for a, b in body_spans(text)] == [
        "Rockets hit the base on Monday,\nofficials said on Tuesday.",
        "A second paragraph.",
    ]


@pytest.mark.parametrize("text", ["", "\n\n", "x", "\x00\x01", "Title only", "a\n" * 1000, "“" * 500])
def test_bad_text_does_not_crash(text: str) -> None:
    for a, b in body_spans(text):
        assert 0 <= a < b <= len(text)


def test_seed_004_comment_section_dropped() -> None:
    text = (SEEDS / "004_a9f39a774eb31046.txt").read_text(encoding="utf-8")
    body = kept(text)
    assert body.endswith(
        "Even the Iraqi government has repeatedly called for the US to withdraw forces from the country."
    )
    assert text.index("Saigon moment coming soon.") > max(b for _, b in body_spans(text))


def test_seed_furniture_dropped_and_reporting_kept() -> None:
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert "Read More:" not in kept(texts["000"])
    assert "[File:" not in kept(texts["001"]) and "Source: Al Jazeera" not in kept(texts["001"])
    assert "Shawn Snow is" not in kept(texts["002"]) and "In Other News" not in kept(texts["002"])
    assert "Read more:" not in kept(texts["003"]) and "Comments are closed" not in kept(texts["003"])
    assert kept(texts["002"]).startswith("The call from Esper follows")


@pytest.mark.parametrize(
    "line",
    [
        "The two sides sought to close the gap.",
        "An Iraqi security official told AFP",
        "The photo was taken by a soldier at the base, officials said.",
    ],
)
def test_reporting_lines_ending_like_credits_are_kept(line: str) -> None:
    assert line in kept(f"Title\n\n{line}\nA further line of the same paragraph follows here.\n")


def test_kept_line_after_a_dropped_one_in_the_first_block() -> None:
    # news_dev 201 (Rudaw): a date stamp, then the author's name, in one block right after the title.
    title = "Israel kills top IRGC commander in Damascus"
    text = (
        f"{title}\n\n01-04-2024\nKarwan Faidhi Dri\n\n"
        "ERBIL, Kurdistan Region - Israeli strikes on Monday targeted the consular section, media reported.\n"
    )
    assert kept(text, title).split("\n") == [
        "Karwan Faidhi Dri",
        "ERBIL, Kurdistan Region - Israeli strikes on Monday targeted the consular section, media reported.",
    ]


def test_dropped_line_splits_a_block_into_two_spans() -> None:
    text = "Title\n\nRockets hit the base on Monday.\nRead more: other news\nOfficials said so on Tuesday.\n"
    assert [text[a:b] for a, b in body_spans(text)] == [
        "Rockets hit the base on Monday.",
        "Officials said so on Tuesday.",
    ]
