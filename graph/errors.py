"""Store failures the CLI and the API map to exit codes and HTTP statuses.

Driver exceptions never leave the store: users get one line that says what to fix.
"""

from __future__ import annotations


class StoreError(Exception):
    """Anything a store cannot do; the message is meant for the user."""


class StoreUnavailable(StoreError):
    """The server cannot be reached (down, wrong address, network)."""


class StoreAuthError(StoreError):
    """The server refused the user name or password."""


class QueryTimeout(StoreError):
    """A query ran past its time limit and was stopped by the server."""
