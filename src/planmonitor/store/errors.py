"""What can go wrong in the store, said to the user in either language.

A `StoreError` is an operation that cannot be done (an unknown version, a version without an
author); a `StoreUnavailable` is a database that cannot be used at all (a malformed or
unsupported URL, a server that does not answer, a locked SQLite file, a schema written by a
newer release). Both carry an i18n key so the page and the command line say it in their
language; `str()` is the Spanish sentence (logs, and callers that show the message as is).
"""

from __future__ import annotations

from typing import Any

from planmonitor.i18n import t


class StoreError(RuntimeError):
    """A store operation that cannot be done; `message(lang)` is the sentence for the user."""

    def __init__(self, key: str, **kw: Any) -> None:
        self.key = key
        self.kw = kw
        super().__init__(t(key, "es", **kw))

    def message(self, lang: str = "es") -> str:
        return t(self.key, lang, **self.kw)


class StoreUnavailable(StoreError):
    """The database cannot be used; `reason` says why (url, unsupported, driver, unreachable,
    locked, cannot_open, read_only, newer_schema, not_a_store, seed_missing, seed_invalid)."""

    def __init__(self, reason: str, **kw: Any) -> None:
        self.reason = reason
        super().__init__(f"store.err.{reason}", **kw)
