"""Write the golden HTML files of the monthly report and the minutes (issue 8).

The goldens are the HTML as it was rendered before the report and the minutes moved to Jinja2
templates, regenerated once when the title lines came from the plan's own names (issue 9);
tests/test_golden_html.py re-renders the same data and compares, ignoring whitespace only.
Run from the repository root after an intended change of the output:

    PYTHONPATH=src python tests/golden/make_golden.py

Everything is fixed: the plans (tests/planfactory.py and the bundled data/ workbooks), the
month, `generated_at` and the meeting. The inlined plotly.js bundle (3.5 MB, not ours) is
stored as its sha256 so the goldens stay small and still change when the bundle does; chart
div ids are already fixed by the report (no uuid).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # planfactory, factory

from planfactory import cycle_info, make_plan, product, report, small_plan  # noqa: E402

from planmonitor.output.minutes import minutes_html  # noqa: E402
from planmonitor.output.report import build_report, to_html  # noqa: E402
from planmonitor.reading.loader import load_default  # noqa: E402

MONTH = "2024-05"
GENERATED = pd.Timestamp("2024-06-03 09:30")
MEETING = dt.date(2024, 5, 14)
EVIL = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

# The plotly.js bundle inlined once per report: from its opening comment to its </script>.
_PLOTLYJS = re.compile(r"(<script>)(/\*\*\s*\* plotly\.js.*?)(</script>)", re.S)


def stub_plotlyjs(text: str) -> str:
    """The HTML with the plotly.js bundle replaced by its sha256 (see the module docstring)."""

    def repl(m: re.Match[str]) -> str:
        digest = hashlib.sha256(m.group(2).encode("utf-8")).hexdigest()
        return f"{m.group(1)}/* plotly.js sha256={digest} */{m.group(3)}"

    return _PLOTLYJS.sub(repl, text)


def normalise(text: str) -> str:
    """Whitespace ignored: none between tags, any other run of it as one space."""
    text = re.sub(r">\s+<", "><", stub_plotlyjs(text))
    return re.sub(r"\s+", " ", text).strip()


def markup_plan():
    """A few products and reports with markup and formulas in their text."""
    products = [
        product("1.1.1-1", f"Diálogo {EVIL}", leads=["OIM"], start="2024-01-01", end="2024-12-31",
                gcm=[1, 2]),
        product("1.1.1-2", IMG, leads=["PNUD"], start="2024-01-01", end="2024-04-30"),
        product("2.1.1-1", "Guía [x](javascript:alert(1))", leads=["OIT"], start="2024-03-01",
                end="2024-12-31", gcm_all=True),
    ]  # fmt: skip
    progress = [
        report("2024-04-10", "1.1.1-1", "En curso", 20, "Inicio & fin", "OIM"),
        report("2024-05-05", "1.1.1-1", "En curso", 60, '=HYPERLINK("x","y")', "OIM - Ana"),
        report("2024-05-20", "1.1.1-2", "Retrasado", 30, IMG, "PNUD", "javascript:alert(1)"),
    ]
    # a fictitious network whose own names carry markup: escaped in the title lines too
    info = cycle_info("2024-01-01", "2024-12-31", f"Plan {IMG}", f"Red {EVIL}", f"Network {EVIL}")
    return make_plan(products, progress, info=info)


def decisions_frame() -> pd.DataFrame:
    """Three minutes' rows (the columns of store.decisions.COLUMNS), markup included."""
    rows = [
        ("a1", 1, "2024-05-14", "action", "product", "1.1.1-1", f"Enviar la guía {EVIL}", "PNUD",
         "2024-06-30", "open"),
        ("b2", 2, "2024-05-14", "decision", "strategy", "2.1", "Aprobar «A & B»", "", None, "done"),
        ("c3", 1, "2024-05-14", "action", "product", "9.9.9-9", IMG, "OIM <b>", None, "open"),
    ]  # fmt: skip
    df = pd.DataFrame(
        rows,
        columns=["decision_id", "revision", "meeting_date", "kind", "target_type", "target_code",
                 "text", "owner", "due_date", "status"],
    )  # fmt: skip
    df["meeting_date"] = pd.to_datetime(df["meeting_date"])
    df["due_date"] = pd.to_datetime(df["due_date"])
    df["author"] = "ana"
    df["created_at"] = pd.Timestamp("2024-05-14 10:00", tz="UTC")
    return df


NAMES = {"1.1.1-1": "Diálogo de expertos", "2.1": f"Estrategia {IMG}"}


def cases() -> dict[str, Callable[[], str]]:
    """Golden file name → a function rendering it."""

    def default_plan():
        result = load_default()
        assert result.plan is not None
        return result.plan

    def rep(plan_fn, lang, **kw):
        return lambda: to_html(build_report(plan_fn(), MONTH, lang=lang, **kw))

    minutes = decisions_frame()
    return {
        "report-default-es.html": rep(default_plan, "es"),
        "report-default-en.html": rep(default_plan, "en"),
        "report-small-es.html": rep(small_plan, "es", generated_at=GENERATED),
        "report-markup-en.html": rep(markup_plan, "en"),
        "minutes-es.html": lambda: minutes_html(
            minutes, "es", MEETING, names=NAMES, network="Red de Prueba"
        ),
        "minutes-en.html": lambda: minutes_html(
            minutes, "en", MEETING, names=NAMES, network="Test Network"
        ),
        "minutes-empty-en.html": lambda: minutes_html(minutes.iloc[0:0], "en", None),
    }


def main() -> None:
    for name, render in cases().items():
        (HERE / name).write_text(stub_plotlyjs(render()), encoding="utf-8")
        print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
