"""How well and how fast `find_dates` reads dates, next to `dateparser.search.search_dates` alone.

    python bench/bench_when.py              # table, then one JSON line for runners
    python bench/bench_when.py --misses     # also list the cases the resolver gets wrong

Data (read in place, never copied): `../shared/corpus/recognizers-text/`, Microsoft
Recognizers-Text's English date-time specs (see its SOURCE.txt), and, when present,
`../shared/corpus/indotimex/` (Indonesian news with TIMEX3 tags).

Recognizers-Text selection, the "single-date" cases:
- from the parser and model spec files (`DateParser.json`, `DateTimeModel*.json`,
  `MergedParser.json`: the ones whose sentences carry a `ReferenceDateTime` and whose gold is
  resolved); holidays (`HolidayParser.json`) are left out, as the resolver does not name them;
- cases with exactly one result, of type `date` (`datetimeV2.date`), whose gold is a valid
  calendar day (cases whose gold is "not resolved" or 0001-01-01 are dropped);
- the gold day: `FutureResolution` in the parser files; in the model files a single value, or,
  when the spec lists a past and a future reading ("Friday", "5/17"), the first one on or after
  the reference day (the resolver's own convention, and the one recruiter mail needs);
- an (input, reference day) pair seen in an earlier file is not counted twice.

The specs' reference times carry no UTC offset, so the resolver reads them as "zone unknown":
an ambiguous numeric date in English is then month first, as in the specs (en-US). Gold values
the resolver deliberately differs from (vague "a few days ago", story-telling "2 years 21 days
later", "the day" / "my day" read as today, "Monday 21" four days after the 21st read as nine
months ahead) stay counted as misses.

A case is right when the set of days found in the sentence equals {gold}: a missed date, a
wrong date, or an extra false date all count as wrong. The same rule scores dateparser
(`search_dates` with languages en+id, RELATIVE_BASE = the reference time,
PREFER_DATES_FROM = future).

Mail: the project's own labelled messages (`corpus/train`, `corpus/heldout`, in the repository):
for each message with a gold key date, whether that date is among the days read from its subject
and text against its own Date header (a recall: which date the reader then picks is the
reader's business, measured by `nextstep eval`).

IndoTimex: each `TIMEX3` of type DATE or TIME whose value starts with a full day (2014-12-28,
2014-12-28T06:18, 2014-12-30TAF) gives a gold day of its sentence; every sentence of the
documents is a case (one without such a tag must give no date), scored the same way against the
document's creation date (DCT). The texts are news, told in the past tense, so a bare weekday
("Selasa") there means the last one, where the resolver, made for mail about what comes next,
reads the next one: those misses are expected.
"""
from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import re
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")

SPEC_FILES = [
    "DateParser.json",
    "DateTimeModelComplexCalendar.json",
    "DateTimeModelExperimentalMode.json",
    "DateTimeModelExtendedTypes.json",
    "DateTimeModelCalendarMode.json",
    "DateTimeModelTasksMode.json",
    "DateTimeModelSplitDateAndTime.json",
    "MergedParser.json",
]


def recognizers_cases(folder: str) -> list[dict]:
    """The single-date cases described in the module docstring."""
    seen, cases = set(), []
    for name in SPEC_FILES:
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8-sig") as handle:
            items = json.load(handle)
        for item in items:
            ref = (item.get("Context") or {}).get("ReferenceDateTime")
            results = item.get("Results") or []
            if not ref or len(results) != 1:
                continue
            result = results[0]
            kind = (result.get("TypeName") or result.get("Type") or "").split(".")[-1]
            if kind != "date":
                continue
            value = result.get("Resolution") or result.get("Value") or {}
            if "values" in value:
                readings = sorted(v.get("value") or "" for v in value["values"])
                if not readings or not all(re.fullmatch(r"\d{4}-\d\d-\d\d", r) for r in readings):
                    continue
                ahead = [r for r in readings if r >= ref[:10]]
                gold = ahead[0] if ahead else readings[-1]
            else:
                gold = (value.get("FutureResolution") or {}).get("date", "")
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", gold) or gold.startswith("0001"):
                continue
            key = (item["Input"], ref[:10])
            if key in seen:
                continue
            seen.add(key)
            cases.append({"text": item["Input"], "ref": dt.datetime.fromisoformat(ref),
                          "gold": {gold}, "span": result.get("Text"), "source": name})
    return cases


_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def indotimex_cases(folder: str) -> list[dict]:
    """Sentences of the IndoTimex gold documents with their full-day DATE values."""
    cases = []
    for path in sorted(glob.glob(os.path.join(folder, "*", "*.tml"))):
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
        dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if not dct or not body:
            continue
        ref = dt.datetime.fromisoformat(dct.group(1)).replace(hour=12)
        for paragraph in re.split(r"\n\s*\n", body.group(1)):
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"(])", paragraph.strip()):
                gold = set()
                for attrs, _ in _TIMEX.findall(sentence):
                    values = dict(_ATTR.findall(attrs))
                    day = re.match(r"\d{4}-\d\d-\d\d(?![\d-])", values.get("value", ""))
                    if values.get("type") in ("DATE", "TIME") and day:
                        gold.add(day.group(0))
                text = re.sub(r"</?TIMEX3[^>]*>", "", sentence).strip()
                if text:
                    cases.append({"text": text, "ref": ref, "gold": gold,
                                  "source": os.path.basename(path)})
    return cases


