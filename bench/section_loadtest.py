"""The load test of issue 11 at full size: tests/e2e/test_load_replicas.py (two `streamlit
run` replicas on one PostgreSQL, viewer sessions browsing while a secretariat commits a new
version) with 20 sessions; prints sessions, interactions, errors, the longest time from the
commit to a session showing the new version, and each replica's memory (RSS).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("loadtest")
    g.add_argument("--load-sessions", type=int, default=20, help="viewer sessions (both replicas)")


def run(args: argparse.Namespace) -> None:
    sessions = getattr(args, "load_sessions", 20)
    env = dict(os.environ)
    env.update(
        CI="true",
        PLANMONITOR_LOAD_SESSIONS=str(sessions),
        PLANMONITOR_LOAD_DEADLINE="900",  # the test's own bound, for this size
        PYTHONPATH=str(ROOT / "src"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:xdist", "-p", "no:cacheprovider",
         "tests/e2e/test_load_replicas.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    found = re.search(r"^LOAD (.*)$", done.stdout, re.M)
    if done.returncode != 0 or not found:
        print(f"load test FAILED (exit {done.returncode}):\n{done.stdout[-3000:]}")
        return
    fields = dict(kv.split("=", 1) for kv in found.group(1).split())
    rss = fields["replica_rss_mb"].replace(",", " and ")
    peak = fields["replica_peak_mb"].replace(",", " and ")
    print(
        f"load test: {fields['sessions']} sessions on 2 replicas, {fields['interactions']} "
        f"interactions, {fields['errors']} errors, new version seen at the next interaction "
        f"by every session (that interaction took at most {fields['max_seconds_to_new']} s), "
        f"replica RSS {rss} MB (peak {peak} MB), {fields['total_seconds']} s"
    )
