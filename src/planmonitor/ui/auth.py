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
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass

import streamlit as st

from planmonitor.i18n import t

SECTION = "planmonitor"
ENV_PASSWORDS = "PLANMONITOR_SECRETARIAT_PASSWORDS"
ENV_VIEWER = "PLANMONITOR_VIEWER_PASSWORD"
ENV_EMAILS = "PLANMONITOR_SECRETARIAT_EMAILS"
_USER = "_pm_secretariat_user"
_VIEWER_OK = "_pm_viewer_ok"


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
        st.success(t("auth.logged_as", lang, name=user))
        if st.button(t("auth.logout", lang), key="_pm_logout"):
            logout()
            st.rerun()
        return
    if m == "oidc":
        if st.user.get("is_logged_in"):
            st.error(t("auth.oidc_not_allowed", lang, email=st.user.get("email") or "?"))
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
        author = match(credentials(), name or "", password or "")
        if author is None:
            if not (name or "").strip():
                st.error(t("auth.need_name", lang))
            else:
                st.error(t("auth.wrong", lang))
            return
        st.session_state[_USER] = author
        st.rerun()


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
        if hmac.compare_digest(expected.encode("utf-8"), (given or "").encode("utf-8")):
            st.session_state[_VIEWER_OK] = True
            st.rerun()
        st.error(t("auth.wrong", lang))
    st.stop()
