"""The report and minutes HTML are unchanged for the same data, whitespace apart (issue 8).

tests/golden/*.html were written by tests/golden/make_golden.py from the hand-built HTML
before the move to Jinja2 templates; the templates must render the same markup. Whitespace
is ignored (none between tags, any other run as one space), and the inlined plotly.js bundle
is compared by its sha256 (see make_golden.py).
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
_spec = importlib.util.spec_from_file_location("make_golden", GOLDEN / "make_golden.py")
assert _spec is not None and _spec.loader is not None
make_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_golden)

CASES = make_golden.cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendered_html_matches_the_golden_file_apart_from_whitespace(name):
    expected = make_golden.normalise((GOLDEN / name).read_text(encoding="utf-8"))
    got = make_golden.normalise(CASES[name]())
    if got != expected:
        # one tag per line, so the failure shows where they differ
        diff = difflib.unified_diff(
            expected.replace("><", ">\n<").splitlines(),
            got.replace("><", ">\n<").splitlines(),
            "golden",
            "rendered",
            lineterm="",
            n=1,
        )
        pytest.fail(f"{name} differs from its golden file:\n" + "\n".join(list(diff)[:60]))


def test_normalise_ignores_whitespace_only():
    n = make_golden.normalise
    assert n("<p>a  b</p>\n  <p>c</p>") == n("<p>a b</p><p>c</p>")
    assert n("<p>a b</p>") != n("<p>ab</p>")
    assert n("<td>x</td>") != n("<td>&lt;x</td>")
