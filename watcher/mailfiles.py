"""Read messages from mailbox files: .eml files, folders of them, mbox files, Maildir folders.

    for mail in iter_mail(["~/Takeout/Mail/All mail Including Spam and Trash.mbox"]):
        print(mail.source)   # ".../All mail Including Spam and Trash.mbox#1", "#2", ...

Raw bytes are kept exactly as stored (only mbox's ">From " escaping is undone), so that a
message reads the same whichever way it arrived. An mbox is streamed through a memory map: a
Gmail Takeout export of several GB is never loaded whole.
"""
from __future__ import annotations

import mmap
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["MailFile", "MailFileError", "iter_mail", "count_mail"]


@dataclass(frozen=True)
class MailFile:
    """One message and where it came from: a file path, or `path#N` for the N-th of an mbox."""

    source: str
    raw: bytes


class MailFileError(Exception):
    """A path that is not mail; the message is a sentence saying what to give instead."""


_HINT = "Give .eml files, folders of them, mbox files or Maildir folders."

# An mbox separator line: "From <sender> <asctime>" (RFC 4155). It starts the file or follows a
# blank line; a line starting "From " elsewhere is taken as a separator only if it has the
# usual "From sender Www Mmm" shape, since writers escape body lines as ">From ".
_ASCTIME_FROM = re.compile(rb"From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ")
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.M)


def iter_mail(paths: Iterable[str | Path]) -> Iterator[MailFile]:
    """Every message under `paths`, in the order given; inside a folder, sorted by name.

    Example: list(iter_mail(["inbox.mbox"]))[0] -> MailFile(source="inbox.mbox#1", raw=b"...").
    Raises MailFileError for a path that does not exist or holds no mail.
    """
    for path in paths:
        path = Path(path).expanduser()
        if path.is_dir():
            yield from _iter_folder(path)
        elif path.is_file():
            yield from _iter_file(path)
        elif path.exists():
            raise MailFileError(f"{path} is neither a file nor a folder. {_HINT}")
        else:
            raise MailFileError(f"No such file or folder: {path}. {_HINT}")


def count_mail(paths: Iterable[str | Path]) -> int:
    """How many messages `iter_mail(paths)` will give, cheaply (mbox: its separator lines).

    Example: count_mail(["inbox.mbox", "saved/"]) -> 1532.
    """
    total = 0
    for path in paths:
        path = Path(path).expanduser()
        if path.is_dir():
            items = list(_folder_items(path))
            if not items and not _is_maildir(path):
                raise MailFileError(f"{path} holds no .eml or .mbox files and is not a Maildir. {_HINT}")
            for kind, item in items:
                total += _count_mbox(item) if kind == "mbox" else 1
        elif path.is_file():
            total += _count_mbox(path) if _is_mbox(path) else 1
        else:
            raise MailFileError(f"No such file or folder: {path}. {_HINT}")
    return total


def _iter_file(path: Path) -> Iterator[MailFile]:
    if _is_mbox(path):
        yield from _iter_mbox(path)
    else:
        yield MailFile(str(path), path.read_bytes())


def _iter_folder(folder: Path) -> Iterator[MailFile]:
    found = False
    for kind, item in _folder_items(folder):
        found = True
        if kind == "mbox":
            yield from _iter_mbox(item)
        else:
            yield MailFile(str(item), item.read_bytes())
    if not found and not _is_maildir(folder):
        raise MailFileError(f"{folder} holds no .eml or .mbox files and is not a Maildir. {_HINT}")


def _folder_items(folder: Path) -> Iterator[tuple[str, Path]]:
    """("eml"|"mbox", path) for each mail file of a folder tree, in name order.

    A Maildir (a folder with cur/ and new/) gives its message files; elsewhere .eml files and
    .mbox files count, so that an unpacked Takeout folder can be given whole.
    """
    if _is_maildir(folder):
        for sub in ("cur", "new"):
            for item in sorted((folder / sub).iterdir()):
                if item.is_file() and not item.name.startswith("."):
                    yield "eml", item
        # Maildir++ subfolders (".Sent", ".Archive") hold more messages.
        for sub in sorted(folder.iterdir()):
            if sub.name.startswith(".") and sub.is_dir() and _is_maildir(sub):
                yield from _folder_items(sub)
        return
    for item in sorted(folder.iterdir()):
        if item.is_symlink() and item.is_dir():
            continue  # a link back up the tree would loop
        if item.is_dir():
            yield from _folder_items(item)
        elif item.suffix.lower() == ".eml":
            yield "eml", item
        elif item.suffix.lower() in (".mbox", ".mbx"):
            yield "mbox", item


def _is_maildir(folder: Path) -> bool:
    return (folder / "cur").is_dir() and (folder / "new").is_dir()


def _is_mbox(path: Path) -> bool:
    if path.suffix.lower() in (".mbox", ".mbx"):
        return True
    if path.suffix.lower() == ".eml":
        return False
    with path.open("rb") as handle:
        return handle.read(5) == b"From "


def _separators(data) -> Iterator[tuple[int, int]]:
    """(start of separator line, start of the message after it) for each mbox message.

    Found with the memory map's own find (C speed): a multi-GB Takeout file is counted in
    seconds.
    """
    size = len(data)
    if data[:5] == b"From ":
        start = 0
    else:
        start = data.find(b"\nFrom ") + 1
        if start == 0:
            return
    while True:
        line_end = data.find(b"\n", start)
        end = size if line_end < 0 else line_end + 1
        after_blank = data[start - 2:start] == b"\n\n" or data[start - 3:start] == b"\n\r\n"
        if start == 0 or after_blank or _ASCTIME_FROM.match(data[start:end]):
            yield start, end
        if line_end < 0:
            return
        start = data.find(b"\nFrom ", line_end) + 1
        if start == 0:
            return


def _open_map(path: Path):
    handle = path.open("rb")
    try:
        if os.fstat(handle.fileno()).st_size == 0:
            handle.close()
            return None, None
        return handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        handle.close()
        raise


def _iter_mbox(path: Path) -> Iterator[MailFile]:
    handle, data = _open_map(path)
    if data is None:
        return
    try:
        previous: tuple[int, int] | None = None
        number = 0
        for start, body in _separators(data):
            if previous is not None:
                number += 1
                yield MailFile(f"{path}#{number}", _message_bytes(data, previous[1], start))
            previous = (start, body)
        if previous is not None:
            number += 1
            yield MailFile(f"{path}#{number}", _message_bytes(data, previous[1], len(data)))
        else:
            raise MailFileError(f"{path} does not look like an mbox file (no 'From ' lines). {_HINT}")
    finally:
        data.close()
        handle.close()


def _message_bytes(data, start: int, end: int) -> bytes:
    raw = data[start:end]
    # The blank line before the next "From " belongs to the mbox format, not the message.
    if raw.endswith(b"\r\n\r\n"):
        raw = raw[:-2]
    elif raw.endswith(b"\n\n"):
        raw = raw[:-1]
    if b">From " in raw:
        # mboxrd escaping (RFC 4155): one ">" was added to every ">*From " line.
        raw = _ESCAPED_FROM.sub(rb"\1", raw)
    return raw


def _count_mbox(path: Path) -> int:
    handle, data = _open_map(path)
    if data is None:
        return 0
    try:
        return sum(1 for _ in _separators(data))
    finally:
        data.close()
        handle.close()
