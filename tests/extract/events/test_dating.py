"""Date attachment: which temporal expression dates which event, and what a sentence inherits."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from eventgraph.extract.events.dating import attach_dates
from eventgraph.extract.events.detect import detect
from eventgraph.extract.events.mention import Mention
from eventgraph.extract.nlp import load

DCT = date(2022, 3, 16)  # a Wednesday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def dated(nlp: Language, text: str, dct: date = DCT) -> list[Mention]:
    doc = nlp(text)
    found = detect(doc, "doc.txt")
    attach_dates(doc, found, dct)
    return found


def day(mention: Mention) -> str | None:
    return mention.date.start.isoformat() if mention.date else None


CASES = [
    # sentence-initial timex dates the main clause
    ("On Monday, the Kremlin warned Kyiv against any escalation.", "statement", "2022-03-14"),
    # a weekday without "on" after a past reporting verb is the previous one
    ("Austin told lawmakers Thursday that the strikes were lawful.", "statement", "2022-03-10"),
    # the timex of a noun trigger is its own
    ("A March 2 attack on the embassy wounded three guards.", "other_attack", "2022-03-02"),
    # coordinated events share the date of their clause
    ("The envoy visited Kabul last week and urged the Taliban to reopen schools.", "visit", "2022-03-07"),
    ("The envoy visited Kabul last week and urged the Taliban to reopen schools.", "statement", "2022-03-07"),
    # a timex between the reporting verb and its complement dates the report
    (
        "The minister told reporters on Tuesday he raised the issue in a call with Erdogan.",
        "statement",
        "2022-03-15",
    ),
    # ...but not the call reported in the complement
    (
        "The minister told reporters on Tuesday he raised the issue in a call with Erdogan.",
        "phone_call",
        None,
    ),
    # a statement made in a dated call has the call's date
    ("Biden asked Scholz in a phone call Monday to halt the pipeline.", "statement", "2022-03-14"),
    ("Biden asked Scholz in a phone call Monday to halt the pipeline.", "phone_call", "2022-03-14"),
    # a dated circumstance that is no event dates the main clause
    ("Asked about the report on Tuesday, the spokesman confirmed two arrests.", "statement", "2022-03-15"),
    # vague words give no date, never the publication date
    ("A senior official recently told the BBC that the talks had stalled.", "statement", None),
    # a plain report with no time of its own was made by the publication day
    ("The ministry said the border crossing remained closed.", "statement", "2022-03-16"),
    # ...but habitual speaking and the story's own past are not placed on that day
    ("The opposition has repeatedly accused the government of fraud.", "statement", None),
    ("The envoy then warned the militias against new attacks.", "statement", None),
    # a call the report tells as such, in its own words or a plain "..., officials said", is of that day
    (
        "The foreign minister also held a phone conversation with his Greek counterpart.",
        "phone_call",
        "2022-03-16",
    ),
    (
        "The minister discussed the border with his Greek counterpart in a phone call, officials said.",
        "phone_call",
        "2022-03-16",
    ),
    # ...but a call that is only the circumstance of another event has no known date
    ("The envoy made the allegations after he spoke with the Iraqi prime minister.", "phone_call", None),
    # news told first and attributed after is of the dated report's day ...
    (
        "Six insurgents were killed in an attack on a checkpoint, officials said on Monday.",
        "other_attack",
        "2022-03-14",
    ),
    (
        "Gunmen attacked a police post, killing two officers, the ministry said Tuesday.",
        "other_attack",
        "2022-03-15",
    ),
    ("Rebels attacked the convoy, according to a statement released Tuesday.", "other_attack", "2022-03-15"),
    # ... but not what the report says had happened before it
    ("Gunmen had attacked a police post, the ministry said on Tuesday.", "other_attack", None),
    (
        "Twenty people were detained after gunmen attacked a police post, officials said on Tuesday.",
        "other_attack",
        None,
    ),
    # ... nor what is habitual, nor a participant's own past
    ("Militants have repeatedly attacked the town, officials said on Monday.", "other_attack", None),
    ("The rebels, who attacked the town, were arrested, police said on Monday.", "other_attack", None),
    # a date opening the sentence dates all it tells, whatever the parser hung it from ...
    (
        "On 7 March, supporters blocked roads in the city; police fired live rounds, killing 3 protesters.",
        "other_attack",
        "2022-03-07",
    ),
    # ... but not what someone is said to have done
    ("On Monday, the ministry said rebels attacked a convoy.", "other_attack", None),
    # a time closing the last of coordinated verbs dates them all
    ("Militants killed two soldiers and wounded five others on Monday.", "other_attack", "2022-03-14"),
    ("Rebels shelled the town and attacked a checkpoint on Monday.", "other_attack", "2022-03-14"),
    # a present participle of the clause's object goes on at the clause's time ...
    ("Gunmen attacked two trucks heading to the border on Saturday.", "other_attack", "2022-03-12"),
    # ... a past one has its own
    ("A militia formed in 2014 attacked the base.", "other_attack", None),
    # a saying told as what came before another event is no report of the day
    ("Protesters took to the streets after the president announced the mobilization.", "statement", None),
    # what a "since"/"after" clause tells came before the dated main clause: not of its day
    (
        "The two presidents spoke on Wednesday for the first time since Russia invaded Ukraine.",
        "other_attack",
        None,
    ),
    # the day, not a bare clock time read as today, dates the event
    ("Rebels attacked the base at 3 a.m. (0100 GMT) on Saturday.", "other_attack", "2022-03-12"),
    # the current period closing the purpose clause of a deed done is the deed's
    ("Portugal began sending 60 instructors to train marines this month.", "deployment", "2022-03-01"),
    # what a deed is about has its own date: not the arrest's
    ("Police arrested two men over the weekend's shooting.", "legal_action", None),
    # what a statement accuses someone of is not of the statement's day
    ("The ministry, in a statement late Monday, accused Russia of shelling the town.", "other_attack", None),
    # a deed done "this weekend", told on a weekday, was the weekend just past
    ("Rebels attacked the base this weekend.", "other_attack", "2022-03-12"),
    # explicit years stay
    ("The militia attacked the base in January 2020.", "other_attack", "2020-01-01"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "event_type", "expected"), CASES)
def test_date_attachment(nlp: Language, sentence: str, event_type: str, expected: str | None) -> None:
    found = [m for m in dated(nlp, sentence) if m.type == event_type]
    assert found, sentence
    assert day(found[0]) == expected


@pytest.mark.slow
def test_quote_attribution_inherits_the_speakers_date(nlp: Language) -> None:
    text = (
        "General Austin said on Monday that Russia had miscalculated.\n\n"
        "The Pentagon released new satellite images.\n\n"
        "“Their logistics are failing,” Austin told a briefing, “and morale is low.”"
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == ["2022-03-14", "2022-03-14"]


@pytest.mark.slow
def test_no_date_carried_to_another_speaker(nlp: Language) -> None:
    """Milley's warning is a plain report: dated to publication, not to Austin's Monday."""
    text = "On Monday, Austin warned Moscow.\n\nGeneral Milley also warned Russia against further attacks."
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == ["2022-03-14", DCT.isoformat()]


@pytest.mark.slow
def test_readout_of_the_call_has_the_call_date(nlp: Language) -> None:
    text = (
        "Scholz held a phone conversation with Putin on Sunday.\n\n"
        "According to a readout of the call, Scholz demanded a ceasefire."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == ["2022-03-13"]


@pytest.mark.slow
def test_relative_date_counts_from_the_anchor_event(nlp: Language) -> None:
    text = (
        "Last Wednesday, the airport was attacked with six rockets.\n\n"
        "On Friday, two days after the attack, the ministry published a report."
    )
    found = dated(nlp, text)
    assert [(m.type, day(m)) for m in found] == [("rocket_attack", "2022-03-09"), ("statement", "2022-03-11")]


@pytest.mark.slow
def test_third_party_comment_on_a_call_falls_between_call_and_publication(nlp: Language) -> None:
    text = (
        "Scholz held a phone conversation with Putin on Sunday.\n\n"
        "Kremlin spokesman Dmitry Peskov criticised a German readout of the conversation."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert statements[0].date is not None
    assert (statements[0].date.start.isoformat(), statements[0].date.end.isoformat()) == (
        "2022-03-13",
        "2022-03-16",
    )


@pytest.mark.slow
def test_according_to_the_source_continues_its_report(nlp: Language) -> None:
    text = (
        "The BBC reported that the envoy visited Kabul last month and urged the Taliban to talk.\n\n"
        "According to the BBC, the Taliban rejected the offer."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements][-1] == "2022-02-01"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "start", "end"),
    [
        # A dated dateline is the report's own day: its weekdays count back from it, not from publication.
        (
            "LONDON, March 3 (Reuters) - Britain's foreign minister said on Thursday the talks had failed.",
            "said",
            date(2024, 2, 29),
            date(2024, 2, 29),
        ),
        # "overnight" is the night before the report's day.
        (
            "KYIV, March 5 (Reuters) - Russian drones struck Odesa overnight.",
            "struck",
            date(2024, 3, 4),
            date(2024, 3, 5),
        ),
        (
            "Four soldiers were wounded in an overnight explosion.",
            "explosion",
            date(2024, 3, 6),
            date(2024, 3, 7),
        ),
        # ... and so is a deed coordinated with the one done overnight
        (
            "Soldiers and police detained three suspects overnight and seized rifles and a pickup.",
            "seized",
            date(2024, 3, 6),
            date(2024, 3, 7),
        ),
        # A weekday inside a longer phrase is the week's own weekday.
        (
            "Rockets hit the base in the early hours of Tuesday morning.",
            "hit",
            date(2024, 3, 5),
            date(2024, 3, 5),
        ),
    ],
)
def test_report_day_anchors(nlp: Language, text: str, trigger: str, start: date, end: date) -> None:
    mentions = dated(nlp, text, date(2024, 3, 7))
    (m,) = [m for m in mentions if m.trigger == trigger]
    assert m.date is not None and (m.date.start, m.date.end) == (start, end)


@pytest.mark.slow
def test_relative_clause_of_the_agent_shares_the_report_date(nlp: Language) -> None:
    """ "On 30 January 2020, a child was killed by a mortar round that hit a house": the round's
    relative clause tells the attack, dated by the sentence's own date."""
    mentions = dated(
        nlp, "On 30 January 2020, a child was killed by a mortar round that hit a house.", date(2020, 2, 6)
    )
    (attack,) = [m for m in mentions if m.type != "statement"]
    assert attack.date is not None and attack.date.start == attack.date.end == date(2020, 1, 30)


