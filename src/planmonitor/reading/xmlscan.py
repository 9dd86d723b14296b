"""Streaming scanners over the parts of an xlsx: the facts that reading/workbook.py judges.

Nothing here decides what is refused or says anything to the user; each scanner reads a part
chunk by chunk (never the whole part at once) and reports what it saw: a DTD token, where a
part's root element starts, the largest cell a worksheet really holds, a date-formatted cell
whose number no date can show. The worksheet scanner mirrors how python-calamine (calamine
0.37, quick-xml) places cells, because calamine's dense read of a sheet allocates
rows x columns of its bounding box before anything can be checked.
"""

from __future__ import annotations

import math
import re
import xml.parsers.expat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

CHUNK = 1 << 20
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384  # XFD
# Excel's dates (1900 system) run from serial 0 to 2958465.99999 (9999-12-31); a date- or
# time-formatted number outside shows as #### in Excel, and calamine panics past ~1e11.
EXCEL_MAX_SERIAL = 2_958_466.0


# --------------------------------------------------------------------------------------------
# DTD tokens, in any encoding a part may use
# --------------------------------------------------------------------------------------------
def _dtd_pattern() -> re.Pattern[bytes]:
    """`<!DOCTYPE` / `<!ENTITY` (any case) as UTF-8/ASCII, UTF-16 and UTF-32 (LE and BE)."""
    alternatives = []
    for width, order in ((1, "big"), (2, "little"), (2, "big"), (4, "little"), (4, "big")):
        for word in ("<!DOCTYPE", "<!ENTITY"):
            parts = []
            for ch in word:
                forms = {ch.upper(), ch.lower()}
                encoded = [ord(f).to_bytes(width, order) for f in sorted(forms)]
                parts.append(b"(?:" + b"|".join(re.escape(e) for e in encoded) + b")")
            alternatives.append(b"".join(parts))
    return re.compile(b"|".join(alternatives))


_DTD = _dtd_pattern()
_DTD_OVERLAP = 4 * len("<!DOCTYPE")
# "<!" in each encoding: memmem finds these fast; the regex runs only where one is present.
_BANG = tuple("<!".encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


class DtdScan:
    """Finds a DTD token anywhere in a part: comments, CDATA and PIs included, any name."""

    def __init__(self) -> None:
        self.found = False
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        if self.found:
            return
        buf = self._tail + chunk
        # "!" is one byte in every encoding's "<!" (memchr: fast); then the exact tokens
        if b"!" in buf and any(bang in buf for bang in _BANG) and _DTD.search(buf):
            self.found = True
        self._tail = buf[-_DTD_OVERLAP:]


def looks_like_xml(head: bytes) -> bool:
    """A part whose first bytes are XML (UTF-8 with or without BOM, UTF-16 either order)."""
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if head[:2] in (b"<\x00", b"\x00<"):
        return True
    return head.lstrip(b" \t\r\n")[:1] == b"<"


class XmlProblem(Exception):
    """What expat found: `kind` is "dtd", "syntax" or "depth"; `line` where (1-based)."""

    def __init__(self, kind: str, detail: str, line: int | None = None) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.line = line


class _Stop(Exception):
    """Raised from a handler to end a parse early (not an error)."""


def _refusing_parser() -> xml.parsers.expat.XMLParserType:
    """An expat parser for which any DTD, entity or notation declaration is an error."""
    parser = xml.parsers.expat.ParserCreate()

    def dtd(*_args: object) -> None:
        raise XmlProblem("dtd", "DOCTYPE/ENTITY declaration", parser.CurrentLineNumber)

    parser.StartDoctypeDeclHandler = dtd
    parser.EntityDeclHandler = dtd
    parser.UnparsedEntityDeclHandler = dtd
    parser.NotationDeclHandler = dtd
    parser.ExternalEntityRefHandler = dtd
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


class PrologCheck:
    """expat over a part until its root element starts: a DTD can only be declared before.

    Comments, processing instructions, BOMs and UTF-16 are read as XML, not as text. The body
    is not judged here (Excel's own VML is not always well-formed); DtdScan covers it.
    """

    def __init__(self) -> None:
        self.done = False
        self.problem: XmlProblem | None = None
        self._parser = _refusing_parser()

        def root(_name: str, _attrs: dict) -> None:
            raise _Stop

        self._parser.StartElementHandler = root

    def feed(self, chunk: bytes, final: bool = False) -> None:
        if self.done:
            return
        try:
            self._parser.Parse(chunk, final)
        except _Stop:
            self.done = True
        except XmlProblem as exc:
            self.done, self.problem = True, exc
        except xml.parsers.expat.ExpatError as exc:
            self.done = True
            self.problem = XmlProblem("syntax", xml.parsers.expat.ErrorString(exc.code), exc.lineno)
        if final and not self.done:
            self.done = True
            self.problem = XmlProblem("syntax", "no root element")


def walk(
    chunks: Iterable[bytes],
    on_start: Callable[[str, dict[str, str], int], None],
    *,
    on_end: Callable[[str], None] | None = None,
    on_text: Callable[[str], None] | None = None,
    max_depth: int = 256,
) -> None:
    """Parse a whole (structural) part with expat; raises XmlProblem on a DTD, bad XML or
    nesting deeper than `max_depth`. Element names are given without their prefix."""
    parser = _refusing_parser()
    parser.buffer_text = True
    depth = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > max_depth:
            raise XmlProblem("depth", f"nesting deeper than {max_depth}", parser.CurrentLineNumber)
        on_start(name.rpartition(":")[2], attrs, depth)

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1
        if on_end is not None:
            on_end(name.rpartition(":")[2])

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    if on_text is not None:
        parser.CharacterDataHandler = on_text
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except xml.parsers.expat.ExpatError as exc:
        raise XmlProblem("syntax", xml.parsers.expat.ErrorString(exc.code), exc.lineno) from exc


# --------------------------------------------------------------------------------------------
# Number formats: which styles make calamine turn a number into a date or a duration
# --------------------------------------------------------------------------------------------
_BUILTIN_DATE_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})


