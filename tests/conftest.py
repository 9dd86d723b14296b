"""Shared fixtures of the whole suite, and its isolation from the developer's machine.

The tests never read the developer's own settings (issue 10: after following the README and
setting a password in .streamlit/secrets.toml, `make test` failed):
- the session runs with HOME in a temporary folder, no PLANMONITOR_* or STREAMLIT_* variable,
  and Streamlit's secrets files pointed at a temporary path that does not exist (so neither
  ~/.streamlit/secrets.toml nor the checkout's .streamlit/secrets.toml is read; the browser
  tests' server gets the same through `NO_SECRETS`);
- every test has its own default store: PLANMONITOR_DATABASE_URL is a SQLite file in that
  test's temporary folder (created only if the test opens it), never data/planmonitor.sqlite.
Workbooks are built in code (tests/factory.py) and plans too (tests/planfactory.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `from factory import ...` from any subfolder

from factory import TODAY, make_workbook, valid_sheets  # noqa: E402

# Where Streamlit looks for secrets during the tests: a file that is never created.
NO_SECRETS_NAME = "no-secrets.toml"


def isolate(home: Path, mp: pytest.MonkeyPatch) -> Path:
    """Clear the developer's settings from this process; returns the secrets path in use."""
    for name in list(os.environ):
        if name.startswith(("PLANMONITOR_", "STREAMLIT_")):
            mp.delenv(name)
    mp.setenv("HOME", str(home))
    no_secrets = home / NO_SECRETS_NAME
    from streamlit import config

    config.set_option("secrets.files", [str(no_secrets)])
    return no_secrets


@pytest.fixture(scope="session", autouse=True)
def no_developer_settings(tmp_path_factory) -> Iterator[Path]:
    """The session's isolation (see the module docstring); yields the secrets path."""
    with pytest.MonkeyPatch.context() as mp:
        yield isolate(tmp_path_factory.mktemp("home"), mp)


@pytest.fixture(autouse=True)
def own_default_store(tmp_path, monkeypatch) -> str:
    """This test's default store URL (the file appears only if the test opens it)."""
    url = f"sqlite:///{tmp_path / 'default-store' / 'planmonitor.sqlite'}"
    monkeypatch.setenv("PLANMONITOR_DATABASE_URL", url)
    return url


@pytest.fixture
def no_store(monkeypatch, tmp_path) -> None:
    """No database at all: no URL in the environment and no default SQLite file."""
    from planmonitor.store import engine

    monkeypatch.delenv(engine.URL_ENV, raising=False)
    monkeypatch.setattr(engine, "DATA_DIR", tmp_path / "no-store")


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
