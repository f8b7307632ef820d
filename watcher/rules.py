"""The reading rules: what recruiters write, as data.

Each `Rule` is a small object (in the manner of afew's filters): the label it votes for, the
language it reads, its patterns (regular expressions over one normalised sentence: lower case,
straight quotes, single spaces), and a weight, how sure the label is when the pattern matches.
`unless` patterns cancel a rule within the same sentence (an "if you are shortlisted, we'll be
in touch" is not a promise to write). A rule with `dated_label` votes for that label instead when
its sentence names a date ("we will decide by Friday" is a decision timeline, "we will let you
know" is not).

`PRECEDENCE` is the order in which a label with a decisive score (≥ `DECISIVE`) wins over the
others: a rejection sentence beats "if you have questions, contact us", an acknowledgement beats
its own "we'll get back to you within two weeks". Labels in one group compare their scores.

>>> hits = match_rules(["we have decided not to move forward with your application."], "en")
>>> sorted({h.rule.label for h in hits})
['rejection']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

DECISIVE = 0.75
# Labels that an acknowledgement absorbs (at least this much evidence of one): its "we'll get back
# to you within two weeks" stays `application_received` (LABELS.md).
ACKNOWLEDGED = ("decision_timeline", "will_contact_you")
ACKNOWLEDGEMENT = 0.45
# An acknowledgement that goes on to ask for a call is an invitation (LABELS.md: the MAIN purpose):
# at least this much evidence of a question asking for one outranks the acknowledgement.
ASKED_INVITE = 0.6

# Mail about someone else's hiring (the user sits on the interview panel, writes a reference, a
# friend asks how the interview went) is `other`, however many hiring words it holds: its rules
# vote for ASIDE, which comes before every label but rejection and offer and is read as `other`.
ASIDE = "other: about someone else"

# "We still have two candidates to meet" says nothing is decided (`still_deciding`), unless the
# same message names when they will decide: then its point is the decision's date (LABELS.md,
# decision_timeline: "we have two more candidates to meet; we'll decide by the end of next week").
# Its rules vote for STILL_MEETING, which comes after decision_timeline and is read as
# still_deciding. A delay, a pause or "we need more time" stays still_deciding, dated or not.
STILL_MEETING = "still_deciding: others still to meet"

PRECEDENCE: tuple[tuple[str, ...], ...] = (
    ("rejection",),
    ("offer",),
    (ASIDE,),
    ("checkin_request",),
    ("recruiter_outreach",),
    ("interview_invite", "assessment"),
    ("application_received",),
    ("still_deciding",),
    ("decision_timeline",),
    (STILL_MEETING,),
    ("other",),
    ("will_contact_you",),
)


@dataclass(frozen=True)
class Rule:
    """One way of saying something that decides a label.

    Its regular expressions are compiled on first use, not at import: a cold
    `nextstep classify one.eml` needs only the few whose words the message holds.

    >>> r = Rule("offer", "en", (r"\\boffer letter\\b",), 0.9)
    >>> bool(r.regex.search("your offer letter is attached."))
    True
    """

    label: str
    language: str  # "en" | "id" | "*" (both)
    patterns: tuple[str, ...]
    weight: float
    unless: tuple[str, ...] = ()
    dated_label: str | None = None
    dated_weight: float | None = None
    name: str = ""

    @cached_property
    def regex(self) -> re.Pattern:
        """Every pattern of the rule, as one alternation."""
        return re.compile("|".join(f"(?:{p})" for p in self.patterns))

    @cached_property
    def unless_regex(self) -> re.Pattern | None:
        return re.compile("|".join(f"(?:{p})" for p in self.unless)) if self.unless else None

    @cached_property
    def anchors(self) -> tuple[tuple[tuple[str, ...], ...], ...] | None:
        """`required_literals` of the patterns: what a text must hold for the rule to match it."""
        return required_literals(self.patterns)


def _best(candidates: list[frozenset]) -> frozenset | None:
    """The candidate set whose shortest string is longest: the most selective prefilter."""
    good = [c for c in candidates if c]
    return max(good, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _literals(items) -> frozenset | None:
    """A set of strings one of which every match of the parsed pattern `items` contains."""
    return _best(_conjunction(items))


def _conjunction(items) -> list[frozenset]:
    """Sets of strings such that every match of `items` contains one string of each set."""
    from re import _constants as c

    candidates, run = [], ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the literal run goes on
        if run:
            candidates.append(frozenset([run]))
            run = ""
        if op is c.SUBPATTERN:
            candidates.append(_literals(av[-1]))
        elif op is c.BRANCH:
            branches = [_literals(b) for b in av[1]]
            if all(branches):
                candidates.append(frozenset().union(*branches))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            candidates.append(_literals(av[2]))
    if run:
        candidates.append(frozenset([run]))
    return [c for c in candidates if c]


@lru_cache(maxsize=None)
def _parsed(pattern: str):
    """The parse tree of `pattern` (read by the prefilter and by `_crosses_lines`); None on a
    Python whose parser is not at hand."""
    try:
        from re import _parser
    except ImportError:
        return None
    return _parser.parse(pattern)


def required_literals(patterns) -> tuple[tuple[tuple[str, ...], ...], ...] | None:
    """For each pattern, sets of strings such that a matching text holds one of each set;
    None when some pattern has no such strings.

    A rule is tried only on text that could match it: substring tests are a hundred times
    cheaper than a regular-expression scan, and most rules do not apply to most mail.

    >>> required_literals([r"\\bregret to (?:inform|tell)", r"\\b(?:we|i) will not (?:call|write)\\b"])
    ((('regret to ',), ('inform', 'tell')), ((' will not ',), ('call', 'write')))
    """
    found = []
    for pattern in patterns:
        tree = _parsed(pattern)
        if tree is None:  # another Python: no prefilter, same answers
            return None
        sets = [tuple(sorted(c)) for c in _conjunction(tree) if min(map(len, c)) >= 3]
        if not sets:
            return None
        sets.sort(key=lambda c: (-min(map(len, c)), len(c)))  # the most selective test first
        found.append(tuple(sets))
    return tuple(found)


def _may_match(rule: "Rule", text: str) -> bool:
    if rule.anchors is None:
        return True
    for sets in rule.anchors:
        for choice in sets:
            for literal in choice:
                if literal in text:
                    break
            else:
                break  # this set has no literal in the text: the pattern cannot match
        else:
            return True
    return False


_NEWLINE = ord("\n")


def _crosses_lines(items) -> bool:
    """Whether a match of the parsed pattern `items` may hold a newline.

    Sentences are joined by newlines for matching, and hold none themselves (`normalise`); a
    pattern that never consumes one matches within a single sentence.

    >>> from re import _parser
    >>> _crosses_lines(_parser.parse(r"\\bwe (?:will|'ll) [^\\n]{0,40}\\bcall")), _crosses_lines(_parser.parse(r"you\\s?to"))
    (False, True)
    """
    from re import _constants as c

    line_breaking = {c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD, c.CATEGORY_NOT_DIGIT, c.CATEGORY_LINEBREAK,
                     c.CATEGORY_UNI_SPACE, c.CATEGORY_UNI_NOT_WORD, c.CATEGORY_UNI_NOT_DIGIT, c.CATEGORY_UNI_LINEBREAK}
    for op, av in items:
        if op is c.LITERAL:
            if av == _NEWLINE:
                return True
        elif op is c.NOT_LITERAL:
            if av != _NEWLINE:
                return True
        elif op is c.IN:
            negated = any(o is c.NEGATE for o, _ in av)
            holds = any((o is c.LITERAL and a == _NEWLINE) or (o is c.RANGE and a[0] <= _NEWLINE <= a[1])
                        or (o is c.CATEGORY and a in line_breaking) for o, a in av)
            if holds != negated:
                return True
        elif op is c.SUBPATTERN:
            if _crosses_lines(av[-1]):
                return True
        elif op is c.BRANCH:
            if any(_crosses_lines(b) for b in av[1]):
                return True
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if _crosses_lines(av[2]):
                return True
        elif op is c.ATOMIC_GROUP:
            if _crosses_lines(av):
                return True
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return True  # "." and anything not known here: assume the worst
    return False


class _Matcher:
    """The rules of one language, ready to be tried on a message.

    Each pattern of a rule is searched on its own, and only when every literal it needs is in the
    message (`required_literals`). The sentences a rule matches are the same as for its patterns
    as one alternation: a pattern that stays on its line never lets a match in one sentence hide
    a match in the next. A rule with a pattern that may cross lines is searched whole, as before.
    """

    def __init__(self, rules: list["Rule"]):
        self.rules = rules
        # per rule: its parts, each (pattern or None for the whole rule, the literal sets it needs
        # or None when it can match anything); compiled regular expressions are kept in `compiled`.
        # A pattern's most selective set is tested inline (most patterns stop there); a whole rule
        # has no such set (first is None) and its alternatives are all in `needs`.
        self.parts: list[list[tuple[int, frozenset | None, tuple | None]]] = []
        self.sources: list[str | None] = []
        for rule in rules:
            anchors = rule.anchors
            if anchors is None or any(_crosses_lines(_parsed(p)) for p in rule.patterns):
                needs = None if anchors is None else tuple(tuple(frozenset(c) for c in sets) for sets in anchors)
                self.parts.append([(len(self.sources), None, needs)])
                self.sources.append(None)
                continue
            parts = []
            for pattern, sets in zip(rule.patterns, anchors):
                first, *rest = (frozenset(c) for c in sets)
                parts.append((len(self.sources), first, (tuple(rest),) if rest else None))
                self.sources.append(pattern)
            self.parts.append(parts)
        self.compiled: list[re.Pattern | None] = [None] * len(self.sources)
        # Patterns that look around or at the end of the text: searched over the whole text.
        self.peeks = [source is not None and _peeks(_parsed(source)) for source in self.sources]
        # Which rules a literal may wake (through a pattern's most selective set), and the rules
        # that must always be tried: a message then visits only the few rules its words allow.
        self.woken_by: dict[str, set[int]] = {}
        self.always: set[int] = set()
        for k, parts in enumerate(self.parts):
            for _, first, _ in parts:
                if first is None:
                    self.always.add(k)
                for literal in first or ():
                    self.woken_by.setdefault(literal, set()).add(k)

    def regex(self, part: int, rule: "Rule") -> re.Pattern:
        found = self.compiled[part]
        if found is None:
            source = self.sources[part]
            found = self.compiled[part] = rule.regex if source is None else re.compile(source)
        return found

    def match(self, sentences: list[str], text: str, starts: list[int], present: frozenset,
              skip_shared: bool = False) -> list["Hit"]:
        hits = []
        rows_of: dict[str, list[int]] = {}
        woken = set(self.always)
        for literal in present:
            found = self.woken_by.get(literal)
            if found:
                woken |= found
        for k in sorted(woken):
            rule, parts = self.rules[k], self.parts[k]
            if skip_shared and rule.language == "*":
                continue
            rows = set()
            for part, first, needs in parts:
                if first is not None and first.isdisjoint(present):
                    continue
                if needs is not None and not _holds(needs, present):
                    continue
                regex = self.regex(part, rule)
                if first is None or self.peeks[part]:
                    for m in regex.finditer(text):
                        rows.add(bisect_right(starts, m.start()) - 1)
                    continue
                # A match holds one of `first` and stays on its line: only the sentences holding
                # one are searched, each on its own (the same sentences, a fraction of the text).
                for i in _rows_holding(first & present, sentences, rows_of):
                    if i not in rows and regex.search(text, starts[i], starts[i] + len(sentences[i])):
                        rows.add(i)
            if not rows:
                continue
            unless = rule.unless_regex
            for i in sorted(rows):
                if unless is None or not unless.search(sentences[i]):
                    hits.append(Hit(rule, i))
        return hits


def _rows_holding(literals: frozenset, sentences: list[str], rows_of: dict) -> list[int]:
    """The sentences (indexes, in order) that hold one of `literals`; `rows_of` keeps each
    literal's sentences for the rest of the message."""
    found = set()
    for literal in literals:
        rows = rows_of.get(literal)
        if rows is None:
            rows = rows_of[literal] = [i for i, s in enumerate(sentences) if literal in s]
        found.update(rows)
    return sorted(found)


