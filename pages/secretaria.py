"""Acceso de la Secretaría: the secretariat's log-in (a file, so that a deep link to it on a
fresh server is found in Streamlit's legacy pages/ mode and handed over to the frame)."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import auth  # noqa: E402
from planmonitor.ui.frame import view  # noqa: E402

lang = view().lang
if st.session_state.pop(auth.JUST_LOGGED_IN, False) and auth.is_secretariat():
    # what the secretariat logs in for; the switch drops the URL, so the language goes along
    st.switch_page("pages/actualizar.py", query_params={"lang": lang} if lang != "es" else None)
st.title(t("page.login", lang))
auth.login_form(lang)
