"""The uploaded workbook with its issues marked, built by editing the zip's XML (issue 12).

openpyxl loads a whole workbook into Python objects before it can mark one cell: 9 s for the
network-scale plan, 70 s for a 149 MB sharedStrings part, and it parsed files no check had
seen. Here the upload passes reading/workbook.py's checks first (the same bounds as the
loader), then only what must change is rewritten, streaming:

- each marked sheet's rows that hold a marked cell get that cell's style swapped for a copy
  with a red (error) or yellow (warning) fill, and missing cells or rows are added;
- styles.xml gets the two fills and one copy of each style a marked cell had;
- each marked sheet gets a comments part and its legacy VML drawing (what Excel shows as
  notes), or the sheet's own comments and drawing get the new notes added;
- every other member is copied as it is. sharedStrings is never parsed.

Sheets that are not in the form Excel writes (`<c r="A1" ...>`, unprefixed) are not guessed
at: a ValueError says the workbook cannot be annotated (the issues table still lists all).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from xml.sax.saxutils import escape

import pandas as pd

from planmonitor import model
from planmonitor.reading import xmlscan
from planmonitor.reading.normalize import norm_key
from planmonitor.reading.workbook import (
    HEADER_SCAN_ROWS,
    Book,
    Limits,
    WorkbookError,
    check_container,
    find_header,
    guarded,
)

ERROR_RGB = "FFFFC7CE"
WARNING_RGB = "FFFFEB9C"
AUTHOR = "planmonitor"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
MAX_COMMENT = 30_000
# Elements that follow <legacyDrawing> in a worksheet (the schema's order).
_AFTER_LEGACY = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
                 "webPublishItems", "tableParts", "extLst")  # fmt: skip
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ROW = re.compile(rb"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
_ROW_R = re.compile(rb'\sr="([0-9]+)"')
_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"([^>]*?)(/>|>.*?</c>)', re.S)
_STYLE = re.compile(rb'\ss="([0-9]*)"')
_SPANS = re.compile(rb'\sspans="[^"]*"')


class _Unsupported(ValueError):
    """The workbook cannot be annotated (not the form Excel writes)."""


def _xml_text(text: str) -> str:
    return escape(_XML_INVALID.sub("", text))


@dataclass
class _Mark:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_error(self) -> bool:
        return bool(self.errors)

    def text(self) -> str:
        lines = [f"Error: {m}" for m in self.errors] + [f"Advertencia: {m}" for m in self.warnings]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Where each issue goes
# --------------------------------------------------------------------------------------------
def _first_sheet(book: Book) -> str:
    worksheets = [s for s in book.sheets if s.kind == "worksheet"]
    if not worksheets:
        raise _Unsupported("no worksheet to annotate")
    visible = [s for s in worksheets if s.state == "visible"]
    return (visible or worksheets)[0].title


def _headers(data: bytes, book: Book) -> dict[str, tuple[int, dict[str, int]]]:
    """title -> (header row, normalised model header -> column), for the sheets read.

    Only sheets the checks scanned are handed to calamine; the header is found exactly as
    the loader finds it.
    """
    import python_calamine

    wb = guarded(lambda: python_calamine.CalamineWorkbook.from_filelike(BytesIO(data)))
    out: dict[str, tuple[int, dict[str, int]]] = {}
    try:
        for name, title in book.selected.items():
            rows = guarded(
                lambda title=title: wb.get_sheet_by_name(title).to_python(
                    skip_empty_area=False, nrows=HEADER_SCAN_ROWS
                ),
                sheet=title,
            )
            index, found = find_header(rows, model.SHEETS_BY_NAME[name])
            header_row = index + 1 if index is not None else 1
            out[title] = (header_row, {norm_key(h): j + 1 for h, j in found.items()})
    finally:
        wb.close()
    return out


def _marks(
    data: bytes, book: Book, issues: pd.DataFrame
) -> dict[str, dict[tuple[int, int], _Mark]]:
    """title -> {(row, column): the messages}, as the old openpyxl version placed them:
    issues without a row on the column's header, without a column on the row's first cell,
    without a sheet on A1 of the first sheet."""
    headers = _headers(data, book)
    first = _first_sheet(book)
    titles = {s.title for s in book.sheets if s.kind == "worksheet"}
    marks: dict[str, dict[tuple[int, int], _Mark]] = defaultdict(lambda: defaultdict(_Mark))
    for issue in issues.to_dict("records"):
        name = str(issue.get("sheet") or "")
        title = book.selected.get(name) or (name if name in titles else first)
        header_row, cols = headers.get(title, (1, {}))
        if title not in headers:  # a sheet the loader did not read: its first cell
            row_n, col = 1, 1
        else:
            row = issue.get("row")
            row_n = int(row) if row is not None and not pd.isna(row) else header_row
            col_key = norm_key(str(issue.get("column") or ""))
            col = cols.get(col_key, 1) if col_key else 1
        mark = marks[title][(row_n, col)]
        message = str(issue.get("message") or "")
        if issue.get("severity", model.Severity.ERROR.value) == model.Severity.WARNING.value:
            mark.warnings.append(message)
        else:
            mark.errors.append(message)
    return marks


# --------------------------------------------------------------------------------------------
# styles.xml: two fills and a copy of each marked cell's style
# --------------------------------------------------------------------------------------------
class _Styles:
    def __init__(self, xml: bytes) -> None:
        self.xml = xml
        fills = re.search(rb"<fills\b([^>]*)>(.*?)</fills>", xml, re.S)
        xfs = re.search(rb"<cellXfs\b([^>]*)>(.*?)</cellXfs>", xml, re.S)
        if fills is None or xfs is None or fills.end() > xfs.start():
            raise _Unsupported("styles.xml without <fills> before <cellXfs>")
        self._fills = fills
        self._xfs = xfs
        self.n_fills = len(re.findall(rb"<fill[\s>/]", fills[2]))
        self.xf_list = re.findall(rb"<xf\b[^>]*?(?:/>|>.*?</xf>)", xfs[2], re.S)
        self.added: dict[tuple[int, bool], int] = {}

    def style(self, old: int, is_error: bool) -> int:
        """The index of old style `old` with the error (or warning) fill."""
        key = (old if 0 <= old < len(self.xf_list) else 0, is_error)
        if key not in self.added:
            self.added[key] = len(self.xf_list) + len(self.added)
        return self.added[key]

    def result(self) -> bytes:
        fills = b"".join(
            b'<fill><patternFill patternType="solid"><fgColor rgb="%s"/><bgColor indexed="64"/>'
            b"</patternFill></fill>" % rgb.encode()
            for rgb in (ERROR_RGB, WARNING_RGB)
        )
        clones = []
        for (old, is_error), _index in sorted(self.added.items(), key=lambda kv: kv[1]):
            fill = self.n_fills if is_error else self.n_fills + 1
            clones.append(_with_fill(self.xf_list[old] if self.xf_list else b"<xf/>", fill))
        xml = self.xml
        x_end = self._xfs.end(2)
        xml = xml[:x_end] + b"".join(clones) + xml[x_end:]
        xml = (
            xml[: self._xfs.start(1)]
            + _count(self._xfs[1], len(self.xf_list) + len(clones))
            + (xml[self._xfs.end(1) :])
        )
        f_end = self._fills.end(2)
        xml = xml[:f_end] + fills + xml[f_end:]
        return (
            xml[: self._fills.start(1)]
            + _count(self._fills[1], self.n_fills + 2)
            + (xml[self._fills.end(1) :])
        )


def _count(attrs: bytes, n: int) -> bytes:
    if re.search(rb'\scount="[0-9]*"', attrs):
        return re.sub(rb'\scount="[0-9]*"', b' count="%d"' % n, attrs)
    return attrs + b' count="%d"' % n


def _with_fill(xf: bytes, fill: int) -> bytes:
    head_end = xf.find(b">")
    head = xf[:head_end]
    closing = head.endswith(b"/")
    if closing:
        head = head[:-1]
    head = re.sub(rb'\s(?:fillId|applyFill)="[^"]*"', b"", head)
    head += b' fillId="%d" applyFill="1"' % fill
    return head + (b"/" if closing else b"") + xf[head_end:]


# --------------------------------------------------------------------------------------------
# A marked sheet, streamed
# --------------------------------------------------------------------------------------------
def _col_number(letters: bytes) -> int:
    return xmlscan.column_number(letters)


def _empty_cell(row: int, col: int, style: int) -> bytes:
    return b'<c r="%s%d" s="%d"/>' % (xmlscan.column_letters(col).encode(), row, style)


def _rewrite_row(row_xml: bytes, row: int, cols: dict[int, _Mark], styles: _Styles) -> bytes:
    head_end = row_xml.find(b">")
    head = _SPANS.sub(b"", row_xml[: head_end + 1])
    if head.endswith(b"/>"):
        head, inner = head[:-2] + b">", b""
    else:
        inner = row_xml[head_end + 1 : -len(b"</row>")]
    pending = dict(sorted(cols.items()))
    out: list[bytes] = []
    pos = 0
    for m in _CELL.finditer(inner):
        gap = inner[pos : m.start()]
        if b"<c" in gap:
            raise _Unsupported("a cell not written as <c r=...>")
        col = _col_number(m[1])
        for c in [c for c in pending if c < col]:
            out.append(_empty_cell(row, c, styles.style(0, pending.pop(c).is_error)))
        out.append(gap)
        if col in pending:
            old = _STYLE.search(m[3])
            style = styles.style(int(old[1] or 0) if old else 0, pending.pop(col).is_error)
            attrs = _STYLE.sub(b"", m[3]) + b' s="%d"' % style
            out.append(b'<c r="%s%s"%s%s' % (m[1], m[2], attrs, m[4]))
        else:
            out.append(m[0])
        pos = m.end()
    out.append(inner[pos:])
    if b"<c" in inner[pos:]:
        raise _Unsupported("a cell not written as <c r=...>")
    for c, mark in pending.items():
        out.append(_empty_cell(row, c, styles.style(0, mark.is_error)))
    return head + b"".join(out) + b"</row>"


def _new_row(row: int, cols: dict[int, _Mark], styles: _Styles) -> bytes:
    cells = b"".join(
        _empty_cell(row, c, styles.style(0, mark.is_error)) for c, mark in sorted(cols.items())
    )
    return b'<row r="%d">%s</row>' % (row, cells)


def _legacy_tag(rel_id: str) -> bytes:
    return b'<legacyDrawing xmlns:r="%s" r:id="%s"/>' % (REL_NS.encode(), rel_id.encode())


def _rewrite_sheet(
    chunks: Iterator[bytes],
    marks: dict[tuple[int, int], _Mark],
    styles: _Styles,
    legacy_id: str | None,
) -> Iterator[bytes]:
    """The sheet's XML with the marked cells restyled (and rows added), and a <legacyDrawing>
    pointing at `legacy_id` when the sheet had none."""
    by_row: dict[int, dict[int, _Mark]] = defaultdict(dict)
    for (r, c), mark in marks.items():
        by_row[r][c] = mark
    todo = sorted(by_row)
    phase = "head"
    buf = b""
    tail = b""

    def flush_until(limit: int | None) -> bytes:
        out = []
        while todo and (limit is None or todo[0] < limit):
            r = todo.pop(0)
            out.append(_new_row(r, by_row[r], styles))
        return b"".join(out)

    def rows(region: bytes) -> bytes:
        out, pos = [], 0
        for m in _ROW.finditer(region):
            r_attr = _ROW_R.search(m[0][: m[0].find(b">")])
            if r_attr is None:
                raise _Unsupported("a row without r")
            r = int(r_attr[1])
            out.append(region[pos : m.start()])
            out.append(flush_until(r))
            if todo and todo[0] == r:
                todo.pop(0)
                out.append(_rewrite_row(m[0], r, by_row[r], styles))
            else:
                out.append(m[0])
            pos = m.end()
        out.append(region[pos:])
        return b"".join(out)

    for chunk in chunks:
        buf += chunk
        if phase == "head":
            m = re.search(rb"<sheetData\s*(/?)>", buf)
            if m is None:
                if re.search(rb"<[\w.\-]+:sheetData", buf):
                    raise _Unsupported("a prefixed <sheetData>")
                continue
            if m[1]:  # <sheetData/>: nothing but our rows
                yield buf[: m.start()] + b"<sheetData>" + flush_until(None) + b"</sheetData>"
                buf, phase = buf[m.end() :], "tail"
            else:
                yield buf[: m.end()]
                buf, phase = buf[m.end() :], "rows"
        if phase == "rows":
            end = buf.find(b"</sheetData>")
            if end >= 0:
                yield rows(buf[:end]) + flush_until(None)
                buf, phase = buf[end:], "tail"
            else:
                cut = buf.rfind(b"<row")
                if cut > 0:
                    yield rows(buf[:cut])
                    buf = buf[cut:]
        if phase == "tail":
            tail += buf
            buf = b""
    if phase != "tail":
        raise _Unsupported("no </sheetData>")
    if legacy_id is not None:
        if re.search(rb"<legacyDrawing[\s/>]", tail):
            raise _Unsupported("a <legacyDrawing> without comments")
        at = len(tail) - len(b"</worksheet>")
        for name in _AFTER_LEGACY:
            if (m := re.search(rb"<%s[\s/>]" % name.encode(), tail)) is not None:
                at = min(at, m.start())
        if tail.rfind(b"</worksheet>") < 0:
            raise _Unsupported("no </worksheet>")
        tail = tail[:at] + _legacy_tag(legacy_id) + tail[at:]
    yield tail


# --------------------------------------------------------------------------------------------
# Comments and their VML shapes
# --------------------------------------------------------------------------------------------
def _comment(ref: str, author: int, text: str) -> str:
    return (
        f'<comment ref="{ref}" authorId="{author}"><text><r><t xml:space="preserve">'
        f"{_xml_text(text[:MAX_COMMENT])}</t></r></text></comment>"
    )


def _comments_part(marks: dict[tuple[int, int], _Mark]) -> bytes:
    body = "".join(
        _comment(f"{xmlscan.column_letters(c)}{r}", 0, mark.text())
        for (r, c), mark in sorted(marks.items())
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<comments xmlns="{MAIN_NS}"><authors><author>{AUTHOR}</author></authors>'
        f"<commentList>{body}</commentList></comments>"
    ).encode()


_SHAPETYPE = (
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
)


def _shapes(marks: dict[tuple[int, int], _Mark], first_id: int) -> str:
    out = []
    for k, ((r, c), mark) in enumerate(sorted(marks.items())):
        height = min(40 + 40 * (len(mark.errors) + len(mark.warnings)), 600)
        out.append(
            f'<v:shape id="_x0000_s{first_id + k}" type="#_x0000_t202" style="position:absolute;'
            f"margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:{height * 3 // 4}pt;"
            'z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
            '<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/>'
            '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note">'
            "<x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill>"
            f"<x:Row>{r - 1}</x:Row><x:Column>{c - 1}</x:Column></x:ClientData></v:shape>"
        )
    return "".join(out)


def _vml_part(marks: dict[tuple[int, int], _Mark], index: int) -> bytes:
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:'
        'office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
        f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{index}"/></o:shapelayout>'
        f"{_SHAPETYPE}{_shapes(marks, 1024 * index + 1)}</xml>"
    ).encode()


def _merge_comments(xml: bytes, marks: dict[tuple[int, int], _Mark]) -> bytes:
    """A sheet's own comments part with the new notes (appended to a cell's existing one)."""
    authors = re.search(rb"<authors\s*>(.*?)</authors>", xml, re.S)
    end_list = xml.rfind(b"</commentList>")
    if authors is None or end_list < 0:
        raise _Unsupported("a comments part without <authors> or <commentList>")
    author = len(re.findall(rb"<author[\s>]", authors[1]))
    new = []
    for (r, c), mark in sorted(marks.items()):
        ref = f"{xmlscan.column_letters(c)}{r}".encode()
        existing = re.search(rb'<comment ref="%s"[^>]*>.*?(</text>)' % ref, xml, re.S)
        run = f'<r><t xml:space="preserve">\n{_xml_text(mark.text()[:MAX_COMMENT])}</t></r>'
        if existing is not None:
            at = existing.start(1)
            xml = xml[:at] + run.encode() + xml[at:]
            end_list = xml.rfind(b"</commentList>")
        else:
            new.append(_comment(ref.decode(), author, mark.text()))
    at = authors.end(1)
    xml = xml[:at] + f"<author>{AUTHOR}</author>".encode() + xml[at:]
    end_list = xml.rfind(b"</commentList>")
    return xml[:end_list] + "".join(new).encode() + xml[end_list:]


def _merge_vml(
    xml: bytes, marks: dict[tuple[int, int], _Mark], known: set[tuple[int, int]]
) -> bytes:
    end = xml.rfind(b"</xml>")
    if end < 0:
        raise _Unsupported("a VML drawing without </xml>")
    fresh = {k: v for k, v in marks.items() if k not in known}
    shapetype = b"" if b"_x0000_t202" in xml else _SHAPETYPE.encode()
    return xml[:end] + shapetype + _shapes(fresh, 30_000).encode() + xml[end:]


# --------------------------------------------------------------------------------------------
# The package: rels, content types, the new zip
# --------------------------------------------------------------------------------------------
def _rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _relationships(xml: bytes) -> list[dict[str, str]]:
    return [
        {k.decode(): v.decode() for k, v in re.findall(rb'\s(\w+)="([^"]*)"', m)}
        for m in re.findall(rb"<Relationship\b[^>]*>", xml)
    ]


def _add_rels(xml: bytes | None, rels: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f'<Relationship Id="{i}" Type="{REL_NS}/{kind}" Target="{target}"/>'
        for i, kind, target in rels
    ).encode()
    if xml is None:
        return (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            + PKG_REL_NS.encode()
            + b'">'
            + items
            + b"</Relationships>"
        )
    end = xml.rfind(b"</Relationships>")
    if end < 0:
        raise _Unsupported("a rels part without </Relationships>")
    return xml[:end] + items + xml[end:]


def _free_id(used: set[str], base: str) -> str:
    n = 1
    while f"{base}{n}" in used:
        n += 1
    used.add(f"{base}{n}")
    return f"{base}{n}"


def _free_name(names: set[str], pattern: str) -> str:
    n = 1
    while pattern.format(n=n).lower() in names:
        n += 1
    names.add(pattern.format(n=n).lower())
    return pattern.format(n=n)


def _stream(zf: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    with zf.open(name) as fh:
        while chunk := fh.read(xmlscan.CHUNK):
            yield chunk


def annotate(data: bytes, issues: pd.DataFrame, limits: Limits | None = None) -> bytes:
    """The workbook with every issue's cell filled and commented; raises ValueError when the
    file is refused by the checks or is not in the form Excel writes."""
    limits = limits or Limits()
    try:
        book = check_container(data, limits)
        marks = _marks(data, book, issues)
    except WorkbookError as exc:
        raise ValueError(f"the workbook cannot be annotated: {exc.message_en}") from exc
    zf = zipfile.ZipFile(BytesIO(data))
    names = {n.lower() for n in zf.namelist()}
    actual = {n.lower(): n for n in zf.namelist()}
    styles_name = actual.get((book.xl_path + "styles.xml").lower())
    if styles_name is None:
        raise _Unsupported("no styles.xml")
    styles = _Styles(zf.read(styles_name))
    changed: dict[str, bytes] = {}
    sheets_out: dict[str, Iterator[bytes]] = {}
    overrides: list[str] = []
    for index, (title, sheet_marks) in enumerate(sorted(marks.items()), start=1):
        part = actual.get(book.part_of(title).lower())
        if part is None:
            raise _Unsupported(f"sheet «{title}» has no part")
        rels_name = _rels_path(part)
        rels_xml = zf.read(actual[rels_name.lower()]) if rels_name.lower() in actual else None
        rels = _relationships(rels_xml or b"")
        kinds = {r.get("Type", "").rsplit("/", 1)[-1]: r for r in rels}
        legacy_id = None
        if "comments" in kinds and "vmlDrawing" in kinds:
            comments_name = actual.get(_resolve(part, kinds["comments"]["Target"]).lower())
            vml_name = actual.get(_resolve(part, kinds["vmlDrawing"]["Target"]).lower())
            if comments_name is None or vml_name is None:
                raise _Unsupported("a comments relationship to a missing part")
            own = zf.read(comments_name)
            known = {
                (int(digits), xmlscan.column_number(letters))
                for letters, digits in re.findall(rb'<comment ref="([A-Z]+)([0-9]+)"', own)
            }
            changed[comments_name] = _merge_comments(own, sheet_marks)
            changed[vml_name] = _merge_vml(zf.read(vml_name), sheet_marks, known)
        elif "comments" in kinds or "vmlDrawing" in kinds:
            raise _Unsupported("comments without their drawing (or the reverse)")
        else:
            used = {r.get("Id", "") for r in rels}
            comments_name = _free_name(names, "xl/comments_pm{n}.xml")
            vml_name = _free_name(names, "xl/drawings/vmlDrawing_pm{n}.vml")
            comments_id, legacy_id = _free_id(used, "rIdPmC"), _free_id(used, "rIdPmV")
            changed[comments_name] = _comments_part(sheet_marks)
            changed[vml_name] = _vml_part(sheet_marks, 100 + index)
            rel = posixpath.relpath
            folder = posixpath.dirname(part)
            changed[rels_name] = _add_rels(
                rels_xml,
                [
                    (comments_id, "comments", rel(comments_name, folder)),
                    (legacy_id, "vmlDrawing", rel(vml_name, folder)),
                ],
            )
            overrides.append(comments_name)
        sheets_out[part] = _rewrite_sheet(_stream(zf, part), sheet_marks, styles, legacy_id)
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in zf.infolist():
            name = info.filename
            if name in changed or name == styles_name:
                continue
            if name == "[Content_Types].xml":
                dst.writestr(name, _content_types(zf.read(name), overrides))
                continue
            target = zipfile.ZipInfo(name, info.date_time)
            target.compress_type = zipfile.ZIP_DEFLATED
            pieces = sheets_out[name] if name in sheets_out else _stream(zf, name)
            with dst.open(target, "w", force_zip64=True) as fh:
                for piece in pieces:
                    fh.write(piece)
        dst.writestr(styles_name, styles.result())
        for name, content in changed.items():
            dst.writestr(name, content)
    return out.getvalue()


def _content_types(xml: bytes, overrides: list[str]) -> bytes:
    end = xml.rfind(b"</Types>")
    if end < 0:
        raise _Unsupported("[Content_Types].xml without </Types>")
    add = "".join(
        f'<Override PartName="/{name}" ContentType="{COMMENTS_TYPE}"/>' for name in overrides
    )
    if overrides and not re.search(rb'Extension="vml"', xml, re.I):
        add = f'<Default Extension="vml" ContentType="{VML_TYPE}"/>' + add
    return xml[:end] + add.encode() + xml[end:]
