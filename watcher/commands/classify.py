"""`nextstep classify`: the label, key date and evidence of every message in some mail files.

    $ nextstep classify --json ~/mail/recruiters.mbox
    {"source": ".../recruiters.mbox#1", "message_id": "...", "direction": "in", "label": "rejection", ...}
"""
from __future__ import annotations

import json
import os
import sys

import click

JSON_KEYS = ("source", "message_id", "direction", "label", "confidence", "key_date", "key_date_kind",
             "evidence", "language")


def reading_row(source: str, parsed, reading) -> dict:
    """The contract's JSON object for one message (DESIGN.md, `classify --json`)."""
    return {
        "source": source,
        "message_id": getattr(parsed, "message_id", None),
        "direction": reading.direction,
        "label": reading.label,
        "confidence": reading.confidence,
        "key_date": reading.key_date.isoformat() if reading.key_date else None,
        "key_date_kind": reading.key_date_kind,
        "evidence": reading.evidence,
        "language": reading.language,
    }


def unreadable_row(source: str) -> dict:
    """The line for a file that could not be read at all: `other`, with no confidence."""
    return {"source": source, "message_id": None, "direction": "in", "label": "other", "confidence": 0.0,
            "key_date": None, "key_date_kind": None, "evidence": None, "language": "en"}


def my_addresses(me: tuple[str, ...]) -> list[str]:
    """The user's addresses: `--me` options, else NEXTSTEP_ME (comma-separated)."""
    found = [a.strip().lower() for value in me for a in value.split(",") if a.strip()]
    if not found:
        found = [a.strip().lower() for a in os.environ.get("NEXTSTEP_ME", "").split(",") if a.strip()]
    return found


def mail_events(paths):
    """("mail", source, raw) for every message under `paths`, in order, and ("error", path, why)
    for a path that cannot be read (after the messages read from it before the error)."""
    from watcher.mailfiles import MailFileError, iter_mail

    for path in paths:
        try:
            for mail in iter_mail([path]):
                yield ("mail", mail.source, mail.raw)
        except (MailFileError, OSError) as exc:
            yield ("error", str(path), str(exc))


def _table_line(row: dict, interview_at=None, tz=None) -> str:
    label = row["label"] or "(sent by you)"
    date = row["key_date"] or ""
    if interview_at is not None and tz is not None:
        date = interview_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    evidence = " ".join((row["evidence"] or "").split())
    if len(evidence) > 70:
        evidence = evidence[:67] + "..."
    return f"{os.path.basename(row['source'])[:36]:36}  {label:20}  {row['confidence']:.2f}  {date:16}  {row['language']}  {evidence}"


@click.command("classify")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per message per line.")
@click.option("--tz", default=None, help="Your time zone (IANA name, e.g. Asia/Jakarta): the table shows an interview's "
              "start in it. Key dates are always read on each sender's own calendar. Default: NEXTSTEP_TZ.")
@click.option("--me", "me", multiple=True, metavar="ADDRESS",
              help="Your own address (repeatable); mail from it is 'out' and takes no label. Default: NEXTSTEP_ME.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="How many processes read mail at once, for large mailboxes. Default: one per CPU core; "
              "1 reads everything in this process.")
def classify(paths, as_json, tz, me, jobs):
    """Label every message in PATH... (.eml files, folders, mbox files, Maildir folders).

    Prints the label, confidence, key date, evidence sentence and language of each message.
    """
    addresses = my_addresses(me)
    tz = tz or os.environ.get("NEXTSTEP_TZ")
    zone = None
    if tz:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise click.BadParameter(f"unknown time zone {tz!r}: use an IANA name such as Asia/Jakarta or Europe/London",
                                     param_hint="--tz")
    progress = None
    if sys.stderr.isatty():  # a bar only for a person watching, never in a pipe or a log
        try:
            from watcher.mailfiles import count_mail

            total = count_mail(paths)
        except Exception:
            total = 0
        if total > 50:
            from tqdm import tqdm

            progress = tqdm(total=total, file=sys.stderr, unit="msg", leave=False)

    def on_error(source, why):
        click.echo(f"{source}: {why} (labelled 'other')",
                   err=True)
        row = unreadable_row(source)
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else _table_line(row))

    if not as_json:
        click.echo(f"{'message':36}  {'label':20}  conf  {'key date':16}  la  evidence")
    from types import SimpleNamespace

    from watcher.batch import read_all

    # The table and the JSON show no company, role or recruiter's name: they are not worked out.
    for event in read_all(mail_events(paths), addresses, jobs, people=False):
        if event[0] == "error":
            on_error(event[1], event[2])
        else:
            _, source, message_id, reading = event
            row = reading_row(source, SimpleNamespace(message_id=message_id), reading)
            click.echo(json.dumps(row, ensure_ascii=False) if as_json else _table_line(row, reading.interview_at, zone))
        if progress is not None:
            progress.update(1)
    if progress is not None:
        progress.close()
