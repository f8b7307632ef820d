"""How well and how fast Next Step reads recruiter mail.

Prints a table, then one line of JSON with every number:
- held-out set (corpus/heldout/*): macro-F1 and key-date accuracy;
- blind sets (corpus/blind/en, corpus/blind/id): the same totals per language, never the misses;
- ../shared/corpus/rejection-emails (real mail, reject / not_reject): accuracy and F1 of "reject";
- ../shared/corpus/rejected (real mail, type E) against the project's own labels in
  bench/rejected_labels.jsonl (inbound mail only; the candidate's own replies are skipped);
- speed: `nextstep classify` over ~5,000 messages against parsing them with
  mailparser.parse_from_bytes alone (target: at most 2x), also with `--jobs 1` (one process) and
  in CPU seconds; and a cold `nextstep classify one.eml` (target: at most 1 s).

With `--cv`, instead: 5-fold cross-validation on corpus/train/* (each fold read by the reader
with a classifier trained on the other four folds; also the classifier alone): macro-F1, per-label
F1 and key-date accuracy. `--model '{"ngram_size": 3}'` and `--epochs` try other classifier settings.

Usage: .venv/bin/python bench/bench_reading.py [--messages 5000] [--skip-speed] [--repeat 3]
       .venv/bin/python bench/bench_reading.py --cv [--folds 5] [--epochs 25] [--model JSON]
"""
from __future__ import annotations

import argparse
import csv
import datetime
import email.utils
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))

# A fixed date for mail that comes without headers: the sets above carry no dates to resolve.
DATE = "Tue, 10 Sep 2019 10:00:00 -0700"


def as_mail(body: str, subject: str = "") -> bytes:
    return (f"From: Recruiting <jobs@employer.example>\nTo: candidate@mail.example\nSubject: {subject}\n"
            f"Date: {DATE}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n").encode("utf-8")


def read_label(raw: bytes) -> str:
    from watcher.mime import parse_message
    from watcher.reader import read_message

    return read_message(parse_message(raw)).label or "other"


def heldout() -> dict:
    from watcher.commands.eval import evaluate

    folders = sorted(str(p) for p in (ROOT / "corpus" / "heldout").glob("*") if (p / "gold.jsonl").exists())
    report = evaluate(folders)
    return {"messages": report["messages"], "macro_f1": report["macro_f1"],
            "key_date_accuracy": report["key_date_accuracy"], "language_accuracy": report["language_accuracy"]}


def blind() -> dict:
    """The blind sets (corpus/blind/en, corpus/blind/id), written apart and never trained on:
    totals only, per language. Their misses are never printed, so they stay unseen."""
    from watcher.commands.eval import evaluate

    out = {}
    for folder in sorted(p for p in (ROOT / "corpus" / "blind").glob("*") if (p / "gold.jsonl").exists()):
        report = evaluate([str(folder)])
        out[folder.name] = {"messages": report["messages"], "macro_f1": report["macro_f1"],
                            "key_date_accuracy": report["key_date_accuracy"]}
    return out


def rejection_emails() -> dict:
    path = SHARED / "rejection-emails" / "emails.csv"
    if not path.exists():
        return {"skipped": f"{path} not found"}
    tp = fp = fn = correct = n = 0
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) < 2:
                continue
            body, gold = row[0], row[1].strip()
            predicted = "reject" if read_label(as_mail(body)) == "rejection" else "not_reject"
            n += 1
            correct += predicted == gold
            tp += predicted == gold == "reject"
            fp += predicted == "reject" != gold
            fn += gold == "reject" != predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"messages": n, "accuracy": round(correct / n, 4) if n else 0.0, "reject_precision": round(precision, 4),
            "reject_recall": round(recall, 4), "reject_f1": round(f1, 4)}


