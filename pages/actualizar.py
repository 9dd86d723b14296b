"""Actualizar datos (secretariat only): upload a workbook, check it, preview, confirm."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import auth, upload  # noqa: E402
from planmonitor.ui.frame import view  # noqa: E402
from planmonitor.ui.safe import md  # noqa: E402

lang = view().lang
st.title(t("page.upload", lang))
user = auth.require_secretariat(lang)  # stops here without the credential
auth.require_network(lang, "upload")  # ... or when the selected plan's network is not theirs
st.caption(md(t("auth.logged_as", lang, name=user)))
upload.show(lang, user)
with st.expander(t("upload.template", lang)):
    upload.template_downloads(lang, with_data=True)
