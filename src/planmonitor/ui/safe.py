"""Workbook text on screen is text: the one escape for everything Streamlit reads as Markdown.

Streamlit renders Markdown in titles, headers, captions, st.markdown/st.write, the alert boxes,
metric, expander, tab and widget labels, help tooltips and st.table cells: GitHub Markdown
(links, images, emphasis), LaTeX between ``$``, ``:red[...]``-style directives, and (never
here) HTML. A workbook cell reading ``![x](http://host/y)`` would load an image from anywhere
on every visit; ``**b**`` would turn bold, ``$x^2$`` into a formula.

``md(text)`` backslash-escapes every ASCII punctuation character (CommonMark lets any of them
be escaped, and the escape shows nothing), so the parser sees only literal characters: no
link, image, emphasis, code, heading, list, math, directive, entity or HTML can start. Lines
are joined by hard breaks with their indentation dropped (an indented line would be a code
block). GitHub's "autolink literals" (``http://…``, ``www.…``, ``a@b.org``) are found in the
text after the escapes are resolved, so no escape stops them: an invisible WORD JOINER
(U+2060) after the scheme or ``www`` and before ``@`` does, and the text reads the same.

Text that Streamlit shows literally (st.dataframe cells, selectbox and multiselect options,
st.text) must NOT go through it: the backslashes would show.

Catalogue strings hold no Markdown, so a whole translated sentence with workbook text in it
goes through ``md`` as one piece: ``st.caption(md(t("key", lang, name=name)))``.
"""

from __future__ import annotations

import re

import pandas as pd

# Every ASCII punctuation character: ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Where remark-gfm would start a link of its own: "http(s)" before ":", "www" before ".", "@".
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=www)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """``text`` as a Markdown source that renders exactly as the text itself."""
    if text is None:
        return ""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "  \n".join(
        _PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, line.strip())) for line in lines
    )


def md_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of a display table for st.table (whose cells and headers are Markdown)."""
    out = table.map(lambda v: v if v is None or isinstance(v, int | float) else md(v))
    return out.rename(columns=lambda c: md(c))
