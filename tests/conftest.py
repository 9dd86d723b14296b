"""Shared fixtures for the core's unit tests (workbooks are built in code: tests/factory.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `from factory import ...` from any subfolder

from factory import TODAY, make_workbook, valid_sheets  # noqa: E402


@pytest.fixture
def sheets() -> dict[str, list[list]]:
    """The rows of a minimal valid plan, fresh for each test (mutate freely)."""
    return valid_sheets()


@pytest.fixture
def valid_bytes() -> bytes:
    return make_workbook(valid_sheets())


@pytest.fixture
def base_plan():
    """The minimal valid plan, loaded (a base for partial workbooks)."""
    from planmonitor.reading.loader import load_workbook

    result = load_workbook(make_workbook(valid_sheets()), today=TODAY)
    assert result.ok, result.issues.to_string()
    return result.plan
