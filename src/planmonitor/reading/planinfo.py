"""The «Plan» sheet -> model.PlanInfo: the plan describes itself (issue 9, plans-as-data.md §1).

Key/value rows (`Clave` / `Valor`, like «Metadatos»); keys are matched without case and accents,
in Spanish or English. `Título`, `Red`, `Inicio` and `Fin` are required; the codes (plan,
network) are derived when not given. Every value that cannot be read is an issue naming the
row, as for any other sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from planmonitor import model
from planmonitor.reading.normalize import BAD, norm_key, parse_bool, parse_date
from planmonitor.reading.sheets import Ctx, text
from planmonitor.reading.validate import Rule


@dataclass(frozen=True)
class PlanKey:
    key: str  # as the template writes it
    english: str  # accepted too
    field: str  # of model.PlanInfo ("level_1".."level_4": level_names)
    kind: str  # "text" | "slug" | "start" | "end" | "lang" | "bool"
    required: bool = False
    help_es: str = ""  # the template's help column
    help_en: str = ""


PLAN_KEYS: tuple[PlanKey, ...] = (
    PlanKey("Código", "Code", "plan_id", "slug",
            help_es="Código del plan (a-z, 0-9, guiones). Vacío: código de la red y años.",
            help_en="The plan's code (a-z, 0-9, dashes). Empty: network code and years."),
    PlanKey("Título", "Title", "title", "text", required=True,
            help_es="El título del plan, como él mismo lo escribe.",
            help_en="The plan's title, as it writes it."),
    PlanKey("Red", "Network", "network_es", "text", required=True,
            help_es="El nombre de la red, como lo escribe el plan.",
            help_en="The network's name, as the plan writes it."),
    PlanKey("Red (inglés)", "Network (English)", "network_en", "text",
            help_es="El nombre de la red en inglés, si el plan lo da.",
            help_en="The network's English name, when the plan gives it."),
    PlanKey("Código de la red", "Network code", "network_id", "slug",
            help_es="Código de la red. Vacío: derivado de «Red».",
            help_en="The network's code. Empty: derived from Network."),
    PlanKey("País", "Country", "country", "text",
            help_es="País de la red (o «Región»).", help_en="The network's country (or Region)."),
    PlanKey("Región", "Region", "region", "text",
            help_es="Región de la red (o «País»).", help_en="The network's region (or Country)."),
    PlanKey("Inicio", "Start", "start", "start", required=True,
            help_es="Primer día del periodo: una fecha o un año (un año solo = 1 de enero).",
            help_en="First day of the period: a date or a year (a year alone = 1 January)."),
    PlanKey("Fin", "End", "end", "end", required=True,
            help_es="Último día del periodo: una fecha o un año (un año solo = 31 de diciembre).",
            help_en="Last day of the period: a date or a year (a year alone = 31 December)."),
    PlanKey("Idioma", "Language", "lang", "lang",
            help_es="Idioma del texto del plan: es o en. Vacío: es.",
            help_en="Language of the plan's text: es or en. Empty: es."),
    PlanKey("Plan anterior", "Previous plan", "previous_plan_id", "slug",
            help_es="Código del plan que este continúa.",
            help_en="Code of the plan this one continues."),
    *(
        PlanKey(f"Nivel {i}", f"Level {i}", f"level_{i}", "text",
                help_es=f"La palabra del plan para su nivel {i} ({es}). Vacío: «{es}».",
                help_en=f"The plan's word for its level {i} ({en}). Empty: {en}.")
        for i, es, en in (
            (1, "objetivo", "objective"), (2, "estrategia", "strategy"),
            (3, "actividad", "activity"), (4, "producto", "product"),
        )
    ),
    PlanKey("Datos ficticios", "Fictitious data", "fictitious", "bool",
            help_es="Sí cuando el plan es un ejemplo ficticio.",
            help_en="Sí (yes) when the plan is a fictitious example."),
    PlanKey("Nota de datos", "Data note", "data_note", "text",
            help_es="Lo que falta en los datos del plan y por qué (se muestra en Cobertura PMM).",
            help_en="What the plan's data lacks and why (shown on GCM coverage)."),
)  # fmt: skip
_BY_KEY = {norm_key(k): pk for pk in PLAN_KEYS for k in (pk.key, pk.english)}
_LANGS = {
    "es": "es",
    "espanol": "es",
    "castellano": "es",
    "spanish": "es",
    "en": "en",
    "ingles": "en",
    "english": "en",
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(value: str) -> str:
    """ "Red de Migración" -> "red-de-migracion": lower case, no accents, a-z 0-9, single dashes."""
    return re.sub(r"[^a-z0-9]+", "-", norm_key(value)).strip("-")


def read_plan_info(ctx: Ctx, data: pd.DataFrame) -> model.PlanInfo | None:
    """The PlanInfo the sheet states, or None when it cannot be built (issues said why)."""
    sheet = model.PLAN_SHEET.name
    values: dict[str, object] = {}
    rows: dict[str, int] = {}
    ok = True
    for key, value, row in zip(text(data, "key"), text(data, "value"), data["row"], strict=True):
        where = {"sheet": sheet, "row": int(row), "column": "Valor"}
        pk = _BY_KEY.get(norm_key(key))
        if pk is None:
            names = ", ".join(f"«{k.key}»" for k in PLAN_KEYS)
            ctx.issue(Rule.UNKNOWN_PLAN_KEY, **{**where, "column": "Clave"}, value=key, keys=names)
            continue
        if not value:
            continue
        parsed = _parse(pk, value)
        if parsed is BAD:
            ok = False
            ctx.issue(_RULES[pk.kind], _KEYS.get(pk.kind), **where, value=value, slug=slug(value))
            continue
        values[pk.field], rows[pk.field] = parsed, int(row)
    if ok and not values:
        return None  # every value empty (the template's sheet left blank): as if absent
    missing = [pk.key for pk in PLAN_KEYS if pk.required and pk.field not in values]
    if missing:
        ok = False
        keys = ", ".join(f"«{k}»" for k in missing)
        ctx.issue(Rule.PLAN_INFO_MISSING, sheet=sheet, column="Clave", value=keys, keys=keys)
    if not ok:
        return None
    start, end = values["start"], values["end"]
    if end < start:  # type: ignore[operator]
        ctx.issue(
            Rule.END_BEFORE_START, sheet=sheet, row=rows["end"], column="Valor",
            value=f"{end:%Y-%m-%d}", end=f"{end:%Y-%m-%d}", start=f"{start:%Y-%m-%d}",
        )  # fmt: skip
        return None
    if not values.get("country") and not values.get("region"):
        ctx.issue(Rule.NO_COUNTRY_OR_REGION, sheet=sheet, column="Clave")
    network = str(values["network_es"])
    network_id = str(values.get("network_id") or slug(network))
    levels = tuple(str(values.get(f"level_{i}", "")) for i in range(1, 5))
    return model.PlanInfo(
        plan_id=str(values.get("plan_id") or f"{network_id}-{start.year}-{end.year}"),  # type: ignore[union-attr]
        title=str(values["title"]),
        network_es=network,
        network_en=str(values.get("network_en", "")),
        network_id=network_id,
        country=str(values.get("country", "")),
        region=str(values.get("region", "")),
        start=start,  # type: ignore[arg-type]
        end=end,  # type: ignore[arg-type]
        lang=str(values.get("lang", "es")),
        previous_plan_id=str(values.get("previous_plan_id", "")),
        level_names=levels,  # type: ignore[arg-type]
        fictitious=bool(values.get("fictitious", False)),
        data_note=str(values.get("data_note", "")),
        period_inferred=False,
    )


def info_rows(info: model.PlanInfo | None) -> list[tuple[str, object]]:
    """(key, value) of every «Plan» key in order, as a sheet states them; "" where not given
    (every value "" for None: the template's empty sheet). Dates are Timestamps."""
    out: list[tuple[str, object]] = []
    for pk in PLAN_KEYS:
        if info is None:
            value: object = ""
        elif pk.field.startswith("level_"):
            value = info.level_names[int(pk.field[-1]) - 1]
        elif pk.kind == "bool":
            value = "Sí" if info.fictitious else ""
        else:
            value = getattr(info, pk.field)
        out.append((pk.key, value))
    return out


_RULES = {
    "slug": Rule.BAD_PLAN_CODE,
    "start": Rule.BAD_DATE,
    "end": Rule.BAD_DATE,
    "lang": Rule.BAD_LANGUAGE,
    "bool": Rule.BAD_BOOL,
}
_KEYS = {"start": "rule.bad_date.exact", "end": "rule.bad_date.exact"}


def _parse(pk: PlanKey, value: str) -> object:
    if pk.kind == "slug":
        return value if _SLUG.match(value) else BAD
    if pk.kind in ("start", "end"):
        day = parse_date(value, end=pk.kind == "end")
        return BAD if day is pd.NaT else day
    if pk.kind == "lang":
        return _LANGS.get(norm_key(value), BAD)
    if pk.kind == "bool":
        return parse_bool(value)
    return value


__all__ = ["PLAN_KEYS", "info_rows", "read_plan_info", "slug"]
