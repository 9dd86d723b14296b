"""Issue 12: no file can end or hang the process, whatever it holds (tests/hostile.py).

Each kind goes through the two doors the issue found broken:

- the CLI, `python -m planmonitor validate FILE` and `import FILE --by test`, in a child
  process under an address-space limit (an allocation of 512 GiB fails there instead of
  taking the machine) and a generous hang guard; it must end with the expected exit code,
  print no traceback and no Rust panic, name where the problem is, and leave the store as it
  was (same versions, same bytes);
- the upload page's path in-process: load_workbook, then annotate_errors, which returns a
  workbook or raises ValueError and nothing else.

The guard is not a timing threshold: it only turns a hang into a failure. Speed is measured
by `make bench` (bench/section_hostile.py).
"""

from __future__ import annotations

import io
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import pytest
from factory import TODAY
from hostile import KINDS, Kind, valid

from planmonitor import store as store_mod
from planmonitor.output.template import annotate_errors
from planmonitor.reading.loader import load_workbook
from planmonitor.reading.validate import FILE_RULES

ROOT = Path(__file__).resolve().parents[1]
ADDRESS_SPACE = 1536 * 1024 * 1024  # 1.5 GB: the interpreter, pandas and pyarrow fit
HANG_GUARD = 240  # seconds; a hang, not slowness (the bench measures speed)
PARALLEL = 2
IDS = [k.name for k in KINDS]
CLI_KINDS = [k for k in KINDS if k.cli]


def _limit_address_space() -> None:  # runs in the child, between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@dataclass
class Run:
    """One CLI command's end."""

    code: int
    out: str

    def clean(self) -> bool:
        return "Traceback" not in self.out and "panicked" not in self.out


@dataclass
class KindRuns:
    """Both commands of one kind, and the store they ran against."""

    db: Path
    runs: dict[str, Run]


def _snapshot(url: str) -> list[tuple[int, str, bytes]]:
    s = store_mod.open_store(url, seed=False)
    try:
        versions = s.versions()
        return [
            (int(v), str(sha), s.file_bytes(int(v)))
            for v, sha in zip(versions["id"], versions["sha256"], strict=True)
        ]
    finally:
        s.dispose()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    """Every kind's file, built once per session."""
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for kind in KINDS:
        path = folder / f"{kind.name}.xlsx"
        path.write_bytes(kind.build())
        paths[kind.name] = path
    return paths


@pytest.fixture(scope="session")
def seeded(tmp_path_factory) -> Path:
    """A store whose only version is the valid plan the kinds are built on."""
    folder = tmp_path_factory.mktemp("hostile-store")
    plan = folder / "plan.xlsx"
    plan.write_bytes(valid())
    path = folder / "seed.sqlite"
    store_mod.open_store(f"sqlite:///{path}", seed=[plan]).dispose()
    return path


@pytest.fixture(scope="session")
def cli(corpus, seeded, tmp_path_factory) -> dict[str, KindRuns]:
    """Both commands for every kind, two child processes at a time (no threads: the address
    space limit is set between fork and exec)."""
    folder = tmp_path_factory.mktemp("hostile-runs")
    jobs = []
    results: dict[str, KindRuns] = {}
    for kind in CLI_KINDS:
        db = folder / f"{kind.name}.sqlite"
        shutil.copyfile(seeded, db)
        file = str(corpus[kind.name])
        jobs.append((kind.name, "validate", [file], db))
        jobs.append((kind.name, "import", [file, "--by", "test"], db))
        results[kind.name] = KindRuns(db, {})
    running: deque = deque()

    def finish() -> None:
        name, command, proc, log = running.popleft()
        try:
            code = proc.wait(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = proc.wait()
            log.write_text(log.read_text() + f"\n(hang guard: killed after {HANG_GUARD} s)")
        results[name].runs[command] = Run(code, log.read_text(errors="replace"))

    for name, command, args, db in jobs:
        if len(running) == PARALLEL:
            finish()
        env = {**os.environ, "PLANMONITOR_DATABASE_URL": f"sqlite:///{db}"}
        log = folder / f"{name}-{command}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "planmonitor", command, *args],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=_limit_address_space,  # noqa: PLW1509 - no threads here
            )
        running.append((name, command, proc, log))
    while running:
        finish()
    return results


@pytest.fixture(scope="session")
def seed_snapshot(seeded) -> list[tuple[int, str, bytes]]:
    return _snapshot(f"sqlite:///{seeded}")


def _where(kind: Kind, text: str) -> None:
    if kind.expect_where:
        assert kind.expect_where in text, f"{kind.name}: «{kind.expect_where}» not in:\n{text}"


@pytest.mark.parametrize("kind", CLI_KINDS, ids=[k.name for k in CLI_KINDS])
def test_cli_ends_cleanly_names_the_place_and_leaves_the_store_alone(
    kind: Kind, cli, seed_snapshot
) -> None:  # issue 12
    runs = cli[kind.name].runs
    validate_code, import_code = kind.exits()
    for command, expected in (("validate", validate_code), ("import", import_code)):
        run = runs[command]
        assert run.code == expected, f"{kind.name} {command}: exit {run.code}\n{run.out}"
        assert run.clean(), f"{kind.name} {command} printed a traceback:\n{run.out}"
    _where(kind, runs["validate"].out)
    if kind.expect_rule is not None:
        assert kind.expect_rule.value in runs["validate"].out
        _where(kind, runs["import"].out)
    # refused: nothing stored; read: the same content as the current version, not stored twice
    assert _snapshot(f"sqlite:///{cli[kind.name].db}") == seed_snapshot, kind.name


@pytest.mark.parametrize("kind", KINDS, ids=IDS)
def test_upload_path_refuses_or_reads_and_annotates_without_crashing(kind: Kind, corpus):
    data = corpus[kind.name].read_bytes()
    result = load_workbook(data, today=TODAY)
    rules = set(result.issues["rule"])
    text = " ".join(result.issues["message"]) + " " + " ".join(result.issues["message_en"])
    if kind.expect_rule is None:
        assert result.ok, result.issues.to_string()
        if kind.expect_warning is not None:
            assert kind.expect_warning.value in rules
    else:
        assert not result.ok and result.plan is None
        assert kind.expect_rule.value in rules, result.issues.to_string()
        if kind.expect_rule in FILE_RULES:
            assert len(result.issues) == 1, result.issues.to_string()
    _where(kind, text)
    try:
        marked = annotate_errors(data, result.issues)
    except ValueError:
        assert kind.expect_rule is not None, f"{kind.name}: a readable file was not annotated"
        return
    assert kind.expect_rule not in FILE_RULES
    with zipfile.ZipFile(io.BytesIO(marked)) as zf:
        assert zf.testzip() is None
    again = load_workbook(marked, today=TODAY)  # the marked copy passes the same checks
    assert set(again.issues["rule"]) == rules


def test_the_corpus_covers_the_container_and_sheet_layer() -> None:
    rules = {k.expect_rule for k in KINDS} | {k.expect_warning for k in KINDS}
    assert len(KINDS) >= 30 and len(CLI_KINDS) >= 30
    assert len({k.name for k in KINDS}) == len(KINDS)
    assert any(k.expect_rule is None for k in KINDS)
    for rule in (
        "sheet_too_large",
        "bad_date_cell",
        "unsafe_xml",
        "macros",
        "hidden_sheet",
        "duplicate_sheet",
        "duplicate_part",
        "control_character",
        "other_format",
    ):
        assert rule in {r.value for r in rules if r is not None}, rule  # fmt: skip
