"""The suite's own layout: test modules are imported by their basename (rootdir-relative
sys.path, no packages), so two test files of one name in different folders break the
collection of the whole suite ("import file mismatch"), as tests/e2e/test_region.py once did."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_no_two_test_modules_share_a_name():
    names = Counter(p.name for p in TESTS.rglob("*.py") if p.name != "conftest.py")
    assert {n: c for n, c in names.items() if c > 1} == {}
