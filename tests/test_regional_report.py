"""The regional monthly report (issue 11, §3): a regional summary (reporting calendar, GCM
coverage with the objectives no network covers, alerts per network) then one part per
network with its own monthly report; Excel, self-contained HTML, Spanish and English.
Networks built in code (tests/test_region.py's builders)."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import plotly
import pytest
from planfactory import product, report
from test_region import plan_of, region_of

from planmonitor.output.report import regional as rr
from planmonitor.output.report.model import build_report

TODAY = "2025-10-15"
# Red A: 2025 plan, reports March on time and April late; Red B: 2024-07 to 2025-06, silent;
# Red C: a 2026 plan (its period does not hold 2025-04).
A = plan_of(
    "red-a", "2025-01-01", "2025-12-31",
    [product("1.1.1-1", leads=["OIM"], gcm=[1, 3]), product("1.1.1-2", leads=["PNUD"], gcm=[1])],
    [report("2025-03-05", "1.1.1-1", "En curso", 20),
     report("2025-05-20", "1.1.1-2", "En curso", 30)],
)  # fmt: skip
B = plan_of("red-b", "2024-07-01", "2025-06-30", [product("1.1.1-1", leads=[], gcm=[5])])
C = plan_of("red-c", "2026-01-01", "2026-12-31", [product("1.1.1-1", gcm_all=True)])
REGION = region_of(A, B, C)


def build(lang: str = "es", region=REGION, month: str = "2025-04") -> rr.RegionalReport:
    return rr.build_regional_report(region, month, lang, TODAY)


def section(rep: rr.RegionalReport, key: str):
    return next(s for s in rep.summary if s.key == key)


def test_summary_comes_first_with_calendar_coverage_and_alerts():
    rep = build()
    assert [s.key for s in rep.summary] == list(rr.SUMMARY_SECTIONS)
    cal = section(rep, "calendar").table
    assert cal.iloc[:, 0].tolist() == ["Red A", "Red B", "Red C"]
    assert cal.columns[-2] == "2025-04"  # months up to the chosen one, none after
    assert "2025-05" not in cal.columns
    by_net = cal.set_index("Red")
    assert by_net.loc["Red A", "2025-03"] == "Reportado"
    assert by_net.loc["Red A", "2025-04"] == "Con retraso"  # first entry 20 May
    assert by_net.loc["Red B", "2025-04"] == "Sin reporte"
    assert by_net.loc["Red C", "2025-04"] == "Fuera del plan"
    # the last report as of the month's end: 20 May is after April, so 5 March
    assert by_net.loc["Red A", "Último reporte"] == pd.Timestamp("2025-03-05")
    assert by_net.loc["Red B", "Último reporte"] == "nunca"


def test_coverage_names_the_objectives_no_network_covers():
    rep = build()
    assert rep.uncovered == tuple(n for n in range(1, 24) if n not in (1, 3, 5))
    cov = section(rep, "coverage")
    row = cov.table.set_index("Red").loc["Red A"]
    assert (row["1"], row["3"], row["5"], row["Todos"]) == (2, 1, 0, 0)
    assert cov.table.set_index("Red").loc["Red C", "Todos"] == 1
    (line,) = cov.lines
    assert line.startswith("Objetivos que ninguna red cubre: PMM 2 · ")
    assert "PMM 1 ·" not in line and "PMM 4 ·" in line and "PMM 23 ·" in line


def test_alerts_per_network():
    alerts = section(build(), "alerts").table.set_index("Red")
    assert alerts.loc["Red B", "Sin agencia líder"] == 1
    assert alerts.loc["Red A", "Sin agencia líder"] == 0


def test_one_part_per_network_with_its_own_report_or_a_line_when_outside():
    rep = build()
    assert [p.network_id for p in rep.parts] == ["red-a", "red-b", "red-c"]
    a, b, c = rep.parts
    assert a.report is not None and b.report is not None and c.report is None
    own = build_report(A, "2025-04", lang="es")
    assert [s.title for s in a.report.sections()] == [s.title for s in own.sections()]
    assert a.report.sections()[2].table.equals(own.sections()[2].table)
    assert "«Red C»" in c.note and "abril de 2025" in c.note and "no incluye" in c.note


def test_english_texts():
    rep = build("en")
    assert rep.title == "Regional monthly monitoring report"
    cal = section(rep, "calendar").table.set_index("Network")
    got = cal.loc["Test network", "2025-04"].tolist()
    assert got == ["Late", "Not reported", "Outside the plan"]
    assert section(rep, "coverage").lines[0].startswith("Objectives no network covers: GCM 2 · ")
    assert "does not include April 2025" in rep.parts[2].note
    assert [s.title for s in rep.parts[0].report.sections()][0] == "Summary"


def test_a_malformed_month_is_refused():
    with pytest.raises(ValueError):
        rr.build_regional_report(REGION, "2025-4", "es", TODAY)


def _workbook(rep: rr.RegionalReport) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(rr.regional_excel(rep)))


def test_excel_has_the_summary_sheets_then_each_networks_sheets():
    wb = _workbook(build())
    names = wb.sheetnames
    summary = ["Calendario de reportes", "Cobertura de los objetivos del", "Alertas por red"]
    assert names[:3] == summary
    assert all(len(n) <= 31 for n in names) and len({n.casefold() for n in names}) == len(names)
    own = build_report(A, "2025-04").sections()
    assert sum(n.startswith("Red A · ") for n in names) == len(own)
    assert "Red C" in names  # the network outside its period: one sheet that says so
    assert any("no incluye" in str(c.value) for row in wb["Red C"].iter_rows() for c in row)


def test_excel_sheet_names_stay_unique_and_safe_for_long_or_odd_names():
    odd = plan_of("red-x", "2025-01-01", "2025-12-31", [product("1.1.1-1")])
    reg = region_of(A, odd)  # the names come from the networks table
    long_name = "Red: de/las [Américas]*? muy larga"
    reg.networks.loc[:, "network_es"] = [long_name, f"{long_name} otra"]
    names = _workbook(rr.build_regional_report(reg, "2025-04", "es", TODAY)).sheetnames
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    assert len({n.casefold() for n in names}) == len(names)


def test_text_starting_with_equals_stays_text_in_the_excel():
    formula = plan_of(
        "red-f", "2025-01-01", "2025-12-31", [product("1.1.1-1", "=HYPERLINK(\"x\")")],
        [report("2025-04-02", "1.1.1-1", "En curso", 10, "=1+1")],
    )  # fmt: skip
    reg = region_of(A, formula)
    reg.networks.loc[1, "network_es"] = "=SUMA(1;2)"
    wb = _workbook(rr.build_regional_report(reg, "2025-04", "es", TODAY))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    texts = {c.value for c in cells}
    assert {"=1+1", "=SUMA(1;2)", '=HYPERLINK("x")'} <= texts
    assert all(c.data_type != "f" for c in cells)


def test_html_is_self_contained_and_has_every_part():
    text = rr.regional_html(build())
    assert 'lang="es"' in text and "Informe mensual regional de seguimiento" in text
    for name in ("Red A", "Red B", "Red C", "Calendario de reportes", "Objetivos que ninguna"):
        assert name in text
    assert text.count('class="break network-part"') == 3
    bundle = plotly.offline.get_plotlyjs()
    assert text.count(bundle) == 1  # inlined once for the whole file, never fetched
    rest = text.replace(bundle, "")  # the library's own strings hold URLs; our markup none
    assert "<script src" not in rest.lower() and "<link" not in rest.lower()
    assert not re.search(r"""(src|href)\s*=""", rest, re.I)
    assert "http://" not in rest and "https://" not in rest
    light = rr.regional_html(build("en"), light=True)
    assert 'lang="en"' in light and "<svg" in light and bundle not in light


def test_html_escapes_a_network_name():
    reg = region_of(A, B)
    reg.networks.loc[1, "network_es"] = "<script>alert(1)</script>"
    text = rr.regional_html(rr.build_regional_report(reg, "2025-04", "es", TODAY), light=True)
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_html_calendar_shows_the_last_months_and_says_so():
    text = rr.regional_html(build(), light=True)
    calendar = text.split('id="calendar"', 1)[1].split("</section>", 1)[0]
    shown = re.findall(r"<th>(\d{4}-\d{2})</th>", calendar)
    assert shown == ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"]
    assert "Se muestran los últimos 6 meses" in calendar
    assert "2024-07" in section(build(), "calendar").table.columns  # the workbook keeps all
