"""The monthly report's content: one month's picture of the plan, as data.

`build_report` computes everything as of the month's last day (later entries are ignored), so
a month's report says the same thing whenever it is produced. The same `Report` is
written three ways: an Excel workbook (excel.py), one self-contained HTML file (html.py, from
the templates/ folder) and a PDF printed from that HTML by the system's Chromium (pdf.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from planmonitor.analysis import describe, metrics
from planmonitor.analysis.changes import ChangeReport, changes_since
from planmonitor.i18n import agency_label, agency_name, fmt_date, fmt_percent, status_label, t
from planmonitor.model import NO_REPORT, Plan, PlanInfo, Status

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
STALE_DAYS = 60
_DONE = {Status.COMPLETED.value, Status.CANCELLED.value}

SECTIONS: tuple[str, ...] = (
    "summary",
    "status",
    "entries",
    "changes",
    "alerts",
    "silent",
    "gcm",
)


def parse_month(month: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of "YYYY-MM"; ValueError (Spanish / English) otherwise."""
    m = MONTH_RE.match(str(month).strip()) if isinstance(month, str) else None
    if m is None:
        example = example_month()
        raise ValueError(
            f"{t('report.cli.bad_month', 'es', month=month, example=example)} / "
            f"{t('report.cli.bad_month', 'en', month=month, example=example)}"
        )
    start = pd.Timestamp(year=int(m.group(1)), month=int(m.group(2)), day=1)
    return start, start + pd.offsets.MonthEnd(0)


def example_month() -> str:
    """The current month as "YYYY-MM": the example a message about the format gives."""
    return pd.Timestamp.today().strftime("%Y-%m")


def report_months(plan: Plan, today: object) -> list[str]:
    """The months a report can be made for, newest first: from the plan's first month to its
    last (or to the last month with reports after it), never after the current month."""
    info = plan.info
    assert info is not None
    dates = pd.to_datetime(plan.progress["date"]) if len(plan.progress) else pd.Series([])
    last = max(info.end, dates.max()) if dates.notna().any() else info.end
    last = max(min(last, pd.Timestamp(today).normalize()), info.start)
    return [str(p) for p in pd.period_range(info.start, last, freq="M")][::-1]


def default_month(plan: Plan, today: object) -> str:
    """The month a report page proposes: the last whole month before today, or, for a plan
    whose period has ended, its last month; the newest reportable month otherwise."""
    info = plan.info
    assert info is not None
    months = report_months(plan, today)
    today = pd.Timestamp(today).normalize()
    wanted = (
        info.end.strftime("%Y-%m")
        if info.is_closed(today)
        else (today.replace(day=1) - pd.Timedelta(days=1)).strftime("%Y-%m")
    )
    return wanted if wanted in months else months[0]


def month_label(start: pd.Timestamp, lang: str = "es") -> str:
    """ "mayo de <año>" / "May <year>"."""
    return t(
        "report.month_label", lang, month=t(f"report.month.{start.month}", lang), year=start.year
    )


