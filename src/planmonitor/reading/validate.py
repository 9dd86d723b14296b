"""Validation rules and the lazy issue log.

Every problem found in a workbook becomes one row of a tidy issues table (sheet, Excel row,
column, rule, severity, value, message in Spanish and English). Nothing stops at the first
problem: the secretariat fixes a workbook in one pass, not one error per upload.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import pandas as pd

from planmonitor import model
from planmonitor.i18n import LANGS, fmt_number, t
from planmonitor.model import ISSUE_COLUMNS, Severity


class Rule(StrEnum):
    """Stable rule codes (tests, the error workbook and the UI key on these values)."""

    # The file cannot be read at all (CLI exit code 2).
    UNREADABLE_FILE = "unreadable_file"  # not found / unexpected reader failure
    EMPTY_FILE = "empty_file"
    FILE_TOO_LARGE = "file_too_large"
    NOT_XLSX = "not_xlsx"  # CSV renamed, random bytes
    OLD_XLS = "old_xls"  # Excel 97-2003 (.xls)
    ENCRYPTED_FILE = "encrypted_file"  # password-protected workbook
    CORRUPT_FILE = "corrupt_file"  # a damaged zip
    NOT_WORKBOOK = "not_workbook"  # a zip that is not an Excel workbook (.docx, plain zip)
    ZIP_BOMB = "zip_bomb"  # expands past the bound or at an absurd ratio
    UNSAFE_XML = "unsafe_xml"  # DOCTYPE / entity declarations
    # Structure.
    NO_KNOWN_SHEET = "no_known_sheet"
    MISSING_SHEET = "missing_sheet"
    MISSING_COLUMN = "missing_column"
    # Values.
    REQUIRED_VALUE = "required_value"
    DUPLICATE_CODE = "duplicate_code"
    UNKNOWN_OBJECTIVE = "unknown_objective"
    UNKNOWN_STRATEGY = "unknown_strategy"
    UNKNOWN_ACTIVITY = "unknown_activity"
    UNKNOWN_AGENCY = "unknown_agency"
    UNKNOWN_PRODUCT = "unknown_product"
    END_BEFORE_START = "end_before_start"
    BAD_DATE = "bad_date"
    BAD_GCM = "bad_gcm"
    BAD_NUMBER = "bad_number"
    BAD_PERCENT = "bad_percent"
    BAD_STATUS = "bad_status"
    BAD_ROLE = "bad_role"
    BAD_BOOL = "bad_bool"
    # Warnings: the plan loads, the secretariat is told.
    COMPLETED_BELOW_100 = "completed_below_100"
    PERCENT_AS_FRACTION = "percent_as_fraction"
    NO_LEAD = "no_lead"
    BAD_URL = "bad_url"
    FUTURE_PROGRESS_DATE = "future_progress_date"
    CODE_MISMATCH = "code_mismatch"
    # A partial update's sheet with its header and no data rows: kept from the current data.
    EMPTY_SHEET = "empty_sheet"
    # container and sheet checks (issue 12)
    OTHER_FORMAT = "other_format"  # .xlsb or .ods: another spreadsheet format
    MACROS = "macros"  # vbaProject.bin, a macro-enabled content type, Excel 4 macro sheets
    DUPLICATE_PART = "duplicate_part"  # two zip members with the same (case-folded) name
    PART_TOO_LARGE = "part_too_large"  # one member, sharedStrings or the member count too large
    SHEET_TOO_LARGE = "sheet_too_large"  # rows or cells past Limits, or past Excel's grid
    BAD_DATE_CELL = "bad_date_cell"  # a date-formatted number no date can show (Excel: ####)
    UNREADABLE_SHEET = "unreadable_sheet"  # the reader failed on one sheet (named)
    HIDDEN_SHEET = "hidden_sheet"  # a recognised sheet that Excel does not show
    DUPLICATE_SHEET = "duplicate_sheet"  # two visible sheets read as the same model sheet
    IGNORED_SHEET = "ignored_sheet"  # warning: a hidden twin of a visible sheet, not read
    CONTROL_CHARACTER = "control_character"  # warning: an invisible control character removed
    CELL_TOO_LONG = "cell_too_long"  # a cell longer than Limits.max_cell_chars: not read
    INVISIBLE_CHARACTER = "invisible_character"  # warning: zero-width, BOM, bidi… in a code
    # the «Plan» sheet (issue 9)
    PLAN_INFO_MISSING = "plan_info_missing"  # a required key (Título, Red, Inicio, Fin) absent
    BAD_PLAN_CODE = "bad_plan_code"  # a plan or network code that is not a slug
    BAD_LANGUAGE = "bad_language"
    UNKNOWN_PLAN_KEY = "unknown_plan_key"  # warning
    NO_COUNTRY_OR_REGION = "no_country_or_region"  # warning
    DATE_OUTSIDE_PERIOD = "date_outside_period"  # warning: a date outside the plan's period


# Rules that mean "the file could not be read at all".
FILE_RULES: frozenset[Rule] = frozenset(
    {
        Rule.UNREADABLE_FILE,
        Rule.EMPTY_FILE,
        Rule.FILE_TOO_LARGE,
        Rule.NOT_XLSX,
        Rule.OLD_XLS,
        Rule.ENCRYPTED_FILE,
        Rule.CORRUPT_FILE,
        Rule.NOT_WORKBOOK,
        Rule.ZIP_BOMB,
        Rule.UNSAFE_XML,
        Rule.OTHER_FORMAT,
        Rule.MACROS,
        Rule.DUPLICATE_PART,
        Rule.PART_TOO_LARGE,
        Rule.SHEET_TOO_LARGE,
        Rule.BAD_DATE_CELL,
        Rule.UNREADABLE_SHEET,
    }
)

WARNING_RULES: frozenset[Rule] = frozenset(
    {
        Rule.COMPLETED_BELOW_100,
        Rule.PERCENT_AS_FRACTION,
        Rule.NO_LEAD,
        Rule.BAD_URL,
        Rule.FUTURE_PROGRESS_DATE,
        Rule.CODE_MISMATCH,
        Rule.EMPTY_SHEET,
        Rule.IGNORED_SHEET,
        Rule.CONTROL_CHARACTER,
        Rule.INVISIBLE_CHARACTER,
        Rule.UNKNOWN_PLAN_KEY,
        Rule.NO_COUNTRY_OR_REGION,
        Rule.DATE_OUTSIDE_PERIOD,
    }
)


def default_severity(rule: Rule) -> Severity:
    return Severity.WARNING if rule in WARNING_RULES else Severity.ERROR


def _show(value: object) -> str:
    """The offending value as the user typed it, shortened for a message."""
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def location(sheet: str, row: int | None, column: str, lang: str = "es") -> str:
    """'Hoja «Productos», fila 7, columna «Líderes»' (only the parts that are known)."""
    parts: list[str] = []
    if sheet:
        parts.append(t("where.sheet", lang, sheet=sheet))
    if row is not None:
        parts.append(t("where.row", lang, row=row))
    if column:
        parts.append(t("where.column", lang, column=column))
    return ", ".join(parts)


def number(n: int) -> Callable[[str], str]:
    """A count for a message, formatted in each language ("1.234" / "1,234")."""
    return lambda lang: fmt_number(n, lang)


def render(key: str, lang: str, kw: dict[str, Any]) -> str:
    """The catalogue text of `key` in `lang`; a callable argument is called with the language
    (a count to format, a "¿Quiso decir …?" to compute only for an issue that is kept)."""
    return t(key, lang, **{k: v(lang) if callable(v) else v for k, v in kw.items()})


class IssueLog:
    """Collects issues; `frame()` returns them as a model.ISSUE_COLUMNS DataFrame.

    At most `limit` issues are kept (Limits.max_issues); past it each issue only counts for
    its rule (`more`), and `frame()` ends with one «y N más» row per such rule.
    """

    def __init__(self, limit: int | None = None) -> None:
        self._rows: list[dict[str, object]] = []
        self.limit = limit
        self.more: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def full(self) -> bool:
        return self.limit is not None and len(self._rows) >= self.limit

    def add(
        self,
        rule: Rule,
        message: str,
        message_en: str,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
        value: object = "",
        severity: Severity | None = None,
    ) -> None:
        """Record one issue; the location prefix is built here so every message has it."""
        if self.full:
            self.more[Rule(rule).value] += 1
            return
        where_es = location(sheet, row, column, "es")
        where_en = location(sheet, row, column, "en")
        self._rows.append(
            {
                "sheet": sheet,
                "row": row,
                "column": column,
                "rule": Rule(rule).value,
                "severity": (severity or default_severity(Rule(rule))).value,
                "value": _show(value),
                "message": f"{where_es}: {message}" if where_es else message,
                "message_en": f"{where_en}: {message_en}" if where_en else message_en,
            }
        )

    def issue(
        self,
        rule: Rule,
        key: str | None = None,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
        value: object = "",
        **kw: Any,
    ) -> None:
        """Record one issue whose message is the catalogue's `key` (default `rule.<rule>`),
        given `value` (shortened) and `kw`; nothing is formatted once the log is full."""
        if self.full:
            self.more[Rule(rule).value] += 1
            return
        args = {"value": _show(value), **kw}
        key = key or f"rule.{Rule(rule).value}"
        es, en = (render(key, lang, args) for lang in LANGS)
        self.add(rule, es, en, sheet=sheet, row=row, column=column, value=value)

    @property
    def has_errors(self) -> bool:
        return any(r["severity"] == Severity.ERROR.value for r in self._rows) or any(
            default_severity(Rule(rule)) == Severity.ERROR for rule in self.more
        )

    @property
    def rules(self) -> set[str]:
        return {str(r["rule"]) for r in self._rows} | set(self.more)

    def frame(self) -> pd.DataFrame:
        """The issues table as the person fixing the file reads it: errors first, then
        warnings; each by sheet (workbook order), Excel row and column (sheet order); issues
        without a row (file- and sheet-level) first within their sheet."""
        df = pd.DataFrame(self._rows, columns=ISSUE_COLUMNS)
        out = df.assign(
            row=pd.array(df["row"].tolist(), dtype="Int64"),
            **{c: df[c].astype(str) for c in ISSUE_COLUMNS if c != "row"},
        )
        sheets = {s.name: i for i, s in enumerate(model.READ_SHEETS)}
        columns = {
            (s.name, c.header): j for s in model.READ_SHEETS for j, c in enumerate(s.columns)
        }
        keys = pd.DataFrame(
            {
                "severity": (out["severity"] != Severity.ERROR.value).astype(int),
                "sheet": out["sheet"].map(sheets).fillna(-1),
                "row": out["row"].fillna(-1).astype(int),
                "column": [
                    columns.get(k, -1) for k in zip(out["sheet"], out["column"], strict=True)
                ],
            }
        )
        order = keys.sort_values(list(keys.columns), kind="stable").index
        out = out.loc[order].reset_index(drop=True)
        if not self.more:
            return out
        return pd.concat([out, self._more_rows()], ignore_index=True)

    def _more_rows(self) -> pd.DataFrame:
        """One «y N más» row per rule past the limit, errors first."""
        rules = sorted(self.more, key=lambda r: default_severity(Rule(r)) != Severity.ERROR)
        rows = []
        for rule in rules:
            kw = {"n": number(self.more[rule]), "rule": rule, "limit": number(self.limit or 0)}
            rows.append(
                {
                    "sheet": "",
                    "row": pd.NA,
                    "column": "",
                    "rule": rule,
                    "severity": default_severity(Rule(rule)).value,
                    "value": str(self.more[rule]),
                    "message": render("rule.more", "es", kw),
                    "message_en": render("rule.more", "en", kw),
                }
            )
        more = pd.DataFrame(rows, columns=ISSUE_COLUMNS)
        return more.assign(row=pd.array([pd.NA] * len(more), dtype="Int64"))


def issue_summary(issues: pd.DataFrame) -> tuple[int, int]:
    """(errors, warnings) in an issues table."""
    sev = issues["severity"]
    return int((sev == Severity.ERROR.value).sum()), int((sev == Severity.WARNING.value).sum())
