"""The plan's data model: workbook sheets and columns, internal column names, enums.

This module is the contract shared by the loader, the metrics, the charts, the store and the
pages. Sheet and column names are in Spanish (what the secretariat types in Excel); the
internal DataFrame columns are English snake_case.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

# --------------------------------------------------------------------------------------------
# The plan's description of itself (sheet «Plan»)
# --------------------------------------------------------------------------------------------
LEVELS: tuple[str, ...] = ("objective", "strategy", "activity", "product")


def quarter_code(day: pd.Timestamp) -> str:
    """The internal code of the quarter holding `day`: "<year>-T3"."""
    return f"{day.year}-T{(day.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class PlanInfo:
    """Who the plan belongs to and the period it covers, as its own «Plan» sheet states.

    Everything a page, a chart, the report or the validation used to take from constants of
    one network's plan (titles, the period, its quarters and months) comes from here.
    """

    plan_id: str  # stable slug: "<network>-<first year>-<last year>"
    title: str
    network_es: str
    network_en: str
    network_id: str  # stable slug of the network (access per network, regional roll-up)
    country: str
    region: str
    start: pd.Timestamp  # first day of the period
    end: pd.Timestamp  # last day of the period
    lang: str = "es"  # language of the plan's own text
    previous_plan_id: str = ""  # the plan this one continues (carry-over)
    level_names: tuple[str, str, str, str] = ("", "", "", "")  # "" = the default word
    fictitious: bool = False  # every page says so
    data_note: str = ""  # what the plan's data lacks and why, in the plan's words (cobertura)
    period_inferred: bool = False  # no period given: read from the plan's dates (said)

    def network(self, lang: str = "es") -> str:
        """The network's name in `lang` (the Spanish name when no English one is given)."""
        return self.network_en if lang == "en" and self.network_en else self.network_es

    def quarters(self) -> tuple[str, ...]:
        """The period's quarters in order: ("<first year>-T1", …, "<last year>-T4")."""
        days = pd.date_range(self.start.to_period("Q").start_time, self.end, freq="QS")
        return tuple(quarter_code(d) for d in days)

    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start.year, self.end.year + 1))

    def months(self) -> tuple[str, ...]:
        """The period's months in order: ("<first year>-01", …)."""
        return tuple(str(p) for p in pd.period_range(self.start, self.end, freq="M"))

    def contains(self, day: object) -> bool:
        ts = pd.Timestamp(day)
        return bool(self.start <= ts.normalize() <= self.end)

    def is_closed(self, today: object) -> bool:
        """True once the period has ended: the plan is a finished cycle."""
        return bool(pd.Timestamp(today).normalize() > self.end)

    def as_of(self, today: object) -> pd.Timestamp:
        """The day a page reads the plan at: today, or the plan's last day once it is closed."""
        ts = pd.Timestamp(today).normalize()
        return min(ts, self.end)


# "Comité Ejecutivo" is written in the plan as a partner. It stays as written in the data and
# can be resolved to the agencies whose roles hold Role.COMMITTEE.
COMMITTEE = "Comité Ejecutivo"


class Status(StrEnum):
    """Status of a product in the progress log (Avances)."""

    NOT_STARTED = "No iniciado"
    IN_PROGRESS = "En curso"
    COMPLETED = "Completado"
    DELAYED = "Retrasado"
    CANCELLED = "Cancelado"


# Plan order of statuses (legends, stacked bars). "Sin reporte" is not a status a user can
# type: it is what a product without any progress entry shows.
STATUS_ORDER: tuple[str, ...] = tuple(s.value for s in Status)
NO_REPORT = "Sin reporte"


class Role(StrEnum):
    """Role of an agency in the network."""

    SECRETARIAT = "Coordinación y Secretaría"
    COMMITTEE = "Comité Ejecutivo"
    MEMBER = "Miembro"


class AgencyRole(StrEnum):
    """Role of an agency in one product (for filters and agency load)."""

    LEAD = "lead"
    PARTNER = "partner"
    ANY = "any"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# --------------------------------------------------------------------------------------------
