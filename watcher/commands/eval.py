"""`nextstep eval`: how well the reader labels a set of mail with known answers.

A labelled set is a folder of `.eml` files and a `gold.jsonl` with one line per file:
`{"file", "label", "key_date", "key_date_kind", "language"}` (the format of LABELS.md's examples).

    $ nextstep eval corpus/heldout/en-a corpus/heldout/id
    label                  precision  recall   f1  support
    application_received       1.00    0.95  0.97       20
    ...
    macro-F1 0.962   key-date accuracy 0.958   (96 messages)
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click


def load_gold(folder: Path) -> list[dict]:
    """The gold lines of one folder, each with its `path`; a missing gold.jsonl is an error
    that says what to do."""
    gold = folder / "gold.jsonl"
    if not gold.exists():
        raise click.ClickException(f"{folder} has no gold.jsonl: a labelled set is .eml files plus a gold.jsonl "
                                   "with one {\"file\", \"label\", \"key_date\"} line per file")
    rows = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise click.ClickException(f"{gold}, line {n}: not JSON; fix or remove that line")
        row["path"] = folder / row["file"]
        rows.append(row)
    return rows


def score(pairs: list[tuple[str, str]]) -> dict:
    """Per-label precision/recall/F1 and macro-F1 over `(gold, predicted)` label pairs.

    >>> s = score([("offer", "offer"), ("rejection", "offer"), ("rejection", "rejection")])
    >>> round(s["macro_f1"], 3), s["labels"]["offer"]["precision"]
    (0.667, 0.5)
    """
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    per = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                      "support": tp + fn}
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return {"labels": per, "macro_f1": round(macro, 4)}


def evaluate(folders, use_model: bool = True) -> dict:
    """Read every labelled message of `folders` and compare with the gold answers."""
    from watcher.mime import parse_message
    from watcher.reader import read_message

    results = []
    for folder in folders:
        for row in load_gold(Path(folder)):
            path = row["path"]
            if not path.exists():
                results.append({"file": str(path), "gold": row["label"], "predicted": "other", "gold_date": row.get("key_date"),
                                "date": None, "gold_language": row.get("language"), "language": None, "missing": True})
                continue
            reading = read_message(parse_message(path.read_bytes()), use_model=use_model)
            results.append({
                "file": str(path), "gold": row["label"], "predicted": reading.label or "other",
                "gold_date": row.get("key_date"), "date": reading.key_date.isoformat() if reading.key_date else None,
                "gold_language": row.get("language"), "language": reading.language,
                "evidence": reading.evidence, "confidence": reading.confidence,
            })
    pairs = [(r["gold"], r["predicted"]) for r in results]
    report = score(pairs)
    n = len(results)
    report["messages"] = n
    report["key_date_accuracy"] = round(sum(r["gold_date"] == r["date"] for r in results) / n, 4) if n else 0.0
    with_language = [r for r in results if r["gold_language"]]
    report["language_accuracy"] = (round(sum(r["gold_language"] == r["language"] for r in with_language) / len(with_language), 4)
                                   if with_language else None)
    report["confusion"] = {f"{g} -> {p}": c for (g, p), c in sorted(Counter(pairs).items())}
    report["misses"] = [{"file": r["file"], "gold": r["gold"], "predicted": r["predicted"],
                         "gold_date": r["gold_date"], "date": r["date"]}
                        for r in results if r["gold"] != r["predicted"] or r["gold_date"] != r["date"]]
    return report


def _print_report(report: dict, verbose: bool) -> None:
    click.echo(f"{'label':22} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}")
    for label, v in report["labels"].items():
        click.echo(f"{label:22} {v['precision']:9.2f} {v['recall']:7.2f} {v['f1']:6.2f} {v['support']:8d}")
    click.echo(f"macro-F1 {report['macro_f1']:.3f}   key-date accuracy {report['key_date_accuracy']:.3f}   "
               f"({report['messages']} messages)")
    labels = list(report["labels"])
    pairs = Counter()
    for key, count in report["confusion"].items():
        g, p = key.split(" -> ")
        pairs[(g, p)] = count
    short = [l[:6] for l in labels]
    click.echo("\nconfusion (rows: gold, columns: predicted)")
    click.echo(f"{'':22} " + " ".join(f"{s:>6}" for s in short))
    for g in labels:
        click.echo(f"{g:22} " + " ".join(f"{pairs[(g, p)] or '.':>6}" for p in labels))
    if verbose and report["misses"]:
        click.echo("\nmisses (file, gold -> predicted, gold date / read date)")
        for m in report["misses"]:
            click.echo(f"  {Path(m['file']).name}  {m['gold']} -> {m['predicted']}  {m['gold_date']} / {m['date']}")


@click.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object (the misses too with --verbose).")
@click.option("--verbose", "-v", is_flag=True, help="Also list every miss: file, gold label, predicted label, dates.")
@click.option("--rules-only", is_flag=True, help="Read with the rules alone, without the trained classifier.")
def eval_command(paths, as_json, verbose, rules_only):
    """Measure the reader on labelled folders (PATH: .eml files plus gold.jsonl).

    Prints per-label precision, recall and F1, macro-F1, key-date accuracy and the confusion matrix.
    """
    report = evaluate(paths, use_model=not rules_only)
    if as_json:
        if not verbose:
            # Totals only: a set measured without being looked at (a blind set) stays unseen.
            report = {k: v for k, v in report.items() if k != "misses"}
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        _print_report(report, verbose)