def is_date_format(code: str) -> bool:
    """calamine's detect_custom_number_format: does this format code show a date or time?"""
    escaped = is_quote = ap = False
    brackets = 0
    prev = " "
    hms = False
    for ch in code:
        if escaped:
            escaped = False
        elif ch in "_\\*":
            escaped = True
        elif is_quote:
            if ch == '"':
                is_quote = False
        elif ch == '"':
            is_quote = True
        elif ch == ";":
            return False
        elif ch == "[":
            brackets += 1
        elif ch == "]" and brackets == 1 and hms:
            return True
        elif ch == "]":
            brackets = max(brackets - 1, 0)
        elif ch in "aA" and not ap and brackets == 0:
            ap = True
        elif ch in "pmPM/" and ap and brackets == 0:
            return True
        elif ch in "dmhysDMHYS" and not ap and brackets == 0:
            return True
        elif not (hms and ch.lower() == prev.lower()):
            hms = prev == "[" and ch in "mhsMHS"
        prev = ch
    return False


def date_styles(chunks: Iterable[bytes]) -> frozenset[int]:
    """Indexes of styles.xml's cellXfs that calamine reads as dates or durations."""
    custom: dict[str, str] = {}
    xfs: list[str | None] = []
    inside = {"numFmts": False, "cellXfs": False}

    def start(name: str, attrs: dict[str, str], _depth: int) -> None:
        if name in inside:
            inside[name] = True
        elif name == "numFmt" and inside["numFmts"]:
            if "numFmtId" in attrs and "formatCode" in attrs:
                custom[attrs["numFmtId"]] = attrs["formatCode"]
        elif name == "xf" and inside["cellXfs"]:
            xfs.append(attrs.get("numFmtId"))

    def end(name: str) -> None:
        if name in inside:
            inside[name] = False

    walk(chunks, start, on_end=end)
    out = set()
    for i, fmt_id in enumerate(xfs):
        if fmt_id is None:
            continue
        if fmt_id in custom:
            if is_date_format(custom[fmt_id]):
                out.add(i)
        elif fmt_id.isdigit() and int(fmt_id) in _BUILTIN_DATE_IDS:
            out.add(i)
    return frozenset(out)


