"""`make bench`: speed and memory, measured side by side.

Each `bench/section_*.py` is one section with a `run(args) -> None` function (and optionally
`add_arguments(parser)`); they run in sorted file order: hostile (the worst uploads of issue
12), load, loadtest (two replicas on one PostgreSQL under 20 viewer sessions, issue 11), pages,
region (20 networks × 300 products × 6,000 reports on PostgreSQL, issue 11), report, store (a
store of 10 plans beside a store of one, issue 9).
`--only load` runs section_load.py; `--only cold` the first chart in a fresh browser (issue 10).
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import sys
import time
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))


def sections() -> dict[str, ModuleType]:
    """name -> module, for every bench/section_<name>.py in sorted order."""
    found: dict[str, ModuleType] = {}
    for path in sorted(HERE.glob("section_*.py")):
        name = path.stem.removeprefix("section_")
        spec = importlib.util.spec_from_file_location(f"bench_section_{name}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found[name] = module
    return found


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main(argv: list[str] | None = None) -> int:
    found = sections()
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--only", choices=sorted(found), help="run one section")
    p.add_argument("--repeat", type=int, default=3, help="best of N for each measure")
    for module in found.values():
        if hasattr(module, "add_arguments"):
            module.add_arguments(p)
    args = p.parse_args(argv)
    names = [args.only] if args.only else list(found)
    for name in names:
        print(f"== {name} ==")
        start = time.perf_counter()
        found[name].run(args)
        print(f"   ({name}: {time.perf_counter() - start:.1f} s in all)\n")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
