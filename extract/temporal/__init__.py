"""The temporal tagger (TIMEX3) and calendar intervals; no spaCy, so the API can use it too."""
