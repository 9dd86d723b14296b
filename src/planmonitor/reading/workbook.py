"""Safe reading of an uploaded .xlsx: container checks first, then calamine.

An upload is untrusted. Before any parser sees it we check its size, that it is a zip holding
an Excel workbook, that its members do not expand past a bound (zip bomb), and that no XML
part declares a DOCTYPE (calamine ignores DOCTYPE, so entity tricks would pass silently).
Then python-calamine reads cached cell values (formulas are never evaluated), we locate each
sheet's header row (title rows above it are skipped) and keep Excel row numbers so every
message can point at the row the user sees.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import python_calamine

from planmonitor import model
from planmonitor.reading.normalize import cell_text, norm_key
from planmonitor.reading.validate import Rule

MB = 1024 * 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER_SCAN_ROWS = 10
TEXT_PREFIX = "text:"  # SheetTable.data holds raw cells under `name`, their text under this


@dataclass(frozen=True)
class Limits:
    """Bounds applied before parsing (defaults suit a plan of thousands of rows)."""

    max_bytes: int = 20 * MB  # the file as uploaded
    max_uncompressed: int = 200 * MB  # all zip members, expanded
    max_ratio: float = 200.0  # expanded/compressed for one member ...
    ratio_min_size: int = 1 * MB  # ... once it expands past this size


class WorkbookError(Exception):
    """The file cannot be read at all; carries the rule and both messages."""

    def __init__(self, rule: Rule, message: str, message_en: str, value: str = "") -> None:
        super().__init__(message_en)
        self.rule = rule
        self.message = message
        self.message_en = message_en
        self.value = value


@dataclass(frozen=True)
class SheetTable:
    """One recognised sheet: raw cell values under the model's column names."""

    sheet: model.Sheet
    title: str  # the sheet's name as written in the file
    header_row: int | None  # Excel row number of the header; None when not found
    missing: tuple[str, ...]  # required headers (model spelling) not found
    data: pd.DataFrame  # raw cells under each Column.name found, their text (str) under
    #                     TEXT_PREFIX + name, and the Excel row number under "row"
    found: tuple[str, ...] = field(default=())  # model headers found


# --------------------------------------------------------------------------------------------
# Container checks
# --------------------------------------------------------------------------------------------
def read_source(src: bytes | bytearray | memoryview | str | Path, limits: Limits) -> bytes:
    """The file's bytes, refusing a path to a file too large before reading it."""
    if isinstance(src, bytes | bytearray | memoryview):
        return bytes(src)
    path = Path(src)
    if not path.is_file():
        raise WorkbookError(
            Rule.UNREADABLE_FILE,
            f"no se encontró el archivo «{path}».",
            f"file «{path}» not found.",
            str(path),
        )
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise _too_large(size, limits)
    return path.read_bytes()


def _too_large(size: int, limits: Limits) -> WorkbookError:
    return WorkbookError(
        Rule.FILE_TOO_LARGE,
        f"el archivo pesa {size / MB:.1f} MB; el máximo es {limits.max_bytes / MB:.0f} MB.",
        f"the file is {size / MB:.1f} MB; the limit is {limits.max_bytes / MB:.0f} MB.",
        f"{size} bytes",
    )


def _ole2_kind(data: bytes) -> Rule:
    """An OLE2 file is an old .xls or a password-protected .xlsx (EncryptionInfo stream)."""
    try:
        import olefile

        ole = olefile.OleFileIO(io.BytesIO(data))
        try:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return Rule.ENCRYPTED_FILE
        finally:
            ole.close()
    except Exception:  # a damaged OLE2 file: still not something we can read
        return Rule.OLD_XLS
    return Rule.OLD_XLS


_XML_MEMBER = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_PROLOG_LIMIT = 64 * 1024


