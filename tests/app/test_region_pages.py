"""AppTest of the regional pages (issue 11 §2) on a store of two networks (Red A 2023-2024 and
Red B 2025-2026, tests/app/test_network_access.py), in both languages; with one network they
are not listed and say so when opened by link; the region/network filters are kept in the URL.
"""

from __future__ import annotations

import pytest
from apphelpers import plain
from plansheet import reading_plan_sheets  # noqa: F401  (fixture)
from streamlit.testing.v1 import AppTest
from test_network_access import PLAN_A, app, clean, region, single  # noqa: F401

from planmonitor.analysis import region as rg
from planmonitor.i18n import t
from planmonitor.ui import region as rv

PAGES = [p for p, _, _ in rv.PAGES]


def opened(page: str, params: dict[str, str] | None = None) -> AppTest:
    at = app(params)
    at.run()
    at.switch_page(page).run()
    clean(at)
    assert not [e.value for e in at.error]  # the frame turns a page's exception into one
    return at


def texts(at: AppTest) -> str:
    found = [*at.markdown, *at.caption, *at.info, *at.warning, *at.success, *at.title]
    return "\n".join(plain(m.value) for m in found)


def table(at: AppTest, column: str):
    """The first table drawn that has `column`."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_regional_page_draws_both_networks(region, page, lang):  # noqa: F811
    at = opened(page, {"lang": "en"} if lang == "en" else {})
    url = next(u for p, u, _ in rv.PAGES if p == page)
    assert at.title[0].value == t(f"page.{url}", lang)
    shown = texts(at)
    assert t("region.showing", lang, n=2, names="Red A, Red B" if lang == "es"
             else "Network A, Network B") in shown  # fmt: skip
    assert t("region.one_network", lang) not in shown


def test_calendar_applies_the_stated_rule(region):  # noqa: F811
    at = opened(PAGES[0])
    assert t("region.calendar.rule", "es", grace=rg.GRACE_DAYS).split("**")[0] in texts(at)
    cal = table(at, "Último reporte")
    assert list(cal["Red"]) == ["Red A", "Red B"]
    # Red A's plan ended in 2024: it is read in its own period, every month of Red B's shown
    # months after Red A's end are «outside» for Red A
    row_a = cal[cal["Red"] == "Red A"].iloc[0]
    assert set(row_a.drop(["Red", "Último reporte"])) <= {
        t(f"region.status.{s}", "es") for s in rg.STATUSES
    }
    assert row_a["Último reporte"] != t("region.never", "es")  # Red A reported on 2023-06-30


def test_coverage_names_the_objectives_no_network_covers(region):  # noqa: F811
    at = opened(PAGES[1])
    whole, _ = rv.whole_region(__import__("pandas").Timestamp.today().normalize())
    gaps = rg.uncovered(whole)
    assert gaps  # the two small plans leave most of the 23 objectives uncovered
    warning = " ".join(plain(w.value) for w in at.warning)
    assert t("region.coverage.uncovered", "es", gaps=", ".join(map(str, gaps))) in warning
    spec = at.get("plotly_chart")[0].proto.spec
    assert spec.count('"rect"') >= len(gaps)  # each uncovered column outlined
    cov = table(at, "«Todos»")
    assert len(cov) == 2 and "«Todos»" in cov.columns


def test_agencies_page_counts_lead_and_partner_per_network(region):  # noqa: F811
    at = opened(PAGES[2])
    rows = table(at, "Líder")
    pnud = rows[rows["Agencia"].str.contains("PNUD")]
    assert set(pnud["Red"]) == {"Red A", "Red B"}
    assert list(pnud["Líder"]) == [1, 1]


def test_network_filter_is_kept_in_the_url_and_narrows(region):  # noqa: F811
    at = opened(PAGES[3], {"red": "red-b"})
    assert t("region.showing", "es", n=1, names="Red B") in texts(at)
    assert at.query_params.get("red") in ("red-b", ["red-b"])
    assert list(table(at, "Avance")["Red"]) == ["Red B"]


def test_unknown_network_in_a_link_is_said_and_all_are_shown(region):  # noqa: F811
    at = opened(PAGES[0], {"red": "red-z"})
    assert t("region.unknown", "es", value="red-z") in " ".join(plain(w.value) for w in at.warning)
    assert t("region.showing", "es", n=2, names="Red A, Red B") in texts(at)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_one_network_no_regional_section_and_pages_say_so(single, lang):  # noqa: F811
    at = app({"lang": "en"} if lang == "en" else {})
    at.run()
    clean(at)
    links = " ".join(str(e.proto) for e in at.sidebar.get("page_link"))
    assert t("page.cronograma", lang) in links  # the list is drawn…
    assert not any(t(f"page.{u}", lang) in links for _, u, _ in rv.PAGES)  # …without these
    assert t("app.section.region", lang) not in texts(at)
    at.switch_page(PAGES[0]).run()
    assert t("region.one_network", lang) in texts(at)


def test_two_networks_list_the_regional_section(region):  # noqa: F811
    at = app()
    at.run()
    clean(at)
    assert "**Región**" in [m.value for m in at.markdown]
    links = " ".join(str(e.proto) for e in at.sidebar.get("page_link"))
    assert all(t(f"page.{u}", "es") in links for _, u, _ in rv.PAGES)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_regional_report_page_offers_the_regional_files(region, lang):  # noqa: F811
    at = opened("pages/region_informe.py", {"lang": "en"} if lang == "en" else {})
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("informe.excel", lang) in labels and t("informe.html", lang) in labels
    month_box = next(s for s in at.selectbox if s.label == t("region.report.month", lang))
    assert month_box.value in rg.region_months(rv.whole_region(_today())[0], _today())


def _today():
    import pandas as pd

    return pd.Timestamp.today().normalize()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_meeting_mode_steps_through_the_regional_screens(region, lang):  # noqa: F811
    from planmonitor.ui import meeting

    params = {"reunion": "1", "paso": "99", **({"lang": "en"} if lang == "en" else {})}
    at = app(params)
    at.run()  # paso=99 is clamped to the last screen: with two networks, a regional one
    clean(at)
    assert plain(at.title[0].value) == t("meeting.screen.region_completion", lang)
    assert at.get("plotly_chart")  # the completion per network, on the projector
    before = next(b for b in at.button if b.key == "_pm_meeting_prev")
    before.click().run()
    clean(at)
    assert plain(at.title[0].value) == t("meeting.screen.region_coverage", lang)
    assert len(meeting.REGIONAL_SCREENS) == 3


def test_meeting_mode_without_several_networks_has_no_regional_screen(single):  # noqa: F811
    at = app({"reunion": "1", "paso": "99"})
    at.run()
    clean(at)
    assert plain(at.title[0].value) == t("meeting.screen.alerts", "es")


def test_a_networks_new_version_shows_at_the_next_rerun(region):  # noqa: F811
    from test_network_access import PLAN_B, progress_update

    from planmonitor.i18n import fmt_date

    at = opened(PAGES[0])
    before = table(at, "Último reporte").set_index("Red")["Último reporte"]["Red B"]
    assert before == fmt_date("2025-06-30", "es")
    stored = region.commit(progress_update(PLAN_B, "Nuevo informe"), "b2.xlsx", author="beto")
    assert stored.stored
    at.run()
    clean(at)
    after = table(at, "Último reporte").set_index("Red")["Último reporte"]["Red B"]
    assert after == fmt_date("2025-07-20", "es")  # the new entry, 200 days after 2025-01-01


def test_the_closed_plan_banner_of_the_sessions_plan_stays_off_the_regional_pages(region):  # noqa: F811
    from apphelpers import closed_banner

    at = opened("pages/cronograma.py", {"plan": "red-a-2023-2024"})
    assert closed_banner(at)  # Red A's cycle ended in 2024: its own pages say so
    at = opened(PAGES[1], {"plan": "red-a-2023-2024"})
    assert not closed_banner(at)
