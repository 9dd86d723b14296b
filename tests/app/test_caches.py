"""The page caches are keyed by their arguments (issue 8).

`page.memo` keyed on a repr of the view plus what each caller remembered to pass, while the
closure read page globals: a forgotten variable handed one session another's result. Now a
cached function is a module-level function whose parameters are everything it reads; the AST
guard below fails on a cached function that reads anything else, and two sessions on one
process-wide cache each see their own numbers.
"""

from __future__ import annotations

import ast
import builtins
import json
from pathlib import Path

import pytest
import streamlit as st
from apphelpers import ENTRY, ROOT, page_path
from planfactory import small_plan
from streamlit.testing.v1 import AppTest

SOURCES = sorted(
    [
        ROOT / "dashboard.py",
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "src/planmonitor/ui").glob("*.py"),
    ]
)
# Reading any of these inside a cached function reads the session, not the arguments.
SESSION_READS = {"session_state", "query_params", "context", "secrets", "user", "view", "current"}
BUILTINS = set(dir(builtins))


def _is_cache(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute) and target.attr in {"cache_data", "cache_resource"}


def _module_names(tree: ast.Module) -> tuple[set[str], dict[str, ast.FunctionDef]]:
    """Names a function may read from its module: imports, functions, classes, CONSTANTS."""
    allowed: set[str] = set()
    functions: dict[str, ast.FunctionDef] = {}
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            allowed |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            functions[node.name] = node
        elif isinstance(node, ast.ClassDef):
            allowed.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id.isupper():
                        allowed.add(name.id)
    return allowed, functions


def _bound(func: ast.AST) -> set[str]:
    """Every name bound anywhere inside `func` (parameters, assignments, loops, nested defs)."""
    names: set[str] = set()
    for node in ast.walk(func):
        if isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def problems(source: str, where: str = "<source>") -> list[str]:
    """What breaks the rule in one module's source (empty: every cached function is keyed by
    its arguments)."""
    tree = ast.parse(source)
    allowed, functions = _module_names(tree)
    out: list[str] = []
    top = {id(n) for n in tree.body}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if not any(_is_cache(d) for d in node.decorator_list):
            continue
        name = f"{where}:{node.name}"
        if id(node) not in top:
            out.append(f"{name} is not a module-level function (a closure reads its scope)")
        for dec in node.decorator_list:
            if _is_cache(dec):
                given = {k.arg for k in dec.keywords} if isinstance(dec, ast.Call) else set()
                if not given & {"max_entries", "ttl"}:
                    out.append(f"{name} sets neither max_entries nor ttl")
        out += _reads(node, name, allowed, functions, seen=set())
    return out


def _reads(func, name, allowed, functions, seen) -> list[str]:
    """Names `func` (and the module's functions it calls) read beyond its arguments."""
    if func.name in seen:
        return []
    seen.add(func.name)
    out = []
    defaults = [*func.args.defaults, *(d for d in func.args.kw_defaults if d is not None)]
    if any(not isinstance(d, ast.Constant) for d in defaults):
        out.append(f"{name}: a default value that is not a constant")
    bound = _bound(func)
    hints = [func.returns, *(a.annotation for a in ast.walk(func.args) if isinstance(a, ast.arg))]
    hints += [n.annotation for n in ast.walk(func) if isinstance(n, ast.AnnAssign)]
    in_hints = {id(n) for hint in hints if hint is not None for n in ast.walk(hint)}
    for node in ast.walk(func):
        if id(node) in in_hints:  # annotations are not read when the function runs
            continue
        if isinstance(node, ast.Attribute) and node.attr in SESSION_READS:
            out.append(f"{name} reads .{node.attr}")
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            ident = node.id
            if ident in bound or ident in BUILTINS or ident in allowed:
                continue
            if ident in functions:
                out += _reads(functions[ident], f"{name} -> {ident}", allowed, functions, seen)
                continue
            out.append(f"{name} reads {ident!r}, which is not one of its arguments")
    return out


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_cached_function_reads_only_its_arguments(path: Path):  # issue 8
    assert problems(path.read_text(encoding="utf-8"), path.name) == []


def test_the_guard_catches_a_closure_a_page_global_and_a_missing_limit():
    source = """
import streamlit as st
LIMIT = 3
v = object()

def helper(x):
    return x + v.offset

@st.cache_resource(max_entries=4)
def fine(_plan, version, n):
    rows = [r for r in range(n)]
    return len(rows) + LIMIT

@st.cache_resource(ttl=60)
def reads_a_page_global(_plan, version):
    return v.filters

@st.cache_resource(max_entries=4)
def reads_it_through_a_helper(_plan, version):
    return helper(version)

@st.cache_data
def unlimited(x):
    return x

@st.cache_data(max_entries=2)
def reads_the_session(x):
    return st.session_state["k"]

def page():
    lang = "es"

    @st.cache_resource(max_entries=2)
    def closure(x):
        return lang
    return closure
"""
    found = "\n".join(problems(source))
    assert "fine" not in found
    assert "reads_a_page_global reads 'v'" in found
    assert "reads_it_through_a_helper -> helper reads 'v'" in found
    assert "unlimited sets neither max_entries nor ttl" in found
    assert "reads_the_session reads .session_state" in found
    assert "closure is not a module-level function" in found
    assert "closure reads 'lang'" in found


def test_page_memo_is_gone():  # issue 8: no cache keyed by convention
    from planmonitor.ui import page

    assert not hasattr(page, "memo") and not hasattr(page, "memo_version")


# --------------------------------------------------------------------------------------------
# Two sessions, one cache
# --------------------------------------------------------------------------------------------
VIEWS = ({"agencia": "OIT"}, {"agencia": "UNODC", "estado": "En curso"})
FILTERED_PAGES = ("resumen", "cronograma", "carga", "cobertura", "avance", "calidad", "cambios")


def _session(name: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if name != "resumen":
        at.switch_page(page_path(name)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _shown(at: AppTest) -> dict:
    """What a page drew that depends on the data: numbers, charts and tables."""
    return {
        "metrics": [(m.label, m.value) for m in at.metric],
        "charts": [json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart")],
        "tables": [df.value.to_json() for df in at.dataframe],
        "captions": [c.value for c in at.caption],
    }


@pytest.mark.parametrize("name", FILTERED_PAGES)
def test_two_sessions_with_different_filters_each_see_their_own_results(use_plan, name):
    """issue 8: each session, run in turn on one warm process-wide cache, shows what it shows
    alone on a cold cache; and the two views differ (else the test would prove nothing)."""
    use_plan(small_plan())
    alone = []
    for params in VIEWS:
        st.cache_resource.clear()
        st.cache_data.clear()
        alone.append(_shown(_session(name, params)))
    assert alone[0] != alone[1]
    assert alone[0]["charts"] or alone[0]["tables"] or alone[0]["metrics"]

    st.cache_resource.clear()
    st.cache_data.clear()
    first, second = (_session(name, params) for params in VIEWS)
    assert _shown(first) == alone[0]
    assert _shown(second) == alone[1]
    for at, expected in ((first, alone[0]), (second, alone[1]), (first, alone[0])):
        at.run()  # warm reruns, interleaved
        assert _shown(at) == expected
