"""The lexicons: each word list once, lists with different jobs kept apart on purpose, no code deps."""

from __future__ import annotations

import ast
from pathlib import Path

from eventgraph.extract import lexicons
from eventgraph.extract.lexicons.descriptors import CONTAINER_HEADS, GROUP_NOUNS
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.organisations import NER_MISSED_ORGS, organisation_lookup
from eventgraph.extract.lexicons.stopwords import CONTENT_STOPWORDS, REPEAT_STOPWORDS
from eventgraph.extract.lexicons.titles import HONORIFICS, RANKS, SENTENCE_TITLE_ABBREVIATIONS

LEXICONS = Path(lexicons.__file__).parent


def test_every_name_the_entity_ruler_adds_is_a_spelling_the_lexicon_knows() -> None:
    assert [name for name in NER_MISSED_ORGS if fold(name) not in organisation_lookup()] == []


def test_the_sentence_splitter_knows_every_abbreviated_honorific() -> None:
    abbreviated = {h for h in HONORIFICS if h.endswith(".")}
    assert abbreviated
    assert {h for h in abbreviated if h.title() not in SENTENCE_TITLE_ABBREVIATIONS} == set()
    assert {"Cmdr.", "Lt.Gen."} <= SENTENCE_TITLE_ABBREVIATIONS
    assert "president" in HONORIFICS and "president" not in RANKS  # an office word, not a rank


def test_group_lists_share_the_armed_group_core_and_differ_by_job() -> None:
    assert {"militias", "groups", "factions", "rebels"} <= GROUP_NOUNS & CONTAINER_HEADS
    assert "officials" in GROUP_NOUNS and "officials" not in CONTAINER_HEADS  # a crowd, no member groups
    assert "coalition" in CONTAINER_HEADS and "coalition" not in GROUP_NOUNS  # has members, is no actor


def test_stopword_lists_share_their_core() -> None:
    assert {"the", "of", "us"} <= REPEAT_STOPWORDS & CONTENT_STOPWORDS
    assert {"u", "s"} <= REPEAT_STOPWORDS  # the pieces "U.S." splits into


def test_lexicons_import_nothing_of_extract_outside_the_package() -> None:
    outside: list[str] = []
    for path in sorted(LEXICONS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            outside += [
                f"{path.name}: {n}"
                for n in names
                if n.startswith("eventgraph.extract.") and not n.startswith("eventgraph.extract.lexicons")
            ]
    assert outside == []