def _unsafe_prolog(head: bytes) -> bool | None:
    """True when the prolog declares a DOCTYPE; None while the root element is not in sight."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-le" if head[:1] in (b"\xff", b"<") else "utf-16-be"
        head = head.decode(encoding, errors="ignore").encode("utf-8", errors="ignore")
    m = _ROOT_START.search(head)
    prolog = head if m is None else head[: m.start()]
    if b"<!DOCTYPE" in prolog.upper() or b"<!ENTITY" in prolog.upper():
        return True
    if m is None:
        return None if len(head) < _PROLOG_LIMIT else True
    return False


def check_container(data: bytes, limits: Limits) -> None:
    """Raise WorkbookError unless `data` is a plain, reasonably sized, DOCTYPE-free .xlsx."""
    if not data or not data.strip(b"\x00 \t\r\n"):
        raise WorkbookError(Rule.EMPTY_FILE, "el archivo está vacío.", "the file is empty.")
    if len(data) > limits.max_bytes:
        raise _too_large(len(data), limits)
    if data.startswith(OLE2_SIGNATURE):
        if _ole2_kind(data) is Rule.ENCRYPTED_FILE:
            raise WorkbookError(
                Rule.ENCRYPTED_FILE,
                "el libro está protegido con contraseña. Guárdelo sin contraseña "
                "(Archivo > Información > Proteger libro) y vuelva a subirlo.",
                "the workbook is password-protected. Save it without a password and upload "
                "it again.",
            )
        raise WorkbookError(
            Rule.OLD_XLS,
            "es un libro de Excel 97-2003 (.xls). Ábralo en Excel y guárdelo como "
            "«Libro de Excel (.xlsx)».",
            "this is an Excel 97-2003 workbook (.xls). Open it in Excel and save it as "
            "«Excel Workbook (.xlsx)».",
        )
    if not data.startswith(b"PK"):
        looks_text = b"\x00" not in data[:4096] and (b"," in data[:4096] or b";" in data[:4096])
        hint_es = " Parece un CSV o un texto con extensión .xlsx." if looks_text else ""
        hint_en = " It looks like a CSV or text file renamed to .xlsx." if looks_text else ""
        raise WorkbookError(
            Rule.NOT_XLSX,
            "no es un libro de Excel (.xlsx)." + hint_es,
            "this is not an Excel workbook (.xlsx)." + hint_en,
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise WorkbookError(
            Rule.CORRUPT_FILE,
            "el archivo .xlsx está dañado (no se puede abrir el zip). Vuelva a guardarlo en Excel.",
            "the .xlsx file is damaged (its zip cannot be opened). Save it again in Excel.",
            str(exc),
        ) from exc
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise WorkbookError(
            Rule.NOT_WORKBOOK,
            "el archivo es un zip pero no un libro de Excel (.xlsx) (no tiene xl/workbook.xml).",
            "the file is a zip but not an Excel workbook (.xlsx) (no xl/workbook.xml).",
        )
    _check_members(zf, infos, limits)


def _bomb(detail: str) -> WorkbookError:
    return WorkbookError(
        Rule.ZIP_BOMB,
        "el contenido comprimido del archivo se expande de forma anómala (posible bomba zip); "
        "no se procesa.",
        "the file's compressed content expands abnormally (possible zip bomb); not processed.",
        detail,
    )


def _check_members(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    declared = sum(i.file_size for i in infos)
    if declared > limits.max_uncompressed:
        raise _bomb(f"{declared} bytes")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_min_size and ratio > limits.max_ratio:
            raise _bomb(f"{info.filename}: {ratio:.0f}x")
    # The directory can lie: expand every member for real, counting, and read XML prologs.
    total = 0
    try:
        for info in infos:
            is_xml = bool(_XML_MEMBER.search(info.filename))
            head = b""
            verdict: bool | None = None if is_xml else False
            size = 0
            with zf.open(info) as fh:
                while chunk := fh.read(1 * MB):
                    size += len(chunk)
                    total += len(chunk)
                    if total > limits.max_uncompressed or size > info.file_size:
                        raise _bomb(f"{info.filename}: > {info.file_size} bytes")
                    if verdict is None:
                        head += chunk[:_PROLOG_LIMIT]
                        verdict = _unsafe_prolog(head)
            if verdict is None:  # no root element at all: judge the whole (small) text
                verdict = b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper()
            if verdict:
                raise WorkbookError(
                    Rule.UNSAFE_XML,
                    "el archivo contiene XML con declaraciones DOCTYPE/ENTITY, que un libro de "
                    "Excel normal no tiene; no se procesa por seguridad.",
                    "the file holds XML with DOCTYPE/ENTITY declarations, which a normal Excel "
                    "workbook does not have; not processed for safety.",
                    info.filename,
                )
            if size > limits.ratio_min_size and size / max(info.compress_size, 1) > (
                limits.max_ratio
            ):
                raise _bomb(f"{info.filename}: {size / max(info.compress_size, 1):.0f}x")
    except WorkbookError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise WorkbookError(
            Rule.CORRUPT_FILE,
            "el archivo .xlsx está dañado (un componente no se puede descomprimir). Vuelva a "
            "guardarlo en Excel.",
            "the .xlsx file is damaged (a part cannot be decompressed). Save it again in Excel.",
            str(exc),
        ) from exc


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------
def read_raw(data: bytes) -> dict[str, list[list]]:
    """Every worksheet's cells from A1 (row i of the list is Excel row i+1)."""
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets: dict[str, list[list]] = {}
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            sheets[meta.name] = sheet.to_python(skip_empty_area=False)
        return sheets
    except python_calamine.PasswordError as exc:
        raise WorkbookError(
            Rule.ENCRYPTED_FILE,
            "el libro está protegido con contraseña.",
            "the workbook is password-protected.",
        ) from exc
    except Exception as exc:  # calamine raises its own error types for damaged parts
        raise WorkbookError(
            Rule.CORRUPT_FILE,
            "el libro no se pudo leer (contenido dañado o no estándar). Vuelva a guardarlo en "
            "Excel.",
            "the workbook could not be read (damaged or non-standard content). Save it again "
            "in Excel.",
            f"{type(exc).__name__}: {exc}"[:200],
        ) from exc


