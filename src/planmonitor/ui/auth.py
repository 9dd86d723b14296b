"""Who may update the data: the secretariat's credential, and the optional viewer password.

Viewing is open by default. Uploading, rollback and the template with data need the
secretariat's credential, taken from (first that exists):
1. OIDC: an `[auth]` section in `.streamlit/secrets.toml` -> `st.login`, and the e-mail must be
   in `[planmonitor] secretariat_emails`;
2. passwords: `[planmonitor] secretariat_passwords = ["ana:…", "…"]` in secrets.toml, or the
   environment variable PLANMONITOR_SECRETARIAT_PASSWORDS (comma-separated). An entry
   "name:password" records that name on every version; a bare password asks for a name.
There is no default password: with nothing configured, uploading is simply unavailable.
Passwords are compared with hmac.compare_digest (constant time).

Wrong passwords (the secretariat's and the viewer's) are limited per session and per client
address by ``LoginThrottle``: after a few failures each further one imposes a pause that
doubles ("Demasiados intentos: espere 4 s"), during which no password is even compared.
Every failure is logged (WARNING: the address and the time, never what was typed).
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import math
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import streamlit as st

from planmonitor.i18n import t
from planmonitor.ui.safe import md

log = logging.getLogger("planmonitor.ui.auth")

SECTION = "planmonitor"
ENV_PASSWORDS = "PLANMONITOR_SECRETARIAT_PASSWORDS"
ENV_VIEWER = "PLANMONITOR_VIEWER_PASSWORD"
ENV_EMAILS = "PLANMONITOR_SECRETARIAT_EMAILS"
_USER = "_pm_secretariat_user"
_VIEWER_OK = "_pm_viewer_ok"
_SESSION_ID = "_pm_login_session"

# Failures allowed before the pauses start: a person mistypes a few times; an office behind
# one address (a proxy) has several people who may.
SESSION_FREE = 5
ADDRESS_FREE = 20
FIRST_PAUSE_S = 2.0
MAX_PAUSE_S = 300.0
FORGET_AFTER_S = 3600.0  # a key without a failure for this long starts again from zero


@dataclass(frozen=True)
class Credential:
    user: str | None  # the name recorded on versions, or None: the person types it
    password: str


def parse_credentials(entries: list[str] | str | None) -> list[Credential]:
    """ "ana:secreto" -> Credential("ana", "secreto"); "secreto" -> Credential(None, …)."""
    if entries is None:
        return []
    if isinstance(entries, str):
        entries = entries.split(",")
    out = []
    for raw in entries:
        entry = str(raw).strip()
        if not entry:
            continue
        user, sep, password = entry.partition(":")
        if sep and user.strip() and password:
            out.append(Credential(user.strip(), password))
        else:
            out.append(Credential(None, entry))
    return out


def match(creds: list[Credential], name: str, password: str) -> str | None:
    """The author name for a name/password pair, or None when it is not a credential.

    Every credential is compared (no early exit) so timing does not tell which one matched.
    """
    given = password.encode("utf-8")
    found: str | None = None
    for c in creds:
        ok = hmac.compare_digest(c.password.encode("utf-8"), given)
        if c.user is None:
            if ok and found is None and name.strip():
                found = name.strip()
        else:
            same_user = hmac.compare_digest(
                c.user.casefold().encode("utf-8"), name.strip().casefold().encode("utf-8")
            )
            if ok and same_user and found is None:
                found = c.user
    return found


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0
    until: float = 0.0  # no attempt is compared before this time


class LoginThrottle:
    """Failed log-ins per key, shared by every session of the process (thread-safe).

    A key is ``("session", id)`` or ``("address", ip)``. After ``free`` failures of a key
    (``SESSION_FREE``, ``ADDRESS_FREE``) each failure pauses it: ``FIRST_PAUSE_S``, then
    twice as long each time, up to ``MAX_PAUSE_S``. A success clears the session's count (not
    the address's: that decays after ``FORGET_AFTER_S`` without failures).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._keys: dict[tuple[str, str], _Failures] = {}

    @staticmethod
    def _free(key: tuple[str, str]) -> int:
        return ADDRESS_FREE if key[0] == "address" else SESSION_FREE

    def wait(self, keys: Iterable[tuple[str, str]]) -> int:
        """Whole seconds before any of `keys` may try again (0: now)."""
        now = self.clock()
        with self._lock:
            left = max((self._keys[k].until - now for k in keys if k in self._keys), default=0)
        return max(0, math.ceil(left))

    def failed(self, keys: Iterable[tuple[str, str]]) -> int:
        """Count a failure for each key; the pause it now imposes (whole seconds)."""
        now = self.clock()
        with self._lock:
            self._forget(now)
            for key in keys:
                record = self._keys.setdefault(key, _Failures())
                record.count += 1
                record.last = now
                over = record.count - self._free(key)
                if over >= 0:
                    pause = min(FIRST_PAUSE_S * 2**over, MAX_PAUSE_S)
                    record.until = max(record.until, now + pause)
        return self.wait(keys)

    def succeeded(self, keys: Iterable[tuple[str, str]]) -> None:
        with self._lock:
            for key in keys:
                if key[0] == "session":
                    self._keys.pop(key, None)

    def _forget(self, now: float) -> None:
        stale = [k for k, r in self._keys.items() if now - r.last > FORGET_AFTER_S]
        for key in stale:
            del self._keys[key]