def _peeks(items) -> bool:
    """Whether the parsed pattern looks around (lookahead, lookbehind) or anchors at the end of
    the text: such a pattern may read past its sentence, and is searched over the whole text."""
    from re import _constants as c

    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT) or (op is c.AT and av in (c.AT_END, c.AT_END_STRING)):
            return True
        if op is c.SUBPATTERN and _peeks(av[-1]):
            return True
        if op is c.BRANCH and any(_peeks(b) for b in av[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and _peeks(av[2]):
            return True
        if op is c.ATOMIC_GROUP and _peeks(av):
            return True
    return False


def _holds(needs: tuple, present: frozenset) -> bool:
    """Whether `present` meets one of `needs`: alternatives (one per pattern of a whole rule),
    each sets of literals of which the text must hold one each. Plain loops: this runs a few
    hundred times per message."""
    for sets in needs:
        for choice in sets:
            if choice.isdisjoint(present):
                break
        else:
            return True
    return False


class _Literals:
    """Which of the rules' required literals a text holds, in one scan.

    A lookahead over a trie of every literal finds, at each position, the longest literal that
    starts there; the shorter literals starting there are its prefixes. A hundred literal
    searches become one.

    >>> sorted(_Literals(["on hold", "on", "hold", "decision"]).found("still on hold"))
    ['hold', 'on', 'on hold']
    """

    def __init__(self, literals):
        trie: dict = {}
        for literal in literals:
            node = trie
            for ch in literal:
                node = node.setdefault(ch, {})
            node[""] = literal
        self.prefixes: dict[str, tuple[str, ...]] = {}  # a literal -> it and the literals it starts with

        def walk(node, above):
            if "" in node:
                above = above + (node[""],)
                self.prefixes[node[""]] = above
            alternatives = [re.escape(ch) + walk(child, above) for ch, child in sorted(node.items()) if ch]
            if not alternatives:
                return ""
            body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
            return f"(?:{body})?" if "" in node else body

        self.regex = re.compile(f"(?=({walk(trie, ())}))") if trie else re.compile(r"(?!)")
        self._last: tuple[str | None, frozenset] = (None, frozenset())

    def found(self, text: str) -> frozenset:
        last = self._last  # one read: the API reads mail from several threads
        if text == last[0]:
            return last[1]  # an Indonesian message is read with the English rules too
        present = set()
        for longest in set(self.regex.findall(text)):
            present.update(self.prefixes[longest])
        found = frozenset(present)
        self._last = (text, found)
        return found


_MATCHERS: dict[str, _Matcher] = {}
_LITERALS: list[_Literals] = []


def _matcher(language: str) -> _Matcher:
    found = _MATCHERS.get(language)
    if found is None:
        found = _MATCHERS[language] = _Matcher(rules_for(language))
    return found


def _literals_of_rules() -> _Literals:
    if not _LITERALS:
        every = {literal for rule in RULES for sets in (rule.anchors or ()) for choice in sets for literal in choice}
        _LITERALS.append(_Literals(sorted(every)))
    return _LITERALS[0]


@dataclass(frozen=True)
class Hit:
    """A rule that matched sentence number `index`."""

    rule: Rule
    index: int


# Reusable pieces of patterns.
_IF = r"\b(?:if|should|unless|in case|in the event)\b"
_QUESTIONS = r"\b(?:questions?|concerns?|queries|query|problems?|issues?|help|assistance)\b"
_APPLIED = r"\b(?:you applied|your (?:recent )?application|thank(?:s| you) for (?:applying|your application)|applied (?:for|to))\b"
# "If your profile matches, we will contact you": boilerplate of an acknowledgement.
_COND_EN = (
    r"\b(?:if|should|once|when|in case|in the event)\b[^\n]{0,90}\b(?:match(?:es)?|fit|fits|suit(?:s|able)?(?! you\b)|align|shortlist(?:ed)?|"
    r"selected|successful|qualif\w*|meet(?:s)?|interested|move forward|moving forward|proceed|progress|"
    r"advance|opportunit\w*|opening|vacanc\w*|need|next steps?|further)\b"
)
_COND_ID = (
    r"\b(?:jika|apabila|bila|kalau|seandainya|hanya)\b[^\n]{0,80}\b(?:lolos|sesuai|memenuhi|terpilih|cocok|lanjut|"
    r"berkualifikasi|dibutuhkan|kesempatan|lowongan)\b"
)
# The screening conditions of an acknowledgement ("if your experience matches").
_COND_ACK = (
    r"\b(?:if|should|once|when|in case|in the event)\b[^\n]{0,90}\b(?:match(?:es)?|fit|fits|suit(?:s|able)?(?! you\b)|align|shortlist(?:ed)?|"
    r"selected|successful|qualif\w*|meets? (?:our|the|your)|looks? like a)\b"
    r"|\b(?:if|in the event|should)\b (?:that )?(?:we|they|the team|the hiring team|the hiring manager|he|she|the client|[a-z]+ from our team)\b[^\n]{0,30}\b(?:wish|want|would like|'d like|decides?|likes?) (?:to\b|what)"
)
# ... and of any next step ("if the client would like to take things further").
_COND_SCREEN = (
    r"\b(?:if|should|once|when)\b[^\n]{0,90}\b(?:match(?:es)?|fit|fits|suit(?:s|able)?(?! you\b)|align|shortlist(?:ed)?|"
    r"selected|successful|qualif\w*|meets? (?:our|the|your)|looks? like a)\b"
    r"|\bif\b[^\n]{0,40}\b(?:would like|'d like|decides?|wants?|wish(?:es)?|chooses?) to\b"
    r"|\bif\b[^\n]{0,40}\b(?:take (?:things|it|you|this) further|move forward|moving forward|progress|proceed|interested)\b"
    r"|\bif\b[^\n]{0,40}\b(?:likes?|like what|remains? open|still open|opens? up|becomes? available)\b"
    r"|\bwhether\b[^\n]{0,30}\b(?:we'd|we would|we want|they'd|they would|to (?:invite|move|set up|schedule|progress|bring|take))\b"
)
# A rule for every applicant, not a verdict on this one: "records for unsuccessful applicants are
# kept for six months", "applications that are incomplete will not be considered".
_ANY_APPLICANT_EN = (r"\bunsuccessful (?:applicants|candidates|applications)\b"
                     r"|\b(?:applications|applicants|candidates) (?:that|which|who) (?:are|were|do|did|have)(?: not| n't)?\b")
# A rule for every applicant, not a verdict on this one ("lamaran yang tidak memenuhi syarat tidak
# akan dilanjutkan", "berkas yang belum lengkap tidak dapat kami proses"): a job board's or a form's
# terms. "Lamaran yang Anda kirimkan belum dapat kami proses" names the reader and stays a refusal.
# Only a condition makes it a term ("yang belum lengkap", "yang form-nya belum terisi"); "lamaran yang
# telah dikirimkan belum dapat kami proses" is about this application and stays a refusal.
_ANY_APPLICANT_ID = (r"\b(?:lamaran|pelamar|peserta|berkas|dokumen|formulir|form)(?:-nya)? yang (?:[\w]+(?:-nya|nya) )?(?:tidak|belum|kurang|tanpa|tak)\b"
                     r"(?![^\n]*\b(?:anda|saudara|saudari|kamu|bapak|ibu)\b)")
# A meeting that already took place: "for taking the time to meet", "for interviewing with us".
_MET = (r"\b(?:interview(?:ing|ed)? with (?:us|me|the|our)|for (?:the|your|our) (?:interview|call|conversation|chat)\b|"
        r"meet(?:ing)? (?:the|with|us|me|our)\b|met (?:with|us|me|the|our)\b|spoke|speaking (?:with|to)|spent|attend(?:ing|ed)|"
        r"(?:completing|doing|having|taking part in|participating in) (?:the|your|our|an?) (?:[\w-]+ )?(?:interview|assessment|call|test|case study|presentation)|"
        r"(?:for|and) your patience\b|(?:during|throughout) the (?:process|interviews)\b|"
        r"coming in\b|came in\b|your time (?:today|yesterday|on|this|last|with)\b|the time to (?:meet|speak|talk|interview|chat|come))")
_CONTACT_EN = (
    r"\b(?:contact(?:ed)?|in touch|reach(?:ing)? out|hear|get back|call|invite|be notified|notify|let you know)\b"
)
_CONTACT_ID = (r"\b(?:hubungi|dihubungi|menghubungi|kabar|kabari|undang|diundang|mengundang|dikabari|mengabari|informasikan|"
               r"diinformasikan|menginformasikan|memberitahu|diberitahu|memberi tahu|diberi tahu)\b")

# What a candidate may be asked to send for an application to go on.
_DOCUMENTS_EN = (r"\b(?:portfolio|writing samples?|work samples?|code samples?|samples? of your work|examples of your work|"
                 r"transcripts?|certificates?|degree|diploma|right to work|share code|passport|photo id|proof of (?:address|identity|qualification)|"
                 r"registration (?:number|pin)|nmc pin|pin|licen[cs]e|dbs|cover letter|application form|documents?)\b")
_DOCUMENTS_ID = (r"\b(?:dokumen|berkas|ijazah|transkrip|ktp|portofolio|portfolio|sertifikat|skck|surat keterangan|npwp|"
                 r"pas foto|foto|str|sip|kartu kuning|surat lamaran|cv terbaru|contoh (?:tulisan|karya|desain))\b")

RULES: list[Rule] = [
    # ---- rejection -----------------------------------------------------------------------------
    Rule("rejection", "en", (
        r"(?:\bnot|n't|unable to|no longer) (?:to )?(?:be )?(?:able to )?(?:mov|proceed|progress|advanc|continu|pursu|tak|go|consider)\w* "
        r"(?:forward |ahead |further )?(?:with |in )?(?:your (?:application|candidacy|profile|cv|resume|submission)|you\b(?! (?:through|to the next)))",
        r"\bdecided to (?:move|go|proceed|continue|pursue|progress)\w* (?:forward |ahead )?(?:with )?(?:other|another|a different|different|more|the other|candidates|applicants)",
        r"\b(?:mov|proceed|go|continu|progress)\w* (?:forward |ahead )?with (?:other|another|a different|candidates whose|the candidates? (?:whose|who|that))",
        r"\bregret to (?:inform|let you know|tell you|advise|say)",
        r"\bapplication (?:was|has been|is|were|had been) (?:not successful|unsuccessful|declined|rejected|not selected)",
        r"\b(?:unable|not able|not in a position) to offer you\b|\bnot to (?:extend|make) (?:you )?an offer",
        r"\b(?:offered|given) (?:it|the (?:role|position|job)) to (?:another|a|an|the other) (?:\w+ )?(?:candidate|applicant|person)",
        r"\b(?:offer|offered|give|given|offering|giving) (?:it|the|this) (?:role|position|job|post)? ?to (?:someone|somebody|another|a different|an internal|the other)\b",
        r"\b(?:selected|chosen|hired|identified|found|decided on|gone with|went with|extended an offer to|offered the (?:role|position) to) "
        r"(?:another|a different|a more|an(?:other)? internal|the other|other|a|an) (?:\w+ )?(?:candidate|applicant|person|individual)",
        r"\b(?:go|going|gone|went) (?:in|with) a different direction",
        r"\b(?:decided|chosen|elected|determined) not to (?:proceed|move|progress|continue|pursue|invite|offer|take|advance|go ahead)",
        r"\b(?:selection|choice|decision|hire|offer)\b[^\n]{0,40}\bwith (?:a different|another|other|a more) (?:\w+ )?(?:candidate|applicant|person)",
        r"\bno longer (?:be )?(?:considering|considered|under consideration|being considered|in consideration)",
        r"\b(?:went|gone|go|going|gone with) (?:another|a different|other) (?:way|direction|candidate|person|route)",
        r"\b(?:your (?:application|candidacy|cv|profile)|you) (?:will not|won't|isn't|is not|are not|aren't|will no longer) (?:be )?(?:progress|proceed|mov|go|advanc|tak|continu)\w*",
        r"\b(?:we|they)(?: have|'ve)? (?:closed|declined|rejected) your (?:application|candidacy)",
        r"\bnot (?:be )?(?:progressing|proceeding with|taking forward|moving forward with) (?:any|all|the) (?:applications|candidates)",
        r"\b(?:unable|not able|decided not) to take (?:it|you|this|your application) (?:forward|further)",
        r"\bdecided not to (?:take|bring|invite|progress|move) you",
        r"(?:\bnot|n't) (?:be )?(?:taking|take|bringing) (?:things|it|this|matters|you|your (?:application|candidacy)) (?:any )?(?:further|forward)\b",
        r"\b(?:go|going|gone|went|proceed\w*|move\w*|continu\w*) (?:forward |ahead )?with (?:the other|another|a different|one other|their other|our other) (?:\w+ )?(?:finalist|candidate|applicant|person|profile)",
    ), 0.95, unless=(r"\bif you\b(?! (?:are|were) no longer)", r"\bunless\b", r"\buntil\b", r"\botherwise\b", r"\bwithout\b", r"\bif not\b"),
        name="not moving forward"),
    Rule("rejection", "en", (
        r"\b(?:position|role|vacancy|opening|job|requisition|post)(?: (?:you applied|that you applied|you've applied|you interviewed) (?:for|to))? "
        r"(?:has|have|had|is|was) (?:now |recently |already )?(?:been )?(?:filled|closed|cancel+ed|withdrawn|no longer available|eliminated)",
        r"\b(?:we|they|the team)(?: have|'ve) (?:now |just |already |since )?(?:filled|closed|cancel+ed) (?:the|this|that) (?:position|role|vacancy|opening|requisition|search)",
        r"\b(?:decided|decision) to (?:close|cancel|not fill|withdraw) (?:the|this) (?:position|role|search|requisition|vacancy|post)",
        r"\bha(?:s|ve) (?:now |already |just )?filled (?:the|this|that|our|their)\b|\b(?:your )?application (?:is|has been) (?:now )?closed\b",
        r"\b(?:asked|offered|chosen|selected|hired|appointed|given (?:it|the role) to|gone with|went with) someone else\b|\bsomeone else (?:to take|for the|for this)\b",
    ), 0.9, unless=(r"\b(?:once|when|after|until|before|if)\b",), name="position filled"),
    Rule("rejection", "en", (
        r"(?:\bnot|n't) (?:been )?(?:selected|shortlisted|chosen|successful)\b",
        r"\bunsuccessful\b",
        r"(?:\bnot|n't) (?:a (?:good |strong )?(?:match|fit)|the (?:right|best) (?:fit|match))\b",
        r"(?:\bnot|n't) (?:be )?(?:moving|move|proceeding|proceed|progressing|progress|advancing) (?:forward|further|ahead)\b",
        r"(?:\bnot|n't) (?:be )?(?:proceeding|progressing|moving forward|going forward|continuing)(?: further)?(?: at this (?:time|stage|point)| with (?:your|you|the|this))",
        r"\bwill not be (?:scheduling|inviting|offering|extending)",
    ), 0.85, unless=(_IF, r"\buntil\b", r"\bif\b", _ANY_APPLICANT_EN), name="not selected"),
    Rule("rejection", "en", (
        # An offer taken back (a hiring freeze, a budget cut) ends the application, whatever the offer words.
        r"\b(?:withdraw|withdrawn|withdrawing|withdrew|rescind\w*|retract\w*|revok\w*|pull(?:ed|ing)? back|cancel+(?:ed|ing)?) (?:the |our |your |this |my |that )?(?:\w+ )?offer\b",
        r"\boffer\b[^\n]{0,60}\b(?:has been|is being|was|have been|had to be|must be) (?:withdrawn|rescinded|retracted|revoked|cancel+ed|pulled)\b",
        # The role went to someone already inside: "promote someone from the team", "fill it internally".
        r"\b(?:promot\w*|appoint\w*|mov\w*|transferr?\w*) (?:someone|somebody|a colleague|an internal (?:candidate|applicant)|one of (?:our|their) own)\b[^\n]{0,40}\b(?:into|to|for) (?:it|the (?:role|position|job))\b",
        r"\b(?:appointed|hired|chosen|selected|promoted|gone with|went with|offered (?:it|the (?:role|position)) to) (?:a colleague|one of (?:our|their) own|an internal (?:candidate|applicant))\b",
        r"\b(?:fill|filled|filling|hire|hired|hiring|recruit\w*) (?:it|the (?:role|position|job|vacancy)|for (?:it|the (?:role|position))) (?:internally|from within)\b",
        r"\b(?:decided|chosen|opted|elected|decision) (?:to )?(?:go |proceed |move )?(?:forward )?with an internal (?:candidate|applicant|hire)\b",
        r"\b(?:external )?search (?:is|has been|was|had been) (?:now )?(?:stopped|closed|cancel+ed|ended|called off|halted)\b",
    ), 0.9, unless=(r"\bcounter ?offer\b", r"\b(?:if|unless|in case|should)\b(?! the freeze)"), name="offer withdrawn"),
    Rule("rejection", "en", (
        r"\b(?:have|has|had) withdrawn (?:your|you from) (?:application|candidacy|consideration)|\bwithdrew (?:your|you from)",
    ), 0.8, unless=(r"\bas (?:you )?requested\b", r"\bat your request\b", r"\byou (?:have )?(?:asked|requested|chose)\b"), name="withdrawn"),
    # "Your application has been withdrawn" alone does not say who withdrew it: an ATS says so too
    # when the user withdrew. The rest of the mail decides.
    Rule("rejection", "en", (
        r"\byour (?:application|candidacy)(?: for [^\n]{0,60}?)? (?:has been|was|is being) withdrawn",
    ), 0.6, unless=(r"\bas (?:you )?requested\b", r"\bat your request\b", r"\byou (?:have )?(?:asked|requested|chose)\b"), name="application withdrawn"),
    Rule("rejection", "en", (
        r"\bunfortunately\b",
        r"\b(?:best of luck|good luck|every success|all the best|the very best)\b[^\n]{0,40}\b(?:search|future|endeavou?rs|career)",
    ), 0.4, name="regret"),
    Rule("rejection", "id", (
        r"\b(?:belum|tidak) (?:dapat |bisa )?(?:lolos|terpilih|lulus|berhasil|diterima|memenuhi (?:kualifikasi|kriteria|persyaratan|syarat)|"
        r"sesuai dengan (?:kebutuhan|kualifikasi|kriteria|persyaratan))",
        r"\b(?:belum|tidak) (?:dapat|bisa) kami terima\b",
        r"\b(?:belum|tidak) (?:dapat|bisa) (?:melanjutkan|dilanjutkan|kami lanjutkan|diproses lebih lanjut|kami proses lebih lanjut|"
        r"mengikuti tahap|lanjut|mengundang anda|kami undang|menawarkan)",
        r"\bdengan berat hati\b",
        r"\bmemutuskan untuk (?:melanjutkan|memproses|memilih|melanjutkan proses dengan) (?:proses )?(?:dengan )?kandidat lain",
        r"\bkandidat lain yang (?:lebih |paling )?(?:sesuai|cocok|tepat|memenuhi)",
        r"\blamaran (?:anda|saudara|saudari|kamu) (?:tidak|belum) (?:dapat|berhasil|lolos|kami proses|kami lanjutkan|terpilih)",
        r"\bbelum berjodoh\b",
        r"\b(?:memutuskan|putuskan|decided) untuk (?:tidak|not|belum) (?:melanjutkan|lanjut|proceed|memproses|meneruskan)",
        r"\b(?:posisi|lowongan|formasi)(?: ini| tersebut| yang anda lamar)? (?:telah|sudah) (?:terisi|ditutup|diisi|dibatalkan)",
        r"\b(?:posisi|lowongan|formasi)(?: [\w-]+){0,6}? (?:telah |sudah )?(?:tidak (?:lagi )?(?:tersedia|dibuka)|sudah tidak ada)\b",
        r"\b(?:penawaran|tawaran|offering|offer)\b[^\n]{0,60}\b(?:dibatalkan|ditarik(?: kembali)?|dicabut|terpaksa (?:kami )?batalkan|kami batalkan|kami tarik)\b",
        r"\b(?:membatalkan|menarik kembali|mencabut) (?:surat )?(?:penawaran|tawaran|offering)",
        r"\b(?:diisi|mengisi|terisi|mengangkat|mempromosikan|memilih|memutuskan|pilih|milih|ambil|mengambil)\b[^\n]{0,40}\b(?:kandidat internal|karyawan internal|secara internal|dari internal|promosi internal|dari dalam perusahaan)\b",
        r"\b(?:posisi|lowongan|formasi|rekrutmen)\b[^\n]{0,30}\b(?:ditiadakan|dihapus|dihentikan|tidak jadi dibuka)\b",
    ), 0.92, unless=(_COND_ID, r"\b(?:jika|apabila|bila|kalau) (?:anda )?(?:tidak|belum)\b", r"\bkarena\b[^\n]*\bbelum\b", r"\bsebelum\b", r"\bselama\b",
                     _ANY_APPLICANT_ID),
        name="belum dapat melanjutkan"),
    Rule("rejection", "id", (
        r"\bsemoga sukses\b|\bsukses (?:selalu|untuk karier)\b|\bkesempatan (?:lain|berikutnya|di masa (?:depan|mendatang))\b",
    ), 0.35, name="semoga sukses"),
    # ---- offer ---------------------------------------------------------------------------------
    Rule("offer", "en", (
        r"\b(?:pleased|delighted|happy|excited|thrilled|glad|proud) to (?:formally |officially )?(?:offer you|extend (?:you )?(?:an|a|the|this|our) (?:formal |written |verbal |conditional )?offer|"
        r"make you an offer|present (?:you with )?(?:an|the|our) offer)",
        r"\b(?:like|love|want) to (?:formally |officially )?(?:offer you (?:the |a |this |our )?(?:position|role|job|post|place|opportunity to join|employment)|"
        r"extend (?:you )?(?:an|a|the|this) (?:formal |written |verbal |conditional )?offer|make you an offer)",
        r"\b(?:offer you|offering you) (?:the |a |this )?(?:position|role|job|post|employment)\b",
        r"\b(?:want|wants|like|love|going|pleased|happy|delighted|able|ready) to (?:formally )?offer you\b",
        r"\b(?:revised|formal|written|updated|official|final) offer (?:is|has been|will be)\b|\boffer (?:doc|document|pack|paperwork)\b",
        r"\b(?:offer|package) (?:is |will be |remains )?(?:valid|open) (?:until|through|for)\b|\boffer (?:expires|deadline)\b",
    ), 0.96, unless=(r"\binterview\b", r"\b(?:probably|might|may|could|if|then we'll|then we will|eventually)\b"), name="offer you the position"),
    Rule("offer", "*", (
        r"\boffer of employment\b|\bemployment offer\b|\boffer letter\b|\b(?:formal|written|verbal|conditional|job) offer\b(?!s)",
        r"\b(?:accept|sign|review|countersign|consider)(?:ing)? (?:the|this|our|your|my) (?:formal |written )?offer\b",
        r"\bwelcome (?:aboard|to the team)\b",
    ), 0.85, unless=(r"\bhow to\b", r"\btips?\b", r"\bcounter ?offer\b", r"\bjob offers\b", r"\bother offer\b", r"\bguide\b", r"\bwhen you\b",
                     r"\bbefore any\b", r"\bany (?:\w+ )?offer\b", r"\bcan be made\b", r"\bsuccessful candidates?\b"), name="offer letter"),
    # The candidate's decision is asked for only about an offer: "please send us your decision by
    # Wednesday" (a reply granting more time) holds no other offer word. Not decisive alone.
    Rule("offer", "en", (
        r"\b(?:let (?:us|me) know|send (?:us|me)|give (?:us|me)|revert with|get back to (?:us|me) with|tell (?:us|me)) your (?:final )?decision\b",
    ), 0.6, unless=(r"\binterview\b|\bslot\b|\bavailability\b",
                    # a decision about something else: staying in a talent pool, relocating
                    r"\bdecision (?:on|about|regarding|as to) (?:whether|if|relocat\w*|moving|staying|the location)\b|\bwhether\b"),
       name="send us your decision"),
    Rule("offer", "id", (
        r"\b(?:kabari|sampaikan|kirimkan|informasikan|beri(?:kan)?(?: tahu)?) (?:kami |saya )?keputusan (?:anda|kamu|bapak|ibu|saudara|saudari)\b",
    ), 0.6, unless=(r"\bwawancara\b|\binterview\b|\bjadwal\b", r"\bapakah\b|\bmasih ingin\b|\bmelanjutkan\b|\bbersedia\b"),
       name="kabari keputusan anda"),
    Rule("offer", "en", (
        r"\bit's a yes\b|\bwe want you (?:as|on|to join|for)\b|\b(?:the job|the role|it) is yours\b",
    ), 0.7, name="it's a yes"),
    Rule("offer", "en", (
        r"\b(?:love|like|want|excited|pleased|happy|delighted|thrilled|ready) to (?:bring|have|welcome) you (?:on ?board|aboard|to the team|into the team|as (?:our|the|a))\b",
    ), 0.85, unless=(r"\binterview\b", r"\bif\b", r"\b(?:could|might|may|would love to meet)\b"), name="bring you on board"),
    Rule("offer", "en", (
        r"\bcongratulations?\b[^\n]{0,80}\b(?:offer|hired|joining|welcome aboard|selected for the (?:role|position))",
    ), 0.85, unless=(r"\binterview\b", r"\bnext (?:round|stage|step)\b", r"\bassessment\b", r"\bmov(?:e|ing) forward\b"), name="congratulations offer"),
    Rule("offer", "id", (
        r"\b(?:kami )?(?:ingin |dengan senang hati |dengan gembira )?menawarkan (?:kepada )?(?:anda |saudara |saudari )?(?:posisi|jabatan|pekerjaan|kontrak kerja)",
        r"\b(?:nawarin|nawarkan|tawarkan|menawari|nawari)(?: ke)? (?:kamu |kakak |kak |anda |mas |mbak |bapak |ibu )?(?:posisi|jabatan|kerja|pekerjaan|kontrak)",
        r"\b(?:surat penawaran(?: kerja)?|penawaran kerja|offering letter|surat tawaran(?: kerja)?)\b",
        r"\b(?:selamat|kami ucapkan selamat)\b[^\n]{0,80}\b(?:diterima (?:bekerja|sebagai|di)|bergabung dengan|lolos seluruh|terpilih sebagai)",
        r"\b(?:anda|saudara|saudari|kamu|kakak|kak|bapak|ibu|mas|mbak) (?:dinyatakan |resmi )?(?:diterima|lulus) (?:bekerja|sebagai|untuk posisi|menjadi|jadi)\b",
        r"\b(?:menerima|konfirmasi penerimaan|jawaban atas|menandatangani) (?:tawaran|penawaran)\b",
        r"\bdinyatakan (?:lulus|lolos) (?:seleksi )?(?:akhir|final|tahap akhir)|\blulus seleksi akhir\b|\bditerima sebagai (?:karyawan|pegawai|peserta|staf|calon)",
    ), 0.92, unless=(r"\blamaran\b(?![^\n]*\bpenawaran\b)", r"\bwawancara\b", r"\bpsikotes\b"), name="menawarkan posisi"),
    # ---- check-in request ----------------------------------------------------------------------
    Rule("checkin_request", "en", (
        r"\bif (?:you |u )?(?:still )?(?:haven't|have not|don't|do not|didn't|did not|havent|dont|'ve not|have yet to)(?: yet)? (?:heard|hear|received|receive|gotten|get|had)\b[^\n]{0,80}"
        r"\b(?:follow(?:ing)? up|check(?:ing)? in|check back|touch base|reach out|get in touch|ping|nudge|chase|contact|email|"
        r"let (?:me|us) know|drop (?:me|us)|remind)",
        r"\b(?:follow(?:ing)? up|check(?:ing)? in|check back|touch base|reach out|get in touch|ping (?:me|us)|nudge|chase|contact (?:me|us)|"
        r"email (?:me|us)|drop (?:me|us)|remind (?:me|us))[^\n]{0,60}\bif (?:you )?(?:still )?(?:haven't|have not|don't|do not|didn't|havent|dont) (?:heard|hear|received|had)\b",
        r"\bif (?:i|we)(?: still)? (?:haven't|have not|hasn't|don't|do not|didn't|'ve not|havent) (?:come back|got back|gotten back|been back|replied|responded|been in touch|reached out|updated you|contacted you|written)\b"
        r"[^\n]{0,80}\b(?:follow|check|touch base|reach|ping|nudge|chase|contact|email|call|ring|drop|remind|get in touch|let me know|write)",
        r"\bif (?:i|we)(?: go|'ve gone| have gone| am|'m| are|'re| fall| went) (?:quiet|silent|dark)\b[^\n]{0,40}\b(?:bug|ping|chase|nudge|email|call|ring|poke|remind|follow|check|reach|contact|drop|write|message|text|shout)",
        r"\b(?:should you not (?:have )?(?:received|heard)|if (?:you |u )?(?:still )?(?:haven't heard|have not heard|have not received|haven't received|don't hear|do not hear|didn't hear|havent heard|dont hear|hear nothing|'ve heard nothing|have heard nothing|not heard))\b[^\n]{0,80}\b(?:contact|ring|call|email|write|ping|chase|nudge|drop|reach|follow|check|get in touch)",
        r"\b(?:contact|ring|call|email|write to|ping|chase|nudge|drop|reach out to|follow up with|check (?:in|back) with|remind(?:er)?)\b[^\n]{0,60}\bif (?:you |u )?(?:still )?(?:haven't heard|have not heard|don't hear|do not hear|didn't hear|havent heard|dont hear|not heard|'ve heard nothing)",
    ), 0.95, name="follow up if you haven't heard"),
    Rule("checkin_request", "en", (
        r"(?:(?m:^)|\b(?:please|kindly|can you|could you|would you|do|just|so|then|and|you can|you may|feel free to|you're welcome to|you are welcome to)\b) ?(?:please |kindly )?"
        r"(?:follow up with me|follow up|check in with me|check back(?: in)? with me|check back|touch base with me|ping me|nudge me|give me a nudge|chase me|ring me|call me|email me|"
        r"drop me a (?:line|note|message|email)|bug me|poke me|give me a shout|reach (?:back )?out(?: to me)?(?: again)?|get (?:back )?in touch(?: with me)?|contact (?:me|us)(?: for an update)?|give me a (?:call|ring|shout|buzz|bell|tinkle)|remind me|send me a reminder)\b",
    ), 0.45, unless=(_QUESTIONS, r"\bwith any\b", r"\bif you (?:need|want|would like|have|'d like|are)\b", r"\bbeforehand\b", r"\bto (?:discuss|talk|arrange|confirm|run through)\b",
                     r"\b(?:frequently|regularly|periodically|career|careers|openings|opportunities|website|portal|profile)\b"),
        dated_label="checkin_request", dated_weight=0.9, name="ping me on Tuesday"),
    Rule("checkin_request", "en", (
        r"\b(?:please|do|feel free to|don't hesitate to|do not hesitate to|you're welcome to|you are welcome to|you can|you may|by all means|"
        r"happy for you to|i'd (?:appreciate|welcome) (?:it if you|you)|(?:would|do) you mind)(?: do| (?:to )?just)? "
        r"(?:follow(?:ing)? up|check(?:ing)? in|check back|touch base|ping (?:me|us)|nudge (?:me|us)|chase (?:me|us)|"
        r"give (?:me|us) a nudge|remind (?:me|us)|drop (?:me|us) a (?:line|note))",
    ), 0.55, unless=(_QUESTIONS, r"\bwith any\b"), dated_label="checkin_request", dated_weight=0.92,
        name="please follow up"),
    Rule("checkin_request", "id", (
        r"\b(?:jika|kalau|apabila|bila|seandainya)\b[^\n]{0,90}\bbelum (?:juga )?(?:menerima|mendapat(?:kan)?|ada|dapat|terima|mendengar|dihubungi|ngabarin|mengabari|kabari|dikabari|memberi kabar)\b"
        r"[^\n]{0,90}\b(?:silakan|mohon|jangan ragu|boleh|harap|bisa|dipersilakan|tolong|coba|langsung|sila|hubungi|email|kabari|tanyakan|ingatkan|"
        r"japri|chat|wa|whatsapp|dm|ping|colek|telepon|telpon|tanya)\b",
        r"\b(?:silakan|mohon|jangan ragu untuk|boleh|harap|dipersilakan)\b[^\n]{0,60}\b(?:hubungi|menghubungi|tanyakan|menanyakan|ingatkan|mengingatkan|"
        r"follow up|kabari|email)\b[^\n]{0,60}\b(?:jika|kalau|apabila|bila)\b[^\n]{0,60}\bbelum\b",
    ), 0.95, name="kalau belum ada kabar, silakan hubungi"),
    Rule("checkin_request", "id", (
        r"\b(?:silakan|jangan ragu untuk|boleh|harap|mohon|dipersilakan) (?:untuk )?(?:(?:bapak|ibu|mas|mbak|kak|kakak|anda|kamu|saudara|saudari|pak|bu) )?(?:menindaklanjuti|follow up|menanyakan (?:kembali|lagi|perkembangan)|"
        r"menghubungi (?:saya|kami) (?:kembali|lagi)|hubungi (?:saya|kami) (?:kembali|lagi)|mengingatkan (?:saya|kami)|ingatkan (?:saya|kami))",
    ), 0.55, unless=(r"\bpertanyaan\b", r"\bkendala\b"), dated_label="checkin_request", dated_weight=0.92,
        name="silakan hubungi saya kembali"),
    Rule("checkin_request", "id", (
        r"\b(?:silakan|mohon|tolong|boleh|bisa|harap|jangan ragu untuk|dipersilakan|coba)? ?(?:(?:bapak|ibu|mas|mbak|kak|kakak|anda|kamu|saudara|saudari|pak|bu) )?(?:menghubungi|hubungi|kontak|email|ping|chat|wa|whatsapp|telepon|telpon|follow up(?: ke)?|ingatkan|mengingatkan|kabari|tanya(?:kan)? (?:lagi )?ke) (?:saya|aku|kami|gue)\b",
    ), 0.45, unless=(r"\bpertanyaan\b", r"\bkendala\b", r"\b(?:jika|apabila|kalau|bila) (?:ada|anda (?:memiliki|punya|membutuhkan))\b", r"\bnanti\b[^\n]{0,20}\b(?:saya|aku) (?:yang )?(?:telepon|hubungi)\b"),
        dated_label="checkin_request", dated_weight=0.9, name="hubungi saya hari Jumat"),
    # ---- recruiter outreach --------------------------------------------------------------------
    Rule("recruiter_outreach", "en", (
        r"\b(?:came|come|stumbled) across your (?:profile|background|resume|cv|linkedin|github|portfolio|work|talk|post|blog|experience|details|page|projects?)",
        r"\b(?:i'm|i am|we're|we are) (?:currently )?(?:partnering|working|recruiting|hiring|searching|retained) (?:with|for|on behalf of|exclusively with) "
        r"(?:a|an|my|our|one of|several|some)\b",
        r"\bi (?:recruit|hire|headhunt) (?:for|in)\b",
        r"\b(?:been|was|were) (?:appointed|retained|engaged|mandated) (?:by [^\n]{0,80} )?to (?:recruit|appoint|find|hire|search)",
        r"\b(?:unsolicited|informal|confidential|speculative) approach\b",
        r"\bsuggested (?:i|that i) (?:get in touch|contact you|reach out|write)|\byour name (?:was|came up|has been|has come up) (?:mentioned|passed|suggested|up)",
        r"\b(?:made|makes) me think of you\b|\bimmediately thought of you\b",
        r"\b(?:identified|noticed|found) your (?:profile|resume|cv|background|qualifications)\b[^\n]{0,80}\b(?:consistent|match|fit|opening|opportunit|role|position|speak|chat|talk)",
        r"\b(?:reviewed|saw|viewed|checked out|looked at|found|noticed) your (?:\w+ )?(?:profile|resume|cv)\b (?:on|in|via|through) (?:linkedin|dice|indeed|monster|jobstreet|glints|kalibrr|github|xing|seek|naukri|reed|totaljobs|our database|the database|a job board)\b",
        r"\bthought of you\b|\bthought you (?:might|may|could|would) be (?:a (?:great|good|strong) fit|interested)",
        r"\b(?:are you|would you be|might you be) (?:currently )?(?:open|interested|looking)[^\n]{0,40}\b(?:new |other |exploring |hearing about |a )?(?:opportunit|roles?|positions?|move|change)",
    ), 0.9, unless=(_APPLIED,), name="came across your profile"),
    # A search the recruiter runs, and why the reader fits it: "I'm working on an exclusive vacancy
    # with a client", "your experience scaling payments really stood out".
    Rule("recruiter_outreach", "en", (
        r"\b(?:i'm|i am) (?:currently )?(?:working on|recruiting for|hiring for|searching for|helping|supporting|running) (?:an? |the )?"
        r"(?:exclusive |new |confidential |retained |urgent |exciting |brand new )?(?:[\w-]+ ){0,4}?(?:role|vacancy|position|opening|search|mandate|opportunity|engineer|manager|director|lead|head of|client|startup|company)\b",
    ), 0.8, unless=(_APPLIED, _IF, r"\bwhether\b"), name="I'm working on a search"),
    # Praise alone is not decisive: a hiring manager tells an applicant their background stood out too.
    Rule("recruiter_outreach", "en", (
        r"\b(?:your|you) (?:profile|background|experience|skill ?set|cv|resume|work|track record)\b[^\n]{0,60}\b(?:caught my (?:eye|attention)|stood out|stands out|jumped out|"
        r"fits? (?:what|the brief|their)|(?:is|looks like|would be) (?:a )?(?:great|good|strong|perfect|close) (?:fit|match))",
    ), 0.6, unless=(_APPLIED, _IF, r"\bwhether\b"), name="your background stood out"),
    Rule("recruiter_outreach", "en", (
        r"\b(?:i'm|i am|i'd like to be|just) reaching out (?:because|to see|to ask|to gauge|to find out|as|since|about (?:an? |this |a new )|regarding (?:an? |this |a new ))",
        r"\bthank(?:s| you) for (?:connecting|accepting my (?:connection|invitation|request))\b",
        r"\b(?:we're|we are|i'm|i am) (?:currently )?hiring (?:an? |for an? |our first |two |several )",
        r"\b(?:would you like|do you want|want|fancy|keen|care) to (?:have a |grab a )?(?:chat|talk|hear more|learn more|find out more|know more|connect)\b",
        # A role the reader did not apply to: "a new role has just opened that looks like a better match".
        r"\b(?:new|another|different|other|second) (?:[\w-]+ ){0,3}?(?:role|position|opening|vacancy|opportunity)\b[^\n]{0,40}\b(?:opened|come up|came up|become available|became available|just opened|opening up)\b",
        r"\b(?:would|might) you be interested\b[^\n]{0,30}\?|\b(?:are you|r u) (?:currently |actively )?(?:looking|on the market|exploring)\b",
        r"\b(?:send|share|forward) (?:me |us )?your (?:updated |latest |current )?(?:cv|resume|profile)\b[^\n]{0,40}\bif (?:you(?:'re| are) )?interested\b",
    ), 0.6, unless=(_APPLIED, r"\binterview\b", r"\bschedul"), name="reaching out because"),
    Rule("recruiter_outreach", "en", (
        r"\b(?:has|have|recruiter|employer|company|manager|they) (?:\w+ )?invited you to apply\b|\binvit(?:e|es|ing|ation) (?:for you )?to apply\b",
    ), 0.85, unless=(_APPLIED, r"\bjob alert\b|\bunsubscribe\b|\bother (?:roles|positions|vacancies|jobs|opportunities)\b|\bfuture\b"), name="invited you to apply"),
    Rule("recruiter_outreach", "en", (
        r"\b(?:exciting|great|unique|interesting) (?:new )?(?:opportunity|role|position)\b",
        r"\bon behalf of (?:my|our|a) client\b|\b(?:my|our) client\b",
        r"\b(?:would|are) you (?:be )?open to (?:a |an )?(?:quick |brief |short |15-minute |\d+[- ]min(?:ute)? )?(?:chat|call|conversation)",
        r"\bi(?:'m| am) a (?:technical |tech |senior |lead |specialist )?(?:recruiter|headhunter|talent (?:partner|acquisition)|recruitment consultant)\b",
        r"\bopen to (?:new |other )?(?:opportunities|roles|a new role|a move|a change)\b",
        r"\b(?:would|are) you (?:be )?interested in (?:hearing|learning|finding out|knowing) more\b",
        r"\b(?:you'd|you would|you could|you might) be a (?:great|good|strong|perfect|fantastic) (?:fit|match)\b|(?m:^)open to (?:a |an )?(?:quick |brief |short )?(?:chat|call|conversation)\b",
        r"\b(?:viewed|saw|checked out) your (?:\w+ )?profile\b|\bis interested in you\b",
        r"\bi lead (?:recruiting|recruitment|talent)\b|\bi(?:'m| am) (?:the |a )?(?:head of talent|talent partner|sourcer)\b",
        r"\b(?:isn't|is not|not yet) (?:been )?advertised\b|\bconfidential (?:search|opportunity|role)\b",
    ), 0.6, unless=(_APPLIED,), name="open to a chat"),
    Rule("recruiter_outreach", "id", (
        r"\b(?:saya|kami) (?:menemukan|melihat|membaca|mendapatkan|mendapat) profil (?:anda|linkedin anda|kamu|saudara|bapak|ibu|mas|mbak)",
        r"\bmenawarkan (?:sebuah |suatu )?(?:peluang|kesempatan)\b|\bterbuka (?:untuk|dengan) (?:peluang|kesempatan|tawaran) (?:baru|lain|karier|karir)",
        r"\bapakah (?:anda|kamu|saudara) (?:saat ini )?(?:terbuka|tertarik|berminat)\b[^\n]{0,60}\b(?:peluang|kesempatan|posisi|peran|tawaran|ngobrol|berdiskusi|diskusi|pindah)",
        r"\bsaya (?:adalah |seorang |merupakan )?(?:rekruter|recruiter|headhunter|konsultan rekrutmen|talent acquisition)\b",
        r"\bprofil (?:anda|kamu) (?:sangat )?(?:menarik|sesuai|cocok)",
    ), 0.88, unless=(r"\blamaran (?:anda|kamu)\b", r"\bmelamar\b", _COND_ID), name="menemukan profil anda"),
    # "Lagi open to work gak kak?", "sedang membantu salah satu klien mencari ...", "ada posisi ...,
    # kalau minat boleh aku telpon?": a search the recruiter runs, not an application.
    Rule("recruiter_outreach", "id", (
        r"\bopen to work\b|\b(?:lagi|sedang|masih) (?:cari|mencari) (?:kerja|kerjaan|pekerjaan|peluang|tantangan) baru\b",
        r"\b(?:sedang|lagi) (?:membantu|bantu|dipercaya) (?:salah satu |sebuah |beberapa )?(?:klien|client|perusahaan|unicorn|startup|bank|grup)\b",
        r"\bada (?:posisi|lowongan|peluang|opening|role|kesempatan)\b[^\n]{0,100}\b(?:kalau|kalo|jika|bila|apabila) (?:\w+ )?(?:minat|tertarik|berminat)\b",
        r"\b(?:perkenalkan|kenalin),? (?:saya|aku|nama saya)\b[^\n]{0,60}\b(?:recruiter|rekruter|konsultan|headhunter|talent|executive search)\b",
        r"\bapakah (?:anda|kamu|bapak|ibu|mas|mbak|kak|kakak) (?:tertarik|berminat|terbuka) (?:untuk )?(?:ngobrol|mengobrol|berdiskusi|diskusi|mendengar|tahu lebih)",
    ), 0.85, unless=(r"\blamaran (?:anda|kamu|bapak|ibu)\b", r"\bmelamar\b", _COND_ID), name="lagi open to work?"),
    # ---- interview invite ----------------------------------------------------------------------
    Rule("recruiter_outreach", "id", (
        r"\b(?:klien kami|klien saya)\b",
    ), 0.55, unless=(r"\blamaran (?:anda|kamu)\b", r"\bmelamar\b", _COND_ID), name="klien kami"),
    Rule("interview_invite", "en", (
        r"\binvit(?:e|es|ing|ed) you (?:to|for) (?:a|an|the|our|your|come|join|meet|speak)?\s?(?:[\w-]+ ){0,4}?(?:interview|conversation|call|chat|meeting|screen|onsite|on-site|"
        r"(?:site|office|campus|onsite) visit|discussion|assessment (?:centre|center|day)|panel|video call|zoom|teams call|coffee)",
        r"\binterview (?:is|has been|was|is now|have been|will be) (?:confirmed|scheduled|booked|rescheduled|moved|arranged|set|planned)\b",
        r"\b(?:confirm(?:ing)?|confirmed|reschedul\w+|schedul(?:e|ed|ing)|book(?:ed|ing)?|arrang(?:e|ed|ing)|set(?:ting)? up|line up) "
        r"(?:your|the|an|our|a|a time for your|a time for the|some time for)\s?(?:[\w-]+ ){0,3}?(?:interview|call|screen|meeting|onsite|on-site|chat|conversation)",
        r"\bplease (?:hold|reserve|block)\b[^\n]{0,50}\b(?:for (?:your|the|an?)|interview|call)",
        r"\b(?:move|moving|invite|bring|advance|progress) (?:you )?(?:forward )?(?:to|for|into) (?:the |our |a |an )?(?:formal |final |next |in-person |onsite )?"
        r"(?:onsite|on-site|in-person|final|next|second|third) (?:interview|round|interview stage)",
        r"\b(?:next|second|third|final|first) (?:round|stage) (?:interview|of interviews)\b",
    ), 0.92, unless=(r"\bthank(?:s| you) for (?:attending|coming|your time)", r"\bhow (?:was|did) (?:your|the)", _COND_SCREEN),
        name="invite you to an interview"),
    Rule("interview_invite", "en", (
        r"\b(?:like|love|want|keen|happy|pleased|excited|delighted|glad)(?: to)? (?:to )?(?:schedule|set up|arrange|organi[sz]e|book|line up|invite you|bring you|have you|get you|meet you|speak with you|talk with you|chat with you)"
        r"[^\n]{0,60}?\b(?:interview|call|chat|conversation|meeting|screen|onsite|on-site|in for|round|panel|meet|speak|talk|team)\b",
        r"\b(?:your|share your|send (?:me |us )?your|provide your|know your|let (?:me|us) know your|confirm your|with your) availability\b",
        r"\b(?:let (?:me|us) know|share|send (?:me|us)?) (?:a few |some |two or three |2-3 )?(?:times|time slots|slots|dates|days) (?:that |when |which )?(?:work|you are|you're|suit|would)",
        r"\bwhen (?:would|are|will) you (?:be )?(?:available|free)\b",
        r"\b(?:select|choose|pick|book|grab|reserve|suggest|propose) (?:a|one|your|the|an|any)? ?(?:[\w-]+ )?(?:time|slot|timeslot|time slot|date|day) (?:that|which|for|from|below|to|on)\b",
        r"calendly\.com|\bscheduling link\b|\bbook a (?:time|slot)\b",
        r"\b(?:indicate|let me know|tell me|confirm) (?:your )?(?:preference|preferred (?:time|slot|date|option)|which (?:of these |slot|time|date|option))",
        r"\b(?:i'll|i will|we'll|we will|he'll|he will|she'll|she will|they'll|they will) (?:give you a (?:call|ring)|call you|ring you|phone you|dial you) (?:then|at|on|via|tomorrow|today|this|next|\[)",
        r"\b(?:works for (?:me|us)|let's (?:do|schedule|say|book|lock in|go with))\b",
        r"\bsend (?:you )?(?:and [^\n]{0,30})?(?:a |an )?(?:\w+ )?(?:calendar|outlook|teams|zoom|meeting) invit",
        r"\b(?:do|would) you have (?:any |a (?:specific |good |convenient )?|some )?(?:availability|time|times|a few minutes|\d+ minutes)\b",
        r"\b(?:if|whether) you (?:have|'d have|would have) (?:some |any )?(?:time|availability|a few minutes)\b",
        r"\b(?:are you|would you be) (?:available|free) (?:for|to|on|at|tomorrow|today|this|next)\b",
        r"\b(?:available|free) (?:times|slots|dates|time slots)\b|\bhow (?:about|does) [^\n]{0,30}(?:\[|\d|monday|tuesday|wednesday|thursday|friday|tomorrow|today|morning|afternoon)",
        r"\bbooked (?:on|into|in|for)\b[^\n]{0,20}\b(?:calendar|diary|\[|\d|monday|tuesday|wednesday|thursday|friday)",
        r"\b(?:will|'ll) (?:be )?(?:reach(?:ing)? out|contact(?:ing)? you|in touch|email(?:ing)? you) [^\n]{0,40}\bto (?:schedule|arrange|set up|book|coordinate)",
        r"\b(?:phone|video|technical|tech|virtual|panel|zoom|teams|google meet|onsite|on-site) (?:interview|screen)\b[^\n]{0,40}\b(?:is scheduled|is confirmed|is booked|will be on|is on|is at)\b",
    ), 0.85, unless=(r"\bthank(?:s| you) for (?:attending|coming|your time|taking the time to (?:meet|speak|interview)|completing)", _COND_SCREEN,
                     r"\bkeep your\b", r"\bup to date\b", r"\bemployers\b", r"\b(?:available|free) to (?:start|join|relocate|travel|work)\b",
                     r"\b(?:recorded|one-way|on-demand)\b"),
        name="schedule a call"),
    Rule("interview_invite", "en", (
        r"\b(?:like|love|want|keen) to (?:meet|see|speak (?:to|with)|talk (?:to|with)|chat (?:to|with)|catch up with) you\b",
        r"\b(?:can|could|would) you (?:do|make|be up for|join|manage|fit in|jump on|hop on|be free for|be available for)(?: a| an)?(?: quick| short| brief| \d+[- ]min(?:ute)?)? ?(?:call|chat|coffee|video call|zoom|meeting|interview|grabbing a coffee|phone)",
        r"\b(?:all )?booked in\b|\bput (?:it|you|this) in (?:the|my|our) (?:calendar|diary)\b|\bsee you (?:then|on|tomorrow|monday|tuesday|wednesday|thursday|friday|next)\b",
        r"\b(?:first|second|final|next|the) (?:stage|round|interview|call|meeting) (?:will be|is|would be) (?:on|at|via|held)\b",
        r"\b(?:interview|call|meeting|chat) (?:is|will be) (?:on|at) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)",
    ), 0.85, unless=(_COND_SCREEN, r"\bthank(?:s| you) for (?:attending|coming|meeting)"), name="like to meet you"),
    # An invitation asked as a question: its point is the meeting, whatever acknowledgement comes
    # before it ("Got your resume, thanks. Could we hop on the phone next week?"). Alone it is not
    # decisive: cold outreach and friends ask "are you free for a chat?" too.
    Rule("interview_invite", "en", (
        r"\b(?:are you|would you be|will you be|do you have|have you got|could we|can we|shall we|might you be|"
        r"when (?:would|could|can|does|might|will|is)|what (?:day|days|time|times)|which (?:day|days|time|times))\b"
        r"[^\n?]{0,80}\b(?:call|chat|conversation|interview|meeting|phone|video|zoom|coffee|meet|speak|talk)\b[^\n?]{0,60}\?",
    ), ASKED_INVITE, unless=(r"\b(?:if|once|should|whether)\b[^\n]{0,90}\b(?:shortlist\w*|selected|successful|progress|move forward|moving forward|proceed)\b",
                     r"\bquestions?\b", r"\bhow (?:was|did|is)\b", r"\bfeedback\b",
                     r"\bthank(?:s| you) for (?:attending|coming|meeting|your time)"), name="are you free for a call?"),
    # A time asked for outright, with or without "call" or "interview": "are you free Tuesday?",
    # "could you do Wednesday at 10?", "when suits you?", "can we grab 20 minutes on Friday?". The
    # sender wants to meet; what it is about the rest of the mail says (an outreach rule outranks it).
    Rule("interview_invite", "en", (
        r"\b(?:are you|would you be|will you be|r u|you|you're|you are) (?:free|around|available)\b(?: (?:on|at|for|sometime|any ?time|some ?time))?[^\n?]{0,25}\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|tomorrow|today|tonight|this (?:week|afternoon|morning|evening)|next week|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)|\\d{1,2}(?::\\d\\d))\b",
        r"(?m:^)(?:hi [^\n]{0,20})?(?:free|around|available) (?:for (?:a|an) (?:quick |short |brief )?(?:call|chat|catch-up|coffee|conversation)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|tomorrow|today|tonight|this (?:week|afternoon|morning|evening)|next week|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)|\\d{1,2}(?::\\d\\d)))\b[^\n]{0,40}\?",
        r"\b(?:could|can|would) you (?:do|manage|make) (?:a |an )?(?:quick |short )?(?:call |chat )?(?:on |at )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|tomorrow|today|tonight|this (?:week|afternoon|morning|evening)|next week|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)|\\d{1,2}(?::\\d\\d))\b",
        r"\b(?:would|does|do|will|could|is) (?:either )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|tomorrow|today|tonight|this (?:week|afternoon|morning|evening)|next week|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)|\\d{1,2}(?::\\d\\d))\b[^\n?]{0,50}\b(?:suit|work|fit|be (?:ok|okay|possible|convenient|good))\b",
        r"\bwhen (?:suits|works|would suit|would work|is (?:a )?(?:good|convenient|best)|is best)\b|\bwhat (?:time|day|times|days|slot|slots) (?:suits|suit|works|work|would suit|would work|is good|are good|is best)\b",
        r"\bwhat does your (?:week|calendar|schedule|diary|availability|afternoon|morning)(?: [\w-]+){0,2} look like\b",
        r"\b(?:can|could|shall) we (?:grab|find|set up|book|schedule|arrange|do|have|get|squeeze in|jump on|hop on) (?:a |some |\d+ |a few |fifteen |twenty |thirty )?(?:quick |short |brief )?"
        r"(?:minutes?|mins?|time|slot|call|chat|catch-up|meeting|conversation|coffee|video call|zoom|phone call)\b",
        r"\blet's (?:find|set up|book|schedule|grab|pick|get|put) (?:a |some |\d+ )?(?:quick |short )?(?:time|slot|call|chat|date|meeting|minutes|something in)\b",
    ), 0.85, unless=(r"\b(?:to start|start date|starting|relocat\w*|notice period|to travel|to work (?:weekends|nights|shifts|on-?site)|join us|for (?:new )?(?:opportunities|roles|work|contracts?))\b",
                     _COND_SCREEN, r"\bthank(?:s| you) for (?:attending|coming|meeting|your time)", r"\bquestions?\b"),
        name="are you free Tuesday?"),
    Rule("interview_invite", "id", (
        r"\b(?:apakah|apa|bisakah|dapatkah|boleh|kapan|kira-kira)\b[^\n?]{0,80}\b(?:wawancara|interview|call|telepon|telpon|"
        r"ngobrol|mengobrol|video call|zoom|bertemu|ketemu|diskusi|berdiskusi|meet)\b[^\n?]{0,60}\?",
    ), ASKED_INVITE, unless=(r"\bpertanyaan\b", r"\bbagaimana\b", r"\bgimana\b", r"\bhasil\b",
                     r"\bterima kasih (?:atas|telah|sudah) (?:kehadiran|mengikuti|meluangkan|datang)"), name="apakah ada waktu untuk wawancara?"),
    Rule("interview_invite", "*", (
        r"(?m:^)(?:when|where|time|date|location|venue|with|who|format|duration|waktu|tempat|hari/tanggal|hari, tanggal|lokasi|media)\s*:",
        r"zoom\.(?:us|example)|meet\.google|teams\.microsoft|\b(?:zoom|teams|meet) link\b|\bworks (?:perfectly|great|for (?:us|me))\b",
    ), 0.45, name="when: where:"),
    Rule("interview_invite", "*", (
        r"^(?:fw: |fwd: )?[^\n]{0,60}?\b(?:interview (?:invitation|invite|request|confirmation|confirmed|scheduled|details|schedule|availability)|"
        r"invitation (?:to|for) (?:an? )?interview|undangan (?:wawancara|interview)|jadwal (?:wawancara|interview))",
    ), 0.8, unless=(r"\brekam", r"\brecorded\b", r"\bone-way\b", r"\bon-demand\b", r"\b(?:after|setelah|following|feedback|update|thank|thanks|terima kasih|"
                    r"result|results|hasil|outcome|what happens|next steps|your interview with|received|completed|submitted|diterima)\b"), name="subject: interview"),
    Rule("interview_invite", "*", (
        r"^(?:fw: |fwd: )?[^\n]{0,60}?\b(?:(?:phone|telephone|video|technical|onsite|on-site|in person|in-person|final|first|second) interview|interview with)\b",
    ), 0.5, unless=(r"\brekam", r"\brecorded\b", r"\bone-way\b", r"\bon-demand\b", r"\b(?:after|setelah|following|feedback|update|thank|thanks|"
                    r"result|results|hasil|outcome|what happens|next steps|received|completed|submitted|diterima)\b"), name="subject: an interview"),
    Rule("interview_invite", "en", (
        r"\b(?:interview|call|meeting|chat)\b[^\n]{0,30}\b(?:on|at|for) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?::\d\d)? ?(?:am|pm))",
        r"\blook(?:ing)? forward to (?:meeting|speaking with|talking (?:to|with)|seeing|chatting with) you (?:on|at|next|this|tomorrow)\b",
        r"\blook(?:ing)? forward to (?:having|hosting|welcoming|seeing|meeting) you (?:on-?site|onsite|in person|at our|here|for your interview)",
    ), 0.55, unless=(r"\bthank(?:s| you) for\b", r"\bafter\b", r"\bfollowing\b", r"\bcandidates?\b", r"\bothers?\b", r"\bpanel\b"),
        name="interview on a day"),
    Rule("interview_invite", "id", (
        r"\bmengundang (?:anda|saudara|saudari|kamu|bapak|ibu|mas|mbak)?\s?(?:untuk )?(?:mengikuti |hadir (?:dalam|pada|di) |melanjutkan ke )?(?:sesi |tahap |proses )?"
        r"(?:wawancara|interview|temu|pertemuan|diskusi|user interview|hr interview)",
        r"\bundangan (?:wawancara|interview)|\bjadwal (?:wawancara|interview) (?:anda|kamu|saudara|saudari|bapak|ibu)\b",
        r"\b(?:wawancara|interview) (?:anda )?(?:akan |telah |sudah )?(?:dilaksanakan|diadakan|dijadwalkan|berlangsung|kami jadwalkan|dikonfirmasi|dijadwal ulang|dipindahkan)",
        r"\b(?:pilih|memilih|tentukan|menentukan|konfirmasi) (?:salah satu )?(?:jadwal|waktu|slot)\b",
        r"\bketersediaan (?:waktu|jadwal) (?:anda|kamu)|\bkapan (?:anda|kamu) (?:bersedia|tersedia|bisa|luang)|\bkesediaan (?:anda )?(?:untuk )?(?:hadir|mengikuti)|\bkonfirmasi kehadiran",
    ), 0.9, unless=(r"\bterima kasih (?:atas|telah|sudah) (?:kehadiran|mengikuti|meluangkan)", r"\brekam", r"\brecorded\b",
                    r"\bkandidat lain\b", _COND_ID), name="mengundang wawancara"),
    Rule("interview_invite", "id", (
        r"\b(?:pengen|ingin|mau|akan|kami ingin|saya ingin) (?:ngobrol|berbicara|bicara|bertemu|ketemu|mengobrol|ngopi|diskusi|berdiskusi|kenalan)\b[^\n]{0,50}\b(?:dengan|sama|bareng) (?:bapak|ibu|mas|mbak|kak|kakak|anda|kamu|saudara|saudari|pak|bu)\b",
        r"\b(?:ingin|mau|pengen|akan) (?:langsung |segera )?(?:interview|wawancara|mewawancarai|wawancarai|interview-in)\b",
        r"\b(?:ajak|mengajak|undang) (?:(?:bapak|ibu|mas|mbak|kak|kakak|anda|kamu|saudara|saudari|pak|bu) )?(?:untuk )?(?:ngopi|bertemu|ketemu|ngobrol|diskusi|wawancara|interview|datang|mampir|kenalan)",
        r"\b(?:bisa|bersedia|available|luang|sempat)(?: nggak| tidak| gak| ga)? (?:besok|lusa|hari|tanggal|jam|pada|minggu)\b",
        # "Kakak bisa interview hari Kamis jam 2?", "bisa video call besok pagi?"
        r"\b(?:bisa|bersedia|sempat|available|free|luang|ada waktu)(?: nggak| tidak| gak| ga| enggak)? (?:untuk |buat )?(?:ikut |mengikuti )?(?:interview|wawancara|ngobrol|call|telepon|telpon|video call|vc|ketemu|bertemu|meet|zoom)"
        r"(?: \w+){0,2} (?:besok|lusa|hari|tanggal|jam|pukul|pada|minggu|senin|selasa|rabu|kamis|jumat|sabtu|pagi|siang|sore)\b",
    ), 0.85, unless=(r"\bterima kasih (?:atas|telah|sudah) (?:kehadiran|mengikuti|meluangkan|datang)",), name="mau ngobrol dengan kamu"),
    Rule("interview_invite", "id", (
        r"\blolos (?:ke )?(?:tahap|seleksi) (?:wawancara|interview)",
        r"\b(?:wawancara|interview) (?:via|melalui|secara|lewat) (?:zoom|google meet|online|daring|telepon|video|tatap muka|luring|offline|teams)",
    ), 0.75, name="lolos ke tahap wawancara"),
    # The interview itself has moved: "we need to postpone tomorrow's interview", "wawancara hari
    # Selasa diundur ke Kamis". LABELS.md: rescheduling an interview is an invitation, with the new
    # day as its date, or none when the new times are still to come. A delay of the results or of
    # the whole process stays still_deciding ("pengumuman hasil diundur", "all interviews are on hold").
    Rule("interview_invite", "en", (
        r"\b(?:postpon|reschedul|mov|push(?:ing|ed)? back|delay)\w* (?:your|our|the|tomorrow's|today's|this|next|(?:mon|tues|wednes|thurs|fri)day's)\b (?:[\w-]+ ){0,2}?(?:interview|call|chat|meeting|conversation|screen)\b",
        r"\b(?:interview|call|chat|meeting|conversation|screen)\b[^\n]{0,60}\b(?:has|have|had|will|needs?|is|are|'s|must) (?:to be |been |had to be |need to be |now )?(?:postponed|rescheduled|moved|pushed back|pushed out|delayed)\b",
    ), 0.85, unless=(r"\b(?:results?|decision|outcome|feedback|debrief)\b", r"\b(?:all|any|further|remaining|the) interviews\b",
                     r"\bon hold\b|\bfreeze\b|\bbudget\b|\bpaused\b", r"\b(?:if|should) you (?:need|have|want|would like|'d like) to\b",
                     r"^need to (?:reschedule|change|move|cancel)\b", r"\bif (?:you|anything)\b", r"\b(?:you can|you may|can be|click|use the link|link below)\b",
                     r"\b(?:panel|hiring|team|board|committee|internal|management|leadership|review|decision|budget|planning|wash-up) (?:meeting|call)\b"),
        name="the interview is postponed"),
    Rule("interview_invite", "id", (
        r"\b(?:wawancara|interview|jadwal (?:wawancara|interview)|sesi (?:wawancara|interview))\b[^\n]{0,60}\b(?:diundur|ditunda|dijadwal(?:kan)? ulang|dipindah(?:kan)?|di-reschedule|direschedule|"
        r"kami (?:tunda|undur|jadwalkan ulang|pindahkan)|terpaksa (?:kami )?(?:tunda|undur|dijadwal ulang)|perlu (?:dijadwal(?:kan)? ulang|diundur|ditunda|di-reschedule))\b",
        r"\b(?:mengundur|menunda|menjadwalkan ulang|menjadwal ulang|reschedule|undur|tunda|memindahkan) (?:jadwal )?(?:wawancara|interview)\b",
    ), 0.85, unless=(r"\b(?:hasil|pengumuman|keputusan)\b", r"\b(?:semua|seluruh|para) (?:wawancara|interview|proses|kandidat|peserta|pelamar)\b",
                     r"\b(?:rekrutmen|proses seleksi|lowongan|anggaran|headcount|dibekukan)\b",
                     r"\b(?:beberapa|masih ada|kandidat lain|waktu tambahan|evaluasi)\b",
                     r"\b(?:jika|apabila|bila|kalau) (?:anda|kamu|bapak|ibu)? ?(?:perlu|ingin|berhalangan|tidak bisa)\b"),
        name="wawancara diundur"),
    # ---- assessment ----------------------------------------------------------------------------
    Rule("assessment", "en", (
        r"\b(?:complete|take|finish|submit|start|begin|attempt|undertake|sit) (?:the |an |our |a |this |your |these |two |three |some |following |short |brief |required |attached )*"
        r"(?:[\w-]+ ){0,3}?(?:assessments?|tests?|challenges?|exercises?|questionnaires?|assignments?|quiz(?:zes)?|screening questions|case study|take-home|homework|evaluation)\b",
        r"\b(?:online|coding|technical|tech|skills?|aptitude|cognitive|psychometric|personality|numerical|verbal|logical|pre-employment|take-home|take home|programming|written) "
        r"(?:assessment|test|challenge|exercise|assignment|task)\b",
        r"\b(?:one-way|recorded|asynchronous|on-demand) video (?:interview|assessment)",
    ), 0.9, unless=(r"\bthank(?:s| you) for (?:completing|taking|submitting|finishing|sending)", r"\byou (?:have )?(?:successfully )?(?:completed|submitted|finished|passed|did)\b",
                    r"\bresults?\b", r"\b(?:sudah|telah) (?:kami )?(?:terima|diterima)\b", r"\breceived\b", r"\bwebinar\b|\btips\b|\btrik\b"),
        dated_label="assessment", dated_weight=0.93, name="complete the assessment"),
    Rule("assessment", "*", (
        r"\b(?:hackerrank|codility|codesignal|coderbyte|testgorilla|hirevue|devskiller|testdome|mettl|criteria corp|pymetrics|harver|codingame|vervoe|canditech)\b",
    ), 0.6, unless=(r"\bthank(?:s| you) for (?:completing|taking|submitting)", r"\bsolve more\b"), dated_label="assessment", dated_weight=0.8,
        name="a test platform"),
    Rule("assessment", "en", (
        r"\b(?:love|like|want|ask|invite) (?:for )?you to (?:do|complete|take|try|work on|tackle|prepare)\b[^\n]{0,40}\b(?:exercise|assignment|task|test|challenge|case study|take-home|brief|assessment|presentation)",
    ), 0.9, unless=(r"\bthank(?:s| you) for\b",), dated_label="assessment", dated_weight=0.93, name="we'd love you to do an exercise"),
    Rule("assessment", "en", (
        r"\b(?:a (?:couple|few) of |some |several )?(?:housekeeping|screening|pre-screening|qualifying|eligibility) questions\b",
    ), 0.8, name="housekeeping questions"),
    Rule("assessment", "en", (
        r"\b(?:next (?:step|stage)|as (?:a|the) next step)\b[^\n]{0,80}\b(?:test|assessment|exercise|challenge|questionnaire|task|assignment|take-home|case study)",
        r"\b(?:here's|here is|attached is|i've attached|please find) (?:the |your |a |our )?(?:[\w-]+ )?(?:take-home|test|assessment|exercise|challenge|brief|task|assignment|case study)",
        r"\bdeadline for (?:the |your )?(?:[\w-]+ )?(?:challenge|test|assessment|exercise|task|assignment|take-home)",
        r"\b(?:haven't|have not|not) yet (?:completed|started|finished|submitted) (?:the|your) (?:assessment|test|challenge|exercise|questionnaire)",
        r"\bcomplete your (?:on-demand |recorded |one-way |video |online )+interview\b",
        r"\b(?:assessment|test|challenge|invitation|(?:assessment|test|challenge) link)\b[^\n]{0,40}\bexpires?\b",
    ), 0.9, unless=(r"\bthank(?:s| you) for (?:completing|taking|submitting|finishing)", r"\bresults?\b",
                    r"\bpassword\b|\bsign[- ]?in\b|\blog[- ]?in\b|\bverif(?:y|ication)\b|\bunsubscribe\b"),
        dated_label="assessment", dated_weight=0.93, name="next step is a test"),
    Rule("assessment", "en", (
        r"\b(?:take-home|take home|assessments?|coding (?:test|challenge|exercise)|writing test|(?:language|skills|aptitude|personality|reasoning|excel|numerical|verbal|logic|psychometric|situational judg(?:e)?ment) (?:test|assessment|questionnaire)|"
        r"case study|technical (?:test|exercise|challenge)|questionnaire|supplementary questions|screening questions|work sample)\b",
        r"\b(?:send|return|submit) (?:it|this|them|your (?:work|answers|solution|copy|responses)) (?:back )?(?:to (?:me|us) )?(?:by|within|before)\b",
    ), 0.55, unless=(r"\bthank(?:s| you) for (?:completing|taking|submitting|finishing|attending|presenting|doing|sending)", r"\bresults?\b", r"\bhasil\b",
                     r"\btips?\b|\bprepare for\b|\bhow to\b|\bguide\b",
                     r"\b(?:passed|completed|attended|presented|received|went well)\b"),
        dated_label="assessment", dated_weight=0.7, name="a test is named"),
    Rule("assessment", "en", (
        r"\b(?:answer|respond to|reply to|fill (?:out|in)|complete|return) (?:the |these |a few |a |an |some |our |following |below |short |brief |additional )*(?:[\w-]+ ){0,2}?(?:questions|questionnaire|form)\b",
        r"\b(?:additional|more|further) (?:application )?(?:information|details) (?:is |are )?(?:required|needed)\b",
        r"\b(?:complete|finish|finali[sz]e) your (?:candidate )?(?:profile|application)\b[^\n]{0,40}\b(?:to|in order to|before|so)\b",
        r"\bbefore (?:we|the team) (?:can|are able to) (?:review|consider|process|progress|assess)\b[^\n]{0,60}\b(?:complete|upload|provide|submit|fill|answer|send)\b",
    ), 0.8, unless=(r"\bif you have\b", _QUESTIONS + r"[^\n]{0,20}\b(?:about|regarding)\b", r"\bunsubscribe\b", r"\bexpense|\breimburse|\btravel\b",
                    r"\bany (?:other |further )?questions\b", r"\bquestions you (?:may|might)\b", r"\b(?:glad|happy|pleased) to answer\b",
                    r"\b(?:answer|answering|answers) (?:all )?your (?:\w+ )?questions\b", r"\bwebinar\b|\bq&a\b|\bsurvey\b",
                    # An optional form beside an acknowledgement asks for nothing the application needs.
                    r"\b(?:equal opportunit\w*|diversity|monitoring|optional|voluntary|feedback)\b"), name="answer the questions"),
    # Documents asked for before the application can go on: "we've received your application;
    # could you send a link to your portfolio?", "your application is missing your registration
    # number". The acknowledgement around it is courtesy: the point is what the candidate must send
    # (LABELS.md, assessment: a required application step). Paperwork for a new starter is not, nor
    # "any" documents one may add, nor a request made "in the meantime" beside a decision date.
    Rule("assessment", "en", (
        r"\b(?:could|can|would) you (?:please |kindly |also )?(?:send|share|forward|upload|provide|email|reply with|attach|let us have)\b[^\n]{0,60}" + _DOCUMENTS_EN,
        r"\b(?:please|kindly) (?:also )?(?:send|share|forward|upload|provide|submit|email|attach|reply with)\b[^\n]{0,60}" + _DOCUMENTS_EN,
        r"\b(?:we|i)(?:'ll| will| would)? (?:need|require|'d need) (?:you to (?:send|upload|provide|submit|email)|a copy of|copies of|the following)\b[^\n]{0,40}" + _DOCUMENTS_EN,
        r"\b(?:is|are|'re|were) (?:still )?missing (?:your|the|a|an) (?:[\w-]+ ){0,3}?" + _DOCUMENTS_EN,
        r"\bmissing (?:your|the) (?:[\w-]+ ){0,3}?" + _DOCUMENTS_EN,
        r"\b(?:like|want|wants|asked|ask) (?:to see|for) (?:your |a |some |two |three |a few |a couple of )?(?:[\w-]+ ){0,2}?(?:portfolio|samples?|examples of your work)\b",
        r"\b(?:upload|send|provide|submit) (?:the following|these|the documents below|the requested) (?:documents|information|items)\b",
    ), 0.85, unless=(r"\bif you (?:have|would like|want|wish|'d like|need)\b", r"\bthank(?:s| you) for (?:sending|sharing|providing|uploading|the)\b",
                     r"\b(?:not|don't|no need to|never)\b", r"\b(?:to apply|apply|applications close|vacanc(?:y|ies)|opening)\b",
                     r"\b(?:in the meantime|meanwhile|while we wait)\b", r"\bany\b", r"\b(?:teams|zoom|meet|meeting|video|call|calendar|interview) (?:link|invite|invitation)\b|\bcalendar invite\b",
                     r"\b(?:received|got|have) your (?:portfolio|references|documents|samples)\b",
                     r"\b(?:onboarding|payroll|bank details|new starter|first day|start date|contract of employment|your contract)\b"),
        dated_label="assessment", dated_weight=0.93, name="send us your portfolio"),
    # Referees come near the decision, often as an aside ("we'll decide by Friday; could you also
    # send two references?"): the request decides only with its own deadline ("the next step is
    # references: could you send me two referees by Thursday?").
    Rule("assessment", "en", (
        r"\b(?:could|can|would) you (?:please |kindly |also )?(?:send|share|forward|provide|email|let us have|give me|give us)\b[^\n]{0,60}\b(?:referees?|references)\b",
        r"\b(?:please|kindly) (?:also )?(?:send|share|forward|provide|email)\b[^\n]{0,60}\b(?:referees?|references)\b",
    ), 0.6, unless=(r"\bif you (?:have|would like|want|wish|'d like|need)\b", r"\bthank(?:s| you) for\b", r"\b(?:in the meantime|meanwhile|while we wait)\b"),
        dated_label="assessment", dated_weight=0.9, name="send me two referees by Thursday"),
    # A medical check-up or a background check is a required step of the application (LABELS.md,
    # assessment), whatever words of attendance surround it.
    Rule("assessment", "id", (
        r"\b(?:lolos|lanjut|melanjutkan|diundang|mengundang|undangan|tahap)\b[^\n]{0,60}"
        r"\b(?:medical check[- ]?up|mcu|tes kesehatan|pemeriksaan kesehatan|cek kesehatan|medical test)\b",
    ), 0.97, unless=(r"\bhasil (?:mcu|medical|tes kesehatan|pemeriksaan)\b",
                     r"\b(?:sudah|telah) (?:mengikuti|menjalani|melaksanakan)\b|\bterima kasih\b",
                     r"\b(?:yang|bagi|peserta) (?:dinyatakan |yang )?(?:lolos|lulus)\b"),
        name="medical check up"),
    Rule("assessment", "en", (
        r"\b(?:background|employment|reference) (?:and (?:employment|reference) )?(?:check|screening|verification)s?\b"
        r"[^\n]{0,200}\b(?:complete|fill (?:in|out)|submit|sign|authori[sz]e)\b",
        r"\b(?:complete|fill (?:in|out)|submit|sign) (?:the |this |our |your )?(?:\w+ ){0,2}?(?:authori[sz]ation|consent|screening|verification) form\b",
        # "Could you please complete it by Friday, March 6?": a step with a deadline (dated only).
        r"\b(?:could|can|would) you (?:please |kindly )?(?:complete|fill (?:it|this|that|them) (?:in|out)|submit|sign) (?:it|this|that|them)\b",
    ), 0.6, unless=(r"\b(?:has|have) (?:been )?(?:completed|cleared|came back)\b", r"\bresults?\b"),
        dated_label="assessment", dated_weight=0.92, name="background check form"),
    Rule("assessment", "id", (
        r"\b(?:mohon|harap|silakan|tolong|bisa|boleh)\b[^\n]{0,40}\b(?:kirim(?:kan)?|berikan|sertakan|cantumkan|informasikan)\b[^\n]{0,60}\b(?:referensi|referee|pemberi referensi)\b",
    ), 0.6, unless=(r"\b(?:jika|apabila|bila|kalau)\b", r"\bterima kasih\b", r"\bsementara (?:itu|menunggu)\b"),
        dated_label="assessment", dated_weight=0.9, name="kirimkan dua referensi"),
    Rule("assessment", "id", (
        r"\b(?:mengerjakan|menyelesaikan|mengikuti|mengisi|melengkapi|selesaikan|kerjakan|ikuti|isi|lengkapi) (?:\w+ ){0,3}?"
        r"(?:tes|test|psikotes|asesmen|assessment|ujian|tugas|studi kasus|kuesioner|kuisioner|soal|formulir|form|data diri|profil|take-home|coding challenge)\b(?! wawancara)",
        r"\b(?:wawancara|interview) video (?:\()?rekaman|\bmerekam (?:video|jawaban)|\bvideo rekaman\b",
        r"\b(?:psikotes|tes (?:online|tertulis|kemampuan|teknis|potensi|kepribadian|psikologi|bahasa inggris|logika|koding|coding|bakat)|online test|asesmen online|technical test|take[- ]home)\b",
        r"\b(?:batas waktu|tenggat|deadline) (?:pengerjaan|pengumpulan|penyelesaian|pengisian)",
        r"\b(?:tahap|langkah|step)(?:-nya)? (?:berikutnya|selanjutnya)\b[^\n]{0,60}\b(?:tes|test|studi kasus|tugas|asesmen|psikotes|take-home|case study|challenge|mengerjakan)",
        r"\b(?:melengkapi|lengkapi) (?:lamaran|profil|data|formulir)\b",
        r"\b(?:jawab|menjawab|jawablah|isi|mengisi) (?:\w+ ){0,3}?pertanyaan (?:screening|seleksi|tambahan|singkat|dari (?:perusahaan|rekruter|recruiter|tim))\b",
        r"\b(?:tautan|link) (?:tes|asesmen|assessment|ujian|pengerjaan|psikotes)",
    ), 0.9, unless=(r"\bterima kasih (?:telah|sudah|atas) (?:mengerjakan|menyelesaikan|mengikuti)", r"\bhasil (?:tes|test|psikotes|asesmen|assessment|ujian|pengerjaan|take-home|take home|studi kasus|tugas)\b",
                    r"\b(?:sudah|telah) (?:kami )?(?:terima|diterima)\b",
                    r"\bwebinar\b|\btips\b|\btrik\b|\bgratis\b", r"\byang (?:dinyatakan )?(?:lolos|lulus)\b", r"\bdaftar ulang\b"),
        dated_label="assessment", dated_weight=0.93, name="mengerjakan tes"),
    Rule("assessment", "id", (
        r"\b(?:mohon|harap|silakan|tolong|dimohon|diharapkan|bisa|boleh)\b[^\n]{0,40}\b(?:kirim(?:kan)?|mengirim(?:kan)?|unggah|mengunggah|upload|sertakan|lampirkan|melampirkan|susulkan|menyusulkan)\b[^\n]{0,60}" + _DOCUMENTS_ID,
        r"\b(?:kirim(?:kan)?|unggah|lengkapi|sertakan|lampirkan) (?:dokumen|berkas|data) (?:berikut|di bawah ini|tambahan|pendukung|yang kurang)\b",
        r"\b(?:dokumen|berkas) (?:anda |kamu )?(?:masih |belum )(?:kurang|lengkap)\b|\bkekurangan (?:dokumen|berkas)\b",
    ), 0.85, unless=(r"\b(?:sudah|telah) (?:kami )?(?:terima|diterima)\b", r"\bterima kasih (?:sudah|telah|atas) (?:mengirim|melengkapi)",
                     r"\b(?:tidak|jangan|tak|tidak perlu)\b", r"\b(?:jika|apabila|bila|kalau|kalo|klo|minat)\b", r"\bsementara (?:itu|menunggu)\b", r"\b(?:lowongan|dibuka|melamar|persyaratan|kualifikasi)\b",
                     r"\blamaran (?:anda |kamu )?(?:ke|kepada|melalui|via)\b",
                     r"\b(?:onboarding|kontrak kerja|penggajian|payroll|rekening|bpjs|hari pertama|karyawan baru)\b"),
        dated_label="assessment", dated_weight=0.93, name="kirimkan dokumen berikut"),
    # ---- application received ------------------------------------------------------------------
    Rule("application_received", "en", (
        r"\b(?:we|i)(?: have|'ve)? (?:successfully |now )?(?:received|got|receive) your (?:job |online |recent )?(?:application|cv|resume|submission|candidacy)",
        r"\byour (?:job |online |recent )?(?:application|submission|cv|resume)(?: for [^\n]{0,80}?)? (?:has|have|was|is) (?:been |now )?(?:successfully )?"
        r"(?:received|submitted|sent|complete|completed|delivered|recorded|in good hands|on its way|safely with us)",
        # "We confirm receipt of your signed consent form" is a later step, not an acknowledgement.
        r"\bconfirm(?:s|ing)? (?:that )?(?:we (?:have )?received |receipt of )?(?:your |the )?(?:job |online |recent )?(?:application|cv|resume|candidacy|submission)\b",
        r"\b(?:application|submission) (?:received|confirmation|submitted|acknowledg(?:e)?ment)\b",
        r"\byou(?: have|'ve)? successfully (?:submitted (?:an|your) application|applied (?:for|to))\b",
        r"\bthank(?:s| you) for (?:submitting|sending) (?:your|an|us your) (?:application|cv|resume)",
        r"\byour (?:application|cv|resume)(?: for [^\n]{0,60}?)? (?:is in|came through|has come through|has been (?:sent|forwarded|passed) to)\b",
        r"\b(?:application|cv|resume|profile)\b[^\n]{0,40}\b(?:submitted|received) successfully\b|\bsuccessfully (?:submitted|received|applied)(?: (?:your|an|the|for|to))?(?: \w+)?(?: application| cv| resume| profile| for| to)\b",
        r"\breceived the (?:application|profile|cv|resume|details) you (?:submitted|sent)\b",
        r"\b(?:got|received|have received|are in receipt of|in receipt of) (?:your|ur|the) (?:cv|resume|application|documents|details|cover letter|portfolio)\b",
        r"\backnowledge (?:receipt|that we (?:are in receipt|have received))|\b(?:profile|cv|resume|application) has been (?:forwarded|passed|shared) (?:on )?to\b",
        r"\b(?:entry|registration|submission) (?:completed|complete|received|confirmed)\b",
        r"\b(?:application|status)(?: status)?: ?(?:in review|under review|received|submitted)\b",
    ), 0.92, unless=(r"\bif you (?:have )?(?:applied|submitted)\b",), name="we received your application"),
    Rule("application_received", "en", (
        r"\b(?:we|our (?:team|recruiters?|recruiting team|hiring team)|the (?:hiring |recruiting |recruitment )?team|a recruiter|one of our recruiters)(?:'ll| will| are| is)? "
        r"(?:now |carefully |personally |currently |be |soon )*(?:review|reviewing|assess|assessing|evaluate|evaluating|consider|considering|look(?:ing)? (?:at|over)|read|process|processing) "
        r"(?:your|all|every|each|the) (?:application|applications|profile|qualifications|cv|resume|submission|candidacy|background|experience)",
        r"\b(?:is|are) (?:now |currently )?(?:under review|being reviewed|being considered|being viewed|under consideration|in review)\b",
        r"\b(?:is|are|will be|'re|'ll be|will|'ll) (?:now |currently |carefully |personally )?(?:reviewing|assessing|evaluating|considering|looking (?:at|over)|review|assess|look at) (?:your|all|every|each) (?:application|applications|cv|resume|profile|submission)",
        r"\b(?:high|large) (?:volume|number) of (?:applications|applicants|candidates)\b",
        r"\bonly (?:shortlisted|selected|successful) (?:candidates|applicants)\b",
    ), 0.68, unless=(r"\bstill\b", r"\bremains?\b", r"\bcontinue\b",
                     # "due to the high volume of applications, our review is taking longer": a delay
                     r"\b(?:longer|delay\w*|behind|more time|slower|patience|postpone\w*)\b"), name="we will review your application"),
    Rule("application_received", "en", (
        _COND_ACK + r"[^\n]{0,120}" + _CONTACT_EN,
        _CONTACT_EN + r"[^\n]{0,60}" + _COND_ACK,
    ), 0.5, unless=(r"\bhaven't heard\b", r"\bquestions?\b", r"\bif you need\b"), name="if shortlisted we'll be in touch"),
    # "Thanks for applying" opens an acknowledgement, but also the note after an interview ("thank
    # you for applying and for taking the time to meet the panel"): a meeting in the same sentence
    # makes it a courtesy.
    Rule("application_received", "en", (
        r"\bthank(?:s| you) (?:so much |very much )?for (?:your )?(?:applying|application)\b",
    ), 0.5, unless=(_MET, r"\bapplying (?:to|for) (?:jobs|roles|positions|vacancies)\b"), name="thanks for applying"),
    # "Thank you for your interest in the role" is said at every stage, from the acknowledgement to
    # the rejection: alone it is too weak to make a status message an acknowledgement.
    Rule("application_received", "en", (
        r"\bthank(?:s| you) (?:so much |very much )?for (?:your )?interest in (?:joining|working|the|our|a career|this)",
    ), 0.4, unless=(_MET,), name="thanks for your interest"),
    Rule("application_received", "id", (
        r"\blamaran (?:anda|saudara|saudari|kamu|bapak|ibu)\b[^\n]{0,80}?\b(?:telah|sudah|berhasil) (?:kami )?(?:terima|diterima|masuk|terkirim|dikirim|kami terima|tercatat)",
        r"\b(?:kami )?(?:telah|sudah) (?:menerima|kami terima) lamaran",
        r"\bkonfirmasi (?:penerimaan )?lamaran|\blamaran (?:diterima|terkirim|berhasil dikirim|masuk)\b",
        r"\b(?:anda|kamu) (?:telah|sudah|berhasil) (?:melamar|mengirim(?:kan)? lamaran)",
        r"\b(?:lamaran|lamaranmu|berkas|berkasnya|cv|cv-nya|cv nya|dokumen|data pendaftaran|pendaftaran)\b[^\n]{0,60}?\b(?:telah|sudah|berhasil) (?:kami )?(?:terima|diterima|masuk|terkirim|dikirim|tercatat|dibuka)",
        r"\bbukti pendaftaran\b|\b(?:lamaran|lamaranmu|cv|profil|berkas)\b[^\n]{0,40}\b(?:sedang|akan) (?:di)?review\b|\b(?:sedang|akan) (?:di)?review (?:lamaran|cv|profil|berkas)\b"
        r"|\bdalam (?:review|peninjauan|proses peninjauan)\b|\bsedang ditinjau\b",
    ), 0.92, name="lamaran telah kami terima"),
    Rule("assessment", "id", (
        r"\b(?:kirim|dikirim|kumpulkan|dikumpulkan|submit|unggah|upload)(?:kan)?(?:[\w-]* ){0,4}?(?:balik|kembali)\b",
        r"\b(?:studi kasus|take-home|mockup|redesign)\b",
    ), 0.5, unless=(r"\b(?:sudah|telah) (?:kami |saya |aku )?(?:terima|diterima|lihat|baca|kami terima)\b", r"\bhasil\b", r"\bterima kasih\b", r"\bmakasih\b"),
        dated_label="assessment", dated_weight=0.85, name="kirim balik hari Senin"),
    Rule("application_received", "id", (
        r"\b(?:akan|sedang|telah) (?:kami )?(?:tinjau|meninjau|ditinjau|proses|diproses|review|direview|pelajari|mempelajari|seleksi|menyeleksi|evaluasi|mengevaluasi)\b"
        r"[^\n]{0,40}\b(?:lamaran|berkas|cv|profil|kualifikasi|setiap)",
        r"\b(?:lamaran|berkas|cv)(?: anda| kamu)? (?:akan |sedang )(?:kami )?(?:tinjau|ditinjau|proses|diproses|review|direview|pelajari|seleksi|evaluasi)",
        r"\bbanyaknya (?:lamaran|pelamar)\b|\bjumlah (?:lamaran|pelamar) yang (?:banyak|besar)",
    ), 0.68, unless=(r"\bmasih\b",), name="lamaran akan kami tinjau"),
    Rule("application_received", "id", (
        _COND_ID + r"[^\n]{0,100}" + _CONTACT_ID,
        r"\bhanya (?:kandidat|pelamar|peserta) yang[^\n]{0,60}" + _CONTACT_ID,
    ), 0.5, name="jika lolos akan dihubungi"),
    Rule("application_received", "id", (
        r"\bterima kasih (?:atas|telah|sudah|untuk) (?:lamaran|melamar|mengirim(?:kan)? lamaran|minat (?:anda|kamu)|mendaftar)",
        r"\bmakasih (?:ya )?(?:udah|sudah) (?:daftar|melamar|apply)",
    ), 0.5, name="terima kasih atas lamaran"),
    # ---- hear-back: will contact you / decision timeline ---------------------------------------
    Rule("will_contact_you", "en", (
        r"\b(?:we|i|the team|the panel|the hiring (?:team|manager|committee)|they|someone|one of us|our team|my colleague|[a-z]+ from our team)"
        r"(?:'ll| will| should| shall| expect to| hope to| aim to| plan to| intend to| are going to| am going to| will try to| will be able to| are aiming to| are hoping to|'d like to| would like to| want to) "
        r"(?:be able to |then |also |certainly |definitely |soon |promptly |shortly )?"
        r"(?:(?:make|reach|have|come to|finali[sz]e|confirm|share|announce|communicate) (?:a |an |the |our |any |my |their |your )?(?:final |real |definite )?(?:decision|answer|outcome|update|result|feedback|news|call)|"
        r"let you know|get back to you|come back to you|revert|respond|update you|"
        r"be in touch|reach out|contact you|follow up with you|touch base|circle back|keep you (?:posted|updated|informed)|inform you|notify you|get in touch|"
        r"send you|give you|provide you|let (?:every|each|all)[\w ]{0,20} know|tell you|decide)\b",
        r"\b(?:you(?:'ll| will| should| can expect to| can expect| may expect)|expect to) (?:hear|receive|get|an update|a decision|news|an answer|a response)\b",
        r"\b(?:we|i)(?:'ll| will| expect to| hope to| aim to| plan to| are going to)? (?:notify|inform|contact|update|tell|call|write to|email|let) (?:you|everyone|all (?:candidates|finalists|applicants)|each candidate|every candidate)\b",
        r"\b(?:a |the |our |final |hiring )?(?:decision|outcome|results?) (?:is |are |will be |should be )?(?:expected|due|made|reached|taken|ready|available|shared|communicated|announced)",
        r"(?:'ll|\bwill|\bshall) (?:make|reach|finali[sz]e|confirm|announce|communicate|share) (?:a |the |our |their |its |any |his |her )?(?:final )?(?:decision|selection|outcome|results?|shortlist)\b",
        r"(?:'ll|\bwill|\bshall) (?:holler at you|ping you|give you a shout|be back in touch|get back in touch)\b",
        r"(?:'ll|\bwill|\bshall) (?:be in touch|get back to you|contact you|reach out(?: to you)?|follow up with you|circle back|come back to you|let you know|update you|revert|"
        r"be contacting you|be reaching out|be getting back|email you|write to you|call you)\b",
        # The promise after another step: "we expect to wrap things up and come back to you next week".
        r"\band (?:then )?(?:we'll |i'll |will )?(?:come back to you|get back to you|let you know|be in touch|revert to you)\b",
        # The passive promise of formal mail: "the outcome will be communicated to you in due course".
        r"\b(?:will|shall) be (?:communicated|confirmed|sent|passed on|relayed|made known|notified) to you\b|\byou will be (?:notified|informed|advised|contacted) in due course\b",
    ), 0.7, unless=(_COND_ACK, _QUESTIONS, r"\b(?:please|feel free|do not hesitate|don't hesitate) (?:to )?(?:do )?(?:contact|reach|get in touch|let|call|email|ask|write|keep|send|reply)",
                    r"\b(?:we|i) (?:will|'ll) (?:have|make|give|send) you (?:an? )?(?:offer|access|link|login)"),
        dated_label="decision_timeline", dated_weight=0.86, name="we'll let you know"),
    Rule("will_contact_you", "id", (
        r"\b(?:kami|saya|tim kami|tim|pihak kami|user|manajer)? ?akan (?:segera |kembali |langsung )?(?:memberi(?:kan)?|menyampaikan|mengirim(?:kan)?|menginformasikan|mengumumkan|"
        r"mengabarkan|mengabari|menghubungi|memberitahu(?:kan)?|mengonfirmasi|mengkonfirmasi|memutuskan|mengambil keputusan|kabari)\b",
        r"\b(?:anda|kamu|setiap (?:pelamar|kandidat|peserta)|seluruh (?:kandidat|pelamar|peserta|finalis)|para (?:kandidat|pelamar|finalis|peserta)|kandidat|semua (?:kandidat|finalis|peserta))"
        r" akan (?:menerima|mendapat(?:kan)?|diberi|dihubungi|diinformasikan|dikabari|diberitahu)",
        r"\bhasil(?:nya)?(?: seleksi| wawancara| akhir| keputusan| tes)? akan (?:kami )?(?:informasikan|sampaikan|umumkan|kabarkan|kirimkan|diinformasikan|disampaikan|diumumkan|keluar)",
        r"\bkeputusan (?:akhir )?(?:akan )?(?:kami )?(?:ambil|sampaikan|umumkan|informasikan|keluar|diambil|disampaikan|diumumkan)",
        r"\bkeputusan\b[^\n]{0,40}\bakan (?:kami )?(?:ambil|sampaikan|umumkan|informasikan|kabarkan|berikan|diambil|disampaikan|diumumkan)",
        r"\b(?:kami|saya) kabari\b|\bkabar (?:selanjutnya|lebih lanjut|berikutnya)\b",
        r"\bditunggu (?:saja |aja )?(?:kabar|info|informasi)(?:nya)?\b",
        r"\b(?:informasi|kabar|hasil|hasilnya|pengumuman|keputusan)\b[^\n]{0,50}\bakan (?:kami |segera )?(?:disampaikan|diinformasikan|dikirim(?:kan)?|diumumkan|diberitahukan|dikabarkan|"
        r"informasikan|sampaikan|umumkan|kabarkan|kirimkan|beritahukan|kabari)",
    ), 0.7, unless=(_COND_ID, r"\bbelum\b", r"\bpertanyaan\b", r"\bsilakan\b"),
        dated_label="decision_timeline", dated_weight=0.86, name="akan kami kabari"),
    Rule("decision_timeline", "*", (
        r"\b(?:decision|decisions|outcome|verdict|answer|feedback|keputusan|hasil|pengumuman|kabar)\b",
    ), 0.15, unless=(r"\byour decision\b", r"\bstart", r"\bkeputusan anda\b", r"\bmulai\b",
                     r"\banswer(?:ing|s)? (?:your|any|all|some|the) (?:\w+ )?questions\b", r"\bwebinar\b"),
        dated_label="decision_timeline", dated_weight=0.8, name="a decision, dated"),
    Rule("decision_timeline", "en", (
        r"\b(?:expect|hope|aim|plan|intend)(?:s|ing)? to (?:have|make|reach|get|share|finish|complete|wrap up|conclude|close|finali[sz]e) [^\n]{0,60}\b"
        r"(?:decision|process|interviews|outcome|selection|feedback)\b",
        r"\b(?:timeline|timing) (?:for|of|on) (?:our|the|a|this) decision\b|\bdecision (?:date|timeline)\b",
    ), 0.45, dated_label="decision_timeline", dated_weight=0.86, name="decision by a date"),
    Rule("decision_timeline", "id", (
        r"\b(?:target|rencana|harapan|diharapkan|dijadwalkan)\b[^\n]{0,40}\b(?:keputusan|hasil|pengumuman)\b",
        r"\bpengumuman (?:hasil )?(?:akan|dijadwalkan|rencananya)",
    ), 0.45, dated_label="decision_timeline", dated_weight=0.86, name="pengumuman pada tanggal"),
    # A decision promised for a part of a month or week, however vague: "a decision in early April",
    # "hasilnya diumumkan awal bulan depan". The point of the message is when; the key date stays
    # null when the period names no day (LABELS.md).
    Rule("decision_timeline", "en", (
        r"\b(?:decision|decisions|outcome|answer|news|verdict|results?|feedback)\b[^\n]{0,50}\b(?:(?:in|by|around|towards?|at|during|for) (?:the )?)?"
        r"(?:early|mid|mid-|middle of|late|later|end of|beginning of|start of|first half of|second half of|first week of|last week of) ?"
        r"(?:next month|next week|the month|the year|next year|this month|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])\b",
    ), 0.8, unless=(r"\byour (?:decision|answer)\b", r"\bstart", r"\bif\b"), name="a decision in early April"),
    Rule("decision_timeline", "id", (
        r"\b(?:keputusan|hasil|hasilnya|pengumuman|kabar|kabarnya|memutuskan|diputuskan|diumumkan)\b[^\n]{0,70}\b(?:awal|pertengahan|akhir|minggu (?:pertama|kedua|ketiga|terakhir)(?: di)?) "
        r"(?:bulan depan|bulan ini|minggu depan|pekan depan|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|tahun)\b",
    ), 0.8, unless=(r"\bkeputusan (?:anda|kamu)\b", r"\bmulai\b", r"\b(?:jika|apabila|kalau)\b"), name="hasil diumumkan awal bulan depan"),
    # ---- still deciding ------------------------------------------------------------------------
    Rule("still_deciding", "en", (
        r"\bstill (?:in the (?:middle of|process of)|reviewing|evaluating|assessing|considering|finali[sz]ing|deciding|"
        r"waiting|working through|gathering|collecting|going through|finishing|completing|awaiting|discussing|deliberating|in discussions|in progress|ongoing)",
        r"\b(?:haven't|hasn't|have not|has not|not yet|yet to)(?: yet)? (?:made|reached|come to|taken|make|reach|finali[sz]ed?|decided|been able to (?:make|reach))\b(?: (?:a|our|the|any|final) ?(?:final )?decision)?",
        r"\bdecision (?:has|have|is|was) (?:not|n't) (?:yet )?(?:been )?(?:made|reached|final)|\bno (?:final )?decision (?:has been|yet|is)\b",
        r"\b(?:taking|take|taken|took|will take) (?:a (?:bit|little) |slightly |much |a lot |somewhat )?longer than (?:expected|anticipated|planned|we (?:hoped|expected|anticipated|planned))",
        r"\b(?:we|i|they|the (?:team|panel|client|committee|hiring manager))(?: still)? (?:need|needs|needed|require|requires|will need|have asked for|asked for) (?:a (?:bit|little) |some |a few (?:more )?(?:days|weeks) |)?(?:more|additional|extra) time\b",
        r"\b(?:process|decision|timeline|hiring|search|role|position|requisition|recruitment)(?: has| is| was| have)? (?:been |now |currently |temporarily )?(?:delayed|pushed back|postponed|paused|on hold|slowed|frozen)",
        r"\b(?:put|placed) (?:the |this )?(?:role|position|search|hiring|process|requisition)? ?on hold\b|\bhiring freeze\b",
        r"\bno (?:news|update|decision) (?:yet|to share)\b|\bnothing (?:to share|new to report|has been decided|decided) yet\b",
        r"\b(?:still|remain|remains) (?:under (?:consideration|review)|in (?:the running|consideration|the process|our pipeline|contention))",
        r"\bwaiting (?:on|for) (?:feedback|approval|sign-off|an answer|a decision|budget|final approval|the (?:hiring manager|panel|team|budget|client|board|outcome|results?))",
        r"\b(?:has|have|had) been (?:paused|put on hold|postponed|delayed|suspended|frozen|pushed back)\b|\b(?:paused|suspended|froze|frozen) (?:all )?(?:recruitment|hiring)\b",
        r"\bno (?:appointment|final decision|offer|decision|selection) (?:has|have) (?:yet )?been (?:made|reached)",
        r"\b(?:things|everything|it|this|the process|our process|our side)(?: are| is|'re|'s| have been| has been)? (?:a (?:bit|little) |slightly |running )?(?:delayed|behind schedule|running behind|slower than|taking longer)\b",
        r"\b(?:put|placed) (?:a )?(?:temporary |short )?(?:hold|pause|freeze) on\b|\bon hold\b|\bhiring freeze\b|\bheadcount freeze\b",
        r"(?:can't|cannot|can not|unable to|not able to) (?:make|commit|tell|give you|confirm|share|decide)[^\n]{0,50}\b(?:until|yet|just yet|at the moment|right now)\b",
        r"\b(?:isn't|is not|not yet|hasn't been|has not been) (?:yet )?(?:settled|finali[sz]ed|decided|confirmed)\b",
        r"\b(?:has|have) not (?:yet )?(?:concluded|finished|completed|reached) (?:its|their|our|the)\b",
        r"\bremains? under (?:active |careful )?(?:consideration|review)\b",
        r"\bstill (?:thinking|deciding|weighing|mulling|figuring)\b|\b(?:don't|do not|didn't|haven't) (?:decide|know|have an answer) yet\b|\bnot decided yet\b",
        r"\buntil\b[^\n]{0,60}(?:cannot|can't|unable to|won't be able to|not able to) (?:make|commit|decide|confirm|give|offer)",
        # Other ways of saying nothing is settled: "we don't have a decision yet", "nothing has been
        # decided".
        r"\b(?:don't|do not|haven't|have not|doesn't|does not) (?:yet )?have (?:a|an|any) (?:final )?(?:decision|answer|outcome|verdict)(?: for you)? (?:yet|just yet)\b",
        r"\bnothing (?:has been|is|'s) (?:yet )?(?:decided|final|settled|confirmed)\b",
        # The search itself waits: "we've had to postpone interviews for the role until the budget is signed off".
        r"\b(?:postpon|paus|suspend|delay|freez|froze)\w* (?:all |any |the |our |further |remaining )?(?:interviews|recruitment|hiring|the process|the search|the recruitment)\b",
    ), 0.85, unless=(r"\bif you (?:are|have|need|'re)\b",), name="still interviewing"),
    Rule(STILL_MEETING, "en", (
        r"\bstill (?:interviewing|meeting|(?:speaking|talking) (?:to|with) (?:other|a few|some|two|three|the other|candidates)|to meet|have (?:a few|some|two|three|more|other) candidates)\b",
        r"\b(?:have|has) (?:a few |some |several |two |three |other )?(?:finalists|candidates) (?:still )?in (?:process|the process|play|the pipeline)\b",
        r"\b(?:continuing|continue|continues) (?:to (?:meet|interview|speak|talk)|meeting|interviewing|speaking|talking) (?:with |to )?(?:other |more |a few |some |the remaining |final )?(?:candidates|applicants|finalists)\b",
        # Others still to be seen: "the panel still has two candidates to see".
        r"\bstill (?:has|have|got|needs? to (?:see|meet|interview)) (?:a few |a couple of |one |two |three |four |\d |some |other |more )*(?:other |more )?(?:candidates|people|applicants|finalists|interviews)\b",
        r"\b(?:one|two|three|four|a few|a couple of|\d) (?:more|other) (?:candidates|applicants|finalists|interviews) (?:to (?:see|meet|interview|go)|lined up|scheduled|left|this week|next week|to speak)",
    ), 0.85, unless=(r"\bif you (?:are|have|need|'re)\b",), name="others still to meet"),
    Rule("still_deciding", "en", (
        # The date first promised has slipped: the news is the delay, even when a new date follows.
        r"\b(?:i|we) (?:know (?:i|we) |did |had )?(?:said|promised|told you|hoped|had hoped|planned|meant|expected|were hoping|was hoping|aimed)\b"
        r"[^\n]{0,60}\b(?:this week|today|by now|yesterday|earlier|sooner|last week|by (?:mon|tues|wednes|thurs|fri)day|on (?:mon|tues|wednes|thurs|fri)day)\b[^\n]{0,80}"
        r"(?:\bbut\b|-|\bsorry\b|\bafraid\b|\bslipp|\bnot going to\b|\bwon't\b|\bunfortunately\b|\bhaven't\b|\bdelay)",
        r"\bsorry[^\n]{0,15}\b(?:i|we) (?:know (?:i|we) )?(?:said|promised|told you)\b",
        r"\b(?:has|have|'s|had|that) slipped\b|\bmoving the goalposts\b|\bbehind (?:our )?(?:schedule|plan)\b",
        r"\b(?:need|needs|needed|will need|asked for) (?:another|one more|a further|an extra|a couple more|a few more) (?:week|weeks|days|couple of (?:days|weeks))\b",
        r"\b(?:haven't|have not|hasn't|has not|weren't|were not) (?:yet )?been able to (?:sit down|meet|get together|debrief|compare notes|decide|finish|complete|conclude|align)\b",
        # The meeting that decides has moved: "our final debrief has had to move".
        r"\b(?:debrief|panel|committee|decision meeting|review meeting|wash-up|calibration)\b[^\n]{0,30}\b(?:has|have|had) (?:had to |been )?(?:move|moved|rescheduled|pushed (?:back|out)|postponed)\b",
    ), 0.85, unless=(r"\bif you (?:are|have|need|'re)\b", r"\byour (?:availability|schedule)\b"), name="the date slipped"),
    Rule("still_deciding", "id", (
        r"\bmasih (?:dalam (?:proses|tahap)|berlangsung|berjalan|diproses)\b",
    ), 0.6, name="masih berjalan"),
    Rule("still_deciding", "id", (
        r"\bmasih (?:meninjau|mempertimbangkan|menunggu|melakukan|memproses|menyelesaikan|mengevaluasi|menimbang|"
        r"berdiskusi|membahas|mempelajari|menyeleksi)",
        r"\b(?:keputusan|hasil)(?: akhir)? (?:masih )?belum\b|\bbelum (?:dapat |bisa )?(?:kami )?(?:ambil|putuskan|memutuskan|diputuskan|ada keputusan|mengambil keputusan|bisa memutuskan)",
        r"\b(?:keputusan|hasil)\b[^\n]{0,60}\bbelum (?:dapat |bisa )?(?:kami )?(?:sampaikan|berikan|informasikan|umumkan|diambil|keluar|ada)",
        r"\b(?:ditunda|tertunda|diundur|dibekukan|ditangguhkan|on hold|lebih lama dari(?: yang)? (?:rencana|direncanakan|perkiraan|dijadwalkan|seharusnya|biasanya))",
        r"\b(?:waktu tambahan|tambahan waktu)|\bmembutuhkan waktu (?:lebih|tambahan)",
        r"\bmohon maaf atas (?:keterlambatan|waktu tunggu|penundaan|lamanya)",
        r"\b(?:saya|kami) (?:sebelumnya |sempat |kemarin |tadinya )?(?:bilang|janji|berjanji|menjanjikan|sampaikan|menyampaikan|infokan|menginformasikan|targetkan|menargetkan)\b"
        r"[^\n]{0,60}\b(?:minggu ini|pekan ini|hari ini|kemarin|sebelumnya|senin|selasa|rabu|kamis|jumat)\b[^\n]{0,80}\b(?:tapi|namun|ternyata|mundur|maaf|belum)\b",
        r"\b(?:butuh|membutuhkan|perlu|memerlukan) (?:waktu )?(?:seminggu|satu minggu|sepekan|satu pekan|beberapa hari|dua minggu) lagi\b|\bmundur (?:lagi|dari jadwal|dari rencana)\b",
        r"\bbelum (?:sempat|bisa) (?:berkumpul|bertemu|rapat|duduk bersama|diskusi|berdiskusi)\b",
    ), 0.85, unless=(r"\bjika\b[^\n]{0,30}\bbelum\b",
                     r"\b(?:tidak|tak) (?:dapat|bisa|boleh|akan) (?:di)?(?:tunda|undur|jadwal ulang)",),
       name="masih dalam proses"),
    Rule(STILL_MEETING, "id", (
        r"\bmasih (?:mewawancarai|ada (?:beberapa )?kandidat)",
        r"\bmasih ada (?:\w+ )?(?:kandidat|calon|pelamar|peserta)\b",
        r"\bmasih (?:mau |ingin |akan |perlu |harus )?(?:lihat|melihat|ketemu|bertemu|interview|wawancara|mewawancarai|trial|tes|ngobrol) (?:dengan |sama )?(?:\w+ ){0,2}(?:kandidat|calon|pelamar)\b",
        r"\b(?:satu|dua|tiga|empat|beberapa|\d) (?:kandidat|calon|pelamar|finalis) lagi\b",
    ), 0.85, name="masih ada kandidat lain"),
    Rule("still_deciding", "en", (r"\bthank(?:s| you) for (?:your|being so) patien(?:ce|t)\b",), 0.3, name="thanks for your patience"),
    Rule("still_deciding", "id", (r"\bkesabaran\b",), 0.3, name="kesabaran"),
    # ---- about someone else's hiring -----------------------------------------------------------
    Rule(ASIDE, "en", (
        r"\byou(?:'ve| have)? been (?:added|invited|assigned|scheduled|booked|selected) (?:as|to be) (?:an? |the )?(?:\w+ )?interviewer\b",
        r"\byou(?:'re| are) (?:on|part of|joining) (?:the|an|our|this) (?:\w+ )?(?:interview|hiring|debrief) (?:panel|loop|committee)\b",
        r"\b(?:submit|complete|fill in|fill out|send|enter|upload|share) (?:your|the|my)? ?(?:interview )?(?:scorecard|interview feedback form|interviewer feedback|interview notes|candidate evaluation)\b",
        r"\b(?:scorecard|interview kit|interviewer guide|interviewer training)\b",
        r"\bplease (?:review|read) the candidate'?s? (?:cv|resume|profile|portfolio)\b",
        r"\b(?:act|serve|agreed|agree|willing) (?:as|to (?:be|act as|serve as)) (?:a |their |her |his )?(?:referee|reference)\b(?! for you)|\breference (?:check )?(?:for|on|about) (?:your )?(?:former|ex-|previous)",
        r"\bhow did (?:the|your|it|today|yesterday|the final|the second|the first)(?: \w+){0,3} go\b|\bhow(?:'d| did) it go\b|\btell me everything\b",
        # A friend passing on an opening: "my company is hiring, I can refer you". A recruiter never
        # refers; an employee does.
        r"\b(?:i can|i could|i'd be happy to|happy to|want me to|i'll|let me|i will|should i|i'd love to) (?:\w+ )?refer you\b",
    ), 0.9, name="you are the interviewer"),
    Rule(ASIDE, "id", (
        r"\b(?:anda|kamu) (?:telah |sudah )?(?:ditunjuk|ditugaskan|dijadwalkan|terpilih|dimasukkan) (?:sebagai|menjadi) (?:salah satu )?(?:pewawancara|interviewer|panel)\b",
        r"\b(?:isi|mengisi|isikan|kirim|kirimkan|lengkapi|melengkapi) (?:form(?:ulir)? )?(?:penilaian kandidat|scorecard|lembar penilaian|form penilaian)\b",
        r"\b(?:gimana|bagaimana|gmn|gmana) (?:hasil |tadi |kemarin )?(?:interview|wawancara|tes|test|final)(?:nya)?\b|\b(?:interview|wawancara)(?:nya)? (?:gimana|bagaimana|gmn)\b",
        r"\b(?:menjadi|sebagai|jadi) (?:referensi|referee|pemberi referensi) (?:untuk|bagi)\b",
    ), 0.9, name="anda sebagai pewawancara"),
    # A receipt: the user paid for something (a CV rewrite, a mock interview, a test-prep course).
    # An employer never charges a candidate, so however many interview words follow, the user is a
    # customer here, not a candidate.
    Rule(ASIDE, "en", (
        r"\b(?:your )?receipt (?:#|no\b|number\b|from\b)|\btotal (?:paid|charged)\b|\bamount (?:paid|charged)\b",
        r"\b(?:price|fee|amount|total)\s*:?\s*(?:us|au|s)?[$£€]\s?\d[\d,.]*\s*\(?(?:paid|charged)\b",
        r"\bpayment (?:received|confirmed|successful|was successful)\b|\bthank(?:s| you) for your (?:purchase|order|payment)\b",
        r"\border (?:#|no\b|number\b)|\binvoice (?:#|no\b|number\b)",
    ), 0.9, name="a receipt"),
    Rule(ASIDE, "id", (
        r"\bpembayaran (?:anda |kamu )?(?:berhasil|sukses|diterima|telah (?:kami )?(?:terima|diterima)|sudah (?:kami )?(?:terima|diterima))\b",
        r"\b(?:kuitansi|kwitansi)\b|\bbukti (?:pembayaran|transaksi)\b|\btotal (?:bayar|pembayaran|tagihan|dibayar)\b|\binv/\d",
        r"\bterima kasih (?:atas|untuk|sudah) (?:pembelian|pembayaran|pesanan)\b",
    ), 0.9, name="pembayaran berhasil"),
    # ---- other ---------------------------------------------------------------------------------
    Rule("other", "en", (
        r"\bjob alert|\bjobs? (?:for you|matching your|that match|you may (?:be interested in|like)|recommended for you|based on your)|\brecommended jobs\b|\b\d+\+? new jobs?\b|\bsimilar jobs\b|\bnew jobs? (?:for|near|in)\b",
        # A job board's suggestions after an application: "because you applied to X, you may like these roles".
        r"\b(?:jobs?|roles?|positions?|openings?|vacanc(?:y|ies)|opportunities) (?:that )?you (?:may|might) (?:also )?(?:be interested in|like|want to apply)\b"
        r"|\byou (?:may|might) (?:also )?(?:be interested in|like) (?:these|the following|some|similar|other)(?: [\w-]+)? (?:jobs|roles|positions|openings|vacancies|opportunities)\b"
        r"|\b(?:because|since) you (?:recently )?applied (?:to|for)\b[^\n]{0,80}\b(?:you (?:may|might) (?:also )?(?:like|be interested)|"
        r"we think you(?:'d| would| might) (?:like|be interested)|(?:similar|these|more|other) (?:jobs|roles|positions|openings|vacancies))\b",
        # The user's own withdrawal, confirmed: "withdrawn as you requested".
        # The user's own account: a data request, a saved profile.
        r"\brequest to (?:delete|remove|erase|export|access) your (?:candidate |personal )?(?:data|information|profile|account)\b|\bdata (?:deletion|removal|erasure|subject access) request\b"
        r"|\byour changes have been saved\b|\bthank(?:s| you) for updating your (?:candidate )?(?:profile|details|preferences)\b",
        # Applying to an event is not applying to a job.
        r"\b(?:application|registration|applying|entry) (?:to|for) (?:the |our |this year's )?(?:[\w-]+ ){0,3}?(?:hackathon|conference|competition|scholarship|bootcamp|meetup|festival|award|summit|game jam)\b",
        r"\b\d+ (?:applications?|jobs?) (?:submitted|sent|viewed|applied)\b|\byour (?:weekly |monthly )?(?:application|job search) (?:summary|activity|recap)\b|\bkeep track of (?:all )?your applications\b",
        r"\bwithdrawn (?:as|at) (?:you |your )?request(?:ed)?\b|\b(?:as|per) (?:you |your )?request(?:ed)?\b[^\n]{0,80}\bwithdrawn\b|\byou(?: have|'ve)? (?:successfully )?withdrawn your (?:application|candidacy)\b|\bwithdrawal (?:confirmed|confirmation|request received)\b",
        r"\b(?:verification|security|one-time|confirmation) (?:code|pin|passcode)|\breset your password\b|\bpassword (?:reset|change)|\bverify your (?:email|account)|\bsign-in attempt\b|\blog-?in (?:attempt|alert)",
        r"\byour order\b|\border (?:#|number|confirmation)\b|\bhas (?:been )?shipped\b|\bout for delivery\b|\bpayment (?:received|confirmation)\b|\byour receipt\b",
        r"\b(?:viewed|appeared in) (?:your profile|\d+ searches)\b|\bwho(?:'s)? viewed your profile\b",
        r"\b(?:thank(?:s| you) for (?:joining|registering|signing up)(?: (?:for|to|with))?|welcome to|you(?:'ve| have) (?:joined|registered|signed up)(?: (?:for|to|with))?) (?:our |the )?(?:[\w-]+ )?talent (?:community|network|pool)\b",
        # An event the user signed up for: a careers fair, an open day, a webinar.
        r"\b(?:thank(?:s| you) for (?:registering|signing up|your registration)|you(?:'re| are) (?:registered|signed up|on the (?:guest )?list)|registration (?:is )?confirmed|your (?:ticket|spot|place|seat) (?:is|has been)? ?(?:confirmed|reserved|attached)?)\b"
        r"[^\n]{0,80}\b(?:event|career(?:s)? (?:day|fair|event|evening)|job fair|fair|webinar|meetup|meet-up|open (?:day|house|evening)|session|workshop|conference|ticket)\b",
        # A survey about the hiring process asks for an opinion, not for a step of the application.
        r"\b(?:candidate|applicant|application|recruitment|hiring) (?:experience )?survey\b|\bhow (?:was|did) (?:your|the) (?:application|candidate|hiring|recruitment) (?:experience|process)\b"
        r"|\b(?:take|start|complete|fill (?:in|out)) (?:our|the|this|a) (?:short |quick |brief |\d+-minute |anonymous )?survey\b",
    ), 0.88, name="job alert"),
    # A short thank-you for something the user shared ("Thanks, great read!") answers, but
    # promises nothing. Not decisive: a "we'll be in touch" beside it is still the point.
    # A recruiter handing the candidate over to a colleague (leave, a new role, a reorganisation):
    # news about who writes next, not about the application. Below DECISIVE: a handover that
    # also invites, decides or dates something is read for that.
    Rule("other", "en", (
        r"\b(?:i(?:'m| am| will be| have been)|we(?:'re| are)) (?:now )?handing (?:you|your application|your candidacy|this|things|the process) over to\b",
        r"\b(?:my|our) (?:colleague|teammate|team ?mate|co-?worker|fellow recruiter)\b[^.\n]{0,60}\b(?:will|is going to|'ll) (?:be )?(?:tak(?:e|ing) over|pick(?:ing)? (?:it|this|things) up|look(?:ing)? after you|be your (?:new )?(?:point of )?contact)\b",
        r"\b(?:will|'ll) be your (?:new )?(?:main |primary )?(?:point of )?contact (?:from now on|going forward|while i(?:'m| am) away|in my absence)\b",
        r"\bplease (?:direct|send|address) (?:any|all|your) (?:further |future )?(?:questions|correspondence|emails?)\b[^.\n]{0,40}\bto my colleague\b",
    ), 0.7, name="handover"),
    Rule("other", "id", (
        r"\b(?:akan |selanjutnya )?(?:dibantu|dilanjutkan|ditangani|dihandle|dipegang|diteruskan) oleh (?:rekan|kolega|tim) saya\b",
        r"\b(?:proses|rekrutmen|lamaran)[^.\n]{0,60}\b(?:dibantu|dilanjutkan|ditangani|dihandle|dipegang) oleh (?:rekan|kolega|mbak|mas|bapak|ibu|pak|bu)\b",
        r"\b(?:silakan|mohon) (?:menghubungi|berkoordinasi dengan|kontak) (?:rekan|kolega) saya\b",
        r"\bsaya (?:serahkan|alihkan|teruskan) (?:ke|kepada) (?:beliau|rekan|kolega)\b",
    ), 0.7, name="serah terima"),
    Rule("other", "en", (
        r"\b(?:great|good|interesting|fascinating|fun|excellent|nice|really (?:good|interesting|great)) (?:read|article|piece|post|find|write-?up)\b",
        r"\bthank(?:s| you) (?:\w+ )?for (?:sharing|sending|passing along|forwarding) (?:this|that|the) (?:\w+ )?"
        r"(?:article|piece|blog post|write-?up|podcast|talk|paper)\b",
        r"\benjoyed reading (?:it|this|that|the)\b",
    ), 0.6, name="great read"),
    Rule("other", "id", (
        r"\b(?:artikel|tulisan|bacaan|tautan|link)(?:nya)? (?:yang )?(?:sangat |cukup |menarik sekali|bagus sekali)?(?:menarik|bagus|keren|bermanfaat)\b",
        r"\bterima kasih (?:sudah|telah|atas|untuk) (?:berbagi|membagikan|mengirimkan|mengirim|share)(?:nya)? (?:artikel|tulisan|tautan|link|bacaan)\b",
    ), 0.6, name="artikel menarik"),
    Rule("other", "en", (
        r"\bunsubscribe\b|\bemail preferences\b|\bmanage (?:your )?(?:alerts|notifications|subscriptions)\b",
        r"\bnewsletter\b|\bwebinar\b|\bapply now\b|\bview (?:all )?jobs\b|\bsee (?:all |more )?jobs\b|\bearly applicant\b",
    ), 0.45, name="newsletter"),
    Rule("other", "id", (
        r"\blowongan (?:baru|terbaru|pekerjaan terbaru|yang (?:sesuai|cocok|mungkin))|\bnotifikasi (?:lowongan|pekerjaan)|\brekomendasi (?:lowongan|pekerjaan)|\b\d+ lowongan\b",
        r"\b(?:mungkin )?(?:kamu|anda) (?:juga )?(?:tertarik|suka|cocok) (?:dengan|pada|untuk) (?:lowongan|posisi|pekerjaan)(?: lain| berikut| serupa)?\b|\blowongan (?:serupa|lain yang mungkin)\b",
        r"\bkata sandi\b|\bkode (?:verifikasi|otp|keamanan)\b|\bverifikasi (?:email|akun)\b",
        r"\bpesanan anda\b|\bpembayaran (?:berhasil|diterima)\b",
        # An event the user signed up for: a job fair, a webinar, a class.
        r"\b(?:terima kasih (?:sudah|telah|atas) (?:mendaftar|pendaftaran|registrasi)|pendaftaran (?:anda|kamu) (?:berhasil|terkonfirmasi|dikonfirmasi)|tiket (?:anda|kamu))\b"
        r"[^\n]{0,80}\b(?:job fair|bursa kerja|webinar|acara|event|seminar|workshop|kelas|career day|expo|pameran|tiket)\b",
    ), 0.88, name="lowongan terbaru"),
    Rule("other", "id", (
        r"\bberhenti berlangganan\b|\bhentikan notifikasi\b|\bpengaturan (?:akun|notifikasi)\b|\bbuletin\b|\bwebinar\b|\blamar sekarang\b",
    ), 0.45, name="berhenti berlangganan"),
]


@dataclass(frozen=True)
class Signal:
    """A tone worth showing beside the next step ("positive": a green light; "cooling")."""

    name: str
    language: str
    pattern: str
    regex: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "regex", re.compile(self.pattern))


SIGNALS: list[Signal] = [
    Signal("positive", "en", r"\b(?:we were|i was|everyone was|the team was) (?:very |really |all |so |genuinely )?impressed|\bimpressed (?:with|by)\b|"
           r"\benjoyed (?:meeting|speaking|talking|our|the|getting)|\bkeep (?:us|me) posted\b|\bgreat (?:conversation|chat|call|interview)\b|"
           r"\b(?:strong|excellent|great|impressive) candidate\b|\b(?:really|very much) (?:liked|enjoyed)\b|\bone of the best\b|\bappreciated how\b|\bwent (?:really |very )?well\b"),
    Signal("positive", "id", r"\bterkesan\b|\bsangat (?:menarik|baik|senang|terkesan)\b|\bkabari (?:kami|saya)\b|\bkami senang\b|\btertarik dengan\b|\bberjalan (?:dengan )?(?:baik|lancar)\b"),
    Signal("cooling", "en", r"\bunfortunately\b|\bother candidates\b|\bdelay(?:ed|s)?\b|\bon hold\b|\bnot (?:yet )?in a position\b|\bslower\b"),
    Signal("cooling", "id", r"\bmohon maaf\b|\bkandidat lain\b|\bditunda\b|\btertunda\b|\bwaktu tunggu\b"),
]

_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                            "\u2013": "-", "\u2014": "-", "\u2011": "-"})
_SPACES = re.compile(r"\s+")


