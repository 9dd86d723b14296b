"""planmonitor: monitoring of a UN Network on Migration's work plan (the plan describes itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["load_workbook", "load_default", "LoadResult", "Plan"]

if TYPE_CHECKING:
    from planmonitor.model import Plan
    from planmonitor.reading.loader import LoadResult, load_default, load_workbook


def __getattr__(name: str) -> Any:
    # Lazy: `import planmonitor.model` must not pay for the loader's imports.
    if name in {"load_workbook", "load_default", "LoadResult"}:
        from planmonitor.reading import loader

        return getattr(loader, name)
    if name == "Plan":
        from planmonitor.model import Plan

        return Plan
    raise AttributeError(name)
