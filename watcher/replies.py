"""Split an email's text into what it adds, the quoted history, and the signature.

Recruiter mail is read for what the sender says *now*: a reply that quotes the candidate's
earlier message must not be read as if the recruiter had written it again, and a signature
or a legal footer ("This email and any attachments are confidential...") says nothing about
the application. English and Indonesian markers are understood.

    >>> parts = split_reply("Thanks, see you Monday.\\n\\nBest regards,\\nRina\\n\\n"
    ...                     "On Fri, 3 May 2024 at 10:00, Budi <budi@example.com> wrote:\\n> Hi")
    >>> parts.new_text
    'Thanks, see you Monday.'
    >>> parts.signature
    'Best regards,\\nRina'

Forwards: for "---------- Forwarded message ---------" the forwarded message is what the user
wants read (someone passed a recruiter's email on, or the user forwarded it to themselves),
so its own new text is KEPT in `new_text`, after the forwarder's note; the forward's header
block (From/Date/Subject/To) and the history quoted inside the forwarded message go to
`quoted_text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


MAX_CHARS = 100_000  # text beyond this is never read as new text
_MAX_BOTTOM_POSTS = 5  # quoted blocks with a reply under them, followed per message


@dataclass
class ReplyParts:
    """The three pieces of an email's text; joined they hold every line of the input."""

    new_text: str
    quoted_text: str
    signature: str


# -- where quoted history starts ------------------------------------------------------------

# "On Mon, 6 Jan 2025 at 10:00, Jane Doe <jane@example.com> wrote:" (Gmail, Apple Mail,
# Thunderbird) and the Indonesian Gmail form "Pada tanggal Sen, 6 Jan 2025 pukul 10.00 Jane
# <jane@example.com> menulis:". Clients wrap long attributions, so up to three lines are joined.
_ATTRIBUTION = re.compile(
    r"^\s*(?:on|pada)\b.{4,300}?\b(?:wrote|writes|menulis)\s*:\s*$", re.I | re.S
)
# "Jane Doe <jane@example.com> wrote:" without a date (some webmail clients).
_BARE_ATTRIBUTION = re.compile(r"^\s*\S.{0,150}(?:@|\d).{0,150}\b(?:wrote|menulis)\s*:\s*$", re.I)
_ORIGINAL_MESSAGE = re.compile(
    r"^\s*-{3,}\s*(?:original message|pesan asli|pesan awal)\s*-{3,}\s*$", re.I
)
_FORWARD_MARKER = re.compile(
    r"^\s*(?:-{3,}\s*(?:forwarded message|pesan yang diteruskan|pesan terusan|"
    r"pesan diteruskan)\s*-{3,}|begin forwarded message:|awal pesan yang diteruskan:)\s*$",
    re.I,
)
# Outlook puts a header block above the quoted message: "From: … Sent: … To: … Subject: …",
# in Indonesian "Dari: … Dikirim: … Kepada: … Perihal/Subjek: …". Bold markup survives HTML
# conversion as "*From:*", so asterisks are allowed.
_HEADER_FIELD = re.compile(
    r"^\s*\*{0,2}(from|dari|sent|dikirim|date|tanggal|to|kepada|cc|subject|perihal|subjek"
    r"|judul)\s*:\*{0,2}", re.I
)
_FROM_FIELDS = {"from", "dari"}
_WHEN_FIELDS = {"sent", "dikirim", "date", "tanggal"}
_SUBJECT_FIELDS = {"subject", "perihal", "subjek", "judul", "to", "kepada"}
_RULE_LINE = re.compile(r"^\s*(?:_{8,}|-{8,}|={8,})\s*$")

# -- signatures -----------------------------------------------------------------------------

