"""`nextstep status [--json]`: every application with its state and next step."""
from __future__ import annotations

import click


def applications_by_due(store, now, policy) -> list[dict]:
    """Every application as `application_json(detail=False)`, soonest due step first; those
    with no due date follow, most recent activity first (the store's order).

    Example: [{"id": 3, "company": "Acme", ..., "next_step": {"due": "2025-03-12", ...}, "messages": 4}]
    """
    from models.views import application_json

    rows = [application_json(app, now, policy, detail=False) for app in store.applications()]
    order = {row["id"]: n for n, row in enumerate(rows)}
    return sorted(rows, key=lambda r: (r["next_step"]["due"] is None, r["next_step"]["due"] or "", order[r["id"]]))


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help='Print {"applications": [...]} (the API\'s shape; '
                                                      '"messages" is how many messages each holds).')
@click.option("--now", metavar="ISO8601", help="The moment to compute next steps for (default: now); for "
                                               "reproducible output.")
def status(as_json, now):
    """Every application: company, role, state, next step, when it is due, and how many messages.

    Sorted by due date, soonest first. Also says how many messages could not be read.

    \b
    Examples:
      nextstep status
      nextstep status --json --now 2025-03-12T09:00:00+07:00
    """
    import json

    from models.settings import load_settings
    from models.store import Store
    from watcher.commands.advise import parse_now

    try:
        settings = load_settings()
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    moment = parse_now(now, settings.tz)
    store = Store(settings.db)
    rows = applications_by_due(store, moment, settings.policy_settings())
    defects = store.counts()["defects"]
    if as_json:
        click.echo(json.dumps({"applications": rows, "defects": defects}, ensure_ascii=False))
        return
    if not rows:
        click.echo("No applications yet: run `nextstep watch --once` or `nextstep import PATH`.")
    else:
        click.echo(_table(rows))
    if defects:
        click.echo(f"\n{defects} message(s) could not be read and were skipped.")


COLUMNS = (("Company", 22), ("Role", 24), ("State", 18), ("Next step", 22), ("Due", 10), ("Check-in", 8),
           ("Messages", 8))


def _table(rows: list[dict]) -> str:
    """Plain aligned columns: readable in a terminal, a pipe or a log."""
    lines = ["  ".join(name.ljust(width) for name, width in COLUMNS).rstrip()]
    for row in rows:
        step = row["next_step"]
        cells = (row["company"] or "?", row["role"] or "", row["state"].replace("_", " "),
                 step["action"].replace("_", " "), step["due"] or "", str(step["checkin"] or ""), str(row["messages"]))
        lines.append("  ".join(_fit(cell, width) for cell, (_, width) in zip(cells, COLUMNS)).rstrip())
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    text = " ".join(str(text).split())  # company names come from mail: no newlines in the table
    return (text if len(text) <= width else text[:width - 1] + "\u2026").ljust(width)
