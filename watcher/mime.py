"""Turn one email's raw bytes into clean parts: addresses, dates, readable text, invites.

`parse_message` never raises: whatever the input (a wrong charset, a truncated download,
binary junk, a hostile message with thousands of nested parts), it returns a `ParsedEmail`
with what could be read and a sentence per problem in `defects`.

    >>> email = parse_message(b"From: Rina <rina@example.co.id>\\r\\nSubject: Interview\\r\\n"
    ...                       b"\\r\\nCan you come on Monday?\\r\\n")
    >>> email.sender, email.subject, email.new_text
    ('rina@example.co.id', 'Interview', 'Can you come on Monday?')

Parsing uses the stdlib `email` package with the compat32 policy: it is the parser mail-parser
itself wraps, without mail-parser's Received-header and IP analysis we do not need, and
several times faster than `policy.default`, whose header objects are costly to build. Headers
are decoded here (RFC 2047, RFC 2231, 8-bit bytes) and HTML is turned into text by a small
tokenizer (`html_to_text`) rather than BeautifulSoup, which is ~10x slower on the same mail.
"""
from __future__ import annotations

import base64
import binascii
import codecs
import functools
import html as html_lib
import quopri
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email import message_from_bytes
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from watcher.replies import split_reply

__all__ = ["CalendarEvent", "ParsedEmail", "parse_message", "html_to_text", "decode_header_text"]


@dataclass
class CalendarEvent:
    """One event of an invite (.ics). Example: start 2025-05-12 10:00+07:00, method "REQUEST"."""

    start: datetime | None     # aware (the .ics TZID/UTC respected); date-only -> None and set `day`
    end: datetime | None
    day: date | None           # the start's date (always set when start is)
    summary: str
    method: str                # "REQUEST", "CANCEL", "" ...
    organizer: str


@dataclass
class ParsedEmail:
    """One email, read. `to_names[i]` is the display name of `to[i]` ("" when there is none)."""

    message_id: str | None     # without <>
    subject: str               # decoded (RFC 2047), whitespace-normalised
    sender: str                # address, lower-case ("" if none)
    sender_name: str           # display name, decoded
    reply_to: str | None
    to: list[str]
    cc: list[str]              # addresses, lower-case
    to_names: list[str]        # display names of `to`, decoded
    date: datetime | None      # aware, in the header's OWN UTC offset (not converted)
    in_reply_to: str | None
    references: list[str]      # message ids without <>
    headers: dict[str, str]    # selected raw headers by lower-case name (see KEPT_HEADERS)
    text: str                  # the whole readable text (HTML converted to text)
    new_text: str              # only what this message adds: no quoted history, no signature
    quoted_text: str
    signature: str             # the signature, plus legal footers and ATS boilerplate
    html: bool                 # body came from HTML
    calendar_events: list[CalendarEvent] = field(default_factory=list)
    attachments: list[tuple[str, str, int]] = field(default_factory=list)  # (filename, type, size)
    defects: list[str] = field(default_factory=list)


KEPT_HEADERS = (
    "x-gm-thrid", "x-gmail-labels", "list-unsubscribe", "list-id", "auto-submitted",
    "precedence", "x-mailer", "return-path", "x-gm-msgid", "x-autoreply", "x-autorespond",
)

# Limits against hostile input. Real recruiter mail is far below all of them.
MAX_MESSAGE_BYTES = 32 * 1024 * 1024   # beyond this only the first 32 MB are read
MAX_BOUNDARIES = 200                   # more multipart boundaries than this: headers only
MAX_PARTS = 1000                       # parts walked per message
MAX_DEPTH = 40                         # multipart nesting followed for the body
MAX_TEXT_CHARS = 2_000_000             # per text part
MAX_HTML_CHARS = 1_000_000             # HTML converted per part
MAX_QUOTE_DEPTH = 8                    # "> " prefixes written for nested <blockquote>
MAX_HEADER_CHARS = 32_000              # per header value
MAX_ICS_BYTES = 1_000_000
MAX_EVENTS = 50


