"""`python -m planmonitor import|versions|diff|rollback|template|export` on a store."""

from __future__ import annotations

import pandas as pd
import pytest
from planfactory import make_plan, product, report
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook

from planmonitor import model, store
from planmonitor.cli import main
from planmonitor.output import export
from planmonitor.reading.loader import load_workbook


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'cli.sqlite'}")
    s = store.open_store()
    yield s
    s.dispose()


def _progress_file(plan: model.Plan, tmp_path, status: str = "Cancelado", name="av.xlsx"):
    extra = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp("2024-12-20"), status=status, percent=0.0, row=pd.NA)
        .astype(plan.progress.dtypes.to_dict())
    )
    progress = pd.concat([plan.progress, extra], ignore_index=True)
    new = model.Plan(**{**plan.__dict__, "progress": progress})
    path = tmp_path / name
    path.write_bytes(export.write_workbook(export.plan_to_sheets(new, include=["Avances"])))
    return path


def test_import_then_versions_diff_rollback_export(db, tmp_path, capsys):
    v0 = db.current_version_id()
    path = _progress_file(db.plan(), tmp_path)
    assert main(["import", str(path), "--by", "Ana", "--note", "diciembre"]) == 0
    out = capsys.readouterr().out
    assert "Guardada la versión" in out and "Avances nuevos" in out
    v1 = db.current_version_id()
    assert v1 == v0 + 1 and db.version(v1)["author"] == "Ana"

    assert main(["import", str(path), "--by", "Ana"]) == 0  # same file again
    assert "no se guarda nada" in capsys.readouterr().out
    assert db.current_version_id() == v1

    assert main(["versions"]) == 0
    out = capsys.readouterr().out
    assert "av.xlsx" in out and "diciembre" in out and "inicial" in out

    assert main(["diff", str(v0), str(v1)]) == 0
    assert "Cancelado" in capsys.readouterr().out

    assert main(["rollback", str(v0), "--by", "Luis"]) == 0
    assert db.current_version_id() == v1 + 1
    assert db.version(v1 + 1)["kind"] == "rollback"

    out_file = tmp_path / "export.xlsx"
    assert main(["export", str(out_file), "--version", str(v1)]) == 0
    again = load_workbook(out_file.read_bytes())
    assert again.ok and store.content_sha256(again.plan) == store.content_sha256(db.plan(v1))


def test_import_with_errors_exits_1_and_stores_nothing(db, tmp_path, capsys):
    before = db.versions()
    path = _progress_file(db.plan(), tmp_path, status="Terminado")
    assert main(["import", str(path), "--by", "Ana"]) == 1
    err = capsys.readouterr().err
    assert "no se guarda nada" in err and "Terminado" in err
    pd.testing.assert_frame_equal(db.versions(), before)


def test_import_of_a_non_workbook_exits_1(db, tmp_path, capsys):
    path = tmp_path / "datos.xlsx"
    path.write_text("Fecha,Producto\n2024-01-01,1.1.1-1\n")
    assert main(["import", str(path), "--by", "Ana"]) == 1
    assert capsys.readouterr().err
    assert main(["import", str(tmp_path / "no-existe.xlsx"), "--by", "Ana"]) == 2


def test_unknown_version_exits_2(db, capsys):
    assert main(["diff", "1", "99"]) == 2
    assert "No existe la versión 99" in capsys.readouterr().err


def test_template_empty_and_with_data(db, tmp_path):
    empty, full = tmp_path / "vacia.xlsx", tmp_path / "datos.xlsx"
    assert main(["template", str(empty)]) == 0
    assert main(["template", str(full), "--with-data"]) == 0
    assert load_workbook(empty.read_bytes()).plan.products.empty
    loaded = load_workbook(full.read_bytes())
    assert store.content_sha256(loaded.plan) == store.content_sha256(db.plan())


