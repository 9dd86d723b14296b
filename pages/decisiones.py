"""Decisiones y acuerdos: the committee's decisions and action points, per meeting, as minutes.

Everyone sees the list and downloads the minutes; only the secretariat records and updates.
"""

from planmonitor.ui import guard

guard.ensure_frame()

import datetime as dt  # noqa: E402

import streamlit as st  # noqa: E402

from planmonitor.analysis import describe  # noqa: E402
from planmonitor.i18n import fmt_date, t  # noqa: E402
from planmonitor.output import minutes  # noqa: E402
from planmonitor.store import decisions  # noqa: E402
from planmonitor.store.decisions import DecisionError, Entry  # noqa: E402
from planmonitor.ui import auth, data  # noqa: E402
from planmonitor.ui.frame import view  # noqa: E402
from planmonitor.ui.safe import md  # noqa: E402

v = view()
lang = v.lang
st.title(t("page.decisiones", lang))
try:
    book = data.plan_store().decisions()  # the selected plan's book
except Exception:
    st.info(t("decisions.unavailable", lang), icon=":material/database_off:")
    st.stop()

strategies = dict(zip(v.plan.strategies["code"], v.plan.strategies["name"], strict=True))
products = dict(zip(v.plan.products["code"], v.plan.products["name"], strict=True))
names = {**strategies, **products}  # product and strategy codes never look alike (2.1, 2.1.1-1)
user = auth.current_user()
refused = auth.network_refusal("decisions", lang) if user is not None else None
if refused is not None:  # another network's plan: its book is read, never written
    st.warning(md(refused), icon=":material/block:")
    user = None


def target_label(code: str) -> str:
    kind = "strategy" if code in strategies else "product"
    return f"{t(f'decisions.target.{kind}', lang)} {code} · {names.get(code, '')}"


def show_problems(exc: DecisionError) -> None:
    for es, en in exc.messages:  # they may quote what was typed
        st.error(md(en if lang == "en" else es))


if user is None:
    if refused is None:
        st.caption(t("decisions.login_hint", lang))
else:
    with st.expander(t("decisions.record", lang), expanded=True, icon=":material/edit_note:"):
        st.caption(t("decisions.record_help", lang))
        with st.form("_pm_decision_form", clear_on_submit=True):
            c1, c2, c3 = st.columns([2, 2, 3])
            meeting = c1.date_input(
                t("decisions.form.meeting", lang), value=v.today.date(), key="_pm_d_meeting"
            )
            kind = c2.radio(
                t("decisions.form.kind", lang), decisions.KINDS, horizontal=True,
                format_func=lambda k: t(f"decisions.kind.{k}", lang), key="_pm_d_kind",
            )  # fmt: skip
            target = c3.selectbox(
                t("decisions.form.target", lang), list(names), format_func=target_label,
                index=None, key="_pm_decision_target", placeholder=t("app.choose", lang),
            )  # fmt: skip
            text = st.text_area(
                t("decisions.form.text", lang), max_chars=decisions.MAX_TEXT, key="_pm_d_text"
            )
            c4, c5 = st.columns(2)
            owner = c4.text_input(
                t("decisions.form.owner", lang), max_chars=decisions.MAX_OWNER, key="_pm_d_owner"
            )
            due = c5.date_input(t("decisions.form.due", lang), value=None, key="_pm_d_due")
            sent = st.form_submit_button(
                t("decisions.form.save", lang), type="primary", key="_pm_d_save"
            )
        if sent:
            entry = Entry(
                meeting_date=meeting or v.today.date(),
                kind=kind,
                target_type="strategy" if target in strategies else "product",
                target_code=target or "",
                text=text or "",
                owner=owner or "",
                due_date=due,
            )
            try:
                book.record(entry, user, codes=names)
            except DecisionError as exc:
                show_problems(exc)
            else:
                st.success(t("decisions.saved", lang), icon=":material/check_circle:")

meetings = book.meetings()
if not meetings:
    st.info(t("decisions.no_meetings", lang))
    st.stop()
c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
meeting: dt.date = c1.selectbox(
    t("decisions.meeting", lang), meetings, format_func=lambda d: fmt_date(d, lang),
    key="_pm_decision_meeting",
)  # fmt: skip
open_only = c2.toggle(t("decisions.open_only", lang), key="_pm_decision_open_only")
current = book.current(meeting)
listed = current[current["status"] == "open"] if open_only else current
st.dataframe(minutes.minutes_table(listed, lang, names), hide_index=True, width="stretch")
d1, d2 = st.columns(2)
d1.download_button(
    t("decisions.download_xlsx", lang),
    minutes.minutes_excel(current, lang, meeting, names, network=describe.network(v.plan, lang)),
    file_name=f"acta-{meeting.isoformat()}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table_view:",
)
d2.download_button(
    t("decisions.download_html", lang),
    minutes.minutes_html(current, lang, meeting, names, network=describe.network(v.plan, lang)),
    file_name=f"acta-{meeting.isoformat()}.html",
    mime="text/html",
    icon=":material/print:",
)

if user is not None and len(current):
    st.subheader(t("decisions.update", lang))
    rows = {r.decision_id: r for r in current.itertuples(index=False)}
    pick = st.selectbox(
        t("decisions.update.pick", lang), list(rows),
        format_func=lambda d: f"{rows[d].target_code} · {rows[d].text[:80]}",
        key="_pm_decision_pick",
    )  # fmt: skip
    row = rows[pick]
    version = f"{pick}_{row.revision}"  # fresh widgets per decision and revision
    with st.form(f"_pm_decision_update_{version}"):
        status = st.radio(
            t("decisions.form.status", lang), decisions.STATUSES, horizontal=True,
            index=decisions.STATUSES.index(row.status),
            format_func=lambda s: t(f"decisions.status.{s}", lang),
            key=f"_pm_u_status_{version}",
        )  # fmt: skip
        new_text = st.text_area(
            t("decisions.form.text", lang), value=row.text, key=f"_pm_u_text_{version}"
        )
        new_owner = st.text_input(
            t("decisions.form.owner", lang), value=row.owner, key=f"_pm_u_owner_{version}"
        )
        saved = st.form_submit_button(
            t("decisions.update.save", lang), type="primary", key=f"_pm_u_save_{version}"
        )
    if saved:
        changes = {
            k: val
            for k, val, old in (
                ("status", status, row.status),
                ("text", (new_text or "").strip(), row.text),
                ("owner", (new_owner or "").strip(), row.owner),
            )
            if val != old
        }
        if not changes:
            st.info(t("decisions.update.nothing", lang))
        else:
            try:
                book.supersede(pick, user, codes=names, based_on=row.revision, **changes)
            except DecisionError as exc:
                show_problems(exc)
            else:
                st.rerun()
