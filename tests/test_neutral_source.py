"""src/ names no network, plan year or agency of the bundled plan (issue 9).

Peru's plan 2023-2024 lives in data/; the code serves any network and any plan cycle. Every
.py/.html/.j2 file under src/planmonitor is scanned, docstrings and comments included, for
«Perú», a year 2019-2030 and the acronyms of the bundled plan's «Agencias» sheet (read at test
time, so the list follows the data). The only exceptions are listed below, each with its reason.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from planmonitor.reading import loader

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "planmonitor"
SUFFIXES = (".py", ".html", ".j2")
PERU = re.compile(r"Per[uú]", re.IGNORECASE)
YEAR = re.compile(r"\b20[12][0-9]\b")

# (path under src/planmonitor, or a folder ending in "/"; exact text on the line or "*" for
# the whole file; reason). Keep it short: each entry is a fact the code may not own.
EXCEPTIONS: tuple[tuple[str, str, str], ...] = (
    ("catalog.py", "*", "the catalogue: GCM objectives, agency names, status words"),
    ("reading/loader.py", 'PLAN_FILE = "plan-de-trabajo-2023-2024.xlsx"', "bundled file name"),
    ("store/seed.py", '"plan-de-trabajo-2023-2024.xlsx"', "bundled file the store is seeded from"),
    ("output/export.py", "FIXED_TIMESTAMP = ", "byte-identical exports: a fixed creation date"),
    ("output/export.py", "_ZIP_TIME = ", "byte-identical exports: a fixed zip date"),
    ("synth.py", "*", "benchmark data: a fictitious plan over a fixed period, seeded"),
    # The agencies of the Column declarations' examples (template, README): catalogue acronyms;
    # their years are placeholders filled with the plan's own (Column.in_year).
    *(
        ("model.py", text, "an example value of a Column declaration (template, README)")
        for text in (
            '"OIM, PNUD"',
            '"UNODC, ACNUR"',
            '"OIM",',
        )
    ),
)


@cache
def bundled_acronyms() -> frozenset[str]:
    """The acronyms of the bundled plan's «Agencias» sheet."""
    result = loader.load_workbook(loader.DATA_DIR / loader.PLAN_FILE)
    assert result.ok and result.plan is not None
    return frozenset(result.plan.agencies["acronym"].astype(str))


def patterns(acronyms: frozenset[str]) -> dict[str, re.Pattern[str]]:
    agency = r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(acronyms))) + r")(?![\w-])"
    return {"Peru": PERU, "year": YEAR, "agency": re.compile(agency)}


def _excused(rel: str, line: str) -> bool:
    for where, text, _reason in EXCEPTIONS:
        here = rel.startswith(where) if where.endswith("/") else rel == where
        if here and (text == "*" or text in line):
            return True
    return False


def scan(root: Path, acronyms: frozenset[str], *, excuse: bool = True) -> list[str]:
    """Every line of a source file under `root` naming Peru, a year or a bundled agency."""
    found = []
    checks = patterns(acronyms)
    for path in sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
        rel = path.relative_to(root).as_posix()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if excuse and _excused(rel, line):
                continue
            found += [
                f"{rel}:{n}: {kind} {m.group(0)!r}: {line.strip()[:90]}"
                for kind, rx in checks.items()
                for m in rx.finditer(line)
            ]
    return found


def test_source_names_no_network_plan_year_or_agency():
    acronyms = bundled_acronyms()
    assert {"OIM", "PNUD", "ACNUR"} <= acronyms  # the sheet was really read
    found = scan(SRC, acronyms)
    assert not found, "a plan's fact named in src/ (issue 9):\n" + "\n".join(found)


def test_the_scanner_reports_a_planted_occurrence(tmp_path):
    (tmp_path / "planted.py").write_text(
        'TITLE = "Red de Perú"\nSTART = 2024\n# lead: OIM\nCODE = "2.1.1-1"\n', encoding="utf-8"
    )
    (tmp_path / "page.html.j2").write_text("<p>Plan 2023</p>\n", encoding="utf-8")
    found = scan(tmp_path, frozenset({"OIM", "PNUD"}))
    kinds = sorted(f.split(": ")[1] for f in found)
    assert kinds == ["Peru 'Perú'", "agency 'OIM'", "year '2023'", "year '2024'"], found


def test_every_exception_still_excuses_something():
    # an exception that no longer matches is removed, so the rule covers its file again
    raw = scan(SRC, bundled_acronyms(), excuse=False)
    stale = [
        (where, text)
        for where, text, _ in EXCEPTIONS
        if not any(
            (f.startswith(where) if where.endswith("/") else f.split(":")[0] == where)
            and (text == "*" or text in f.split(": ", 2)[-1])
            for f in raw
        )
    ]
    assert not stale, stale