@dataclass(frozen=True)
class Section:
    """One section of the report: a title, a note, one display table, and extra lines."""

    key: str
    title: str
    note: str
    table: pd.DataFrame  # localised headers; typed values (dates, numbers) or text
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything the monthly report says, computed as of the month's last day."""

    month: str
    lang: str
    start: pd.Timestamp
    end: pd.Timestamp
    is_example: bool
    n_products: int
    overall: float  # mean percent, cancelled excluded (metrics.overall_completion)
    status_counts: pd.DataFrame  # status, count (every status + Sin reporte)
    latest: pd.DataFrame  # metrics.latest_status as of `end`, plan order
    entries: pd.DataFrame  # the month's progress entries, with the product's name
    changes: ChangeReport  # since the previous month's end (or the previous version)
    alerts: pd.DataFrame  # metrics.alerts as of `end`
    silent_agencies: pd.DataFrame  # agency, name_es, name_en, n_open, last_date
    gcm: pd.DataFrame  # metrics.gcm_coverage(include_all=True)
    completion: pd.DataFrame  # metrics.completion_by(latest, "objective")
    objective_names: dict[str, str] = field(default_factory=dict)
    agencies: pd.DataFrame | None = None
    generated_at: pd.Timestamp | None = None
    against_version: bool = False  # changes computed against a stored version
    info: PlanInfo | None = None  # the plan's description (its period draws the Gantt)
    plan_title: str = ""  # the plan's own title (describe.plan_title); "" when it has none
    # The plan the report is drawn from: the Excel carries its data sheets after the report's,
    # so a network's report workbook is also its upload (issue 11 §4).
    plan: Plan | None = field(default=None, repr=False, compare=False)

    @property
    def title(self) -> str:
        """«Informe mensual de seguimiento · <the plan's title>» (neutral without one)."""
        if self.plan_title:
            return t("report.title_of", self.lang, plan=self.plan_title)
        return t("report.title", self.lang)

    @property
    def network(self) -> str:
        """The network's name in the report's language ("" when the plan does not say)."""
        return self.info.network(self.lang).strip() if self.info is not None else ""

    @property
    def n_no_report(self) -> int:
        return int((self.latest["status"] == NO_REPORT).sum())

    def sections(self) -> list[Section]:
        """The report's sections in order, with display tables in the report's language."""
        lang = self.lang
        return [
            Section(
                "summary",
                t("report.section.summary", lang),
                t("report.note.summary", lang, date=fmt_date(self.end, lang)),
                self._summary_table(),
            ),
            Section("status", t("report.section.status", lang), "", self._status_table()),
            Section(
                "entries",
                t("report.section.entries", lang),
                t(
                    "report.note.entries",
                    lang,
                    start=fmt_date(self.start, lang),
                    end=fmt_date(self.end, lang),
                ),
                self._entries_table(),
            ),
            Section(
                "changes",
                t("report.section.changes", lang),
                t("changes.since_version", lang)
                if self.against_version
                else t("changes.since_date", lang, date=fmt_date(self.changes.reference, lang)),
                self._changes_table(),
            ),
            Section(
                "alerts",
                t("report.section.alerts", lang),
                t("report.note.alerts", lang, date=fmt_date(self.end, lang), days=STALE_DAYS),
                self._alerts_table(),
            ),
            Section(
                "silent",
                t("report.section.silent", lang),
                t("report.note.silent", lang),
                self._silent_table(),
            ),
            Section(
                "gcm",
                t("report.section.gcm", lang),
                t("report.note.gcm", lang),
                self._gcm_table(),
                self._gcm_lines(),
            ),
        ]

    # -- display tables -------------------------------------------------------------------
    def _cols(self, *keys: str) -> list[str]:
        return [t(f"report.col.{k}", self.lang) for k in keys]

    def _summary_table(self) -> pd.DataFrame:
        lang = self.lang
        rows: list[tuple[str, Any]] = [
            (t("report.kpi.products", lang), self.n_products),
            (
                t("report.kpi.overall", lang) + " (%)",
                None if pd.isna(self.overall) else round(self.overall, 1),
            ),
            (t("report.kpi.no_report", lang), self.n_no_report),
            (t("report.kpi.entries", lang), len(self.entries)),
        ]
        for status, count in zip(
            self.status_counts["status"], self.status_counts["count"], strict=True
        ):
            rows.append((t("report.kpi.status", lang, status=status_label(status, lang)), count))
        return pd.DataFrame(
            {
                c: pd.Series(v, dtype=object)
                for c, v in zip(
                    self._cols("indicator", "value"), zip(*rows, strict=True), strict=True
                )
            }
        )

    def _status_table(self) -> pd.DataFrame:
        df = self.latest
        return _table(
            self._cols(
                "code", "product", "status", "percent", "last_date", "reported_by", "comment"
            ),
            df["code"],
            df["name"],
            [status_label(s, self.lang) for s in df["status"]],
            df["percent"],
            df["last_date"],
            df["reported_by"],
            df["last_comment"],
        )

    def _entries_table(self) -> pd.DataFrame:
        df = self.entries
        return _table(
            self._cols(
                "date",
                "code",
                "product",
                "status",
                "percent",
                "comment",
                "reported_by",
                "evidence",
            ),
            df["date"],
            df["code"],
            df["name"],
            [status_label(s, self.lang) for s in df["status"]],
            df["percent"],
            df["comment"],
            df["reported_by"],
            df["evidence"],
        )

    def _changes_table(self) -> pd.DataFrame:
        lang, ch = self.lang, self.changes
        rows: list[tuple[str, str, str, str, str, str]] = []

        def kind(k: str) -> str:
            return t(f"changes.kind.{k}", lang)

        for r in ch.status_changes.itertuples(index=False):
            rows.append(
                (
                    kind("status"),
                    r.code,
                    r.name,
                    status_label(r.old_status, lang),
                    status_label(r.new_status, lang),
                    "",
                )
            )
        for r in ch.percent_gained.itertuples(index=False):
            sign = "+" if r.delta > 0 else "−"
            rows.append(
                (
                    kind("percent"),
                    r.code,
                    r.name,
                    fmt_percent(r.old, lang),
                    fmt_percent(r.new, lang),
                    f"{sign}{fmt_percent(abs(r.delta), lang)}",
                )
            )
        for r in ch.new_products.itertuples(index=False):
            rows.append((kind("new_product"), r.code, r.name, "", "", ""))
        for r in ch.removed_products.itertuples(index=False):
            rows.append((kind("removed_product"), r.code, r.name, "", "", ""))
        for r in ch.slips.itertuples(index=False):
            rows.append(
                (
                    kind("slip"),
                    r.code,
                    r.name,
                    fmt_date(r.old_end, lang),
                    fmt_date(r.new_end, lang),
                    t("changes.days_later", lang, days=r.days),
                )
            )
        names = dict(zip(self.latest["code"], self.latest["name"], strict=True))
        for r in ch.changed_fields.itertuples(index=False):
            rows.append((kind("field"), r.code, names.get(r.code, ""), r.old, r.new, r.header))
        for r in ch.new_comments.itertuples(index=False):
            who = f" · {r.reported_by}" if r.reported_by else ""
            rows.append(
                (kind("comment"), r.code, r.name, "", r.comment, f"{fmt_date(r.date, lang)}{who}")
            )
        columns = self._cols("kind", "code", "product", "before", "after", "detail")
        return pd.DataFrame(rows, columns=columns).astype("str")

    def _alerts_table(self) -> pd.DataFrame:
        df = self.alerts
        detail = df["detail_en"] if self.lang == "en" else df["detail_es"]
        return _table(
            self._cols("code", "product", "kind", "detail"),
            df["code"],
            df["name"],
            [t(f"alert.{k}", self.lang) for k in df["kind"]],
            detail,
        )

    def _silent_table(self) -> pd.DataFrame:
        df = self.silent_agencies
        names = [agency_name(a, self.lang, self.agencies) for a in df["agency"]]
        return _table(
            self._cols("agency", "agency_name", "open_led", "last_date"),
            [agency_label(a, self.lang, self.agencies) for a in df["agency"]],
            names,
            df["n_open"],
            [t("report.never", self.lang) if pd.isna(d) else d for d in df["last_date"]],
        )

    def _gcm_table(self) -> pd.DataFrame:
        df = self.gcm
        labels = df["title_en"] if self.lang == "en" else df["label_es"]
        return _table(
            self._cols("number", "gcm_label", "n_specific", "n_all", "n_total"),
            df["number"],
            labels,
            df["n_specific"],
            df["n_all"],
            df["n_specific"] + df["n_all"],
        )

    def _gcm_lines(self) -> tuple[str, ...]:
        df, lang = self.gcm, self.lang
        with_all = [str(n) for n in df.loc[(df["n_specific"] + df["n_all"]) == 0, "number"]]
        without = [str(n) for n in df.loc[df["n_specific"] == 0, "number"]]
        none = t("report.none", lang)
        return (
            t("report.gaps_with_all", lang, numbers=", ".join(with_all) or none),
            t("report.gaps_without_all", lang, numbers=", ".join(without) or none),
        )


