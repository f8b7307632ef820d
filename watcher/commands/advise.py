"""`nextstep advise`: the next step for one application's thread, from its .eml files."""
from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click


def parse_now(value: str | None, tz: str) -> datetime:
    """`--now` as an aware datetime; a naive one is read in `tz`; none means the clock."""
    zone = ZoneInfo(tz)
    if not value:
        return datetime.now(zone)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date-time; write e.g. 2025-09-16T13:20:00+02:00") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def check_tz(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise click.BadParameter(f"{value!r} is not an IANA time zone; write e.g. Europe/London or Asia/Jakarta") from exc
    return value


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (the advise contract).")
@click.option("--me", "me", multiple=True, metavar="ADDRESS",
              help="Your own address (repeat, or comma-separate, for several); mail from it is yours. "
                   "Default: NEXTSTEP_ME.")
@click.option("--now", metavar="ISO8601", help="The moment to advise for (default: now).")
@click.option("--tz", metavar="TZ", callback=lambda c, p, v: check_tz(v),
              help="Your IANA time zone, for due dates (default: NEXTSTEP_TZ or the system's).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def advise(as_json, me, now, tz, paths):
    """The next step for ONE application, from the messages of its thread.

    PATHS are .eml files, folders of them, mbox files or Maildir folders holding the thread's
    messages (yours and theirs). Prints what to do, when, why, and a draft.

    \b
    Example:
      nextstep advise --me jane@example.com --now 2025-03-12T10:00+00:00 --tz Europe/London thread/*.eml
    """
    from dataclasses import replace

    from models.lifecycle import current_state
    from models.message import Application
    from models.policy import recommend
    from models.settings import load_settings
    from models.threads import describe
    from watcher.mailfiles import MailFileError, iter_mail
    from watcher.pipeline import read_raw

    settings = load_settings()
    addresses = tuple(a.strip().lower() for item in me for a in item.split(",") if a.strip()) or settings.me
    if not addresses:
        raise click.UsageError("say which address is yours with --me (or set NEXTSTEP_ME), so your own mail counts")
    tz = tz or settings.tz
    moment = parse_now(now, tz)
    messages = []
    try:
        for item in iter_mail(paths):
            messages.append(read_raw(item.raw, me=addresses))
    except MailFileError as exc:
        raise click.UsageError(str(exc)) from exc
    app = Application(messages=messages)
    for key, value in describe(app.timeline()).items():
        setattr(app, key, value)
    step = recommend(app, moment, replace(settings.policy_settings(), tz=tz))
    result = {"application": {"company": app.company, "role": app.role}, "state": current_state(app),
              "next_step": step.to_json()}
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    _print_step(result)


def _print_step(result: dict) -> None:
    step = result["next_step"]
    app = result["application"]
    title = " — ".join(x for x in (app["company"], app["role"]) if x) or "This application"
    click.secho(title, bold=True)
    click.echo(f"State: {result['state']}")
    what = step["action"].replace("_", " ")
    due = f", due {step['due']}" if step["due"] else ""
    checkin = f" (check-in {step['checkin']})" if step["checkin"] else ""
    click.secho(f"Next step: {what}{due}{checkin}", fg="green", bold=True)
    click.echo(step["reason"])
    if step["evidence"]:
        click.echo(f"They wrote: \u201c{step['evidence']}\u201d")
    if step["draft"]:
        click.echo("\nDraft\n-----")
        click.echo(f"Subject: {step['draft']['subject']}\n")
        click.echo(step["draft"]["body"])
