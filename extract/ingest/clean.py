"""Find the reporting text of a scraped article: spans of the raw text, so offsets stay valid.

Scraped pages carry furniture (share widgets, "Read more:" links, captions, bylines,
bios, newsletter prompts) and often a reader-comment section. Furniture is dropped line
by line from lexicons of cues; the comment section is found as the tail of the text that
looks most like comments (commenter names, "Reply" and "2 years ago" lines, first-person
and chatty register) and dropped with everything after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Line", "body_spans", "comment_start", "is_furniture", "line_score", "title_span"]


@dataclass(frozen=True)
class Line:
    """A non-blank line of the raw text, stripped; ``block`` numbers the blank-line-separated blocks."""

    start: int
    end: int
    text: str
    block: int


def title_span(text: str, title: str | None = None) -> tuple[int, int] | None:
    """The first line when it is the title: always under the .txt convention (title None),
    else only when it reads as ``title`` ("" means the text has no title line)."""
    lines = _lines(text, limit=1)
    if not lines or title == "":
        return None
    first = lines[0]
    if title is not None and _norm(first.text) != _norm(title):
        return None
    return first.start, first.end


def body_spans(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` that are reporting, one per paragraph, title excluded (see ``title_span``)."""
    lines = _lines(text)
    skip = 1 if lines and title_span(text, title) else 0
    lines = lines[skip:]
    lines = lines[: comment_start(lines)]
    keep = [not is_furniture(line.text) for line in lines]
    _drop_captions(lines, keep)
    _drop_bio_tail(lines, keep)
    spans: list[tuple[int, int]] = []
    joins = False  # the line before was kept: a kept line in its block extends its span
    previous: Line | None = None
    for line, kept in zip(lines, keep, strict=True):
        if kept and joins and previous is not None and previous.block == line.block:
            spans[-1] = (spans[-1][0], line.end)
        elif kept:
            spans.append((line.start, line.end))
        joins, previous = kept, line
    return spans


def _lines(text: str, limit: int | None = None) -> list[Line]:
    lines: list[Line] = []
    block, offset, blank = 0, 0, False
    for raw in text.split("\n"):
        stripped = raw.strip(" \t\r\f\v\u00a0\ufeff\u200b")
        if not stripped:
            blank = True
        else:
            if blank and lines:
                block += 1
            start = offset + raw.index(stripped)
            lines.append(Line(start, start + len(stripped), stripped, block))
            blank = False
            if limit and len(lines) >= limit:
                break
        offset += len(raw) + 1
    return lines


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


# --- page furniture -------------------------------------------------------------------------------

