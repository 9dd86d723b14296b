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

Access per network (issue 11): one deployment may host several networks (analysis.networks).
- `secretariat_passwords` / `secretariat_emails` keep meaning "every network": what a
  single-network deployment sets, and it keeps working unchanged;
- `[planmonitor.networks.<network_id>]` `passwords = [...]` / `emails = [...]`: that network's
  secretariat, who uploads, rolls back and records decisions for that network only;
- `regional_passwords` / `regional_emails`: the regional role, who sees every network and
  updates none, unless the same entry ("name:password", or the e-mail) is also listed under a
  network, which grants that network.
A session's `Access` says which networks it may write; the pages refuse the others plainly.

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
# The networks this session may write: {"writes": None | [ids], "regional": bool}. Absent for
# a session logged in with the secretariat's credential: every network, as before issue 11.
_ACCESS = "_pm_secretariat_access"
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


@dataclass(frozen=True)
class Access:
    """What a logged-in session may do: write `writes` (None: every network)."""

    user: str
    writes: frozenset[str] | None = None  # None: every network (the secretariat)
    regional: bool = False  # logged in with the regional role

    def may_write(self, network_id: str) -> bool:
        return self.writes is None or network_id in self.writes


@dataclass(frozen=True)
class AccessConfig:
    """The configured credentials: the secretariat's (every network), the regional role's,
    and each network's own (network id -> credentials / e-mails)."""

    secretariat: tuple[Credential, ...] = ()
    regional: tuple[Credential, ...] = ()
    networks: tuple[tuple[str, tuple[Credential, ...]], ...] = ()
    secretariat_emails: frozenset[str] = frozenset()
    regional_emails: frozenset[str] = frozenset()
    network_emails: tuple[tuple[str, frozenset[str]], ...] = ()

    def has_passwords(self) -> bool:
        return bool(self.secretariat or self.regional or any(c for _, c in self.networks))


def resolve_access(config: AccessConfig, name: str, password: str) -> Access | None:
    """The access a name/password gives (None: no credential matches).

    Every list is compared (constant-time, no early exit). The secretariat's credential writes
    every network; a network's writes that network; a regional one writes none, only the
    networks whose lists hold the same credential. The name recorded is the first found.
    """
    secretariat = match(list(config.secretariat), name, password)
    regional = match(list(config.regional), name, password)
    granted = {nid: match(list(creds), name, password) for nid, creds in config.networks}
    found = [u for u in (secretariat, regional, *granted.values()) if u is not None]
    if not found:
        return None
    if secretariat is not None:
        return Access(found[0], None, regional=regional is not None)
    writes = frozenset(nid for nid, u in granted.items() if u is not None)
    return Access(found[0], writes, regional=regional is not None)


def resolve_email(config: AccessConfig, email: str, name: str) -> Access | None:
    """The access an OIDC e-mail gives (same rules as `resolve_access`)."""
    key = email.strip().casefold()
    if not key:
        return None
    user = name or email
    if key in config.secretariat_emails:
        return Access(user, None, regional=key in config.regional_emails)
    writes = frozenset(nid for nid, emails in config.network_emails if key in emails)
    regional = key in config.regional_emails
    if not writes and not regional:
        return None
    return Access(user, writes, regional=regional)


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


def _emails(value: object) -> set[str]:
    if value is None:
        return set()
    items = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    return {str(e).strip().casefold() for e in items if str(e).strip()}


def allowed_emails() -> set[str]:
    extra = os.environ.get(ENV_EMAILS, "")
    return _emails(_section().get("secretariat_emails", [])) | _emails(extra)


def access_config() -> AccessConfig:
    """Every configured credential (secrets.toml and the environment), never a default."""
    section = _section()
    per_network: list[tuple[str, tuple[Credential, ...]]] = []
    per_network_emails: list[tuple[str, frozenset[str]]] = []
    try:
        nets = dict(section.get("networks", {}) or {})
    except (TypeError, ValueError):
        nets = {}
    for nid, entry in sorted(nets.items()):
        try:
            entry = dict(entry)
        except (TypeError, ValueError):
            continue
        per_network.append((str(nid), tuple(parse_credentials(entry.get("passwords")))))
        per_network_emails.append((str(nid), frozenset(_emails(entry.get("emails")))))
    return AccessConfig(
        secretariat=tuple(credentials()),
        regional=tuple(parse_credentials(section.get("regional_passwords"))),
        networks=tuple(per_network),
        secretariat_emails=frozenset(allowed_emails()),
        regional_emails=frozenset(_emails(section.get("regional_emails"))),
        network_emails=tuple(per_network_emails),
    )


def mode() -> str:
    """ "oidc", "password" or "none" (uploading unavailable)."""
    if _oidc_configured():
        return "oidc"
    return "password" if access_config().has_passwords() else "none"


