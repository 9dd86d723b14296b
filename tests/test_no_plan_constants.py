"""Code never names a network or a plan's years: they come from the plan (issue 9).

The bundled plan is the Peru network's 2023-2024 plan; nothing in src/planmonitor may say
«Perú» or those years outside the exceptions listed here, each with its reason. The i18n
catalogues carry no network's name, year or committee size at all: placeholders filled from
plan.info and the plan's tables do.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "planmonitor"
CATALOGS = SRC / "i18n" / "catalogs"
WORDS = re.compile(r"(?<!\d)(?:2023|2024)(?!\d)|per[uú]", re.IGNORECASE)

# Whole files allowed to name them, and why. Lines of a file allowed, and why.
FILES: dict[str, str] = {
    "reading/loader.py": "the bundled workbook's file name and the loader's example dates "
    "(loader's branch)",
    "store/seed.py": "the bundled workbooks' file names the store is seeded from",
    "synth.py": "benchmark data: a fictitious plan over a fixed period, deterministic by seed",
}
LINES: dict[str, tuple[str, ...]] = {
    # exported workbooks are byte-identical for the same data: a fixed creation date
    "output/export.py": ("FIXED_TIMESTAMP = ", "_ZIP_TIME = "),
}


def _hits(path: Path) -> list[tuple[int, str]]:
    return [
        (n, line)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if WORDS.search(line)
    ]


def test_no_source_file_names_the_bundled_plans_network_or_years():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if path.is_relative_to(CATALOGS) or rel in FILES:
            continue
        allowed = LINES.get(rel, ())
        found += [
            f"{rel}:{n}: {line.strip()}"
            for n, line in _hits(path)
            if not any(a in line for a in allowed)
        ]
    templates = sorted((SRC / "output" / "report" / "templates").glob("*"))
    for path in [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py")), *templates]:
        found += [f"{path.name}:{n}: {line.strip()}" for n, line in _hits(path)]
    assert not found, "a plan's network or years named in the code:\n" + "\n".join(found)


def test_the_catalogues_carry_no_network_year_or_committee_size():
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(CATALOGS.glob("*.py"))
        for n, line in _hits(path)
        if WORDS.search(line)
    ]
    found += [
        f"{path.name}: a committee size in words"
        for path in sorted(CATALOGS.glob("*.py"))
        if re.search(r"cinco miembros|five members", path.read_text(encoding="utf-8"), re.I)
    ]
    assert not found, "\n".join(found)


def test_no_code_holds_a_plan_period_constant():
    """The period of a plan comes from its «Plan» sheet, or from its own dates
    (model.inferred_period): no module keeps a fixed period to fall back on."""
    users = [
        path.relative_to(SRC).as_posix()
        for path in sorted(SRC.rglob("*.py"))
        if re.search(r"\bPLAN_(START|END|QUARTERS)\b", path.read_text(encoding="utf-8"))
    ]
    assert not users, users


def test_the_exceptions_still_hold_what_they_excuse():
    # an exception that no longer applies is removed, so that the rule covers the file again
    stale = [rel for rel in FILES if not (SRC / rel).exists() or not _hits(SRC / rel)]
    stale += [rel for rel in LINES if not _hits(SRC / rel)]
    assert not stale, stale


def _catalogued_acronyms() -> set[str]:
    """Every acronym, English acronym and alias of the bundled agencies (data/source)."""
    records = tomllib.loads((ROOT / "data" / "source" / "agencies.toml").read_text("utf-8"))
    names: set[str] = set()
    for a in records["agencies"]:
        names |= {a["acronym"], a.get("acronym_en", ""), *a.get("aliases", ())}
    return names - {""}


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals a module's code uses: docstrings (prose, examples) left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


# Modules whose strings may name a catalogued agency, and why.
ACRONYM_FILES: dict[str, str] = {
    "model.py": "the example values of the Column declarations (the README's format section)",
}


def test_no_code_names_an_agency_outside_the_catalogue_and_the_bundled_data():
    """An agency's acronym in code would be behaviour tied to one network: the acronyms come
    from the plan's «Agencias» sheet, or from data/source/agencies.toml through catalog.py."""
    acronyms = _catalogued_acronyms()
    assert {"OIM", "IOM", "PNUD", "ACNUR"} <= acronyms  # the check looks for real names
    word = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(acronyms))) + r")(?![\w-])")
    found = [
        f"{path.relative_to(SRC).as_posix()}:{n}: {text[:80]!r}"
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).as_posix() not in ACRONYM_FILES and "migrations" not in path.parts
        for n, text in _code_strings(path)
        if word.search(text)
    ]
    assert not found, "an agency named in the code:\n" + "\n".join(found)