# Workbook sheets and their columns (Spanish headers) -> internal column names
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    header: str  # the Spanish header in the workbook
    name: str  # internal column name
    required: bool  # a value is required in every row
    kind: str  # a key of reading/kinds.py's KINDS: how a cell is read, the rule it can break
    #            ("code", "text", "list", "agencies", "date_or_quarter", "date", "int",
    #            "percent", "status", "roles", "gcm", "bool", "url")
    description_es: str = ""
    description_en: str = ""
    example: str = ""
    period_end: bool = False  # date_or_quarter: a period (quarter, month, year) gives its last day
    bounds: tuple[int, int] | None = None  # int: the values accepted, both included

    def in_year(self, year: int) -> Column:
        """This column with the years of its description and example filled in for a plan
        that starts in `year` ({y0}: that year, {y1}: the next; {p0}-{p1}: the cycle before)."""
        years = {"y0": year, "y1": year + 1, "p0": year - 2, "p1": year - 1}

        def fill(text: str) -> str:
            return re.sub(r"\{(y0|y1|p0|p1)\}", lambda m: str(years[m.group(1)]), text)

        return dataclasses.replace(
            self,
            description_es=fill(self.description_es),
            description_en=fill(self.description_en),
            example=fill(self.example),
        )


@dataclass(frozen=True)
class Sheet:
    name: str  # Spanish sheet name
    key: str  # internal table name (attribute of Plan)
    columns: tuple[Column, ...]
    description_es: str = ""
    description_en: str = ""

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    @property
    def required_headers(self) -> list[str]:
        """Columns whose header must exist (all columns but the optional ones)."""
        return [c.header for c in self.columns if c.required]

    def column(self, header: str) -> Column:
        for c in self.columns:
            if c.header == header:
                return c
        raise KeyError(header)


OBJECTIVES = Sheet(
    "Objetivos",
    "objectives",
    (
        Column(
            "Código",
            "code",
            True,
            "code",
            "Número del objetivo específico",
            "Specific objective number",
            "1",
        ),
        Column(
            "Nombre",
            "name",
            True,
            "text",
            "Texto del objetivo, como en el plan",
            "Objective text, as in the plan",
            "Brindar asistencia técnica a las instituciones del Estado…",
        ),
    ),
    "Los objetivos específicos del plan.",
    "The plan's specific objectives.",
)

STRATEGIES = Sheet(
    "Estrategias",
    "strategies",
    (
        Column("Código", "code", True, "code", "Código de la estrategia", "Strategy code", "1.1"),
        Column(
            "Objetivo",
            "objective",
            True,
            "code",
            "Código del objetivo específico",
            "Specific objective code",
            "1",
        ),
        Column(
            "Nombre",
            "name",
            True,
            "text",
            "Texto de la estrategia, como en el plan",
            "Strategy text, as in the plan",
            "Otorgar asistencia especializada…",
        ),
    ),
    "Las estrategias de cada objetivo específico.",
    "The strategies of each specific objective.",
)

ACTIVITIES = Sheet(
    "Actividades",
    "activities",
    (
        Column(
            "Código",
            "code",
            True,
            "code",
            "Código de la actividad (numeración del plan)",
            "Activity code (the plan's numbering)",
            "1.1.1",
        ),
        Column(
            "Estrategia",
            "strategy",
            False,  # a plan without strategies names the objective instead (issue 9)
            "code",
            "Código de la estrategia (vacío en un plan sin estrategias)",
            "Strategy code (empty in a plan without strategies)",
            "1.1",
        ),
        Column(
            "Nombre",
            "name",
            True,
            "text",
            "Texto de la actividad, como en el plan",
            "Activity text, as in the plan",
            "Identificar oportunidades de asistencia…",
        ),
        Column(
            "Objetivo",
            "objective",
            False,
            "code",
            "Código del objetivo, en un plan sin estrategias (si no, se deriva de la estrategia)",
            "Objective code, in a plan without strategies (else derived from the strategy)",
            "1",
        ),
    ),
    "Las actividades de cada estrategia. Se conserva la numeración del plan "
    "(el objetivo 3 tiene una actividad 3.2.2 y ninguna 3.2.1).",
    "The activities of each strategy. The plan's numbering is kept "
    "(objective 3 has an activity 3.2.2 and no 3.2.1).",
)

