"""Bytes to text, or the reason they are not an English article.

Real-world files arrive in legacy encodings, as binaries with a text extension, or in
other languages; each is caught here with a one-line reason instead of garbage events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventgraph.extract.lexicons.stopwords import ENGLISH_FUNCTION_WORDS

_WORD = re.compile(r"[a-z]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
MIN_STOPWORD_RATIO = 0.12
_LANGUAGE_SAMPLE = 20_000  # characters: enough to judge, cheap on a 20 MB file


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" unless a fallback was needed


def binary_reason(data: bytes) -> str | None:
    """Why these bytes are not text, or None; NUL bytes never occur in 8-bit or UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark has NULs but is text
    if b"\x00" in data[:65536]:
        return "binary file (NUL bytes)"
    return None


def decode(data: bytes) -> Decoded:
    """Decode as UTF-8, else the encodings English news files really use (cp1252, then latin-1)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # charset-normalizer guesses cp1250/cp1257 for Western text, so cp1252 goes first.
    try:
        return Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            return Decoded(data.decode(best.encoding), best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(data.decode("latin-1"), "latin-1")


def text_reason(text: str) -> str | None:
    """Why decoded text is not an English article we can read, or None."""
    sample = text[:_LANGUAGE_SAMPLE]
    if not sample.strip():
        return "empty file"
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 50):
        return "binary file (mostly non-text)"
    if not sample.isascii():
        ascii_letters = len(_ASCII_LETTER.findall(sample))
        other_letters = len(_OTHER_LETTER.findall(sample))
        if other_letters >= 25 and other_letters > ascii_letters:
            return "not English (mostly non-Latin script)"
    words = _WORD.findall(sample.lower())
    if len(words) >= 40:
        ratio = sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) / len(words)
        if ratio < MIN_STOPWORD_RATIO:
            return f"not English ({ratio:.0%} English function words)"
    return None