def rejected() -> dict:
    from watcher.commands.eval import score

    path = SHARED / "rejected" / "companies_extracted.json"
    labels = ROOT / "bench" / "rejected_labels.jsonl"
    if not path.exists():
        return {"skipped": f"{path} not found"}
    gold = {}
    for line in labels.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["direction"] == "in":
                gold[row["id"]] = row["label"]
    pairs = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        key = f"{row['company_id']}-{row['step']}"
        if row["type"] == "E" and key in gold:
            pairs.append((gold[key], read_label(as_mail(row["text"], row["heading"]))))
    report = score(pairs)
    accuracy = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    return {"messages": len(pairs), "accuracy": round(accuracy, 4), "macro_f1": report["macro_f1"],
            "per_label_f1": {label: v["f1"] for label, v in report["labels"].items()}}


def cross_validate(folds: int = 5, epochs: int = 25, model: dict | None = None, sets=None) -> dict:
    """k-fold cross-validation on corpus/train/*: messages are dealt to folds label by label (in
    file order, so every fold holds every label), a classifier is trained on the other folds, and
    the held-out fold is read by the whole reader and by the classifier alone. `sets`: the folders
    to use (default: every folder of corpus/train with a gold.jsonl)."""
    from watcher import textcat
    from watcher.commands.eval import load_gold, score
    from watcher.mime import parse_message
    from watcher.reader import read_message

    rows = []
    if sets is None:
        sets = sorted(p for p in (ROOT / "corpus" / "train").glob("*") if (p / "gold.jsonl").exists())
    for folder in map(Path, sets):
        rows += [r for r in load_gold(folder) if r["path"].exists() and r.get("label")]
    rows.sort(key=lambda r: (r["label"], str(r["path"])))
    parsed = [parse_message(r["path"].read_bytes()) for r in rows]
    texts = [textcat.message_text(m) for m in parsed]
    fold_of = [i % folds for i in range(len(rows))]
    reader_pairs, model_pairs, dates_right = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            train = [(texts[i], rows[i]["label"]) for i in range(len(rows)) if fold_of[i] != k]
            out = textcat.train(train, Path(tmp) / f"fold{k}", epochs=epochs, model=model)
            textcat.use(out)
            try:
                for i in (i for i in range(len(rows)) if fold_of[i] == k):
                    reading = read_message(parsed[i])
                    probs = textcat.predict(texts[i])
                    reader_pairs.append((rows[i]["label"], reading.label or "other"))
                    model_pairs.append((rows[i]["label"], max(probs, key=probs.get)))
                    found = reading.key_date.isoformat() if reading.key_date else None
                    dates_right += found == rows[i].get("key_date")
            finally:
                textcat.use(textcat.MODEL_DIR)
    reader, alone = score(reader_pairs), score(model_pairs)
    return {"messages": len(rows), "folds": folds, "epochs": epochs, "model": model or {},
            "reader_macro_f1": reader["macro_f1"], "classifier_macro_f1": alone["macro_f1"],
            "key_date_accuracy": round(dates_right / len(rows), 4) if rows else 0.0,
            "reader_f1": {label: v["f1"] for label, v in reader["labels"].items()},
            "classifier_f1": {label: v["f1"] for label, v in alone["labels"].items()}}


def print_cv(cv: dict) -> None:
    print(f"{cv['folds']}-fold cross-validation on corpus/train ({cv['messages']} messages, "
          f"{cv['epochs']} epochs, model {json.dumps(cv['model'])})")
    print(f"{'label':22} {'reader F1':>9} {'classifier F1':>13}")
    for label in sorted(cv["reader_f1"]):
        print(f"{label:22} {cv['reader_f1'][label]:9.3f} {cv['classifier_f1'].get(label, 0.0):13.3f}")
    print(f"{'macro-F1':22} {cv['reader_macro_f1']:9.3f} {cv['classifier_macro_f1']:13.3f}"
          f"   key-date accuracy {cv['key_date_accuracy']:.3f}")


def sample_mail() -> list[bytes]:
    files = sorted((ROOT / "corpus").glob("*/*/*.eml")) + sorted((ROOT / "tests" / "fixtures").glob("**/*.eml"))
    return [p.read_bytes() for p in files]