_SIG_DASHES = re.compile(r"^--\s?$")
_MOBILE_SIGNATURE = re.compile(
    r"^\s*(?:sent from my \w[\w ]{0,30}|sent from (?:outlook|mail|yahoo mail|gmail)\b.*"
    r"|get outlook for \w+.*|sent from \w+ for (?:ios|android)|sent via \w[\w ]{0,20}"
    r"|dikirim dari \S.{0,40}|terkirim dari \S.{0,40})\s*$",
    re.I,
)
# A sign-off standing alone on its line. A sentence that merely contains "regards" (e.g.
# "With regards to your application, ...") is not one: the whole line must be the sign-off.
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|warmest|many|with (?:best|kind|warm)|yours)?\s*regards"
    r"|best(?: wishes)?|all the best|cheers|sincerely(?: yours)?|yours (?:sincerely|truly|faithfully)"
    r"|respectfully|thanks(?: again| and regards| & regards)?|thank you(?: again)?|many thanks"
    r"|thx|talk soon|speak soon"
    r"|salam(?: hangat| hormat| sukses)?|hormat (?:kami|saya)|terima ?kasih(?: banyak)?"
    r"|regards|br|rgds|tabik|wassalam)\s*[,.!]?\s*$",
    re.I,
)
# "Thanks, Maya" / "Salam, Rina": a sign-off and a capitalised name of up to three words.
_SIGN_OFF_WITH_NAME = re.compile(
    r"^\s*(?i:best regards|kind regards|warm regards|regards|best|thanks|thank you|cheers"
    r"|sincerely|salam|hormat saya|hormat kami|terima ?kasih)\s*,\s*"
    r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*$"
)
_AMBIGUOUS_SIGN_OFF = re.compile(
    r"^\s*(?:thanks|thank you|many thanks|terima ?kasih|best|cheers)\b", re.I
)
# A sentence: five or more words ending like one. Signature lines (names, titles, phone
# numbers, addresses) rarely do.
_PROSE = re.compile(r"^(?:\S+\s+){4,}\S*[.!?]$")
_MAX_SIGNATURE_LINES = 10
_MAX_SIGNATURE_LINE_CHARS = 90

# -- boilerplate: legal footers, do-not-reply, unsubscribe ---------------------------------

# A paragraph that starts one of these is a legal notice; it and the rest of its paragraph
# are set aside.
_LEGAL = re.compile(
    r"(?:this (?:e-?mail|message|communication)(?: and any (?:files|attachments?)[^.]{0,60})?"
    r" (?:is|are|may be|may contain|contains?)\b[^.]{0,60}\b(?:confidential|privileged)"
    r"|\bconfidentiality (?:notice|note|statement)|\bdisclaimer\s*:"
    r"|\bintended (?:only|solely|exclusively) for the (?:use of the )?(?:individual|addressee|person|recipient)"
    r"|if you (?:are not the intended recipient|have received this (?:e-?mail|message) in error)"
    r"|(?:e-?mail|pesan|surel) ini(?: beserta lampirannya| dan lampirannya)?[^.]{0,60}\brahasia"
    r"|\bbersifat rahasia|jika anda bukan penerima yang dimaksud|apabila anda (?:bukan penerima"
    r"|menerima (?:e-?mail|pesan) ini karena kesalahan))",
    re.I,
)
# Sentences that are ATS or newsletter boilerplate; only the sentence goes, not its paragraph,
# because such a line can share a paragraph with the news ("... We will reply by Friday.").
_BOILERPLATE_SENTENCE = re.compile(
    r"(?:please do not reply|do not reply to this|don't reply to this|this is an automated"
    r"|this (?:e-?mail|message) (?:was|has been) (?:sent|generated) automatically|no-?reply"
    r"|this mailbox is not monitored|unsubscribe|manage (?:your )?(?:email )?(?:preferences|"
    r"subscriptions|notifications)|you (?:are receiving|received) this (?:e-?mail|message)"
    r"|privacy (?:policy|notice)|powered by (?:greenhouse|lever|workday|smartrecruiters|"
    r"workable|ashby|icims|jobvite|teamtailor|bamboohr)|view (?:this|the) (?:e-?mail|message) in"
    r"|mohon (?:untuk )?(?:tidak|jangan) membalas|jangan membalas (?:e-?mail|pesan) ini"
    r"|(?:e-?mail|pesan) ini dikirim(?:kan)? secara otomatis|berhenti berlangganan"
    r"|kebijakan privasi|©|\(c\) \d{4}|all rights reserved|hak cipta dilindungi)",
    re.I,
)
# Words one of the patterns above needs; a line without any is not searched (speed).
_LEGAL_WORDS = ("confidential", "privileged", "disclaimer", "intended", "rahasia", "penerima",
                "kesalahan", "in error")
