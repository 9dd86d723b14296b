"""The hostile corpus of issue 12: workbooks built by code (zipfile + raw XML strings).

No binary fixture: every kind is a function that writes its bytes, most of them the small
valid plan of tests/factory.py (written as raw SpreadsheetML here, not by openpyxl, so that
one part or one tag can be bent) with one thing made hostile. `KINDS` is the table the tests
(tests/test_hostile_corpus.py) and the bench (bench/section_hostile.py) walk; adding a kind is
one `Kind(...)` entry.

`expect_rule` is the rule of the issue the file must produce (None: it is read, at most with
the `expect_warning` rule); `expect_where` is text the message must hold (the sheet, the
cell, the member). Exit codes follow from the rule unless given: a rule of FILE_RULES makes
`validate` exit 2, any other error 1; `import` refuses with 1. Every kind runs through the
upload path in-process; those with `cli` (the issue's list, one per code path) also through
`validate` and `import` in child processes, two CLI starts (about 1 s each) per kind.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import string
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape, quoteattr

from factory import valid_sheets

from planmonitor.reading.validate import FILE_RULES, Rule

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PASSWD = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
EPOCH = dt.datetime(1899, 12, 30)
# Style 1 is a date (built-in format 14), style 2 a custom date format, style 3 [h]:mm:ss.
STYLES = (
    f'{DECL}<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
    'formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="2">'
    '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
    '</fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/>'
    '</cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" '
    'applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="46" '
    'applyNumberFormat="1"/></cellXfs></styleSheet>'
)


# --------------------------------------------------------------------------------------------
# A raw SpreadsheetML writer
# --------------------------------------------------------------------------------------------
def column(n: int) -> str:
    """1 -> A, 16384 -> XFD."""
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell(ref: str, value: object) -> str:
    """One `<c>`: text inline, numbers as numbers, datetimes as date serials (style 1)."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        serial = (value - EPOCH).total_seconds() / 86400
        return f'<c r="{ref}" s="1"><v>{serial:g}</v></c>'
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(str(value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def rows_xml(rows: Sequence[Sequence[object]], first: int = 1) -> str:
    out = []
    for i, row in enumerate(rows, start=first):
        cells = "".join(cell(f"{column(j)}{i}", v) for j, v in enumerate(row, start=1))
        out.append(f'<row r="{i}">{cells}</row>')
    return "".join(out)


@dataclass
class Sheet:
    """A worksheet: its rows (from A1) or raw XML pieces around them."""

    title: str
    rows: list[list] = field(default_factory=list)
    state: str | None = None
    head: str = ""  # elements before <sheetData> (a <dimension>, say)
    extra: str = ""  # raw XML appended inside <sheetData>
    body: str | None = None  # the whole <sheetData>…</sheetData> instead of rows + extra
    prolog: str = DECL  # what comes before <worksheet>

    def xml(self) -> str:
        data = (
            self.body
            if self.body is not None
            else (f"<sheetData>{rows_xml(self.rows)}{self.extra}</sheetData>")
        )
        return (
            f'{self.prolog}<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{self.head}{data}</worksheet>'
        )


def base_sheets() -> list[Sheet]:
    """The valid plan of tests/factory.py, one Sheet per sheet."""
    return [Sheet(title, rows) for title, rows in valid_sheets().items()]


def with_sheet(title: str, **changes: object) -> list[Sheet]:
    """The base sheets with one of them changed (fields of Sheet)."""
    return [replace(s, **changes) if s.title == title else s for s in base_sheets()]


def build(
    sheets: Sequence[Sheet],
    *,
    members: dict[str, bytes | str | None] | None = None,
    content_types: str = "",
    styles: str | None = STYLES,
    duplicates: Sequence[tuple[str, bytes | str]] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The .xlsx bytes: `members` replace (None: drop) or add parts; `duplicates` are written
    a second time under an existing name; `content_types` goes into [Content_Types].xml."""
    parts: dict[str, bytes | str] = {}
    book = [f'{DECL}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>']
    rels = [f'{DECL}<Relationships xmlns="{PKG_REL}">']
    types = [
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{BOOK_TYPE}"/>'
    ]
    for i, sheet in enumerate(sheets, start=1):
        state = f' state="{sheet.state}"' if sheet.state else ""
        book.append(f'<sheet name={quoteattr(sheet.title)} sheetId="{i}"{state} r:id="rId{i}"/>')
        rels.append(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        )
        types.append(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
        )
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet.xml()
    if styles is not None:
        rels.append(f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>')
        parts["xl/styles.xml"] = styles
    book.append("</sheets></workbook>")
    rels.append("</Relationships>")
    types.append(content_types + "</Types>")
    base: dict[str, bytes | str] = {
        "[Content_Types].xml": "".join(types),
        "_rels/.rels": f'{DECL}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": "".join(book),
        "xl/_rels/workbook.xml.rels": "".join(rels),
        **parts,
    }
    for name, content in (members or {}).items():
        if content is None:
            base.pop(name, None)
        else:
            base[name] = content
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": wanted here
        for name, content in [*base.items(), *duplicates]:
            zf.writestr(name, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def valid() -> bytes:
    """The base plan, unchanged (what the test store is seeded with)."""
    return build(base_sheets())


# --------------------------------------------------------------------------------------------
# Builders of the hostile kinds
# --------------------------------------------------------------------------------------------
def far_cell(ref: str, row: int) -> bytes:
    """«Avances» with one more cell far away (2 KB file, a huge bounding box)."""
    return build(with_sheet("Avances", extra=f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>'))


def date_cell(value: str, style: int = 1) -> bytes:
    """The first report's date cell (A2 of «Avances») holding `value` under a date style."""
    rows = valid_sheets()["Avances"]
    rest = rows_xml(rows[2:], first=3)
    head = rows_xml(rows[:1])
    second = rows_xml([["", *rows[1][1:]]], first=2).replace(
        '<row r="2">', f'<row r="2"><c r="A2" s="{style}"><v>{value}</v></c>'
    )
    return build(with_sheet("Avances", body=f"<sheetData>{head}{second}{rest}</sheetData>"))


def with_member(name: str, content: bytes | str, sheets: list[Sheet] | None = None) -> bytes:
    return build(sheets or base_sheets(), members={name: content})


def doctype_in_workbook(prefix: str) -> bytes:
    """workbook.xml with `prefix` (a comment, a PI) before a DOCTYPE: a text scan stops there."""
    book = (
        f'<?xml version="1.0"?>{prefix}{PASSWD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        + "".join(
            f'<sheet name="{s.title}" sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(base_sheets(), start=1)
        )
        + "</sheets></workbook>"
    )
    return with_member("xl/workbook.xml", book)


def utf16_doctype(bom: bool, order: str) -> bytes:
    text = f'<?xml version="1.0" encoding="UTF-16"?>{PASSWD}<coreProperties>&e;</coreProperties>'
    data = text.encode(f"utf-16-{order}")
    if bom:
        data = ("\ufeff".encode(f"utf-16-{order}")) + data
    return with_member("docProps/core.xml", data)


def cdata_doctype() -> bytes:
    comment = f"<![CDATA[{PASSWD}]]>"
    return build(
        with_sheet(
            "Avances",
            extra=f'<row r="9"><c r="E9" t="inlineStr"><is><t>{comment}</t></is></c></row>',
        )
    )


def bom_doctype_sheet() -> bytes:
    sheets = with_sheet("Productos", prolog="\ufeff" + DECL + PASSWD)
    return build(sheets)


def entity_without_doctype() -> bytes:
    return build(with_sheet("Avances", head='<!-- <!ENTITY e SYSTEM "file:///etc/passwd"> -->'))


def visible_after_very_hidden() -> bytes:
    """A veryHidden «Avances» with other reports first, the visible «AVANCES» after it."""
    rows = valid_sheets()["Avances"]
    wrong = [rows[0], [dt.datetime(2024, 1, 1), "1.1.1-2", "Cancelado", 0, "oculto", "OIT", ""]]
    sheets = base_sheets()
    i = next(k for k, s in enumerate(sheets) if s.title == "Avances")
    sheets[i] = Sheet("AVANCES", rows)
    sheets.insert(0, Sheet("Avances", wrong, state="veryHidden"))
    return build(sheets)


def only_hidden(state: str) -> bytes:
    return build(with_sheet("Avances", state=state))


def twin_sheets(other: str) -> bytes:
    """Two visible sheets that read as the same model sheet (case, accents)."""
    sheets = base_sheets()
    first = next(s for s in sheets if s.title == "Agencias")
    return build([*sheets, Sheet(other, first.rows)])


def same_title_twice() -> bytes:
    sheets = base_sheets()
    return build([*sheets, Sheet("Avances", [["Fecha"]], state="hidden")])


def duplicate_member(name: str) -> bytes:
    """The zip holds «Avances» twice: the second with other reports (zip readers differ)."""
    wrong = Sheet("Avances", [valid_sheets()["Avances"][0], [dt.datetime(2024, 1, 1), "x"]])
    index = [s.title for s in base_sheets()].index("Avances") + 1
    return build(base_sheets(), duplicates=[(name.format(i=index), wrong.xml())])


def encrypted_member() -> bytes:
    """A zip member whose "encrypted" flag is set (as a zip tool with a password writes it)."""
    data = bytearray(valid())
    member = b"xl/styles.xml"
    # (signature, offset of the flags, of the name's length, of the name) in each header
    for signature, flags, length_at, name_at in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        pos = 0
        while (pos := data.find(signature, pos)) >= 0:
            length = int.from_bytes(data[pos + length_at : pos + length_at + 2], "little")
            if bytes(data[pos + name_at : pos + name_at + length]) == member:
                data[pos + flags] |= 0x1
            pos += 4
    return bytes(data)


def encrypted_workbook() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(valid())).encrypt("secreto", out)
    return out.getvalue()


def xlsb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", f"{DECL}<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00\x00")
    return out.getvalue()


def ods() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", f"{DECL}<office:document-content/>")
    return out.getvalue()


def zip_bomb() -> bytes:
    """200 MB of zeros in one member: a few hundred KB on disk."""
    return with_member("xl/media/image1.png", b"\x00" * (200 << 20))


def deep(levels: int) -> str:
    return "<x>" * levels + "</x>" * levels


def deep_styles() -> bytes:
    return build(
        base_sheets(), styles=f'{DECL}<styleSheet xmlns="{MAIN}">{deep(20_000)}</styleSheet>'
    )


def deep_cell() -> bytes:
    extra = f'<row r="9"><c r="B9">{deep(5_000)}</c></row>'
    return build(with_sheet("Avances", extra=extra))


def huge_shared_strings(size: int = 50 << 20) -> bytes:
    """A sharedStrings part of `size` bytes of words that compress about 8x: not a zip bomb,
    and 149 MB of it still fits the 20 MB upload (the issue's case)."""
    rng = random.Random(12)
    words = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9)))
             for _ in range(16)]  # fmt: skip
    items, total = [], 0
    while total < size:
        text = " ".join(rng.choices(words, k=40))
        items.append(f"<si><t>{text}</t></si>")
        total += len(items[-1])
    sst = f'{DECL}<sst xmlns="{MAIN}" count="{len(items)}" uniqueCount="{len(items)}">'
    return with_member("xl/sharedStrings.xml", sst + "".join(items) + "</sst>")