# Names for the copies of a message: the corpus is repeated to reach ~5,000 messages, and every copy
# reads as different mail (its own people, Message-ID and date), so that nothing in the reader can
# gain from having seen the same message before.
_FIRST = ("Amelia Bima Citra Dmitri Elena Farid Gita Hiroshi Indah Jonas Kartika Lionel Maya Nadia Oscar "
          "Putri Rafael Sekar Tomas Umar Vera Wulan Xavier Yusuf Zara").split()
_LAST = ("Adams Budiman Carter Darmawan Evans Fischer Gunawan Hartono Ivanova Jensen Kusuma Lindqvist Morales "
         "Nugroho Okafor Pratama Quinn Rahman Santoso Tanaka Utomo Valdez Wibowo Yamada Zhang").split()
_DISPLAY = re.compile(rb"^(From|To):[ \t]*\"?([A-Z][a-z]{2,})[ \t]+([A-Z][a-z]{2,})\"?[ \t]*<([^>@]+)@", re.M | re.I)


def distinct_copy(raw: bytes, copy: int) -> bytes:
    """Copy number `copy` of a message as different mail: a Message-ID of its own, a Date header
    `copy` days later, and the sender's and recipient's names (when the display name is a
    person's, "Priti Deshmukh <priti.deshmukh@...>") replaced everywhere in the message."""
    if copy == 0:
        return raw
    head, sep, body = raw.partition(b"\n\n")
    head = re.sub(rb"(?im)^(Message-ID:[ \t]*<)", rb"\g<1>copy%d." % copy, head)

    def later(m):
        try:
            when = email.utils.parsedate_to_datetime(m.group(2).decode("ascii").strip())
        except (TypeError, ValueError, IndexError, UnicodeDecodeError):
            return m.group(0)
        return m.group(1) + email.utils.format_datetime(when + datetime.timedelta(days=copy)).encode("ascii")

    head = re.sub(rb"(?im)^(Date:[ \t]*)([^\n]+)", later, head)
    raw = head + sep + body
    for m in list(_DISPLAY.finditer(head)):
        first, last, local = m.group(2), m.group(3), m.group(4).lower()
        if first.lower() not in local and last.lower() not in local:
            continue  # "Recruitment Team <jobs@...>": not a person's name
        seed = zlib.crc32(first + last) + copy * 7
        for old, pool in ((first, _FIRST), (last, _LAST)):
            new = pool[seed % len(pool)].encode("ascii")
            seed //= len(pool)
            for a, b in ((old, new), (old.lower(), new.lower()), (old.upper(), new.upper())):
                raw = re.sub(rb"\b" + re.escape(a) + rb"\b", b, raw)
    return raw


def write_mbox(messages: list[bytes], count: int, path: Path) -> None:
    with path.open("wb") as f:
        for i in range(count):
            raw = distinct_copy(messages[i % len(messages)].replace(b"\r\n", b"\n"), i // len(messages))
            body = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in raw.split(b"\n"))
            f.write(b"From bench@example Tue Sep 10 10:00:00 2019\n" + body.rstrip(b"\n") + b"\n\n")


