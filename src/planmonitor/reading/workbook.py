"""Safe reading of an uploaded .xlsx: bounded checks of the container first, then calamine.

An upload is untrusted, and python-calamine's dense read of a sheet allocates rows x columns
of its bounding box (a 2 KB file with one cell at XFD1048576 asks for 512 GiB and aborts the
process) and can panic (a date-formatted -1e20). So no parser sees a file before, streaming
every zip member once (never a whole member in memory):

1. the container: size, zip directory (member count, duplicate names as calamine folds them,
   encrypted members, compression), other formats (.xls, .xlsb, .ods, CSV), macros;
2. the structure (`_rels/.rels`, `workbook.xml` and its rels, `styles.xml`) with expat:
   which sheets exist, their visibility, which styles make a number a date;
3. every member, expanded for real with running bounds (zip bombs, a lying directory):
   DOCTYPE/ENTITY refused anywhere (expat over each XML prolog, a token scan of the whole
   member in UTF-8/16/32), and the sheets that will be read scanned for the largest cell
   they really hold (the `<dimension>` tag is never trusted) and for date cells no date can
   show (reading/xmlscan.py).

Only then python-calamine reads the chosen sheets' cached values (formulas are never
evaluated), every exception of it (a Rust panic is a BaseException) becoming a refusal that
names the sheet. Then each sheet's header row is located (title rows above it are skipped)
and Excel row numbers are kept so every message can point at the row the user sees.

What is read is what Excel shows: of the sheets that read as a model sheet (case, accents
and spaces aside), a hidden twin of a visible one is ignored with a warning naming it, two
visible ones or only a hidden one are refused. Control characters that `_xHHHH_` escapes
decode to are removed, with a warning naming the cell.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import python_calamine

from planmonitor import model
from planmonitor.i18n import fmt_number, t
from planmonitor.reading import xmlscan
from planmonitor.reading.kinds import KINDS, char_names
from planmonitor.reading.normalize import (
    cell_text,
    invisible_characters,
    norm_key,
    without_invisible,
)
from planmonitor.reading.validate import IssueLog, Rule

MB = 1024 * 1024
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER_SCAN_ROWS = 10
TEXT_PREFIX = "text:"  # SheetTable.data holds raw cells under `name`, their text under this
LONG_PREFIX = "long:"  # ... and, when some were, which cells were too long to read
INVISIBLE_PREFIX = "invisible:"  # ... and which invisible characters a code lost ("U+200B")
STRUCTURE_DEPTH = 64  # elements nested deeper than this in workbook.xml, rels or styles.xml
CONTROL_NOTES_PER_COLUMN = 20  # then one note says how many more cells were cleaned
_EOCD = b"PK\x05\x06"
# C0 controls but tab, newline and carriage return, and DEL: what `_x001B_` / `_x0000_`
# decode to. They are invisible in Excel and break terminals, CSVs and the database.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_KEEP_EXCEPTIONS = (KeyboardInterrupt, SystemExit, GeneratorExit)


@dataclass(frozen=True)
class Limits:
    """Bounds checked before any parser sees the file (the README's "Validation" lists them).

    They admit with room the network-scale data the project benchmarks (2,000 products and
    50,000 reports: 50,001 rows x 7 columns in «Avances», 19 MB of sheet XML) and keep the
    work on any refused 20 MB upload to a few hundred MB and a few seconds.
    """

    max_bytes: int = 20 * MB  # the file as uploaded
    max_members: int = 2_000  # zip members (the central directory is read before anything)
    max_uncompressed: int = 256 * MB  # all zip members, expanded
    max_member: int = 160 * MB  # one zip member, expanded
    max_shared_strings: int = 48 * MB  # xl/sharedStrings.xml, expanded
    max_ratio: float = 200.0  # expanded/compressed for one member ...
    ratio_min_size: int = 1 * MB  # ... once it expands past this size
    max_rows: int = 120_000  # rows of one sheet that is read (Excel row number)
    max_cells: int = 1_500_000  # rows x columns of the sheets read, all together
    max_cell_chars: int = 32_767  # characters of one cell (Excel's own limit), before any
    #                               matching or normalising: a longer cell is an issue, unread
    max_issues: int = 200  # issues collected per upload; then «y N más» per rule


class WorkbookError(Exception):
    """The file is refused; carries the rule, both messages and, when known, the place."""

    def __init__(
        self,
        rule: Rule,
        message: str,
        message_en: str,
        value: str = "",
        *,
        sheet: str = "",
        row: int | None = None,
    ) -> None:
        super().__init__(message_en)
        self.rule = rule
        self.message = message
        self.message_en = message_en
        self.value = value
        self.sheet = sheet
        self.row = row


@dataclass(frozen=True)
class Note:
    """A warning found while reading (the loader adds it to the issue log)."""

    rule: Rule
    message: str
    message_en: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""

    def add_to(self, log: IssueLog) -> None:
        log.add(
            self.rule,
            self.message,
            self.message_en,
            sheet=self.sheet,
            row=self.row,
            column=self.column,
            value=self.value,
        )


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
    notes: tuple[Note, ...] = field(default=())  # control characters removed, by cell


@dataclass(frozen=True)
class SheetEntry:
    """A sheet as workbook.xml lists it."""

    title: str
    state: str  # "visible", "hidden" or "veryHidden"
    part: str  # the zip member calamine reads for it
    kind: str  # "worksheet", "chartsheet", "dialogsheet"


@dataclass(frozen=True)
class Book:
    """What the checks found: the sheets, which title each model sheet is read from, notes."""

    sheets: tuple[SheetEntry, ...]
    selected: dict[str, str]  # model sheet name -> sheet title in the file
    parts: dict[str, str]  # member name folded as calamine folds it -> member name
    notes: tuple[Note, ...] = ()
    facts: dict[str, xmlscan.SheetFacts] = field(default_factory=dict)  # by title, read ones
    xl_path: str = "xl/"  # the folder of workbook.xml, styles.xml, sharedStrings.xml

    def part_of(self, title: str) -> str:
        return next(s.part for s in self.sheets if s.title == title)


# --------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------
def _fmt(value: Any, lang: str) -> Any:
    """Integers as "1.048.576" / "1,048,576", floats (sizes in MB) with one decimal."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return fmt_number(value, lang)
    if isinstance(value, float):
        return fmt_number(value, lang, 1)
    return value


def _texts(key: str, **kw: Any) -> tuple[str, str]:
    """(Spanish, English) of a catalogue key, integers formatted for each language."""
    return (
        t(key, "es", **{k: _fmt(v, "es") for k, v in kw.items()}),
        t(key, "en", **{k: _fmt(v, "en") for k, v in kw.items()}),
    )


def refusal(
    rule: Rule, key: str, value: str = "", *, sheet: str = "", row: int | None = None, **kw: Any
) -> WorkbookError:
    """A WorkbookError whose messages come from the `workbook.*` catalogue."""
    es, en = _texts(key, **kw)
    return WorkbookError(rule, es, en, value, sheet=sheet, row=row)


def _fold(name: str) -> str:
    """A member name as calamine looks it up (backslashes as slashes, ASCII lower case)."""
    return name.replace("\\", "/").lower()


# --------------------------------------------------------------------------------------------
# 1. The file and its zip directory
# --------------------------------------------------------------------------------------------
def read_source(src: bytes | bytearray | memoryview | str | Path, limits: Limits) -> bytes:
    """The file's bytes, refusing a path to a file too large before reading it."""
    if isinstance(src, bytes | bytearray | memoryview):
        return bytes(src)
    path = Path(src)
    if not path.is_file():
        raise refusal(Rule.UNREADABLE_FILE, "workbook.not_found", str(path), path=str(path))
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise _too_large(size, limits)
    return path.read_bytes()


def _too_large(size: int, limits: Limits) -> WorkbookError:
    return refusal(
        Rule.FILE_TOO_LARGE,
        "workbook.too_large",
        f"{size} bytes",
        size=size / MB,
        limit=limits.max_bytes // MB,
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
    except _KEEP_EXCEPTIONS:
        raise
    except BaseException:  # a damaged OLE2 file: still not something we can read
        return Rule.OLD_XLS
    return Rule.OLD_XLS


def _sniff(data: bytes, limits: Limits) -> None:
    """Empty, too large, or not a zip at all: each with the message that says which."""
    if not data or not data.strip(b"\x00 \t\r\n"):
        raise refusal(Rule.EMPTY_FILE, "workbook.empty")
    if len(data) > limits.max_bytes:
        raise _too_large(len(data), limits)
    if data.startswith(OLE2_SIGNATURE):
        if _ole2_kind(data) is Rule.ENCRYPTED_FILE:
            raise refusal(Rule.ENCRYPTED_FILE, "workbook.encrypted")
        raise refusal(Rule.OLD_XLS, "workbook.old_xls")
    if not data.startswith(b"PK"):
        head = data[:4096]
        if b"\x00" not in head and (b"," in head or b";" in head or b"\t" in head):
            raise refusal(Rule.NOT_XLSX, "workbook.csv")
        raise refusal(Rule.NOT_XLSX, "workbook.not_xlsx")


def _open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """The zip, once its end record says it has a bounded number of members.

    zipfile builds one object per directory entry before anything can be counted, so the
    entry count and the directory's size are read from the end record first.
    """
    pos = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if pos < 0 or len(data) < pos + 22:
        raise refusal(Rule.CORRUPT_FILE, "workbook.corrupt_zip", "no end of central directory")
    entries = int.from_bytes(data[pos + 10 : pos + 12], "little")
    directory = int.from_bytes(data[pos + 12 : pos + 16], "little")
    if entries > limits.max_members or directory > limits.max_members * 1024:
        raise refusal(
            Rule.PART_TOO_LARGE,
            "workbook.too_many_parts",
            f"{entries} members",
            n=entries,
            limit=limits.max_members,
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _KEEP_EXCEPTIONS:
        raise
    except BaseException as exc:  # BadZipFile, struct errors, a damaged directory
        raise refusal(Rule.CORRUPT_FILE, "workbook.corrupt_zip", str(exc)[:200]) from exc
    if len(infos) > limits.max_members:
        raise refusal(
            Rule.PART_TOO_LARGE, "workbook.too_many_parts", n=len(infos), limit=limits.max_members
        )
    if not infos:
        raise refusal(Rule.NOT_WORKBOOK, "workbook.empty_zip", "0 members")
    return zf


def _is_macro_part(folded: str) -> bool:
    return folded.endswith(("vbaproject.bin", "vbaprojectsignature.bin")) or folded.startswith(
        "xl/macrosheets/"
    )


def _directory(zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Folded member name -> member, after the checks the directory alone allows."""
    parts: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        key = _fold(info.filename)
        if key in parts:  # calamine would silently take one of them
            raise refusal(
                Rule.DUPLICATE_PART, "workbook.duplicate_part", info.filename, part=info.filename
            )
        parts[key] = info
    if "mimetype" in parts or {"content.xml", "meta-inf/manifest.xml"} <= parts.keys():
        raise refusal(Rule.OTHER_FORMAT, "workbook.ods", "ods")
    if "xl/workbook.bin" in parts:
        raise refusal(Rule.OTHER_FORMAT, "workbook.xlsb", "xlsb")
    for key, info in parts.items():
        if info.flag_bits & 0x1:
            raise refusal(
                Rule.ENCRYPTED_FILE, "workbook.encrypted_part", info.filename, part=info.filename
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refusal(
                Rule.CORRUPT_FILE, "workbook.compression", info.filename, part=info.filename
            )
        if _is_macro_part(key):
            raise refusal(Rule.MACROS, "workbook.macros", info.filename, part=info.filename)
    for info in parts.values():
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_min_size and ratio > limits.max_ratio:
            raise _bomb(f"{info.filename}: {ratio:.0f}x")
        if info.file_size > limits.max_member:
            raise _part_too_large(info.filename, info.file_size, limits)
    declared = sum(i.file_size for i in parts.values())
    if declared > limits.max_uncompressed:
        raise refusal(
            Rule.PART_TOO_LARGE,
            "workbook.uncompressed_too_large",
            f"{declared} bytes",
            size=declared / MB,
            limit=limits.max_uncompressed // MB,
        )
    return parts


def _bomb(detail: str) -> WorkbookError:
    return refusal(Rule.ZIP_BOMB, "workbook.zip_bomb", detail, detail=detail)


def _part_too_large(part: str, size: int, limits: Limits) -> WorkbookError:
    return refusal(
        Rule.PART_TOO_LARGE,
        "workbook.part_too_large",
        part,
        part=part,
        size=size / MB,
        limit=limits.max_member // MB,
    )


class _Reader:
    """Expands members chunk by chunk, for real, against the bounds (the directory can lie)."""

    def __init__(self, zf: zipfile.ZipFile, limits: Limits) -> None:
        self.zf = zf
        self.limits = limits
        self.total = 0

    def chunks(
        self, info: zipfile.ZipInfo, *, count: bool = False, cap: int | None = None
    ) -> Iterator[bytes]:
        """The member's bytes; `count` adds them to the whole file's bound, `cap` is a
        tighter bound for this member (sharedStrings)."""
        limits = self.limits
        size = 0
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(xmlscan.CHUNK):
                    size += len(chunk)
                    if size > info.file_size:
                        raise _bomb(f"{info.filename}: > {info.file_size} bytes")
                    if size > limits.max_member:
                        raise _part_too_large(info.filename, size, limits)
                    if cap is not None and size > cap:
                        raise refusal(
                            Rule.PART_TOO_LARGE,
                            "workbook.shared_strings_too_large",
                            info.filename,
                            part=info.filename,
                            size=info.file_size / MB,
                            limit=cap // MB,
                        )
                    ratio = size / max(info.compress_size, 1)
                    if size > limits.ratio_min_size and ratio > limits.max_ratio:
                        raise _bomb(f"{info.filename}: {ratio:.0f}x")
                    if count:
                        self.total += len(chunk)
                        if self.total > limits.max_uncompressed:
                            raise _bomb(f"> {limits.max_uncompressed // MB} MB")
                    yield chunk
        except WorkbookError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise refusal(
                Rule.CORRUPT_FILE, "workbook.corrupt_part", str(exc)[:200], part=info.filename
            ) from exc
        except (RuntimeError, ValueError) as exc:  # "File is encrypted", a bad header
            raise refusal(
                Rule.CORRUPT_FILE, "workbook.corrupt_part", str(exc)[:200], part=info.filename
            ) from exc


# --------------------------------------------------------------------------------------------
# 2. The structure: which sheets there are, where, visible or not; which styles are dates
# --------------------------------------------------------------------------------------------
def _xml_refusal(exc: xmlscan.XmlProblem, part: str) -> WorkbookError:
    if exc.kind == "dtd":
        return refusal(Rule.UNSAFE_XML, "workbook.unsafe_xml", part, part=part)
    if exc.kind == "depth":
        return refusal(
            Rule.CORRUPT_FILE, "workbook.deep_xml", part, part=part, depth=STRUCTURE_DEPTH
        )
    return refusal(
        Rule.CORRUPT_FILE,
        "workbook.bad_xml",
        part,
        part=part,
        line=exc.line or 0,
        detail=exc.detail,
    )


def _walk(reader: _Reader, info: zipfile.ZipInfo, on_start, **kw: Any) -> None:
    try:
        xmlscan.walk(reader.chunks(info), on_start, max_depth=STRUCTURE_DEPTH, **kw)
    except xmlscan.XmlProblem as exc:
        raise _xml_refusal(exc, info.filename) from exc


def _structure_error(detail: str) -> WorkbookError:
    return refusal(Rule.CORRUPT_FILE, "workbook.bad_structure", detail, detail=detail)


def _local_attr(attrs: dict[str, str], local: str) -> str | None:
    """An attribute by local name whatever its prefix (r:id), as calamine matches `id`."""
    for key, value in attrs.items():
        if key == local or key.endswith(":" + local):
            return value
    return None


@dataclass
class _Structure:
    xl_path: str
    sheets: list[SheetEntry]
    date_styles: frozenset[int]


def _structure(parts: dict[str, zipfile.ZipInfo], reader: _Reader) -> _Structure:
    """The parts calamine reads before any sheet, read the way calamine reads them."""
    if (types := parts.get("[content_types].xml")) is not None:

        def content_type(name: str, attrs: dict[str, str], _depth: int) -> None:
            kind = attrs.get("ContentType", "").lower()
            if name in ("Default", "Override") and (
                "macroenabled" in kind or "vbaproject" in kind or "macrosheet" in kind
            ):
                part = attrs.get("PartName") or attrs.get("Extension") or kind
                raise refusal(Rule.MACROS, "workbook.macros", part, part=part)

        _walk(reader, types, content_type)
    if (package := parts.get("_rels/.rels")) is None:
        raise refusal(Rule.NOT_WORKBOOK, "workbook.not_workbook", part="_rels/.rels")
    targets: list[str] = []

    def package_rel(name: str, attrs: dict[str, str], _depth: int) -> None:
        if name == "Relationship" and attrs.get("Type", "").endswith(
            "/relationships/officeDocument"
        ):
            targets.append(attrs.get("Target", ""))

    _walk(reader, package, package_rel)
    target = targets[-1] if targets else ""
    cut = target.rfind("/")
    xl_path = target[: cut + 1].removeprefix("/") if cut >= 0 else ""
    workbook = parts.get(_fold(xl_path + "workbook.xml"))
    if not targets or workbook is None:
        expected = xl_path + "workbook.xml" if targets else "xl/workbook.xml"
        raise refusal(Rule.NOT_WORKBOOK, "workbook.not_workbook", part=expected)
    rels_name = xl_path + "_rels/workbook.xml.rels"
    if (rels_part := parts.get(_fold(rels_name))) is None:
        raise refusal(Rule.CORRUPT_FILE, "workbook.missing_part", rels_name, part=rels_name)
    rels: dict[str, tuple[str, str]] = {}

    def workbook_rel(name: str, attrs: dict[str, str], _depth: int) -> None:
        if name == "Relationship" and "Id" in attrs:
            rels[attrs["Id"]] = (attrs.get("Target", ""), attrs.get("Type", ""))

    _walk(reader, rels_part, workbook_rel)
    sheets: list[SheetEntry] = []

    def sheet(name: str, attrs: dict[str, str], _depth: int) -> None:
        if name != "sheet":
            return
        title = attrs.get("name", "")
        if any(s.title == title for s in sheets):  # calamine would read the first of them
            raise refusal(
                Rule.DUPLICATE_SHEET, "workbook.duplicate_sheet", title, sheet=title,
                titles=f"«{title}», «{title}»", model=_model_name(title) or title,
            )  # fmt: skip
        state = attrs.get("state", "visible")
        if state not in ("visible", "hidden", "veryHidden"):
            raise _structure_error(f"sheet «{title}» state «{state[:40]}»")
        rel = rels.get(_local_attr(attrs, "id") or "")
        if rel is None:
            raise _structure_error(f"sheet «{title}» has no relationship")
        target, kind = rel[0], rel[1].rsplit("/", 1)[-1]
        if "macrosheet" in kind.lower():
            raise refusal(Rule.MACROS, "workbook.macros", target, part=target)
        if kind not in ("worksheet", "chartsheet", "dialogsheet"):
            raise _structure_error(f"sheet «{title}» of type «{kind[:40]}»")
        part = target.removeprefix("/") if target.startswith("/") else xl_path + target
        sheets.append(SheetEntry(title, state, part, kind))

    _walk(reader, workbook, sheet)
    styles: frozenset[int] = frozenset()
    if (styles_part := parts.get(_fold(xl_path + "styles.xml"))) is not None:
        try:
            styles = xmlscan.date_styles(reader.chunks(styles_part))
        except xmlscan.XmlProblem as exc:
            raise _xml_refusal(exc, styles_part.filename) from exc
    return _Structure(xl_path, sheets, styles)


def _model_name(title: str) -> str | None:
    wanted = {norm_key(s.name): s.name for s in model.READ_SHEETS}
    wanted.update({norm_key(s.key): s.name for s in model.SHEETS})
    wanted.setdefault(norm_key("Objetivos PMM"), model.GCM.name)
    return wanted.get(norm_key(title))


def select_sheets(
    sheets: list[SheetEntry] | tuple[SheetEntry, ...],
) -> tuple[dict[str, str], list[Note]]:
    """model sheet name -> the title read for it, in workbook order, and the warnings.

    One visible sheet per model sheet is read; its hidden twins are not (a warning names
    them). Two visible candidates, or only hidden ones, are refused: either way what would be
    read is not what the person sees in Excel.
    """
    candidates: dict[str, list[SheetEntry]] = {}
    for entry in sheets:
        name = _model_name(entry.title) if entry.kind == "worksheet" else None
        if name is not None:
            candidates.setdefault(name, []).append(entry)
    selected: dict[str, str] = {}
    notes: list[Note] = []
    for name, entries in candidates.items():
        visible = [e for e in entries if e.state == "visible"]
        if len(visible) > 1:
            titles = ", ".join(f"«{e.title}»" for e in visible)
            raise refusal(
                Rule.DUPLICATE_SHEET, "workbook.duplicate_sheet", titles, sheet=name,
                titles=titles, model=name,
            )  # fmt: skip
        if not visible:
            hidden = entries[0]
            key = (
                "workbook.very_hidden_sheet"
                if hidden.state == "veryHidden"
                else ("workbook.hidden_sheet")
            )
            raise refusal(Rule.HIDDEN_SHEET, key, hidden.title, sheet=name, title=hidden.title)
        selected[name] = visible[0].title
        for e in entries:
            if e.state != "visible":
                es, en = _texts("workbook.ignored_sheet", title=e.title, visible=visible[0].title)
                notes.append(Note(Rule.IGNORED_SHEET, es, en, sheet=name, value=e.title))
    order = {e.title: i for i, e in enumerate(sheets)}
    return dict(sorted(selected.items(), key=lambda kv: order[kv[1]])), notes


# --------------------------------------------------------------------------------------------
# 3. Every member, expanded for real: DTDs, and the sheets to be read
# --------------------------------------------------------------------------------------------
def _scan_members(
    parts: dict[str, zipfile.ZipInfo],
    reader: _Reader,
    structure: _Structure,
    to_scan: dict[str, str],
) -> dict[str, xmlscan.SheetFacts]:
    """One streaming pass over every member; the facts of the sheets in `to_scan`."""
    facts: dict[str, xmlscan.SheetFacts] = {}
    shared = _fold(structure.xl_path + "sharedStrings.xml")
    for key, info in parts.items():
        dtd = xmlscan.DtdScan()
        prolog: xmlscan.PrologCheck | None = None
        scan = (
            xmlscan.SheetScan(structure.date_styles, reader.limits.max_rows)
            if key in to_scan
            else None
        )
        cap = reader.limits.max_shared_strings if key == shared else None
        first = True
        for chunk in reader.chunks(info, count=True, cap=cap):
            if first and xmlscan.looks_like_xml(chunk[:64]):
                prolog = xmlscan.PrologCheck()
            first = False
            dtd.feed(chunk)
            if prolog is not None:
                prolog.feed(chunk)
            if dtd.found or (prolog is not None and prolog.problem is not None):
                break
            if scan is not None:
                scan.feed(chunk)
        if prolog is not None and not prolog.done:
            prolog.feed(b"", final=True)
        if dtd.found:
            raise refusal(Rule.UNSAFE_XML, "workbook.unsafe_xml", info.filename, part=info.filename)
        if prolog is not None and prolog.problem is not None:
            raise _xml_refusal(prolog.problem, info.filename)
        if scan is not None:
            facts[to_scan[key]] = scan.close()
    return facts


def _cell_row(ref: str) -> int | None:
    digits = re.sub(r"\D", "", ref)
    return int(digits) if digits and len(digits) < 10 else None


def _judge_sheets(
    book_facts: dict[str, xmlscan.SheetFacts],
    selected: dict[str, str],
    parts: dict[str, zipfile.ZipInfo],
    sheets: dict[str, SheetEntry],
    reader: _Reader,
    styles: frozenset[int],
) -> dict[str, xmlscan.SheetFacts]:
    """Refuse a sheet to be read that is past Excel's grid or the limits, or holds a date
    cell no date can show; the exact passes run only where the fast bound is not enough."""
    limits = reader.limits
    out: dict[str, xmlscan.SheetFacts] = {}
    total = 0
    sizes: list[str] = []
    for title in selected.values():
        facts = book_facts[title]
        info = parts[_fold(sheets[title].part)]
        if not facts.standard:
            try:
                facts = xmlscan.expat_extents(reader.chunks(info), styles)
            except xmlscan.XmlProblem as exc:
                raise refusal(
                    Rule.UNREADABLE_SHEET, "workbook.nonstandard_sheet", info.filename,
                    sheet=title, detail=exc.detail,
                ) from exc  # fmt: skip
        elif (
            facts.max_row > limits.max_rows
            or facts.max_col > xmlscan.EXCEL_MAX_COLUMNS
            or total + facts.max_row * facts.max_col > limits.max_cells
        ):
            exact = xmlscan.exact_extents(reader.chunks(info), stop_row=limits.max_rows)
            exact.dimension, exact.bad_date = facts.dimension, facts.bad_date
            if not facts.complete and exact.max_row <= limits.max_rows:
                # the fast scan stopped at empty rows past the limit: check the dates it skipped
                full = xmlscan.SheetScan(styles)
                for chunk in reader.chunks(info):
                    full.feed(chunk)
                exact.bad_date = full.close().bad_date
            facts = exact
        if facts.max_row > xmlscan.EXCEL_MAX_ROWS or facts.max_col > xmlscan.EXCEL_MAX_COLUMNS:
            raise refusal(
                Rule.SHEET_TOO_LARGE, "workbook.sheet_beyond_grid", facts.corner, sheet=title,
                cell=facts.corner,
            )  # fmt: skip
        if facts.max_row > limits.max_rows:
            raise refusal(
                Rule.SHEET_TOO_LARGE, "workbook.too_many_rows", facts.corner, sheet=title,
                rows=facts.max_row, cell=facts.corner, limit=limits.max_rows,
            )  # fmt: skip
        if facts.bad_date is not None:
            cell, value = facts.bad_date
            raise refusal(
                Rule.BAD_DATE_CELL, "workbook.bad_date_cell", value[:40], sheet=title,
                row=_cell_row(cell), cell=cell, number=value[:40],
            )  # fmt: skip
        total += facts.max_row * facts.max_col
        sizes.append(f"«{title}» {facts.max_row} × {facts.max_col}")
        out[title] = facts
    if total > limits.max_cells:
        raise refusal(
            Rule.SHEET_TOO_LARGE, "workbook.too_many_cells", f"{total} cells", cells=total,
            detail=", ".join(sizes), limit=limits.max_cells,
        )  # fmt: skip
    return out


def check_container(data: bytes, limits: Limits) -> Book:
    """Every check that runs before a parser sees `data`; raises WorkbookError.

    Returns what was found: the sheets, the one read for each model sheet, the warnings.
    """
    _sniff(data, limits)
    zf = _open_zip(data, limits)
    parts = _directory(zf, limits)
    reader = _Reader(zf, limits)
    structure = _structure(parts, reader)
    selected, notes = select_sheets(structure.sheets)
    by_title = {s.title: s for s in structure.sheets}
    to_scan: dict[str, str] = {}
    for name, title in selected.items():
        key = _fold(by_title[title].part)
        if key not in parts:
            raise refusal(
                Rule.CORRUPT_FILE, "workbook.missing_part", by_title[title].part, sheet=name,
                part=by_title[title].part,
            )  # fmt: skip
        if key in to_scan:
            raise _structure_error(f"sheets «{to_scan[key]}» and «{title}» share one part")
        to_scan[key] = title
    facts = _scan_members(parts, reader, structure, to_scan)
    facts = _judge_sheets(facts, selected, parts, by_title, reader, structure.date_styles)
    return Book(
        sheets=tuple(structure.sheets),
        selected=selected,
        parts={k: i.filename for k, i in parts.items()},
        notes=tuple(notes),
        facts=facts,
        xl_path=structure.xl_path,
    )


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------
def guarded(call, *, sheet: str = ""):  # noqa: ANN001, ANN201 - any callable, its result
    """Run a call into calamine (or another dependency); any exception it raises, a Rust
    panic included (pyo3's PanicException is a BaseException), becomes a WorkbookError."""
    try:
        return call()
    except _KEEP_EXCEPTIONS:
        raise
    except WorkbookError:
        raise
    except python_calamine.PasswordError as exc:
        raise refusal(Rule.ENCRYPTED_FILE, "workbook.encrypted") from exc
    except BaseException as exc:
        detail = f"{type(exc).__name__}: {exc}"[:200]
        if sheet:
            raise refusal(
                Rule.UNREADABLE_SHEET, "workbook.unreadable_sheet", detail, sheet=sheet,
                detail=detail,
            ) from exc  # fmt: skip
        raise refusal(Rule.CORRUPT_FILE, "workbook.unreadable", detail, detail=detail) from exc


def read_raw(data: bytes, book: Book) -> dict[str, list[list]]:
    """The cells of each sheet chosen by `book`, from A1 (row i is Excel row i + 1)."""
    wb = guarded(lambda: python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)))
    try:
        return {
            title: guarded(
                lambda title=title: wb.get_sheet_by_name(title).to_python(skip_empty_area=False),
                sheet=title,
            )
            for title in book.selected.values()
        }
    finally:
        try:
            wb.close()
        except _KEEP_EXCEPTIONS:
            raise
        except BaseException:  # noqa: S110 - closing a workbook that failed to read
            pass


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


def extract_table(
    sheet: model.Sheet, title: str, rows: list[list], max_cell_chars: int | None = None
) -> SheetTable:
    """The sheet's data under model column names; fully empty rows are dropped.

    A text cell longer than `max_cell_chars` is an error naming it and read as empty: no
    matcher or normaliser ever sees it. Invisible characters in codes (zero width, BOM, bidi
    controls…) are removed with a warning naming them.
    """
    max_cell_chars = Limits().max_cell_chars if max_cell_chars is None else max_cell_chars
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
    longs: dict[str, np.ndarray] = {}
    invisibles: dict[str, np.ndarray] = {}
    notes: list[Note] = []
    keep = np.zeros(len(body), dtype=bool)
    for c in columns:
        j = found[c.header]
        col = arr[:, j] if j < width else np.full(len(body), "", dtype=object)
        # The displayed text of every cell, computed once per distinct value: it decides
        # which rows are empty and is reused by the loader for text columns.
        codes, uniques = pd.factorize(col, use_na_sentinel=False)
        uniques, too_long = _without_long(uniques, max_cell_chars)
        if too_long:
            long_cells = np.isin(codes, list(too_long))
            longs[c.name] = long_cells
            keep |= long_cells
            notes += _long_notes(sheet, c, too_long, codes, header_idx, max_cell_chars)
        uniques, cleaned = _without_controls(uniques)
        if cleaned:
            notes += _control_notes(sheet, c, cleaned, codes, header_idx)
        invisible: dict[int, str] = {}
        if KINDS[c.kind].invisible:
            uniques, invisible = _without_invisible(uniques)
            if invisible:
                notes += _cleaned_notes(sheet, c, invisible, codes, header_idx, uniques)
                named = np.array([invisible.get(i, "") for i in range(len(uniques))], dtype=object)
                invisibles[c.name] = named[codes]
        if too_long or cleaned or invisible:
            col = uniques[codes]
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
            **{LONG_PREFIX + k: pd.Series(v[keep], dtype=bool) for k, v in longs.items()},
            **{INVISIBLE_PREFIX + k: pd.Series(v[keep], dtype=str) for k, v in invisibles.items()},
            "row": rownums[keep],
        }
    )
    found_headers = tuple(c.header for c in columns)
    return SheetTable(sheet, title, header_idx + 1, missing, frame, found_headers, tuple(notes))


def _without_long(uniques: np.ndarray, limit: int) -> tuple[np.ndarray, dict[int, int]]:
    """The distinct values with texts longer than `limit` emptied, and {index: length}."""
    long = {i: len(u) for i, u in enumerate(uniques) if type(u) is str and len(u) > limit}
    if not long:
        return uniques, {}
    out = np.array(uniques, dtype=object)
    for i in long:
        out[i] = ""
    return out, long


def _long_notes(
    sheet: model.Sheet,
    column: model.Column,
    long: dict[int, int],
    codes: np.ndarray,
    header_idx: int,
    limit: int,
) -> list[Note]:
    """One error per cell too long (the issue log keeps Limits.max_issues and counts on)."""
    hit = np.flatnonzero(np.isin(codes, list(long)))
    notes = []
    for i in hit:
        length = long[int(codes[i])]
        es, en = _texts("rule.cell_too_long", length=length, limit=limit)
        notes.append(
            Note(
                Rule.CELL_TOO_LONG, es, en, sheet=sheet.name, row=header_idx + 2 + int(i),
                column=column.header, value=_fmt(length, "es"),
            )
        )  # fmt: skip
    return notes


def _without_invisible(uniques: np.ndarray) -> tuple[np.ndarray, dict[int, str]]:
    """The distinct texts without invisible characters, and {index: the characters, named}."""
    out = uniques
    found: dict[int, str] = {}
    for i, u in enumerate(uniques):
        if type(u) is str and (chars := invisible_characters(u)):
            if out is uniques:
                out = np.array(uniques, dtype=object)
            out[i] = without_invisible(u)
            found[i] = ", ".join(f"U+{ord(ch):04X}" for ch in chars)
    return out, found


def _cleaned_notes(
    sheet: model.Sheet,
    column: model.Column,
    cleaned: dict[int, str],
    codes: np.ndarray,
    header_idx: int,
    uniques: np.ndarray,
) -> list[Note]:
    """One warning per code cleaned of invisible characters, naming them (the first few of a
    column, then a count). Two codes made equal this way are then a duplicate_code error."""
    rule, key = Rule.INVISIBLE_CHARACTER, "rule.invisible_character"
    hit = np.flatnonzero(np.isin(codes, list(cleaned)))
    notes = []
    for i in hit[:CONTROL_NOTES_PER_COLUMN]:
        points = cleaned[int(codes[i])]
        kw = {"value": str(uniques[int(codes[i])])[:80]}
        es = t(key, "es", chars=char_names(points, "es"), **kw)
        en = t(key, "en", chars=char_names(points, "en"), **kw)
        notes.append(
            Note(
                rule, es, en, sheet=sheet.name, row=header_idx + 2 + int(i),
                column=column.header, value=points,
            )
        )  # fmt: skip
    if len(hit) > CONTROL_NOTES_PER_COLUMN:
        es, en = _texts(f"{key}.more", n=len(hit) - CONTROL_NOTES_PER_COLUMN)
        notes.append(Note(rule, es, en, sheet=sheet.name, column=column.header))
    return notes


def _without_controls(uniques: np.ndarray) -> tuple[np.ndarray, dict[int, str]]:
    """The distinct values with control characters removed, and {index: characters removed}.

    One regex search over all the distinct texts at once: the common case (none) costs a join.
    """
    texts = [u for u in uniques if type(u) is str]
    if not texts or not _CONTROL.search("\n".join(texts)):
        return uniques, {}
    out = np.array(uniques, dtype=object)
    cleaned: dict[int, str] = {}
    for i, u in enumerate(uniques):
        if type(u) is str and _CONTROL.search(u):
            found = sorted(set(_CONTROL.findall(u)))
            cleaned[i] = ", ".join(f"U+{ord(ch):04X}" for ch in found)
            out[i] = _CONTROL.sub("", u)
    return out, cleaned


def _control_notes(
    sheet: model.Sheet,
    column: model.Column,
    cleaned: dict[int, str],
    codes: np.ndarray,
    header_idx: int,
) -> list[Note]:
    """One warning per cleaned cell (the first few of a column, then how many more)."""
    hit = np.flatnonzero(np.isin(codes, list(cleaned)))
    notes = []
    for i in hit[:CONTROL_NOTES_PER_COLUMN]:
        es, en = _texts("workbook.control_character", chars=cleaned[int(codes[i])])
        notes.append(
            Note(
                Rule.CONTROL_CHARACTER, es, en, sheet=sheet.name, row=header_idx + 2 + int(i),
                column=column.header, value=cleaned[int(codes[i])],
            )
        )  # fmt: skip
    if len(hit) > CONTROL_NOTES_PER_COLUMN:
        es, en = _texts("workbook.control_character_more", n=len(hit) - CONTROL_NOTES_PER_COLUMN)
        notes.append(Note(Rule.CONTROL_CHARACTER, es, en, sheet=sheet.name, column=column.header))
    return notes


def match_sheets(titles: list[str]) -> dict[str, str]:
    """model sheet name -> the file's sheet title (tolerant of case, accents, spaces)."""
    wanted = {norm_key(s.name): s.name for s in model.READ_SHEETS}
    wanted.update({norm_key(s.key): s.name for s in model.SHEETS})
    wanted.setdefault(norm_key("Objetivos PMM"), model.GCM.name)
    out: dict[str, str] = {}
    for title in titles:
        name = wanted.get(norm_key(title))
        if name is not None and name not in out:
            out[name] = title
    return out


_REPORT_SUBJECT = re.compile(r"<dc:subject>planmonitor monthly report (\d{4}-\d{2})</dc:subject>")
_CORE_MAX_BYTES = 64 * 1024


def report_month(data: bytes) -> str | None:
    """ "YYYY-MM" when the file is a monthly report workbook planmonitor wrote, else None.

    The report marks itself in its document subject (output.export.REPORT_SUBJECT); its data
    sheets are then an ordinary upload (issue 11 §4). Never raises: any other file is None.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > _CORE_MAX_BYTES:
                return None
            with zf.open(info) as fh:
                core = fh.read(_CORE_MAX_BYTES).decode("utf-8", "replace")
    except Exception:  # not a zip, no properties: not a report
        return None
    match = _REPORT_SUBJECT.search(core)
    return match.group(1) if match else None


def read_tables(
    data: bytes, limits: Limits | None = None, log: IssueLog | None = None
) -> dict[str, SheetTable]:
    """Check the container, parse the chosen sheets, return them keyed by model name.

    Raises WorkbookError when the file is refused; the warnings found on the way (a hidden
    twin not read, control characters removed) go to `log` when one is given.
    """
    limits = limits or Limits()
    book = check_container(data, limits)
    raw = read_raw(data, book)
    tables = {
        name: extract_table(model.SHEETS_BY_NAME[name], title, raw[title], limits.max_cell_chars)
        for name, title in book.selected.items()
    }
    if log is not None:
        for note in book.notes:
            note.add_to(log)
        for table in tables.values():
            for note in table.notes:
                note.add_to(log)
    return tables


__all__ = [
    "report_month",
    "INVISIBLE_PREFIX",
    "LONG_PREFIX",
    "TEXT_PREFIX",
    "Book",
    "Limits",
    "Note",
    "SheetEntry",
    "SheetTable",
    "WorkbookError",
    "cell_text",
    "check_container",
    "empty_cells",
    "extract_table",
    "find_header",
    "guarded",
    "match_sheets",
    "read_raw",
    "read_source",
    "read_tables",
    "refusal",
    "select_sheets",
]