PRODUCTS = Sheet(
    "Productos",
    "products",
    (
        Column(
            "Código",
            "code",
            True,
            "code",
            "Código estable: actividad, guion, número",
            "Stable code: activity, dash, number",
            "1.1.1-1",
        ),
        Column(
            "Actividad",
            "activity",
            True,
            "code",
            "Código de la actividad",
            "Activity code",
            "1.1.1",
        ),
        Column(
            "Nombre",
            "name",
            True,
            "text",
            "Nombre del producto, como en el plan",
            "Product name, as in the plan",
            "Diálogo de expertos dirigido a autoridades…",
        ),
        Column(
            "Líderes",
            "leads",
            False,
            "agencies",
            "Agencias líderes (siglas separadas por coma)",
            "Lead agencies (acronyms separated by commas)",
            "OIM, PNUD",
        ),
        Column(
            "Socios",
            "partners",
            False,
            "agencies",
            "Agencias socias (siglas, o «Comité Ejecutivo»)",
            "Partner agencies (acronyms, or «Comité Ejecutivo»)",
            "UNODC, ACNUR",
        ),
        Column(
            "Inicio",
            "start",
            False,
            "date_or_quarter",
            "Inicio: una fecha o un trimestre ({y0}-T2)",
            "Start: a date or a quarter ({y0}-T2)",
            "{y0}-T2",
        ),
        Column(
            "Fin",
            "end",
            False,
            "date_or_quarter",
            "Fin: una fecha o un trimestre ({y1}-T4)",
            "End: a date or a quarter ({y1}-T4)",
            "{y1}-T4",
            period_end=True,
        ),
        Column(
            "Fechas interpretadas",
            "dates_interpreted",
            False,
            "bool",
            "«Sí» si inicio/fin son una lectura del fragmento del plan, no un dato explícito",
            "«Sí» when start/end are a reading of the plan's fragment, not an explicit fact",
            "Sí",
        ),
        Column(
            "Objetivos PMM",
            "gcm",
            False,
            "gcm",
            "Números 1-23 separados por coma, o «Todos»",
            "Numbers 1-23 separated by commas, or «Todos»",
            "1, 3, 23",
        ),
        Column(
            "Línea temporal (plan)",
            "timeline_text",
            False,
            "text",
            "El fragmento de línea temporal del plan, literal",
            "The plan's timeline fragment, verbatim",
            "{y0} T2 {y0} {y1}",
        ),
        Column("Notas", "notes", False, "text", "Notas libres", "Free notes", ""),
        Column(
            "Continúa",
            "continues",
            False,
            "code",
            "Producto de un plan anterior que este continúa: «<código del plan>:<código>», o el "
            "código en el «Plan anterior»",
            "Product of an earlier plan this one continues: <plan code>:<code>, or the code in "
            "the Previous plan",
            "red-de-prueba-{p0}-{p1}:2.1.1-1",
        ),
    ),
    "Una fila por producto.",
    "One row per product.",
)

AGENCIES = Sheet(
    "Agencias",
    "agencies",
    (
        Column(
            "Sigla",
            "acronym",
            True,
            "code",
            "Sigla en español (como en el plan)",
            "Spanish acronym (as in the plan)",
            "OIM",
        ),
        Column(
            "Nombre",
            "name_es",
            False,  # a member that is not a UN agency (an NGO network, OECD) may have none
            "text",
            "Nombre en español (opcional: sin él se muestra el nombre en inglés o la sigla)",
            "Spanish name (optional: without it the English name or the acronym is shown)",
            "Organización Internacional para las Migraciones",
        ),
        Column(
            "Nombre (inglés)",
            "name_en",
            False,
            "text",
            "Nombre en inglés",
            "English name",
            "International Organization for Migration",
        ),
        Column(
            "Sigla (inglés)",
            "acronym_en",
            False,
            "text",
            "Sigla en inglés",
            "English acronym",
            "IOM",
        ),
        Column(
            "Rol",
            "roles",
            True,
            "roles",
            "Coordinación y Secretaría / Comité Ejecutivo / Miembro; varios separados por coma",
            "Coordinación y Secretaría / Comité Ejecutivo / Miembro; several separated by commas",
            "Coordinación y Secretaría, Comité Ejecutivo",
        ),
        Column(
            "Alias",
            "aliases",
            False,
            "list",
            "Otras formas de escribirla, separadas por coma",
            "Other spellings, separated by commas",
            "IOM",
        ),
    ),
    "Las agencias de la Red y su rol.",
    "The network's agencies and their role.",
)

GCM = Sheet(
    "ObjetivosPMM",
    "gcm",
    (
        Column(
            "Número",
            "number",
            True,
            "int",
            "Número del objetivo del PMM (1-23)",
            "GCM objective number (1-23)",
            "1",
            bounds=(1, 23),
        ),
        Column(
            "Etiqueta (plan)",
            "label_plan",
            True,
            "text",
            "Etiqueta usada en el plan",
            "Label used in the plan",
            "DATOS",
        ),
        Column(
            "Etiqueta",
            "label_es",
            True,
            "text",
            "Etiqueta corta en español",
            "Short Spanish label",
            "Datos",
        ),
        Column(
            "Título (inglés)",
            "title_en",
            True,
            "text",
            "Título oficial en inglés",
            "Official English title",
            "Collect and utilize accurate and disaggregated data…",
        ),
    ),
    "Catálogo de los 23 objetivos del Pacto Mundial para la Migración (PMM).",
    "Catalog of the 23 objectives of the Global Compact for Migration (GCM).",
)

