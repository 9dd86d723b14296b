"""ui.safe.md: workbook text is text wherever Streamlit reads Markdown (issue 12)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from apphelpers import plain
from streamlit.testing.v1 import AppTest

from planmonitor.ui.safe import WORD_JOINER, md, md_table

PAYLOADS = [
    "<img src=http://127.0.0.1:9/x>",
    "<script>window.__pwned=1</script>",
    "![x](http://127.0.0.1:9/y)",
    "[x](javascript:alert(1))",
    "**b**",
    "$x^2$",
    ":red[x]",
    ":material/home:",
    "`code`",
    "# heading",
    "1. list",
    "- item",
    "> quote",
    "a | b",
    "&lt;",
    "back\\slash",
    "www.example.org",
    "http://127.0.0.1:9/x",
    "ana@example.org",
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_every_markup_character_is_escaped_and_the_text_comes_back_whole(text):
    escaped = md(text)
    assert plain(escaped) == text
    # no punctuation is left bare: without the escape pairs, none remains
    assert not re.search(r"[!-/:-@\[-`{-~]", re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped))


@pytest.mark.parametrize(
    "text", ["http://127.0.0.1:9/x", "HTTPS://a.org", "www.a.org", "ana@a.org"]
)
def test_autolink_literals_are_broken_by_an_invisible_joiner(text):
    """remark-gfm links bare addresses in the resolved text, whatever the escapes: the word
    joiner sits where its patterns need a scheme, "www." or a user name next to "@"."""
    resolved = plain(md(text).replace(WORD_JOINER, "#"))  # the joiner made visible
    assert not re.search(r"(?i)https?://|www\.|\w@", resolved)
    assert resolved.replace("#", "") == text


def test_letters_digits_and_spaces_are_left_alone():
    assert md("Diálogo de expertos 2023") == "Diálogo de expertos 2023"
    assert md(None) == ""
    assert md(12) == "12"


def test_lines_become_hard_breaks_without_the_indent_that_would_make_code():
    assert md("uno\n    dos\r\ntres") == "uno  \ndos  \ntres"


def test_md_table_escapes_cells_and_headers_and_keeps_numbers():
    table = pd.DataFrame({"**Nombre**": ["$x$", "ok"], "n": [1, 2]})
    out = md_table(table)
    assert list(out.columns) == [md("**Nombre**"), "n"]
    assert out.iloc[0, 0] == md("$x$") and out["n"].tolist() == [1, 2]
    assert table.iloc[0, 0] == "$x$"  # the input is not mutated


def test_streamlit_keeps_the_escaped_source_for_the_frontend():
    """AppTest shows what the browser receives: the escaped source (rendered as the literal
    text: tests/e2e/test_markup.py checks it in a browser)."""

    def app():
        import streamlit as st

        from planmonitor.ui.safe import md

        st.caption(md("**b** $x^2$ :red[x]"))

    at = AppTest.from_function(app).run()
    assert at.caption[0].value == r"\*\*b\*\* \$x\^2\$ \:red\[x\]"
