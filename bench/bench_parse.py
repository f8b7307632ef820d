"""How long `parse_message` takes next to a bare `mailparser.parse_from_bytes`.

The product promises to read ~5,000 messages in at most twice the time of a process that only
parses them with mail-parser. Synthetic recruiter mail (plain replies with quoted history, HTML
ATS mail, multipart/alternative with an attachment, an invite) is parsed by both; the median
per message and the total are printed.

    .venv/bin/python bench/bench_parse.py --count 5000
"""
from __future__ import annotations

import argparse
import base64
import json
import statistics
import time

PLAIN_REPLY = """From: Maya Chen <maya.chen@brightloop.example>
To: Alex Rivera <alex@example.com>
Subject: Re: Backend Engineer - next steps ({n})
Date: Tue, 14 May 2024 16:42:10 -0700
Message-ID: <reply-{n}@brightloop.example>
In-Reply-To: <ask-{n}@example.com>
References: <first-{n}@brightloop.example> <ask-{n}@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

Hi Alex,

Thanks for your patience. We expect to make a decision by the end of next week.
If you don't hear from me by Thursday, please follow up.

Best regards,
Maya Chen
Senior Recruiter

On Tue, May 14, 2024 at 9:03 AM Alex Rivera <alex@example.com> wrote:
> Hi Maya, any news on my application?
> Thanks, Alex
"""

HTML_ATS = """From: Lumen Health <no-reply@greenhouse.example>
To: alex@example.com
Subject: Thank you for applying ({n})
Date: Mon, 1 Jul 2024 13:02:55 +0000
Message-ID: <ats-{n}@greenhouse.example>
List-Unsubscribe: <https://lumen.example/unsubscribe>
MIME-Version: 1.0
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

<html><head><style>body{{font-family:Arial}}</style></head><body>
<span style=3D"display:none">preview</span>
<table width=3D"100%"><tr><td><img src=3D"https://cdn.example/logo.png"></td></tr></table>
<p>Hi Alex,</p><p>Thank you for applying to the <b>Product Designer</b> role. We&rsquo;ve =
received your application and will review it within 5 business days.</p>
<ol><li>Review</li><li>First call</li></ol>
<p>Please do not reply to this email.</p><p>&copy; 2024 Lumen Health</p>
<img src=3D"https://track.example/open.gif" width=3D"1" height=3D"1">
</body></html>
"""

ALTERNATIVE_WITH_PDF = """From: "Grace Kim" <grace@harbor.example>
To: Alex Rivera <alex@example.com>
Subject: Offer letter ({n})
Date: Fri, 26 Jul 2024 17:30:00 -0700
Message-ID: <offer-{n}@harbor.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mixed"

--mixed
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Hi Alex, we are delighted to extend an offer. Please reply by Friday, August 2.

Warm regards,
Grace
--alt
Content-Type: text/html; charset=utf-8

<p>Hi Alex, we are delighted to extend an offer. Please reply by <b>Friday, August 2</b>.</p>
<p>Warm regards,<br>Grace</p>
--alt--

--mixed
Content-Type: application/pdf; name="offer.pdf"
Content-Disposition: attachment; filename="offer.pdf"
Content-Transfer-Encoding: base64

{pdf}
--mixed--
"""

INVITE = """From: Calendar <calendar@example.com>
To: alex@example.com
Subject: Invitation: Interview ({n})
Date: Thu, 20 Jun 2024 03:20:11 +0000
Message-ID: <invite-{n}@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=UTF-8

You have been invited to: Interview, Mon Jun 24, 2024 2pm WIB
--alt
Content-Type: text/calendar; charset=UTF-8; method=REQUEST

BEGIN:VCALENDAR
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
DTSTART;TZID=Asia/Jakarta:20240624T140000
DTEND;TZID=Asia/Jakarta:20240624T150000
SUMMARY:Interview
ORGANIZER:mailto:dewi@example.id
UID:{n}@example.com
END:VEVENT
END:VCALENDAR
--alt--
"""


def synthetic_messages(count: int) -> list[bytes]:
    """`count` messages cycling through the four shapes; invites are one in twenty."""
    pdf = base64.encodebytes(b"%PDF-1.4 " + bytes(range(256)) * 200).decode()
    shapes = [PLAIN_REPLY, HTML_ATS, ALTERNATIVE_WITH_PDF, PLAIN_REPLY, HTML_ATS]
    messages = []
    for n in range(count):
        template = INVITE if n % 20 == 19 else shapes[n % len(shapes)]
        text = template.format(n=n, pdf=pdf)
        messages.append(text.replace("\n", "\r\n").encode("utf-8"))
    return messages


def time_both(first, second, messages: list[bytes]) -> tuple[list[float], list[float]]:
    """Per-message times of two parsers, interleaved so that both see the same machine load
    (the cores are shared)."""
    times_first, times_second = [], []
    for raw in messages:
        start = time.perf_counter()
        first(raw)
        middle = time.perf_counter()
        second(raw)
        times_first.append(middle - start)
        times_second.append(time.perf_counter() - middle)
    return times_first, times_second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000, help="messages to parse")
    args = parser.parse_args()

    import logging

    import mailparser

    from watcher.mime import parse_message

    logging.getLogger("mailparser").setLevel(logging.ERROR)  # it logs every calendar part

    messages = synthetic_messages(args.count)
    parse_message(messages[-1])  # warm imports (icalendar) outside the measurement
    mailparser.parse_from_bytes(messages[0])
    bare, ours = time_both(mailparser.parse_from_bytes, parse_message, messages)
    print(f"messages: {len(messages)}")
    print(f"mailparser.parse_from_bytes  median {statistics.median(bare) * 1e3:.3f} ms"
          f"  total {sum(bare):.2f} s")
    print(f"watcher.mime.parse_message   median {statistics.median(ours) * 1e3:.3f} ms"
          f"  total {sum(ours):.2f} s")
    print(f"ratio of totals: {sum(ours) / sum(bare):.2f}x (promise: <= 2x)")
    print(json.dumps({"parse_ms": round(statistics.median(ours) * 1e3, 3),
                      "mailparser_ms": round(statistics.median(bare) * 1e3, 3),
                      "parse_ratio": round(sum(ours) / sum(bare), 2)}))


if __name__ == "__main__":
    main()
