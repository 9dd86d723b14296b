"""The monthly report as a PDF, printed from its HTML by the system's headless Chromium.

One PDF is about eleven Chromium processes and 1.2 GB, and the report page is public, so
printing is bounded (issue 12): one print at a time in the whole process (a later caller
waits its turn and is told so through `on_queued`), each print is killed with its whole
process group after `timeout` seconds, and the last CACHE_ENTRIES PDFs are kept by the sha256
of their HTML, so asking again for the same report prints nothing. The cache is shared by
every session on purpose: the same HTML gives the same PDF, whoever asks.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT = 120  # a network-scale month (2,000 products) prints in under 10 s
CACHE_ENTRIES = 8  # PDFs of a few MB each

# (html_text, executable, timeout) -> the PDF's bytes; tests pass a fake one.
Printer = Callable[[str, Path, float], bytes]

_PRINTING = threading.Lock()  # one Chromium print at a time, process-wide
_CACHE: OrderedDict[str, bytes] = OrderedDict()  # sha256 of the HTML -> PDF, least recent first
_CACHE_LOCK = threading.Lock()


class PdfError(RuntimeError):
    """Chromium is installed but did not produce a PDF (failed, timed out, or the queue did
    not move); the message says which, for the page and the CLI to show."""


def chromium_path() -> Path | None:
    """The system Chromium, or None when it is not installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def pdf_busy() -> bool:
    """True while a PDF is being printed (a new request would wait its turn)."""
    return _PRINTING.locked()


def clear_cache() -> None:
    """Forget every cached PDF."""
    with _CACHE_LOCK:
        _CACHE.clear()


def to_pdf(
    html_text: str,
    timeout: float = PDF_TIMEOUT,
    *,
    on_queued: Callable[[], None] | None = None,
    executable: Path | None = None,
    printer: Printer | None = None,
) -> bytes | None:
    """Print the HTML to PDF with headless Chromium; None when Chromium is not installed.

    The same HTML is printed once (then served from the cache). When another print is running,
    `on_queued` is called (in the caller's thread) before waiting for it, at most `timeout`
    seconds. Raises PdfError when Chromium runs but produces no PDF, times out, or the wait
    for the previous print times out: the caller says so instead of pretending the report has
    a PDF. `executable` is the Chromium to run (default: chromium_path()); `printer` replaces
    the Chromium subprocess (tests).
    """
    exe = executable if executable is not None else chromium_path()
    if exe is None:
        return None
    key = hashlib.sha256(html_text.encode("utf-8")).hexdigest()
    cached = _cached(key)
    if cached is not None:
        return cached
    if not _PRINTING.acquire(blocking=False):
        if on_queued is not None:
            on_queued()
        if not _PRINTING.acquire(timeout=timeout):
            raise PdfError(f"another PDF was still printing after {timeout:g} s")
    try:
        cached = _cached(key)  # printed meanwhile by the request this one waited for
        if cached is not None:
            return cached
        pdf = (printer or _chromium_print)(html_text, exe, timeout)
        with _CACHE_LOCK:
            _CACHE[key] = pdf
            while len(_CACHE) > CACHE_ENTRIES:
                _CACHE.popitem(last=False)
        return pdf
    finally:
        _PRINTING.release()


def _cached(key: str) -> bytes | None:
    with _CACHE_LOCK:
        pdf = _CACHE.get(key)
        if pdf is not None:
            _CACHE.move_to_end(key)
        return pdf


def _chromium_print(html_text: str, exe: Path, timeout: float) -> bytes:
    """One headless Chromium run in its own process group, killed whole on timeout."""
    with tempfile.TemporaryDirectory(prefix="planmonitor-report-") as tmp:
        folder = Path(tmp)
        src = folder / "informe.html"
        out = folder / "informe.pdf"
        log = folder / "chromium.log"
        src.write_text(html_text, encoding="utf-8")
        cmd = [
            str(exe),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            "--virtual-time-budget=10000",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={folder / 'profile'}",
            src.as_uri(),
        ]
        env = {**os.environ, "HOME": str(folder)}
        # Output to a file, not a pipe: a child that outlives the kill cannot keep us waiting
        # for the pipe's end.
        with log.open("wb") as stderr:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                env=env,
                start_new_session=True,  # its own process group: a timeout kills every child
            )
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                raise PdfError(f"timeout after {timeout:g} s") from None
            finally:
                _kill_group(proc)  # on timeout, and any helper Chromium left behind
        if not out.exists() or out.stat().st_size == 0:
            tail = log.read_text("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfError(f"exit {proc.returncode}: {' | '.join(tail)}")
        return out.read_bytes()


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # the group is gone already
    proc.wait()
