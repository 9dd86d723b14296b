"""The monthly report as a PDF, printed from its HTML by the system's headless Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT = 300  # generous: a network-scale month (2,000 products) prints in under 10 s


class PdfError(RuntimeError):
    """Chromium is installed but did not produce a PDF."""


def chromium_path() -> Path | None:
    """The system Chromium, or None when it is not installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def to_pdf(html_text: str, timeout: float = PDF_TIMEOUT) -> bytes | None:
    """Print the HTML to PDF with headless Chromium; None when Chromium is not installed.

    Raises PdfError when Chromium runs but produces no PDF (or times out): the caller says so
    instead of pretending the report has a PDF.
    """
    exe = chromium_path()
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="planmonitor-report-") as tmp:
        folder = Path(tmp)
        src = folder / "informe.html"
        out = folder / "informe.pdf"
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
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,  # its own process group: a timeout kills every child
        )
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfError(f"timeout after {timeout:g} s") from None
        if not out.exists() or out.stat().st_size == 0:
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfError(f"exit {proc.returncode}: {' | '.join(tail)}")
        return out.read_bytes()
