"""`nextstep when`: the temporal resolver on its own.

    $ nextstep when --json --ref 2025-02-03T10:15:00+00:00 "Send it by Thursday."
    {"text": "by Thursday", "date": "2025-02-06", "kind": "by", "time": null}

    $ nextstep when --batch phrases.jsonl      # lines of {"text", "ref"}
    {"text": "Send it by Thursday.", "found": [{"text": "by Thursday", "date": "2025-02-06", ...}]}
"""
from __future__ import annotations

import json
import sys

import click

REF_FORM = "2025-10-01T09:00:00+01:00"


def parse_ref(value: str):
    """An ISO 8601 date and time, or a sentence-long ValueError that shows the expected form.

    >>> parse_ref("2025-10-01T09:00:00+01:00").isoformat()
    '2025-10-01T09:00:00+01:00'
    """
    import datetime as dt

    text = (value or "").strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date and time: write it like {REF_FORM} "
            f"(the email's Date header, with its UTC offset)."
        ) from None


def _found(mentions) -> list[dict]:
    return [
        {"text": m.text, "date": m.date.isoformat(), "kind": m.kind,
         "time": m.time.strftime("%H:%M") if m.time else None}
        for m in mentions
    ]


def _batch_line(line: str, default_ref) -> dict:
    """One output object for one input line; a bad line gives an "error", never an exception."""
    from watcher.dates import find_dates

    text = None
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError('each line must be a JSON object such as {"text": "...", "ref": "..."}')
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError('the line has no "text" string')
        if item.get("ref") is not None:
            ref = parse_ref(str(item["ref"]))
        elif default_ref is not None:
            ref = default_ref
        else:
            raise ValueError(f'the line has no "ref": add one like "{REF_FORM}", or pass --ref')
        return {"text": text, "found": _found(find_dates(text, ref))}
    except ValueError as error:  # json.JSONDecodeError is a ValueError too
        message = str(error)
        if isinstance(error, json.JSONDecodeError):
            message = f"not a JSON line ({error.msg} at column {error.colno})"
        return {"text": text, "found": [], "error": message}


@click.command("when")
@click.option("--ref", "ref_text", metavar="ISO8601",
              help=f"The moment the text was written, usually the email's Date header, with its "
                   f"UTC offset (e.g. {REF_FORM}). Phrases are read on that offset's calendar; "
                   f"the offset also orders ambiguous numeric dates (05/04: month first in the "
                   f"Americas and, for English text, when no offset is given).")
@click.option("--json", "as_json", is_flag=True,
              help='Print one JSON object per date found: {"text", "date", "kind", "time"}.')
@click.option("--batch", type=click.File("r", encoding="utf-8"), metavar="FILE",
              help='Read JSON lines {"text", "ref"} from FILE ("-" for standard input) and print '
                   'one line {"text", "found": [...]} per input line, in order.')
@click.argument("text", nargs=-1)
def when(ref_text, as_json, batch, text):
    """Find the dates in TEXT and the day each one points to.

    "by Thursday", "within 3 business days", "akhir minggu depan", "3 February 2026"... are
    resolved against --ref on its own calendar. Vague phrases ("soon", "segera") give nothing.

    \b
    Examples:
      nextstep when --ref 2025-02-03T10:15:00+00:00 "Please reply by Thursday."
      nextstep when --json --ref 2025-06-10T14:00+07:00 "Kami kabari dalam 2 minggu."
      nextstep when --batch phrases.jsonl
    """
    default_ref = None
    if ref_text is not None:
        try:
            default_ref = parse_ref(ref_text)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--ref") from None

    if batch is not None:
        if text:
            raise click.UsageError("Give either TEXT or --batch FILE, not both.")
        for line in batch:
            line = line.rstrip("\r\n")
            click.echo(json.dumps(_batch_line(line, default_ref), ensure_ascii=False))
        return

    if not text:
        raise click.UsageError('Give the TEXT to read, e.g. nextstep when --ref '
                               f'{REF_FORM} "by Thursday", or use --batch FILE.')
    if default_ref is None:
        raise click.UsageError(f"Give --ref, the moment the text was written, e.g. --ref {REF_FORM}.")
    sentence = " ".join(text)
    if sentence == "-":
        sentence = sys.stdin.read()

    from watcher.dates import find_dates

    mentions = find_dates(sentence, default_ref)
    if as_json:
        for item in _found(mentions):
            click.echo(json.dumps(item, ensure_ascii=False))
        return
    if not mentions:
        click.echo("No date found.")
        return
    width = max(len(m.text) for m in mentions)
    for m in mentions:
        clock = f" {m.time:%H:%M}" if m.time else ""
        click.echo(f"{m.text:<{width}}  {m.date:%Y-%m-%d} {m.date:%a}{clock}  ({m.kind})")
