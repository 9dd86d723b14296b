"""Session keys of the dashboard. A widget's key is also its URL query parameter.

Every key of a widget bound to the URL is a short Spanish word, because it ends up in links
that the secretariat shares ("?agencia=<sigla>&estrategia=2.1").
"""

from __future__ import annotations

from planmonitor import model

# Frame: the language is kept in the URL as ?lang=en by the frame itself (see ui.frame)
LANG = "lang"
LANG_WIDGET = "_pm_lang"
LANG_SHOWN = "_pm_lang_shown"

# The plan on show when the store holds several (ui.plans; kept in the URL by itself as ?plan=)
PLAN = "plan"

# Shared filters (sidebar, bound to the URL)
AGENCY = "agencia"
ROLE = "rol"
OBJECTIVE = "objetivo"
STRATEGY = "estrategia"
ACTIVITY = "actividad"
STATUS = "estado"
PERIOD = "periodo"
GCM = "pmm"

FILTER_KEYS: tuple[str, ...] = (AGENCY, ROLE, OBJECTIVE, STRATEGY, ACTIVITY, STATUS, PERIOD, GCM)

# Default value of each filter widget (what "Restablecer filtros" puts back).
FILTER_DEFAULTS: dict[str, object] = {
    AGENCY: [],
    ROLE: model.AgencyRole.ANY.value,
    OBJECTIVE: [],
    STRATEGY: [],
    ACTIVITY: [],
    STATUS: [],
    PERIOD: None,  # the whole period of the plan on show (ui.filters.period_default)
    GCM: [],
}

# Page widgets that are also part of a shareable view (bound to the URL)
GANTT_COLOR = "color"
GANTT_LEVEL = "nivel"
GANTT_BY_STRATEGY = "por_estrategia"
EXCLUDE_ALL_GCM = "sin_todos"
GCM_PICK = "objetivo_pmm"
AS_OF = "fecha"
SEARCH = "buscar"
PRODUCT = "producto"
STALE_DAYS = "dias"

# Bound widgets whose URL value is a translated label (re-sent after a language switch)
TRANSLATED_BOUND_KEYS: tuple[str, ...] = (ROLE, STATUS, GCM, GANTT_COLOR, GANTT_LEVEL, GCM_PICK)

# Internal (never in the URL)
FRAME_RUNNING = "_pm_frame_running"
INTENDED = "_pm_intended"
