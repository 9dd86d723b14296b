"""Strings of the secretariat's workflow (store, diff, template, upload and history pages).

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
    "diff.title.status_changes": {"es": "Cambios de estado", "en": "Status changes"},
    "diff.title.structure": {
        "es": "Objetivos, estrategias, actividades, agencias y metadatos",
        "en": "Objectives, strategies, activities, agencies and metadata",
    },
    "diff.kind.added": {"es": "nuevo", "en": "added"},
    "diff.kind.removed": {"es": "eliminado", "en": "removed"},
    "diff.kind.changed": {"es": "modificado", "en": "changed"},
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
}
