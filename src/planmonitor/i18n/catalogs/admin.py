"""Strings of the secretariat's workflow: store, diff, template, the upload and history pages,
and the command line (`python -m planmonitor`).

One catalogue of planmonitor.i18n (key -> {"es": …, "en": …}).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # diff
    "diff.none": {"es": "Sin cambios", "en": "No changes"},
    "diff.count.added": {"es": "{n} producto(s) nuevo(s)", "en": "{n} new product(s)"},
    "diff.count.removed": {"es": "{n} producto(s) eliminado(s)", "en": "{n} removed product(s)"},
    "diff.count.changed": {"es": "{n} producto(s) modificado(s)", "en": "{n} changed product(s)"},
    "diff.count.new_progress": {"es": "{n} avance(s) nuevo(s)", "en": "{n} new progress entries"},
    "diff.count.removed_progress": {
        "es": "{n} avance(s) quitado(s) del registro",
        "en": "{n} progress entries removed from the log",
    },
    "diff.count.corrected_progress": {
        "es": "{n} avance(s) corregido(s)",
        "en": "{n} corrected progress entries",
    },
    "diff.count.status_changes": {
        "es": "{n} cambio(s) de estado",
        "en": "{n} status change(s)",
    },
    "diff.count.structure": {
        "es": "{n} cambio(s) en objetivos, estrategias, actividades o agencias",
        "en": "{n} change(s) to objectives, strategies, activities or agencies",
    },
    "diff.title.added": {"es": "Productos nuevos", "en": "New products"},
    "diff.title.removed": {"es": "Productos eliminados", "en": "Removed products"},
    "diff.title.changed": {
        "es": "Productos modificados (campo por campo)",
        "en": "Changed products (field by field)",
    },
    "diff.title.new_progress": {"es": "Avances nuevos", "en": "New progress entries"},
    "diff.title.removed_progress": {
        "es": "Avances quitados del registro",
        "en": "Progress entries removed from the log",
    },
    "diff.title.corrected_progress": {
        "es": "Correcciones de avances ya registrados (mismo producto y fecha)",
        "en": "Corrections of reports already in the log (same product and date)",
    },
    "diff.title.status_changes": {"es": "Cambios de estado", "en": "Status changes"},
    "diff.title.structure": {
        "es": "Objetivos, estrategias, actividades, agencias y metadatos",
        "en": "Objectives, strategies, activities, agencies and metadata",
    },
    "diff.kind.added": {"es": "nuevo", "en": "added"},
    "diff.kind.removed": {"es": "eliminado", "en": "removed"},
    "diff.kind.changed": {"es": "modificado", "en": "changed"},
    "diff.kind.corrected": {"es": "Corrección", "en": "Correction"},
    "diff.col.code": {"es": "Código", "en": "Code"},
    "diff.col.activity": {"es": "Actividad", "en": "Activity"},
    "diff.col.name": {"es": "Nombre", "en": "Name"},
    "diff.col.header": {"es": "Campo", "en": "Field"},
    "diff.col.old": {"es": "Antes", "en": "Before"},
    "diff.col.new": {"es": "Después", "en": "After"},
    "diff.col.date": {"es": "Fecha", "en": "Date"},
    "diff.col.status": {"es": "Estado", "en": "Status"},
    "diff.col.percent": {"es": "Porcentaje", "en": "Percent"},
    "diff.col.comment": {"es": "Comentario", "en": "Comment"},
    "diff.col.reported_by": {"es": "Reportado por", "en": "Reported by"},
    "diff.col.evidence": {"es": "Evidencia", "en": "Evidence"},
    "diff.col.old_status": {"es": "Estado antes", "en": "Status before"},
    "diff.col.new_status": {"es": "Estado después", "en": "Status after"},
    "diff.col.old_percent": {"es": "% antes", "en": "% before"},
    "diff.col.new_percent": {"es": "% después", "en": "% after"},
    "diff.col.sheet": {"es": "Hoja", "en": "Sheet"},
    "diff.col.key": {"es": "Clave", "en": "Key"},
    "diff.col.change": {"es": "Cambio", "en": "Change"},
    "diff.col.old_new": {"es": "Antes → después", "en": "Before → after"},
    "diff.value.yes": {"es": "Sí", "en": "Yes"},
    "diff.value.no": {"es": "No", "en": "No"},
    "diff.value.all": {"es": "Todos", "en": "All"},
    # store
    "store.unchanged": {
        "es": "El archivo no cambia los datos actuales (versión {v}): no se guarda nada.",
        "en": "The file does not change the current data (version {v}): nothing is stored.",
    },
    "store.invalid": {
        "es": "El archivo tiene errores: no se guarda nada.",
        "en": "The file has errors: nothing is stored.",
    },
    "store.stored": {"es": "Guardada la versión {v}.", "en": "Stored version {v}."},
    "store.no_version": {"es": "No existe la versión {v}.", "en": "There is no version {v}."},
    "store.rollback_note": {"es": "Restaura la versión {v}", "en": "Restores version {v}"},
    "store.err.empty": {"es": "El almacén de datos está vacío.", "en": "The data store is empty."},
    "store.err.no_author": {
        "es": "Falta el nombre de quien guarda la versión.",
        "en": "The name of whoever stores the version is missing.",
    },
    "store.err.seed_missing": {
        "es": "Falta el libro inicial {path}; no se puede crear el almacén.",
        "en": "The initial workbook {path} is missing; the store cannot be created.",
    },
    "store.err.seed_invalid": {
        "es": "El libro inicial {name} tiene errores: {errors}",
        "en": "The initial workbook {name} has errors: {errors}",
    },
    "store.too_large": {
        "es": "El archivo pesa {mb} MB; el máximo es {limit} MB.",
        "en": "The file is {mb} MB; the limit is {limit} MB.",
    },
    "store.err.url": {
        "es": "La dirección de la base de datos «{url}» no es válida (se espera, por ejemplo, "
        "postgresql+psycopg://usuario@servidor/base o sqlite:///carpeta/archivo.sqlite).",
        "en": "The database address «{url}» is not valid (expected, e.g., "
        "postgresql+psycopg://user@host/db or sqlite:///folder/file.sqlite).",
    },
    "store.err.unsupported": {
        "es": "La base de datos «{url}» no es de un tipo admitido: use SQLite (sqlite:///…) o "
        "PostgreSQL (postgresql+psycopg://…).",
        "en": "The database «{url}» is not of a supported kind: use SQLite (sqlite:///…) or "
        "PostgreSQL (postgresql+psycopg://…).",
    },
    "store.err.driver": {
        "es": "No está instalado el controlador que pide «{url}»: use postgresql+psycopg://… "
        "(psycopg viene con la aplicación) o sqlite:///….",
        "en": "The driver «{url}» asks for is not installed: use postgresql+psycopg://… "
        "(psycopg comes with the application) or sqlite:///….",
    },
    "store.err.unreachable": {
        "es": "No se puede conectar con la base de datos «{url}»: revise el servidor, el puerto, "
        "el usuario y la contraseña.",
        "en": "Cannot connect to the database «{url}»: check the host, the port, the user and "
        "the password.",
    },
    "store.err.locked": {
        "es": "La base de datos «{url}» está bloqueada: otro programa está escribiendo en ella. "
        "Inténtelo de nuevo en un momento.",
        "en": "The database «{url}» is locked: another program is writing to it. Try again in "
        "a moment.",
    },
    "store.err.cannot_open": {
        "es": "No se puede abrir ni crear el archivo de la base de datos «{url}»: revise que la "
        "carpeta exista y que se pueda escribir en ella.",
        "en": "Cannot open or create the database file «{url}»: check that the folder exists "
        "and can be written to.",
    },
    "store.err.read_only": {
        "es": "La base de datos «{url}» es de solo lectura: no se puede guardar nada en ella.",
        "en": "The database «{url}» is read-only: nothing can be stored in it.",
    },
    "store.err.newer_schema": {
        "es": "La base de datos «{url}» fue actualizada por una versión más reciente de "
        "planmonitor (revisión {revision}): actualice la aplicación.",
        "en": "The database «{url}» was upgraded by a newer release of planmonitor (revision "
        "{revision}): update the application.",
    },
    "store.err.not_a_store": {
        "es": "«{url}» no es un almacén de planmonitor: el archivo no es una base de datos o sus "
        "tablas son de otra aplicación.",
        "en": "«{url}» is not a planmonitor store: the file is not a database or its tables "
        "belong to another application.",
    },
    "store.kind.seed": {"es": "inicial", "en": "initial"},
    "store.kind.upload": {"es": "carga", "en": "upload"},
    "store.kind.rollback": {"es": "restauración", "en": "rollback"},
    # template
    "template.instructions": {"es": "Instrucciones", "en": "Instructions"},
    # auth
    "auth.title": {"es": "Acceso de la Secretaría", "en": "Secretariat access"},
    "auth.user": {"es": "Nombre", "en": "Name"},
    "auth.password": {"es": "Contraseña", "en": "Password"},
    "auth.submit": {"es": "Entrar", "en": "Log in"},
    "auth.logout": {"es": "Salir", "en": "Log out"},
    "auth.wrong": {"es": "Nombre o contraseña incorrectos.", "en": "Wrong name or password."},
    "auth.need_name": {
        "es": "Escriba su nombre: queda registrado en cada versión que guarde.",
        "en": "Type your name: it is recorded with every version you store.",
    },
    "auth.unconfigured": {
        "es": "La carga de datos no está disponible: no hay ninguna contraseña de la Secretaría "
        "configurada. Defina `secretariat_passwords` en la sección `[planmonitor]` de "
        "`.streamlit/secrets.toml` (vea `.streamlit/secrets.toml.example`) o la variable de "
        "entorno `PLANMONITOR_SECRETARIAT_PASSWORDS`.",
        "en": "Uploading is unavailable: no secretariat password is configured. Set "
        "`secretariat_passwords` in the `[planmonitor]` section of `.streamlit/secrets.toml` "
        "(see `.streamlit/secrets.toml.example`) or the environment variable "
        "`PLANMONITOR_SECRETARIAT_PASSWORDS`.",
    },
    "auth.denied": {
        "es": "Esta página es solo para la Secretaría. Inicie sesión en «Acceso de la Secretaría».",
        "en": "This page is for the secretariat only. Log in under «Secretariat access».",
    },
    "auth.logged_as": {"es": "Sesión de la Secretaría: {name}", "en": "Secretariat: {name}"},
    "auth.oidc_login": {"es": "Iniciar sesión", "en": "Log in"},
    "auth.oidc_not_allowed": {
        "es": "La cuenta {email} no está en la lista de la Secretaría.",
        "en": "The account {email} is not on the secretariat's list.",
    },
    "auth.viewer_title": {"es": "Acceso al tablero", "en": "Dashboard access"},
    # pages
    "page.login": {"es": "Acceso de la Secretaría", "en": "Secretariat access"},
    "page.upload": {"es": "Actualizar datos", "en": "Update data"},
    "page.history": {"es": "Historial de versiones", "en": "Version history"},
    "upload.intro": {
        "es": "Suba un libro Excel (.xlsx) con el formato de la plantilla. Puede contener solo "
        "algunas hojas (por ejemplo solo `Avances`): las demás se mantienen como están.",
        "en": "Upload an Excel workbook (.xlsx) in the template's format. It may hold only some "
        "sheets (e.g. only `Avances`): the others stay as they are.",
    },
    "upload.file": {"es": "Libro Excel (.xlsx)", "en": "Excel workbook (.xlsx)"},
    "upload.browse": {"es": "Subir archivo", "en": "Upload file"},
    "upload.limit": {
        "es": "Hasta {mb} MB por archivo · XLSX",
        "en": "Up to {mb} MB per file · XLSX",
    },
    "upload.mode": {"es": "Hoja «Avances» del archivo", "en": "The file's «Avances» sheet"},
    "upload.mode.append": {
        "es": "se añade al registro actual (recomendado)",
        "en": "is added to the current log (recommended)",
    },
    "upload.mode.replace": {
        "es": "reemplaza el registro completo",
        "en": "replaces the whole log",
    },
    "upload.mode.help": {
        "es": "Añadir: basta con subir los reportes nuevos del mes; los que ya están en el "
        "registro no se duplican. Reemplazar: el archivo trae el registro completo (para "
        "corregir o quitar reportes); los reportes que falten en el archivo se eliminan.",
        "en": "Add: uploading just the month's new reports is enough; those already in the log "
        "are not doubled. Replace: the file holds the whole log (to correct or remove reports); "
        "reports missing from the file are removed.",
    },
    "upload.checking": {"es": "Leyendo y revisando el archivo…", "en": "Reading and checking…"},
    "upload.read": {"es": "Archivo leído: {n} bytes.", "en": "File read: {n} bytes."},
    "upload.checked": {"es": "Revisión terminada.", "en": "Check finished."},
    "upload.errors": {
        "es": "El archivo tiene {n} error(es). No se ha guardado nada. Corríjalos y vuelva a "
        "subirlo.",
        "en": "The file has {n} error(s). Nothing was stored. Fix them and upload it again.",
    },
    "upload.annotated": {
        "es": "Descargar el libro con los errores marcados",
        "en": "Download the workbook with the errors marked",
    },
    "upload.warnings": {"es": "Advertencias ({n})", "en": "Warnings ({n})"},
    "upload.preview": {
        "es": "Vista previa de los cambios respecto de la versión {v}",
        "en": "Preview of the changes against version {v}",
    },
    "upload.note": {"es": "Nota (opcional)", "en": "Note (optional)"},
    "upload.confirm": {"es": "Confirmar", "en": "Confirm"},
    "upload.removal_warning": {
        "es": "Este archivo elimina datos actuales: {what}. Revise las tablas de la vista previa "
        "antes de confirmar.",
        "en": "This file removes current data: {what}. Check the preview's tables before "
        "confirming.",
    },
    "upload.removal_confirm": {
        "es": "Entiendo que se eliminarán {what}",
        "en": "I understand that {what} will be removed",
    },
    "removal.products": {"es": "{n} productos", "en": "{n} products"},
    "removal.product": {"es": "1 producto", "en": "1 product"},
    "removal.progress": {
        "es": "{n} de los {total} avances del registro",
        "en": "{n} of the {total} progress entries",
    },
    "removal.and": {"es": " y ", "en": " and "},
    "store.removals_refused": {
        "es": "No se guardó nada: el archivo eliminaría {what}. Si es lo que quiere, confírmelo "
        "(en la línea de comandos: --allow-removals).",
        "en": "Nothing was stored: the file would remove {what}. If that is intended, confirm "
        "it (on the command line: --allow-removals).",
    },
    "upload.report_of": {
        "es": "Es el informe mensual de {network}, {month}: sus hojas de datos se leen como "
        "cualquier carga.",
        "en": "This is the monthly report of {network}, {month}: its data sheets are read like "
        "any upload.",
    },
    "upload.identical": {
        "es": "Sin cambios: el archivo tiene los mismos datos que la versión actual ({v}). No "
        "se guarda nada.",
        "en": "No changes: the file holds the same data as the current version ({v}). Nothing "
        "is stored.",
    },
    "upload.stored": {
        "es": "Guardada la versión {v}. El tablero ya muestra los datos nuevos.",
        "en": "Stored version {v}. The dashboard now shows the new data.",
    },
    "upload.sheets": {"es": "Hojas reconocidas: {sheets}", "en": "Sheets recognised: {sheets}"},
    "upload.template": {"es": "Plantillas", "en": "Templates"},
    "upload.template_empty": {"es": "Plantilla vacía", "en": "Empty template"},
    "upload.template_data": {
        "es": "Plantilla con los datos actuales",
        "en": "Template with the current data",
    },
    "issues.col.sheet": {"es": "Hoja", "en": "Sheet"},
    "issues.col.row": {"es": "Fila", "en": "Row"},
    "issues.col.column": {"es": "Columna", "en": "Column"},
    "issues.col.value": {"es": "Valor", "en": "Value"},
    "issues.col.message": {"es": "Mensaje", "en": "Message"},
    "history.intro": {
        "es": "Cada carga guarda una versión nueva; nada se borra. Restaurar una versión crea "
        "otra versión con sus datos.",
        "en": "Every upload stores a new version; nothing is deleted. Restoring a version "
        "creates another version with its data.",
    },
    "history.col.id": {"es": "Versión", "en": "Version"},
    "history.col.created_at": {"es": "Fecha (UTC)", "en": "Date (UTC)"},
    "history.col.author": {"es": "Guardada por", "en": "Stored by"},
    "history.col.filename": {"es": "Archivo", "en": "File"},
    "history.col.note": {"es": "Nota", "en": "Note"},
    "history.col.kind": {"es": "Tipo", "en": "Kind"},
    "history.col.sheets": {"es": "Hojas", "en": "Sheets"},
    "history.col.sha256": {"es": "SHA-256", "en": "SHA-256"},
    "history.current": {"es": "Versión actual: {v}", "en": "Current version: {v}"},
    "history.compare": {"es": "Comparar dos versiones", "en": "Compare two versions"},
    "history.from": {"es": "Desde la versión", "en": "From version"},
    "history.to": {"es": "Hasta la versión", "en": "To version"},
    "history.download": {"es": "Descargar archivos", "en": "Download files"},
    "history.version": {"es": "Versión", "en": "Version"},
    "history.original": {
        "es": "Archivo original de la versión {v}",
        "en": "Original file of version {v}",
    },
    "history.full": {
        "es": "Datos completos de la versión {v} (.xlsx)",
        "en": "Full data of version {v} (.xlsx)",
    },
    "history.rollback": {"es": "Restaurar una versión", "en": "Restore a version"},
    "history.rollback_confirm": {
        "es": "¿Restaurar la versión {v}? Sus datos pasarán a ser la versión actual como una "
        "versión nueva; la versión {current} y las demás se conservan en el historial.",
        "en": "Restore version {v}? Its data will become the current data as a new version; "
        "version {current} and every other version stay in the history.",
    },
    "history.rollback_yes": {
        "es": "Sí, restaurar la versión {v}",
        "en": "Yes, restore version {v}",
    },
    "history.rollback_cancel": {"es": "Cancelar", "en": "Cancel"},
    "history.rollback_button": {
        "es": "Restaurar la versión {v}",
        "en": "Restore version {v}",
    },
    "history.rolled_back": {
        "es": "Versión {v} restaurada como versión nueva {new}.",
        "en": "Version {v} restored as new version {new}.",
    },
    "history.rollback_same": {
        "es": "La versión {v} tiene los mismos datos que la actual: no hay nada que restaurar.",
        "en": "Version {v} holds the same data as the current one: nothing to restore.",
    },
    # ---- command line (python -m planmonitor) ------------------------------------------------
    "cli.description": {
        "es": "planmonitor en la terminal: revisar un libro Excel, guardarlo como versión nueva "
        "de los datos, ver y comparar las versiones, restaurar una, y escribir la plantilla, los "
        "datos de una versión o el informe mensual.",
        "en": "planmonitor in the terminal: check an Excel workbook, store it as a new version of "
        "the data, list and compare the versions, restore one, and write the template, the data "
        "of a version or the monthly report.",
    },
    "cli.epilog": {
        "es": "códigos de salida:\n"
        "  0    hecho (o nada que hacer)\n"
        "  1    el archivo tiene problemas que corregir, o la carga fue rechazada: no se\n"
        "       guardó nada\n"
        "  2    la orden no se puede hacer así: falta un argumento o no es válido, el archivo\n"
        "       de entrada no existe, es una carpeta o no se puede leer, la versión no existe\n"
        "  3    no se puede escribir el archivo o la carpeta de salida\n"
        "  4    no se puede usar la base de datos: dirección mal escrita o de un tipo no\n"
        "       admitido, servidor que no responde, archivo bloqueado por otro programa\n"
        "  70   error interno de planmonitor (PLANMONITOR_DEBUG=1 muestra el detalle)\n"
        "  130  interrumpido (Ctrl+C)\n"
        "  141  la salida se cerró antes de tiempo (… | head): no se escribe nada más\n"
        "\n"
        "Cada orden tiene su ayuda: python -m planmonitor ORDEN --help",
        "en": "exit codes:\n"
        "  0    done (or nothing to do)\n"
        "  1    the file has problems to fix, or the import was refused: nothing was stored\n"
        "  2    the command cannot be done this way: an argument is missing or not valid, the\n"
        "       input file does not exist, is a folder or cannot be read, the version does\n"
        "       not exist\n"
        "  3    the output file or folder cannot be written\n"
        "  4    the database cannot be used: a mistyped or unsupported address, a server that\n"
        "       does not answer, a file locked by another program\n"
        "  70   internal error of planmonitor (PLANMONITOR_DEBUG=1 shows the details)\n"
        "  130  interrupted (Ctrl+C)\n"
        "  141  the output was closed early (… | head): nothing more is written\n"
        "\n"
        "Each command has its own help: python -m planmonitor COMMAND --help",
    },
    "cli.usage": {"es": "uso: ", "en": "usage: "},
    "cli.commands": {"es": "órdenes", "en": "commands"},
    "cli.command": {"es": "ORDEN", "en": "COMMAND"},
    "cli.arguments": {"es": "argumentos", "en": "arguments"},
    "cli.options": {"es": "opciones", "en": "options"},
    "cli.help.help": {"es": "muestra esta ayuda y termina", "en": "show this help and exit"},
    "cli.help.lang": {
        "es": "idioma de los mensajes: es (español, por defecto) o en (inglés)",
        "en": "language of the messages: es (Spanish, the default) or en (English)",
    },
    "cli.metavar.file": {"es": "ARCHIVO", "en": "FILE"},
    "cli.metavar.out": {"es": "SALIDA.xlsx", "en": "OUT.xlsx"},
    "cli.metavar.plan": {"es": "PLAN.xlsx", "en": "PLAN.xlsx"},
    "cli.metavar.name": {"es": "NOMBRE", "en": "NAME"},
    "cli.metavar.text": {"es": "TEXTO", "en": "TEXT"},
    "cli.metavar.month": {"es": "AAAA-MM", "en": "YYYY-MM"},
    "cli.metavar.folder": {"es": "CARPETA", "en": "FOLDER"},
    "cli.validate.help": {
        "es": "revisa un libro Excel sin guardar nada",
        "en": "check an Excel workbook without storing anything",
    },
    "cli.validate.description": {
        "es": "Revisa un libro Excel (.xlsx) y lista cada problema con su hoja, fila y columna. "
        "Un libro con solo algunas hojas (por ejemplo solo «Avances») se revisa contra los datos "
        "actuales del almacén, o contra el plan incluido con la aplicación si no hay almacén. "
        "Sale con 0 si es válido (las advertencias se muestran igual), 1 si hay errores que "
        "corregir y 2 si el archivo no se puede leer.",
        "en": "Check an Excel workbook (.xlsx) and list every problem with its sheet, row and "
        "column. A workbook with only some sheets (e.g. only «Avances») is checked against the "
        "store's current data, or against the plan bundled with the application when there is "
        "no store. Exits 0 when valid (warnings are shown all the same), 1 when there are errors "
        "to fix and 2 when the file cannot be read.",
    },
    "cli.help.file": {"es": "el libro Excel (.xlsx)", "en": "the Excel workbook (.xlsx)"},
    "cli.help.base": {
        "es": "libro del plan contra el que revisar un libro parcial (en lugar de los datos "
        "actuales)",
        "en": "plan workbook to check a partial workbook against (instead of the current data)",
    },
    "cli.summary.help": {
        "es": "cuenta los productos por objetivo, estrategia, actividad y agencia",
        "en": "count the products per objective, strategy, activity and agency",
    },
    "cli.summary.description": {
        "es": "Cuenta los productos de un libro por objetivo específico, estrategia, actividad y "
        "agencia (como líder y como socia), para comprobar que dice lo que se espera. Un libro "
        "parcial se completa con los datos actuales, como en «validate».",
        "en": "Count a workbook's products per specific objective, strategy, activity and agency "
        "(as lead and as partner), to check that it says what is expected. A partial workbook is "
        "completed with the current data, as in «validate».",
    },
    "cli.import.help": {
        "es": "revisa un libro y lo guarda como versión nueva de los datos",
        "en": "check a workbook and store it as a new version of the data",
    },
    "cli.import.description": {
        "es": "Revisa un libro Excel contra la versión actual y, si no tiene errores, lo guarda "
        "como versión nueva (el archivo se conserva tal cual, con su nombre, quién y cuándo). Los "
        "reportes de la hoja «Avances» se añaden al registro actual; los que ya están no se "
        "duplican. Un libro que elimina productos o más del 20 % del registro se rechaza salvo "
        "con --allow-removals.",
        "en": "Check an Excel workbook against the current version and, when it has no errors, "
        "store it as a new version (the file is kept as it is, with its name, who and when). "
        "The reports of its «Avances» sheet are added to the current log; those already there "
        "are not doubled. A workbook that removes products or over 20 % of the log is refused "
        "unless --allow-removals is given.",
    },
    "cli.help.by": {
        "es": "su nombre: queda registrado con la versión",
        "en": "your name: it is recorded with the version",
    },
    "cli.help.note": {"es": "una nota para la versión (opcional)", "en": "a note (optional)"},
    "cli.help.allow_removals": {
        "es": "guardarlo aunque elimine productos o más del 20 % del registro de avances",
        "en": "store it even if it removes products or over 20 % of the progress log",
    },
    "cli.help.replace_progress": {
        "es": "la hoja «Avances» del archivo reemplaza el registro completo (por defecto sus "
        "reportes se añaden y los que ya están no se duplican)",
        "en": "the file's «Avances» sheet replaces the whole progress log (by default its "
        "reports are added and those already there are not doubled)",
    },
    "cli.versions.help": {"es": "lista las versiones guardadas", "en": "list the stored versions"},
    "cli.versions.description": {
        "es": "Lista cada versión guardada: número, fecha, tipo, quién la guardó, archivo, nota "
        "y hojas.",
        "en": "List every stored version: number, date, kind, who stored it, file, note and "
        "sheets.",
    },
    "cli.diff.help": {
        "es": "muestra qué cambió entre dos versiones",
        "en": "show what changed between two versions",
    },
    "cli.diff.description": {
        "es": "Muestra qué cambió entre dos versiones: productos nuevos, eliminados o "
        "modificados (campo por campo), avances nuevos o quitados y cambios de estado.",
        "en": "Show what changed between two versions: new, removed or changed products (field "
        "by field), new or removed progress reports and status changes.",
    },
    "cli.help.v1": {"es": "la versión de antes", "en": "the earlier version"},
    "cli.help.v2": {"es": "la versión de después", "en": "the later version"},
    "cli.rollback.help": {
        "es": "guarda una versión nueva con los datos de una anterior",
        "en": "store a new version with the data of an earlier one",
    },
    "cli.rollback.description": {
        "es": "Restaura una versión: guarda una versión nueva con sus datos (no se borra nada; la "
        "versión actual sigue en el historial).",
        "en": "Restore a version: store a new version with its data (nothing is deleted; the "
        "current version stays in the history).",
    },
    "cli.help.version_restore": {"es": "la versión que restaurar", "en": "the version to restore"},
    "cli.help.by_default": {
        "es": "su nombre (por defecto «cli»)",
        "en": "your name (by default «cli»)",
    },
    "cli.template.help": {"es": "escribe la plantilla Excel", "en": "write the Excel template"},
    "cli.template.description": {
        "es": "Escribe la plantilla Excel con las hojas, los encabezados y las listas "
        "desplegables del formato; vacía, o con los datos actuales.",
        "en": "Write the Excel template with the format's sheets, headers and drop-down lists; "
        "empty, or with the current data.",
    },
    "cli.help.out": {"es": "el archivo que escribir (.xlsx)", "en": "the file to write (.xlsx)"},
    "cli.help.with_data": {
        "es": "con los datos actuales del almacén",
        "en": "with the store's current data",
    },
    "cli.export.help": {
        "es": "escribe los datos de una versión en un libro Excel",
        "en": "write the data of a version as an Excel workbook",
    },
    "cli.export.description": {
        "es": "Escribe todos los datos de una versión (por defecto la actual) en un libro Excel "
        "con el formato de la plantilla.",
        "en": "Write all the data of a version (the current one by default) as an Excel workbook "
        "in the template's format.",
    },
    "cli.help.version": {
        "es": "la versión (por defecto la actual)",
        "en": "the version (the current one by default)",
    },
    "cli.report.help": {
        "es": "escribe el informe mensual a la Red regional",
        "en": "write the monthly report to the Regional Network",
    },
    "cli.report.description": {
        "es": "Escribe el informe mensual en Excel, HTML y, si Chromium está instalado, PDF "
        "(informe-AAAA-MM-es.xlsx …, con el idioma en el nombre). Con --final en lugar de "
        "--month, el informe de cierre del ciclo (informe-cierre-<plan>-es.xlsx …). Los datos "
        "son la versión actual del almacén, o los libros incluidos si no hay almacén.",
        "en": "Write the monthly report as Excel, HTML and, when Chromium is installed, PDF "
        "(informe-YYYY-MM-en.xlsx …, with the language in the name). With --final instead of "
        "--month, the end-of-cycle report (informe-cierre-<plan>-en.xlsx …). The data is the "
        "store's current version, or the bundled workbooks when there is no store.",
    },
    "cli.help.month": {"es": "el mes del informe", "en": "the report's month"},
    "cli.help.out_folder": {
        "es": "la carpeta donde escribirlo (se crea si falta)",
        "en": "the folder to write it in (created when missing)",
    },
    "cli.valid": {"es": "{file}: válido.", "en": "{file}: valid."},
    "cli.valid_warnings": {
        "es": "{file}: válido, con {w} advertencia(s).",
        "en": "{file}: valid, with {w} warning(s).",
    },
    "cli.invalid": {
        "es": "{file}: {e} error(es), {w} advertencia(s).",
        "en": "{file}: {e} error(s), {w} warning(s).",
    },
    "cli.unreadable": {"es": "{file}: no se puede leer.", "en": "{file}: cannot be read."},
    "cli.base_invalid": {
        "es": "El plan base {file} no es válido:",
        "en": "The base plan {file} is not valid:",
    },
    "cli.base.store": {
        "es": "Libro parcial: se revisa contra la versión {v} del almacén.",
        "en": "Partial workbook: checked against version {v} of the store.",
    },
    "cli.base.bundled": {
        "es": "Libro parcial y no hay almacén: se revisa contra el plan incluido con la "
        "aplicación.",
        "en": "Partial workbook and no store: checked against the plan bundled with the "
        "application.",
    },
    "cli.base.file": {
        "es": "Libro parcial: se revisa contra {file}.",
        "en": "Partial workbook: checked against {file}.",
    },
    "cli.level.objective": {
        "es": "Productos por objetivo específico",
        "en": "Products per specific objective",
    },
    "cli.level.strategy": {"es": "Productos por estrategia", "en": "Products per strategy"},
    "cli.level.activity": {"es": "Productos por actividad", "en": "Products per activity"},
    "cli.level.agency": {"es": "Productos por agencia", "en": "Products per agency"},
    "cli.col.code": {"es": "Código", "en": "Code"},
    "cli.col.name": {"es": "Nombre", "en": "Name"},
    "cli.col.products": {"es": "Productos", "en": "Products"},
    "cli.col.agency": {"es": "Agencia", "en": "Agency"},
    "cli.col.lead": {"es": "Líder", "en": "Lead"},
    "cli.col.partner": {"es": "Socia", "en": "Partner"},
    "cli.col.total": {"es": "Total", "en": "Total"},
    "cli.totals": {
        "es": "{products} productos, {progress} reportes de avance, {agencies} agencias.",
        "en": "{products} products, {progress} progress reports, {agencies} agencies.",
    },
    "cli.template_written": {
        "es": "Plantilla escrita en {path}.",
        "en": "Template written to {path}.",
    },
    "cli.export_written": {
        "es": "Versión {v} escrita en {path}.",
        "en": "Version {v} written to {path}.",
    },
    "cli.err.missing_file": {
        "es": "No existe el archivo «{path}».",
        "en": "There is no file «{path}».",
    },
    "cli.err.is_directory": {
        "es": "«{path}» es una carpeta, no un archivo.",
        "en": "«{path}» is a folder, not a file.",
    },
    "cli.err.unreadable_file": {
        "es": "No se puede leer «{path}»: {reason}.",
        "en": "Cannot read «{path}»: {reason}.",
    },
    "cli.err.no_folder": {
        "es": "No se puede escribir «{path}»: la carpeta «{folder}» no existe.",
        "en": "Cannot write «{path}»: the folder «{folder}» does not exist.",
    },
    "cli.err.output_is_directory": {
        "es": "No se puede escribir «{path}»: es una carpeta.",
        "en": "Cannot write «{path}»: it is a folder.",
    },
    "cli.err.cannot_write": {
        "es": "No se puede escribir «{path}»: {reason}.",
        "en": "Cannot write «{path}»: {reason}.",
    },
    "cli.reason.permission": {"es": "permiso denegado", "en": "permission denied"},
    "cli.reason.read_only": {
        "es": "el disco es de solo lectura",
        "en": "the disk is read-only",
    },
    "cli.reason.disk_full": {"es": "el disco está lleno", "en": "the disk is full"},
    "cli.reason.not_found": {"es": "la ruta no existe", "en": "the path does not exist"},
    "cli.reason.not_a_folder": {
        "es": "una parte de la ruta no es una carpeta",
        "en": "part of the path is not a folder",
    },
    "cli.err.interrupted": {"es": "Interrumpido.", "en": "Interrupted."},
    "cli.err.internal": {
        "es": "error interno: {error} (PLANMONITOR_DEBUG=1 muestra el detalle)",
        "en": "internal error: {error} (PLANMONITOR_DEBUG=1 shows the details)",
    },
    "cli.err.usage": {
        "es": "{detail}. Vea «{prog} --help».",
        "en": "{detail}. See «{prog} --help».",
    },
    "cli.err.required": {"es": "falta {args}", "en": "{args} is missing"},
    "cli.err.unrecognized": {"es": "no se reconoce {args}", "en": "{args} is not recognised"},
    "cli.err.choice": {
        "es": "{arg}: «{value}» no es una opción (elija entre {choices})",
        "en": "{arg}: «{value}» is not an option (choose from {choices})",
    },
    "cli.err.expected_one": {"es": "{arg} necesita un valor", "en": "{arg} needs a value"},
    "cli.err.argument": {"es": "{arg}: {detail}", "en": "{arg}: {detail}"},
    "cli.err.not_a_number": {
        "es": "«{value}» no es un número de versión",
        "en": "«{value}» is not a version number",
    },
}