PROGRESS = Sheet(
    "Avances",
    "progress",
    (
        Column("Fecha", "date", True, "date", "Fecha del reporte", "Report date", "{y0}-09-30"),
        Column("Producto", "code", True, "code", "Código del producto", "Product code", "1.1.1-1"),
        Column(
            "Estado",
            "status",
            True,
            "status",
            "No iniciado / En curso / Completado / Retrasado / Cancelado",
            "No iniciado / En curso / Completado / Retrasado / Cancelado",
            "En curso",
        ),
        Column(
            "Porcentaje",
            "percent",
            True,
            "percent",
            "Avance de 0 a 100",
            "Percent complete, 0 to 100",
            "40",
        ),
        Column(
            "Comentario",
            "comment",
            False,
            "text",
            "Comentario del avance",
            "Progress comment",
            "Se realizó el primer diálogo",
        ),
        Column(
            "Reportado por",
            "reported_by",
            False,
            "text",
            "Agencia o persona que reporta",
            "Reporting agency or person",
            "OIM",
        ),
        Column(
            "Evidencia",
            "evidence",
            False,
            "url",
            "Enlace opcional a la evidencia (informe, acta, publicación)",
            "Optional link to evidence (report, minutes, publication)",
            "https://example.org/acta.pdf",
        ),
    ),
    "El registro de avances: una fila por reporte.",
    "The progress log: one row per report.",
)

META = Sheet(
    "Metadatos",
    "meta",
    (
        Column("Clave", "key", True, "text", "Nombre del dato", "Key", "datos_ficticios"),
        Column("Valor", "value", False, "text", "Valor", "Value", "Sí"),
    ),
    "Datos sobre el propio libro (p. ej. «datos_ficticios: Sí» en el registro de ejemplo).",
    "Facts about the workbook itself (e.g. «datos_ficticios: Sí» in the example log).",
)

SHEETS: tuple[Sheet, ...] = (
    OBJECTIVES,
    STRATEGIES,
    ACTIVITIES,
    PRODUCTS,
    AGENCIES,
    GCM,
    PROGRESS,
    META,
)
# The plan's description of itself (issue 9, docs/plans-as-data.md §1): key/value rows like
# «Metadatos», read into `Plan.info` (reading/planinfo.py). Optional: without it the plan's
# info is inferred. Not in SHEETS (the template and the export add it when they write it).
PLAN_SHEET = Sheet(
    "Plan",
    "info",
    (
        Column("Clave", "key", True, "text", "Nombre del dato", "Key", "Título"),
        Column("Valor", "value", False, "text", "Valor", "Value", "Plan de trabajo {y0}-{y1}"),
    ),
    "El plan se describe a sí mismo: título, red, periodo, idioma, palabras de sus niveles.",
    "The plan describes itself: title, network, period, language, the words of its levels.",
)
# Every sheet the reader recognises in a workbook.
READ_SHEETS: tuple[Sheet, ...] = (PLAN_SHEET, *SHEETS)
SHEETS_BY_NAME: dict[str, Sheet] = {s.name: s for s in READ_SHEETS}
SHEETS_BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}

# A workbook loaded on its own (no base plan) must hold the plan's structure.
# «Estrategias» is optional: a plan with three levels has none (issue 9).
STRUCTURE_SHEETS: tuple[str, ...] = (
    "Objetivos",
    "Actividades",
    "Productos",
    "Agencias",
)

# Metadata key that marks a workbook as fictitious example data.
META_EXAMPLE_KEY = "datos_ficticios"

# Internal columns of each table, in order, beyond the workbook columns. `row` is the Excel row
# number the entry came from (None for rows made in code), `seq` the plan order.
PRODUCT_COLUMNS = [
    "code",
    "objective",
    "strategy",
    "activity",
    "name",
    "leads",
    "partners",
    "start",
    "end",
    "start_text",
    "end_text",
    "dates_interpreted",
    "gcm",
    "gcm_all",
    "timeline_text",
    "notes",
    "continues",  # "<plan_id>:<code>" or "<code>" of the previous plan ("" for none; issue 9)
    "seq",
    "row",
]
# What makes two progress entries the same report (the Excel row number does not): used to
# append an upload's reports to the log and to diff two logs.
PROGRESS_IDENTITY: tuple[str, ...] = (
    "date",
    "code",
    "status",
    "percent",
    "comment",
    "reported_by",
    "evidence",
)
PROGRESS_COLUMNS = [*PROGRESS_IDENTITY, "row"]
AGENCY_COLUMNS = ["acronym", "name_es", "name_en", "acronym_en", "roles", "aliases", "row"]
GCM_COLUMNS = ["number", "label_plan", "label_es", "title_en"]
OBJECTIVE_COLUMNS = ["code", "name", "seq", "row"]
STRATEGY_COLUMNS = ["code", "objective", "name", "seq", "row"]
ACTIVITY_COLUMNS = ["code", "strategy", "objective", "name", "seq", "row"]
ISSUE_COLUMNS = ["sheet", "row", "column", "rule", "severity", "value", "message", "message_en"]