@st.cache_resource(max_entries=1, show_spinner=False)
def login_throttle() -> LoginThrottle:
    """The process's one throttle (module-level state by necessity: it must outlive sessions
    and be shared by them, which st.cache_resource gives without a global variable)."""
    return LoginThrottle()


def client_address() -> str:
    """The client's address as Streamlit sees it ("?" when unknown, e.g. in tests)."""
    try:
        address = st.context.ip_address
    except Exception:  # no request context (bare mode)
        address = None
    return address if isinstance(address, str) and address else "?"


def _throttle_keys() -> list[tuple[str, str]]:
    if _SESSION_ID not in st.session_state:
        st.session_state[_SESSION_ID] = uuid.uuid4().hex
    return [("session", st.session_state[_SESSION_ID]), ("address", client_address())]


def checked_attempt(what: str, lang: str, check: Callable[[], bool]) -> bool | None:
    """Run one log-in attempt through the throttle: True/False for a right/wrong password,
    None when refused during a pause (the message is drawn here; `check` is not called).

    `what` names the form in the log ("secretariat", "viewer"); nothing typed is logged.
    """
    throttle = login_throttle()
    keys = _throttle_keys()
    address = keys[1][1]
    waiting = throttle.wait(keys)
    if waiting:
        log.warning(
            "%s log-in refused during a pause from %s at %s (%d s left)",
            what, address, _now(), waiting,
        )  # fmt: skip
        st.error(t("auth.too_many", lang, n=waiting), icon=":material/timer:")
        return None
    if check():
        throttle.succeeded(keys)
        return True
    pause = throttle.failed(keys)
    log.warning("%s log-in failed from %s at %s (pause %d s)", what, address, _now(), pause)
    if pause:
        st.error(t("auth.too_many", lang, n=pause), icon=":material/timer:")
    return False


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _section() -> dict:
    try:
        return dict(st.secrets.get(SECTION, {}))
    except Exception:  # no secrets.toml at all
        return {}


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def credentials() -> list[Credential]:
    """Passwords from secrets.toml and the environment (never a built-in default)."""
    creds = parse_credentials(_section().get("secretariat_passwords"))
    creds += parse_credentials(os.environ.get(ENV_PASSWORDS))
    return creds


def allowed_emails() -> set[str]:
    emails = _section().get("secretariat_emails", [])
    if isinstance(emails, str):
        emails = emails.split(",")
    extra = [e for e in os.environ.get(ENV_EMAILS, "").split(",") if e.strip()]
    return {str(e).strip().casefold() for e in [*emails, *extra] if str(e).strip()}


def mode() -> str:
    """ "oidc", "password" or "none" (uploading unavailable)."""
    if _oidc_configured():
        return "oidc"
    return "password" if credentials() else "none"