def mail_cases(folder: str) -> list[dict]:
    """The project's own labelled mail (`corpus/<split>/<language>/`): each message whose gold
    key date is set, its subject and text, and its Date header as the reference."""
    import email
    import email.policy
    import email.utils

    cases = []
    for gold_path in sorted(glob.glob(os.path.join(folder, "*", "gold.jsonl"))):
        with open(gold_path, encoding="utf-8") as handle:
            golds = [json.loads(line) for line in handle if line.strip()]
        for gold in golds:
            if not gold.get("key_date"):
                continue
            path = os.path.join(os.path.dirname(gold_path), gold["file"])
            with open(path, "rb") as handle:
                message = email.message_from_bytes(handle.read(), policy=email.policy.default)
            part = message.get_body(preferencelist=("plain", "html"))
            body = part.get_content() if part is not None else ""
            if part is not None and part.get_content_type() == "text/html":
                body = re.sub(r"<[^>]+>", " ", body)
            cases.append({"text": f"{message['Subject'] or ''}\n{body}",
                          "ref": email.utils.parsedate_to_datetime(message["Date"]),
                          "gold": gold["key_date"], "source": gold["file"]})
    return cases


def recall(cases: list[dict], reader) -> tuple[float, list]:
    """(share of messages whose key date is among the days read, the messages missed)."""
    missed = [c for c in cases if c["gold"] not in reader(c["text"], c["ref"])]
    return (1 - len(missed) / len(cases) if cases else 0.0), missed


def resolver_days(text: str, ref: dt.datetime) -> set[str]:
    from watcher.dates import find_dates

    return {m.date.isoformat() for m in find_dates(text, ref)}


def dateparser_days(text: str, ref: dt.datetime) -> set[str]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": ref.replace(tzinfo=None), "PREFER_DATES_FROM": "future",
                "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(text, languages=["en", "id"], settings=settings) or []
    return {when.date().isoformat() for _, when in found}


def score(cases: list[dict], reader, runs: int) -> tuple[float, float, list]:
    """(accuracy, median milliseconds per case over `runs` passes, the misses)."""
    misses, timings = [], []
    for run in range(runs):
        started = time.perf_counter()
        answers = [reader(c["text"], c["ref"]) for c in cases]
        timings.append((time.perf_counter() - started) / max(1, len(cases)) * 1000)
        if run == 0:
            misses = [(c, a) for c, a in zip(cases, answers) if a != c["gold"]]
    accuracy = 1 - len(misses) / len(cases) if cases else 0.0
    return accuracy, statistics.median(timings), misses


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=CORPUS, help="the shared corpus folder")
    parser.add_argument("--runs", type=int, default=5, help="timed passes; the median is shown")
    parser.add_argument("--misses", action="store_true", help="list the resolver's misses")
    args = parser.parse_args(argv)

    sets = {"recognizers": recognizers_cases(os.path.join(args.corpus, "recognizers-text"))}
    indo = os.path.join(args.corpus, "indotimex")
    if os.path.isdir(indo):
        sets["indotimex"] = indotimex_cases(indo)
    if not sets["recognizers"]:
        print(f"No Recognizers-Text specs under {args.corpus}: pass --corpus PATH.",
              file=sys.stderr)
        return 1

    # Warm both up once (dateparser loads its language data on first use).
    resolver_days("tomorrow", dt.datetime(2025, 1, 1))
    dateparser_days("tomorrow", dt.datetime(2025, 1, 1))

    summary = {}
    print(f"{'set':<12} {'cases':>6} {'resolver':>9} {'dateparser':>11} {'ms/case':>8} "
          f"{'dp ms/case':>11}")
    for name, cases in sets.items():
        ours, our_ms, our_misses = score(cases, resolver_days, args.runs)
        theirs, their_ms, _ = score(cases, dateparser_days, max(1, args.runs // 2 or 1))
        summary[name] = (len(cases), ours, theirs, our_ms, their_ms)
        print(f"{name:<12} {len(cases):>6} {ours:>9.3f} {theirs:>11.3f} {our_ms:>8.3f} "
              f"{their_ms:>11.3f}")
        if args.misses:
            for case, answer in our_misses:
                print(f"  MISS [{case['source']}] ref={case['ref'].date()} {case['text']!r} "
                      f"gold={sorted(case['gold'])} got={sorted(answer)}")
    mail = {split: mail_cases(os.path.join(ROOT, "corpus", split)) for split in ("train", "heldout")}
    mail = {split: cases for split, cases in mail.items() if cases}
    if mail:
        print(f"\n{'mail':<12} {'dated':>6} {'resolver':>9} {'dateparser':>11}   "
              "(share of key dates among the days read)")
    for split, cases in mail.items():
        ours_mail, missed = recall(cases, resolver_days)
        theirs_mail, _ = recall(cases, dateparser_days)
        summary[f"mail {split}"] = (len(cases), ours_mail, theirs_mail)
        print(f"{split:<12} {len(cases):>6} {ours_mail:>9.3f} {theirs_mail:>11.3f}")
        if args.misses:
            for case in missed:
                print(f"  MISS [{case['source']}] ref={case['ref'].date()} gold={case['gold']}")
    count, ours, theirs, our_ms, their_ms = summary["recognizers"]
    result = {"when_accuracy": round(ours, 4), "dateparser_accuracy": round(theirs, 4),
              "cases": count, "when_ms_per_case": round(our_ms, 3),
              "dateparser_ms_per_case": round(their_ms, 3)}
    if "indotimex" in summary:
        result["indotimex_when_accuracy"] = round(summary["indotimex"][1], 4)
        result["indotimex_dateparser_accuracy"] = round(summary["indotimex"][2], 4)
        result["indotimex_cases"] = summary["indotimex"][0]
    for split in ("train", "heldout"):
        if f"mail {split}" in summary:
            result[f"mail_{split}_key_date_recall"] = round(summary[f"mail {split}"][1], 4)
            result[f"mail_{split}_dateparser_recall"] = round(summary[f"mail {split}"][2], 4)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
