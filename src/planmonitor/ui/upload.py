"""The upload flow of "Actualizar datos": file -> check (with progress) -> errors or preview ->
"Confirmar" stores a new version.

The preview is kept in the session keyed by the file's hash and the version it was checked
against, so reruns (typing a note) do not check the file again; a version stored meanwhile by
someone else makes it check again.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from planmonitor.i18n import t
from planmonitor.store import Preview, Store
from planmonitor.ui import data

_PREVIEW = "_pm_upload_preview"
_FLASH = "_pm_upload_flash"
_NONCE = "_pm_upload_nonce"
UPLOADER = "_pm_upload_file"
NOTE = "_pm_upload_note"
CONFIRM = "_pm_upload_confirm"
REMOVALS = "_pm_upload_removals"  # + the file's hash and base version: one tick per preview
MODE = "_pm_upload_progress_mode"  # "append" (default) or "replace"


def store() -> Store:
    """The process's store: ``ui.data.store()`` (kept here for the pages that import it)."""
    return data.store()


def issues_table(issues: pd.DataFrame, lang: str) -> pd.DataFrame:
    """sheet, row, column, value, message, as text (never interpreted as HTML)."""
    msg = "message_en" if lang == "en" else "message"
    cols = ["sheet", "row", "column", "value", msg]
    out = issues.reindex(columns=cols).copy()
    out["row"] = out["row"].astype("Int64").astype("string").fillna("")
    out = out.fillna("").astype("str")
    names = {c: t(f"issues.col.{'message' if c == msg else c}", lang) for c in cols}
    return out.rename(columns=names).reset_index(drop=True)


def show_changes(changes, lang: str, key: str) -> None:
    """The change view shared with the history page."""
    st.markdown(f"**{changes.summary(lang)}**")
    for i, (title, frame) in enumerate(changes.to_frames(lang).items()):
        st.markdown(f"##### {title}")
        st.dataframe(frame, hide_index=True, width="stretch", key=f"{key}_{i}")


def _check(content: bytes, filename: str, lang: str, append: bool) -> Preview:
    s = data.store()
    key = (hashlib.sha256(content).hexdigest(), s.current_version_id(), filename, append)
    cached = st.session_state.get(_PREVIEW)
    if cached and cached[0] == key:
        return cached[1]
    with st.status(t("upload.checking", lang), expanded=True) as status:
        st.write(t("upload.read", lang, n=f"{len(content):,}"))
        preview = s.preview(content, filename, append_progress=append)
        st.write(t("upload.checked", lang))
        status.update(label=t("upload.checked", lang), state="complete", expanded=False)
    st.session_state[_PREVIEW] = (key, preview)
    return preview


def _errors(preview: Preview, content: bytes, lang: str) -> None:
    st.error(t("upload.errors", lang, n=len(preview.errors)), icon=":material/error:")
    st.dataframe(
        issues_table(preview.issues, lang),
        hide_index=True,
        width="stretch",
        key="_pm_upload_issues",
    )
    from planmonitor.output.template import annotate_errors
    from planmonitor.reading.validate import FILE_RULES

    if not set(preview.issues["rule"]) & {r.value for r in FILE_RULES}:
        try:
            marked = annotate_errors(content, preview.issues)
        except ValueError:
            return
        name = preview.filename.rsplit(".", 1)[0] + "-errores.xlsx"
        st.download_button(
            t("upload.annotated", lang),
            marked,
            file_name=name,
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="_pm_upload_annotated",
            icon=":material/download:",
        )


def show(lang: str, user: str) -> None:
    """The whole flow; `user` is recorded on the stored version."""
    flash = st.session_state.pop(_FLASH, None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    st.write(t("upload.intro", lang))
    nonce = st.session_state.get(_NONCE, 0)
    mode = st.radio(
        t("upload.mode", lang),
        ["append", "replace"],
        format_func=lambda m: t(f"upload.mode.{m}", lang),
        key=MODE,
        horizontal=True,
        help=t("upload.mode.help", lang),
    )
    append = mode != "replace"
    file = st.file_uploader(t("upload.file", lang), type=["xlsx"], key=f"{UPLOADER}_{nonce}")
    if file is None:
        return
    content = file.getvalue()
    preview = _check(content, file.name, lang, append)
    if preview.sheets:
        st.caption(t("upload.sheets", lang, sheets=", ".join(preview.sheets)))
    if not preview.ok:
        _errors(preview, content, lang)
        return
    if len(preview.warnings):
        with st.expander(t("upload.warnings", lang, n=len(preview.warnings))):
            st.dataframe(
                issues_table(preview.warnings, lang),
                hide_index=True,
                width="stretch",
                key="_pm_upload_warnings",
            )
    if preview.identical:
        st.info(t("upload.identical", lang, v=preview.base_version_id), icon=":material/info:")
        return
    st.subheader(t("upload.preview", lang, v=preview.base_version_id))
    show_changes(preview.changes, lang, key="_pm_upload_changes")
    note = st.text_input(t("upload.note", lang), key=NOTE, max_chars=500)
    allowed = _removal_consent(preview, lang)
    if st.button(t("upload.confirm", lang), type="primary", key=CONFIRM, disabled=not allowed):
        result = data.store().commit(
            content,
            file.name,
            author=user,
            note=note or "",
            allow_removals=preview.needs_removal_confirmation and allowed,
            append_progress=append,
        )
        st.session_state.pop(_PREVIEW, None)
        if result.refused_removals:  # a version stored meanwhile made this file remove data
            st.error(result.message(lang), icon=":material/warning:")
        elif result.stored:
            st.session_state[_FLASH] = t("upload.stored", lang, v=result.version_id)
            st.session_state[_NONCE] = nonce + 1  # a fresh, empty uploader
            st.session_state.pop(NOTE, None)
            st.rerun()
        elif result.preview.identical:
            st.info(t("upload.identical", lang, v=result.version_id))
        else:
            st.error(t("upload.errors", lang, n=len(result.preview.errors)))


def _removal_consent(preview: Preview, lang: str) -> bool:
    """True when nothing is removed, or the person ticked "Entiendo que se eliminarán …".

    The tick belongs to this file checked against this version: another file, or a version
    stored meanwhile, asks again.
    """
    if not preview.needs_removal_confirmation:
        return True
    what = preview.removal_text(lang)
    st.warning(t("upload.removal_warning", lang, what=what), icon=":material/warning:")
    key = f"{REMOVALS}_{preview.sha256[:16]}_{preview.base_version_id}"
    return bool(st.checkbox(t("upload.removal_confirm", lang, what=what), key=key))


def template_downloads(lang: str, with_data: bool) -> None:
    """The empty template, and (secretariat only) the template with the current data."""
    from planmonitor.output.template import build_template

    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    st.download_button(
        t("upload.template_empty", lang),
        lambda: build_template(None),
        file_name="plantilla-plan-de-trabajo.xlsx",
        mime=mime,
        key="_pm_template_empty",
        icon=":material/download:",
    )
    if with_data:
        s = data.store()
        v = s.current_version_id()
        st.download_button(
            t("upload.template_data", lang),
            lambda: build_template(s.plan(v)),
            file_name=f"plantilla-con-datos-v{v}.xlsx",
            mime=mime,
            key="_pm_template_data",
            icon=":material/download:",
        )