def is_configured() -> bool:
    return mode() != "none"


def current_user() -> str | None:
    """The secretariat member using this session, or None."""
    m = mode()
    if m == "oidc":
        if not st.user.get("is_logged_in"):
            return None
        email = str(st.user.get("email") or "").strip().casefold()
        if email and email in allowed_emails():
            return str(st.user.get("name") or email)
        return None
    if m == "password":
        user = st.session_state.get(_USER)
        return str(user) if user else None
    return None


def is_secretariat() -> bool:
    return current_user() is not None


def login_form(lang: str = "es") -> None:
    """The secretariat's log-in (password form or OIDC button), or how to configure it."""
    m = mode()
    if m == "none":
        st.info(t("auth.unconfigured", lang), icon=":material/lock:")
        return
    user = current_user()
    if user is not None:
        st.success(md(t("auth.logged_as", lang, name=user)))
        if st.button(t("auth.logout", lang), key="_pm_logout"):
            logout()
            st.rerun()
        return
    if m == "oidc":
        if st.user.get("is_logged_in"):
            email = st.user.get("email") or "?"
            st.error(md(t("auth.oidc_not_allowed", lang, email=email)))
            if st.button(t("auth.logout", lang), key="_pm_logout"):
                st.logout()
            return
        if st.button(t("auth.oidc_login", lang), key="_pm_oidc_login", type="primary"):
            provider = _section().get("auth_provider")
            st.login(provider) if provider else st.login()
        return
    with st.form("_pm_login"):
        name = st.text_input(t("auth.user", lang), key="_pm_login_name")
        password = st.text_input(
            t("auth.password", lang), type="password", key="_pm_login_password"
        )
        sent = st.form_submit_button(t("auth.submit", lang), type="primary")
    if sent:
        found: list[str] = []

        def check() -> bool:
            author = match(credentials(), name or "", password or "")
            if author is not None:
                found.append(author)
            return author is not None

        if not (name or "").strip():
            st.error(t("auth.need_name", lang))  # not an attempt: no password was compared
            return
        outcome = checked_attempt("secretariat", lang, check)
        if outcome is False:
            st.error(t("auth.wrong", lang))
        if not outcome:
            return
        st.session_state[_USER] = found[0]
        st.session_state[JUST_LOGGED_IN] = True  # the log-in page goes on to the upload page
        st.rerun()


# Set by a successful password log-in; the log-in page pops it and opens "Actualizar datos".
JUST_LOGGED_IN = "_pm_just_logged_in"


def logout() -> None:
    st.session_state.pop(_USER, None)


def require_secretariat(lang: str = "es") -> str:
    """The secretariat member's name; otherwise a refusal and the script stops here."""
    user = current_user()
    if user is None:
        st.error(t("auth.denied", lang), icon=":material/lock:")
        st.stop()
    return user


def viewer_password() -> str:
    return str(_section().get("viewer_password") or os.environ.get(ENV_VIEWER, ""))


def viewer_pending() -> bool:
    """True while a viewer password is configured and this session has not given it.

    The frame hides its navigation meanwhile and ``require_viewer`` stops the run before
    the data or any page is drawn.
    """
    if not viewer_password() or st.session_state.get(_VIEWER_OK):
        return False
    return not is_secretariat()


def require_viewer(lang: str = "es") -> None:
    """When a viewer password is configured, ask for it once per session (else do nothing)."""
    if not viewer_pending():
        return
    expected = viewer_password()
    st.title(t("auth.viewer_title", lang))
    with st.form("_pm_viewer"):
        given = st.text_input(t("auth.password", lang), type="password", key="_pm_viewer_pw")
        sent = st.form_submit_button(t("auth.submit", lang), type="primary")
    if sent:
        outcome = checked_attempt(
            "viewer",
            lang,
            lambda: hmac.compare_digest(expected.encode("utf-8"), (given or "").encode("utf-8")),
        )
        if outcome:
            st.session_state[_VIEWER_OK] = True
            st.rerun()
        if outcome is False:
            st.error(t("auth.wrong", lang))
    st.stop()
