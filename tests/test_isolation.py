"""The test session never reads the developer's own settings, secrets or store (issue 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

DEVELOPER_SECRETS = """
[planmonitor]
secretariat_passwords = ["ana:clave-del-desarrollador"]
viewer_password = "solo-para-ver"

[auth]
redirect_uri = "http://localhost:8501/oauth2callback"
"""


def test_this_session_reads_none_of_the_developers_settings(
    no_developer_settings, own_default_store
):
    from streamlit import config

    from planmonitor.store import default_url
    from planmonitor.ui import auth

    assert config.get_option("secrets.files") == [str(no_developer_settings)]
    assert not no_developer_settings.exists()
    assert auth.credentials() == [] and auth.mode() == "none" and auth.viewer_password() == ""
    assert [n for n in os.environ if n.startswith("PLANMONITOR_")] == ["PLANMONITOR_DATABASE_URL"]
    assert default_url() == own_default_store
    assert not own_default_store.startswith(f"sqlite:///{REPO}")
    assert Path.home() == no_developer_settings.parent


def test_make_test_ignores_the_secrets_env_and_store_of_a_configured_checkout(tmp_path):
    """A checkout set up as the README says (a password in .streamlit/secrets.toml, and in
    ~/.streamlit, the environment and a store URL): the session above still sees none of it."""
    checkout, home = tmp_path / "checkout", tmp_path / "home"
    for folder in (checkout, home):
        (folder / ".streamlit").mkdir(parents=True)
        (folder / ".streamlit" / "secrets.toml").write_text(DEVELOPER_SECRETS, encoding="utf-8")
    developer_db = tmp_path / "developer.sqlite"
    env = {
        **os.environ,
        "HOME": str(home),
        "PLANMONITOR_SECRETARIAT_PASSWORDS": "luis:otra-clave",
        "PLANMONITOR_VIEWER_PASSWORD": "otra",
        "PLANMONITOR_DATABASE_URL": f"sqlite:///{developer_db}",
    }
    # Without the session's isolation, that checkout's secrets are what Streamlit reads.
    seen = subprocess.run(
        [sys.executable, "-c",
         "from planmonitor.ui import auth; print(sorted(c.password for c in auth.credentials()))"],
        cwd=checkout, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "clave-del-desarrollador" in seen.stdout, seen.stderr[-2000:]
    probe = f"{Path(__file__)}::test_this_session_reads_none_of_the_developers_settings"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", probe],
        cwd=checkout, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "1 passed" in run.stdout
    assert not developer_db.exists()
