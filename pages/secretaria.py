"""Acceso de la Secretaría: the secretariat's log-in (a file, so that a deep link to it on a
fresh server is found in Streamlit's legacy pages/ mode and handed over to the frame)."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import auth, state  # noqa: E402
from planmonitor.ui.frame import view  # noqa: E402

lang = view().lang
if st.session_state.pop(auth.JUST_LOGGED_IN, False) and auth.is_secretariat():
    # what the secretariat logs in for; the switch drops the URL, so the language and the
    # selected plan go along (issue 11: else the upload page opened the default plan's)
    params = {k: st.query_params[k] for k in (state.LANG, state.PLAN) if k in st.query_params}
    st.switch_page("pages/actualizar.py", query_params=params or None)
st.title(t("page.login", lang))
auth.login_form(lang)
