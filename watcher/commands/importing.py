"""`nextstep import PATH...`: backfill the store from mailbox files (a Gmail Takeout export,
an mbox, a Maildir, .eml files), through the same pipeline as the watcher."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import click

BATCH = 200  # messages per transaction: far fewer commits, and a crash keeps whole batches
# Gmail Takeout's labels of messages that are not mail exchanged with anyone: unsent drafts
# (they would count as sent) and spam ("All mail Including Spam and Trash").
SKIPPED_LABELS = {"draft", "spam"}
_LABELS = re.compile(rb"(?im)^x-gmail-labels:[ \t]*(.*(?:\r?\n[ \t].*)*)")


def skipped_label(raw: bytes) -> str | None:
    """The Takeout label that excludes this message (Draft, Spam), if any.

    >>> skipped_label(b"X-Gmail-Labels: Inbox,Spam\\r\\nFrom: x\\r\\n\\r\\nbody"), skipped_label(b"From: x\\r\\n\\r\\n")
    ('Spam', None)
    """
    head = raw[:65536].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    found = _LABELS.search(head)
    if not found:
        return None
    for label in re.split(r"\s*,\s*", found.group(1).decode("utf-8", "replace").replace("\r\n", " ").strip()):
        if label.strip().lower() in SKIPPED_LABELS:
            return label.strip()
    return None


@dataclass
class ImportReport:
    """Example: ImportReport(messages=120, new=118, defects=2, applications={1, 4, 9})."""

    messages: int = 0
    new: int = 0
    defects: int = 0
    applications: set = field(default_factory=set)
    skipped: int = 0  # drafts and spam of a Takeout export

    def summary(self) -> str:
        line = (f"{self.messages} messages, {self.new} new, {len(self.applications)} applications, "
                f"{self.defects} defects")
        return line + (f" ({self.skipped} drafts or spam skipped)" if self.skipped else "")


def import_mail(store, paths, *, me=(), progress=None) -> ImportReport:
    """Read every message under `paths` into `store`. Importing the same files twice adds
    nothing (messages are stored once, by Message-ID). `progress(done)` after each message.
    Raises watcher.mailfiles.MailFileError for a path that holds no mail."""
    from watcher.mailfiles import iter_mail
    from watcher.pipeline import ingest
    from watcher.pipeline import unreadable_reason

    report = ImportReport()
    mails = iter_mail(paths)
    while True:
        with store.transaction():
            count = 0
            for mail in mails:
                report.messages += 1
                reason = unreadable_reason(mail.raw)
                if reason is None and skipped_label(mail.raw):
                    report.skipped += 1
                elif reason is not None:
                    store.record_defect(reason, source=mail.source)
                    report.defects += 1
                else:
                    done = ingest(store, mail.raw, me=me, source=mail.source)
                    if done.error:
                        report.defects += 1
                    else:
                        report.new += done.new
                        if done.application_id is not None:
                            report.applications.add(done.application_id)
                if progress is not None:
                    progress(report.messages)
                count += 1
                if count == BATCH:
                    break
        if count < BATCH:
            return report


@click.command("import")
@click.option("--me", multiple=True, metavar="ADDRESS",
              help="Your own address(es) (repeat or comma-separate); mail from them is yours. Default: "
                   "NEXTSTEP_ME or config.toml's me.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def import_command(me, paths):
    """Read mail from files into Next Step: mbox (a Gmail Takeout export included), Maildir, .eml.

    Gmail Takeout keeps each message's thread (X-GM-THRID) and labels (X-Gmail-Labels); they
    are kept too. Importing the same files again adds nothing. Ends with a summary: how many
    messages, how many new, how many applications, how many could not be read.

    \b
    Example:
      nextstep import ~/Takeout/Mail/"All mail Including Spam and Trash.mbox"
    """
    import sys

    from models.settings import load_settings
    from models.store import Store
    from watcher.accounts import my_addresses
    from watcher.mailfiles import MailFileError, count_mail

    try:
        settings = load_settings()
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    addresses = tuple(a.strip().lower() for item in me for a in item.split(",") if a.strip()) or my_addresses(settings)
    if not addresses:
        raise click.UsageError("say which address is yours with --me (or run `nextstep init`), so that your own "
                               "mail counts as yours")
    store = Store(settings.db)
    try:
        total = count_mail(paths)
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            with Progress(console=Console(stderr=True)) as bar:
                task = bar.add_task("Importing", total=total)
                report = import_mail(store, paths, me=addresses,
                                     progress=lambda done: bar.update(task, completed=done))
        else:
            report = import_mail(store, paths, me=addresses)
    except MailFileError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(report.summary())
    if report.defects:
        click.echo("Unreadable messages were skipped; `nextstep status` counts them.")