def bad_serial(text: str) -> bool:
    """True when a date-formatted cell's number is no date Excel can show."""
    try:
        value = float(text)
    except ValueError:
        return False  # calamine keeps text it cannot parse as a number: no date, no panic
    return not math.isfinite(value) or value < 0 or value >= EXCEL_MAX_SERIAL


# --------------------------------------------------------------------------------------------
# Worksheet extents
# --------------------------------------------------------------------------------------------
def column_number(letters: str | bytes) -> int:
    """ "A" -> 1, "XFD" -> 16384 (any case, as calamine reads them)."""
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    """1 -> "A", 16384 -> "XFD"."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _greater_digits(n: int) -> bytes:
    """A regex for decimal numbers (no leading zeros) greater than `n`."""
    s = str(n).encode()
    alts = [rb"[1-9][0-9]{%d,}" % len(s)]
    for i, d in enumerate(s):
        if d < ord("9"):
            rest = len(s) - i - 1
            alts.append(s[:i] + b"[%c-9]" % (d + 1) + (rb"[0-9]{%d}" % rest if rest else b""))
    return b"(?:" + b"|".join(alts) + b")"


def _greater_letters(n: int) -> bytes:
    """A regex for column letters (upper case; the caller adds (?i)) after column `n`."""
    if n <= 0:
        return rb"[A-Z]+"
    s = column_letters(n).encode()
    alts = [rb"[A-Z]{%d,}" % (len(s) + 1)]
    for i, c in enumerate(s):
        if c < ord("Z"):
            rest = len(s) - i - 1
            alts.append(s[:i] + b"[%c-Z]" % (c + 1) + (rb"[A-Z]{%d}" % rest if rest else b""))
    return b"(?:" + b"|".join(alts) + b")"


def _outside(max_row: int, max_col: int) -> re.Pattern[bytes]:
    """Cell references past (max_row, max_col): letters and digits captured."""
    return re.compile(
        rb'<c r="(?=(?i:%s)[0-9]|[A-Za-z]*0*%s")([A-Za-z]*)([0-9]*)"'
        % (_greater_letters(max_col), _greater_digits(max_row))
    )


_ROW_TAG = re.compile(rb'<row r="([0-9]{1,12})"')
# Cells written otherwise than `<c r="...`: r not first, no r, odd spacing.
_NONSTD_CELL = re.compile(rb'<c(?! r=")[\s>/]')
# A <v> with attributes or self-closing: calamine reads it, the fast value check would not.
_ODD_V = re.compile(rb"<v[\s/]")
# A namespace prefix on an element calamine reads by its local name.
_PREFIX_HINT = re.compile(rb":(?:c|v|row|is|f|sheetData|dimension)[\s/>]")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.\-]*:(?:c|v|row|is|f|sheetData|dimension)[\s/>]")
_STD_CELL = b'<c r="'
_DIMENSION = re.compile(rb"<dimension\s+ref\s*=\s*[\"']([^\"'<>]{0,64})[\"']")
# A <v> that is not a plain small non-negative number: the only values that can be a bad date.
_ODD_VALUE = re.compile(rb"<v>(?![0-9]{1,6}(?:\.[0-9]+)?(?:[eE]-[0-9]{1,3})?</v>)([^<]{0,64})")
_ATTR = re.compile(rb"""\s([\w:.\-]+)\s*=\s*(["'])(.*?)\2""", re.S)
# Exact pass: every standard cell with its self-closing tail (empty cells hold no value).
_EXACT = re.compile(rb'<c r="([A-Za-z]*)([0-9]*)"((?:\s+[\w:.\-]+\s*=\s*"[^"<>/]*")*\s*/>)?')
_CARRY_MAX = 4 * CHUNK


@dataclass
class SheetFacts:
    """What one worksheet part holds, as calamine would see it.

    `max_row`/`max_col` (1-based) bound the cells calamine keeps (`corner` names that cell);
    `standard` is False when a cell is written in a way the fast scan does not follow (then
    workbook.py runs the exact expat pass).
    """

    max_row: int = 0
    max_col: int = 0
    dimension: str | None = None
    standard: bool = True
    bad_date: tuple[str, str] | None = None  # (cell, value)
    complete: bool = True  # False: the fast scan stopped past the row limit

    @property
    def corner(self) -> str:
        """The bottom-right cell of what the sheet holds, e.g. "XFD1048576"."""
        return f"{column_letters(max(self.max_col, 1))}{max(self.max_row, 1)}"

    def grow(self, refs: list[tuple[bytes, bytes]]) -> None:
        """Widen to cover these (letters, digits) references (one pass over distinct ones)."""
        if not refs:
            return
        letters, digits = zip(*refs, strict=True)
        cols = (column_number(x) for x in set(letters) if x)
        self.max_col = max(self.max_col, max(cols, default=0))
        self.max_row = max(self.max_row, max((int(d) for d in set(digits) if d), default=0))


def _cell_attrs(buf: bytes, pos: int) -> dict[bytes, bytes] | None:
    """The attributes of the standard cell tag that encloses position `pos`."""
    start = buf.rfind(_STD_CELL, 0, pos)
    if start < 0:
        return None
    end = buf.find(b">", start)
    if end < 0 or end > pos:
        return None
    return {m[1]: m[3] for m in _ATTR.finditer(buf, start + 2, end)}


def _date_cell(attrs: dict[bytes, bytes] | None, styles: frozenset[int]) -> bool:
    """Would calamine read this cell as a date (unknown tag: assume it would)?"""
    if attrs is None:
        return True
    if attrs.get(b"t", b"n") != b"n" or b"s" not in attrs:
        return False
    style = attrs[b"s"]
    return (int(style) if style.isdigit() else 0) in styles


class SheetScan:
    """The fast pass over a worksheet part: an upper bound of its cells' extent.

    Excel, LibreOffice and openpyxl write every cell as `<c r="A1" ...>`; a cell tag in
    another form (r not first, no r, a namespace prefix) marks the sheet non-standard. The
    bound is kept without collecting every reference: each buffer's largest `<row r>` is the
    hypothesis and one regex finds the cells beyond it; the result may only be too large (an
    empty formatted row at the end), never too small.
    """

    def __init__(self, styles: frozenset[int], stop_row: int | None = None) -> None:
        self.facts = SheetFacts()
        self._styles = styles
        self._stop_row = stop_row  # past it the sheet is refused anyway: stop scanning
        self._carry = b""
        self._head = True

    @property
    def stopped(self) -> bool:
        return self._stop_row is not None and self.facts.max_row > self._stop_row

    def feed(self, chunk: bytes) -> None:
        if self.stopped:
            return
        buf = self._carry + chunk
        cut = buf.rfind(_STD_CELL)
        if cut <= 0:
            cut = buf.rfind(b"<")
        if cut <= 0:
            cut = len(buf) if len(buf) > _CARRY_MAX else 0
        if cut == 0:
            self._carry = buf
            return
        if len(buf) - cut > _CARRY_MAX:
            cut = len(buf)
        self._scan(buf[:cut])
        self._carry = buf[cut:]

    def close(self) -> SheetFacts:
        if self._carry and not self.stopped:
            self._scan(self._carry)
            self._carry = b""
        self.facts.complete = not self.stopped
        return self.facts

    def _scan(self, buf: bytes) -> None:
        facts = self.facts
        if self._head:
            if m := _DIMENSION.search(buf):
                facts.dimension = m[1].decode("ascii", "replace")
            if b"sheetData" in buf:
                self._head = False
        if not facts.standard:
            return
        if (
            _NONSTD_CELL.search(buf)
            or _ODD_V.search(buf)
            or (_PREFIX_HINT.search(buf) and _PREFIXED.search(buf))
        ):
            facts.standard = False
            return
        rows = _ROW_TAG.findall(buf)
        hyp_row = max(facts.max_row, max(map(int, rows), default=0))
        facts.grow(_outside(hyp_row, facts.max_col).findall(buf))
        if _STD_CELL in buf:
            facts.max_row = max(facts.max_row, hyp_row)
        if facts.bad_date is None and self._styles:
            for m in _ODD_VALUE.finditer(buf):
                value = m[1].decode("utf-8", "replace")
                if bad_serial(value) and _date_cell(_cell_attrs(buf, m.start()), self._styles):
                    attrs = _cell_attrs(buf, m.start()) or {}
                    facts.bad_date = (attrs.get(b"r", b"?").decode("ascii", "replace"), value)
                    break


def exact_extents(chunks: Iterable[bytes], stop_row: int | None = None) -> SheetFacts:
    """The second pass for a standard sheet whose bound is past the limits: the extent of the
    cells that hold something (a self-closing `<c r="Z9" s="1"/>` holds nothing). With
    `stop_row` it ends at the first buffer holding a cell past that row (enough to refuse)."""
    facts = SheetFacts()
    carry = b""

    def grow(matches: list[tuple[bytes, bytes, bytes]]) -> None:
        facts.grow([(letters, digits) for letters, digits, empty in matches if not empty])

    for chunk in chunks:
        buf = carry + chunk
        cut = buf.rfind(_STD_CELL)
        if cut <= 0 or len(buf) - cut > _CARRY_MAX:
            cut = len(buf)
        grow(_EXACT.findall(buf, 0, cut))
        carry = buf[cut:]
        if stop_row is not None and facts.max_row > stop_row:
            return facts
    grow(_EXACT.findall(carry))
    return facts


@dataclass
class _Cursor:
    """calamine's XlsxCellReader position: rows without r count on, cells without r too."""

    row: int = 0
    col: int = 0
    cell: dict[str, str] | None = None
    has_value: bool = False
    in_v: bool = False
    text: list[str] = field(default_factory=list)


def expat_extents(chunks: Iterable[bytes], styles: frozenset[int]) -> SheetFacts:
    """The exact pass for a non-standard sheet, placing cells as calamine does.

    Raises XmlProblem when expat cannot parse the part (quick-xml is more lenient; such a
    sheet is refused rather than guessed at).
    """
    facts = SheetFacts(standard=False)
    cur = _Cursor()
    in_data = False

    def ref_parts(ref: str) -> tuple[str, str]:
        m = re.fullmatch(r"([A-Za-z]*)([0-9]*)", ref)
        return (m[1], m[2]) if m else ("", "")

    def start(name: str, attrs: dict[str, str], _depth: int) -> None:
        nonlocal in_data
        if name == "dimension" and not in_data and "ref" in attrs:
            facts.dimension = attrs["ref"][:64]
        elif name == "sheetData":
            in_data = True
        elif not in_data:
            return
        elif name == "row" and "r" in attrs:
            _, digits = ref_parts(attrs["r"])
            cur.row = int(digits) - 1 if digits else cur.row
        elif name == "c":
            if "r" in attrs:
                letters, digits = ref_parts(attrs["r"])
                cur.col = column_number(letters) - 1 if letters else cur.col
                row = int(digits) - 1 if digits else cur.row
            else:
                row = cur.row
            cur.cell = {"ref": column_letters(cur.col + 1) + str(row + 1), "row": str(row)}
            cur.cell.update({k: v for k, v in attrs.items() if k in ("s", "t")})
            cur.has_value = False
        elif cur.cell is not None and name in ("v", "is", "f"):
            cur.has_value = cur.has_value or name != "f"
            if name == "v":
                cur.in_v, cur.text = True, []

    def text(data: str) -> None:
        if cur.in_v:
            cur.text.append(data)

    def end(name: str) -> None:
        nonlocal in_data
        if name == "sheetData":
            in_data = False
        elif not in_data:
            return
        elif name == "row":
            cur.row += 1
            cur.col = 0
        elif name == "v" and cur.cell is not None:
            cur.in_v = False
            value = "".join(cur.text)
            cell = cur.cell
            is_date = cell.get("t", "n") == "n" and "s" in cell
            style = int(cell["s"]) if is_date and cell["s"].isdigit() else 0
            if facts.bad_date is None and is_date and style in styles and bad_serial(value):
                facts.bad_date = (cell["ref"], value)
        elif name == "c" and cur.cell is not None:
            if cur.has_value:
                row = int(cur.cell["row"]) + 1
                col = cur.col + 1
                facts.max_row = max(facts.max_row, row)
                facts.max_col = max(facts.max_col, col)
            cur.col += 1
            cur.cell = None

    walk(chunks, start, on_end=end, on_text=text, max_depth=64)
    return facts
