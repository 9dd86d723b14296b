"""Decisions and action points: stored append-only on the store's database, listed per
meeting, superseded for edits, untouched by uploads and rollbacks, exported as minutes."""

from __future__ import annotations

import datetime as dt
import io
import threading

import openpyxl
import pandas as pd
import pytest
import sqlalchemy as sa
from pg import pg_url  # noqa: F401  (fixture)

from planmonitor import store
from planmonitor.output import export, minutes
from planmonitor.store import decisions
from planmonitor.store.decisions import DecisionError, Decisions, Entry

MEETING = dt.date(2024, 5, 14)
CODES = {"1.1.1-1": "Diálogo de expertos", "2.1": "Estrategia de comunicación"}


@pytest.fixture(params=["sqlite", "postgresql"])
def st_(request, tmp_path):
    url = (
        f"sqlite:///{tmp_path / 'planmonitor.sqlite'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    s = store.open_store(url)
    yield s
    s.dispose()


@pytest.fixture
def book(st_) -> Decisions:
    return Decisions(st_.engine)


def entry(**kw) -> Entry:
    base = dict(
        meeting_date=MEETING,
        kind="action",
        target_type="product",
        target_code="1.1.1-1",
        text="Enviar la guía revisada al Comité",
        owner="PNUD",
        due_date=dt.date(2024, 6, 30),
    )
    return Entry(**{**base, **kw})


def test_record_and_list_per_meeting_in_recording_order(book):
    a = book.record(entry(), "ana", codes=CODES)
    b = book.record(
        entry(kind="decision", target_type="strategy", target_code="2.1", text="Aprobar", owner=""),
        "ana",
    )
    book.record(entry(meeting_date=dt.date(2024, 6, 11), text="Otra reunión"), "luis")
    may = book.current(MEETING)
    assert may["decision_id"].tolist() == [a, b]
    assert may["kind"].tolist() == ["action", "decision"]
    assert may.loc[0, "due_date"] == pd.Timestamp("2024-06-30")
    assert (may["status"] == "open").all() and (may["revision"] == 1).all()
    assert book.meetings() == [dt.date(2024, 6, 11), MEETING]
    assert len(book.current()) == 3
    assert str(may["text"].dtype) == "str"


def test_supersede_keeps_history_and_shows_the_latest_revision(book):
    d = book.record(entry(), "ana")
    assert book.set_status(d, "done", "luis") == 2
    assert book.supersede(d, "ana", text="Enviar la guía (versión final)") == 3
    now = book.current(MEETING)
    assert len(now) == 1
    row = now.iloc[0]
    assert (row["status"], row["text"], row["revision"], row["author"]) == (
        "done",
        "Enviar la guía (versión final)",
        3,
        "ana",
    )
    hist = book.history(d)
    assert hist["revision"].tolist() == [1, 2, 3]
    assert hist["status"].tolist() == ["open", "done", "done"]
    assert hist["author"].tolist() == ["ana", "luis", "ana"]
    with pytest.raises(KeyError):
        book.supersede("0" * 32, "ana", status="done")
    with pytest.raises(TypeError):
        book.supersede(d, "ana", decision_id="x")


def test_invalid_entries_are_refused_with_every_reason_in_both_languages(book):
    bad = entry(
        kind="acuerdo", text="  ", owner="", target_code="9.9", due_date=dt.date(2024, 1, 1)
    )
    with pytest.raises(DecisionError) as info:
        book.record(bad, "ana", codes=CODES)
    es = info.value.message("es")
    assert "Tipo desconocido: acuerdo" in es
    assert "«9.9» no es un producto ni una estrategia del plan" in es
    assert "Escriba qué se decidió" in es
    assert "anterior a la reunión" in es
    assert "not a product or a strategy" in info.value.message("en")
    assert book.current().empty
    # an action point needs someone responsible; a decision does not
    assert entry(owner=" ").problems()
    assert not entry(kind="decision", owner="").problems()
    # an edit is checked too, and a refused edit stores nothing
    d = book.record(entry(), "ana")
    with pytest.raises(DecisionError):
        book.supersede(d, "ana", status="cerrado")
    assert book.history(d)["revision"].tolist() == [1]


def test_an_edit_based_on_an_old_revision_is_refused_not_lost(book):
    d = book.record(entry(), "ana")
    assert book.set_status(d, "done", "luis", based_on=1) == 2
    # ana still sees revision 1: her edit would overwrite luis's "done"
    with pytest.raises(DecisionError, match="al mismo tiempo"):
        book.supersede(d, "ana", based_on=1, text="otro texto")
    assert book.history(d)["author"].tolist() == ["ana", "luis"]
    # the unique (decision_id, revision) is the last guard against two simultaneous writers
    with pytest.raises(sa.exc.IntegrityError), book.engine.begin() as c:
        c.execute(
            decisions.decisions_table.insert().values(
                **decisions._row(entry().cleaned(), d, 2, "eva")
            )
        )


def test_upload_and_rollback_leave_decisions_intact(st_, book):
    d = book.record(entry(), "ana")
    book.set_status(d, "done", "ana")
    before = book.current()
    v0 = st_.current_version_id()
    plan = st_.plan()
    extra = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp("2024-12-20"), status="Cancelado", percent=0.0, row=pd.NA)
        .astype(plan.progress.dtypes.to_dict())
    )
    new = plan.__class__(
        **{**plan.__dict__, "progress": pd.concat([plan.progress, extra], ignore_index=True)}
    )
    result = st_.commit(
        export.write_workbook(export.plan_to_sheets(new, include=["Avances"])),
        "avances.xlsx",
        author="ana",
    )
    assert result.stored
    st_.rollback(v0, author="ana")
    assert st_.current_version_id() > result.version_id
    # a store opened again on the same database sees the same decisions
    other = store.open_store(st_.engine.url.render_as_string(hide_password=False))
    try:
        for book_ in (book, Decisions(other.engine)):
            pd.testing.assert_frame_equal(book_.current(), before)
            assert book_.history(d)["revision"].tolist() == [1, 2]
    finally:
        other.dispose()