def test_import_refuses_removals_unless_allowed(db, tmp_path, capsys):
    plan = db.plan()
    code = plan.products["code"].iloc[-1]
    less = model.Plan(
        **{
            **plan.__dict__,
            "products": plan.products[plan.products["code"] != code].reset_index(drop=True),
            "progress": plan.progress[plan.progress["code"] != code].reset_index(drop=True),
        }
    )
    path = tmp_path / "menos.xlsx"
    sheets = export.plan_to_sheets(less, include=["Productos", "Avances"])
    path.write_bytes(export.write_workbook(sheets))
    v = db.current_version_id()

    assert main(["import", str(path), "--by", "Ana"]) == 1
    err = capsys.readouterr().err
    assert "eliminaría 1 producto" in err and "--allow-removals" in err and code in err
    assert db.current_version_id() == v

    assert main(["import", str(path), "--by", "Ana", "--allow-removals"]) == 0
    assert "Guardada la versión" in capsys.readouterr().out
    assert db.current_version_id() == v + 1
    assert code not in set(db.plan().products["code"])


def test_import_adds_reports_to_the_log_unless_replace_is_asked(db, tmp_path, capsys):
    plan = db.plan()
    n = len(plan.progress)
    only_new = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp("2024-12-20"), comment="solo el nuevo", row=pd.NA)
        .astype(plan.progress.dtypes.to_dict())
    )
    path = tmp_path / "nuevo.xlsx"
    new = model.Plan(**{**plan.__dict__, "progress": only_new})
    path.write_bytes(export.write_workbook(export.plan_to_sheets(new, include=["Avances"])))
    assert main(["import", str(path), "--by", "Ana"]) == 0
    assert len(db.plan().progress) == n + 1
    capsys.readouterr()
    # Replacing with a one-entry log removes the rest: refused without --allow-removals.
    assert main(["import", str(path), "--by", "Ana", "--replace-progress"]) == 1
    assert len(db.plan().progress) == n + 1
    args = ["import", str(path), "--by", "Ana", "--replace-progress", "--allow-removals"]
    assert main(args) == 0
    assert len(db.plan().progress) == 1