def test_what_the_parties_agreed_after_a_call_has_the_call_date(nlp: Language) -> None:
    """ "They also agreed ..." and "The envoys denounced ..." after a call on Sunday were said in it."""
    text = (
        "The envoy spoke by phone on Sunday with his Japanese counterpart.\n\n"
        "The envoys denounced the launch as a violation of the resolutions.\n\n"
        "They also agreed to keep close tabs on the minister's trip."
    )
    mentions = dated(nlp, text)
    later = [m for m in mentions if m.type in ("statement", "agreement")]
    assert later and all(day(m) == "2022-03-13" for m in later), [(m.type, day(m)) for m in later]


def test_another_speaker_ends_the_account_of_a_call(nlp: Language) -> None:
    """A named speaker who took no part in the call speaks on the day of the report."""
    text = (
        "The envoy spoke by phone on Sunday with his Japanese counterpart.\n\n"
        "Kim Yo Jong said the drills were a provocation."
    )
    (statement,) = [m for m in dated(nlp, text) if m.type == "statement"]
    assert day(statement) == "2022-03-16"


def test_relative_clause_of_a_participant_keeps_its_own_date(nlp: Language) -> None:
    """ "Mesa, who finished second in the Oct. 20 vote, rejected ...": the vote's date is not the remark's."""
    text = "Carlos Mesa, the former president who finished second in the Oct. 20 vote, rejected the word."
    (statement,) = [m for m in dated(nlp, text, date(2019, 11, 11)) if m.type == "statement"]
    assert day(statement) == "2019-11-11"