_PARSE_ONLY = """
import sys, mailparser
from watcher.mailfiles import iter_mail
n = 0
for mail in iter_mail([sys.argv[1]]):
    mailparser.parse_from_bytes(mail.raw)
    n += 1
print(n)
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this child and its own children) of running `cmd`."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def speed(count: int, repeat: int = 3) -> dict:
    """Interleaved runs (parse only, classify, classify in one process), medians of `repeat`: the
    machine is shared, and a run next to a busy moment says little alone."""
    messages = sample_mail()
    if not messages:
        return {"skipped": "no .eml files under corpus/ or tests/fixtures/"}
    nextstep = str(Path(PYTHON).parent / "nextstep")
    runs: dict[str, list[tuple[float, float]]] = {"parse": [], "classify": [], "one": []}
    with tempfile.TemporaryDirectory() as tmp:
        mbox = Path(tmp) / "bench.mbox"
        write_mbox(messages, count, mbox)
        for _ in range(repeat):
            runs["parse"].append(timed([PYTHON, "-c", _PARSE_ONLY, str(mbox)]))
            runs["classify"].append(timed([nextstep, "classify", "--json", str(mbox)]))
            runs["one"].append(timed([nextstep, "classify", "--json", "--jobs", "1", str(mbox)]))
        one = Path(tmp) / "one.eml"
        one.write_bytes((ROOT / "tests" / "fixtures" / "reading" / "rejection-en.eml").read_bytes())
        timed([nextstep, "classify", str(one)])  # warm the file cache, not the process
        cold = statistics.median(timed([nextstep, "classify", "--json", str(one)])[0] for _ in range(5))
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    return {"messages": count, "runs": repeat, "parse_only_s": round(wall["parse"], 2), "classify_s": round(wall["classify"], 2),
            "ratio": round(wall["classify"] / wall["parse"], 2),
            "one_process_s": round(wall["one"], 2), "one_process_ratio": round(wall["one"] / wall["parse"], 2),
            "cpu_s": {k: round(v, 2) for k, v in cpu.items()}, "cold_one_s": round(cold, 3)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Measure the reading of recruiter mail.")
    parser.add_argument("--messages", type=int, default=5000, help="messages in the speed test")
    parser.add_argument("--skip-speed", action="store_true", help="only the accuracy numbers")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved speed runs; medians are reported")
    parser.add_argument("--cv", action="store_true", help="only the cross-validation on corpus/train")
    parser.add_argument("--folds", type=int, default=5, help="folds of the cross-validation")
    parser.add_argument("--epochs", type=int, default=25, help="classifier training passes in the cross-validation")
    parser.add_argument("--model", default=None, help='classifier settings to try, as JSON: \'{"ngram_size": 3}\'')
    args = parser.parse_args(argv)
    if args.cv:
        cv = cross_validate(max(2, args.folds), args.epochs, json.loads(args.model) if args.model else None)
        print_cv(cv)
        print(json.dumps({"cv": cv}))
        return 0
    results = {"heldout": heldout(), "blind": blind(), "rejection_emails": rejection_emails(), "rejected": rejected()}
    if not args.skip_speed:
        results["speed"] = speed(args.messages, max(1, args.repeat))
    h, r, j = results["heldout"], results["rejection_emails"], results["rejected"]
    print(f"{'set':34} {'messages':>8}  numbers")
    print(f"{'corpus/heldout':34} {h['messages']:8}  macro-F1 {h['macro_f1']:.3f}  key-date acc {h['key_date_accuracy']:.3f}  (targets 0.95 / 0.95)")
    for lang, b in results["blind"].items():
        print(f"{'corpus/blind/' + lang + ' (totals only)':34} {b['messages']:8}  macro-F1 {b['macro_f1']:.3f}  key-date acc {b['key_date_accuracy']:.3f}")
    if "skipped" not in r:
        print(f"{'shared rejection-emails':34} {r['messages']:8}  accuracy {r['accuracy']:.3f}  reject F1 {r['reject_f1']:.3f}")
    if "skipped" not in j:
        print(f"{'shared rejected (own labels)':34} {j['messages']:8}  accuracy {j['accuracy']:.3f}  macro-F1 {j['macro_f1']:.3f}")
    s = results.get("speed")
    if s and "skipped" not in s:
        print(f"{'classify vs parse only':34} {s['messages']:8}  {s['classify_s']:.1f} s vs {s['parse_only_s']:.1f} s = {s['ratio']:.2f}x (target <= 2x)")
        print(f"{'  the same, in one process':34} {s['messages']:8}  {s['one_process_s']:.1f} s = {s['one_process_ratio']:.2f}x")
        c = s["cpu_s"]
        print(f"{'  CPU seconds (parse/classify/one)':34} {s['messages']:8}  {c['parse']:.1f} / {c['classify']:.1f} / {c['one']:.1f}")
        print(f"{'cold classify one.eml':34} {1:8}  {s['cold_one_s']:.3f} s (target <= 1 s)")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
