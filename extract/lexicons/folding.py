"""The one key every lexicon lookup uses."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case ASCII with straight apostrophes: the key all lexicon lookups use."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", ascii_text.lower()).strip()
