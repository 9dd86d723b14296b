"""Historial de versiones (secretariat only): list, compare, download, restore."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import admin, auth  # noqa: E402
from planmonitor.ui.frame import view  # noqa: E402

lang = view().lang
st.title(t("page.history", lang))
user = auth.require_secretariat(lang)  # stops here without the credential
admin.show_history(lang, user)
