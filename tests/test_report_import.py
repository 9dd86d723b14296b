"""A network's monthly report workbook imported by the regional deployment (issue 11 §4).

The report's Excel carries the plan's own data sheets after the report's (output/report/excel),
so it goes through the ordinary upload path: routed by its «Plan» sheet to the network's plan,
validated like any upload, stored once (the same file again stores nothing, its progress
entries are not added twice), and refused whole for an uploader who may not write the network.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from pg import pg_url  # noqa: F401  (fixture)
from planfactory import make_plan, product, report
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook

from planmonitor import cli, model, store
from planmonitor.i18n import t
from planmonitor.output import export
from planmonitor.output import report as rp
from planmonitor.reading.loader import load_workbook
from planmonitor.reading.workbook import report_month
from planmonitor.store import codec

A_ID, B_ID = "red-a-2023-2024", "red-b-2025-2026"


def network_plan(pid: str, network: str, nid: str, start: str, end: str, extra=()) -> model.Plan:
    year = start[:4]
    products = [
        product("2.1.1-1", "Observatorio", leads=["PNUD"], start=f"{year}-02-01"),
        product("2.2.1-1", "Campaña", start=f"{year}-03-01", end=end),
    ]
    progress = [
        report(f"{year}-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM"),
        *extra,
    ]
    info = plan_info(
        pid, start, end, title=f"Plan de {network}", network=network, network_id=nid,
        network_en=network.replace("Red", "Network"), country=f"País {nid[-1].upper()}",
    )  # fmt: skip
    return with_info(make_plan(products, progress), info)


PLAN_A = network_plan(A_ID, "Red A", "red-a", "2023-01-01", "2024-12-31")
PLAN_B = network_plan(B_ID, "Red B", "red-b", "2025-01-01", "2026-12-31")
# Red A's own planmonitor, a month later: one more report
PLAN_A_JULY = network_plan(
    A_ID, "Red A", "red-a", "2023-01-01", "2024-12-31",
    extra=[report("2023-07-20", "2.1.1-1", "En curso", 40, "Informe de julio", "PNUD")],
)  # fmt: skip


def own(plan: model.Plan) -> str:
    """The data's hash as the network's own planmonitor holds it (read from its workbook)."""
    return codec.content_sha256(load_workbook(plans_workbook(plan)).plan)


def report_workbook(plan: model.Plan, month: str, lang: str = "es") -> bytes:
    """The monthly report workbook the network's own planmonitor writes."""
    return rp.to_excel(rp.build_report(plan, month, lang=lang))


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'region.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def region(url, request):
    """A regional store holding both networks' plans as first uploaded."""
    request.getfixturevalue("reading_plan_sheets")
    s = store.open_store(url, seed=False)
    for p, name in ((PLAN_A, "a.xlsx"), (PLAN_B, "b.xlsx")):
        assert s.commit(plans_workbook(p), name, author="carga").stored
    yield s
    s.dispose()


def versions(s, plan_id: str) -> list[int]:
    return s.for_plan(plan_id).versions()["id"].tolist()


def test_the_report_sheets_are_not_data_sheets_in_either_language():
    from planmonitor.reading.workbook import match_sheets

    for lang in ("es", "en"):
        titles = [s.title for s in rp.build_report(PLAN_A_JULY, "2023-07", lang=lang).sections()]
        assert match_sheets(titles) == {}
        book = openpyxl.load_workbook(io.BytesIO(report_workbook(PLAN_A_JULY, "2023-07", lang)))
        assert book.sheetnames[: len(titles)] == titles  # the report first, for people
        data_sheets = book.sheetnames[len(titles) :]  # then the upload's sheets
        assert data_sheets == list(export.plan_to_sheets(PLAN_A_JULY))
        assert set(match_sheets(book.sheetnames)) == set(data_sheets)


@pytest.mark.parametrize("append", [True, False])
def test_a_networks_report_updates_its_plan_once(region, append):
    before_b = versions(region, B_ID)
    data = report_workbook(PLAN_A_JULY, "2023-07")
    preview = region.preview(data, "informe-2023-07-es.xlsx", append_progress=append)
    assert preview.ok, preview.errors
    assert preview.target_plan_id == A_ID and not preview.creates_plan
    assert region.preview_networks(preview) == frozenset({"red-a"})
    assert len(preview.warnings) == 0  # the report's own sheets are skipped silently
    first = region.commit(data, "informe.xlsx", author="ana", append_progress=append)
    assert first.stored
    stored = region.for_plan(A_ID).plan()
    assert codec.content_sha256(stored) == own(PLAN_A_JULY)
    assert list(stored.progress["comment"]) == ["Primer informe", "Informe de julio"]
    n = versions(region, A_ID)
    # the same file again: nothing stored, no entry added twice
    again = region.commit(data, "informe.xlsx", author="ana", append_progress=append)
    assert not again.stored and again.preview.identical
    assert versions(region, A_ID) == n
    assert len(region.for_plan(A_ID).plan().progress) == 2
    # the same month's report in English is the same data too
    en = region.commit(report_workbook(PLAN_A_JULY, "2023-07", "en"), "r.xlsx", author="ana")
    assert not en.stored and en.preview.identical
    assert versions(region, B_ID) == before_b


