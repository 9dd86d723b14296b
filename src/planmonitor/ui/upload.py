"""The upload flow of "Actualizar datos": file -> check (with progress) -> errors or preview ->
"Confirmar" stores a new version.

The preview is kept in the session keyed by the file's hash and the version it was checked
against, so reruns (typing a note) do not check the file again; a version stored meanwhile by
someone else makes it check again. The workbook with the errors marked is built only when
its download button is pressed (a large refused file costs nothing more).
"""

from __future__ import annotations

import functools
import hashlib

import streamlit as st

from planmonitor.i18n import fmt_number, t
from planmonitor.output.issues import issues_table
from planmonitor.output.report import upload_text
from planmonitor.reading.validate import issue_summary
from planmonitor.store import Preview
from planmonitor.ui import auth, data, tables
from planmonitor.ui.safe import md

_PREVIEW = "_pm_upload_preview"
_FLASH = "_pm_upload_flash"
_NONCE = "_pm_upload_nonce"
UPLOADER = "_pm_upload_file"
NOTE = "_pm_upload_note"
CONFIRM = "_pm_upload_confirm"
REMOVALS = "_pm_upload_removals"  # + the file's hash and base version: one tick per preview
MODE = "_pm_upload_progress_mode"  # "append" (default) or "replace"
BOX = "pm-upload"  # the container the uploader is drawn in: the scope of its texts' CSS

# Streamlit has no public way to set the uploader's own texts («Upload», «20MB per file •
# XLSX»; streamlit/streamlit#13500 is open, #10042 was closed unmerged). Our own constant CSS,
# scoped to our uploader's box, writes the catalogue's texts as generated content of their
# parents. The button's own «Upload» stays in the accessibility tree, visually hidden: axe
# (and some screen readers) do not read generated content, and a button without a name is a
# critical violation; so a screen reader may still say «Upload». The size hint has no role
# and is removed.
_UPLOADER_CSS = """<style>
.st-key-{box} [data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p {{
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; margin: 0; }}
.st-key-{box} [data-testid=stFileUploaderDropzoneInstructions] > div > span {{
  display: none; }}
.st-key-{box} [data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]::after
{{ content: "{button}"; }}
.st-key-{box} [data-testid=stFileUploaderDropzoneInstructions] > div::after {{
  content: "{limit}"; font-size: 0.875rem; }}
</style>"""


def _css_text(text: str) -> str:
    """Catalogue text as the body of a CSS string (no quote, backslash or markup in it)."""
    return "".join(c for c in text if c not in '"\\<>\n{}')


def uploader_css(lang: str) -> str:
    """The style that puts the uploader's own texts in `lang` (constant but for the size)."""
    size = int(st.get_option("server.maxUploadSize"))
    return _UPLOADER_CSS.format(
        box=BOX,
        button=_css_text(t("upload.browse", lang)),
        limit=_css_text(t("upload.limit", lang, mb=size)),
    )


def show_changes(changes, lang: str, key: str) -> None:
    """The change view shared with the history page."""
    st.markdown(f"**{md(changes.summary(lang))}**")
    for i, (title, frame) in enumerate(changes.to_frames(lang).items()):
        st.markdown(f"##### {md(title)}")
        st.dataframe(frame, hide_index=True, width="stretch", key=f"{key}_{i}")


def _check(content: bytes, filename: str, lang: str, append: bool) -> Preview:
    s = data.plan_store()  # the selected plan: a workbook without «Plan» sheet updates it
    base = s.current_version_id()
    key = (hashlib.sha256(content).hexdigest(), s.plan_id, base, filename, append)
    cached = st.session_state.get(_PREVIEW)
    if cached and cached[0] == key:
        return cached[1]
    # Steps on screen while a large file is read, checked and compared (Store.preview does
    # the three in one call; each line says what is under way, then what it found).
    with st.status(t("upload.checking", lang), expanded=True) as status:
        st.write(t("upload.read", lang, n=fmt_number(len(content), lang)))
        st.write(t("upload.step.checking", lang, v=base))
        preview = s.preview(content, filename, append_progress=append)
        errors, warnings = issue_summary(preview.issues)
        st.write(t("upload.step.checked", lang, errors=errors, warnings=warnings))
        if preview.ok:
            summary = preview.changes.summary(lang)
            st.write(md(t("upload.step.compared", lang, v=base, summary=summary)))
        status.update(label=t("upload.checked", lang), state="complete", expanded=False)
    st.session_state[_PREVIEW] = (key, preview)
    return preview