@dataclass(frozen=True)
class Plan:
    """The loaded plan: one DataFrame per table, already normalised.

    products: code, objective, strategy, activity, name, leads (list[str]), partners
      (list[str]; may hold COMMITTEE), start, end (Timestamp or NaT), start_text, end_text (the
      cell as written), dates_interpreted (bool), gcm (list[int], specific links only),
      gcm_all (bool, "Todos"), timeline_text, notes, continues ("<plan_id>:<code>" or "<code>"
      of the product of an earlier plan it carries on, "" for none), seq (plan order), row.
    progress: date (Timestamp), code, status (a Status value), percent (float 0-100),
      comment, reported_by, evidence, row.
    agencies: acronym, name_es, name_en, acronym_en, roles (list of Role values: an agency may
      be the secretariat and a committee member), aliases (list), row.
    gcm: number (int), label_plan, label_es, title_en.
    meta: key -> value of the Metadatos sheets read.
    sheets: names of the sheets this plan's tables came from (the workbook's own sheets).
    info: the plan's description of itself (network, period…); when none is given, one is
      inferred (`inferred_info`) so that every consumer can rely on `plan.info`.
    """

    objectives: pd.DataFrame
    strategies: pd.DataFrame
    activities: pd.DataFrame
    products: pd.DataFrame
    agencies: pd.DataFrame
    gcm: pd.DataFrame
    progress: pd.DataFrame
    meta: dict[str, str] = field(default_factory=dict)
    sheets: tuple[str, ...] = ()
    info: PlanInfo | None = None

    def __post_init__(self) -> None:
        if self.info is None:
            object.__setattr__(self, "info", inferred_info(self))

    @property
    def has_strategies(self) -> bool:
        """False for a plan of three levels (objective → activity → product): pages, filters,
        charts, the report and the template draw no empty strategy level."""
        return len(self.strategies) > 0

    @property
    def is_example(self) -> bool:
        """True when the progress log is the fictitious example data."""
        return str(self.meta.get(META_EXAMPLE_KEY, "")).strip().lower() in {"sí", "si", "yes"}

    def committee_members(self) -> list[str]:
        """Acronyms of the Executive Committee's members (role Comité Ejecutivo), plan order."""
        return self.agencies_with_role(Role.COMMITTEE)

    def secretariat(self) -> list[str]:
        """Acronyms of the agencies holding the role Coordinación y Secretaría (usually one)."""
        return self.agencies_with_role(Role.SECRETARIAT)

    def agencies_with_role(self, role: Role) -> list[str]:
        a = self.agencies
        held = [role.value in (r if isinstance(r, list | tuple) else ()) for r in a["roles"]]
        return a.loc[held, "acronym"].astype(str).tolist()


def inferred_period(plan: Plan) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period of a plan that states none: the whole calendar years its dates fall in
    (products' start and end, progress entries); the current year when it has no date."""
    days = pd.concat(
        [
            pd.to_datetime(plan.products["start"], errors="coerce"),
            pd.to_datetime(plan.products["end"], errors="coerce"),
            pd.to_datetime(plan.progress["date"], errors="coerce"),
        ],
        ignore_index=True,
    ).dropna()
    first = days.min().year if len(days) else pd.Timestamp.today().year
    last = days.max().year if len(days) else first
    return pd.Timestamp(year=first, month=1, day=1), pd.Timestamp(year=last, month=12, day=31)


def inferred_info(plan: Plan) -> PlanInfo:
    """The description of a plan that states none (no «Plan» sheet): no names, and the period
    `inferred_period` reads from its own dates (marked `period_inferred`; issue 9)."""
    start, end = inferred_period(plan)
    return PlanInfo(
        plan_id="plan",
        title="",
        network_es="",
        network_en="",
        network_id="",
        country="",
        region="",
        start=start,
        end=end,
        period_inferred=True,
    )


def empty_table(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
