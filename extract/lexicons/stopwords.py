"""Function words, for three jobs that each compare or count words differently.

``CONTENT_STOPWORDS``: statements of different articles are alike when their content words
are; pronouns and speech verbs are no content. ``REPEAT_STOPWORDS``: a standfirst repeats the
lede when nearly all its words recur; that check counts every word, even short ones, so it
drops only the words every sentence has, plus the pieces "U.S." splits into. Both share one
core; widening the repeat list to the content list is a behaviour change to be measured, not
part of moving the lists. ``ENGLISH_FUNCTION_WORDS``: the most frequent English words, whose
share of a text says it is English at all.
"""

from __future__ import annotations

import re

# The words every English sentence has: no evidence that two sentences say the same.
_COMMON = (
    "the",
    "a",
    "an",
    "of",
    "and",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "that",
    "its",
    "has",
    "have",
    "had",
    "us",
)
REPEAT_STOPWORDS = frozenset([*_COMMON, "u", "s", "'s"])
CONTENT_STOPWORDS = frozenset(
    [
        *_COMMON,
        "or",
        "by",
        "from",
        "this",
        "these",
        "those",
        "it",
        "is",
        "was",
        "were",
        "be",
        "been",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "i",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "also",
        "as",
        "but",
        "after",
        "before",
        "over",
        "into",
        "about",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "not",
        "no",
        "than",
        "then",
        "there",
        "here",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
    ]
)
# Function words make up ~40% of running English text and almost none of other languages.
ENGLISH_FUNCTION_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the of and to in a is that for on with was as by it at from he be has have are his said an not this "
        "but were they which had their or its will who been after would we i you she her",
    )
)