# Other spellings of the headers that people use; compared with norm_key.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "Código": ("Codigo", "Cod.", "Code", "Código del producto", "Código de producto"),
    "Líderes": ("Líder", "Agencia líder", "Agencias líderes", "Lead", "Leads"),
    "Socios": ("Socio", "Agencias socias", "Partners"),
    "Objetivos PMM": ("Objetivo PMM", "Objetivos del PMM", "PMM", "GCM"),
    "Producto": ("Código del producto", "Código de producto", "Product"),
    "Porcentaje": ("%", "Avance (%)", "Porcentaje de avance", "Percent"),
    "Fecha": ("Fecha del reporte", "Date"),
    "Estado": ("Status",),
    "Línea temporal (plan)": ("Línea temporal",),
}


def _header_keys(sheet: model.Sheet) -> dict[str, str]:
    """normalised spelling -> model header."""
    keys: dict[str, str] = {}
    for header in sheet.headers:
        keys[norm_key(header)] = header
    for header in sheet.headers:
        for alias in HEADER_ALIASES.get(header, ()):
            keys.setdefault(norm_key(alias), header)
    return keys


def find_header(rows: list[list], sheet: model.Sheet) -> tuple[int | None, dict[str, int]]:
    """(index of the header row, model header -> column index) within the first rows.

    The first row holding all required headers wins; otherwise the row matching most headers
    (so the missing ones can be named); None when no row matches any header.
    """
    keys = _header_keys(sheet)
    required = set(sheet.required_headers)
    best: tuple[int, int | None, dict[str, int]] = (0, None, {})
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        for j, cell in enumerate(row):
            if isinstance(cell, str) and cell.strip():
                header = keys.get(norm_key(cell))
                if header is not None and header not in found:
                    found[header] = j
        if required <= set(found):
            return i, found
        if len(found) > best[0]:
            best = (len(found), i, found)
    return best[1], best[2]


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and v != v)