def test_a_report_of_a_network_new_to_the_region_creates_its_plan(url, request):
    request.getfixturevalue("reading_plan_sheets")
    s = store.open_store(url, seed=False)
    try:
        assert s.commit(plans_workbook(PLAN_B), "b.xlsx", author="carga").stored
        res = s.commit(report_workbook(PLAN_A_JULY, "2023-07"), "informe.xlsx", author="rita")
        assert res.stored and res.preview.creates_plan
        assert sorted(s.plan_ids()) == [A_ID, B_ID]
        assert codec.content_sha256(s.for_plan(A_ID).plan()) == own(PLAN_A_JULY)
    finally:
        s.dispose()


def test_a_report_of_another_network_is_refused_whole(region):
    before = {p: versions(region, p) for p in (A_ID, B_ID)}
    plan_b = network_plan(
        B_ID, "Red B", "red-b", "2025-01-01", "2026-12-31",
        extra=[report("2025-07-20", "2.1.1-1", "En curso", 30, "Intruso", "PNUD")],
    )  # fmt: skip
    data = report_workbook(plan_b, "2025-07")
    res = region.commit(data, "informe.xlsx", author="ana", plan_id=A_ID, networks={"red-a"})
    assert not res.stored and res.refused_networks == ("red-b",)
    assert "red-b" in res.message("es")
    assert {p: versions(region, p) for p in (A_ID, B_ID)} == before
    assert "Intruso" not in set(region.for_plan(B_ID).plan().progress["comment"])


def test_a_report_workbook_is_recognised_and_no_other_file_is():
    assert report_month(report_workbook(PLAN_A_JULY, "2023-07")) == "2023-07"
    assert report_month(report_workbook(PLAN_A_JULY, "2023-06", "en")) == "2023-06"
    assert report_month(plans_workbook(PLAN_A_JULY)) is None  # the plain export/upload
    assert report_month(b"not a workbook") is None
    text = rp.upload_text(report_workbook(PLAN_A_JULY, "2023-07"), PLAN_A_JULY, "en")
    assert text == t("upload.report_of", "en", network="Network A", month="July 2023")
    assert rp.upload_text(plans_workbook(PLAN_A_JULY), PLAN_A_JULY, "es") == ""


def test_a_tampered_report_is_validated_like_any_upload(region):
    book = openpyxl.load_workbook(io.BytesIO(report_workbook(PLAN_A_JULY, "2023-07")))
    ws = book["Avances"]
    header = [c.value for c in ws[1]]
    col = header.index("Porcentaje") + 1 if "Porcentaje" in header else None
    assert col is not None, header
    ws.cell(row=3, column=col, value="mucho")  # the July report's percent
    out = io.BytesIO()
    book.save(out)
    n = versions(region, A_ID)
    res = region.commit(out.getvalue(), "informe.xlsx", author="ana")
    assert not res.stored and not res.preview.ok
    errors = res.preview.errors
    hit = errors[(errors["sheet"] == "Avances") & (errors["row"] == 3)]
    assert len(hit) == 1, errors
    assert hit.iloc[0]["column"] == "Porcentaje" and "mucho" in str(hit.iloc[0]["value"])
    assert versions(region, A_ID) == n


def test_the_cli_imports_a_report_workbook_once(region, url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, url)
    path = tmp_path / "informe-2023-07-es.xlsx"
    path.write_bytes(report_workbook(PLAN_A_JULY, "2023-07"))
    argv = ["import", str(path), "--by", "ana"]
    assert cli.main(argv) == 0
    n = versions(region, A_ID)
    out = capsys.readouterr().out
    assert len(n) == 2 and "Informe de julio" in out
    assert t("upload.report_of", "es", network="Red A", month="julio de 2023") in out
    assert cli.main(argv) == 0  # the same file again: nothing stored
    assert "no se guarda nada" in capsys.readouterr().out
    assert versions(region, A_ID) == n
    assert len(region.for_plan(A_ID).plan().progress) == 2
