"""Charts on a phone and as tables (issue 10): charts.phone.for_phone, charts.table."""

from __future__ import annotations

import pandas as pd

from planmonitor.output import charts
from planmonitor.output.charts.phone import TICK_CHARS, for_phone, short_label
from planmonitor.output.charts.table import figure_table, plain


def _coverage() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "number": range(1, 24),
            "label_es": [f"Objetivo de prueba número {n}" for n in range(1, 24)],
            "title_en": [f"Test objective number {n}" for n in range(1, 24)],
            "n": [n % 3 for n in range(1, 24)],
            "n_specific": [n % 2 for n in range(1, 24)],
            "n_all": [0] * 23,
        }
    )


def _load() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "agency": ["OIM", "OIM", "ACNUR", "ACNUR"],
            "role": ["lead", "partner", "lead", "partner"],
            "count": [3, 2, 1, 4],
        }
    )


def test_compact_gcm_tiles_put_three_per_row():
    wide = charts.build_gcm_tiles_figure(_coverage(), "es")
    narrow = charts.build_gcm_tiles_figure(_coverage(), "es", compact=True)
    assert wide.layout.xaxis.range == (0, 7)
    assert narrow.layout.xaxis.range == (0, 3)
    assert narrow.layout.yaxis.range == (-8, 0)  # 23 tiles: 8 rows of 3
    assert max(narrow.data[-1].x) < 3


def test_short_label_keeps_two_short_lines_and_escapes():
    label = short_label("2.1.1-1 Documento de Estrategia de comunicación &amp; difusión")
    lines = label.split("<br>")
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(len(x) <= TICK_CHARS + 8 for x in lines)
    assert short_label("<b>a</b> &lt;script&gt;") == "a &lt;script&gt;"


def test_for_phone_moves_the_legend_below_and_leaves_the_original_alone():
    bars = charts.build_agency_load_figure(_load(), "es")
    before = bars.to_json()
    phone = for_phone(bars)
    assert bars.to_json() == before
    assert phone.layout.legend.orientation == "h" and phone.layout.legend.yref == "container"
    assert phone.layout.legend.y < 0.1  # at the bottom of the figure, not over the title
    assert all(len(plain(x)) <= 28 for x in phone.layout.title.text.split("<br>"))


def test_figure_table_of_bars_is_one_row_per_category_one_column_per_series():
    fig = charts.build_agency_load_figure(_load(), "es")
    table = figure_table(fig, "es")
    assert table.columns[0] == "Elemento"
    assert len(table) == 2 and len(table.columns) == 3  # agency, lead, partner
    oim = table[table["Elemento"].str.contains("OIM")].iloc[0]
    assert sorted(oim.iloc[1:].tolist()) == [2, 3]


def test_figure_table_of_tiles_lists_every_objective_with_its_hover_text():
    table = figure_table(charts.build_gcm_tiles_figure(_coverage(), "en"), "en")
    assert len(table) == 23
    assert "Detail" in table.columns
    assert table["Detail"].str.contains("Test objective number 7").any()
    assert not table["Detail"].str.contains("<").any()
