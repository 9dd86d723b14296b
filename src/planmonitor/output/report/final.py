"""The end-of-cycle report's content (issue 9 §4): what a finished plan did, as data.

`build_final_report` reads the plan as of its last day (reports dated later are ignored), so
the report says the same thing whenever it is produced: what was completed, what was not (with
the last comment written on it), completion per objective, the GCM objectives reached, each
agency's part, the decisions of the cycle and what was carried over to a later plan. It is
pure: the decisions (a `Decisions.current()` table) and the later plans are passed in by the
CLI and the page. The same `FinalReport` is written as Excel (`final_excel`), one
self-contained HTML file (`final_html`, templates/final.html) and a PDF printed from that HTML
by the monthly report's one-at-a-time Chromium path (pdf.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from planmonitor.analysis import describe, metrics
from planmonitor.analysis.lineage import continued_by
from planmonitor.i18n import agency_label, fmt_date, fmt_number, fmt_percent, status_label, t
from planmonitor.model import Plan, PlanInfo, Status
from planmonitor.output import export
from planmonitor.output.carryover import unfinished_codes
from planmonitor.output.report.model import Section, _table

SECTIONS: tuple[str, ...] = (
    "summary",
    "completed",
    "not_completed",
    "objectives",
    "gcm",
    "agencies",
    "decisions",
    "carried",
)
_COMPLETED = Status.COMPLETED.value
_CANCELLED = Status.CANCELLED.value
# The optional column of Productos naming the earlier product a product continues
# (docs/plans-as-data.md §4: `<plan_id>:<code>`, or `<code>` of the plan's «Plan anterior»).
CONTINUES = "continues"


@dataclass(frozen=True)
class FinalReport:
    """Everything the end-of-cycle report says, computed as of `as_of` (the plan's end)."""

    lang: str
    info: PlanInfo
    plan_title: str
    as_of: pd.Timestamp
    is_example: bool
    latest: pd.DataFrame  # metrics.latest_status as of `as_of`, plan order
    completed: pd.DataFrame  # latest rows whose status is Completado
    not_completed: pd.DataFrame  # every other product + last_text, last_text_date
    objectives: pd.DataFrame  # objective, name, n_products, n_completed, completion
    gcm: pd.DataFrame  # number, label_es, title_en, n_linked, n_completed_specific, …
    agencies: pd.DataFrame  # agency, name_es, name_en, lead, partner, completed_*, open_lead
    decisions: pd.DataFrame | None  # the cycle's decisions (None: no store to read them from)
    carried: pd.DataFrame  # code, name, status, percent, continued_by
    agency_table: pd.DataFrame | None = None
    generated_at: pd.Timestamp | None = None
    names: dict[str, str] = field(default_factory=dict)  # product/strategy code -> name

    # -- words ----------------------------------------------------------------------------
    @property
    def title(self) -> str:
        if self.plan_title:
            return t("final.title_of", self.lang, plan=self.plan_title)
        return t("final.title", self.lang)

    @property
    def network(self) -> str:
        return self.info.network(self.lang).strip()

    @property
    def ended(self) -> bool:
        """The report reads the plan at its last day (not at an earlier today)."""
        return bool(self.as_of >= self.info.end)

    @property
    def gcm_reached(self) -> list[int]:
        return [int(n) for n in self.gcm.loc[self.gcm["reached"], "number"]]

    @property
    def n_cancelled(self) -> int:
        return int((self.latest["status"] == _CANCELLED).sum())

    @property
    def n_decisions(self) -> int:
        return 0 if self.decisions is None else len(self.decisions)

    @property
    def overall(self) -> float:
        return metrics.overall_completion(self.latest)

    def header_lines(self) -> list[str]:
        """The lines under the title: network, period, the day the state is read at."""
        lang = self.lang
        period = describe.period_text(self.info, lang)
        as_of = (
            t("final.as_of", lang, date=fmt_date(self.as_of, lang))
            if self.ended
            else t(
                "final.as_of_early",
                lang,
                date=fmt_date(self.as_of, lang),
                end=fmt_date(self.info.end, lang),
            )
        )
        lines = [f"{t('final.period', lang, period=period)} · {as_of}"]
        if self.generated_at is not None:
            lines.append(t("report.generated", lang, date=fmt_date(self.generated_at, lang)))
        return lines

    def kpis(self) -> list[tuple[str, str]]:
        """(value, label) pairs of the summary, in the report's language."""
        lang = self.lang
        return [
            (fmt_number(len(self.latest), lang), t("report.kpi.products", lang)),
            (fmt_number(len(self.completed), lang), t("final.kpi.completed", lang)),
            (fmt_number(len(self.not_completed), lang), t("final.kpi.not_completed", lang)),
            (fmt_percent(self.overall, lang), t("report.kpi.overall", lang)),
            (
                f"{fmt_number(len(self.gcm_reached), lang)} / {fmt_number(len(self.gcm), lang)}",
                t("final.kpi.gcm_reached", lang),
            ),
            (fmt_number(len(self.carried), lang), t("final.kpi.carried", lang)),
        ]

    # -- sections -------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        lang = self.lang
        end = fmt_date(self.as_of, lang)

        def title(key: str) -> str:
            return t(f"final.section.{key}", lang)

        decisions_note = (
            t(
                "final.note.decisions",
                lang,
                start=fmt_date(self.info.start, lang),
                end=fmt_date(self.info.end, lang),
            )
            if self.decisions is not None
            else t("final.no_decisions_store", lang)
        )
        return [
            Section(
                "summary",
                title("summary"),
                t("final.note.summary", lang, date=end),
                self._summary_table(),
            ),
            Section(
                "completed",
                title("completed"),
                t("final.note.completed", lang),
                self._completed_table(),
            ),
            Section(
                "not_completed",
                title("not_completed"),
                t("final.note.not_completed", lang),
                self._not_completed_table(),
            ),
            Section(
                "objectives",
                title("objectives"),
                t("final.note.objectives", lang),
                self._objectives_table(),
            ),
            Section(
                "gcm",
                title("gcm"),
                t("final.note.gcm", lang),
                self._gcm_table(),
                self._gcm_lines(),
            ),
            Section(
                "agencies",
                title("agencies"),
                t("final.note.agencies", lang),
                self._agencies_table(),
            ),
            Section("decisions", title("decisions"), decisions_note, self._decisions_table()),
            Section(
                "carried",
                title("carried"),
                t("final.note.carried", lang),
                self._carried_table(),
                ()
                if (self.carried["continued_by"] != "").any() or not len(self.carried)
                else (t("final.not_continued", lang),),
            ),
        ]

    def _cols(self, *keys: str) -> list[str]:
        return [t(k if "." in k else f"report.col.{k}", self.lang) for k in keys]

    def _summary_table(self) -> pd.DataFrame:
        lang = self.lang
        rows: list[tuple[str, Any]] = [
            (t("report.kpi.products", lang), len(self.latest)),
            (t("final.kpi.completed", lang), len(self.completed)),
            (t("final.kpi.not_completed", lang), len(self.not_completed)),
            (t("final.kpi.cancelled", lang), self.n_cancelled),
            (
                t("report.kpi.overall", lang) + " (%)",
                None if pd.isna(self.overall) else round(self.overall, 1),
            ),
            (t("final.kpi.gcm_reached", lang), len(self.gcm_reached)),
            (t("final.kpi.decisions", lang), self.n_decisions),
            (t("final.kpi.carried", lang), len(self.carried)),
        ]
        counts = metrics.status_counts(self.latest)
        for status, count in zip(counts["status"], counts["count"], strict=True):
            rows.append((t("report.kpi.status", lang, status=status_label(status, lang)), count))
        labels, values = zip(*rows, strict=True)
        return _table(self._cols("indicator", "value"), labels, values)

    def _completed_table(self) -> pd.DataFrame:
        df = self.completed
        return _table(
            self._cols("code", "product", "last_date", "reported_by", "evidence"),
            df["code"],
            df["name"],
            df["last_date"],
            df["reported_by"],
            df["evidence"],
        )

    def _not_completed_table(self) -> pd.DataFrame:
        df = self.not_completed
        return _table(
            self._cols(
                "code",
                "product",
                "status",
                "percent",
                "last_date",
                "final.col.last_comment",
                "final.col.comment_date",
            ),
            df["code"],
            df["name"],
            [status_label(s, self.lang) for s in df["status"]],
            df["percent"],
            df["last_date"],
            df["last_text"],
            df["last_text_date"],
        )

    def _objectives_table(self) -> pd.DataFrame:
        df = self.objectives
        return _table(
            self._cols(
                "final.col.objective",
                "final.col.objective_name",
                "final.col.n_products",
                "final.col.n_completed",
                "final.col.completion",
            ),
            df["objective"],
            df["name"],
            df["n_products"],
            df["n_completed"],
            [None if pd.isna(v) else round(float(v), 1) for v in df["completion"]],
        )

    def _gcm_table(self) -> pd.DataFrame:
        df = self.gcm
        labels = df["title_en"] if self.lang == "en" else df["label_es"]
        yes, no = t("final.yes", self.lang), t("final.no", self.lang)
        return _table(
            self._cols(
                "number",
                "gcm_label",
                "final.col.n_linked",
                "final.col.n_completed_specific",
                "final.col.n_completed_all",
                "final.col.reached",
            ),
            df["number"],
            labels,
            df["n_linked"],
            df["n_completed_specific"],
            df["n_completed_all"],
            [yes if r else no for r in df["reached"]],
        )

    def _gcm_lines(self) -> tuple[str, ...]:
        df, lang = self.gcm, self.lang
        none = t("report.none", lang)

        def numbers(mask: pd.Series) -> str:
            return ", ".join(str(int(n)) for n in df.loc[mask, "number"]) or none

        only_all = ~df["reached"] & (df["n_completed_all"] > 0)
        return (
            t("final.gcm_reached", lang, numbers=numbers(df["reached"])),
            t("final.gcm_only_all", lang, numbers=numbers(only_all)),
            t("final.gcm_not_reached", lang, numbers=numbers(~df["reached"] & ~only_all)),
        )

    def _agencies_table(self) -> pd.DataFrame:
        df = self.agencies
        names = df["name_en"] if self.lang == "en" else df["name_es"]
        return _table(
            self._cols(
                "agency",
                "agency_name",
                "final.col.lead",
                "final.col.partner",
                "final.col.completed_lead",
                "final.col.completed_any",
                "final.col.open_lead",
            ),
            [agency_label(a, self.lang, self.agency_table) for a in df["agency"]],
            names,
            df["lead"],
            df["partner"],
            df["completed_lead"],
            df["completed_any"],
            df["open_lead"],
        )

    def _decisions_table(self) -> pd.DataFrame:
        lang = self.lang
        df = self.decisions if self.decisions is not None else _no_decisions()
        targets = []
        for kind, code in zip(df["target_type"], df["target_code"], strict=True):
            target = f"{t(f'decisions.target.{kind}', lang)} {code}"
            name = self.names.get(str(code), "")
            targets.append(f"{target} · {name}" if name else target)
        return _table(
            [
                t("final.col.meeting", lang),
                *[
                    t(f"decisions.col.{k}", lang)
                    for k in ("kind", "target", "text", "owner", "due", "status")
                ],
            ],
            df["meeting_date"],
            [t(f"decisions.kind.{k}", lang) for k in df["kind"]],
            targets,
            df["text"],
            df["owner"],
            df["due_date"],
            [t(f"decisions.status.{s}", lang) for s in df["status"]],
        )

    def _carried_table(self) -> pd.DataFrame:
        df = self.carried
        return _table(
            self._cols("code", "product", "status", "percent", "final.col.continued_by"),
            df["code"],
            df["name"],
            [status_label(s, self.lang) for s in df["status"]],
            df["percent"],
            df["continued_by"],
        )


def _no_decisions() -> pd.DataFrame:
    columns = ["meeting_date", "kind", "target_type", "target_code", "text", "owner"]
    out = pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
    out["meeting_date"] = pd.to_datetime(out["meeting_date"])
    out["due_date"] = pd.Series([], dtype="datetime64[ns]")
    out["status"] = pd.Series([], dtype="str")
    return out


# --------------------------------------------------------------------------------------------
# Building the report
# --------------------------------------------------------------------------------------------
def build_final_report(
    plan: Plan,
    lang: str = "es",
    decisions: pd.DataFrame | None = None,
    later_plans: Sequence[Plan] = (),
    as_of: object = None,
    generated_at: object = None,
) -> FinalReport:
    """The end-of-cycle report of `plan`, as of its last day (or `as_of`, when earlier).

    `decisions` is the plan's `Decisions.current()` table (None when there is no store; only
    the meetings held within the plan's period are kept); `later_plans` are the plans that may
    continue this one (see `continued_by`). `generated_at` is shown only when passed, so the
    same data always gives the same report.
    """
    info = describe.info(plan)
    day = info.end if as_of is None else min(pd.Timestamp(as_of).normalize(), info.end)
    latest = metrics.latest_status(plan, day)
    done = latest["status"] == _COMPLETED
    last_text = last_comments(plan, day)
    not_completed = latest.loc[~done].reset_index(drop=True)
    written = [last_text.get(str(c), ("", pd.NaT)) for c in not_completed["code"]]
    not_completed["last_text"] = pd.Series([w[0] for w in written], dtype="str")
    not_completed["last_text_date"] = pd.to_datetime(
        pd.Series([w[1] for w in written], dtype="datetime64[ns]")
    )
    carried_codes = set(unfinished_codes(_until(plan, day)))
    carried = latest.loc[latest["code"].isin(carried_codes)]
    continued = continued_by(plan, later_plans)
    carried = carried.assign(
        continued_by=[continued.get(str(c), "") for c in carried["code"]]
    ).reset_index(drop=True)
    names = {
        **dict(zip(plan.strategies["code"], plan.strategies["name"], strict=True)),
        **dict(zip(plan.products["code"], plan.products["name"], strict=True)),
    }
    return FinalReport(
        lang="en" if lang == "en" else "es",
        info=info,
        plan_title=describe.plan_title(plan),
        as_of=pd.Timestamp(day),
        is_example=plan.is_example,
        latest=latest,
        completed=latest.loc[done].reset_index(drop=True),
        not_completed=not_completed.reset_index(drop=True),
        objectives=objective_completion(plan, latest),
        gcm=gcm_reached(plan, latest),
        agencies=agency_part(plan, latest),
        decisions=None if decisions is None else cycle_decisions(decisions, info),
        carried=carried,
        agency_table=plan.agencies,
        generated_at=None if generated_at is None else pd.Timestamp(generated_at),
        names={str(k): str(v) for k, v in names.items()},
    )


def _until(plan: Plan, day: pd.Timestamp) -> Plan:
    """The plan with its log cut at `day`: the carry-over's unfinished products as of the end,
    so that a late report cannot make a product both «not completed» and «not carried»."""
    progress = plan.progress
    if len(progress):
        progress = progress[pd.to_datetime(progress["date"]) <= day]
    return dataclasses.replace(plan, progress=progress)


def last_comments(plan: Plan, as_of: pd.Timestamp) -> dict[str, tuple[str, pd.Timestamp]]:
    """Per product code, the last non-empty comment written up to `as_of` and its date. A last
    report without a comment does not hide the one before it."""
    progress = plan.progress
    if not len(progress):
        return {}
    dates = pd.to_datetime(progress["date"])
    written = progress[(dates <= as_of) & (progress["comment"].astype(str).str.strip() != "")]
    last = metrics.last_entries(written)
    return {
        str(code): (str(comment), pd.Timestamp(date))
        for code, comment, date in zip(last["code"], last["comment"], last["date"], strict=True)
    }


def objective_completion(plan: Plan, latest: pd.DataFrame) -> pd.DataFrame:
    """objective, name, n_products, n_completed, completion (mean percent, cancelled out)."""
    by = metrics.completion_by(latest, "objective")
    names = metrics.level_names(plan, "objective")
    completed = latest[latest["status"] == _COMPLETED].groupby("objective").size()
    return pd.DataFrame(
        {
            "objective": by["objective"].astype("str"),
            "name": pd.Series([names.get(c, "") for c in by["objective"]], dtype="str"),
            "n_products": by["n_products"].astype("int64"),
            "n_completed": pd.Series(
                [int(completed.get(c, 0)) for c in by["objective"]], dtype="int64"
            ),
            "completion": by["completion"].astype("float64"),
        }
    )


def gcm_reached(plan: Plan, latest: pd.DataFrame) -> pd.DataFrame:
    """The GCM objectives with the products linked to each and how many were completed.

    Reached: at least one completed product names the objective; «Todos» links are counted
    apart (`n_completed_all`) and do not make an objective reached on their own.
    """
    coverage = metrics.gcm_coverage(plan, include_all=True)
    status = dict(zip(latest["code"].astype(str), latest["status"], strict=True))
    products = plan.products
    done_specific: dict[int, int] = {}
    done_all: dict[int, int] = {}
    for code, gcm, every in zip(
        products["code"], products["gcm"], products["gcm_all"], strict=True
    ):
        if status.get(str(code)) != _COMPLETED:
            continue
        numbers = metrics.gcm_numbers(gcm)
        for n in numbers:
            done_specific[n] = done_specific.get(n, 0) + 1
        if bool(every) and not pd.isna(every):
            for n in coverage["number"]:
                if int(n) not in numbers:
                    done_all[int(n)] = done_all.get(int(n), 0) + 1
    out = coverage[["number", "label_es", "title_en"]].copy()
    out["n_linked"] = coverage["n_specific"].astype("int64")
    out["n_completed_specific"] = pd.Series(
        [done_specific.get(int(n), 0) for n in coverage["number"]], dtype="int64"
    )
    out["n_completed_all"] = pd.Series(
        [done_all.get(int(n), 0) for n in coverage["number"]], dtype="int64"
    )
    out["reached"] = out["n_completed_specific"] > 0
    return out.reset_index(drop=True)


def agency_part(plan: Plan, latest: pd.DataFrame) -> pd.DataFrame:
    """Each agency's part: products it leads, partners in, completed as lead and in all, and
    left unfinished as lead (committee products counted for each member, as the meeting
    screens count them). Agencies in the plan's table order, then any other name; agencies
    with no product are left out."""
    roles = metrics.product_roles(plan, expand_committee=True)  # plan order, like `latest`
    statuses = list(latest["status"])
    counts: dict[str, list[int]] = {}
    for (leads, partners), status in zip(roles, statuses, strict=True):
        done = status == _COMPLETED
        unfinished = status not in (_COMPLETED, _CANCELLED)
        for agency in leads | partners:
            row = counts.setdefault(agency, [0, 0, 0, 0, 0])
            row[0] += agency in leads
            row[1] += agency in partners and agency not in leads
            row[2] += done and agency in leads
            row[3] += done
            row[4] += unfinished and agency in leads
    table = plan.agencies
    known = list(table["acronym"].astype(str)) if len(table) else []
    axis = [a for a in known if a in counts] + sorted(a for a in counts if a not in set(known))
    info = {str(r.acronym): r for r in table.itertuples(index=False)} if len(table) else {}
    rows = []
    for agency in axis:
        r = info.get(agency)
        rows.append(
            (
                agency,
                str(getattr(r, "name_es", "") or "") if r is not None else "",
                str(getattr(r, "name_en", "") or "") if r is not None else "",
                *counts[agency],
            )
        )
    columns = [
        "agency",
        "name_es",
        "name_en",
        "lead",
        "partner",
        "completed_lead",
        "completed_any",
        "open_lead",
    ]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({**dict.fromkeys(columns[:3], "str"), **dict.fromkeys(columns[3:], "int64")})


def cycle_decisions(decisions: pd.DataFrame, info: PlanInfo) -> pd.DataFrame:
    """The decisions of meetings held within the plan's period, by meeting date then the order
    they were recorded in."""
    days = pd.to_datetime(decisions["meeting_date"])
    kept = decisions[(days >= info.start) & (days <= info.end)]
    return kept.sort_values("meeting_date", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Writing it: Excel (the HTML is html.final_html, the PDF pdf.to_pdf of that HTML)
# --------------------------------------------------------------------------------------------
def final_excel(report: FinalReport) -> bytes:
    """One sheet per section (names in the report's language), title rows on top; written
    through export.write_workbook, so workbook text never becomes a formula."""
    header = [x for x in (report.network, report.title) if x]
    lines = [" · ".join(header), *report.header_lines()]
    if report.is_example:
        lines.append(t("report.example_note", report.lang))
    sheets: dict[str, pd.DataFrame] = {}
    titles: dict[str, list[str]] = {}
    for section in report.sections():
        name = section.title[:31]
        sheets[name] = section.table
        titles[name] = [
            *lines,
            section.title,
            *([section.note] if section.note else []),
            *section.lines,
        ]
    return export.write_workbook(sheets, title_rows=titles)


_PAGE_BREAK_BEFORE = {"not_completed", "gcm", "decisions"}


def final_html(report: FinalReport, light: bool = False) -> str:
    """The report as ONE self-contained HTML file (templates/final.html on the monthly
    report's base and stylesheet), printable on A4; every value escaped but plotly's divs.
    `light`: the charts as small inline SVG instead of Plotly, for e-mail (issue 10)."""
    from planmonitor.output import charts
    from planmonitor.output.report import html
    from planmonitor.output.report import light as light_charts

    lang = report.lang
    figures = {
        "summary": [
            (
                "final-status-counts",
                charts.build_status_counts_figure(metrics.status_counts(report.latest), lang=lang),
            )
        ]
    }
    if len(report.objectives):
        completion = report.objectives.assign(
            n_counted=metrics.completion_by(report.latest, "objective")["n_counted"].to_numpy()
        )
        names = dict(zip(report.objectives["objective"], report.objectives["name"], strict=True))
        figures["objectives"] = [
            (
                "final-completion",
                charts.build_completion_by_figure(
                    completion[["objective", "completion", "n_counted", "n_products"]],
                    lang=lang,
                    names=names,
                ),
            )
        ]
    first = True
    sections = []
    for section in report.sections():
        charts_html = []
        for name, fig in figures.get(section.key, []):
            sized = html._print_size(fig)
            drawn = light_charts.chart_svg(sized) if light else html._chart_html(sized, name, first)
            charts_html.append(drawn)
            first = False
        sections.append(
            {
                "key": section.key,
                "page_break": section.key in _PAGE_BREAK_BEFORE,
                "title": section.title,
                "note": section.note,
                "kpis": report.kpis() if section.key == "summary" else [],
                "charts": charts_html,
                "lines": section.lines,
                "table": html._table_view(section.table, lang, cut=section.key != "summary"),
            }
        )
    return html.render(
        "final.html",
        document="final",
        lang=lang,
        title=report.title,
        network=report.network,
        meta=report.header_lines(),
        language=t("report.language", lang)
        + (f" · {t('report.light_note', lang)}" if light else ""),
        example_note=t("report.example_note", lang) if report.is_example else "",
        period=describe.period_text(report.info, lang),
        sections=sections,
    )


def final_available(plan: Plan, today: object) -> bool:
    """The end-of-cycle report is offered once the plan has ended, or once its progress log
    already reaches the plan's last month (the secretariat closing the cycle on time)."""
    info = describe.info(plan)
    if info.is_closed(today):
        return True
    progress = plan.progress
    if not len(progress):
        return False
    last = pd.to_datetime(progress["date"]).max()
    return bool(pd.notna(last) and last >= info.end.replace(day=1))