def _table(columns: list[str], *values: Any) -> pd.DataFrame:
    data = {c: pd.Series(list(v), dtype=object) for c, v in zip(columns, values, strict=True)}
    return pd.DataFrame(data, columns=columns)


# --------------------------------------------------------------------------------------------
# Building the report
# --------------------------------------------------------------------------------------------
def build_report(
    plan: Plan,
    month: str,
    lang: str = "es",
    previous: Plan | None = None,
    generated_at: pd.Timestamp | None = None,
) -> Report:
    """The report of `month` ("YYYY-MM") as of its last day.

    Changes are counted since the previous month's last day, or against `previous` (the
    stored version that was current then) when given. `generated_at` is shown only when
    passed, so that the same data always gives the same report.
    """
    start, end = parse_month(month)
    latest = metrics.latest_status(plan, end)
    reference: Plan | pd.Timestamp = (
        previous if previous is not None else start - pd.Timedelta(days=1)
    )
    changes = changes_since(plan, reference, as_of=end)
    entries = _month_entries(plan, latest, start, end)
    return Report(
        month=f"{start.year:04d}-{start.month:02d}",
        lang="en" if lang == "en" else "es",
        start=start,
        end=end,
        is_example=plan.is_example,
        n_products=len(latest),
        overall=metrics.overall_completion(latest),
        status_counts=metrics.status_counts(latest),
        latest=latest,
        entries=entries,
        changes=changes,
        alerts=metrics.alerts(plan, end, stale_days=STALE_DAYS),
        silent_agencies=_silent_agencies(plan, latest, entries, end),
        gcm=metrics.gcm_coverage(plan, include_all=True),
        completion=metrics.completion_by(latest, "objective"),
        objective_names=metrics.level_names(plan, "objective"),
        agencies=plan.agencies,
        generated_at=None if generated_at is None else pd.Timestamp(generated_at),
        against_version=previous is not None,
        info=plan.info,
        plan_title=describe.plan_title(plan),
        plan=plan,
    )


