"""What a plan says about itself, in words: its title, its network, its period (issue 9).

Titles of the pages, the report, the minutes and the template come from here, from the plan's
own «Plan» sheet (`plan.info`). A plan that states none gets neutral words: the workbook's
Metadatos title when it has one (the plan's own wording), never an invented name.
"""

from __future__ import annotations

import pandas as pd

from planmonitor.i18n import fmt_date, t
from planmonitor.model import Plan, PlanInfo, quarter_code

APP_NAME = "planmonitor"

# Metadatos keys that may carry the plan's title when the workbook has no «Plan» sheet, in
# order of preference. The bundled plan's «fuente» is the plan document's own title.
_META_TITLE_KEYS: tuple[str, ...] = ("titulo", "título", "title", "fuente")


def info(plan: Plan) -> PlanInfo:
    assert plan.info is not None  # Plan.__post_init__ always sets one
    return plan.info


def plan_title(plan: Plan) -> str:
    """The plan's title: its «Plan» sheet's, else its Metadatos', else ""."""
    title = info(plan).title.strip()
    if title:
        return title
    for key in _META_TITLE_KEYS:
        value = str(plan.meta.get(key, "") or "").strip()
        if value:
            return value
    return ""


def network(plan: Plan, lang: str = "es") -> str:
    """The network's name in `lang` ("" when the plan does not say)."""
    return info(plan).network(lang).strip()


def app_title(plan: Plan | None, lang: str = "es") -> str:
    """The browser tab's title: «planmonitor — <network>» (or the plan's title), else the bare
    application name."""
    if plan is None:
        return APP_NAME
    name = network(plan, lang) or plan_title(plan)
    return t("app.title", lang, name=name) if name else APP_NAME


def period_text(plan_info: PlanInfo, lang: str = "es") -> str:
    """ "dd/mm/aaaa – dd/mm/aaaa": the plan's period in words, from plan.info."""
    return days_text(plan_info.start, plan_info.end, lang)


def days_text(start: object, end: object, lang: str = "es") -> str:
    """ "dd/mm/aaaa – dd/mm/aaaa" (the plan's first and last day)."""
    return t("plan.period", lang, start=fmt_date(start, lang), end=fmt_date(end, lang))


def today_outside(plan: Plan, today: object, lang: str = "es") -> str | None:
    """The caption said when today is outside the plan's period (no today line), else None."""
    plan_info = info(plan)
    if plan_info.contains(today):
        return None
    return t(
        "chart.gantt.today_outside",
        lang,
        date=fmt_date(today, lang),
        period=period_text(plan_info, lang),
    )


def subtitle(plan: Plan, lang: str = "es") -> str:
    """The sidebar's caption: what is being monitored."""
    title = plan_title(plan)
    if title:
        return t("app.subtitle", lang, title=title)
    return t("app.subtitle_period", lang, period=period_text(info(plan), lang))


def closed_note(plan: Plan, today: object, lang: str = "es") -> str | None:
    """«Plan finalizado el <fin>…» once the plan's period has ended, else None."""
    plan_info = info(plan)
    if not plan_info.is_closed(today):
        return None
    return t("plan.closed", lang, date=fmt_date(plan_info.end, lang))


def quarters_between(start: pd.Timestamp, end: pd.Timestamp) -> tuple[str, ...]:
    """The quarter codes from the one holding `start` to the one holding `end`."""
    first = pd.Timestamp(start).to_period("Q").start_time
    days = pd.date_range(first, pd.Timestamp(end), freq="QS")
    return tuple(quarter_code(d) for d in days)


def span(
    plan_info: PlanInfo | None, starts: pd.Series, ends: pd.Series
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The days a chart covers: the plan's period, widened to any product dated outside it
    (nothing is dropped). Without a period, the products' own dates (today's year if none)."""
    dated = pd.concat([pd.to_datetime(starts), pd.to_datetime(ends)]).dropna()
    if plan_info is not None:
        lo, hi = plan_info.start, plan_info.end
    elif len(dated):
        lo, hi = dated.min(), dated.max()
    else:
        year = pd.Timestamp.today().year
        lo, hi = pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)
    if len(dated):
        lo, hi = min(lo, dated.min()), max(hi, dated.max())
    return pd.Timestamp(lo).normalize(), pd.Timestamp(hi).normalize()
