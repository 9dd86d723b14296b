"""The secretariat's pages: log-in, "Actualizar datos" and "Historial de versiones".

`admin_pages(lang)` is what the frame appends under "Secretaría". The log-in page is always
listed (it also says how to configure access when nothing is); the upload and history pages
are listed only once the secretariat's credential is given, and each checks it again itself.
"""

from __future__ import annotations

import streamlit as st

from planmonitor.i18n import fmt_datetime, t
from planmonitor.ui import auth
from planmonitor.ui.safe import md

LOGIN_URL = "secretaria"
UPLOAD_URL = "actualizar"
HISTORY_URL = "historial"
_ROLLBACK_FLASH = "_pm_rollback_flash"
_ROLLBACK_ASKED = "_pm_rollback_asked"  # (target, current) awaiting confirmation
_HISTORY_SEEN = "_pm_history_seen"  # the current version the selectors were made for
_HISTORY_SELECTORS = ("_pm_history_from", "_pm_history_to", "_pm_history_pick",
                      "_pm_history_target")  # fmt: skip


def admin_pages(lang: str = "es") -> list:
    """st.Page objects for the navigation's "Secretaría" section."""

    pages = [
        st.Page(
            "pages/secretaria.py",
            title=t("page.login", lang),
            url_path=LOGIN_URL,
            icon=":material/lock:",
        )
    ]
    if auth.is_secretariat():
        pages += [
            st.Page(
                "pages/actualizar.py",
                title=t("page.upload", lang),
                url_path=UPLOAD_URL,
                icon=":material/upload_file:",
            ),
            st.Page(
                "pages/historial.py",
                title=t("page.history", lang),
                url_path=HISTORY_URL,
                icon=":material/history:",
            ),
        ]
    return pages


def _version_label(row: dict, lang: str) -> str:
    when = fmt_datetime(row["created_at"], lang)
    return f"{row['id']} · {when} · {row['author']} · {row['filename']}"


def versions_table(versions, lang: str):
    """The versions as display text, newest first."""
    out = versions[["id", "created_at", "kind", "author", "filename", "note", "sheets"]].copy()
    out["created_at"] = [fmt_datetime(c, lang) for c in out["created_at"]]
    out["kind"] = [t(f"store.kind.{k}", lang) for k in out["kind"]]
    out = out.iloc[::-1].reset_index(drop=True)
    return out.rename(columns={c: t(f"history.col.{c}", lang) for c in out.columns})


def show_history(lang: str, user: str) -> None:
    """List, compare, download and restore versions."""
    from planmonitor.ui.data import plan_store
    from planmonitor.ui.upload import show_changes

    s = plan_store()  # the selected plan's versions only
    flash = st.session_state.pop(_ROLLBACK_FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    st.write(t("history.intro", lang))
    versions = s.versions()
    rows = {int(r["id"]): r for r in versions.to_dict("records")}
    ids = list(rows)[::-1]  # newest first
    current = ids[0]
    if st.session_state.get(_HISTORY_SEEN) != current:
        # a new version (an upload, a rollback, another session): the selectors start again
        # from the current version instead of keeping choices made against the old list
        for key in _HISTORY_SELECTORS:
            st.session_state.pop(key, None)
        st.session_state[_HISTORY_SEEN] = current
    st.caption(t("history.current", lang, v=current))
    st.dataframe(
        versions_table(versions, lang), hide_index=True, width="stretch", key="_pm_history_table"
    )

    def label(v: int) -> str:
        return _version_label(rows[v], lang)

    st.subheader(t("history.compare", lang))
    left, right = st.columns(2)
    old = left.selectbox(
        t("history.from", lang),
        ids,
        index=min(1, len(ids) - 1),
        format_func=label,
        key="_pm_history_from",
    )
    new = right.selectbox(
        t("history.to", lang), ids, index=0, format_func=label, key="_pm_history_to"
    )
    show_changes(s.diff(int(old), int(new)), lang, key="_pm_history_changes")

    st.subheader(t("history.download", lang))
    pick = st.selectbox(t("history.version", lang), ids, format_func=label, key="_pm_history_pick")
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    c1, c2 = st.columns(2)
    c1.download_button(
        t("history.original", lang, v=pick),
        lambda: s.file_bytes(int(pick)),
        file_name=str(rows[pick]["filename"]) or f"version-{pick}.xlsx",
        mime=mime,
        key="_pm_history_original",
        icon=":material/download:",
    )
    c2.download_button(
        t("history.full", lang, v=pick),
        lambda: s.export_bytes(int(pick)),
        file_name=f"planmonitor-version-{pick}.xlsx",
        mime=mime,
        key="_pm_history_full",
        icon=":material/download:",
    )

    st.subheader(t("history.rollback", lang))
    refused = auth.network_refusal("rollback", lang)
    if refused is not None:  # another network's plan: its versions are shown, never restored
        st.warning(md(refused), icon=":material/block:")
        return
    older = ids[1:]
    if not older:
        return
    target = st.selectbox(
        t("history.version", lang), older, format_func=label, key="_pm_history_target"
    )
    if st.button(t("history.rollback_button", lang, v=target), key="_pm_history_rollback"):
        st.session_state[_ROLLBACK_ASKED] = (int(target), current)
    asked = st.session_state.get(_ROLLBACK_ASKED)
    if asked is None:
        return
    if asked != (int(target), current):  # another version picked, or the store moved on
        st.session_state.pop(_ROLLBACK_ASKED, None)
        return
    # nothing is restored before the secretariat confirms what will happen
    st.warning(t("history.rollback_confirm", lang, v=target, current=current))
    yes, no = st.columns(2)
    if no.button(t("history.rollback_cancel", lang), key="_pm_history_rollback_no"):
        st.session_state.pop(_ROLLBACK_ASKED, None)
        st.rerun()
    if yes.button(
        t("history.rollback_yes", lang, v=target), key="_pm_history_rollback_yes", type="primary"
    ):
        st.session_state.pop(_ROLLBACK_ASKED, None)
        new_id = s.rollback(int(target), author=user)
        if new_id == current:
            st.info(t("history.rollback_same", lang, v=target))
        else:
            st.session_state[_ROLLBACK_FLASH] = t("history.rolled_back", lang, v=target, new=new_id)
            st.rerun()
