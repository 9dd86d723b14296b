"""Strings of reading/workbook.py: why a file is refused before it is read, and what was
cleaned while reading it (issue 12). Numbers arrive formatted for each language."""

from __future__ import annotations

_SAVE_ES = "Ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)»."
_SAVE_EN = "Open it in Excel and save it as «Excel Workbook (.xlsx)»."
_AGAIN_ES = "Vuelva a guardarlo en Excel."
_AGAIN_EN = "Save it again in Excel."

STRINGS: dict[str, dict[str, str]] = {
    # ---- the file as a whole --------------------------------------------------------------
    "workbook.not_found": {
        "es": "no se encontró el archivo «{path}».",
        "en": "file «{path}» not found.",
    },
    "workbook.empty": {"es": "el archivo está vacío.", "en": "the file is empty."},
    "workbook.too_large": {
        "es": "el archivo pesa {size} MB; el máximo es {limit} MB.",
        "en": "the file is {size} MB; the limit is {limit} MB.",
    },
    "workbook.encrypted": {
        "es": "el libro está protegido con contraseña. Guárdelo sin contraseña "
        "(Archivo > Información > Proteger libro) y vuelva a subirlo.",
        "en": "the workbook is password-protected. Save it without a password and upload it again.",
    },
    "workbook.encrypted_part": {
        "es": "el componente «{part}» del libro está cifrado dentro del zip. " + _SAVE_ES,
        "en": "part «{part}» of the workbook is encrypted inside the zip. " + _SAVE_EN,
    },
    "workbook.old_xls": {
        "es": "es un libro de Excel 97-2003 (.xls). " + _SAVE_ES,
        "en": "this is an Excel 97-2003 workbook (.xls). " + _SAVE_EN,
    },
    "workbook.csv": {
        "es": "es un archivo de texto CSV (valores separados por comas), no un libro de Excel. "
        + _SAVE_ES,
        "en": "this is a CSV text file (comma-separated values), not an Excel workbook. "
        + _SAVE_EN,
    },
    "workbook.not_xlsx": {
        "es": "no es un libro de Excel (.xlsx).",
        "en": "this is not an Excel workbook (.xlsx).",
    },
    "workbook.xlsb": {
        "es": "es un libro binario de Excel (.xlsb). " + _SAVE_ES,
        "en": "this is an Excel binary workbook (.xlsb). " + _SAVE_EN,
    },
    "workbook.ods": {
        "es": "es una hoja de cálculo OpenDocument (.ods, LibreOffice). Ábrala en LibreOffice "
        "o Excel y guárdela como «Libro de Excel (.xlsx)».",
        "en": "this is an OpenDocument spreadsheet (.ods, LibreOffice). Open it in LibreOffice "
        "or Excel and save it as «Excel Workbook (.xlsx)».",
    },
    "workbook.macros": {
        "es": "el libro contiene macros («{part}»); por seguridad no se aceptan ni se guardan. "
        "Guárdelo como «Libro de Excel (.xlsx)» (sin macros) y vuelva a subirlo.",
        "en": "the workbook holds macros («{part}»); for safety they are neither accepted nor "
        "stored. Save it as «Excel Workbook (.xlsx)» (no macros) and upload it again.",
    },
    # ---- the zip container ----------------------------------------------------------------
    "workbook.corrupt_zip": {
        "es": "el archivo .xlsx está dañado (no se puede abrir el zip). " + _AGAIN_ES,
        "en": "the .xlsx file is damaged (its zip cannot be opened). " + _AGAIN_EN,
    },
    "workbook.empty_zip": {
        "es": "el archivo es un zip vacío, no un libro de Excel (.xlsx).",
        "en": "the file is an empty zip, not an Excel workbook (.xlsx).",
    },
    "workbook.not_workbook": {
        "es": "el archivo es un zip pero no un libro de Excel (.xlsx) (no tiene «{part}»).",
        "en": "the file is a zip but not an Excel workbook (.xlsx) (no «{part}»).",
    },
    "workbook.too_many_parts": {
        "es": "el zip tiene {n} componentes; un libro de Excel tiene muchos menos "
        "(máximo {limit}).",
        "en": "the zip holds {n} parts; an Excel workbook has far fewer (limit {limit}).",
    },
    "workbook.duplicate_part": {
        "es": "el zip tiene dos componentes con el mismo nombre («{part}»): cada programa leería "
        "uno distinto. " + _AGAIN_ES,
        "en": "the zip holds two parts with the same name («{part}»): each program would read "
        "a different one. " + _AGAIN_EN,
    },
    "workbook.compression": {
        "es": "el componente «{part}» usa una compresión que Excel no usa. " + _AGAIN_ES,
        "en": "part «{part}» uses a compression Excel does not use. " + _AGAIN_EN,
    },
    "workbook.corrupt_part": {
        "es": "el archivo .xlsx está dañado (el componente «{part}» no se puede "
        "descomprimir). " + _AGAIN_ES,
        "en": "the .xlsx file is damaged (part «{part}» cannot be decompressed). " + _AGAIN_EN,
    },
    "workbook.zip_bomb": {
        "es": "el contenido comprimido del archivo se expande de forma anómala ({detail}; "
        "posible bomba zip); no se procesa.",
        "en": "the file's compressed content expands abnormally ({detail}; possible zip "
        "bomb); not processed.",
    },
    "workbook.uncompressed_too_large": {
        "es": "el libro ocupa {size} MB descomprimido; el máximo es {limit} MB.",
        "en": "the workbook expands to {size} MB; the limit is {limit} MB.",
    },
    "workbook.part_too_large": {
        "es": "el componente «{part}» ocupa {size} MB descomprimido; el máximo es {limit} MB.",
        "en": "part «{part}» expands to {size} MB; the limit is {limit} MB.",
    },
    "workbook.shared_strings_too_large": {
        "es": "los textos del libro («{part}») ocupan {size} MB descomprimidos; el máximo es "
        "{limit} MB. Quite las hojas o los textos que no son parte del plan.",
        "en": "the workbook's texts («{part}») expand to {size} MB; the limit is {limit} MB. "
        "Remove the sheets or texts that are not part of the plan.",
    },
    # ---- the XML inside -------------------------------------------------------------------
    "workbook.unsafe_xml": {
        "es": "el componente «{part}» contiene declaraciones DOCTYPE/ENTITY, que un libro de "
        "Excel normal no tiene; no se procesa ni se guarda por seguridad.",
        "en": "part «{part}» holds DOCTYPE/ENTITY declarations, which a normal Excel workbook "
        "does not have; neither processed nor stored, for safety.",
    },
    "workbook.bad_xml": {
        "es": "el componente «{part}» no es XML válido (línea {line}: {detail}). " + _AGAIN_ES,
        "en": "part «{part}» is not valid XML (line {line}: {detail}). " + _AGAIN_EN,
    },
    "workbook.deep_xml": {
        "es": "el componente «{part}» anida elementos a más de {depth} niveles, algo que un "
        "libro de Excel no hace; no se procesa.",
        "en": "part «{part}» nests elements more than {depth} levels deep, which an Excel "
        "workbook does not do; not processed.",
    },
    "workbook.missing_part": {
        "es": "falta el componente «{part}» del libro. " + _AGAIN_ES,
        "en": "the workbook's part «{part}» is missing. " + _AGAIN_EN,
    },
    "workbook.bad_structure": {
        "es": "la estructura del libro no es la de Excel ({detail}). " + _AGAIN_ES,
        "en": "the workbook's structure is not Excel's ({detail}). " + _AGAIN_EN,
    },
    # ---- the sheets -----------------------------------------------------------------------
    "workbook.hidden_sheet": {
        "es": "la hoja «{title}» está oculta en Excel: lo que se leería no es lo que se ve. "
        "Muéstrela (clic derecho en una pestaña > Mostrar) o bórrela, y vuelva a subir el libro.",
        "en": "sheet «{title}» is hidden in Excel: what would be read is not what is shown. "
        "Unhide it (right-click a tab > Unhide) or delete it, and upload the workbook again.",
    },
    "workbook.very_hidden_sheet": {
        "es": "la hoja «{title}» está «muy oculta» (veryHidden): Excel no la muestra ni en "
        "«Mostrar». Hágala visible desde el editor de Visual Basic (propiedad Visible) o "
        "copie las hojas visibles a un libro nuevo, y vuelva a subirlo.",
        "en": "sheet «{title}» is «very hidden» (veryHidden): Excel does not list it even under "
        "«Unhide». Make it visible from the Visual Basic editor (Visible property) or copy "
        "the visible sheets to a new workbook, and upload that.",
    },
    "workbook.duplicate_sheet": {
        "es": "las hojas {titles} se leerían todas como «{model}» (difieren solo en "
        "mayúsculas, tildes o espacios). Deje solo una y vuelva a subir el libro.",
        "en": "sheets {titles} would all be read as «{model}» (they differ only in case, "
        "accents or spaces). Keep only one and upload the workbook again.",
    },
    "workbook.ignored_sheet": {
        "es": "la hoja oculta «{title}» no se leyó; se leyó la hoja visible «{visible}».",
        "en": "hidden sheet «{title}» was not read; the visible sheet «{visible}» was.",
    },
    "workbook.sheet_beyond_grid": {
        "es": "la hoja tiene una celda fuera de la cuadrícula de Excel ({cell}; Excel llega "
        "hasta XFD1048576): el archivo no lo escribió Excel y no se procesa.",
        "en": "the sheet has a cell outside Excel's grid ({cell}; Excel ends at XFD1048576): "
        "Excel did not write this file and it is not processed.",
    },
    "workbook.too_many_rows": {
        "es": "la hoja tiene datos más allá de la fila {limit} (al menos hasta la fila {rows}, "
        "celda {cell}); el máximo es {limit} filas por hoja. Borre las filas vacías o con "
        "formato debajo de los datos, o divida el libro.",
        "en": "the sheet has data past row {limit} (at least down to row {rows}, cell {cell}); "
        "the limit is {limit} rows per sheet. Delete the empty or formatted rows below the "
        "data, or split the workbook.",
    },
    "workbook.too_many_cells": {
        "es": "las hojas que se leen ocupan {cells} celdas (filas × columnas hasta la última con "
        "contenido: {detail}); el máximo es {limit}. Borre las columnas y filas sobrantes.",
        "en": "the sheets read span {cells} cells (rows × columns up to the last one with "
        "content: {detail}); the limit is {limit}. Delete the extra columns and rows.",
    },
    "workbook.bad_date_cell": {
        "es": "la celda {cell} tiene formato de fecha u hora pero su valor ({number}) no es una "
        "fecha que Excel pueda mostrar (Excel muestra ####). Corrija el valor o quite el "
        "formato de fecha, y vuelva a subir el libro.",
        "en": "cell {cell} is formatted as a date or time but its value ({number}) is no date "
        "Excel can show (Excel shows ####). Fix the value or remove the date format, and "
        "upload the workbook again.",
    },
    "workbook.nonstandard_sheet": {
        "es": "la hoja está escrita de una forma que Excel no usa y no se puede verificar "
        "({detail}). " + _AGAIN_ES,
        "en": "the sheet is written in a way Excel does not use and cannot be checked "
        "({detail}). " + _AGAIN_EN,
    },
    "workbook.unreadable_sheet": {
        "es": "la hoja no se pudo leer ({detail}). " + _AGAIN_ES,
        "en": "the sheet could not be read ({detail}). " + _AGAIN_EN,
    },
    "workbook.unreadable": {
        "es": "el libro no se pudo leer (contenido dañado o no estándar: {detail}). " + _AGAIN_ES,
        "en": "the workbook could not be read (damaged or non-standard content: {detail}). "
        + _AGAIN_EN,
    },
    "workbook.control_character": {
        "es": "se quitaron caracteres de control invisibles ({chars}) del texto de la celda.",
        "en": "invisible control characters ({chars}) were removed from the cell's text.",
    },
    "workbook.control_character_more": {
        "es": "se quitaron caracteres de control invisibles de {n} celdas más de esta columna.",
        "en": "invisible control characters were removed from {n} more cells of this column.",
    },
}
