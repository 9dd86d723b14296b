"""Strings of the meeting mode, "Qué cambió", decisions and the monthly report page.

Merged by `planmonitor.i18n.t` (listed in i18n.OPTIONAL_MODULES). Keys start with "meeting.",
"cambios.", "decisions.", "informe." or are the pages' titles ("page.cambios", …).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ---- pages ---------------------------------------------------------------------------
    "page.cambios": {"es": "Qué cambió", "en": "What changed"},
    "page.decisiones": {"es": "Decisiones y acuerdos", "en": "Decisions and action points"},
    "page.informe": {"es": "Informe mensual", "en": "Monthly report"},
    # ---- meeting mode ----------------------------------------------------------------------
    "meeting.switch": {"es": "Modo reunión", "en": "Meeting mode"},
    "meeting.switch_help": {
        "es": "Pantalla para proyectar en la reunión del Comité Ejecutivo: letra grande, sin "
        "barra lateral, una pantalla tras otra. Los filtros elegidos se mantienen.",
        "en": "Projector view for the Executive Committee's meeting: large type, no sidebar, "
        "one screen after another. The chosen filters still apply.",
    },
    "meeting.prev": {"es": "Anterior", "en": "Previous"},
    "meeting.next": {"es": "Siguiente", "en": "Next"},
    "meeting.exit": {"es": "Salir", "en": "Leave"},
    "meeting.exit_help": {"es": "Salir del modo reunión", "en": "Leave meeting mode"},
    "meeting.auto": {"es": "Avance automático", "en": "Auto-advance"},
    "meeting.auto.off": {"es": "Auto: no", "en": "Auto: off"},
    "meeting.auto.every": {"es": "Auto: {n} s", "en": "Auto: {n} s"},
    "meeting.step": {"es": "Pantalla {n} de {total}", "en": "Screen {n} of {total}"},
    "meeting.keys": {
        "es": "Flechas ← → para cambiar de pantalla",
        "en": "Arrow keys ← → change the screen",
    },
    "meeting.screen.overview": {"es": "Resumen del plan", "en": "Plan overview"},
    "meeting.screen.gantt": {
        "es": "Cronograma · {level} {code}",
        "en": "Timeline · {level} {code}",
    },
    "meeting.screen.load": {"es": "Carga por agencia", "en": "Agency workload"},
    "meeting.screen.gcm": {"es": "Cobertura del PMM", "en": "GCM coverage"},
    "meeting.screen.alerts": {"es": "Alertas", "en": "Alerts"},
    "meeting.kpi.products": {"es": "Productos", "en": "Products"},
    "meeting.kpi.overall": {"es": "Avance medio", "en": "Mean progress"},
    "meeting.kpi.completed": {"es": "Completados", "en": "Completed"},
    "meeting.kpi.delayed": {"es": "Retrasados", "en": "Delayed"},
    "meeting.kpi.no_report": {"es": "Sin reporte", "en": "No report"},
    "meeting.no_alerts": {"es": "No hay alertas.", "en": "There are no alerts."},
    "meeting.more_alerts": {
        "es": "… y {n} producto(s) más con alertas (página Resumen).",
        "en": "… and {n} more product(s) with alerts (Overview page).",
    },
    "meeting.no_load": {"es": "Ningún producto tiene agencias.", "en": "No product has agencies."},
    "meeting.alerts.code": {"es": "Código", "en": "Code"},
    "meeting.alerts.product": {"es": "Producto", "en": "Product"},
    "meeting.alerts.kind": {"es": "Alerta", "en": "Alert"},
    "meeting.alerts.detail": {"es": "Detalle", "en": "Detail"},
    # ---- what changed ----------------------------------------------------------------------
    "cambios.reference": {"es": "Comparar con", "en": "Compare with"},
    "cambios.reference.date": {"es": "una fecha", "en": "a date"},
    "cambios.reference.version": {"es": "una versión guardada", "en": "a stored version"},
    "cambios.date": {"es": "Datos al", "en": "Data as of"},
    "cambios.version": {"es": "Versión", "en": "Version"},
    "cambios.no_versions": {
        "es": "No hay versiones guardadas con las que comparar; se compara con una fecha.",
        "en": "There are no stored versions to compare with; comparing with a date.",
    },
    "cambios.since_date": {
        "es": "Cambios desde el {date} (fin del día) hasta hoy.",
        "en": "Changes since {date} (end of day) until today.",
    },
    "cambios.since_version": {
        "es": "Cambios desde la versión {v} hasta la versión actual.",
        "en": "Changes since version {v} until the current version.",
    },
    "cambios.none": {
        "es": "Nada cambió desde la referencia elegida.",
        "en": "Nothing changed since the chosen reference.",
    },
    "cambios.count.status_changes": {"es": "Cambios de estado", "en": "Status changes"},
    "cambios.count.percent_gained": {"es": "Cambios de avance", "en": "Progress changes"},
    "cambios.count.new_products": {"es": "Productos nuevos", "en": "New products"},
    "cambios.count.removed_products": {"es": "Productos eliminados", "en": "Removed products"},
    "cambios.count.slips": {"es": "Fines aplazados", "en": "End dates moved later"},
    "cambios.count.new_comments": {"es": "Comentarios nuevos", "en": "New comments"},
    "cambios.count.changed_fields": {"es": "Datos modificados", "en": "Fields edited"},
    "cambios.col.code": {"es": "Código", "en": "Code"},
    "cambios.col.name": {"es": "Producto", "en": "Product"},
    "cambios.col.activity": {"es": "Actividad", "en": "Activity"},
    "cambios.col.old_status": {"es": "Estado antes", "en": "Status before"},
    "cambios.col.new_status": {"es": "Estado ahora", "en": "Status now"},
    "cambios.col.old": {"es": "Avance antes", "en": "Progress before"},
    "cambios.col.new": {"es": "Avance ahora", "en": "Progress now"},
    "cambios.col.delta": {"es": "Diferencia", "en": "Difference"},
    "cambios.col.old_end": {"es": "Fin antes", "en": "End before"},
    "cambios.col.new_end": {"es": "Fin ahora", "en": "End now"},
    "cambios.col.days": {"es": "Días más tarde", "en": "Days later"},
    "cambios.col.date": {"es": "Fecha", "en": "Date"},
    "cambios.col.comment": {"es": "Comentario", "en": "Comment"},
    "cambios.col.reported_by": {"es": "Reportado por", "en": "Reported by"},
    "cambios.col.field": {"es": "Dato", "en": "Field"},
    "cambios.col.header": {"es": "Columna", "en": "Column"},
    "cambios.col.before": {"es": "Antes", "en": "Before"},
    "cambios.col.after": {"es": "Ahora", "en": "Now"},
    "cambios.gantt": {
        "es": "Cronograma con los cambios marcados (◆)",
        "en": "Timeline with the changes marked (◆)",
    },
    "cambios.markers": {"es": "Marcar cambios desde", "en": "Mark changes since"},
    "cambios.markers_help": {
        "es": "Dibuja un rombo en cada producto que cambió desde esa fecha (página «Qué cambió»).",
        "en": "Draws a diamond on every product that changed since that date ('What changed').",
    },
    # ---- decisions -------------------------------------------------------------------------
    "decisions.kind.decision": {"es": "Decisión", "en": "Decision"},
    "decisions.kind.action": {"es": "Acuerdo / acción", "en": "Action point"},
    "decisions.status.open": {"es": "Pendiente", "en": "Open"},
    "decisions.status.done": {"es": "Cumplido", "en": "Done"},
    "decisions.target.product": {"es": "Producto", "en": "Product"},
    "decisions.target.strategy": {"es": "Estrategia", "en": "Strategy"},
    "decisions.col.n": {"es": "N.º", "en": "No."},
    "decisions.col.kind": {"es": "Tipo", "en": "Type"},
    "decisions.col.target": {"es": "Producto o estrategia", "en": "Product or strategy"},
    "decisions.col.text": {"es": "Qué", "en": "What"},
    "decisions.col.owner": {"es": "Quién", "en": "Who"},
    "decisions.col.due": {"es": "Para cuándo", "en": "By when"},
    "decisions.col.status": {"es": "Estado", "en": "Status"},
    "decisions.minutes.title": {
        "es": "Comité Ejecutivo · Decisiones y acuerdos",
        "en": "Executive Committee · Decisions and action points",
    },
    "decisions.minutes.meeting": {"es": "Reunión del {date}", "en": "Meeting of {date}"},
    "decisions.minutes.sheet": {"es": "Acta", "en": "Minutes"},
    "decisions.none": {
        "es": "No hay decisiones ni acuerdos registrados para esta reunión.",
        "en": "No decisions or action points are recorded for this meeting.",
    },
    "decisions.err.kind": {"es": "Tipo desconocido: {value}", "en": "Unknown type: {value}"},
    "decisions.err.target_type": {
        "es": "Debe referirse a un producto o a una estrategia (no «{value}»).",
        "en": "It must refer to a product or a strategy (not '{value}').",
    },
    "decisions.err.status": {"es": "Estado desconocido: {value}", "en": "Unknown status: {value}"},
    "decisions.err.no_target": {
        "es": "Elija el producto o la estrategia.",
        "en": "Choose the product or the strategy.",
    },
    "decisions.err.unknown_target": {
        "es": "«{code}» no es un producto ni una estrategia del plan.",
        "en": "'{code}' is not a product or a strategy of the plan.",
    },
    "decisions.err.no_text": {
        "es": "Escriba qué se decidió o acordó.",
        "en": "Write what was decided or agreed.",
    },
    "decisions.err.long_text": {
        "es": "El texto es demasiado largo (máximo {n} caracteres).",
        "en": "The text is too long (at most {n} characters).",
    },
    "decisions.err.long_owner": {
        "es": "«Quién» es demasiado largo (máximo {n} caracteres).",
        "en": "'Who' is too long (at most {n} characters).",
    },
    "decisions.err.no_owner": {
        "es": "Un acuerdo necesita un responsable («Quién»).",
        "en": "An action point needs someone responsible ('Who').",
    },
    "decisions.err.due_before": {
        "es": "La fecha límite es anterior a la reunión.",
        "en": "The deadline is before the meeting.",
    },
    "decisions.err.conflict": {
        "es": "Otra persona modificó esta decisión al mismo tiempo; vuelva a intentarlo.",
        "en": "Someone else changed this decision at the same time; please try again.",
    },
    "decisions.meeting": {"es": "Reunión", "en": "Meeting"},
    "decisions.no_meetings": {
        "es": "Todavía no hay decisiones ni acuerdos registrados.",
        "en": "No decisions or action points have been recorded yet.",
    },
    "decisions.open_only": {"es": "Solo pendientes", "en": "Open only"},
    "decisions.all_meetings": {"es": "Todas las reuniones", "en": "All meetings"},
    "decisions.download_xlsx": {"es": "Descargar acta (Excel)", "en": "Download minutes (Excel)"},
    "decisions.download_html": {
        "es": "Descargar acta para imprimir (HTML)",
        "en": "Download printable minutes (HTML)",
    },
    "decisions.record": {
        "es": "Registrar una decisión o un acuerdo",
        "en": "Record a decision or an action point",
    },
    "decisions.record_help": {
        "es": "Solo la Secretaría registra; todos ven la lista y el acta.",
        "en": "Only the Secretariat records; everyone sees the list and the minutes.",
    },
    "decisions.login_hint": {
        "es": "Para registrar decisiones, ingrese en «Acceso de la Secretaría».",
        "en": "To record decisions, log in under 'Secretariat access'.",
    },
    "decisions.form.meeting": {"es": "Fecha de la reunión", "en": "Meeting date"},
    "decisions.form.kind": {"es": "Tipo", "en": "Type"},
    "decisions.form.target": {"es": "Producto o estrategia", "en": "Product or strategy"},
    "decisions.form.text": {"es": "Qué se decidió o acordó", "en": "What was decided or agreed"},
    "decisions.form.owner": {"es": "Quién (responsable)", "en": "Who (responsible)"},
    "decisions.form.due": {"es": "Para cuándo", "en": "By when"},
    "decisions.form.status": {"es": "Estado", "en": "Status"},
    "decisions.form.save": {"es": "Guardar", "en": "Save"},
    "decisions.saved": {"es": "Guardado.", "en": "Saved."},
    "decisions.update": {"es": "Cambiar el estado o corregir", "en": "Change status or correct"},
    "decisions.update.pick": {"es": "Decisión o acuerdo", "en": "Decision or action point"},
    "decisions.update.save": {"es": "Guardar cambios", "en": "Save changes"},
    "decisions.update.nothing": {"es": "No cambió nada.", "en": "Nothing changed."},
    "decisions.unavailable": {
        "es": "Las decisiones se guardan en la base de datos del tablero, que no está "
        "disponible en esta instalación.",
        "en": "Decisions are stored in the dashboard's database, which is not available in "
        "this installation.",
    },
    # ---- monthly report --------------------------------------------------------------------
    "informe.intro": {
        "es": "El informe mensual para la Red Regional, calculado al último día del mes "
        "elegido sobre todo el plan (los filtros de la barra lateral no se aplican). Los "
        "mismos datos dan siempre el mismo informe.",
        "en": "The monthly report to the Regional Network, computed as of the chosen month's "
        "last day over the whole plan (the sidebar's filters do not apply). The same data "
        "always gives the same report.",
    },
    "informe.month": {"es": "Mes", "en": "Month"},
    "informe.lang": {"es": "Idioma del informe", "en": "Report language"},
    "informe.excel": {"es": "Descargar Excel", "en": "Download Excel"},
    "informe.html": {"es": "Descargar HTML (para imprimir)", "en": "Download HTML (printable)"},
    "informe.html_light": {
        "es": "HTML ligero (para correo)",
        "en": "Light HTML (for e-mail)",
    },
    "informe.pdf": {"es": "Descargar PDF", "en": "Download PDF"},
    "informe.pdf_prepare": {"es": "Preparar PDF", "en": "Prepare PDF"},
    "informe.pdf_wait": {"es": "Imprimiendo el PDF…", "en": "Printing the PDF…"},
    "informe.pdf_queued": {
        "es": "En cola: se está generando otro PDF…",
        "en": "Queued: another PDF is being printed…",
    },
    "informe.no_chromium": {
        "es": "El PDF no está disponible: este servidor no tiene Chromium instalado. Descargue "
        "el HTML y use «Imprimir → Guardar como PDF» en su navegador.",
        "en": "The PDF is not available: this server has no Chromium installed. Download the "
        "HTML and use 'Print → Save as PDF' in your browser.",
    },
    "informe.pdf_failed": {
        "es": "No se pudo imprimir el PDF ({error}). Descargue el HTML y use «Imprimir» en su "
        "navegador.",
        "en": "The PDF could not be printed ({error}). Download the HTML and use 'Print' in your "
        "browser.",
    },
    "informe.preview": {"es": "Vista previa de las secciones", "en": "Preview of the sections"},
}