_BOILERPLATE_WORDS = ("reply", "automat", "unsubscribe", "monitored", "manage", "receiv",
                      "privacy", "powered by", "view", "membalas", "otomatis", "berlangganan",
                      "privasi", "©", "(c)", "rights reserved", "hak cipta", "sent",
                      "generated")
# Narrower words for lines of plain ASCII, where case-insensitive matching is plain
# lower-casing: "view" alone is in every "interview", "manage" in every "manager".
# Other lines keep the words above, since "ſ" or "K" (Kelvin) also match "s" and "k".
_ASCII_BOILERPLATE_WORDS = ("not reply", "n't reply", "noreply", "no-reply", "automat",
                            "unsubscribe", "monitored", "manage ", "you receiv",
                            "you are receiv", "privacy", "powered by", "view th", "membalas",
                            "otomatis", "berlangganan", "privasi", "(c)", "rights reserved",
                            "hak cipta")
_LEGAL_HINT = re.compile("|".join(map(re.escape, _LEGAL_WORDS)))
_BOILERPLATE_HINT = re.compile("|".join(map(re.escape, _BOILERPLATE_WORDS)))
_ASCII_BOILERPLATE_HINT = re.compile("|".join(map(re.escape, _ASCII_BOILERPLATE_WORDS)))
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def split_reply(text: str) -> ReplyParts:
    """Split `text` (one email's readable text) into new text, quoted history and signature.

    Example: "Noted!\\n\\nSent from my iPhone\\n\\n> Can we move it?" gives new_text "Noted!",
    signature "Sent from my iPhone", quoted_text "> Can we move it?".
    """
    if not text or not text.strip():
        return ReplyParts("", "", "")
    if len(text) > MAX_CHARS:
        # Nothing a person wrote by hand is this long: the rest is history or a dump.
        cut = text.rfind("\n", 0, MAX_CHARS)
        cut = cut if cut > 0 else MAX_CHARS
        parts = split_reply(text[:cut])
        rest = text[cut:].strip("\n")
        return ReplyParts(parts.new_text, (parts.quoted_text + "\n" + rest).strip("\n"),
                          parts.signature)
    return _split(text.split("\n"), 0)


def _split(lines: list[str], depth: int) -> ReplyParts:
    forward_at = _find_forward(lines)
    found = _find_quote_start(lines, 0, forward_at if forward_at is not None else len(lines))
    quote_at, attribution_end = found if found else (None, None)
    if forward_at is not None and quote_at is None:
        return _split_forward(lines, forward_at)
    if attribution_end is not None and depth < _MAX_BOTTOM_POSTS:
        block_end = _quoted_block_end(lines, attribution_end + 1)
        if block_end is not None and any(line.strip() for line in lines[block_end:]):
            # Bottom-posting or an inline answer: "On … wrote:", the ">" lines, then the reply.
            inner = _split(lines[:quote_at] + lines[block_end:], depth + 1)
            quoted = _join(lines[quote_at:block_end])
            return ReplyParts(inner.new_text, "\n".join(filter(None, (quoted, inner.quoted_text))),
                              inner.signature)
    end = quote_at if quote_at is not None else len(lines)
    head, inline_quotes = _drop_quoted_lines(lines[:end])
    quoted = inline_quotes + lines[end:]
    new_text, signature = _split_signature(head)
    return ReplyParts(new_text, _join(quoted), signature)