def _month_entries(
    plan: Plan, latest: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp
) -> pd.DataFrame:
    """Progress entries dated in the month, by date then plan order then log order."""
    columns = ["date", "code", "name", "status", "percent", "comment", "reported_by", "evidence"]
    progress = plan.progress
    if not len(progress):
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    dates = pd.to_datetime(progress["date"]).dt.normalize()
    rows = progress[(dates >= start) & (dates <= end)]
    order = {c: i for i, c in enumerate(latest["code"])}
    names = dict(zip(latest["code"], latest["name"], strict=True))
    rows = rows.assign(
        name=[names.get(c, "") for c in rows["code"]],
        _order=[order.get(c, len(order)) for c in rows["code"]],
        _log=range(len(rows)),
    )
    rows = rows.sort_values(["date", "_order", "_log"], kind="stable")
    return rows[columns].reset_index(drop=True)


def _silent_agencies(
    plan: Plan, latest: pd.DataFrame, entries: pd.DataFrame, end: pd.Timestamp
) -> pd.DataFrame:
    """Lead agencies of ongoing products that sent no progress report during the month.

    Ongoing: started by the month's end (or undated) and neither completed nor cancelled.
    "Reportado por" is free text, resolved to agencies the way metrics.agency_reporting does.
    """
    roles = metrics.product_roles(plan, expand_committee=True)  # plan order, like `latest`
    started = latest["start"].isna() | (pd.to_datetime(latest["start"]) <= end)
    ongoing = started & ~latest["status"].isin(_DONE)
    n_open: dict[str, int] = {}
    for (leads, _partners), is_open in zip(roles, ongoing, strict=True):
        if is_open:
            for agency in leads:
                n_open[agency] = n_open.get(agency, 0) + 1
    reported = metrics.agencies_named(plan, entries["reported_by"])
    reporting = metrics.agency_reporting(plan, end, days=STALE_DAYS)
    last = dict(zip(reporting["agency"], reporting["last_date"], strict=True))
    table = plan.agencies
    known = list(table["acronym"].astype(str)) if len(table) else []
    axis = known + sorted(a for a in n_open if a not in set(known))
    info = {str(r.acronym): r for r in table.itertuples(index=False)} if len(table) else {}
    rows = []
    for agency in axis:
        if n_open.get(agency, 0) == 0 or agency in reported:
            continue
        r = info.get(agency)
        rows.append(
            (
                agency,
                str(getattr(r, "name_es", "") or "") if r is not None else "",
                str(getattr(r, "name_en", "") or "") if r is not None else "",
                n_open[agency],
                last.get(agency, pd.NaT),
            )
        )
    out = pd.DataFrame(rows, columns=["agency", "name_es", "name_en", "n_open", "last_date"])
    out = out.astype({"agency": "str", "name_es": "str", "name_en": "str", "n_open": "int64"})
    out["last_date"] = pd.to_datetime(out["last_date"])
    return out
