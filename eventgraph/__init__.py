"""eventgraph: news articles into a timeline knowledge graph of dated events, actors and places."""

from importlib.metadata import version

__version__ = version("eventgraph")
