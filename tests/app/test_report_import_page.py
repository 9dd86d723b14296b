"""The upload page with a network's monthly report workbook (issue 11 §4): a secretariat of
Red A uploads Red A's report and it is stored once; Red B's report is refused before any confirm
button, and nothing is stored. The store and the access come from test_network_access.
"""

from __future__ import annotations

import pytest
from apphelpers import plain
from planfactory import make_plan, product, report
from plansheet import reading_plan_sheets, with_info  # noqa: F401  (fixture)
from test_network_access import (
    A_ID,
    B_ID,
    UPLOAD,
    UPLOADER,
    as_session,
    clean,
    errors,
    network_plan,
    refusal,
    region,  # noqa: F401  (fixture, asked for by name)
    versions,
)

from planmonitor.i18n import t
from planmonitor.output import report as rp

CONFIRM = "_pm_upload_confirm"


def report_workbook(plan_id: str, network: str, nid: str, start: str, end: str) -> bytes:
    """July's report workbook of the network's own planmonitor: its plan plus one new report."""
    year = start[:4]
    info = network_plan(plan_id, network, nid, start, end).info
    products = [  # network_plan's products
        product("2.1.1-1", "Observatorio", leads=["PNUD"], start=f"{year}-02-01"),
        product("2.2.1-1", "Campaña", start=f"{year}-03-01", end=end),
    ]
    progress = [
        report(f"{year}-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM"),
        report(f"{year}-07-20", "2.1.1-1", "En curso", 40, f"Julio de {network}", "PNUD"),
    ]
    plan = with_info(make_plan(products, progress), info)
    return rp.to_excel(rp.build_report(plan, f"{year}-07"))


def upload(at, name: str, data: bytes):
    return clean(at.file_uploader(key=UPLOADER).upload(name, data).run())


def confirm(at):
    return [b for b in at.button if b.key == CONFIRM]


def test_a_secretariat_of_red_a_imports_its_report_once(request):
    region = request.getfixturevalue("region")  # noqa: F811  (the two networks' store)
    before_b = versions(region, B_ID)
    at = clean(as_session("ana", ["red-a"], {"plan": A_ID}).run())
    clean(at.switch_page(UPLOAD).run())
    assert not at.error and at.file_uploader
    data = report_workbook(A_ID, "Red A", "red-a", "2023-01-01", "2024-12-31")
    upload(at, "informe-2023-07-es.xlsx", data)
    assert not at.error and not at.warning  # the report's own sheets are skipped silently
    target = plain(t("store.target.update", "es", plan="Plan de Red A", plan_id=A_ID))
    captions = [plain(c.value) for c in at.main.caption]
    assert target in captions  # it updates Red A's plan
    report_of = t("upload.report_of", "es", network="Red A", month="julio de 2023")
    assert plain(report_of) in captions  # and says what the file is
    clean(confirm(at)[0].click().run())
    stored = region.for_plan(A_ID).plan()
    assert list(stored.progress["comment"]) == ["Primer informe", "Julio de Red A"]
    n = versions(region, A_ID)
    # the same file again: the page says nothing changes and offers no confirm button
    at = clean(as_session("ana", ["red-a"], {"plan": A_ID}).run())
    clean(at.switch_page(UPLOAD).run())
    upload(at, "informe-2023-07-es.xlsx", data)
    assert not confirm(at)
    assert plain(t("upload.identical", "es", v=n[-1])) in [plain(i.value) for i in at.info]
    assert versions(region, A_ID) == n and len(region.for_plan(A_ID).plan().progress) == 2
    assert versions(region, B_ID) == before_b


@pytest.mark.parametrize("lang", ["es", "en"])
def test_red_bs_report_is_refused_for_a_secretariat_of_red_a(request, lang):
    region = request.getfixturevalue("region")  # noqa: F811  (the two networks' store)
    before = {p: versions(region, p) for p in (A_ID, B_ID)}
    params = {"plan": A_ID} | ({"lang": "en"} if lang == "en" else {})
    at = clean(as_session("ana", ["red-a"], params).run())
    clean(at.switch_page(UPLOAD).run())
    data = report_workbook(B_ID, "Red B", "red-b", "2025-01-01", "2026-12-31")
    upload(at, "informe-2025-07-es.xlsx", data)
    network = "Network B" if lang == "en" else "Red B"
    writes = t("access.writes", lang, networks="Network A" if lang == "en" else "Red A")
    assert refusal("file", network, writes, lang) in errors(at)
    month = "July 2025" if lang == "en" else "julio de 2025"
    report_of = t("upload.report_of", lang, network=network, month=month)
    assert plain(report_of) in [plain(c.value) for c in at.main.caption]
    assert not confirm(at)
    assert {p: versions(region, p) for p in (A_ID, B_ID)} == before
    assert "Julio de Red B" not in set(region.for_plan(B_ID).plan().progress["comment"])
