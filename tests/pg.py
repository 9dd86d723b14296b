"""A throw-away PostgreSQL cluster for the store's tests.

Started once per test process from Debian's binaries (/usr/lib/postgresql/*/bin) in a
temporary directory, on a free port, and stopped when the process ends. PostgreSQL refuses to
run as root, so under root the cluster belongs to the `postgres` system user (created by the
Debian package) and its commands run through `runuser`.

Outside CI the tests that need it skip with the reason; with CI=true they fail instead, so a
CI run can never pass without having tested PostgreSQL.

Usage in a test module: `from pg import pg_url  # noqa: F401` and ask for `pg_url` (a fresh,
empty database per test).
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

_counter = itertools.count(1)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _unavailable(reason: str):
    if _in_ci():
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server for these tests: {reason}")


def _bindir() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One running cluster: `url(dbname)` gives a SQLAlchemy URL."""

    def __init__(self) -> None:
        bindir = _bindir()
        if bindir is None:
            raise RuntimeError("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")
        self.bindir = bindir
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="planmonitor-pg-"))
        self.datadir = self.root / "data"
        self.sockdir = self.root / "sock"
        self.log = self.root / "server.log"
        self.sockdir.mkdir()
        self.user: str | None = None
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root and there is no `postgres` user") from exc
            self.user = "postgres"
            for p in (self.root, self.sockdir):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        self._run(
            [
                str(bindir / "initdb"),
                "-D",
                str(self.datadir),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        )
        self._run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(self.datadir),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                f"-p {self.port} -k {self.sockdir} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c max_connections=100",
                "start",
            ]
        )
        self.started = True

    def _run(self, cmd: list[str]) -> None:
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{cmd[0]} failed: {done.stdout}{done.stderr}{log}")

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        import psycopg

        name = f"t{os.getpid()}_{next(_counter)}"
        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # name made above, not user input
        return self.url(name)

    def stop(self) -> None:
        if not getattr(self, "started", False):
            return
        self.started = False
        try:
            self._run(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.datadir),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ]
            )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


_cluster: Cluster | None = None
_error: str | None = None


def cluster() -> Cluster:
    """The process's cluster, started on first use (skips or fails when impossible)."""
    global _cluster, _error
    if _cluster is None and _error is None:
        try:
            _cluster = Cluster()
        except Exception as exc:  # reported through skip/fail below
            _error = str(exc)
        else:
            atexit.register(_cluster.stop)
            # give the server a moment to accept TCP connections after pg_ctl -w
            time.sleep(0.1)
    if _cluster is None:
        _unavailable(_error or "unknown error")
    assert _cluster is not None
    return _cluster


@pytest.fixture
def pg_url() -> str:
    """A fresh empty database on the throw-away cluster."""
    return cluster().create_database()
