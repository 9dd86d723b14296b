"""Documentation that guards conventions (in the spirit of datasette's test_docs.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from planmonitor import model

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_format_section_matches_the_model():
    """Regenerate with `python scripts/gen_format_doc.py` when model.py changes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_format_doc.py"), "--check"], cwd=ROOT
    )
    assert result.returncode == 0, "README.md's workbook format is stale: run gen_format_doc.py"


@pytest.mark.parametrize(
    "sheet,header", [(s.name, c.header) for s in model.SHEETS for c in s.columns]
)
def test_every_workbook_column_is_documented(sheet, header):
    section = README.split(f"#### Sheet `{sheet}`", 1)
    assert len(section) == 2, f"sheet {sheet} missing from README"
    body = section[1].split("#### Sheet", 1)[0]
    assert f"| `{header}` |" in body


def test_readme_gives_exactly_the_two_setup_commands():
    setup = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\s*(make \w+)\s*$", setup, flags=re.M)
    assert commands == ["make run", "make test"]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
