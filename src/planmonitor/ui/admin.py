"""The secretariat's pages (upload, history), shown only to the secretariat.

Scaffolding: returns no page until the store workflow lands (see issue 4).
"""

from __future__ import annotations


def admin_pages(lang: str = "es") -> list:
    return []