def many_rows(n: int) -> bytes:
    """«Avances» with `n` rows of one number each below the reports."""
    extra = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(5, n + 1))
    return build(with_sheet("Avances", extra=extra))


def many_columns() -> bytes:
    """«Avances» 100 rows deep with a cell in XFD2: 1.6 M cells in its bounding box."""
    extra = '<row r="100"><c r="A100"><v>1</v></c></row>'
    rows = valid_sheets()["Avances"]
    body = (
        rows_xml(rows[:1])
        + rows_xml(rows[1:2], 2).replace("</row>", '<c r="XFD2"><v>1</v></c></row>')
        + rows_xml(rows[2:], 3)
    )
    return build(with_sheet("Avances", body=f"<sheetData>{body}{extra}</sheetData>"))


def control(escape_code: str, title: str, row: int, col: int) -> bytes:
    """A text cell ending in an `_xHHHH_` escape (calamine decodes it to a control char)."""
    rows = valid_sheets()[title]
    rows[row - 1][col - 1] = f"{rows[row - 1][col - 1]}{escape_code}"
    return build(with_sheet(title, rows=rows))


def truncated() -> bytes:
    data = valid()
    return data[: len(data) // 2]


def empty_zip() -> bytes:
    out = io.BytesIO()
    zipfile.ZipFile(out, "w").close()
    return out.getvalue()


def many_members(n: int = 3_000) -> bytes:
    return build(base_sheets(), members={f"xl/media/p{i}.bin": b"x" for i in range(n)})


def lying_directory() -> bytes:
    """styles.xml said to expand to 10 bytes in the central directory."""
    data = bytearray(valid())
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"xl/styles.xml") + 1)
    data[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
    return bytes(data)


def bzip2_member() -> bytes:
    data = valid()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            kind = zipfile.ZIP_BZIP2 if info.filename == "xl/styles.xml" else zipfile.ZIP_DEFLATED
            dst.writestr(info.filename, src.read(info), compress_type=kind)
    return out.getvalue()


def missing_sheet_part() -> bytes:
    index = [s.title for s in base_sheets()].index("Avances") + 1
    return build(base_sheets(), members={f"xl/worksheets/sheet{index}.xml": None})


def shared_string_out_of_range() -> bytes:
    return build(with_sheet("Avances", extra='<row r="9"><c r="B9" t="s"><v>99</v></c></row>'))


def cells_without_r() -> bytes:
    """«Avances» written without any r attribute (legal: calamine counts the positions; an
    empty cell is an empty `<c/>` that still takes its column)."""
    rows = []
    for row in valid_sheets()["Avances"]:
        cells = [re.sub(r' r="[A-Z]+[0-9]+"', "", cell("A1", v)) or "<c/>" for v in row]
        rows.append(f"<row>{''.join(cells)}</row>")
    return build(with_sheet("Avances", body=f"<sheetData>{''.join(rows)}</sheetData>"))


def prefixed_far_cell() -> bytes:
    """A far cell behind a namespace prefix (calamine reads elements by local name)."""
    extra = f'<row r="1048576"><x:c xmlns:x="{MAIN}" r="XFD1048576"><x:v>1</x:v></x:c></row>'
    return build(with_sheet("Avances", extra=extra))


def r_not_first() -> bytes:
    return build(
        with_sheet("Avances", extra='<row r="1048576"><c s="0" r="XFD1048576"><v>1</v></c></row>')
    )


def attribute_on_v() -> bytes:
    extra = '<row r="9"><c r="A9" s="1"><v xml:space="preserve">-1e20</v></c></row>'
    return build(with_sheet("Avances", extra=extra))


def csv() -> bytes:
    return b"Fecha,Producto,Estado,Porcentaje\n2024-01-01,1.1.1-1,En curso,40\n"


def xls() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048


def long_token(size: int = 10 << 20) -> bytes:
    """A `size`-letter token after «OIM» in the first product's «Líderes» (C2... D2)."""
    rng = random.Random(3)  # random letters: a real token, not a zip bomb of one letter
    rows = valid_sheets()["Productos"]
    rows[1][3] = "OIM" + "".join(rng.choices(string.ascii_lowercase, k=size))
    return build(with_sheet("Productos", rows=rows))


def error_per_row(n: int = 100_000) -> bytes:
    """«Avances» with `n` more reports, each with a percentage that is not one."""
    rows = valid_sheets()["Avances"]
    bad = [dt.datetime(2023, 9, 30), "1.1.1-1", "En curso", "x"]
    return build(with_sheet("Avances", extra=rows_xml([bad] * n, first=len(rows) + 1)))


def date_text(value: object, column: int = 6) -> bytes:
    """The first product's «Inicio» (or another column of it) holding `value`."""
    rows = valid_sheets()["Productos"]
    rows[1][column - 1] = value
    return build(with_sheet("Productos", rows=rows))


def invisible_code(suffix: str) -> bytes:
    """The second product's code made the first's followed by an invisible character: two
    codes Excel shows alike, one once the character is removed."""
    rows = valid_sheets()["Productos"]
    rows[2][0] = f"{rows[1][0]}{suffix}"
    return build(with_sheet("Productos", rows=rows))


def invisible_reference(suffix: str) -> bytes:
    """The first report's product code followed by an invisible character."""
    rows = valid_sheets()["Avances"]
    rows[1][1] = f"{rows[1][1]}{suffix}"
    return build(with_sheet("Avances", rows=rows))


def macro_content_type() -> bytes:
    override = (
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.'
        'macroEnabled.main+xml"/>'
    )
    return build(base_sheets(), content_types=override)


# --------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Kind:
    name: str
    build: Callable[[], bytes]
    expect_rule: Rule | None  # None: read (warnings allowed)
    expect_where: str = ""
    expect_warning: Rule | None = None
    validate_exit: int | None = None  # None: from the rule
    import_exit: int | None = None
    big: bool = False  # seconds to build (the bench may reuse it)
    cli: bool = True  # also run through both CLI commands in a child process

    def exits(self) -> tuple[int, int]:
        """(validate, import) exit codes expected from the CLI."""
        if self.expect_rule is None:
            default = (0, 0)
        elif self.expect_rule in FILE_RULES:
            default = (2, 1)
        else:
            default = (1, 1)
        return (
            default[0] if self.validate_exit is None else self.validate_exit,
            default[1] if self.import_exit is None else self.import_exit,
        )


R = Rule
KINDS: tuple[Kind, ...] = (
    # extents: the dense read would ask for rows x columns of the bounding box
    Kind("cell_xfd1048576", lambda: far_cell("XFD1048576", 1_048_576), R.SHEET_TOO_LARGE,
         "XFD1048576"),
    Kind("cell_g99999999", lambda: far_cell("G99999999", 99_999_999), R.SHEET_TOO_LARGE,
         "G99999999"),
    Kind("dimension_lies_small", lambda: build(with_sheet(
        "Avances", head='<dimension ref="A1:B2"/>',
        extra='<row r="150000"><c r="C150000"><v>1</v></c></row>')), R.SHEET_TOO_LARGE,
         "G150000"),
    Kind("dimension_lies_large", lambda: build(with_sheet(
        "Avances", head='<dimension ref="A1:XFD1048576"/>')), None),
    Kind("many_rows", lambda: many_rows(120_001), R.SHEET_TOO_LARGE, "120.001"),
    Kind("many_columns", many_columns, R.SHEET_TOO_LARGE, "«Avances» 100 × 16384"),
    Kind("prefixed_far_cell", prefixed_far_cell, R.SHEET_TOO_LARGE, "XFD1048576", cli=False),
    Kind("r_not_first_far_cell", r_not_first, R.SHEET_TOO_LARGE, "XFD1048576", cli=False),
    Kind("cells_without_r", cells_without_r, None, cli=False),
    # dates calamine panics on (a BaseException) or Excel shows as ####
    Kind("date_minus_1e20", lambda: date_cell("-1e20"), R.BAD_DATE_CELL, "A2"),
    Kind("date_custom_format_1e20", lambda: date_cell("1e20", style=2), R.BAD_DATE_CELL, "A2",
         cli=False),
    Kind("duration_1e300", lambda: date_cell("1e300", style=3), R.BAD_DATE_CELL, "A2", cli=False),
    Kind("date_after_9999", lambda: date_cell("2958466"), R.BAD_DATE_CELL, "A2"),
    Kind("date_negative", lambda: date_cell("-5"), R.BAD_DATE_CELL, "A2", cli=False),
    Kind("date_attribute_on_v", attribute_on_v, R.BAD_DATE_CELL, "A9", cli=False),
    # DOCTYPE / ENTITY wherever they hide
    Kind("doctype_after_comment", lambda: doctype_in_workbook("<!-- <a -->"), R.UNSAFE_XML,
         "xl/workbook.xml"),
    Kind("doctype_after_pi", lambda: doctype_in_workbook("<?pm <b?>"), R.UNSAFE_XML,
         "xl/workbook.xml"),
    Kind("doctype_in_cdata", cdata_doctype, R.UNSAFE_XML, "xl/worksheets/"),
    Kind("doctype_utf16_bom", lambda: utf16_doctype(True, "le"), R.UNSAFE_XML,
         "docProps/core.xml"),
    Kind("doctype_utf16be_no_bom", lambda: utf16_doctype(False, "be"), R.UNSAFE_XML,
         "docProps/core.xml", cli=False),
    Kind("doctype_after_bom", bom_doctype_sheet, R.UNSAFE_XML, "xl/worksheets/"),
    Kind("doctype_in_bin_member", lambda: with_member("xl/x.bin", PASSWD), R.UNSAFE_XML,
         "xl/x.bin"),
    Kind("doctype_in_docprops", lambda: with_member(
        "docProps/app.xml", f'<?xml version="1.0"?>{PASSWD}<Properties>&e;</Properties>'),
         R.UNSAFE_XML, "docProps/app.xml"),
    Kind("entity_without_doctype", entity_without_doctype, R.UNSAFE_XML, "xl/worksheets/"),
    # macros: refused, never stored
    Kind("vba_project", lambda: with_member("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0macro"),
         R.MACROS, "xl/vbaProject.bin"),
    Kind("xlsm_content_type", macro_content_type, R.MACROS, "xl/workbook.xml"),
    Kind("xlm_macro_sheet", lambda: with_member("xl/macrosheets/sheet1.xml", "<xm/>"),
         R.MACROS, "xl/macrosheets/sheet1.xml", cli=False),
    # what is read is what Excel shows
    Kind("very_hidden_avances_first", visible_after_very_hidden, None, "Avances",
         expect_warning=R.IGNORED_SHEET),
    Kind("hidden_avances_only", lambda: only_hidden("hidden"), R.HIDDEN_SHEET, "Avances"),
    Kind("very_hidden_avances_only", lambda: only_hidden("veryHidden"), R.HIDDEN_SHEET,
         "Avances", cli=False),
    Kind("case_duplicate_sheets", lambda: twin_sheets("AGENCIAS"), R.DUPLICATE_SHEET,
         "AGENCIAS"),
    Kind("accent_duplicate_sheets", lambda: twin_sheets("Agéncias"), R.DUPLICATE_SHEET,
         "Agéncias", cli=False),
    Kind("same_title_twice", same_title_twice, R.DUPLICATE_SHEET, "Avances", cli=False),
    Kind("duplicate_zip_member", lambda: duplicate_member("xl/worksheets/sheet{i}.xml"),
         R.DUPLICATE_PART, "xl/worksheets/sheet"),
    Kind("case_duplicate_zip_member", lambda: duplicate_member("XL/Worksheets/Sheet{i}.xml"),
         R.DUPLICATE_PART, "XL/Worksheets/Sheet", cli=False),
    Kind("control_x001b", lambda: control("_x001B_", "Avances", 2, 5), None, "Comentario",
         expect_warning=R.CONTROL_CHARACTER),
    Kind("control_x0000", lambda: control("_x0000_", "Productos", 3, 3), None, "Nombre",
         expect_warning=R.CONTROL_CHARACTER),
    # other formats, each with its own message
    Kind("encrypted_workbook", encrypted_workbook, R.ENCRYPTED_FILE, "contraseña"),
    Kind("encrypted_zip_member", encrypted_member, R.ENCRYPTED_FILE, "xl/styles.xml"),
    Kind("xlsb", xlsb, R.OTHER_FORMAT, ".xlsb"),
    Kind("ods", ods, R.OTHER_FORMAT, ".ods"),
    Kind("xls", xls, R.OLD_XLS, ".xls"),
    Kind("csv", csv, R.NOT_XLSX, "CSV"),
    # the container
    Kind("zip_bomb", zip_bomb, R.ZIP_BOMB, "xl/media/image1.png", big=True),
    Kind("huge_shared_strings", huge_shared_strings, R.PART_TOO_LARGE,
         "xl/sharedStrings.xml", big=True),
    Kind("deep_nesting_styles", deep_styles, R.CORRUPT_FILE, "xl/styles.xml", cli=False),
    Kind("deep_nesting_cell", deep_cell, R.UNREADABLE_SHEET, "Avances"),
    Kind("truncated_zip", truncated, R.CORRUPT_FILE),
    Kind("empty_zip", empty_zip, R.NOT_WORKBOOK, "zip"),
    Kind("empty_file", lambda: b"", R.EMPTY_FILE, cli=False),
    Kind("many_members", many_members, R.PART_TOO_LARGE, "2.000", cli=False),
    Kind("lying_zip_directory", lying_directory, R.CORRUPT_FILE, "xl/styles.xml", cli=False),
    Kind("bzip2_member", bzip2_member, R.CORRUPT_FILE, "xl/styles.xml", cli=False),
    Kind("missing_sheet_part", missing_sheet_part, R.CORRUPT_FILE, "xl/worksheets/sheet",
         cli=False),
    Kind("shared_string_out_of_range", shared_string_out_of_range, R.UNREADABLE_SHEET,
         "Avances", cli=False),
    # work bounded before it starts: text per cell, issues per upload (Limits)
    Kind("token_10mb_in_lideres", long_token, R.CELL_TOO_LONG,
         "Hoja «Productos», fila 2, columna «Líderes»: la celda tiene 10.485.763 caracteres",
         big=True),
    Kind("error_in_100000_rows", error_per_row, R.BAD_PERCENT, "y 99.800 más", big=True),
    # dates no plan can hold: each a located error, never «error interno»
    Kind("date_9999_12_31", lambda: date_text(dt.datetime(9999, 12, 31)), R.BAD_DATE,
         "fila 2, columna «Inicio»: «9999-12-"),
    Kind("date_typo_3024", lambda: date_text("3024-05-10"), R.BAD_DATE,
         "columna «Inicio»: «3024-05-10»", cli=False),
    Kind("date_serial_zero", lambda: date_cell("0"), R.BAD_DATE, "fila 2, columna «Fecha»",
         cli=False),
    Kind("date_1900_01_00", lambda: date_text("1900-01-00", column=7), R.BAD_DATE,
         "columna «Fin»: «1900-01-00»", cli=False),
    Kind("date_year_0", lambda: date_text("0000-01-01"), R.BAD_DATE, "«0000-01-01»",
         cli=False),
    Kind("date_31_02_2024", lambda: date_text("31/02/2024"), R.BAD_DATE, "«31/02/2024»",
         cli=False),
    # invisible characters in codes: warned by name, refused when two codes become one
    Kind("zero_width_space_in_code", lambda: invisible_code("\u200b"), R.DUPLICATE_CODE,
         "U+200B espacio de ancho cero"),
    Kind("bom_in_code", lambda: invisible_code("\ufeff"), R.DUPLICATE_CODE,
         "U+FEFF marca de orden de bytes", cli=False),
    Kind("bidi_control_in_reference", lambda: invisible_reference("\u202e"), None,
         "U+202E forzado de derecha a izquierda", expect_warning=R.INVISIBLE_CHARACTER),
    Kind("soft_hyphen_and_nbsp_in_reference", lambda: invisible_reference("\u00ad\u00a0"),
         None, "U+00A0 espacio de no separación, U+00AD guion virtual",
         expect_warning=R.INVISIBLE_CHARACTER, cli=False),
)  # fmt: skip
KINDS_BY_NAME = {k.name: k for k in KINDS}
