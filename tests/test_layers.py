"""The package's folders are its layers (docs/architecture.md, "Layers"): a module imports only
from its own layer or the ones before it, so the next maintainer can change a layer knowing
what can break. The check reads every module's imports (top level and inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "planmonitor"
# shared by every layer, then the layers in order
SHARED = {"model", "catalog", "i18n"}
ENTRY = {"__init__", "__main__"}  # the package's entry points (`python -m planmonitor`)
ORDER = ["reading", "analysis", "output", "store", "synth", "cli", "ui"]


def layer_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_layers(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "planmonitor":
                names = [f"planmonitor.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        out |= {n.split(".")[1] for n in names if n.startswith("planmonitor.")}
    return out


MODULES = sorted(
    p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts and layer_of(p) not in ENTRY
)


def test_every_module_is_in_a_known_layer():
    assert {layer_of(p) for p in MODULES} <= SHARED | ENTRY | set(ORDER)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_module_imports_only_its_layer_or_earlier_ones(path: Path):
    own = layer_of(path)
    if own in SHARED:  # the shared modules import only each other
        assert imported_layers(path) <= SHARED, path
        return
    later = {lay for lay in imported_layers(path) - SHARED if ORDER.index(lay) > ORDER.index(own)}
    assert later == set(), f"{path.relative_to(PACKAGE)} imports the later layer(s) {later}"
