"""Qué cambió: what moved since a date (by default the end of last month) or a stored version."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import changes, diff, metrics  # noqa: E402
from planmonitor.analysis.filters import Filters  # noqa: E402
from planmonitor.i18n import fmt_date, fmt_number, fmt_percent, status_label, t  # noqa: E402
from planmonitor.model import Plan  # noqa: E402
from planmonitor.output import charts, theme  # noqa: E402
from planmonitor.ui import data, frame, page  # noqa: E402

PARAM = "desde"  # ?desde=AAAA-MM-DD (a date) or ?desde=v12 (a stored version)
KIND, DATE, VERSION = "_pm_cambios_kind", "_pm_cambios_date", "_pm_cambios_version"


@st.cache_resource(max_entries=64, ttl=6 * 3600, show_spinner=False)
def changes_of(
    _plan: Plan,
    version: str,
    filters: Filters,
    lang: str,
    today: pd.Timestamp,
    as_of: pd.Timestamp,
    ref_key: str,
) -> dict:
    """What changed since `ref_key` (a date, or "v12": a stored version) up to `as_of` (the
    plan's end once it is closed), and the Gantt with its line at `today`."""
    filtered = frame.filtered_plan(_plan, version, filters, as_of)
    older = data.plan_store_of(version).plan(int(ref_key[1:])) if ref_key[:1] == "v" else None
    ref = ref_key if older is None else filters.apply(older)
    report = changes.changes_since(filtered, ref, as_of=as_of)
    latest = metrics.latest_status(filtered, as_of=as_of)
    gantt = charts.build_gantt_figure(
        latest, lang=lang, today=today, level="product" if len(latest) <= 300 else "activity",
        markers=report.markers(lang), names=metrics.level_names(_plan, "activity"),
        period=(_plan.info.start, _plan.info.end), agency_colors=theme.plan_agency_colors(_plan),
    )  # fmt: skip
    return {"report": report, "gantt": gantt}


v = page.start("cambios")
lang = v.lang
store = data.plan_store_of(v.version) if v.version.startswith("store:") else None
versions = store.versions() if store is not None else pd.DataFrame({"id": []})
ids = [int(i) for i in versions["id"]][::-1]  # newest first

DEFAULT = "_pm_cambios_default"  # the default reference of this session, said on the page
SEEN = "_pm_cambios_plan"  # the plan the controls were set for: another plan starts again
if st.session_state.get(SEEN) != v.version.split(":")[:2]:
    for key in (KIND, DATE, VERSION, DEFAULT):
        st.session_state.pop(key, None)
    st.session_state[SEEN] = v.version.split(":")[:2]
if KIND not in st.session_state:  # the URL is read once per session, then follows the controls
    asked = st.query_params.get(PARAM, "")
    wants_version = asked.startswith("v") and asked[1:].isdigit() and int(asked[1:]) in ids
    # No reference asked: what the committee saw last (issue 10): the version current at the
    # last recorded meeting, else the previous version, else the data at the end of last month.
    meetings = store.decisions().meetings() if store is not None and not asked else []
    default = changes.default_since(versions, meetings, v.today, as_of=v.as_of)
    st.session_state[DEFAULT] = None if asked else default
    then = None if asked else default.version
    st.session_state[KIND] = "version" if wants_version or then is not None else "date"
    if wants_version:
        st.session_state[VERSION] = int(asked[1:])
    elif then is not None:
        st.session_state[VERSION] = then
    try:
        day = pd.Timestamp(asked)
    except ValueError:
        day = pd.NaT
    if pd.isna(day):
        day = default.day if not asked else changes.default_reference(v.as_of)
    st.session_state[DATE] = day.date()

c1, c2 = st.columns([2, 3], vertical_alignment="bottom")
kind = c1.segmented_control(
    t("cambios.reference", lang),
    ("date", "version") if ids else ("date",),
    format_func=lambda k: t(f"cambios.reference.{k}", lang),
    key=KIND,
    required=True,
)
if kind == "version" and ids:
    labels = {int(r.id): f"{r.id} · {r.created_at:%Y-%m-%d %H:%M} · {r.author} · {r.filename}"
              for r in versions.itertuples()}  # fmt: skip
    chosen = c2.selectbox(t("cambios.version", lang), ids, format_func=labels.get, key=VERSION)
    ref_key, caption = f"v{chosen}", t("cambios.since_version", lang, v=chosen)
else:
    day = c2.date_input(
        t("cambios.date", lang), key=DATE, format="DD/MM/YYYY" if lang == "es" else "MM/DD/YYYY"
    )
    ref_key = pd.Timestamp(day or changes.default_reference(v.as_of)).date().isoformat()
    caption = t("cambios.since_date", lang, date=fmt_date(ref_key, lang))
st.query_params[PARAM] = ref_key
default = st.session_state.get(DEFAULT)
if default is not None and ref_key == (
    f"v{default.version}" if default.version is not None else default.day.date().isoformat()
):  # the page chose the reference: say which and why
    caption += " " + t(f"cambios.default.{default.why}", lang, v=default.version or "",
                       date=fmt_date(default.day, lang))  # fmt: skip
st.caption(caption)


def shown(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """A change table as text in the language, with translated headers."""
    out = df.copy()
    for col in ("old_status", "new_status"):
        if col in out:
            out[col] = [status_label(s, lang) for s in out[col]]
    if name == "percent_gained":
        out["old"] = [fmt_percent(x, lang) for x in out["old"]]
        out["new"] = [fmt_percent(x, lang) for x in out["new"]]
        out["delta"] = [("+" if d > 0 else "−") + fmt_percent(abs(d), lang) for d in out["delta"]]
    if name == "changed_fields":
        out = diff.localized_changes(out, lang)
        out = out.rename(columns={"old": "before", "new": "after"})
    for col in ("old_end", "new_end", "date"):
        if col in out:
            out[col] = [fmt_date(x, lang) for x in out[col]]
    return out.rename(columns=lambda c: t(f"cambios.col.{c}", lang))


r = changes_of(v.plan, v.version, v.filters, lang, v.today, v.as_of, ref_key)
report = r["report"]
tables = report.tables()
cards = st.columns(4)
for i, name in enumerate(("status_changes", "percent_gained", "slips", "new_comments")):
    cards[i].metric(t(f"cambios.count.{name}", lang), fmt_number(len(tables[name]), lang))
if report.is_empty:
    st.success(t("cambios.none", lang), icon=":material/check_circle:")
for name, table in tables.items():
    if len(table):
        st.subheader(f"{t(f'cambios.count.{name}', lang)} ({fmt_number(len(table), lang)})")
        st.dataframe(shown(name, table), hide_index=True, width="stretch", key=f"changes_{name}")
st.subheader(t("cambios.gantt", lang))
page.chart(r["gantt"], key="changes_gantt")