@pytest.mark.slow
def test_anchor_clause_is_dated_back_from_the_main_clause(nlp: Language) -> None:
    """ "The attack came a day after the group said ...": the saying lies a day before the attack."""
    text = (
        "Rebel drones struck a fuel depot in the port city on Tuesday.\n\n"
        "The attack came a day after the rebels said they had fired drones at an air base."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == ["2022-03-14"]


@pytest.mark.slow
def test_present_tense_report_is_not_told_of_the_talks_above(nlp: Language) -> None:
    text = (
        "Regional leaders held a summit in the capital on March 8 and agreed to send a mission.\n\n"
        "The UN refugee agency says nearly 70,000 people have fled the town since the attack."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == [DCT.isoformat()]


@pytest.mark.slow
def test_two_days_joined_by_and_date_one_mention_as_a_range(nlp: Language) -> None:
    found = dated(nlp, "On Monday and Tuesday, demonstrators returned to the square in larger numbers.")
    protests = [m for m in found if m.type == "protest"]
    assert [(p.date.start.isoformat(), p.date.end.isoformat()) for p in protests if p.date] == [
        ("2022-03-14", "2022-03-15")
    ]


@pytest.mark.slow
def test_the_deadline_of_a_threat_is_not_when_it_was_made(nlp: Language) -> None:
    found = dated(
        nlp, "The teachers' union has threatened a national strike from Monday if pay is not raised."
    )
    assert [day(m) for m in found if m.type == "statement"] == [DCT.isoformat()]


@pytest.mark.slow
def test_remark_at_the_same_briefing_has_its_date(nlp: Language) -> None:
    text = (
        "The interior minister warned rioters at a press conference on Monday that the army was ready.\n\n"
        '"We will not leave the city to criminals," the prime minister said at the same briefing, '
        "adding that he had spoken with the mayor."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == ["2022-03-14", "2022-03-14"]


@pytest.mark.slow
def test_claiming_an_attack_already_told_dates_the_claim(nlp: Language) -> None:
    found = dated(nlp, "The Islamic State claimed the attack on March 9.")
    assert [(m.type, day(m)) for m in found] == [("statement", "2022-03-09")]


@pytest.mark.slow
def test_same_day_opener_takes_the_day_named_before(nlp: Language) -> None:
    """ "Hours later, ..." happened on the day the text last named."""
    text = (
        "Rebels shelled the town on Monday.\n\n"
        "Hours later, warplanes struck rebel positions near the border, state television reported."
    )
    found = {m.type: day(m) for m in dated(nlp, text)}
    assert found["airstrike"] == "2022-03-14"
    assert "statement" not in found  # the outlet's trailing attribution is the source, no statement


@pytest.mark.slow
def test_early_in_the_day_is_the_narrated_day(nlp: Language) -> None:
    text = "The president was forced out on Sunday.\n\nEarly in the day, observers said they had found fraud."
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == ["2022-03-13"]


@pytest.mark.slow
def test_event_after_a_day_after_counts_back_from_the_dated_main_clause(nlp: Language) -> None:
    """ "announced Wednesday, a day after X fired": X is the day before Wednesday."""
    text = "The talks were announced on Wednesday, two days after the rebels fired rockets at the airport."
    attacks = [m for m in dated(nlp, text) if m.type.endswith("attack")]
    assert [day(m) for m in attacks] == ["2022-03-14"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "span"),
    [
        # what a "since" clause's date counts from runs to the day of writing ...
        (
            "Since fighting erupted on Sunday, rebels have attacked three army posts.",
            "other_attack",
            ("2022-03-13", "2022-03-16"),
        ),
        # ... and so do the clashes that only began that day
        (
            "The monitor said that since clashes erupted on Sunday, 40 people were killed.",
            "other_attack",
            ("2022-03-13", "2022-03-16"),
        ),
        # ... but an event the clause itself tells happened on its own date
        (
            "The shelling was the worst since the two armies agreed to a ceasefire in 2003.",
            "agreement",
            ("2003-01-01", "2003-12-31"),
        ),
    ],
)
def test_since_clause(nlp: Language, text: str, event_type: str, span: tuple[str, str]) -> None:
    found = [m for m in dated(nlp, text) if m.type == event_type]
    assert found and found[0].date is not None, text
    assert (found[0].date.start.isoformat(), found[0].date.end.isoformat()) == span


@pytest.mark.slow
def test_next_words_continue_a_dated_attribution(nlp: Language) -> None:
    """ "..., a monitoring group said Tuesday." then "..., said the group, OVD-Info.": the same
    source's next report is of Tuesday, though the first attribution is no statement of its own."""
    text = (
        "More than 300 people were detained across the country, "
        "an independent monitoring group said Tuesday.\n\n"
        "More than 100 protesters were taken into custody in the capital, said the group, OVD-Info."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert statements and [day(m) for m in statements] == ["2022-03-15"]


@pytest.mark.slow
def test_an_adverb_of_a_name_does_not_date_the_clause(nlp: Language) -> None:
    """ "(formerly Twitter)" is no vague time of the post: the report keeps the publication day."""
    text = "The presidency explained the decision in a post on X (formerly Twitter)."
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == [DCT.isoformat()]


@pytest.mark.slow
def test_overnight_is_the_night_before_the_report_it_continues(nlp: Language) -> None:
    """ "..., he said" after a briefing on Tuesday: the night before Tuesday, not before publication."""
    text = (
        "The security minister told reporters on Tuesday that troops had been sent to the region.\n\n"
        "Soldiers and police detained three suspects overnight and seized rifles, he said."
    )
    arrests = [m for m in dated(nlp, text, date(2022, 3, 17)) if m.type == "legal_action"]
    assert arrests and all(m.date is not None for m in arrests)
    assert {(m.date.start.isoformat(), m.date.end.isoformat()) for m in arrests if m.date} == {
        ("2022-03-14", "2022-03-15")
    }


@pytest.mark.slow
def test_after_clause_counted_back_from_the_main_clause(nlp: Language) -> None:
    """ "The attack came a day after the group said ...": the saying is a day before the dated attack."""
    text = (
        "Rebel drones struck an oil terminal on Tuesday.\n\n"
        "The attack came a day after the rebels said they fired drones at an air base."
    )
    statements = [m for m in dated(nlp, text) if m.type == "statement"]
    assert [day(m) for m in statements] == ["2022-03-14"]


@pytest.mark.slow
def test_pluperfect_span_ends_before_the_day_last_told(nlp: Language) -> None:
    """ "spoke by phone on Sunday. The two had spoken twice earlier this month": before that Sunday."""
    text = (
        "The president spoke by phone with his Turkish counterpart on Sunday.\n\n"
        "The two leaders had spoken twice earlier this month about the case."
    )
    calls = [m for m in dated(nlp, text, date(2022, 3, 22)) if m.type == "phone_call"]
    assert [(m.date.start.isoformat(), m.date.end.isoformat()) for m in calls if m.date] == [
        ("2022-03-20", "2022-03-20"),
        ("2022-03-01", "2022-03-19"),
    ]


@pytest.mark.slow
def test_relative_date_counts_from_the_day_last_named_when_no_event_is_dated(nlp: Language) -> None:
    text = (
        "The ceasefire took effect on 5 March.\n\nTwo days later, rebels attacked a convoy near the border."
    )
    attacks = [m for m in dated(nlp, text) if m.type.endswith("attack")]
    assert [day(m) for m in attacks] == ["2022-03-07"]


@pytest.mark.slow
def test_words_one_party_told_the_other_in_an_undated_call_stay_undated(nlp: Language) -> None:
    """SCHEMA rule 2: words spoken during a call take its date, none when the article gives none."""
    text = (
        "Biden told reporters on Monday he raised the issue in a call with Chancellor Olaf Scholz.\n\n"
        "“We will not accept this,” Scholz told Biden, according to a German statement."
    )
    told = [m for m in dated(nlp, text) if m.type == "statement" and "accept" in m.sentence]
    assert told and [m.date for m in told] == [None]