def parse_message(raw: bytes) -> ParsedEmail:
    """Read one email's raw bytes (RFC 5322). Never raises; problems go to `defects`.

    Example: parse_message(open("offer.eml", "rb").read()).date -> 2025-05-06 09:12+07:00.
    """
    email = _empty()
    try:
        _parse_into(email, raw)
    except (Exception, RecursionError) as error:  # the promise: never raise on bad mail
        email.defects.append(f"could not read the whole message ({type(error).__name__})")
    return email


def _empty() -> ParsedEmail:
    return ParsedEmail(
        message_id=None, subject="", sender="", sender_name="", reply_to=None, to=[], cc=[],
        to_names=[], date=None, in_reply_to=None, references=[], headers={}, text="",
        new_text="", quoted_text="", signature="", html=False,
    )


def _parse_into(email: ParsedEmail, raw: bytes) -> None:
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogateescape")
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        email.defects.append(f"expected the message as bytes, got {type(raw).__name__}")
        return
    raw = bytes(raw)
    if len(raw) > MAX_MESSAGE_BYTES:
        email.defects.append(f"message larger than {MAX_MESSAGE_BYTES // 2**20} MB: only its start was read")
        raw = raw[:MAX_MESSAGE_BYTES]
    # The stdlib parser recurses once per nested multipart, and slows down quadratically with
    # depth: a message declaring hundreds of boundaries is read for its headers only.
    if _count_boundaries(raw) > MAX_BOUNDARIES:
        email.defects.append("too many nested parts: only the headers were read")
        message = BytesHeaderParser().parsebytes(raw)
        _read_headers(email, message)
        return
    raw = _limit_parts(email, raw)
    message = message_from_bytes(raw)
    _guarded(email, "headers", _read_headers, email, message)
    _guarded(email, "body", _read_body, email, message)
    _guarded(email, "attachments", _read_attachments, email, message)
    for defect in message.defects[:10]:
        email.defects.append(f"MIME: {type(defect).__name__}")


def _guarded(email: ParsedEmail, what: str, step, *args) -> None:
    try:
        step(*args)
    except (Exception, RecursionError) as error:
        email.defects.append(f"could not read the {what} ({type(error).__name__})")


_BOUNDARY = re.compile(rb"boundary\s*=", re.I)
_DELIMITER = re.compile(rb"\n--")


def _limit_parts(email: ParsedEmail, raw: bytes) -> bytes:
    """Cut a message with thousands of MIME parts after the first MAX_PARTS of them.

    The stdlib parser builds every part before we can stop walking; the readable text of
    real mail is in its first parts.
    """
    if raw.count(b"\n--") <= 2 * MAX_PARTS:
        return raw
    for count, match in enumerate(_DELIMITER.finditer(raw), 1):
        if count > 2 * MAX_PARTS:
            email.defects.append("too many parts: only the first ones were read")
            return raw[:match.start() + 1]
    return raw


def _count_boundaries(raw: bytes) -> int:
    if raw.count(b"oundary") <= MAX_BOUNDARIES:  # cheap pre-check before the regex
        return 0
    return sum(1 for _ in _BOUNDARY.finditer(raw))


# -- headers ---------------------------------------------------------------------------------

Headers = dict[str, list[str]]


def _header_index(message: Message) -> Headers:
    """Raw header values by lower-case name. Read raw: compat32's get() turns 8-bit bytes
    into replacement characters."""
    index: Headers = {}
    for key, value in message.raw_items():
        index.setdefault(key.lower(), []).append(value)
    return index


def _header(headers: Headers, name: str) -> str | None:
    """The first `name` header as text."""
    values = _raw_headers(headers, name)
    return values[0] if values else None


def _raw_headers(headers: Headers, name: str) -> list[str]:
    return [_fix_8bit(value[:MAX_HEADER_CHARS]) if isinstance(value, str) else str(value)
            for value in headers.get(name, ())]


def _fix_8bit(value: str) -> str:
    """Header bytes outside ASCII arrive as surrogates: read them as UTF-8, else Windows-1252."""
    if not _has_surrogates(value):
        return value
    data = value.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _has_surrogates(value: str) -> bool:
    return not value.isascii() and any("\udc80" <= ch <= "\udcff" for ch in value)


_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"\?=\s+=\?")


