"""The nationality adjectives derived from the Phoenix country dictionary (scripts/derive_demonyms.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from eventgraph.extract.lexicons.countries import country_adjective, demonym_lookup, derived_demonyms

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "derive_demonyms.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("derive_demonyms", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_country_with_an_adjective_has_exactly_one_first_form() -> None:
    firsts = [code for code, _, first in derived_demonyms() if first]
    assert len(firsts) == len(set(firsts)) and len(firsts) > 140


def test_adjectives_reach_lookup_and_naming() -> None:
    assert demonym_lookup()["kenyan"] == "KE" and demonym_lookup()["kenyans"] == "KE"
    assert demonym_lookup()["mozambican"] == "MZ"
    assert country_adjective("IQ") == "Iraqi"  # the explicit form closest to the name, not "Kurdish"
    assert country_adjective("US") == "American"


def test_the_rule_keeps_adjectives_and_drops_cities_respellings_and_cuts() -> None:
    script = _script()
    cities = {"harbourtown"}
    synonyms = ["RIVERLANDIAN", "HARBOURTOWN", "RIVERLANDI", "RIVERL", "RIVERLANDISTAN", "NORTH_RIVERLANDIAN"]
    got = script.adjectives("RIVERLAND", synonyms, cities)
    assert got[0] == "riverlandian"
    assert "harbourtown" not in got  # a city
    assert "riverlandistan" not in got  # a respelling of the name, more than four letters on
    assert "north riverlandian" not in got  # two words whose first is no word of the name
    assert script.adjectives("NORTH_RIVERLAND", ["NORTH_RIVERLANDIAN"], set()) == ["north riverlandian"]
    # "-i" only right after the name's own letters
    assert script.adjectives("OSTRAVIA", ["OSTRAVI", "OSTRAVIAN"], set()) == ["ostravi", "ostravian"]
    assert script.adjectives("OSTRAVIA", ["OSTROBI"], set()) == []