def _split_forward(lines: list[str], at: int) -> ReplyParts:
    """A forward: the note above the marker, then the forwarded message's own new text."""
    note, note_quotes = _drop_quoted_lines(lines[:at])
    note_text, note_signature = _split_signature(note)
    body_start = at + 1
    # Skip the forwarded header block: "From: … Date: … Subject: … To: …" up to a blank line.
    while body_start < len(lines) and (
        _HEADER_FIELD.match(lines[body_start]) or not lines[body_start].strip()
        or _is_header_continuation(lines, body_start)
    ):
        body_start += 1
    inner = split_reply("\n".join(lines[body_start:]))
    new_text = "\n\n".join(t for t in (note_text, inner.new_text) if t)
    quoted = _join(note_quotes + lines[at:body_start]) + ("\n" + inner.quoted_text
                                                           if inner.quoted_text else "")
    signature = "\n\n".join(s for s in (note_signature, inner.signature) if s)
    return ReplyParts(new_text, quoted.strip("\n"), signature)


def _is_header_continuation(lines: list[str], i: int) -> bool:
    """A wrapped header value ("To: a@x.com,\\n b@y.com") directly under a header field."""
    return i > 0 and bool(_HEADER_FIELD.match(lines[i - 1])) and lines[i][:1] in (" ", "\t")


def _find_forward(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if _FORWARD_MARKER.match(line):
            return i
    return None


def _find_quote_start(lines: list[str], start: int, stop: int) -> tuple[int, int | None] | None:
    """(first line of quoted history in lines[start:stop], last line of its "On … wrote:"
    attribution or None when it starts otherwise), or None when nothing is quoted."""
    for i in range(start, stop):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            continue
        if "---" in line and _ORIGINAL_MESSAGE.match(line):
            return i, None
        low = stripped.lower()
        if low.startswith(("on ", "pada ")):
            end = _attribution_end(lines, i, stop)
            if end is not None:
                return i, end
        if low.endswith(("wrote:", "menulis:")) and _BARE_ATTRIBUTION.match(stripped):
            return i, i
        if stripped[0] in "_-=" and _RULE_LINE.match(line) and _outlook_block_at(lines, _next_non_blank(lines, i + 1, stop), stop):
            return i, None
        if _outlook_block_at(lines, i, stop):
            return i, None
    return None


def _attribution_end(lines: list[str], i: int, stop: int) -> int | None:
    """The last line of an attribution starting at line i (clients wrap it), or None."""
    window = ""
    for j in range(i, min(i + 3, stop)):
        window = (window + " " + lines[j].strip()).strip()
        if _ATTRIBUTION.match(window):
            return j
    return None


def _quoted_block_end(lines: list[str], i: int) -> int | None:
    """Index after the ">" lines that follow an attribution, or None if none follow."""
    i = _next_non_blank(lines, i, len(lines))
    if i >= len(lines) or not lines[i].lstrip().startswith(">"):
        return None
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith(">")):
        i += 1
    return i


def _next_non_blank(lines: list[str], i: int, stop: int) -> int:
    while i < stop and not lines[i].strip():
        i += 1
    return i


def _outlook_block_at(lines: list[str], i: int, stop: int) -> bool:
    """True when a From:/Dari: line at `i` opens a header block with a date and a subject/to."""
    if i >= stop or ":" not in lines[i]:
        return False
    first = _HEADER_FIELD.match(lines[i])
    if not first or first.group(1).lower() not in _FROM_FIELDS:
        return False
    seen = set()
    for j in range(i + 1, min(i + 8, stop)):
        field = _HEADER_FIELD.match(lines[j])
        if field:
            seen.add(field.group(1).lower())
    return bool(seen & _WHEN_FIELDS) and bool(seen & _SUBJECT_FIELDS)