def normalise(sentence: str) -> str:
    """The form rules read: lower case, straight quotes, one space between words.

    >>> normalise("We\u2019ll  be\\nin touch")
    "we'll be in touch"
    """
    return _SPACES.sub(" ", sentence.translate(_NORMALISE)).strip().lower()


def rules_for(language: str) -> list[Rule]:
    """The rules that read `language`, in precedence order of the list."""
    return [r for r in RULES if r.language in (language, "*")]


def match_rules(sentences: list[str], language: str, *, skip_shared: bool = False) -> list[Hit]:
    """Every (rule, sentence) match, rule by rule in list order; `sentences` are already
    `normalise`d. `skip_shared` leaves out the rules that read every language ("*").

    A rule's patterns are searched over the joined text, not sentence by sentence, and only
    those whose required literals the text holds: a message has ten or more sentences, the rule
    list a few hundred patterns, and most patterns do not apply to most mail.

    >>> [h.index for h in match_rules(["hello.", "your application has been received."], "en")]
    [1]
    """
    text = "\n".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    present = _literals_of_rules().found(text)
    return _matcher(language).match(sentences, text, starts, present, skip_shared)


def find_signals(sentences: list[str], language: str) -> list[str]:
    """The tones found, in a stable order ("positive" before "cooling").

    >>> find_signals(["we were impressed with your portfolio."], "en")
    ['positive']
    """
    text = "\n".join(sentences)
    found = []
    for sig in SIGNALS:
        if sig.language == language and sig.name not in found and sig.regex.search(text):
            found.append(sig.name)
    return found
