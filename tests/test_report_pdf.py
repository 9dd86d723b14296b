"""PDF printing is bounded (issue 12): one print at a time, a timeout that kills Chromium's
whole process group, and a cache of the last PDFs by the sha256 of their HTML."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from planmonitor.output.report import pdf

FAKE_EXE = Path("/nonexistent/chromium")  # never run: the tests pass their own printer
WAIT = 30  # seconds: the most a test waits for a condition before failing, never a delay


@pytest.fixture(autouse=True)
def empty_cache():
    pdf.clear_cache()
    yield
    pdf.clear_cache()


class FakePrinter:
    """Counts prints and how many run at once; a print can be held until released."""

    def __init__(self, hold: bool = False) -> None:
        self.calls: list[str] = []
        self.active = 0
        self.max_active = 0
        self.entered = threading.Event()
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self._lock = threading.Lock()

    def __call__(self, html_text: str, exe: Path, timeout: float) -> bytes:
        with self._lock:
            self.calls.append(html_text)
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        self.entered.set()
        assert self.release.wait(WAIT)
        with self._lock:
            self.active -= 1
        return f"%PDF {html_text}".encode()


def test_two_concurrent_prints_never_overlap_and_the_second_is_told_it_is_queued():
    printer = FakePrinter(hold=True)
    queued = threading.Event()
    results: dict[str, bytes | None] = {}

    def ask(name: str, **kw) -> None:
        results[name] = pdf.to_pdf(f"<p>{name}</p>", executable=FAKE_EXE, printer=printer, **kw)

    first = threading.Thread(target=ask, args=("a",))
    first.start()
    assert printer.entered.wait(WAIT)
    assert pdf.pdf_busy()
    second = threading.Thread(target=ask, args=("b",), kwargs={"on_queued": queued.set})
    second.start()
    assert queued.wait(WAIT)  # told before it waits
    assert printer.calls == ["<p>a</p>"]  # the second has not started printing
    printer.release.set()
    first.join(WAIT)
    second.join(WAIT)
    assert printer.max_active == 1
    assert printer.calls == ["<p>a</p>", "<p>b</p>"]
    assert results == {"a": b"%PDF <p>a</p>", "b": b"%PDF <p>b</p>"}
    assert not pdf.pdf_busy()


def test_the_same_report_is_printed_once_and_served_from_the_cache():
    printer = FakePrinter()
    once = pdf.to_pdf("<p>x</p>", executable=FAKE_EXE, printer=printer)
    again = pdf.to_pdf("<p>x</p>", executable=FAKE_EXE, printer=printer)
    assert once == again == b"%PDF <p>x</p>" and printer.calls == ["<p>x</p>"]
    pdf.to_pdf("<p>y</p>", executable=FAKE_EXE, printer=printer)
    assert printer.calls == ["<p>x</p>", "<p>y</p>"]  # another HTML is another PDF


def test_the_cache_is_bounded_and_forgets_the_least_recent():
    printer = FakePrinter()
    for i in range(pdf.CACHE_ENTRIES):
        pdf.to_pdf(f"<p>{i}</p>", executable=FAKE_EXE, printer=printer)
    pdf.to_pdf("<p>0</p>", executable=FAKE_EXE, printer=printer)  # 0 is now the most recent
    pdf.to_pdf("<p>new</p>", executable=FAKE_EXE, printer=printer)  # evicts 1
    assert len(printer.calls) == pdf.CACHE_ENTRIES + 1
    pdf.to_pdf("<p>0</p>", executable=FAKE_EXE, printer=printer)
    assert len(printer.calls) == pdf.CACHE_ENTRIES + 1
    pdf.to_pdf("<p>1</p>", executable=FAKE_EXE, printer=printer)
    assert printer.calls[-1] == "<p>1</p>"


def test_a_request_waiting_for_the_same_report_gets_the_printed_pdf_without_a_second_print():
    printer = FakePrinter(hold=True)
    queued = threading.Event()
    results: list[bytes | None] = []

    def ask(**kw) -> None:
        results.append(pdf.to_pdf("<p>same</p>", executable=FAKE_EXE, printer=printer, **kw))

    first = threading.Thread(target=ask)
    first.start()
    assert printer.entered.wait(WAIT)
    second = threading.Thread(target=ask, kwargs={"on_queued": queued.set})
    second.start()
    assert queued.wait(WAIT)
    printer.release.set()
    first.join(WAIT)
    second.join(WAIT)
    assert results == [b"%PDF <p>same</p>"] * 2 and printer.calls == ["<p>same</p>"]


def test_a_failed_print_is_not_cached():
    calls: list[str] = []

    def failing(html_text: str, exe: Path, timeout: float) -> bytes:
        calls.append(html_text)
        raise pdf.PdfError("exit 1: boom")

    for _ in range(2):
        with pytest.raises(pdf.PdfError, match="boom"):
            pdf.to_pdf("<p>x</p>", executable=FAKE_EXE, printer=failing)
    assert len(calls) == 2 and not pdf.pdf_busy()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in {"Z", "X"}  # a zombie is dead, only not yet reaped by its parent


def test_a_hanging_chromium_is_killed_with_its_whole_process_group(tmp_path):
    pids = tmp_path / "pids"
    fake = tmp_path / "chromium"
    # A "Chromium" that starts a helper, ignores SIGTERM and never prints.
    fake.write_text(
        "#!/bin/sh\n"
        "trap '' TERM\n"
        "sleep 600 &\n"
        f'echo "$$ $!" > "{pids}.tmp" && mv "{pids}.tmp" "{pids}"\n'
        "wait\n"
    )
    fake.chmod(0o755)
    with pytest.raises(pdf.PdfError, match="timeout after 3 s"):
        pdf.to_pdf("<p>x</p>", timeout=3, executable=fake)
    assert pids.exists(), "the fake Chromium did not start within the timeout"
    started = [int(p) for p in pids.read_text().split()]
    deadline = time.monotonic() + WAIT
    while any(_alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.05)  # polling a condition (SIGKILL is delivered asynchronously)
    assert not [p for p in started if _alive(p)], started
    assert not pdf.pdf_busy()  # the next request prints again (a timeout is not cached)
    with pytest.raises(pdf.PdfError, match="exit 1"):
        pdf.to_pdf("<p>x</p>", executable=Path("/bin/false"))


def test_no_chromium_means_no_pdf_and_no_print(monkeypatch):
    monkeypatch.setattr(pdf, "chromium_path", lambda: None)
    printer = FakePrinter()
    assert pdf.to_pdf("<p>x</p>", printer=printer) is None and not printer.calls