def empty_cells(col: np.ndarray | pd.Series) -> np.ndarray:
    """Boolean mask of empty cells ("", whitespace, None), judged once per distinct value."""
    arr = np.asarray(col, dtype=object)
    if len(arr) == 0:
        return np.zeros(0, dtype=bool)
    codes, uniques = pd.factorize(arr, use_na_sentinel=False)
    flags = np.fromiter((_blank(u) for u in uniques), dtype=bool, count=len(uniques))
    return flags[codes]


def extract_table(sheet: model.Sheet, title: str, rows: list[list]) -> SheetTable:
    """The sheet's data under model column names; fully empty rows are dropped."""
    header_idx, found = find_header(rows, sheet)
    missing = tuple(h for h in sheet.required_headers if h not in found)
    columns = [c for c in sheet.columns if c.header in found]
    if header_idx is None or not columns:
        empty = pd.DataFrame({"row": pd.Series([], dtype="int64")})
        return SheetTable(sheet, title, None, missing, empty, ())
    body = rows[header_idx + 1 :]
    widths = set(map(len, body))
    width = max(widths, default=0)
    if len(widths) > 1:
        body = [list(r) + [""] * (width - len(r)) for r in body]
    arr = np.empty((len(body), width), dtype=object)
    if body:
        arr[:, :] = body
    raw: dict[str, np.ndarray] = {}
    texts: dict[str, np.ndarray] = {}
    keep = np.zeros(len(body), dtype=bool)
    for c in columns:
        j = found[c.header]
        col = arr[:, j] if j < width else np.full(len(body), "", dtype=object)
        # The displayed text of every cell, computed once per distinct value: it decides
        # which rows are empty and is reused by the loader for text columns.
        codes, uniques = pd.factorize(col, use_na_sentinel=False)
        utext = np.empty(len(uniques), dtype=object)
        utext[:] = [u.strip() if type(u) is str else cell_text(u) for u in uniques]
        raw[c.name] = col
        texts[c.name] = utext[codes]
        keep |= (utext != "")[codes]
    rownums = np.arange(header_idx + 2, header_idx + 2 + len(body), dtype="int64")
    frame = pd.DataFrame(
        {
            **{k: pd.Series(v[keep], dtype=object) for k, v in raw.items()},
            **{TEXT_PREFIX + k: pd.Series(v[keep], dtype=str) for k, v in texts.items()},
            "row": rownums[keep],
        }
    )
    return SheetTable(
        sheet, title, header_idx + 1, missing, frame, tuple(c.header for c in columns)
    )


def match_sheets(titles: list[str]) -> dict[str, str]:
    """model sheet name -> the file's sheet title (tolerant of case, accents, spaces)."""
    wanted = {norm_key(s.name): s.name for s in model.SHEETS}
    wanted.update({norm_key(s.key): s.name for s in model.SHEETS})
    wanted.setdefault(norm_key("Objetivos PMM"), model.GCM.name)
    out: dict[str, str] = {}
    for title in titles:
        name = wanted.get(norm_key(title))
        if name is not None and name not in out:
            out[name] = title
    return out


def read_tables(data: bytes, limits: Limits | None = None) -> dict[str, SheetTable]:
    """Check the container, parse it, return the recognised sheets keyed by model name."""
    limits = limits or Limits()
    check_container(data, limits)
    raw = read_raw(data)
    matched = match_sheets(list(raw))
    return {
        name: extract_table(model.SHEETS_BY_NAME[name], title, raw[title])
        for name, title in matched.items()
    }


__all__ = [
    "TEXT_PREFIX",
    "Limits",
    "SheetTable",
    "WorkbookError",
    "cell_text",
    "check_container",
    "empty_cells",
    "extract_table",
    "find_header",
    "match_sheets",
    "read_raw",
    "read_source",
    "read_tables",
]
