"""Strings of the loader's issues, keyed by validate.Rule: `rule.<rule>` (`rule.<rule>.<variant>`
when one rule has several wordings), the place of an issue (`where.*`) and the names of the
invisible characters a code may hide (`char.*`). Values arrive as the user typed them; numbers
and dates arrive formatted."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ---- where an issue is -----------------------------------------------------------------
    "where.sheet": {"es": "Hoja «{sheet}»", "en": "Sheet «{sheet}»"},
    "where.row": {"es": "fila {row}", "en": "row {row}"},
    "where.column": {"es": "columna «{column}»", "en": "column «{column}»"},
    # ---- the file and its sheets -----------------------------------------------------------
    "rule.unreadable_file": {
        "es": "el archivo no se pudo leer.",
        "en": "the file could not be read.",
    },
    "rule.unreadable_file.internal": {
        "es": "error interno al interpretar el libro; avise al equipo técnico.",
        "en": "internal error while interpreting the workbook; tell the technical team.",
    },
    "rule.no_known_sheet": {
        "es": "el libro no tiene ninguna hoja reconocida (se esperan {names}).",
        "en": "the workbook has no recognised sheet (expected {names}).",
    },
    "rule.missing_sheet": {
        "es": "la hoja no está en el libro; es obligatoria cuando el libro no se carga "
        "sobre un plan base.",
        "en": "the sheet is not in the workbook; it is required unless the workbook is "
        "loaded on top of a base plan.",
    },
    "rule.missing_column": {
        "es": "falta la columna «{header}».",
        "en": "column «{header}» is missing.",
    },
    "rule.missing_column.no_header": {
        "es": "falta la columna «{header}» (no se encontró la fila de encabezados).",
        "en": "column «{header}» is missing (no header row found).",
    },
    "rule.empty_sheet": {
        "es": "la hoja no tiene filas de datos: se conserva la versión actual de esta hoja.",
        "en": "the sheet has no data rows: the current version of this sheet is kept.",
    },
    # ---- one cell --------------------------------------------------------------------------
    "rule.required_value": {
        "es": "falta un valor obligatorio.",
        "en": "a required value is missing.",
    },
    "rule.cell_too_long": {
        "es": "la celda tiene {length} caracteres; el máximo es {limit} (el de Excel). "
        "Su texto no se leyó.",
        "en": "the cell holds {length} characters; the limit is {limit} (Excel's own). "
        "Its text was not read.",
    },
    "rule.bad_date": {
        "es": "«{value}» no es una fecha ni un trimestre (use AAAA-MM-DD, DD/MM/AAAA o AAAA-T2).",
        "en": "«{value}» is not a date or a quarter (use YYYY-MM-DD, DD/MM/YYYY or YYYY-T2).",
    },
    "rule.bad_date.exact": {
        "es": "«{value}» no es una fecha (use AAAA-MM-DD o DD/MM/AAAA).",
        "en": "«{value}» is not a date (use YYYY-MM-DD or DD/MM/YYYY).",
    },
    "rule.bad_date.range": {
        "es": "«{value}» está fuera de las fechas que admite el plan ({first} a {last}).",
        "en": "«{value}» is outside the dates the plan accepts ({first} to {last}).",
    },
    "rule.bad_bool": {
        "es": "«{value}» no es Sí ni No.",
        "en": "«{value}» is not Sí (yes) or No.",
    },
    "rule.bad_gcm": {
        "es": "«{value}» no es una lista de objetivos del PMM (números del 1 al 23 separados "
        "por coma, o «Todos»).",
        "en": "«{value}» is not a list of GCM objectives (numbers 1 to 23 separated by commas, "
        "or «Todos»).",
    },
    "rule.bad_number": {
        "es": "«{value}» no es un número de objetivo del PMM (1 a 23).",
        "en": "«{value}» is not a GCM objective number (1 to 23).",
    },
    "rule.bad_percent": {
        "es": "«{value}» no es un porcentaje entre 0 y 100.",
        "en": "«{value}» is not a percentage between 0 and 100.",
    },
    "rule.bad_status": {
        "es": "estado desconocido «{value}»; use {choices}.{hint}",
        "en": "unknown status «{value}»; use {choices}.{hint}",
    },
    "rule.bad_role": {
        "es": "rol desconocido «{value}»; use {choices}.{hint}",
        "en": "unknown role «{value}»; use {choices}.{hint}",
    },
    "rule.bad_url": {
        "es": "la evidencia «{value}» no es un enlace http(s); no se mostrará como enlace.",
        "en": "evidence «{value}» is not an http(s) link; it will not be shown as a link.",
    },
    "rule.unknown_agency": {
        "es": "agencia desconocida «{value}».{hint}",
        "en": "unknown agency «{value}».{hint}",
    },
    "rule.unknown_agency.new": {
        "es": " Agréguela a la hoja «Agencias» si es nueva.",
        "en": " Add it to the «Agencias» sheet if it is new.",
    },
    "rule.hint": {"es": " ¿Quiso decir «{hint}»?", "en": " Did you mean «{hint}»?"},
    "rule.invisible_character": {
        "es": "se quitaron caracteres invisibles del código ({chars}); se leyó «{value}».",
        "en": "invisible characters were removed from the code ({chars}); «{value}» was read.",
    },
    "rule.invisible_character.more": {
        "es": "se quitaron caracteres invisibles de {n} celdas más de esta columna.",
        "en": "invisible characters were removed from {n} more cells of this column.",
    },
    # ---- one row, several cells ------------------------------------------------------------
    "rule.duplicate_code": {
        "es": "el código «{value}» está repetido (ya aparece en la fila {first}).",
        "en": "code «{value}» is repeated (it already appears in row {first}).",
    },
    "rule.duplicate_code.invisible": {
        "es": "el código «{value}» está repetido (ya aparece en la fila {first}): solo se "
        "distinguía por caracteres invisibles ({chars}), que Excel no muestra.",
        "en": "code «{value}» is repeated (it already appears in row {first}): it differed only "
        "by invisible characters ({chars}), which Excel does not show.",
    },
    "rule.code_mismatch": {
        "es": "el código «{value}» no empieza por «{parent}{sep}», el código de su nivel superior.",
        "en": "code «{value}» does not start with «{parent}{sep}», its parent's code.",
    },
    "rule.end_before_start": {
        "es": "el fin ({end}) es anterior al inicio ({start}).",
        "en": "the end ({end}) is before the start ({start}).",
    },
    "rule.no_lead": {
        "es": "el producto «{value}» no tiene agencia líder.",
        "en": "product «{value}» has no lead agency.",
    },
    "rule.completed_below_100": {
        "es": "estado «Completado» con {value} % de avance.",
        "en": "status «Completado» (completed) with {value} % progress.",
    },
    "rule.percent_as_fraction": {
        "es": "avance de {value} %: ¿quiso decir {percent} %? Los porcentajes van de 0 a 100; "
        "una celda con formato de porcentaje de Excel guarda 0,4 para 40 %: "
        "quite ese formato y escriba 40.",
        "en": "progress of {value} %: did you mean {percent} %? Percentages go from 0 to 100; a "
        "cell with Excel's percentage format holds 0.4 for 40 %: remove that format and "
        "type 40.",
    },
    "rule.future_progress_date": {
        "es": "la fecha del reporte ({value}) es posterior a hoy ({today}).",
        "en": "the report date ({value}) is after today ({today}).",
    },
    # ---- references between sheets ---------------------------------------------------------
    "rule.unknown_objective": {
        "es": "objetivo desconocido «{value}» (no está en la hoja «{parent}»).{hint}",
        "en": "unknown objective «{value}» (not in sheet «{parent}»).{hint}",
    },
    "rule.unknown_strategy": {
        "es": "estrategia desconocida «{value}» (no está en la hoja «{parent}»).{hint}",
        "en": "unknown strategy «{value}» (not in sheet «{parent}»).{hint}",
    },
    "rule.unknown_activity": {
        "es": "actividad desconocida «{value}» (no está en la hoja «{parent}»).{hint}",
        "en": "unknown activity «{value}» (not in sheet «{parent}»).{hint}",
    },
    "rule.unknown_product": {
        "es": "producto desconocido «{value}» (no está en la hoja «{parent}»).{hint}",
        "en": "unknown product «{value}» (not in sheet «{parent}»).{hint}",
    },
    "rule.unknown_reference.base": {
        "es": "en el plan base, la hoja «{child}» (fila {base_row}) se refiere a «{value}», "
        "que ya no está en la hoja «{parent}» de este archivo.",
        "en": "in the base plan, sheet «{child}» (row {base_row}) refers to «{value}», "
        "which is no longer in sheet «{parent}» of this file.",
    },
    # ---- the «Plan» sheet (issue 9) -----------------------------------------------------------
    "rule.plan_info_missing": {
        "es": "faltan las claves {keys}: añada una fila por clave (columna «Clave», y su «Valor»).",
        "en": "keys {keys} are missing: add one row per key (column «Clave», and its «Valor»).",
    },
    "rule.bad_plan_code": {
        "es": "«{value}» no es un código: use minúsculas sin tildes, cifras y guiones "
        "(p. ej. «{slug}»).",
        "en": "«{value}» is not a code: use lower-case letters without accents, digits and "
        "dashes (e.g. «{slug}»).",
    },
    "rule.bad_language": {
        "es": "«{value}» no es un idioma; use «es» (español) o «en» (inglés).",
        "en": "«{value}» is not a language; use «es» (Spanish) or «en» (English).",
    },
    "rule.unknown_plan_key": {
        "es": "la clave «{value}» no se usa y se ignora; las claves son {keys}.",
        "en": "key «{value}» is not used and is ignored; the keys are {keys}.",
    },
    "rule.no_country_or_region": {
        "es": "el plan no indica «País» ni «Región».",
        "en": "the plan states neither «País» (country) nor «Región» (region).",
    },
    "rule.date_outside_period": {
        "es": "la fecha {value} está fuera del periodo del plan ({first} a {last}).",
        "en": "date {value} is outside the plan's period ({first} to {last}).",
    },
    # ---- the bound on collected issues (Limits.max_issues) -----------------------------------
    "rule.more": {
        "es": "y {n} más de este tipo ({rule}): se recogen como máximo {limit} incidencias "
        "por archivo; corrija las mostradas y vuelva a subirlo.",
        "en": "and {n} more of this kind ({rule}): at most {limit} issues are collected per "
        "file; fix those shown and upload it again.",
    },
    # ---- invisible characters a code can hide (issue 12) ------------------------------------
    "char.00A0": {"es": "espacio de no separación", "en": "no-break space"},
    "char.00AD": {"es": "guion virtual", "en": "soft hyphen"},
    "char.061C": {"es": "marca de letra árabe", "en": "Arabic letter mark"},
    "char.180E": {"es": "separador de vocales mongol", "en": "Mongolian vowel separator"},
    "char.2007": {"es": "espacio de cifra", "en": "figure space"},
    "char.200B": {"es": "espacio de ancho cero", "en": "zero width space"},
    "char.200C": {"es": "no unión de ancho cero", "en": "zero width non-joiner"},
    "char.200D": {"es": "unión de ancho cero", "en": "zero width joiner"},
    "char.200E": {"es": "marca de izquierda a derecha", "en": "left-to-right mark"},
    "char.200F": {"es": "marca de derecha a izquierda", "en": "right-to-left mark"},
    "char.202A": {"es": "inserción de izquierda a derecha", "en": "left-to-right embedding"},
    "char.202B": {"es": "inserción de derecha a izquierda", "en": "right-to-left embedding"},
    "char.202C": {"es": "fin de formato direccional", "en": "pop directional formatting"},
    "char.202D": {"es": "forzado de izquierda a derecha", "en": "left-to-right override"},
    "char.202E": {"es": "forzado de derecha a izquierda", "en": "right-to-left override"},
    "char.202F": {"es": "espacio estrecho de no separación", "en": "narrow no-break space"},
    "char.2060": {"es": "unión de palabras", "en": "word joiner"},
    "char.2066": {"es": "aislamiento de izquierda a derecha", "en": "left-to-right isolate"},
    "char.2067": {"es": "aislamiento de derecha a izquierda", "en": "right-to-left isolate"},
    "char.2068": {"es": "aislamiento de primera fuerte", "en": "first strong isolate"},
    "char.2069": {"es": "fin de aislamiento direccional", "en": "pop directional isolate"},
    "char.FEFF": {
        "es": "marca de orden de bytes (BOM)",
        "en": "byte order mark (BOM)",
    },
}