def decode_header_text(value: str) -> str:
    """Decode RFC 2047 encoded words, forgiving unknown charsets and bad base64.

    Example: decode_header_text("=?utf-8?q?Undangan_Wawancara?=") -> "Undangan Wawancara".
    """
    if "=?" not in value:
        return value
    # Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
    value = _BETWEEN_WORDS.sub("?==?", value)
    out: list[str] = []
    pending: list[bytes] = []
    pending_charset = ""
    last = 0
    for match in _ENCODED_WORD.finditer(value):
        charset = match.group(1).split("*", 1)[0].lower()  # RFC 2231 language suffix
        if match.start() != last or charset != pending_charset:
            if pending:
                out.append(decode_bytes(b"".join(pending), pending_charset)[0])
                pending = []
            out.append(value[last:match.start()])
        pending_charset = charset
        pending.append(_decode_word(match.group(2), match.group(3)))
        last = match.end()
    if pending:
        out.append(decode_bytes(b"".join(pending), pending_charset)[0])
    out.append(value[last:])
    return "".join(out)


def _decode_word(kind: str, data: str) -> bytes:
    if kind in "bB":
        clean = re.sub(r"[^A-Za-z0-9+/]", "", data)
        for attempt in (clean + "=" * (-len(clean) % 4), clean[: len(clean) // 4 * 4]):
            try:
                return base64.b64decode(attempt)
            except (binascii.Error, ValueError):
                continue
        return b""
    return quopri.decodestring(data.replace("_", " ").encode("ascii", "replace"), header=True)


def _clean_header(value: str | None) -> str:
    if not value:
        return ""
    return " ".join(decode_header_text(value).split())


def _addresses(headers: Headers, name: str) -> list[tuple[str, str]]:
    """[(display name, address)] of an address header; addresses lower-case."""
    values = _raw_headers(headers, name)
    if not values:
        return []
    return list(_read_addresses(tuple(values)))


@functools.lru_cache(maxsize=2048)
def _read_addresses(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The addresses of an address header's values. Cached by text: a mailbox's To is nearly
    always its owner, and each sender writes many times, while getaddresses costs ~0.05 ms.

    Example: _read_addresses(("Rina <Rina@x.id>",)) -> (("Rina", "rina@x.id"),).
    """
    found = []
    for display, address in getaddresses(list(values)):
        address = address.strip().strip("<>").lower()
        if not address or "@" not in address and not display:
            continue
        found.append((_clean_header(display).strip('"\' '), address))
    return tuple(found)


_MSG_ID = re.compile(r"<([^<>\s]+)>")


def _message_id(value: str | None) -> str | None:
    if not value:
        return None
    match = _MSG_ID.search(value)
    if match:
        return match.group(1)
    token = value.strip().split()
    return token[0].strip("<>") or None if token else None


def _read_headers(email: ParsedEmail, message: Message) -> None:
    headers = _header_index(message)
    email.message_id = _message_id(_header(headers, "message-id"))
    email.subject = _clean_header(_header(headers, "subject"))
    senders = _addresses(headers, "from") or _addresses(headers, "sender")
    if senders:
        email.sender_name, email.sender = senders[0]
    reply_to = _addresses(headers, "reply-to")
    email.reply_to = reply_to[0][1] if reply_to else None
    to = _addresses(headers, "to")
    email.to = [address for _, address in to]
    email.to_names = [name for name, _ in to]
    email.cc = [address for _, address in _addresses(headers, "cc")]
    email.in_reply_to = _message_id(_header(headers, "in-reply-to"))
    email.references = _MSG_ID.findall(_header(headers, "references") or "")
    email.date = _read_date(email, _header(headers, "date"))
    for name in KEPT_HEADERS:
        value = _header(headers, name)
        if value is not None:
            email.headers[name] = " ".join(value.split())


def _read_date(email: ParsedEmail, value: str | None) -> datetime | None:
    if not value:
        email.defects.append("no Date header")
        return None
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        email.defects.append(f"unreadable Date header: {value.strip()[:60]!r}")
        return None
    if when.tzinfo is None:  # "-0000": the time is UTC, the sender's zone unknown (RFC 5322 §3.3)
        when = when.replace(tzinfo=timezone.utc)
    return when


# -- charsets --------------------------------------------------------------------------------

# Labels mail clients use for what is really a superset (the WHATWG Encoding Standard does the
# same): text labelled latin-1 is almost always Windows-1252, gb2312 is GBK, and so on.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "utf-8",
    "ascii": "utf-8", "gb2312": "gb18030", "gbk": "gb18030", "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949", "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "shift_jis": "cp932", "x-sjis": "cp932", "utf8": "utf-8", "unicode-1-1-utf-7": "utf-7",
    "windows-874": "cp874", "x-mac-roman": "mac_roman",
}
_SINGLE_BYTE_WESTERN = {"cp1252", "iso8859-15", "cp1254", "mac-roman"}


@functools.lru_cache(maxsize=256)
def _codec(charset: str) -> str | None:
    """The Python codec name for a declared charset, or None when unknown or not for text."""
    name = _CHARSET_ALIASES.get(charset.strip().strip("\"'").lower(), charset.strip().strip("\"'"))
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    # codecs.lookup also knows "base64", "rot13", "zlib": never decode text with those.
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """(text, defect or None). Tries the declared charset, then UTF-8, then Windows-1252.

    Example: decode_bytes(b"Caf\\xe9", "utf-8") -> ("Café", "declared utf-8 but ... cp1252").
    """
    codec = _codec(charset) if charset else None
    if data.startswith(codecs.BOM_UTF8):
        data, codec = data[3:], "utf-8"
    if codec in _SINGLE_BYTE_WESTERN and not data.isascii():
        # Bytes that are valid UTF-8 and not ASCII are practically never Western text
        # mislabelled the other way round: a sender's client lied about the charset.
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    if codec:
        try:
            return data.decode(codec), None
        except (UnicodeDecodeError, LookupError):
            pass
    defect = None
    if charset and not codec:
        defect = f"unknown charset {charset[:40]!r}"
    for fallback in ("utf-8", "cp1252"):
        if fallback == codec:
            continue
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        if charset and codec:
            defect = f"declared {charset[:40]} but the bytes read as {fallback}"
        return text, defect
    return data.decode("utf-8", "replace"), defect or "undecodable bytes replaced"


# -- body ------------------------------------------------------------------------------------

_STUB = re.compile(
    r"(?:(?:view(?:ed)?|open|read|see|lihat|buka)\b.{0,40}\b(?:browser|web version|online)"
    r"|html (?:version|e-?mail)|(?:does not|doesn't|cannot|can't|unable to) (?:support|display)"
    r"\b.{0,30}\bhtml|tidak (?:mendukung|dapat menampilkan)\b.{0,20}\bhtml)",
    re.I,
)
_STUB_MAX_CHARS = 400


def _read_body(email: ParsedEmail, message: Message) -> None:
    walker = _BodyWalker(email, message)
    text, from_html = walker.body(message, 0)
    text = normalize_text(text)
    email.text, email.html = text, from_html
    parts = split_reply(text)
    email.new_text, email.quoted_text, email.signature = (
        parts.new_text, parts.quoted_text, parts.signature,
    )


class _BodyWalker:
    """Finds the readable text of a message, following multipart rules (RFC 2046)."""

    def __init__(self, email: ParsedEmail, root: Message):
        self.email = email
        self.root = root
        self.parts_seen = 0

    def body(self, part: Message, depth: int) -> tuple[str, bool]:
        self.parts_seen += 1
        if self.parts_seen > MAX_PARTS or depth > MAX_DEPTH:
            if self.parts_seen == MAX_PARTS + 1 or depth == MAX_DEPTH + 1:
                self.email.defects.append("too many parts: the rest of the body was not read")
            return "", False
        ctype = part.get_content_type()
        if part.is_multipart():
            children = [c for c in part.get_payload() if isinstance(c, Message)]
            if ctype == "multipart/alternative":
                return self._alternative(children, depth)
            if ctype == "multipart/related" and children:
                return self.body(children[0], depth + 1)  # the root part; the rest are images
            if ctype == "multipart/report":
                children = [c for c in children if c.get_content_type() != "message/rfc822"]
            return self._together(children, depth)
        if _is_attachment(part):
            return "", False
        if ctype == "message/rfc822":
            return self._forwarded(part, depth)
        if ctype == "text/plain":
            return self._text(part, False), False
        if ctype == "text/html":
            return self._text(part, True), True
        if ctype.startswith("multipart/") and isinstance(part.get_payload(), str):
            # A multipart without (matching) boundaries: the parser kept its body as one
            # string, which is most often the plain text the sender meant.
            text = self._text(part, False)
            return (html_to_text(text), True) if "</" in text[:2000] else (text, False)
        if ctype.startswith("text/") and ctype != "text/calendar" and part is self.root:
            return self._text(part, False), False  # e.g. text/enriched as the whole message
        return "", False

    def _together(self, children: list[Message], depth: int) -> tuple[str, bool]:
        texts, any_html = [], False
        for child in children:
            text, from_html = self.body(child, depth + 1)
            if text.strip():
                texts.append(text.strip("\n"))
                any_html = any_html or from_html
        return "\n\n".join(texts), any_html

    def _alternative(self, children: list[Message], depth: int) -> tuple[str, bool]:
        plain = rich = ""
        for child in children:
            text, from_html = self.body(child, depth + 1)
            if not text.strip():
                continue
            if from_html:
                rich = rich or text
            else:
                plain = plain or text
        if plain.strip() and not _is_stub(plain, rich):
            return plain, False
        if rich.strip():
            return rich, True
        return plain, False

    def _forwarded(self, part: Message, depth: int) -> tuple[str, bool]:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if not isinstance(inner, Message):
            return "", False
        text, from_html = self.body(inner, depth + 1)
        header = ["---------- Forwarded message ---------"]
        headers = _header_index(inner)
        for name in ("From", "Date", "Subject", "To"):
            value = _header(headers, name.lower())
            if value:
                header.append(f"{name}: {_clean_header(value)}")
        return "\n".join(header) + "\n\n" + text, from_html

    def _text(self, part: Message, is_html: bool) -> str:
        try:
            return self._decoded_text(part, is_html)
        except (Exception, RecursionError) as error:  # one bad part must not lose the others
            self.email.defects.append(f"unreadable text part ({type(error).__name__})")
            return ""

    def _decoded_text(self, part: Message, is_html: bool) -> str:
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            return ""
        text, defect = decode_bytes(data, part.get_content_charset())
        if defect:
            self.email.defects.append(defect)
        if is_html:
            if len(text) > MAX_HTML_CHARS:
                self.email.defects.append("HTML part too long: only its start was read")
                text = text[:MAX_HTML_CHARS]
            return html_to_text(text)
        if len(text) > MAX_TEXT_CHARS:
            self.email.defects.append("text part too long: only its start was read")
            text = text[:MAX_TEXT_CHARS]
        params = {k.lower(): v.lower() for k, v in part.get_params() or [] if isinstance(v, str)}
        if params.get("format") == "flowed":
            text = _unflow(text, params.get("delsp") == "yes")
        return text


def _is_stub(plain: str, rich: str) -> bool:
    """A text/plain alternative that only says "view this email in your browser"."""
    stripped = plain.strip()
    if len(stripped) > _STUB_MAX_CHARS or not rich.strip():
        return False
    return bool(_STUB.search(stripped)) and len(rich.strip()) > 2 * len(stripped)


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("content-disposition") or "").split(";", 1)[0].strip().lower()
    if disposition == "attachment":
        return True
    if disposition == "inline" or part.get_content_maintype() == "text":
        return False
    return bool(part.get_param("name") or part.get_param("filename", header="content-disposition"))


def _unflow(text: str, delsp: bool) -> str:
    """Join format=flowed soft line breaks (RFC 3676): a line ending in a space continues."""
    out: list[str] = []
    buffer = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if line.endswith(" ") and line != "-- ":
            buffer += line[:-1] if delsp else line
            continue
        out.append(buffer + line)
        buffer = ""
    if buffer:
        out.append(buffer)
    return "\n".join(out)


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u200e\u200f"), None)
_INVISIBLE.update({0xA0: " ", 0x202F: " ", 0x2007: " ", 0x3000: " ", ord("\t"): " "})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]+\n")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Unix line ends, no invisible characters, no trailing spaces, at most one blank line."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub("\n", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n").rstrip()


# -- HTML to text ----------------------------------------------------------------------------

_TAG = re.compile(r"<!--|<(/?)([a-zA-Z][a-zA-Z0-9:_.-]*)([^<>]*)>|<![^<>]*>|<\?[^<>]*>")
_BLOCK = frozenset(
    "address article aside center dd div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr main nav ol p pre section table tbody thead tfoot tr ul blockquote caption".split()
)
_PARAGRAPH = frozenset("p h1 h2 h3 h4 h5 h6 table ul ol blockquote hr".split())
_SKIP_CONTENT = frozenset("script style head title noscript template svg object xml iframe".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden", re.I)
_HTML_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")


def html_to_text(markup: str) -> str:
    """Readable text of an HTML email: paragraphs and list items on their own lines.

    Drops <style>, <script>, comments, hidden preheaders and images (tracking pixels);
    decodes entities; <blockquote> content is prefixed with "> " so that quoted history is
    recognised like in plain-text mail.

    Example: html_to_text("<p>Hi&nbsp;Budi</p><ul><li>Mon</li><li>Tue</li></ul>")
    -> "Hi Budi\\n\\n- Mon\\n- Tue".
    """
    lines: list[list] = [[0, ""]]  # [quote depth, text]
    quote_depth = 0
    skip_until: str | None = None  # raw-text element whose end tag ends the skip
    hidden: list[str] = []         # open hidden element names (plus nested same-name tags)
    in_pre = False
    low = None
    pos = 0
    length = len(markup)

    def newline(blank: bool = False) -> None:
        if lines[-1][1].strip():
            lines.append([quote_depth, ""])
        else:
            lines[-1][0] = quote_depth
        if blank and len(lines) > 1 and lines[-2][1].strip():
            lines.append([quote_depth, ""])

    def add_text(chunk: str) -> None:
        if hidden or not chunk:
            return
        text = html_lib.unescape(chunk) if "&" in chunk else chunk
        if in_pre:
            pieces = text.split("\n")
            lines[-1][1] += pieces[0]
            for piece in pieces[1:]:
                lines.append([quote_depth, piece])
            return
        text = _HTML_SPACE.sub(" ", text)
        if text == " " and (not lines[-1][1] or lines[-1][1].endswith(" ")):
            return
        lines[-1][1] += text

    while pos < length:
        match = _TAG.search(markup, pos)
        if match is None:
            add_text(markup[pos:])
            break
        add_text(markup[pos:match.start()])
        pos = match.end()
        name = match.group(2)
        if name is None:
            if match.group() == "<!--":
                end = markup.find("-->", pos)
                pos = end + 3 if end >= 0 else length
            continue  # comment, doctype, conditional comment, processing instruction
        name = name.lower()
        closing = match.group(1) == "/"
        if not closing and name in _SKIP_CONTENT:
            if low is None:
                low = markup.lower()
            end = low.find("</" + name, pos)
            if end < 0:
                break
            close = markup.find(">", end)
            pos = close + 1 if close >= 0 else length
            continue
        if hidden:
            if name == hidden[0] and name not in _VOID:
                if closing:
                    hidden.pop()
                elif not match.group(3).rstrip().endswith("/"):
                    hidden.append(name)
            continue
        attrs = match.group(3)
        if not closing and attrs and name not in _VOID and _HIDDEN.search(attrs):
            hidden.append(name)
            continue
        if name == "br":
            lines.append([quote_depth, ""])
        elif name == "li":
            newline()
            if not closing:
                lines[-1][1] = "- "
        elif name in ("td", "th"):
            if closing:
                add_text("  ")
        elif name == "blockquote":
            if closing:
                newline()
                quote_depth = max(0, quote_depth - 1)
                lines[-1][0] = quote_depth
                newline(blank=True)
            else:
                newline(blank=True)
                quote_depth += 1
                lines[-1][0] = quote_depth
        elif name == "pre":
            newline()
            in_pre = not closing
        elif name in _BLOCK:
            if not closing and name == "div" and "gmail_signature" in attrs:
                newline()
                lines[-1][1] = "-- "
            newline(blank=name in _PARAGRAPH)
    out = []
    next_depth = 0
    for depth, text in reversed(lines):
        text = text.strip()
        if text:
            next_depth = depth
        else:
            depth = min(depth, next_depth)  # a blank line closing a quote is not quoted
        if depth:
            text = ("> " * min(depth, MAX_QUOTE_DEPTH) + text).rstrip()
        out.append(text)
    out.reverse()
    return _BLANK_RUN.sub("\n\n", "\n".join(out)).strip("\n")


# -- attachments and invites -----------------------------------------------------------------

def _read_attachments(email: ParsedEmail, message: Message) -> None:
    stack: list[Message] = [message]
    seen = 0
    calendars: list[bytes] = []
    while stack and seen < MAX_PARTS:
        part = stack.pop()
        seen += 1
        if part.is_multipart():
            payload = part.get_payload()
            stack.extend(reversed([p for p in payload if isinstance(p, Message)]))
            continue
        ctype = part.get_content_type()
        if ctype == "message/rfc822":
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend(reversed([p for p in payload if isinstance(p, Message)]))
            continue
        filename = _filename(part)
        is_calendar = ctype in ("text/calendar", "application/ics") or (
            filename.lower().endswith(".ics")
        )
        attached = _is_attachment(part)
        if not (is_calendar or attached):
            continue
        data = part.get_payload(decode=True)
        size = len(data) if isinstance(data, bytes) else 0
        if attached:
            email.attachments.append((filename, ctype, size))
        if is_calendar and isinstance(data, bytes) and len(calendars) < 5:
            if size > MAX_ICS_BYTES:
                email.defects.append("calendar invite too large: skipped")
            else:
                calendars.append(data)
    if stack:
        email.defects.append("too many parts: some attachments were not listed")
    seen_events = set()
    for data in calendars:
        for event in _calendar_events(email, data):
            key = (event.start, event.day, event.summary, event.method)
            if key not in seen_events and len(email.calendar_events) < MAX_EVENTS:
                seen_events.add(key)
                email.calendar_events.append(event)


def _filename(part: Message) -> str:
    try:
        name = part.get_filename()
        # get_filename already looked at "name": ask again only when it gave an empty name.
        name = "" if name is None else name or part.get_param("name") or ""
    except (Exception,):  # malformed RFC 2231 parameters
        return ""
    if isinstance(name, tuple):  # an undecoded RFC 2231 triple
        name = name[2]
    return _clean_header(_fix_8bit(str(name)))


def _calendar_events(email: ParsedEmail, data: bytes) -> list[CalendarEvent]:
    """Events of an .ics body (RFC 5545). Floating times are read in the email's own offset."""
    from icalendar import Calendar  # imported only for mail that carries an invite

    try:
        calendar = Calendar.from_ical(decode_bytes(data, "utf-8")[0])
    except Exception as error:
        email.defects.append(f"unreadable calendar invite ({type(error).__name__})")
        return []
    method = str(calendar.get("METHOD", "") or "").strip().upper()
    events = []
    for component in calendar.walk("VEVENT")[:MAX_EVENTS]:
        try:
            start, day = _when(email, component.get("DTSTART"))
            end, _ = _when(email, component.get("DTEND"))
            organizer = str(component.get("ORGANIZER", "") or "")
            if organizer.lower().startswith("mailto:"):
                organizer = organizer[7:]
            events.append(CalendarEvent(
                start=start, end=end, day=day,
                summary=" ".join(str(component.get("SUMMARY", "") or "").split()),
                method=method, organizer=organizer.strip().lower(),
            ))
        except Exception as error:
            email.defects.append(f"unreadable calendar event ({type(error).__name__})")
    return events


def _when(email: ParsedEmail, prop) -> tuple[datetime | None, date | None]:
    value = getattr(prop, "dt", None)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            # A floating time (no TZID, no Z) means "local time"; the sender's own offset is
            # the best reading of that for an invite sent by mail.
            value = value.replace(tzinfo=email.date.tzinfo if email.date else timezone.utc)
        return value, value.date()
    if isinstance(value, date):
        return None, value
    return None, None
