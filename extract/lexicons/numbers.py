"""Number words: counts ("three rockets", "a dozen"), ordinals, and vague counts ("several")."""

from __future__ import annotations

# Number words by value: SMALL_NUMBERS[n] is the word for n.
SMALL_NUMBERS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"),
    *("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
VAGUE_COUNTS = (
    *("several", "a few", "few", "many", "some", "a couple of", "couple of", "a number of", "numerous"),
)
# Count words of an event's attributes ("fired three rockets", "struck twice"), one to a dozen.
NUMBER_WORDS = {
    **{word: value for value, word in enumerate(SMALL_NUMBERS) if 1 <= value <= 12},
    "dozen": 12,
    "twice": 2,
    "thrice": 3,
}