def _drop_quoted_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Set aside ">"-quoted lines (and the blank lines between them) wherever they are."""
    kept: list[str] = []
    quoted: list[str] = []
    for line in lines:
        if line.lstrip().startswith(">"):
            quoted.append(line)
        else:
            kept.append(line)
    return kept, quoted


def _split_signature(lines: list[str]) -> tuple[str, str]:
    """(new text, signature) of the lines above any quoted history."""
    body, footer = _drop_boilerplate(lines)
    cut = _signature_start(body)
    signature_lines = body[cut:] if cut is not None else []
    body = body[:cut] if cut is not None else body
    signature = _join(signature_lines)
    if footer:
        signature = (signature + "\n\n" + footer).strip("\n")
    return _join(body), signature


def _signature_start(lines: list[str]) -> int | None:
    """The first line of the signature, or None. The first content line is never cut."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return None
    first_content = content[0]
    # A sign-off has at most _MAX_SIGNATURE_LINES under it: only the last lines can be one.
    last_sign_off = content[max(1, len(content) - _MAX_SIGNATURE_LINES - 1)]
    for i in content[1:]:
        line = lines[i]
        if (line.startswith("--") and _SIG_DASHES.match(line)
                or _MOBILE_SIGNATURE.match(line)):
            return i
        if i < last_sign_off:
            continue
        if _SIGN_OFF.match(line) and _looks_like_signature_block(
                lines[i + 1:], bool(_AMBIGUOUS_SIGN_OFF.match(line))):
            return i
        if _SIGN_OFF_WITH_NAME.match(line) and _looks_like_signature_block(lines[i + 1:], False):
            return i
    # "Sent from my iPhone" may be the only line under a one-line reply.
    if _MOBILE_SIGNATURE.match(lines[first_content]) and len(content) == 1:
        return first_content
    return None


def _looks_like_signature_block(rest: list[str], ambiguous: bool) -> bool:
    """What follows a sign-off: a few short lines (name, title, company, phone), no prose.

    "Thanks!" or "Terima kasih." can also be a whole sentence of the message, so after those
    the next line must look like a name.
    """
    content = [line.strip() for line in rest if line.strip()]
    if len(content) > _MAX_SIGNATURE_LINES:
        return False
    if any(len(line) > _MAX_SIGNATURE_LINE_CHARS or _PROSE.match(line) for line in content):
        return False
    if ambiguous and content:
        return len(content[0].split()) <= 4 and not content[0].endswith((".", "!", "?", ":"))
    return True


def _drop_boilerplate(lines: list[str]) -> tuple[list[str], str]:
    """(lines without legal paragraphs and boilerplate sentences, the removed text)."""
    kept: list[str] = []
    removed: list[str] = []
    in_legal = False
    # One pass over the whole text finds the lines holding a word a pattern needs; most
    # lines hold none and are never searched.
    low_text = "\n".join(lines).lower()
    legal_lines = _lines_with(_LEGAL_HINT, low_text)
    boilerplate_lines = _lines_with(_ASCII_BOILERPLATE_HINT, low_text)
    if not low_text.isascii():
        boilerplate_lines.update(i for i in _lines_with(_BOILERPLATE_HINT, low_text)
                                 if not lines[i].isascii())
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            in_legal = False
            kept.append(line)
            continue
        if in_legal:
            removed.append(stripped)
            continue
        legal = _LEGAL.search(line) if i in legal_lines else None
        if legal:
            before = line[: legal.start()].strip()
            # The notice starts mid-line only after a sentence end; keep what came before.
            if before and not before.endswith((".", "!", "?", ":", "*")):
                before, legal_text = "", stripped
            else:
                legal_text = line[legal.start():].strip()
            if before:
                kept.append(before)
            removed.append(legal_text)
            in_legal = True
            continue
        if i in boilerplate_lines and _BOILERPLATE_SENTENCE.search(line):
            sentences = _SENTENCE_SPLIT.split(stripped)
            boilerplate = [bool(_BOILERPLATE_SENTENCE.search(s)) for s in sentences]
            keep = [s for s, drop in zip(sentences, boilerplate) if not drop]
            removed.append(" ".join(s for s, drop in zip(sentences, boilerplate) if drop))
            if keep:
                kept.append(" ".join(keep))
            continue
        kept.append(line)
    return kept, "\n".join(removed)


def _lines_with(hint: re.Pattern, low_text: str) -> set[int]:
    """Numbers of the lines of `low_text` where `hint` occurs (lower-casing keeps line breaks).

    Example: _lines_with(re.compile("view"), "hi\nview online") -> {1}.
    """
    found: set[int] = set()
    line = last = 0
    for match in hint.finditer(low_text):
        line += low_text.count("\n", last, match.start())
        last = match.start()
        found.add(line)
    return found


def _join(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
