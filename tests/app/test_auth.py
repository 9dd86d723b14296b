"""Log-in attempts are limited per session and per client address, and failures are logged
without what was typed (issue 12: 40 wrong secretariat passwords at ~1.2 s each, the right
one accepted at once, failures not logged)."""

from __future__ import annotations

import logging

import pytest
from apphelpers import ENTRY
from streamlit.testing.v1 import AppTest

from planmonitor.i18n import t
from planmonitor.ui import auth

PASSWORD = "secreto-de-prueba"
WRONG = "intento-equivocado-123"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The process's throttle (fresh for each test: conftest clears st.cache_resource) on a
    clock the test moves."""
    monkeypatch.setenv(auth.ENV_PASSWORDS, f"ana:{PASSWORD}")
    monkeypatch.delenv(auth.ENV_VIEWER, raising=False)
    fake = Clock()
    auth.login_throttle().clock = fake
    return fake


def login_page() -> None:
    from planmonitor.ui import auth

    auth.login_form("es")


def attempt(at: AppTest, password: str, name: str = "ana") -> AppTest:
    at.text_input(key="_pm_login_name").input(name)
    at.text_input(key="_pm_login_password").input(password)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


# --------------------------------------------------------------------------------------------
# The throttle itself
# --------------------------------------------------------------------------------------------
def test_pauses_start_after_the_free_failures_and_double_each_time():
    clock = Clock()
    throttle = auth.LoginThrottle(clock)
    keys = [("session", "s1"), ("address", "10.0.0.1")]
    pauses = [throttle.failed(keys) for _ in range(auth.SESSION_FREE + 2)]
    assert pauses[: auth.SESSION_FREE - 1] == [0] * (auth.SESSION_FREE - 1)
    assert pauses[auth.SESSION_FREE - 1 :] == [2, 4, 8]
    assert throttle.wait(keys) == 8
    clock.now += 8
    assert throttle.wait(keys) == 0
    for _ in range(20):
        throttle.failed(keys)
    assert throttle.wait(keys) == auth.MAX_PAUSE_S  # capped


def test_a_success_clears_the_session_not_the_address():
    clock = Clock()
    throttle = auth.LoginThrottle(clock)
    address = ("address", "10.0.0.1")
    for i in range(auth.ADDRESS_FREE):  # many sessions behind one address
        throttle.failed([("session", f"s{i}"), address])
    assert throttle.wait([("session", "new"), address]) == 2  # a new session waits too
    assert throttle.wait([("session", "other"), ("address", "10.0.0.2")]) == 0
    throttle.succeeded([("session", "s0"), address])
    assert throttle.wait([address]) == 2
    clock.now += auth.FORGET_AFTER_S + 1
    throttle.failed([("session", "x"), ("address", "10.0.0.3")])  # old records are dropped
    assert throttle.wait([address]) == 0


# --------------------------------------------------------------------------------------------
# On screen
# --------------------------------------------------------------------------------------------
def test_after_five_wrong_passwords_the_right_one_waits_and_the_message_says_how_long(clock):
    at = AppTest.from_function(login_page).run()
    for _ in range(auth.SESSION_FREE - 1):
        assert errors(attempt(at, WRONG)) == [t("auth.wrong", "es")]
    attempt(at, WRONG)  # the fifth: a pause starts
    assert t("auth.too_many", "es", n=2) in errors(at)
    assert errors(at)[0] == "Demasiados intentos: espere 2 s"

    attempt(at, PASSWORD)  # during the pause the right password is not even compared
    assert errors(at) == [t("auth.too_many", "es", n=2)]
    assert "_pm_secretariat_user" not in at.session_state

    clock.now += 2
    attempt(at, PASSWORD)
    assert at.session_state["_pm_secretariat_user"] == "ana"


def test_other_sessions_from_the_same_address_are_paused_too(clock):
    throttle = auth.login_throttle()
    for i in range(auth.ADDRESS_FREE):  # twenty failures from other sessions of this address
        throttle.failed([("session", f"other-{i}"), ("address", auth.client_address())])
    at = AppTest.from_function(login_page).run()
    attempt(at, PASSWORD)  # a fresh session's first try, with the right password
    assert errors(at) == [t("auth.too_many", "es", n=2)]
    assert "_pm_secretariat_user" not in at.session_state


def test_the_viewer_password_is_limited_the_same_way(clock, monkeypatch):
    monkeypatch.setenv(auth.ENV_VIEWER, "clave-del-comite")
    at = AppTest.from_file(ENTRY, default_timeout=60).run()
    for _ in range(auth.SESSION_FREE):
        at.text_input(key="_pm_viewer_pw").input("otra")
        at.button[0].click().run()
    assert t("auth.too_many", "es", n=2) in errors(at)
    at.text_input(key="_pm_viewer_pw").input("clave-del-comite")
    at.button[0].click().run()
    assert errors(at) == [t("auth.too_many", "es", n=2)]
    assert [x.value for x in at.title] == [t("auth.viewer_title", "es")]
    clock.now += 2
    at.text_input(key="_pm_viewer_pw").input("clave-del-comite")
    at.button[0].click().run()
    assert t("auth.viewer_title", "es") not in [x.value for x in at.title]
    assert at.metric  # the Resumen page drew its figures


def test_a_failure_is_logged_with_address_and_time_never_the_password(clock, caplog):
    caplog.set_level(logging.WARNING, logger="planmonitor.ui.auth")
    at = AppTest.from_function(login_page).run()
    attempt(at, WRONG, name="ana")
    records = [r for r in caplog.records if r.name == "planmonitor.ui.auth"]
    assert len(records) == 1 and records[0].levelno == logging.WARNING
    line = records[0].getMessage()
    assert "failed" in line and " from ? at " in line
    assert line.split(" at ")[1][:4].isdigit()  # an ISO time: 2026-…
    assert WRONG not in line and all(WRONG not in str(a) for a in records[0].args)
    assert PASSWORD not in caplog.text and WRONG not in caplog.text


def test_logging_in_on_the_log_in_page_lands_on_the_upload_page(monkeypatch, tmp_path):
    """Issue 10: what the secretariat logs in for is the upload page."""
    monkeypatch.setenv(auth.ENV_PASSWORDS, "ana:secreto-de-prueba")
    at = AppTest.from_file(ENTRY, default_timeout=60).run()
    at.switch_page("pages/secretaria.py").run()
    assert at.title[0].value == t("page.login", "es")
    attempt(at, "secreto-de-prueba")
    assert at.session_state["_pm_secretariat_user"] == "ana"
    assert at.title[0].value == t("page.upload", "es")
    assert at.get("file_uploader")