def _errors(preview: Preview, content: bytes, lang: str) -> None:
    st.error(t("upload.errors", lang, n=len(preview.errors)), icon=":material/error:")
    st.dataframe(
        tables.severity_colours(issues_table(preview.issues, lang), lang),
        hide_index=True,
        width="stretch",
        key="_pm_upload_issues",
    )
    from planmonitor.output.template import annotate_errors
    from planmonitor.reading.validate import FILE_RULES

    if set(preview.issues["rule"]) & {r.value for r in FILE_RULES}:
        return  # not a workbook we can open: nothing to mark
    name = preview.filename.rsplit(".", 1)[0] + "-errores.xlsx"
    st.download_button(
        t("upload.annotated", lang),
        functools.partial(annotate_errors, content, preview.issues),  # built on click
        file_name=name,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="_pm_upload_annotated",
        icon=":material/download:",
        on_click="ignore",
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
    with st.container(key=BOX):
        st.html(uploader_css(lang))
        file = st.file_uploader(t("upload.file", lang), type=["xlsx"], key=f"{UPLOADER}_{nonce}")
    if file is None:
        return
    content = file.getvalue()
    preview = _check(content, file.name, lang, append)
    if preview.sheets:
        st.caption(md(t("upload.sheets", lang, sheets=", ".join(preview.sheets))))
    if not preview.ok:
        _errors(preview, content, lang)
        return
    if len(preview.warnings):
        with st.expander(t("upload.warnings", lang, n=len(preview.warnings))):
            st.dataframe(
                tables.severity_colours(issues_table(preview.warnings, lang), lang),
                hide_index=True,
                width="stretch",
                key="_pm_upload_warnings",
            )
    report_of = upload_text(content, preview.plan, lang)  # a network's monthly report workbook
    if report_of:
        st.caption(md(report_of))
    if preview.identical:
        st.info(t("upload.identical", lang, v=preview.base_version_id), icon=":material/info:")
        return
    st.caption(md(preview.target_text(lang)))  # which plan the file updates, or creates
    refused = auth.network_refusal("file", lang, data.store().preview_networks(preview))
    if refused is not None:  # a plan of another network: said before any confirm button
        st.error(md(refused), icon=":material/block:")
        return
    new_plan = "upload.preview_new_plan" if preview.creates_plan else "upload.preview"
    st.subheader(t(new_plan, lang, v=preview.base_version_id))
    show_changes(preview.changes, lang, key="_pm_upload_changes")
    note = st.text_input(t("upload.note", lang), key=NOTE, max_chars=500)
    allowed = _removal_consent(preview, lang)
    if st.button(t("upload.confirm", lang), type="primary", key=CONFIRM, disabled=not allowed):
        result = data.plan_store().commit(
            content,
            file.name,
            author=user,
            note=note or "",
            allow_removals=preview.needs_removal_confirmation and allowed,
            append_progress=append,
            networks=_writes(),  # checked again by the store: never half-done
        )
        st.session_state.pop(_PREVIEW, None)
        if result.refused_networks:
            st.error(md(result.message(lang)), icon=":material/block:")
        elif result.refused_removals:  # a version stored meanwhile made this file remove data
            st.error(md(result.message(lang)), icon=":material/warning:")
        elif result.stored:
            st.session_state[_FLASH] = t("upload.stored", lang, v=result.version_id)
            st.session_state[_NONCE] = nonce + 1  # a fresh, empty uploader
            st.session_state.pop(NOTE, None)
            st.rerun()
        elif result.preview.identical:
            st.info(t("upload.identical", lang, v=result.version_id))
        else:
            st.error(t("upload.errors", lang, n=len(result.preview.errors)))


def _writes() -> frozenset[str] | None:
    """The networks this session may write (None: every network); nothing when logged out."""
    access = auth.current_access()
    return frozenset() if access is None else access.writes


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
        s = data.plan_store()
        v = s.current_version_id()
        st.download_button(
            t("upload.template_data", lang),
            lambda: build_template(s.plan(v)),
            file_name=f"plantilla-con-datos-v{v}.xlsx",
            mime=mime,
            key="_pm_template_data",
            icon=":material/download:",
        )
        from planmonitor.output.carryover import carry_over_template

        st.download_button(  # the next cycle's template: this plan's unfinished products
            t("upload.template_carry_over", lang),
            lambda: carry_over_template(s.plan(v)),
            file_name=f"plantilla-siguiente-{s.plan_id}.xlsx",
            mime=mime,
            key="_pm_template_carry_over",
            icon=":material/download:",
        )
