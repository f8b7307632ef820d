"""`nextstep advise` on whole threads: how often the step is exactly what CHECKINS.md gives.

Runs the project's threads (tests/fixtures/threads), the public examples
(../shared/examples/threads, when present) and the blind threads (corpus/threads-blind: only
their totals are printed), compares action + checkin + due with each
meta.json, prints one line per miss and a summary, and a JSON last line:
{"advise_accuracy": 0.861, "threads": 44, ...}

    .venv/bin/python bench/bench_advise.py            # both sets
    .venv/bin/python bench/bench_advise.py --verbose  # also the reason the product gave
"""
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "project": ROOT / "tests" / "fixtures" / "threads",
    "examples": ROOT.parent / "shared" / "examples" / "threads",
    # Written apart from the code and scored, never tuned on message by message; misses are
    # printed as counts only.
    "blind": ROOT / "corpus" / "threads-blind",
}
FIELDS = ("action", "checkin", "due")


def run(folder: Path, runner, cli) -> dict:
    """The `next_step` of `nextstep advise --json` for one thread folder."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    args = ["advise", "--json", "--me", meta["me"], "--now", meta["now"], "--tz", meta["tz"]]
    result = runner.invoke(cli, args + [str(p) for p in sorted(folder.glob("*.eml"))])
    if result.exit_code != 0:
        return {"action": "(error)", "checkin": None, "due": None, "reason": result.output.strip()[-200:]}
    return json.loads(result.output)["next_step"]


def main(verbose: bool = False) -> dict:
    from click.testing import CliRunner

    sys.path.insert(0, str(ROOT))
    from watcher.cli import cli

    runner = CliRunner()
    totals, per_set, seconds = [0, 0], {}, []
    for name, root in SETS.items():
        if not root.is_dir():
            print(f"{name}: {root} not found, skipped")
            continue
        right = count = 0
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            started = time.perf_counter()
            step = run(folder, runner, cli)
            seconds.append(time.perf_counter() - started)
            got = {k: step.get(k) for k in FIELDS}
            ok = got == meta["expect"]
            right += ok
            count += 1
            if not ok and name == "blind":
                continue
            if not ok:
                want = "/".join(str(meta["expect"][k]) for k in FIELDS)
                have = "/".join(str(got[k]) for k in FIELDS)
                print(f"  miss  {name}/{folder.name}: expected {want}, got {have}")
                if verbose:
                    print(f"        product: {step.get('reason')}")
        per_set[name] = (right, count)
        totals[0] += right
        totals[1] += count
        print(f"{name}: {right}/{count} exact ({right / count:.1%})" if count else f"{name}: no threads")
    right, count = totals
    accuracy = right / count if count else 0.0
    seconds.sort()
    median = seconds[len(seconds) // 2] if seconds else 0.0
    print(f"all: {right}/{count} exact ({accuracy:.1%}); median {median * 1000:.0f} ms per thread "
          f"(the first includes imports)")
    summary = {"advise_accuracy": round(accuracy, 3), "threads": count}
    for name, (r, c) in per_set.items():
        summary[f"{name}_accuracy"] = round(r / c, 3) if c else None
    print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv[1:])
