"""The cross-article step: canonical actors and places, one event from many mentions."""
