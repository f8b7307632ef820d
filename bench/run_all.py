"""`make bench`: run every benchmark in this folder and print one table.

Each `bench_*.py` prints what it measured and, on its last line, a JSON object of named numbers;
this runner collects those lines. A benchmark that fails is reported, and the others still run.
"""
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Benchmark scripts in the order of the README's table.
ORDER = ["bench_reading.py", "bench_when.py", "bench_advise.py", "bench_policy.py", "bench_parse.py",
         "bench_watcher.py", "bench_api.py"]


def run(script: Path) -> tuple[dict | None, float, str]:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=3600)
    elapsed = time.monotonic() - started
    last = next((line for line in reversed(proc.stdout.splitlines()) if line.strip().startswith("{")), None)
    if proc.returncode != 0 or last is None:
        return None, elapsed, (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return json.loads(last), elapsed, ""


def flatten(numbers: dict, prefix: str = ""):
    """("a.b", value) pairs of a nested result, lists and strings kept as they are."""
    for key, value in numbers.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from flatten(value, name + ".")
        else:
            yield name, value


def main(argv):
    wanted = set(argv)
    scripts = [HERE / name for name in ORDER if (HERE / name).exists()]
    scripts += sorted(p for p in HERE.glob("bench_*.py") if p.name not in ORDER)
    if wanted:
        scripts = [s for s in scripts if s.stem in wanted or s.name in wanted]
    rows, failed = [], 0
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        numbers, elapsed, error = run(script)
        if numbers is None:
            failed += 1
            rows.append((script.stem, "FAILED", error))
            continue
        for key, value in flatten(numbers):
            rows.append((script.stem, key, value))
    width = max((len(r[1]) for r in rows), default=10)
    print(f"\n| benchmark | measure | value |\n|---|---|---|")
    for bench, key, value in rows:
        print(f"| {bench.removeprefix('bench_')} | {key:<{width}} | {value} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
