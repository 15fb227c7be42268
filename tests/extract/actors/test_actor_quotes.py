"""Pronouns skip people named in quoted speech, as the event step reads it (one quote detector)."""

from __future__ import annotations

from actor_texts import make_doc, make_span

from eventgraph.extract.events.quotes import inside, quote_ranges


def test_a_quote_left_open_to_the_end_of_its_paragraph_is_quoted_speech() -> None:
    text = "Lars Berg spoke.\n“I called Tom Hale, and he left.\nLater he flew home."
    assert inside(quote_ranges(text), text.index("Tom Hale")) is not None
    doc = make_doc(text, [("Lars Berg", "PERSON"), ("Tom Hale", "PERSON")])
    # "he" skips the person named inside the open quote, as the event step treats it as quoted
    actor = doc.resolve(make_span(text, "he", "PRON", 1))
    assert actor is not None and actor.name == "Lars Berg"


def test_a_quote_opened_straight_and_closed_curly_is_quoted_speech() -> None:
    text = 'Lars Berg spoke. "I called Tom Hale,” he said.'
    assert inside(quote_ranges(text), text.index("Tom Hale")) is not None
    doc = make_doc(text, [("Lars Berg", "PERSON"), ("Tom Hale", "PERSON")])
    actor = doc.resolve(make_span(text, "he", "PRON"))
    assert actor is not None and actor.name == "Lars Berg"
