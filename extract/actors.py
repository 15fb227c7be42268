"""Per-document actor resolution: every participant span of an article -> one document actor.

Names come from the NER entities of the body text and from the general lexicons;
titles next to a name ("US Defense Secretary Mark Esper", "Mark Esper, US Secretary
of Defense") become roles; surnames, acronyms in brackets, role nouns ("the US
defense secretary") and pronouns are tied to the person or organisation they refer
to by offset, since no offline coreference model exists. Text outside the entities
the Doc holds (the event engineer blanks non-body text) never yields an actor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extract.actor_lexicon import (
    GROUP_NOUNS,
    HONORIFICS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS_PERSON,
    ROLE_QUALIFIERS,
    capital_lookup,
    countries,
    country_demonym,
    country_lookup,
    demonym_lookup,
    fold,
    organisation_lookup,
    role_lookup,
    role_pattern,
)
from extract.mention import Span
from extract.names import acronym_definitions, person_tokens, same_person, strip_possessive
from extract.places import find_place
from graph.model import ActorKind

_RANKS = HONORIFICS - {"president", "prime", "minister", "secretary", "commander"}
_TRAILING_RANK = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(r) for r in sorted(_RANKS, key=len, reverse=True)) + r")\s*)+$"
)
# Honorifics that also begin office names ("President", "Secretary of State"): no evidence of a person.
_TITLE_WORDS = frozenset(["president", "prime", "minister", "secretary", "commander", "st."])
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+|\n")
_BACKED = re.compile(
    r"\b(?:pro-([a-z]+)|([a-z]+)(?:-| )(?:backed|supported|sponsored|aligned|allied|linked|funded))"
    r"\s+(?:[a-z]+\s+){0,2}?(militias?|groups?|factions?|paramilitary groups|paramilitaries|proxies|rebels|"
    r"fighters|separatists|forces)\b"
)
_ORG_AFTER = re.compile(
    r"\s*(?:at|of|for|with)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’-]*))*)"
)
_ADMINISTRATION = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:administration|government|White House)\b")
_GOVERNMENT = re.compile(
    r"\b(government|administration|authorities|regime|leadership|leaders|state|cabinet)\b"
)
_OFFICE = re.compile(r"(?:'s|’s)\s+office\b", re.IGNORECASE)
_DETERMINERS = ("the ", "a ", "an ", "its ", "their ", "his ", "her ", "our ")
_GROUPISH = (
    "militia",
    "brigade",
    "front",
    "movement",
    "army",
    "battalion",
    "faction",
    "hezbollah",
    "hizbollah",
)
_MEDIA_CUES = ("news", "agency", "times", "tv", "television", "radio", "post", "journal", "gazette", "herald")
# A name in a media context: "X reported", "X, the media outlet of ...", "X news agency", "told X TV".
_MEDIA_CONTEXT_AFTER = re.compile(
    r"(?:\s*+,\s*(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:media outlet|outlet|news agency|news site|newspaper|"
    r"broadcaster|television|tv channel|channel|daily|website|agency)\b|"
    r"\s++(?:news agency|news|tv|television|reported|reports|quoted|published|cited)\b)"
)
# Words after a demonym or country that make the phrase a state's armed forces ("Iraqi soldiers").
_FORCES = re.compile(
    r"(?:security\s+|armed\s+|military\s+|ground\s+|special\s+)?(?:forces|troops|soldiers|soldier|"
    r"servicemen|service\s+members|servicemembers|personnel|marines)\b"
)
# Plural descriptions of one armed movement ("Shiite militias", "the militia leaders", "pro-X factions").
_MILITIA = re.compile(r"\b(?:militias?|paramilitar(?:y|ies)|factions|proxies)\b")
_LOCATIVE = re.compile(
    r"\b(?:in|across|inside|near|into|visited|outside)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
# Membership: "<groups>, including A and B", "<groups> such as A" (members after the cue) and
# "A, one of the <groups>", "A and B, among the <groups>", "A, a member of <group>" (members before it).
# The look-behinds start a match only where a whitespace run begins: blanked-out page furniture
# leaves long runs of spaces, and a leading \s+ tried at every position of a run is quadratic.
_MEMBERS_AFTER = re.compile(r"(?:,|(?<![\s,]))\s+(?:including|such as)\s+")
_MEMBERS_BEFORE = re.compile(
    r"(?<!\s)\s*,\s*(?:among|one of|(?:a|an|the)?\s*(?:members?|parts?|factions?|units?) of|part of)\s+"
)
# Non-ASCII letters that re.IGNORECASE matches to ASCII ones (İ ı ſ and the Kelvin sign).
_CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")
# Possessive \s*+ / \s++: a \s* that may give back space to a following \s+ is quadratic on long runs.
_LIST_GAP = re.compile(r"\s*+,\s*(?:and\s+|or\s+)?|\s++and\s+|\s++or\s+")
# Head nouns of a plural description that can hold named member groups ("Sahel jihadist groups").
_CONTAINER_HEADS = frozenset(
    [
        "militia",
        "militias",
        "group",
        "groups",
        "faction",
        "factions",
        "paramilitaries",
        "militants",
        "rebels",
        "insurgents",
        "proxies",
        "separatists",
        "movements",
        "organisations",
        "organizations",
        "coalition",
        "alliance",
        "network",
    ]
)
_NOT_MODIFIERS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "by",
        "from",
        "with",
        "against",
        "to",
        "for",
        "and",
        "or",
        "on",
        "in",
        "at",
        "as",
    ]
)
_PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
_NEUTER_PRONOUNS = frozenset(["it", "its", "itself"])


@dataclass(eq=False)
class DocActor:
    """One actor as one article names it; ``key`` ties it to actors of other articles."""

    kind: ActorKind
    name: str
    key: str
    names: Counter[str] = field(default_factory=Counter)
    roles: list[tuple[str, DocActor | None]] = field(default_factory=list)
    anonymous: bool = False

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


@dataclass
class _Named:
    start: int
    end: int
    actor: DocActor
    label: str
    possessive: bool


class DocumentActors:
    """The actors of one article and the resolver from its participant spans to them."""

    def __init__(
        self,
        doc_id: str,
        text: str,
        entities: Iterable[tuple[int, int, str]],
        subjects: Iterable[int] = (),
        common_words: Iterable[int] = (),
        known_people: Iterable[str] = (),
    ) -> None:
        self.doc_id = doc_id
        self.text = text
        self.low = text.replace("’", "'").replace("‘", "'").lower()
        self.actors: list[DocActor] = []
        self._by_key: dict[str, DocActor] = {}
        self.named: list[_Named] = []
        self._people: list[tuple[int, int, DocActor]] = []
        self._others: list[tuple[int, int, DocActor]] = []  # resolved non-person participants
        self._where: Counter[str] | None = None  # country codes of the article's locative phrases
        self._subjects = set(subjects)
        self._common = set(common_words)
        self._quotes = _quote_ranges(text)
        self._resolved: dict[tuple[int, int], DocActor | None] = {}
        self._role_spans = [(m.start(), m.end()) for m in role_pattern().finditer(self.low)]
        self._known_people = [n.split() for n in known_people]
        # Sponsors of the militias the article names ("Iranian-backed militias" -> IR), by frequency.
        self._sponsors: Counter[str] = Counter(
            code
            for m in _BACKED.finditer(self.low)
            if _MILITIA.search(m.group(0)) and (code := _sponsor_code(m)) is not None
        )
        self._register(sorted(entities))
        for named in self.named:
            if named.actor.kind == "person":
                self._add_roles(named)
        self._add_memberships()

    @classmethod
    def from_doc(cls, doc_id: str, doc: Doc, known_people: Iterable[str] = ()) -> DocumentActors:
        """Build from a spaCy Doc whose character offsets are those of the raw article text;
        ``known_people`` are names other articles of the batch tag as persons."""
        subjects = (
            {t.idx for t in doc if t.dep_ in ("nsubj", "nsubjpass")} if doc.has_annotation("DEP") else set()
        )
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return cls(doc_id, doc.text, ents, subjects, known_people=known_people)

    # ---- registering named mentions -------------------------------------------------

    def _actor(self, key: str, kind: ActorKind, name: str, anonymous: bool = False) -> DocActor:
        actor = self._by_key.get(key)
        if actor is None:
            actor = DocActor(kind=kind, name=name, key=key, anonymous=anonymous)
            self._by_key[key] = actor
            self.actors.append(actor)
        actor.names[name] += 1
        return actor

    def _add_named(self, start: int, end: int, actor: DocActor, label: str) -> None:
        possessive = (
            self.low.startswith("'s", end)
            or self.low.startswith("' ", end)
            or self.low[start:end].endswith("'s")  # the model took the possessive into the name
        )
        self.named.append(_Named(start, end, actor, label, possessive))
        if actor.kind == "person":
            self._people.append((start, end, actor))

    def _taken(self, start: int, end: int) -> bool:
        return any(n.start < end and start < n.end for n in self.named)

    def _register(self, entities: list[tuple[int, int, str]]) -> None:
        for start, end, name, kind in self._lexicon_hits():
            self._add_named(start, end, self._actor(f"canon:{name}", kind, name), "ORG")
        persons: list[tuple[int, int, list[str]]] = []
        people = self._known_people + [
            person_tokens(self.text[s:e]) for s, e, label in entities if label == "PERSON"
        ]
        outlets = self._outlets(entities, people)
        for start, end, label in entities:
            if self._taken(start, end) or self._inside_role(start, end):
                continue
            outlet = strip_possessive(self.text[start:end])
            if label in ("PERSON", "ORG") and outlet in outlets:
                self._add_named(start, end, self._actor(f"media:{fold(outlet)}", "media", outlet), "ORG")
                continue
            if label in ("ORG", "GPE", "NORP") and self._mislabelled_person(start, end, people):
                label = "PERSON"
            if label == "PERSON":
                start = self._extend_left(start)
                words = person_tokens(self.text[start:end])
                if words and not self._is_place_word(" ".join(words)):
                    persons.append((start, end, words))
            elif label in ("ORG", "GPE", "NORP"):
                actor = self._named_actor(self.text[start:end], label)
                if actor is not None:
                    self._add_named(start, end, actor, label)
        self._register_people(persons)
        self.named.sort(key=lambda n: n.start)
        self._people.sort(key=lambda p: p[0])

    def _outlets(self, entities: list[tuple[int, int, str]], people: list[list[str]]) -> set[str]:
        """Names the model tags PERSON or ORG that the text treats as a news outlet: followed by an
        apposition such as ", the media outlet of ..." or by "news agency"/"TV"; or a one-word name
        followed by "reported"/"published"/"cited" that no fuller person name of the batch contains."""
        found: set[str] = set()
        for start, end, label in entities:
            if label not in ("PERSON", "ORG"):
                continue
            name = strip_possessive(self.text[start:end])
            words = name.split()
            m = _MEDIA_CONTEXT_AFTER.match(self.low, start + len(name))
            if m is None or not words or len(words) > 3 or not name[:1].isupper():
                continue
            if re.search(r"(?:reported|reports|quoted|published|cited)$", m.group(0)):
                fuller = any(len(p) > 1 and same_person(words, p) for p in people)
                if len(words) > 1 or fuller or label != "PERSON":
                    continue
            found.add(name)
        return found

    def _mislabelled_person(self, start: int, end: int, people: list[list[str]]) -> bool:
        """The small model tags some persons as GPE/ORG ("Pompeo", "Soleimani"). A name is a person
        when the batch tags the same name as a person elsewhere, or when a rank or honorific stands
        before it ("Gen. X", "Mr. X") or a speech verb follows it ("X said"); never a known country,
        capital, demonym or lexicon organisation."""
        text = strip_possessive(self.text[start:end])
        if not text[:1].isupper() or self._is_place_word(text) or fold(text) in organisation_lookup():
            return False
        words = person_tokens(text)
        if not words or len(words) > 4:
            return False
        if any(same_person(words, p) for p in people if p):
            return True
        before = re.search(r"(\S+)\s+$", self.text[max(0, start - 20) : start])
        if before and fold(before.group(1)) in HONORIFICS and fold(before.group(1)) not in _TITLE_WORDS:
            return True
        return re.match(
            r"\s+(?:said|says|told|added|stressed|warned)\b", self.text[end : end + 12]
        ) is not None and (len(words) >= 2)

    def _lexicon_hits(self) -> list[tuple[int, int, str, ActorKind]]:
        """Lexicon names and bracketed acronyms found in the text (the small NER model misses many)."""
        table: dict[str, tuple[str, ActorKind]] = dict(organisation_lookup())
        for short, long_form in acronym_definitions(self.text).items():
            entry = table.get(fold(long_form), (long_form, _org_kind(long_form)))
            table[fold(long_form)] = table[fold(short)] = entry
        hits: list[tuple[int, int, str, ActorKind]] = []
        straight = self.text.replace("’", "'")
        # Keys are folded ASCII: one absent from the lower-cased text cannot match, so its pattern is
        # never compiled (the table outgrows re's pattern cache). Unless the text holds one of the few
        # non-ASCII letters that match an ASCII one case-insensitively.
        probe = None if _CASE_TWINS.intersection(straight) else straight.lower()
        for key, (canon, kind) in table.items():
            if probe is not None and key not in probe:
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", straight, re.IGNORECASE):
                found = m.group(0)
                # Short forms (AP, IS, RT) count only when written in capitals, as names are.
                if len(key) <= 4 and found != found.upper():
                    continue
                if not found[0].isupper():
                    continue
                hits.append((m.start(), m.end(), canon, kind))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, str, ActorKind]] = []
        for hit in hits:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept

    def _inside_role(self, start: int, end: int) -> bool:
        """An entity that is only a word of a title ("Defense" in "Secretary of Defense")."""
        return any(s <= start and end <= e for s, e in self._role_spans)

    def _extend_left(self, start: int) -> int:
        """Take in given names the model left out ("Adil" before "Abdul Mahdi")."""
        while True:
            m = re.search(r"([A-Z][a-z'’-]+)\s+$", self.text[max(0, start - 30) : start])
            if not m:
                return start
            word = fold(m.group(1))
            word_start = start - len(m.group(0))
            if word_start in self._common or self._inside_role(word_start, word_start + len(word)):
                return start
            if (
                word in HONORIFICS
                or word in role_lookup()
                or word in ROLE_QUALIFIERS
                or self._is_place_word(word)
            ):
                return start
            if word in ("the", "a", "an", "and", "but", "in", "on", "as", "with", "by", "for", "of"):
                return start
            before = self.text[:word_start].rstrip(" ")
            if not before or before[-1] in '.!?\n"“”]':
                return start  # a sentence-initial capital is no evidence of a name
            start -= len(m.group(0))

    @staticmethod
    def _is_place_word(name: str) -> bool:
        key = fold(name)
        return key in country_lookup() or key in demonym_lookup() or key in capital_lookup()

    def _named_actor(self, text: str, label: str) -> DocActor | None:
        name = strip_possessive(text)
        for det in _DETERMINERS:
            if name.lower().startswith(det):
                name = name[len(det) :]
        key = fold(name)
        if not key:
            return None
        code = country_lookup().get(key) or capital_lookup().get(key) or demonym_lookup().get(key)
        if code and label == "NORP" and key.endswith("s") and len(key) > 4:
            return self._actor(f"group:{key}", "group", name)  # "the Iraqis": people, not the state
        if code and label in ("GPE", "NORP"):
            return self._actor(f"gpe:{code}", "gpe", countries().get(code, name))
        if key in organisation_lookup():
            canon, kind = organisation_lookup()[key]
            return self._actor(f"canon:{canon}", kind, canon)
        if label == "GPE":
            return self._actor(f"gpe:{key}", "gpe", name)
        if label == "ORG":
            kind = _org_kind(name)
            return self._actor(f"{kind}:{key}", kind, name)
        return None

    def _register_people(self, persons: list[tuple[int, int, list[str]]]) -> None:
        """Cluster person names: longest forms first, shorter forms join the full name they end."""
        clusters: list[tuple[list[str], DocActor]] = []
        for start, end, words in sorted(persons, key=lambda p: (-len(p[2]), p[0])):
            matches = [c for c in clusters if same_person(words, c[0])]
            if matches:
                best = min(matches, key=lambda c: _distance(c[1], start, self._people))
                actor = best[1]
                actor.names[" ".join(words)] += 1
            else:
                name = " ".join(words)
                actor = DocActor(kind="person", name=name, key=f"person:{fold(name)}")
                actor.names[name] += 1
                self.actors.append(actor)
                clusters.append((words, actor))
            self._add_named(start, end, actor, "PERSON")

    # ---- titles and affiliations ----------------------------------------------------------

    def _add_roles(self, named: _Named) -> None:
        for role, org in (self._role_before(named.start), self._role_after(named.end)):
            if role and (role, org) not in named.actor.roles:
                named.actor.roles.append((role, org))

    def _role_before(self, start: int) -> tuple[str | None, DocActor | None]:
        lo = self._sentence_start(start)
        pre = _TRAILING_RANK.sub("", self.low[lo:start].rstrip())
        pre = pre.rstrip(" ,")
        hits = [m for m in role_pattern().finditer(pre) if m.end() == len(pre)]
        if not hits:
            return None, None
        m = hits[-1]
        phrase_start = lo + self._phrase_start(lo, pre, m.start())
        return role_lookup()[m.group(1)], self._org_in(phrase_start, lo + m.end(), prefer_after=lo + m.end())

    def _role_after(self, end: int) -> tuple[str | None, DocActor | None]:
        m = re.match(r"\s*,\s*(?:the |a |an )?", self.low[end : end + 4])
        if not m:
            return None, None
        lo = end + m.end()
        stop = re.search(r"[,;.(]\s|\bwho\b|\bwhere\b|\bwhich\b|\n", self.low[lo : lo + 160])
        hi = lo + (stop.start() if stop else min(160, len(self.low) - lo))
        phrase = self.low[lo:hi]
        role = next(iter(role_pattern().finditer(phrase)), None)
        if role is None or len(phrase[: role.start()].split()) > 5:
            return None, None
        return role_lookup()[role.group(1)], self._org_in(lo, hi, prefer_after=lo + role.end())

    def _phrase_start(self, lo: int, pre: str, role_start: int) -> int:
        """Back over up to four modifier words of a title ("Iraq's acting", "US", "Pentagon")."""
        start = role_start
        for w in reversed(list(re.finditer(r"\S+", pre[:role_start]))[-4:]):
            word = w.group(0)
            if word in ROLE_QUALIFIERS or self.text[lo + w.start()].isupper():
                start = w.start()
            else:
                break
        return start

    def _org_in(self, lo: int, hi: int, prefer_after: int) -> DocActor | None:
        inside = [n for n in self.named if lo <= n.start and n.end <= hi and n.actor.kind != "person"]
        if not inside:
            m = _ORG_AFTER.match(self.text, prefer_after, hi)
            if m is None:
                return None
            name = re.sub(r"(?:\s+(?:of|for|the|and))+$", "", m.group(1))
            return self._actor(f"{_org_kind(name)}:{fold(name)}", _org_kind(name), name)
        after = [n for n in inside if n.start >= prefer_after and not n.possessive]
        return (after or inside)[0 if after else -1].actor

    # ---- membership ----------------------------------------------------------------------

    def _add_memberships(self) -> None:
        """Named groups listed as members of a group ("Iranian-backed militias, including A and B",
        "A, one of the Iran-backed militias") get the role "member" in it; the group is the actor the
        same description resolves to elsewhere in the article (sponsor-keyed for backed militias)."""
        members = [n for n in self.named if n.actor.kind in ("org", "group") and not n.possessive]
        by_start = {n.start: n for n in members}
        by_end = {n.end: n for n in members}
        for m in _MEMBERS_AFTER.finditer(self.low):
            group = self._container_before(m.start())
            if group is not None:
                self._join(group, self._listed(by_start, by_end, m.end(), forward=True))
        for m in _MEMBERS_BEFORE.finditer(self.low):
            listed = self._listed(by_start, by_end, m.start(), forward=False)
            group = self._container_after(m.end()) if listed else None
            if group is not None:
                self._join(group, listed)

    def _listed(
        self, by_start: dict[int, _Named], by_end: dict[int, _Named], pos: int, *, forward: bool
    ) -> list[_Named]:
        """Named organisations in a list ("A, B and C") starting at ``pos`` or ending there."""
        out: list[_Named] = []
        while True:
            if forward:
                skip = 4 if self.low.startswith("the ", pos) else 0  # "the X" with "the" left out of X
                named = by_start.get(pos) or by_start.get(pos + skip)
            else:
                named = by_end.get(pos)
            if named is None:
                return out
            out.append(named)
            if forward:
                gap = _LIST_GAP.match(self.low, named.end)
                if gap is None:
                    return out
                pos = gap.end()
            else:
                before = self.low[max(0, named.start - 12) : named.start]
                gap = re.search(r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?$", before)
                if gap is None:
                    return out
                pos = named.start - len(gap.group(0))

    def _container_before(self, end: int) -> DocActor | None:
        """The group described just before ``end`` ("Iranian-sponsored militias", "the Popular
        Mobilization Forces", "Sahel jihadist groups"), or None when the words there name no group."""
        lo = max(self._sentence_start(end), end - 120)
        clause = re.split(r"[,;:(\n]", self.low[lo:end])[-1]
        return self._container(end - len(clause), end)

    def _container_after(self, start: int) -> DocActor | None:
        """The group named from ``start`` to the end of its phrase ("the Iran-backed militias, ...")."""
        stop = re.search(
            r"[,;:.()\n]|\s(?:who|which|that|and|in|on|at|since|after)\s", self.low[start : start + 120]
        )
        return self._container(start, start + (stop.start() if stop else min(120, len(self.low) - start)))

    def _container(self, lo: int, hi: int) -> DocActor | None:
        """A group description ending at ``hi``: a named organisation, a sponsored militia, or a
        plural group noun with up to three modifiers (resolved as the same words are elsewhere)."""
        text = self.low[lo:hi].rstrip()
        hi = lo + len(text)
        named = [n for n in self.named if lo <= n.start and n.end <= hi and n.actor.kind in ("org", "group")]
        if named and named[-1].end == hi:
            return named[-1].actor
        words = list(re.finditer(r"[\w'-]+", text))
        if not words or words[-1].group(0) not in _CONTAINER_HEADS:
            return None
        backed = [m for m in _BACKED.finditer(text) if m.end() == len(text)]
        if backed:
            return self._backed_group(backed[-1])
        first = len(words) - 1
        while first > 0 and len(words) - first <= 3 and words[first - 1].group(0) not in _NOT_MODIFIERS:
            first -= 1
        start = lo + words[first].start()
        if first > 0 and words[first - 1].group(0) in ("the", "its", "their"):
            start = lo + words[first - 1].start()
        phrase = self.low[start:hi]
        return self._militia(phrase) or self._descriptor(Span(self.text[start:hi], start, hi, "NOUN"), phrase)

    def _join(self, group: DocActor, members: list[_Named]) -> None:
        for named in members:
            member = named.actor
            if member is group:
                continue
            if member.kind == "org" and group.kind == "group" and not member.key.startswith("canon:"):
                member.kind = "group"  # a named member of an armed group is one too
            if ("member", group) not in member.roles:
                member.roles.append(("member", group))

    # ---- resolving spans ------------------------------------------------------------------

    def resolve(self, span: Span) -> DocActor | None:
        """The document actor a participant span refers to, or None when it names none."""
        key = (span.start, span.end)
        if key not in self._resolved:
            actor = self._resolve(span)
            self._resolved[key] = actor
            if actor is not None and actor.kind == "person":
                self._people.append((span.start, span.end, actor))
                self._people.sort(key=lambda p: p[0])
            elif actor is not None and span.label != "PRON":
                self._others.append((span.start, span.end, actor))
        return self._resolved[key]

    def _resolve(self, span: Span) -> DocActor | None:
        text = self.low[span.start : span.end].strip()
        if text in PRONOUNS_PERSON:
            return self._pronoun(span)
        if text in _PLURAL_PRONOUNS or text in _NEUTER_PRONOUNS:
            return self._collective_pronoun(span, plural=text in _PLURAL_PRONOUNS)
        if span.label == "PRON":
            return None
        start = self._hyphen_start(span.start)
        text = self.low[start : span.end].strip()
        inside = [n for n in self.named if n.start < span.end and start < n.end]
        titled = self._possessive_title(span.end, inside)
        if titled is not None:
            return titled
        forces = self._forces(span.end, inside)
        if forces is not None:
            return forces
        heads = [n for n in inside if not n.possessive]
        if re.fullmatch(r"(?:the\s+)?capital", text):
            return self._capital(span.start)
        administration = _ADMINISTRATION.search(self.text, start, span.end)
        if administration and any(n.actor.kind == "person" for n in inside):
            name = f"{administration.group(1)} administration"
            return self._actor(f"org:{fold(name)}", "org", name)
        person = next((n.actor for n in heads if n.actor.kind == "person"), None)
        if person is not None:
            return person
        if not inside:
            person = self._untagged_person(start, span.end)
            if person is not None:
                return person
        office = _OFFICE.search(self.text, start, span.end)
        if office:
            return self._office(start, office.start())
        org = next((n.actor for n in heads if n.actor.kind in ("org", "group", "media")), None)
        militia = self._militia(text) if org is None else None
        if militia is not None:
            return militia
        backed = _BACKED.search(text)
        if backed:
            return self._backed_group(backed)
        role = self._role_noun(start, span.end)
        if role is not None:
            return role
        if org is not None:
            return org
        head = (re.findall(r"[a-z][a-z'-]*", text) or [""])[-1]
        if head in GROUP_NOUNS + PERSON_NOUNS + ORG_NOUNS and not _GOVERNMENT.search(text):
            return self._descriptor(span, text)
        if span.label == "ORG" and not inside:  # a speaker the tagger gave another label ("Maersk said")
            return self._named_actor(self.text[start : span.end], "ORG")
        return self._country_in(span, inside) or self._descriptor(span, text)

    def _possessive_title(self, end: int, inside: list[_Named]) -> DocActor | None:
        """ "Iraq's acting Prime Minister, Adil Abdul Mahdi" or "a Pentagon spokesperson, Cmdr. X" given
        as the span "Iraq"/"Pentagon": a country or organisation (possessive or as a modifier) followed by
        a title names the title's holder, the person in apposition when there is one, else the person
        the article gave that title."""
        owner = next((n for n in reversed(inside) if n.actor.kind != "person"), None)
        if owner is None or owner.end < end - 3:
            return None
        tail = re.match(r"(?:'s|')?\s+", self.low[owner.end : owner.end + 4])
        if tail is None:
            return None
        pos = owner.end + tail.end()
        role = next(iter(role_pattern().finditer(self.low, pos, min(len(self.low), pos + 80))), None)
        if role is None or any(w not in ROLE_QUALIFIERS for w in self.low[pos : role.start()].split()):
            return None
        after = self.low[role.end() : role.end() + 3]
        if after.startswith(("'s", "' ")) or re.match(r"[a-z]", after):
            return None  # "Iraq's prime minister's office", or a longer word
        gap = re.match(r"\s*,?\s*", self.low[role.end() :])
        near = role.end() + (gap.end() if gap else 0)
        for p_start, _, actor in self._people:
            between = self.low[near:p_start].split()
            if near <= p_start <= near + 30 and all(fold(w) in HONORIFICS for w in between):
                return actor
        return self._role_noun(owner.start, role.end())

    def _forces(self, end: int, inside: list[_Named]) -> DocActor | None:
        """ "Iraqi soldiers", "US troops", "Iraq's security forces": a state's armed forces, one actor
        per country, not the state itself (nor a person when a rank or title follows)."""
        gpes = [n for n in inside if n.actor.kind == "gpe" and n.actor.key.startswith("gpe:")]
        if not gpes:
            return None
        n = gpes[-1]
        gap = re.match(r"(?:'s|')?\s+", self.low[n.end : n.end + 4])
        if gap is None:
            return None
        m = _FORCES.match(self.low, n.end + gap.end())
        if m is None or (m.start() >= end and n.end < end - 1):
            return None
        following = re.match(r"\s+([a-z]+)", self.low[m.end() : m.end() + 20])
        if following and (following.group(1) in PERSON_NOUNS or following.group(1) in role_lookup()):
            return None
        code = n.actor.key.split(":", 1)[1]
        modifier = strip_possessive(self.text[n.start : n.end])
        for det in _DETERMINERS:
            if modifier.lower().startswith(det):
                modifier = modifier[len(det) :]
        return self._actor(f"forces:{code}", "org", f"{modifier} forces")

    def _capital(self, start: int) -> DocActor | None:
        """ "the capital" as an actor: the government of the country whose capital the article last
        named (as a place it is left to the place resolver)."""
        for n in reversed(self.named):
            if n.end <= start and n.actor.kind == "gpe":
                key = fold(strip_possessive(self.text[n.start : n.end]))
                if key in capital_lookup():
                    return n.actor
        return None

    def _militia(self, text: str) -> DocActor | None:
        """Plural militia descriptions ("Shiite militias", "the militia leaders", "pro-X factions") in an
        article that names a sponsored militia ("X-backed militias") are that one group, unless they name
        another sponsor, or a nationality that is neither the sponsor's nor the article's main country."""
        if not self._sponsors or not _MILITIA.search(text):
            return None
        if _BACKED.search(text):
            return None  # names its own sponsor: see _backed_group
        code = self._sponsors.most_common(1)[0][0]
        words = re.findall(r"[a-z]+", text)
        nations = {demonym_lookup().get(w) or country_lookup().get(w) for w in words} - {None}
        if nations - {code, self._main_country(exclude=code)}:
            return None
        return self._sponsored(code, "militias")

    def _main_country(self, exclude: str | None) -> str | None:
        """The country where the article's events happen: the one its locative phrases ("in Baghdad",
        "visited Erbil", "across Iraq") geocode to most often."""
        if self._where is None:
            self._where = Counter()
            for m in _LOCATIVE.finditer(self.text):
                place = find_place(m.group(1))
                if place is not None and place.country:
                    self._where[place.country] += 1
        counts = Counter({code: n for code, n in self._where.items() if code != exclude})
        return counts.most_common(1)[0][0] if counts else None

    def _collective_pronoun(self, span: Span, *, plural: bool) -> DocActor | None:
        """ "they"/"their" -> the last group (or plural organisation) the text spoke of, "it"/"its" ->
        the last organisation or state; same sentence first, else the previous one, preferring its
        subject. Quoted speech is skipped; nothing further back is taken."""

        def fits(actor: DocActor) -> bool:
            if plural:
                return actor.kind == "group" or (actor.kind in ("org", "gpe") and actor.name.endswith("s"))
            return actor.kind in ("org", "gpe", "media") and not actor.name.endswith("s")

        named = [(n.start, n.end, n.actor) for n in self.named if not n.possessive or not plural]
        cands = sorted(
            (
                c
                for c in [*named, *self._others]
                if c[1] <= span.start and fits(c[2]) and not self._quoted(c[0])
            ),
            key=lambda c: c[0],
        )
        if not cands:
            return None
        sent = self._sentence_start(span.start)
        same = [c for c in cands if c[0] >= sent]
        if same:
            return same[-1][2]
        previous = self._sentence_start(max(0, sent - 2))
        group = [c for c in cands if previous <= c[0] < sent]
        subjects = [c for c in group if self._is_subject(c[0], c[1])]
        return (subjects or group)[-1][2] if group else None

    def _untagged_person(self, start: int, end: int) -> DocActor | None:
        """A capitalised name the model left untagged ("Taeb") that is the name, or the surname, of a
        person the article names elsewhere: the nearest such person before the span."""
        words = person_tokens(self.text[start:end])
        if not words or not all(w[:1].isupper() for w in words):
            return None
        matches = [p for p in self._people if same_person(words, p[2].tokens)]
        before = [p for p in matches if p[0] < start]
        return (before or matches)[-1 if before else 0][2] if matches else None

    def _hyphen_start(self, start: int) -> int:
        """Take in a hyphenated modifier the span left out ("Iranian-" of "Iranian-backed militias")."""
        m = re.search(r"([A-Za-z]+-)$", self.text[max(0, start - 30) : start])
        if m and (start - len(m.group(1)) == 0 or not self.text[start - len(m.group(1)) - 1].isalnum()):
            return start - len(m.group(1))
        if self.text[start : start + 1] == "-" or self.text[max(0, start - 1) : start] == "-":
            w = re.search(r"([A-Za-z]+)-?$", self.text[max(0, start - 30) : start])
            return start - len(w.group(0)) if w else start
        return start

    def _pronoun(self, span: Span) -> DocActor | None:
        """He/she -> the person the text last spoke of: same sentence first, else the nearest
        earlier sentence, preferring its grammatical subject; quoted speech is skipped."""
        people = [
            p for p in self._people if p[1] <= span.start and not self._quoted(p[0]) and not p[2].anonymous
        ]
        people += [
            p for p in self._people if p[1] <= span.start and p[2].anonymous and not self._quoted(p[0])
        ]
        people.sort(key=lambda p: p[0])
        if not people:
            return None
        sent = self._sentence_start(span.start)
        same = [p for p in people if p[0] >= sent]
        if same:
            return same[-1][2]
        last_sent = self._sentence_start(people[-1][0])
        group = [p for p in people if self._sentence_start(p[0]) == last_sent]
        subjects = [p for p in group if self._is_subject(p[0], p[1])]
        return (subjects or group)[-1][2]

    def _is_subject(self, start: int, end: int) -> bool:
        return any(start <= s < end for s in self._subjects)

    def _office(self, start: int, possessor_end: int) -> DocActor:
        """ "Abdul Mahdi's office", "the Iraqi prime minister's office" -> the office, an org."""
        named = [n.actor for n in self.named if n.start < possessor_end and start < n.end]
        holder = next((a for a in named if a.kind == "person"), None) or self._resolve(
            Span(self.text[start:possessor_end], start, possessor_end, "NOUN")
        )
        if holder is not None and holder.kind == "person":
            title = next(((r, o) for r, o in holder.roles if o is not None and o.kind == "gpe"), None)
            if title is not None and title[1] is not None:
                demonym = _demonym(title[1])
                name = f"Office of the {demonym} {title[0]}" if demonym else f"Office of the {title[0]}"
                return self._actor(f"office:{fold(name)}", "org", name)
            written = strip_possessive(self.text[start:possessor_end]).replace("\xa0", " ")
            return self._actor(f"office:{holder.key}", "org", f"{_strip_det(written)}'s office")
        text = self.text[start:possessor_end]
        return self._actor(f"office:{fold(text)}", "org", f"{strip_possessive(text)} office")

    def _backed_group(self, m: re.Match[str]) -> DocActor:
        """ "Iranian-backed militias", "pro-Iran factions" -> one group named "Iran-backed militias"."""
        sponsor = m.group(1) or m.group(2) or ""
        head = m.group(3)
        head = "militias" if head.startswith(("militia", "group", "faction", "paramilitar", "prox")) else head
        return self._sponsored(_sponsor_code(m) or sponsor.title(), head)

    def _sponsored(self, sponsor: str, head: str) -> DocActor:
        """The group a country (ISO code) or another sponsor backs, one actor per sponsor and head."""
        sponsor_name = countries().get(sponsor, sponsor)
        name = f"{sponsor_name}-backed {head}"
        return self._actor(f"group:{fold(name)}", "group", name)

    def _role_noun(self, start: int, end: int) -> DocActor | None:
        """ "the US defense secretary", "Iraq's acting Prime Minister" -> the person the article
        gave that title, the last one named before the span, else the first named after it."""
        low = self.low[start:end]
        hits = list(role_pattern().finditer(low))
        if not hits:
            return None
        m = hits[-1]
        if low[m.end() :].strip() and not re.match(r"\s+(of|at|for)\b", low[m.end() :]):
            return None
        role = role_lookup()[m.group(1)]
        country = self._country_key(start, end)
        holders = [a for a in self.actors if a.kind == "person" and _holds(a, role, country)]
        if not holders:
            return None
        before = [p for p in self._people if p[2] in holders and p[0] < start]
        if before:
            return before[-1][2]
        after = [p for p in self._people if p[2] in holders]
        return after[0][2] if after else holders[0]

    def _country_key(self, start: int, end: int) -> str | None:
        for n in self.named:
            if start <= n.start and n.end <= end and n.actor.kind != "person":
                return n.actor.key
        for word in re.findall(r"[a-z.]+", self.low[start:end]):
            code = country_lookup().get(word) or demonym_lookup().get(word)
            if code:
                return f"gpe:{code}"
        return None

    def _country_in(self, span: Span, inside: list[_Named]) -> DocActor | None:
        """A country named by itself, by its capital or as "<Demonym> government" is the state as actor."""
        gpes = [n for n in inside if n.actor.kind == "gpe"]
        if gpes:
            heads = [n for n in gpes if not n.possessive]
            return (heads or gpes)[-1].actor
        low = self.low[span.start : span.end]
        words = re.findall(r"[a-z.]+", low)
        for word in words:
            code = country_lookup().get(word) or capital_lookup().get(word)
            if code and _GOVERNMENT.search(low) is None and len(words) <= 2:
                return self._actor(f"gpe:{code}", "gpe", countries()[code])
            code = code or demonym_lookup().get(word)
            if code and _GOVERNMENT.search(low):
                return self._actor(f"gpe:{code}", "gpe", countries()[code])
        return None

    def _descriptor(self, span: Span, low: str) -> DocActor | None:
        """An unnamed participant ("a senior US military official", "the militias"): definite group
        nouns refer back to the last group of that kind; others become anonymous actors of this article."""
        words = re.findall(r"[a-z][a-z'-]*", low)
        if not words:
            return None
        head = words[-1]
        if head in GROUP_NOUNS:
            stem = head.rstrip("s")
            if words[0] in ("the", "its", "their") or len(words) == 1:
                earlier = [
                    n.actor for n in self.named if n.end <= span.start and stem in n.actor.name.lower()
                ]
                groups = [a for a in self.actors if a.kind == "group" and stem in a.name.lower()]
                if earlier or groups:
                    return (earlier or groups)[-1]
            name = _strip_det(self.text[span.start : span.end].strip())
            return self._actor(f"anon:{self.doc_id}:{fold(name)}", "group", name, anonymous=True)
        if head in PERSON_NOUNS or head in ORG_NOUNS:
            name = _strip_det(self.text[span.start : span.end].strip())
            kind: ActorKind = "person" if head in PERSON_NOUNS else "org"
            return self._actor(f"anon:{self.doc_id}:{fold(name)}", kind, name, anonymous=True)
        return None

    # ---- text helpers ---------------------------------------------------------------------

    def _sentence_start(self, offset: int) -> int:
        last = 0
        for m in _SENTENCE_END.finditer(self.text, max(0, offset - 600), offset):
            word = re.search(r"(\S+)$", self.text[max(0, m.start() - 12) : m.start() + 1])
            abbreviation = word is not None and (
                fold(word.group(1)) in HONORIFICS or re.fullmatch(r"(?:[A-Z]\.)+", word.group(1)) is not None
            )
            if not abbreviation:
                last = m.end()
        return last

    def _quoted(self, offset: int) -> bool:
        i = bisect_right(self._quotes, (offset, len(self.text) + 1)) - 1
        return i >= 0 and self._quotes[i][0] <= offset < self._quotes[i][1]


def _quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted speech (curly or straight double quotes)."""
    ranges = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)]
    ranges += [(m.start(), m.end()) for m in re.finditer(r'"[^"\n]*"', text)]
    return sorted(ranges)


def _sponsor_code(m: re.Match[str]) -> str | None:
    """The country code of the sponsor a ``_BACKED`` match names ("Iranian-backed", "pro-Iran")."""
    sponsor = m.group(1) or m.group(2) or ""
    return country_lookup().get(sponsor) or demonym_lookup().get(sponsor)


def _strip_det(name: str) -> str:
    for det in _DETERMINERS:
        if name.lower().startswith(det):
            return name[len(det) :]
    return name


def _org_kind(name: str) -> ActorKind:
    low = fold(name)
    if any(cue in low.split() for cue in _MEDIA_CUES):
        return "media"
    if any(cue in low for cue in _GROUPISH):
        return "group"
    return "org"


def _holds(actor: DocActor, role: str, org_key: str | None) -> bool:
    for held, org in actor.roles:
        if held == role and (org_key is None or org is None or org.key == org_key):
            return True
    return False


def _demonym(actor: DocActor) -> str | None:
    code = actor.key.split(":", 1)[1]
    return country_demonym().get(code)


def _distance(actor: DocActor, start: int, people: list[tuple[int, int, DocActor]]) -> int:
    """How far back the actor was last named before ``start`` (for an ambiguous surname)."""
    before = [s for s, _, a in people if a is actor and s <= start]
    return start - before[-1] if before else 10**9