_I = re.IGNORECASE
_LINK_CUE = (
    r"read (?:more|also|next|the full story)|related(?: (?:stories|articles|coverage|content|news|topics))?"
    r"|see also|also read|also see|more (?:from|on|in|about) [^:]{1,40}|recommended(?: for you)?"
    r"|you (?:may|might) also like|must read|don'?t miss|further reading|most (?:read|popular)|trending"
    r"|watch|listen|video|explainer|opinion|analysis|more stories|top stories|latest"
)
_LINK = re.compile(rf"^[(\[]?(?:{_LINK_CUE})\s*(?:[:»›>|–—]\s*\S.*|[:.]?)$", _I)
_SHARE_WORD = (
    r"share(?: this(?: article| story| post| page)?)?(?: on| via)?|tweet|facebook|twitter|x|email|e-mail"
    r"|whatsapp|linkedin|reddit|pinterest|print|copy(?: the)? link|link copied|telegram|messenger|flipboard"
    r"|mail|sms|save|bookmark|comments?"
)
_SHARE = re.compile(rf"^(?:(?:{_SHARE_WORD})\s*[:|,•·/]*\s*)+$", _I)
_WHOLE_LINE = re.compile(
    r"^(?:in other news|load more|show more|see more|advertisement|advertising|sponsored(?: content)?"
    r"|skip to (?:main )?content|subscribe(?: now)?|sign up|continue reading|close|menu|home|next article"
    r"|previous article|back to top|loading\.*|listen to this article|follow us|print this page"
    r"|image|photo|gallery|(?:\d+ )?min(?:ute)? read|enlarge this image|toggle caption|hide caption)\W*$",
    _I,
)
_NEWSLETTER = re.compile(
    r"newsletter|sign up for|subscribe to|subscribe (?:now|today)|delivered (?:to|straight to) your inbox"
    r"|support (?:our|independent) journalism|become a (?:member|subscriber|patron)|donate",
    _I,
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)|.*\b(?:all rights reserved|may not be (?:published|reproduced))", _I
)
_SOURCE = re.compile(
    r"(?:sources?|via|with (?:inputs|agencies)|courtesy)\s*:\s*\S.{0,100}$"
    r"|\(?(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b.{0,200}$"
    r"|.{0,80}\bcontributed (?:to )?(?:this )?report(?:ing)?\b.{0,20}$"
    r"|this (?:article|story) (?:was|has been) (?:updated|corrected|amended|originally published)",
    _I,
)
_NEWSLETTER_WORDS = ("newsletter", "sign up", "subscribe", "inbox", "journalism", "become a", "donate")
_BYLINE = re.compile(r"^(?:by|written by|posted by|words by|story by)\s+([A-Z].{0,90})$", _I)
_FOLLOW = re.compile(
    r"^(?:follow (?:him|her|them|us|the author)\b|contact (?:him|her|the author)\b)|^@\w+$", _I
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "Dec", "December", "Dec."
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_STAMP_PART = re.compile(
    rf"\b{_MONTH}|\b\d{{1,4}}(?:st|nd|rd|th)?\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
    r"|\b(?:published|updated|posted|last|first|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|ago"
    r"|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b",
    _I,
)


def is_furniture(line: str) -> bool:
    """A line of page furniture: link, share widget, byline, credit, stamp, prompt, copyright."""
    if len(line) > 300:
        return False
    if _LINK.match(line) or _SHARE.match(line) or _WHOLE_LINE.match(line) or _COPYRIGHT.match(line):
        return True
    if _SOURCE.match(line) or _FOLLOW.match(line) or _is_byline(line) or _is_stamp(line):
        return True
    lower = line.lower()
    return len(line) < 200 and any(w in lower for w in _NEWSLETTER_WORDS) and bool(_NEWSLETTER.search(line))


def _is_byline(line: str) -> bool:
    """ "By John Smith, Associated Press" but not "By Monday, the rockets had hit ..." """
    match = _BYLINE.match(line)
    if not match or line.endswith("."):
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", match.group(1))
    lower = [
        w for w in words if w[0].islower() and w not in {"and", "in", "of", "for", "at", "the", "de", "al"}
    ]
    return len(lower) <= len(words) // 4


def _is_stamp(line: str) -> bool:
    """A line that is only a date or time stamp ("Published 16 December 2019 10:14 GMT")."""
    if len(line) > 80 or not _DIGIT.search(line):
        return False
    return not _LETTER.search(_STAMP_PART.sub(" ", line))


# --- photo captions -------------------------------------------------------------------------------

_AGENCY = r"AFP|AP|Reuters|EPA|Getty(?: Images)?|Xinhua|Anadolu|Shutterstock|Alamy|AAP|Sipa|Bloomberg"
_CREDIT_END = re.compile(  # credits close a caption: "[File: Jane Doe/Reuters]", "(Photo: ...)", "(AFP)"
    r"(?:\[(?i:file|photo|image|picture|video)s?\b[^\]]*\]"
    r"|\((?i:file |handout )?(?i:photo|image|picture|photograph|credit|courtesy|video)s?\b[^)]*\)"
    rf"|\((?:{_AGENCY})(?:/[^)]*)?\)|/ ?(?:{_AGENCY})\]?|\b(?:{_AGENCY}) via Getty Images"
    r"|\b(?:Getty Images|Shutterstock|Alamy(?: Stock Photo)?)"
    r"|\b(?i:photo|image|picture|photograph|credit)s?\s*(?i:by|:)\s*[A-Z][^.]{0,60})\s*\.?$"
)
_CREDIT_START = re.compile(r"(?:file photo|photo|image|pictured|above|top|main image|caption)\s*[:\-–—|]", _I)
_WIRE_DATELINE = re.compile(rf"[A-Z][A-Z .,'-]+\s*\((?:{_AGENCY})\)\s*[-–—:]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _drop_captions(lines: Sequence[Line], keep: list[bool]) -> None:
    """A credited line is a caption, as is an unpunctuated line (the picture's description) beside it."""
    for i, line in enumerate(lines):
        text = line.text
        credited = _CREDIT_END.search(text[-120:]) or _CREDIT_START.match(text)
        if len(text) > 400 or not credited or _WIRE_DATELINE.match(text):
            continue
        keep[i] = False
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and lines[j].block == line.block and not _ends_sentence(lines[j].text):
                keep[j] = False


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line[-8:]))


