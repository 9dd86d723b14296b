"""The worst uploads of issue 12, each read by the upload page's path in a child process.

Built by code (tests/hostile.py and below): the XFD1048576 file, 1,048,575 wrong progress
rows, a million valid rows, a 10 MB token in «Líderes» (Limits.max_cell_chars), 100,000 rows
with an error each (Limits.max_issues), a 149 MB sharedStrings part (what a 20 MB upload
admits), a 200 MB zip bomb. Each runs `load_workbook` then, as the page does
when the file is readable, `annotate_errors`, in its own `python` process; the table gives
the file's size, the rule it ends with, the time to read it, the child's wall time (imports
included) and its peak RSS (psutil, sampled, and the kernel's VmHWM). A bare child (the
imports only) is the baseline.

Goal (the issue's): a refused upload of any size the widget accepts stays under ~300 MB and
~10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_S = 10.0
GOAL_MB = 300.0
_CHILD = r"""
import json, resource, sys, time
from planmonitor.output.template import annotate_errors
from planmonitor.reading.loader import load_workbook
from planmonitor.reading.validate import FILE_RULES
ready = time.perf_counter()
path = sys.argv[1]
rules, annotated = [], None
if path != "-":
    data = open(path, "rb").read()
    start = time.perf_counter()
    result = load_workbook(data)
    rules = sorted(set(result.issues["rule"]))
    if not set(rules) & {r.value for r in FILE_RULES} and not result.ok:
        try:
            annotated = len(annotate_errors(data, result.issues))
        except ValueError:
            annotated = 0
    elapsed = time.perf_counter() - start
else:
    elapsed = 0.0
# VmHWM: this process's own peak (ru_maxrss would carry the parent's from before exec)
status = open("/proc/self/status").read() if sys.platform == "linux" else ""
hwm = [int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM")]
peak = hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rules": rules, "seconds": elapsed, "hwm": peak, "annotated": annotated}))
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("hostile")
    g.add_argument("--hostile-keep", help="keep the built files in this folder")


def _shared_xlsx(rows: int, code: str) -> bytes:
    """«Avances» alone with `rows` reports, the way Excel writes them: shared strings, dates
    as serials, one row per report."""
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile

    strings = ["Fecha", "Producto", "Estado", "Porcentaje", code, "En curso"]
    sst = (
        f'{hostile.DECL}<sst xmlns="{hostile.MAIN}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{s}</t></si>" for s in strings)
    ) + "</sst>"
    header = '<row r="1">' + "".join(
        f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD")
    )
    serial = (dt.datetime(2024, 1, 15) - hostile.EPOCH).days

    def body():
        yield header + "</row>"
        for r in range(2, rows + 2):
            yield (
                f'<row r="{r}"><c r="A{r}" s="1"><v>{serial}</v></c><c r="B{r}" t="s"><v>4</v>'
                f'</c><c r="C{r}" t="s"><v>5</v></c><c r="D{r}"><v>{r % 100}</v></c></row>'
            )

    head = hostile.Sheet("Avances", body="").xml().removesuffix("</worksheet>")
    # calamine finds xl/sharedStrings.xml by its name; the sheet member is written streaming
    # (hundreds of MB of XML are never one string).
    data = hostile.build([hostile.Sheet("Avances", [["x"]])], members={"xl/sharedStrings.xml": sst})
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, src.read(info))
                continue
            with dst.open(info.filename, "w", force_zip64=True) as fh:
                fh.write(head.encode() + b"<sheetData>")
                batch: list[str] = []
                for piece in body():
                    batch.append(piece)
                    if len(batch) == 10_000:
                        fh.write("".join(batch).encode())
                        batch = []
                fh.write("".join(batch).encode() + b"</sheetData></worksheet>")
    return out.getvalue()


def cases() -> dict[str, Callable[[], bytes]]:
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile

    return {
        "XFD1048576 (2 KB)": lambda: hostile.far_cell("XFD1048576", 1_048_576),
        "1,048,575 wrong progress rows": lambda: _shared_xlsx(1_048_575, "9.9.9-9"),
        "1,000,000 valid progress rows": lambda: _shared_xlsx(1_000_000, "1.1.1-1"),
        "10 MB token in Líderes": hostile.long_token,  # 84 s, 588 MB before Limits
        "100,000 rows, an error each": hostile.error_per_row,
        "149 MB sharedStrings": lambda: hostile.huge_shared_strings(149 << 20),
        "200 MB zip bomb": hostile.zip_bomb,
    }


def _rss_mb(pid: int) -> float:
    import psutil

    try:
        return psutil.Process(pid).memory_info().rss / 1024 / 1024
    except psutil.NoSuchProcess:
        return 0.0


def measure(path: str) -> dict:
    """Wall time and peak RSS of one child reading `path` ("-": the imports only)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, path], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.02):
            peak = max(peak, _rss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        return {"error": f"exit {proc.returncode}: {err.strip()[-300:]}", "wall": wall}
    report = json.loads(out.strip().splitlines()[-1])
    report.update(wall=wall, peak=max(peak, report["hwm"]))
    return report


def run(args: argparse.Namespace) -> None:
    keep = getattr(args, "hostile_keep", None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(keep) if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        base = measure("-")
        print(f"   bare child (imports only): {base['wall']:.1f} s, {base['peak']:.0f} MB")
        header = f"   {'case':<32}{'file MB':>8}{'read s':>8}{'wall s':>8}{'peak MB':>9}  outcome"
        print(header)
        worst_s = worst_mb = 0.0
        for i, (label, build) in enumerate(cases().items()):
            started = time.perf_counter()
            path = folder / f"hostile-{i}.xlsx"
            path.write_bytes(build())
            built = time.perf_counter() - started
            size = path.stat().st_size / 1024 / 1024
            r = measure(str(path))
            if "error" in r:
                print(f"   {label:<32}{size:>8.1f}  CRASHED: {r['error']}")
                continue
            outcome = ",".join(r["rules"]) or "read"
            if r["annotated"] is not None:
                outcome += f" (annotated: {r['annotated'] / 1e6:.1f} MB)"
            print(
                f"   {label:<32}{size:>8.1f}{r['seconds']:>8.2f}{r['wall']:>8.2f}"
                f"{r['peak']:>9.0f}  {outcome}   [built in {built:.0f} s]"
            )
            worst_s, worst_mb = max(worst_s, r["wall"]), max(worst_mb, r["peak"])
        ok = worst_s < GOAL_S and worst_mb < GOAL_MB
        print(
            f"   goal: every case under {GOAL_S:g} s and {GOAL_MB:g} MB (child's wall and peak, "
            f"imports included): {'ok' if ok else 'MISSED'} (worst {worst_s:.1f} s, "
            f"{worst_mb:.0f} MB)"
        )
