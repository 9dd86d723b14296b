"""Cell values as people type them -> clean values.

Real sheets hold stray spaces, any case, missing accents, dates as text or as Excel dates,
quarters written five ways, agencies by their English acronym, "40%" as a percent. Every
parser here takes one cell value and returns either a clean value or `BAD`; the vectorised
helpers apply a parser once per distinct value (a 50,000-row log has a few hundred distinct
dates), which keeps loading fast without per-row Python.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from planmonitor.model import COMMITTEE, Role, Status


class _Bad:
    """Marker for a value that could not be read (distinct from an empty cell)."""

    _instance: _Bad | None = None

    def __new__(cls) -> _Bad:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "BAD"

    def __bool__(self) -> bool:
        return False


BAD: Any = _Bad()


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def norm_key(value: object) -> str:
    """Comparison key: strip, casefold, no accents, single spaces ("  Líderes " -> "lideres")."""
    return _SPACES.sub(" ", strip_accents(cell_text(value)).casefold()).strip()


def is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    return value is pd.NaT


def cell_text(value: object) -> str:
    """A cell as the user sees it: 1.0 -> "1", a date -> "yyyy-mm-dd", text stripped."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "Sí" if value else "No"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is pd.NaT:
        return ""
    return str(value).strip()


def map_unique(values: pd.Series | Iterable[object], parse: Callable[[object], Any]) -> list:
    """`[parse(v) for v in values]`, calling `parse` once per distinct value."""
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if len(s) == 0:
        return []
    codes, uniques = pd.factorize(s.astype(object), use_na_sentinel=False)
    parsed = [parse(u) for u in uniques]
    return [parsed[c] for c in codes]


def text_series(values: pd.Series) -> pd.Series:
    """Text column: str dtype, stripped, "" for empty (never NaN)."""
    return pd.Series(map_unique(values, cell_text), index=values.index, dtype=str)