# --- author bio at the end ------------------------------------------------------------------------

_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+,?\s+(?:is|was|has been|writes|covers|reports)\b"
    r".{0,160}\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|author"
    r"|freelance|fellow|analyst|host|anchor|staff|bureau|covers|newsroom)",
)
_TAIL = 3  # bios and author notes sit in the last few lines of the body


def _drop_bio_tail(lines: Sequence[Line], keep: list[bool]) -> None:
    kept = [i for i, k in enumerate(keep) if k][-_TAIL:]
    for i in kept:
        if len(lines[i].text) < 400 and _BIO.match(lines[i].text):
            keep[i] = False


# --- reader comments ------------------------------------------------------------------------------


def _wordset(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


_COMMENT_HEADER = re.compile(
    r"^(?:\d[\d,]*\s+(?:comments?|replies|responses|reactions)"
    r"|(?:reader |user |top |all )?comments?(?:\s*\(\d+\))?"
    r"|discussion|join the (?:conversation|discussion)|leave a (?:comment|reply)|add a comment|post a comment"
    r"|write a comment|comments are closed|comments? (?:is|are|has been|have been) (?:closed|disabled)"
    r"|commenting (?:is|has been) (?:closed|disabled)|log ?in to (?:comment|reply)|sign in to comment"
    r"|(?:show|view|read|load) (?:all )?(?:\d+ )?comments|what do you think|have your say"
    r"|you must be logged in to post a comment|sort by\W+(?:newest|oldest|best|top)"
    r"|newest|oldest|most liked|best)\W*$",
    _I,
)
_COMMENT_CUE = re.compile(
    r"^(?:reply|report|flag|like|permalink|edit|delete|upvote|downvote|quote|respond|report abuse"
    r"|(?:load|show|view) (?:\d+ )?(?:more )?(?:comments|replies)|view (?:\d+ )?repl(?:y|ies)"
    r"|\d+\s+(?:likes?|repl(?:y|ies)|points?|votes?|upvotes?))\W*$"
    r"|^\S.{0,40}\s(?:says|said|wrote|replied)\s*:$"
    r"|^(?:like|reply)\s*[·|•]",
    _I,
)
_AGO = re.compile(r"\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b", _I)
_NAME_STOP = re.compile(
    r"^(?:the|a|an|of|in|on|at|to|for|and|or|but|with|from|by|other|more|news|what|how|why|who|when|where"
    r"|this|that|these|is|are|was|new|latest|top|all|about|after|before|our|your|my|his|her|its|their|us"
    r"|we|it|not|no|read|load|show|see|share|follow|comments?|reply|related|advertisement|analysis|opinion"
    r"|video|photo|image|update|updated|breaking|live|here|there|next|back|home|news|world|politics)$",
    _I,
)
# Capitalized words (O'Brien, but not a heading's possessive "Mahdi’s"), roman numerals, name particles.
_NAME_TOKEN = re.compile(
    r"[A-Z][A-Za-z.-]*(?:['’][A-Za-z]{2,}[A-Za-z.-]*)?|[IVX]+|(?:al|de|van|von|bin|el)-?"
)
_HANDLE = re.compile(r"@?[A-Za-z][A-Za-z0-9]*[_\d][\w.-]*")  # user handles: "john_doe", "Sam1987"
_CLOCK = re.compile(r"\d:\d\d")
_ATTRIBUTION = _wordset(
    "said says told reported announced stated added noted explained confirmed warned claimed urged "
    "spokesman spokeswoman spokesperson statement official officials"
)
_ATTRIBUTION_PHRASE = re.compile(r"\b(?:according to|called (?:for|on))\b")
_QUOTED = re.compile(r"“[^”]*(?:”|$)|^[^“]*”|\"[^\"]*(?:\"|$)")
_WORDS = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_FIRST_PERSON = _wordset("i i'm i’m i've i’ve i'd i’d i'll i’ll me my mine myself")  # of the lowercased line
_SECOND_PERSON = _wordset("you your yours you're you’re u ur")
_INFORMAL_WORDS = _wordset(
    "lol lmao rofl omg imo imho wtf btw smh haha hahaha yeah nope dont doesnt didnt cant wont isnt arent "
    "wasnt im ive youre thats theyre shouldnt wouldnt couldnt hasnt havent"
)
_LOWER_START = re.compile(r"[^\w“\"']*[a-z]")
_EMOTICON = re.compile(r"(?:^|\s)[:;]-?[()pPdD/|](?:\s|$)|<3")
_MIN_SECTION_SCORE = 4.0


def comment_start(lines: Sequence[Line]) -> int:
    """Index of the first line of the reader-comment section, or len(lines) if there is none.

    Each line after the first reporting paragraph gets a score (positive: comment-like); the
    section is the suffix with the highest total, accepted only with a comment header or at least
    two commenter-name or comment-widget lines, so an article's own subheadings never start it.
    """
    scores = [line_score(line.text) for line in lines]
    # The section follows some reporting prose; a page of comments only has none.
    first = next((i for i, (score, _) in enumerate(scores) if score <= -1), -1)
    best, best_at, total, anchors, headers, best_anchors, best_headers = 0.0, len(lines), 0.0, 0, 0, 0, 0
    for i in range(len(lines) - 1, first, -1):
        score, anchor = scores[i]
        total += score
        anchors += anchor
        headers += score >= 8
        if total > best:
            best, best_at, best_anchors, best_headers = total, i, anchors, headers
    if best >= _MIN_SECTION_SCORE and (best_headers or best_anchors >= 2):
        return best_at
    return len(lines)


def line_score(line: str) -> tuple[float, int]:
    """How much a line looks like part of a comment section, and whether it is a name/widget anchor."""
    if _COMMENT_HEADER.match(line):
        return 8.0, 1
    if len(line) < 60 and (_COMMENT_CUE.match(line) or _AGO.search(line) or _is_clock_stamp(line)):
        return 4.0, 1
    name = _name_score(line)
    if name:
        return name, 1
    lower = line.lower()
    words = set(_WORDS.findall(lower))
    chatty = _chatty(line, lower, words)
    if not chatty and (words & _ATTRIBUTION or _ATTRIBUTION_PHRASE.search(lower)):
        return -2.0, 0
    if len(line) >= 120:
        return chatty - 0.5 - len(line) / 1000, 0
    if chatty or len(line.split()) < 8 or not _ends_sentence(line):
        return chatty + 0.5, 0
    return 0.0, 0  # a short sentence of plain prose: either side of the boundary


def _chatty(line: str, lower: str, words: set[str]) -> int:
    """Informal register outside quotes: first or second person, "lol", "dont", "!", emoticons, links."""
    prose = lower
    if '"' in line or "“" in line or "”" in line:
        prose = _QUOTED.sub(" ", lower)
        words = set(_WORDS.findall(prose))
    informal = bool(words & _INFORMAL_WORDS) or "!" in prose or prose.endswith("?") or "http" in prose
    if not informal and (":" in prose or "<" in prose):
        informal = bool(_EMOTICON.search(prose))
    chatty = bool(words & _FIRST_PERSON) + bool(words & _SECOND_PERSON) + informal
    return chatty + bool(_LOWER_START.match(line))


def _is_clock_stamp(line: str) -> bool:
    """ "December 17, 2019 at 3:45 pm" alone on a line: how comment threads date each comment."""
    return ":" in line and _is_stamp(line) and bool(_CLOCK.search(line))


def _name_score(line: str) -> float:
    """A line that is only a person's name or a user handle, as comment threads print them."""
    if len(line) > 40:
        return 0.0
    if _HANDLE.fullmatch(line):
        return 3.0
    tokens = line.split()
    if not 1 <= len(tokens) <= 5:
        return 0.0
    for token in tokens:
        if not _NAME_TOKEN.fullmatch(token):
            return 0.0
        if _NAME_STOP.match(token):
            return 0.0
    return 3.0 if len(tokens) > 1 else 1.5