def is_configured() -> bool:
    return mode() != "none"


def current_access() -> Access | None:
    """What this session may do (None: not logged in)."""
    m = mode()
    if m == "oidc":
        if not st.user.get("is_logged_in"):
            return None
        email = str(st.user.get("email") or "")
        return resolve_email(access_config(), email, str(st.user.get("name") or ""))
    if m == "password":
        user = st.session_state.get(_USER)
        if not user:
            return None
        saved = st.session_state.get(_ACCESS)
        if not isinstance(saved, dict):
            return Access(str(user))  # the secretariat's credential: every network
        writes = saved.get("writes")
        return Access(
            str(user),
            None if writes is None else frozenset(str(w) for w in writes),
            regional=bool(saved.get("regional")),
        )
    return None


def current_user() -> str | None:
    """The person logged in to this session (secretariat, a network's, regional), or None."""
    access = current_access()
    return access.user if access is not None else None


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
        caption = access_caption(lang)
        if caption:
            st.caption(md(caption))
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
        found: list[Access] = []

        def check() -> bool:
            access = resolve_access(access_config(), name or "", password or "")
            if access is not None:
                found.append(access)
            return access is not None

        if not (name or "").strip():
            st.error(t("auth.need_name", lang))  # not an attempt: no password was compared
            return
        outcome = checked_attempt("secretariat", lang, check)
        if outcome is False:
            st.error(t("auth.wrong", lang))
        if not outcome:
            return
        access = found[0]
        st.session_state[_USER] = access.user
        st.session_state[_ACCESS] = {
            "writes": None if access.writes is None else sorted(access.writes),
            "regional": access.regional,
        }
        st.session_state[JUST_LOGGED_IN] = True  # the log-in page goes on to the upload page
        st.rerun()


def _store_networks():
    """(Store.plans(), networks) of the dashboard's store, or None without a store."""
    from planmonitor.analysis import networks
    from planmonitor.ui import data

    if not data.uses_store():
        return None
    plans = data.store().plans()
    return plans, networks.networks(plans)


def writes_text(access: Access, lang: str, nets=None) -> str:
    """ "Puede actualizar: Red A." / every network / none (the regional role)."""
    from planmonitor.analysis import networks

    if access.writes is None:
        return t("access.writes_all", lang)
    if not access.writes:
        return t("access.writes_none", lang)
    if nets is None:
        found = _store_networks()
        nets = found[1] if found is not None else None
    listed = networks.names(nets, access.writes, lang) if nets is not None else ""
    return t("access.writes", lang, networks=listed or ", ".join(sorted(access.writes)))


def network_refusal(what: str, lang: str, network_ids=None) -> str | None:
    """Why this session may not `what` (upload | file | rollback | decisions) for the
    selected plan's network (or for `network_ids`); None when it may.

    Without a store (a workbook named by the environment) there is one network: no refusal.
    """
    from planmonitor.analysis import networks
    from planmonitor.ui import data

    access = current_access()
    if access is None:
        return t("auth.denied", lang)
    if access.writes is None:
        return None
    found = _store_networks()
    if found is None:
        return None
    plans, nets = found
    if network_ids is None:
        plan_id = data.selected_plan_id() or data.store().default_plan_id()
        nid = networks.network_of(plans, plan_id) if plan_id else None
        network_ids = [] if nid is None else [nid]
    denied = [n for n in network_ids if not access.may_write(n)]
    if not denied:
        return None
    rows = nets[nets["network_id"].isin(denied)].to_dict("records")
    name = ", ".join(networks.network_name(r, lang) for r in rows) or ", ".join(denied)
    return t(f"access.refused.{what}", lang, network=name, writes=writes_text(access, lang, nets))


def require_network(lang: str = "es", what: str = "upload") -> None:
    """Stop the page with a plain refusal when the selected plan's network is not this
    session's to write (nothing of the page's flow is drawn)."""
    refused = network_refusal(what, lang)
    if refused is not None:
        st.error(md(refused), icon=":material/block:")
        st.stop()


def access_caption(lang: str = "es") -> str | None:
    """What this session may update, said only when the store holds several networks (a
    single-network deployment shows nothing new)."""
    from planmonitor.analysis import networks

    access = current_access()
    found = _store_networks()
    if access is None or found is None or not networks.is_regional(found[0]):
        return None
    return writes_text(access, lang, found[1])


# Set by a successful password log-in; the log-in page pops it and opens "Actualizar datos".
JUST_LOGGED_IN = "_pm_just_logged_in"


def logout() -> None:
    st.session_state.pop(_USER, None)
    st.session_state.pop(_ACCESS, None)


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