def test_import_prints_its_tables_in_the_language(db, tmp_path, capsys):
    """issue 10: `import` printed English column names (sheet, row, message)."""
    path = _progress_file(db.plan(), tmp_path, status="Terminado")
    assert main(["import", str(path), "--by", "Ana"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[1].split() == ["Gravedad", "Hoja", "Fila", "Columna", "Regla", "Mensaje"]
    assert main(["import", str(path), "--by", "Ana", "--lang", "en"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "The file has errors: nothing is stored."
    assert err[1].split() == ["Severity", "Sheet", "Row", "Column", "Rule", "Message"]
    assert "unknown status «Terminado»" in err[3]


def test_import_prints_a_corrected_report_old_to_new_and_replaces_it(db, tmp_path, capsys):
    """Issue 10: the same product and date with another percent is a correction."""
    plan = db.plan()
    at = int((plan.progress["percent"] < 100).to_numpy().nonzero()[0][-1])
    old = plan.progress.iloc[at]
    fixed = plan.progress.iloc[[at]].assign(percent=99.0, row=pd.NA)
    path = tmp_path / "correccion.xlsx"
    new = model.Plan(**{**plan.__dict__, "progress": fixed})
    path.write_bytes(export.write_workbook(export.plan_to_sheets(new, include=["Avances"])))
    assert main(["import", str(path), "--by", "Ana", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    title = out.index("== Corrections of reports already in the log (same product and date) ==")
    assert out[title + 1].split() == ["Date", "Code", "Change", "Field", "Before", "→", "after"]
    row = out[title + 3].split()
    day = old["date"]  # the day in English, as every English table says it (issue 10)
    assert row[:3] == [str(day.day), f"{day:%b}", str(day.year)]
    assert row[3:] == [old["code"], "Correction", "Percent", f"{old['percent']:g}", "→", "99"]
    assert not [line for line in out if line.startswith("== New progress")]
    log = db.plan().progress
    assert len(log) == len(plan.progress) and log.iloc[at]["percent"] == 99.0


def test_versions_and_diff_in_english(db, capsys):
    assert main(["versions", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["Version", "Date", "(UTC)", "Kind"]
    assert lines[2].split()[2] in {
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    }  # noqa: E501
    assert lines[2].split()[5] == "initial"
    assert main(["diff", "1", "2", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "new progress entries" in out and "== New progress entries ==" in out
    table = out.split("== New progress entries ==")[1].strip().splitlines()
    assert table[0].split()[:3] == ["Date", "Code", "Status"]


# --------------------------------------------------------------------------------------------
# Several plans (issue 9)
# --------------------------------------------------------------------------------------------
B_ID = "red-b-2025-2026"


def _plan_b_file(tmp_path) -> str:
    products = [
        product("2.1.1-1", "Observatorio regional", leads=["PNUD"], start="2025-02-01"),
        product("2.2.1-1", "Campaña", start="2025-03-01", end="2026-06-30"),
    ]
    progress = [report("2025-06-30", "2.2.1-1", "No iniciado", 0, "Por iniciar", "OIM")]
    info = plan_info(B_ID, "2025-01-01", "2026-12-31", title="Plan B 2025-2026", network="Red B")
    path = tmp_path / "plan-b.xlsx"
    path.write_bytes(plans_workbook(with_info(make_plan(products, progress), info)))
    return str(path)


@pytest.fixture
def two(db, tmp_path, capsys, request):
    """The seeded store plus plan B, imported from its workbook (with its «Plan» sheet)."""
    request.getfixturevalue("reading_plan_sheets")
    assert main(["import", _plan_b_file(tmp_path), "--by", "Ana"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Se creará el plan nuevo «Plan B 2025-2026» ({B_ID})."
    return db


def test_plans_lists_every_plan_in_either_language(two, capsys):
    bundled = two.plans()["plan_id"].tolist()
    assert B_ID in bundled and len(bundled) == 2
    assert main(["plans"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:5] == ["Por", "defecto", "Código", "Título", "Red"]
    (b_line,) = [line for line in lines if B_ID in line]
    assert "Plan B 2025-2026" in b_line and "Red B" in b_line and "01/01/2025" in b_line
    default = two.default_plan_id()
    assert [line.split()[0] for line in lines if line.startswith("*")] == ["*"]
    assert any(line.startswith("*") and default in line for line in lines)
    assert main(["plans", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["Default", "Code", "Title", "Network"]
    assert "1 Jan 2025" in next(line for line in lines if B_ID in line)


def test_every_store_command_takes_a_plan(two, tmp_path, capsys):
    bundled = next(p for p in two.plans()["plan_id"] if p != B_ID)
    b_versions = two.for_plan(B_ID).versions()["id"].tolist()
    bundled_versions = two.for_plan(bundled).versions()["id"].tolist()
    assert main(["versions", "--plan", B_ID]) == 0
    out = capsys.readouterr().out
    assert "plan-b.xlsx" in out and store.SEED_FILES[0] not in out
    assert main(["versions", "--plan", bundled]) == 0
    out = capsys.readouterr().out
    assert "plan-b.xlsx" not in out and store.SEED_FILES[0] in out

    # a version of another plan is not found through this one
    args = ["diff", str(bundled_versions[0]), str(b_versions[0]), "--plan", bundled]
    assert main(args) == 2
    assert f"No existe la versión {b_versions[0]}" in capsys.readouterr().err

    out_file = tmp_path / "b.xlsx"
    assert main(["export", str(out_file), "--plan", B_ID]) == 0
    exported = load_workbook(out_file.read_bytes()).plan
    assert set(exported.products["name"]) == {"Observatorio regional", "Campaña"}
    assert main(["template", str(tmp_path / "t.xlsx"), "--with-data", "--plan", B_ID]) == 0
    assert main(["rollback", str(b_versions[0]), "--plan", B_ID, "--by", "Luis"]) == 0
    capsys.readouterr()
    assert two.for_plan(bundled).versions()["id"].tolist() == bundled_versions

    # an Avances-only file goes to the plan given (it has no «Plan» sheet)
    path = _progress_file(two.for_plan(bundled).plan(), tmp_path)
    assert main(["import", str(path), "--by", "Ana", "--plan", bundled]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("Se actualizará el plan") and f"({bundled})" in first
    assert len(two.for_plan(bundled).versions()) == len(bundled_versions) + 1
    assert two.for_plan(B_ID).versions()["id"].tolist() == b_versions


@pytest.mark.parametrize(
    "command",
    [
        ["versions"],
        ["diff", "1", "2"],
        ["rollback", "1"],
        ["export", "x.xlsx"],
        ["template", "x.xlsx", "--with-data"],
        ["import", "IMPORT"],
    ],
)
def test_an_unknown_plan_is_a_sentence_and_exit_2(db, tmp_path, capsys, command):
    if command[0] == "import":
        command = ["import", str(_progress_file(db.plan(), tmp_path)), "--by", "Ana"]
    command = [tmp_path.joinpath(c).as_posix() if c == "x.xlsx" else c for c in command]
    before = len(db.versions())
    assert main([*command, "--plan", "no-existe"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "No existe el plan «no-existe» en el almacén (vea «plans»)."
    assert "Traceback" not in captured.err + captured.out
    assert main([*command, "--plan", "no-existe", "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == (
        "There is no plan «no-existe» in the store (see «plans»)."
    )
    assert len(db.versions()) == before


def test_template_carry_over_writes_the_next_plans_template(two, tmp_path, capsys):
    """issue 9: `template --carry-over --plan OLD`: the unfinished products of OLD, a «Plan»
    sheet naming OLD as «Plan anterior» and nothing else stated."""
    import io

    import openpyxl

    from planmonitor.output.carryover import unfinished_codes

    bundled = next(p for p in two.plans()["plan_id"] if p != B_ID)
    out_file = tmp_path / "siguiente.xlsx"
    assert main(["template", str(out_file), "--carry-over", "--plan", bundled]) == 0
    old = two.for_plan(bundled).plan()
    expected = unfinished_codes(old)
    assert 0 < len(expected) < len(old.products)
    said = capsys.readouterr().out
    assert f"{len(expected)} productos sin terminar" in said and f"({bundled})" in said
    book = openpyxl.load_workbook(io.BytesIO(out_file.read_bytes()))
    codes = [r[0] for r in book["Productos"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert codes == expected
    assert not [r for r in book["Avances"].iter_rows(min_row=2, values_only=True) if any(r)]
    values = {k: v for k, v, _help in book["Plan"].iter_rows(min_row=2, values_only=True)}
    assert values["Plan anterior"] == bundled
    for key in ("Código", "Título", "Red", "Inicio", "Fin"):
        assert values[key] is None

    out_b = tmp_path / "siguiente-b.xlsx"
    assert main(["template", str(out_b), "--carry-over", "--plan", B_ID, "--lang", "en"]) == 0
    assert "2 unfinished products of «Plan B 2025-2026»" in capsys.readouterr().out
    book = openpyxl.load_workbook(io.BytesIO(out_b.read_bytes()))
    codes = [r[0] for r in book["Productos"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert codes == ["2.1.1-1", "2.2.1-1"]
    rows = book["Plan"].iter_rows(min_row=2, values_only=True)
    assert {k: v for k, v, _help in rows}["Plan anterior"] == B_ID

    missing = tmp_path / "nada.xlsx"
    assert main(["template", str(missing), "--carry-over", "--plan", "no-existe"]) == 2
    assert "no-existe" in capsys.readouterr().err and not missing.exists()