def test_schema_creation_is_idempotent_and_separate_from_the_store(st_):
    Decisions(st_.engine)
    Decisions(st_.engine)
    with st_.engine.connect() as c:
        tables = set(sa.inspect(c).get_table_names())
    assert {"versions", "snapshots", "files", "decision_records"} <= tables
    assert "decision_records" not in store.metadata.tables


def test_concurrent_first_use_creates_the_table_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    s = store.open_store(url)
    errors: list[BaseException] = []

    def open_and_record(i: int) -> None:
        try:
            Decisions(s.engine).record(entry(text=f"acuerdo {i}"), "ana")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_record, args=(i,)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert sorted(Decisions(s.engine).current()["text"]) == [f"acuerdo {i}" for i in range(4)]
    s.dispose()


# --------------------------------------------------------------------------------------------
# Minutes
# --------------------------------------------------------------------------------------------
HOSTILE = '=HYPERLINK("http://x","clic") <script>alert(1)</script>'


def test_minutes_excel_keeps_text_as_text_in_both_languages(book):
    book.record(entry(text=HOSTILE, owner="@OIM"), "ana")
    book.record(
        entry(kind="decision", target_type="strategy", target_code="2.1", text="Aprobar", owner=""),
        "ana",
    )
    current = book.current(MEETING)
    # the network's name is its plan's (issue 9): a fictitious one here
    data = minutes.minutes_excel(current, "es", MEETING, names=CODES, network="Red de Prueba")
    ws = openpyxl.load_workbook(io.BytesIO(data))["Acta"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][0] == "Red de Prueba"
    assert rows[1][0] == "Comité Ejecutivo · Decisiones y acuerdos"
    assert rows[2][0] == "Reunión del 14/05/2024"
    assert rows[3] == [
        "N.º",
        "Tipo",
        "Producto o estrategia",
        "Qué",
        "Quién",
        "Para cuándo",
        "Estado",
    ]
    assert rows[4] == [
        1,
        "Acuerdo / acción",
        "Producto 1.1.1-1 · Diálogo de expertos",
        HOSTILE,
        "@OIM",
        "30/06/2024",
        "Pendiente",
    ]
    assert ws.cell(row=5, column=4).data_type == "s"  # not a formula
    assert rows[5][1:3] == ["Decisión", "Estrategia 2.1 · Estrategia de comunicación"]
    en = openpyxl.load_workbook(
        io.BytesIO(minutes.minutes_excel(current, "en", MEETING, network="Test Network"))
    )
    assert en.sheetnames == ["Minutes"]
    assert en["Minutes"].cell(row=1, column=1).value == "Test Network"
    assert en["Minutes"].cell(row=5, column=2).value == "Action point"


def test_minutes_html_escapes_every_text_and_is_printable(book):
    book.record(entry(text=HOSTILE, owner="<b>OIM</b>"), "ana")
    current = book.current(MEETING)
    page = minutes.minutes_html(current, "es", MEETING, names={"1.1.1-1": "A & B <i>"})
    assert "<script>" not in page and "<b>OIM" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "A &amp; B &lt;i&gt;" in page
    assert "@page { size: A4" in page
    assert "Reunión del 14/05/2024" in page
    empty = minutes.minutes_html(current.iloc[0:0], "en", MEETING)
    assert "No decisions or action points are recorded for this meeting." in empty


def test_minutes_are_the_same_for_the_same_records(book):
    book.record(entry(), "ana")
    current = book.current(MEETING)
    assert minutes.minutes_excel(current, "es", MEETING) == minutes.minutes_excel(
        book.current(MEETING), "es", MEETING
    )