# --------------------------------------------------------------------------------------------
# Dates and quarters
# --------------------------------------------------------------------------------------------
_Q = r"(?:t|q|trim(?:estre)?\.?|quarter)"
_QUARTER_YEAR_FIRST = re.compile(rf"^(\d{{4}})\s*[-/ ]?\s*{_Q}\s*([1-4])$")
_QUARTER_YEAR_LAST = re.compile(rf"^{_Q}\s*([1-4])\s*[-/ ]?\s*(\d{{4}})$")
_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?[\s/-]*(?:de\s+|del\s+)?(\d{4})$")
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("enero", "ene", "january", "jan"),
            ("febrero", "feb", "february"),
            ("marzo", "mar", "march"),
            ("abril", "abr", "april", "apr"),
            ("mayo", "may"),
            ("junio", "jun", "june"),
            ("julio", "jul", "july"),
            ("agosto", "ago", "august", "aug"),
            ("septiembre", "setiembre", "sep", "set", "sept", "september"),
            ("octubre", "oct", "october"),
            ("noviembre", "nov", "november"),
            ("diciembre", "dic", "december", "dec"),
        ]
    )
    for name in names
}
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def quarter_bounds(year: int, quarter: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a quarter."""
    start = pd.Timestamp(year=year, month=3 * (quarter - 1) + 1, day=1)
    return start, (start + pd.offsets.QuarterEnd(0)).normalize()


def _period(start: pd.Timestamp, last: pd.Timestamp, end: bool) -> pd.Timestamp:
    return last if end else start


# The dates a plan can hold: any other is a typo («3024-05-10», 9999-12-31, a serial of 0)
# and would not fit a datetime64[ns] column (1677-2262) anyway.
FIRST_DATE = pd.Timestamp("1900-01-01")
LAST_DATE = pd.Timestamp("2199-12-31")


def parse_date(value: object, end: bool = False, periods: bool = True) -> Any:
    """A date, a quarter ("<year>-T2", "T2 <year>", "<year> Q2"), a month or a year -> Timestamp.

    Periods give their first day for a start (`end=False`) and their last day for an end.
    Returns NaT for an empty cell and BAD for text that is not a date, or a date outside
    FIRST_DATE..LAST_DATE. Day-first, as in Spanish. `periods=False` accepts exact dates only
    (a report date).
    """
    day = _read_date(value, end, periods)
    if day is BAD or day is pd.NaT:
        return day
    return day if FIRST_DATE <= day <= LAST_DATE else BAD


def date_out_of_range(value: object) -> bool:
    """True when the cell is a real date, only outside FIRST_DATE..LAST_DATE (9999-12-31)."""
    day = _read_date(value, False, True)
    return day is not BAD and day is not pd.NaT and not FIRST_DATE <= day <= LAST_DATE


def _read_date(value: object, end: bool, periods: bool) -> Any:
    try:
        return _date_or_period(value, end, periods)
    except (ValueError, OverflowError, ArithmeticError):  # 31/02/<year>, year 0, 1900-01-00
        return BAD


def _date_or_period(value: object, end: bool, periods: bool) -> Any:
    if is_empty(value):
        return pd.NaT
    if isinstance(value, bool):
        return BAD
    if isinstance(value, dt.datetime | dt.date):
        return pd.Timestamp(value).normalize()
    if isinstance(value, int | float):
        v = float(value)
        if periods and v.is_integer() and 1900 <= v <= 2100:
            return _period(pd.Timestamp(int(v), 1, 1), pd.Timestamp(int(v), 12, 31), end)
        if 20000 <= v <= 80000:  # an Excel serial number left in a text-formatted cell
            return pd.Timestamp(_EXCEL_EPOCH + dt.timedelta(days=int(v)))
        return BAD
    text = norm_key(value)
    if m := _ISO.match(text):
        return pd.Timestamp(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_FIRST.match(text):
        year = int(m[3])
        if len(m[3]) == 2:
            year += 2000
        return pd.Timestamp(year, int(m[2]), int(m[1]))
    if not periods:
        return BAD
    if m := _QUARTER_YEAR_FIRST.match(text):
        return _period(*quarter_bounds(int(m[1]), int(m[2])), end)
    if m := _QUARTER_YEAR_LAST.match(text):
        return _period(*quarter_bounds(int(m[2]), int(m[1])), end)
    if m := _YEAR.match(text):
        year = int(m[1])
        return _period(pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31), end)
    if (m := _MONTH_YEAR.match(text)) and m[1] in _MONTHS:
        first = pd.Timestamp(int(m[2]), _MONTHS[m[1]], 1)
        return _period(first, first + pd.offsets.MonthEnd(0), end)
    return BAD


def date_series(
    values: pd.Series, end: bool = False, periods: bool = True
) -> tuple[pd.Series, pd.Series]:
    """(datetime64 column with NaT for empty/bad, mask of cells that are not dates)."""
    parsed = map_unique(values, lambda v: parse_date(v, end=end, periods=periods))
    bad = pd.Series([p is BAD for p in parsed], index=values.index, dtype=bool)
    stamps = [pd.NaT if p is BAD else p for p in parsed]
    out = pd.Series(pd.to_datetime(pd.Series(stamps, dtype=object)).to_numpy(), index=values.index)
    return out.astype("datetime64[ns]"), bad


# --------------------------------------------------------------------------------------------
# Numbers, percent, booleans
# --------------------------------------------------------------------------------------------
def parse_number(value: object) -> Any:
    """A number typed as a number or as text ("40,5" -> 40.5). NaN when empty, BAD otherwise."""
    if is_empty(value):
        return math.nan
    if isinstance(value, bool):
        return BAD
    if isinstance(value, int | float):
        return float(value)
    text = cell_text(value).replace("\u00a0", "").replace(" ", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return BAD
    return number if math.isfinite(number) else BAD


def parse_percent(value: object) -> Any:
    """0..100, as a number, "40%", "40,5" -> float. NaN when empty, BAD when not a percent."""
    if isinstance(value, str):
        value = value.strip().removesuffix("%").strip()
    number = parse_number(value)
    if number is BAD or math.isnan(number):
        return number
    return number if 0 <= number <= 100 else BAD


def parse_int(value: object) -> Any:
    number = parse_number(value)
    if number is BAD or math.isnan(number):
        return number
    return int(number) if float(number).is_integer() else BAD


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def parse_url(value: object) -> Any:
    """An http(s) address (or "" when empty) as written; BAD for any other text."""
    text = cell_text(value)
    return text if not text or _URL.match(text) else BAD


_TRUE = {"si", "s", "yes", "y", "x", "1", "true", "verdadero", "v"}
_FALSE = {"no", "n", "0", "false", "falso", "f", ""}


def parse_bool(value: object) -> Any:
    """Sí/Si/No/yes/no/x/1/0/empty -> bool; BAD otherwise."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value in (0, 1):
            return bool(value)
        return BAD
    key = norm_key(value)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return BAD


# --------------------------------------------------------------------------------------------
# Enums: status and role
# --------------------------------------------------------------------------------------------
_STATUS_KEYS: dict[str, str] = {norm_key(s.value): s.value for s in Status}
# The words real plans use for a status (docs/plans-as-data.md §2), Spanish and English,
# compared with norm_key (no case, no accents); the five values themselves are keys too.
STATUS_WORDS: dict[Status, tuple[str, ...]] = {
    Status.NOT_STARTED: (
        "no iniciada", "sin iniciar", "pendiente", "por iniciar", "por comenzar",
        "not started", "yet to start", "to start", "not yet started",
    ),
    Status.IN_PROGRESS: (
        "en progreso", "en proceso", "en ejecucion", "en desarrollo", "iniciado", "iniciada",
        "in progress", "ongoing", "on going", "underway", "started",
    ),
    Status.COMPLETED: (
        "completada", "completo", "finalizado", "finalizada", "concluido", "concluida",
        "completed", "complete", "done", "finished",
    ),
    Status.DELAYED: (
        "retrasada", "atrasado", "atrasada", "demorado", "en pausa",
        "delayed", "on hold", "behind schedule",
    ),
    Status.CANCELLED: ("cancelada", "anulado", "cancelled", "canceled"),
}  # fmt: skip
_STATUS_KEYS.update(
    {norm_key(word): status for status, words in STATUS_WORDS.items() for word in words}
)
_STATUS_KEYS = {k: str(v) for k, v in _STATUS_KEYS.items()}

_ROLE_KEYS: dict[str, str] = {norm_key(r.value): r.value for r in Role}
_ROLE_KEYS.update(
    {
        "secretaria": Role.SECRETARIAT,
        "coordinacion": Role.SECRETARIAT,
        "coordinacion/secretaria": Role.SECRETARIAT,
        "secretariat": Role.SECRETARIAT,
        "coordination and secretariat": Role.SECRETARIAT,
        "comite": Role.COMMITTEE,
        "executive committee": Role.COMMITTEE,
        "member": Role.MEMBER,
        "miembra": Role.MEMBER,
    }
)
_ROLE_KEYS = {k: str(v) for k, v in _ROLE_KEYS.items()}


def parse_status(value: object) -> Any:
    """ "completado", "EN CURSO", "in progress" -> the Status value; "" when empty; BAD else."""
    key = norm_key(value)
    if not key:
        return ""
    return _STATUS_KEYS.get(key, BAD)


def parse_role(value: object) -> Any:
    key = norm_key(value)
    if not key:
        return ""
    return _ROLE_KEYS.get(key, BAD)


_ROLE_PIECES = re.compile(r"[,;\n]+")


def parse_roles(value: object) -> tuple[list[str], list[str]]:
    """ "Coordinación y Secretaría, Comité Ejecutivo" -> (roles in order, unknown pieces).

    Pieces are split like agency lists; a piece is first read whole (a role's own name holds
    " y "), then split on the other separators ("Secretaría / Comité")."""
    found: list[str] = []
    unknown: list[str] = []
    for piece in _ROLE_PIECES.split(cell_text(value)):
        piece = piece.strip(" .")
        if not piece:
            continue
        role = parse_role(piece)
        if role is not BAD:
            found.append(role)
            continue
        parts = [parse_role(p) for p in split_list(piece)]
        if parts and all(p is not BAD for p in parts):
            found += parts
        else:
            unknown.append(piece)
    return list(dict.fromkeys(found)), unknown


# The matcher of every "¿Quiso decir …?": rapidfuzz's C++ extractOne (Indel ratio, 0-100).
# Looked up through the module at call time so a test can wrap it and count the calls.
extract_one = process.extractOne
SUGGEST_CUTOFF = 60.0  # the cutoff difflib.get_close_matches used (0.6)


class Suggester:
    """The closest of fixed `choices` to a typed value (without case and accents), or None.

    The choices are normalised once; each distinct value is matched once (an upload repeats
    the same mistyped code on many rows), by rapidfuzz against all the choices at a time.
    """

    def __init__(self, choices: Iterable[str], cutoff: float = SUGGEST_CUTOFF) -> None:
        by_key: dict[str, str] = {}
        for c in choices:
            by_key.setdefault(norm_key(c), c)
        self._keys = list(by_key)
        self._choices = list(by_key.values())
        self._cutoff = cutoff
        self._cache: dict[str, str | None] = {}

    def __call__(self, text: str) -> str | None:
        if text in self._cache:
            return self._cache[text]
        found = extract_one(
            norm_key(text), self._keys, scorer=fuzz.ratio, score_cutoff=self._cutoff
        )
        hint = self._choices[found[2]] if found else None
        self._cache[text] = hint
        return hint


def suggest(text: str, choices: Iterable[str]) -> str | None:
    """The closest choice to `text` (compared without case and accents), or None."""
    return Suggester(choices)(text)


# --------------------------------------------------------------------------------------------
# Invisible characters in codes (issue 12): «1.1.1-1» followed by U+200B is not a new product
# --------------------------------------------------------------------------------------------
# Spaces that look like a space become one; the others (zero width, BOM, soft hyphen, bidi
# controls) are removed. Each has a name in the i18n catalogue (`char.<hex>`).
_SPACE_LIKE = "\u00a0\u2007\u202f"
INVISIBLE = _SPACE_LIKE + (
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_UNSPACE = str.maketrans(
    {c: " " for c in _SPACE_LIKE} | {c: None for c in INVISIBLE if c not in _SPACE_LIKE}
)


def invisible_characters(text: str) -> list[str]:
    """The invisible characters in `text`, in code point order, each once."""
    return sorted(set(_INVISIBLE.findall(text)))


def without_invisible(text: str) -> str:
    """`text` with space-like characters as spaces and the others removed (then stripped)."""
    return _SPACES.sub(" ", text.translate(_UNSPACE)).strip() if _INVISIBLE.search(text) else text


# --------------------------------------------------------------------------------------------
# GCM objectives
# --------------------------------------------------------------------------------------------
_LIST_SPLIT = re.compile(r"\s*(?:[,;/\n\r]|\s+y\s+|\s+and\s+|&|\+)\s*")
_GCM_SPLIT = re.compile(r"[,;/\s]+|\by\b|\band\b|&")


def parse_gcm(value: object) -> tuple[list[int], bool, list[str]]:
    """ "1, 3, 23" / "1;3" / "Todos los objetivos" -> (numbers, all, tokens not in 1..23)."""
    if is_empty(value):
        return [], False, []
    if isinstance(value, int | float) and not isinstance(value, bool):
        v = float(value)
        if v.is_integer() and 1 <= v <= 23:
            return [int(v)], False, []
        return [], False, [cell_text(value)]
    key = norm_key(value)
    if key.startswith("todos") or key in {"all", "all objectives", "todas"}:
        return [], True, []
    numbers: set[int] = set()
    bad: list[str] = []
    for token in _GCM_SPLIT.split(key):
        token = token.strip(". ")
        if not token:
            continue
        if token.isdigit() and 1 <= int(token) <= 23:
            numbers.add(int(token))
        else:
            bad.append(token)
    return sorted(numbers), False, bad


# --------------------------------------------------------------------------------------------
# Agencies
# --------------------------------------------------------------------------------------------
def split_list(value: object) -> list[str]:
    """Split a cell of names on ",", ";", "/", " y ", " and ", line breaks."""
    text = cell_text(value)
    if not text:
        return []
    return [t.strip(" .") for t in _LIST_SPLIT.split(text) if t.strip(" .")]


_COMMITTEE_KEYS = {"comite ejecutivo", "executive committee", "el comite ejecutivo"}
_COMMITTEE_KEYS_LIST = sorted(_COMMITTEE_KEYS)


class AgencyResolver:
    """Maps what people write (IOM, undp, Unusida, Comité Ejecutivo) to canonical acronyms.

    Built from the Agencias table: acronym, acronym_en, aliases and both names are accepted,
    compared without case and accents.
    """

    def __init__(self, agencies: pd.DataFrame) -> None:
        self.acronyms: list[str] = [str(a) for a in agencies["acronym"].tolist()]
        self._keys: dict[str, str] = {}
        self._suggest: dict[str, str] = {}
        self._hints: dict[str, str | None] = {}
        for rec in agencies.to_dict("records"):
            acronym = str(rec["acronym"])
            names = [
                acronym,
                rec.get("acronym_en", ""),
                rec.get("name_es", ""),
                rec.get("name_en", ""),
            ]
            aliases = rec.get("aliases")
            names += list(aliases) if isinstance(aliases, list | tuple) else []
            for i, name in enumerate(names):
                key = norm_key(name)
                if key:
                    self._keys.setdefault(key, acronym)
                    if i in (0, 1) or i >= 4:  # acronyms and aliases are what people type
                        self._suggest.setdefault(key, acronym)
        for key in _COMMITTEE_KEYS:
            self._keys[key] = COMMITTEE
        self._exact: dict[str, str] = {a: a for a in self.acronyms}
        self._exact[COMMITTEE] = COMMITTEE

    def resolve(self, token: str) -> str | None:
        """Canonical acronym (or model.COMMITTEE) for one name; None when unknown."""
        if token in self._exact:  # the usual case, without normalising
            return self._exact[token]
        return self._keys.get(norm_key(token))

    def suggestion(self, token: str) -> str | None:
        """The closest acronym or alias; swapped letters ("ACB" -> "ABC") rank first.

        Scored by rapidfuzz against every candidate at once, once per distinct token.
        """
        if token in self._hints:
            return self._hints[token]
        key = norm_key(token)
        candidates = list(self._suggest)
        best, best_score = None, SUGGEST_CUTOFF
        if candidates:
            scores = process.cdist([key], candidates, scorer=fuzz.ratio)[0]
            letters = sorted(key)
            for candidate, score in zip(candidates, scores, strict=True):
                if len(candidate) == len(key) and sorted(candidate) == letters:
                    score += 20
                if score > best_score:
                    best, best_score = self._suggest[candidate], score
        if best is None and extract_one(
            key, _COMMITTEE_KEYS_LIST, scorer=fuzz.ratio, score_cutoff=75.0
        ):
            best = COMMITTEE
        self._hints[token] = best
        return best

    def parse(self, value: object) -> tuple[list[str], list[str]]:
        """(canonical acronyms in written order without repeats, unknown names)."""
        found: list[str] = []
        unknown: list[str] = []
        for token in split_list(value):
            acronym = self.resolve(token)
            if acronym is None:
                unknown.append(token)
            elif acronym not in found:
                found.append(acronym)
        return found, unknown


def object_column(values: list, index: pd.Index | None = None) -> pd.Series:
    """A Series of Python objects (lists) that pandas will not try to expand."""
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return pd.Series(arr, index=index, dtype=object)
