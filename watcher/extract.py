"""Who wrote, for which employer and role: the names a follow-up draft needs.

The employer is never an applicant-tracking relay: "Orrery Payments via Skillcheck" is Orrery
Payments, and mail from greenhouse.io or myworkday.com says nothing about who is hiring.

>>> from types import SimpleNamespace as NS
>>> mail = NS(sender_name="Orrery Payments via Skillcheck", sender="no-reply@skillcheck.example",
...           subject="Orrery Payments invites you to a coding assessment", signature="")
>>> p = read_people(mail, "Thank you for your interest in the Backend Engineer, Ledger role at Orrery Payments.", "en")
>>> p.company, p.role, p.recruiter_name
('Orrery Payments', 'Backend Engineer, Ledger', None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class People:
    company: str | None
    role: str | None
    recruiter_name: str | None


# Applicant-tracking systems, job boards and mail providers: their names are never the employer.
RELAY_DOMAINS = frozenset("""
greenhouse greenhouse-mail lever hire workday myworkday myworkdayjobs smartrecruiters icims jobvite ashbyhq
ashby taleo oracle successfactors bamboohr workable recruitee teamtailor personio breezy jazzhr
hackerrank codility codesignal hirevue indeed linkedin glints kalibrr jobstreet ziprecruiter glassdoor
gmail googlemail yahoo outlook hotmail live icloud proton protonmail mail calendly skillcheck
""".split())
_TEAM_WORDS = (r"careers?|recruiting|recruitment|recruiters?|talent(?: acquisition| team| partners?)?|hr|human resources|"
               r"hiring(?: team)?|jobs|people(?: team| ops)?|team|rekrutmen|tim|karier|karir|notifications?|no-?reply|"
               r"noreply|do not reply|campus|staffing|acquisition|sdm|hrd|talenta|personalia|people & culture|people and culture|"
               r"department|dept|panitia|office|desk")
_TEAM = re.compile(rf"\b(?:{_TEAM_WORDS})\b", re.I)
_LEADING_TEAM = re.compile(rf"^(?:(?:the|tim|team)\s+)?(?:(?:{_TEAM_WORDS})\s+)+(?:(?:at|of|di|@|-|–|\||,)\s+)?", re.I)
_TRAILING_TEAM = re.compile(rf"(?:\s+(?:at|of|-|\||,))?(?:\s+(?:{_TEAM_WORDS}))+$", re.I)
_ORG_WORDS = re.compile(r"\b(?:pt|cv|tbk|ltd|llc|inc|gmbh|group|labs?|company|corp|bank|foods?|media|studio|"
                        r"partners|solutions|systems|technologies|tech|university|hospital|agency|consulting|"
                        r"research|global|international|holdings|services|payments|health|capital|ventures|events|books|store|shop|"
                        r"cafe|restaurant|hotel|school|academy|clinic|logistics)\b", re.I)
_NAME_WORD = re.compile(r"^[A-Z][a-z'\u00c0-\u017f-]+$|^[A-Z]\.?$")
_SIGN_OFF = re.compile(r"^(?:best|best regards|kind regards|regards|warm regards|many thanks|thanks|thank you|cheers|"
                       r"sincerely|yours sincerely|best wishes|all the best|salam|hormat (?:kami|saya)|terima kasih|"
                       r"salam hangat|wassalam)\b.*,?$", re.I)


# Mailboxes of a team, not of a person: "Fjordlight Events <events@...>" is no one's name.
_GENERIC_MAILBOX = re.compile(r"^(?:events?|info|hello|hi|team|jobs?|careers?|hr|recruit\w*|talent|hiring|people|"
                              r"no-?reply|notifications?|orders?|support|admin|office|contact|news\w*|marketing|"
                              r"karier|karir|rekrutmen|lowongan|sdm|hrd)\b")
_TITLES = re.compile(r"^(?:prof|dr|mr|mrs|ms|mx|miss|sir|bapak|ibu|pak|bu|sdr|sdri)\.?\s+", re.I)


def _looks_like_person(name: str, address: str = "") -> bool:
    """ "Greta Lindqvist" yes; "Harrowgate Medical Research Careers", "JalurKarier" no."""
    name = _TITLES.sub("", name)
    words = name.split()
    if not 1 <= len(words) <= 4 or _TEAM.search(name) or _ORG_WORDS.search(name):
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    local = address.split("@")[0].lower()
    if local and any(len(w) > 2 and w.lower() in local for w in words):
        return True
    if local and _GENERIC_MAILBOX.match(local):
        return False
    return len(words) >= 2


def _company_from_name(name: str) -> str | None:
    name = name.strip().strip('"')
    if " via " in name:
        name = name.split(" via ")[0]
    if " @ " in name:  # "Mo @ Bramble Cafe": a person at the employer
        name = name.split(" @ ", 1)[1]
    pt = re.search(r"\b(?:PT|CV)\.? [A-Z].*$", name)  # "Rekrutmen PT Bumi Tirta" -> "PT Bumi Tirta"
    if pt:
        name = pt.group(0)
    stripped = _TRAILING_TEAM.sub("", _LEADING_TEAM.sub("", name)).strip(" -|,")
    return stripped or None


def _company_from_domain(address: str) -> str | None:
    domain = address.split("@")[-1].lower()
    parts = [p for p in domain.split(".") if p]
    if len(parts) < 2:
        return None
    core = parts[-2] if parts[-2] not in ("co", "com", "ac", "or", "go") or len(parts) < 3 else parts[-3]
    if core in RELAY_DOMAINS or any(p in RELAY_DOMAINS for p in parts[:-1]):
        return None
    if "-" not in core and len(core) > 12:
        return None  # "asuransiandalan": the words cannot be told apart, better no name than a wrong one
    return " ".join(w.capitalize() for w in re.split(r"[-_]", core) if w) or None


def _signature_lines(parsed, body: str) -> list[str]:
    sig = getattr(parsed, "signature", "") or ""
    lines = [l.strip() for l in (body.strip().splitlines()[-6:] + sig.splitlines()) if l.strip()]
    return lines


_SMALL_WORDS = frozenset("& and of de the for di dan".split())
_JOB_WORD = re.compile(r"\b(?:engineer|manager|analyst|developer|designer|specialist|officer|assistant|coordinator|lead|"
                       r"director|consultant|intern|associate|staff|staf|scientist|editor|writer|supervisor|executive|"
                       r"administrator|admin|accountant|nurse|teacher|technician|representative|agent|operator|planner|"
                       r"architect|head|chef|cook|barista|driver|clerk|trainee|programmer|marketing|sales|"
                       r"kepala|pengajar|perawat|guru|akuntan|programmer|kasir)s?\b", re.I)


def _company_from_signature(lines: list[str], person: str | None) -> str | None:
    for i, line in enumerate(lines):
        # "Associate, Northmoor Architects" / "HR Manager, PT Kawi Sentosa Media"
        m = re.match(r"^[A-Z][\w&/ .-]{1,50},\s+((?:PT\.? )?[A-Z][\w&.' -]{2,60})$", line)
        if m and not _SIGN_OFF.match(line) and (person is None or person not in line):
            company = m.group(1).strip()
            # "Associate, Northmoor Architects", not "Whatever the result, I'll call you first".
            if all(w[:1].isupper() or w[:1].isdigit() or w in _SMALL_WORDS for w in company.split()):
                return company
    return None


_ROLE_TEXT = [
    re.compile(r"\b(?:for|to|in|of) (?:the|our|your|this) (?:position|role|post|job|vacancy|opening) of ([A-Z][^\n.;()]{2,60}?)(?=[.;,(]| at | in | with |$)"),
    re.compile(r"\b(?:for|to|in|about|on) (?:the|our|your|this|a|an) ([A-Z][\w&/+#.-]*(?:,? [A-Z0-9][\w&/+#.-]*){0,6}) (?:role|position|job|opening|vacancy|post)\b"),
    re.compile(r"\b(?i:posisi) ([A-Z][\w&/+#-]*(?: [A-Z0-9][\w&/+#-]*){0,6})"),
]
_ROLE_SUBJECT = re.compile(
    r"^(?:re: |fwd?: )*(?:[^:]{0,60}(?:application|received|interview|confirmed|invitation|next steps|update|offer|"
    r"lamaran|undangan|wawancara|hasil|perkembangan|posisi|assessment)[^:]{0,30}): (?P<after>[^:]{3,80})$|"
    r"^(?:re: |fwd?: )*(?P<before>[A-Z][^:]{2,60}): [a-z].*$", re.I)


def _clean_role(role: str) -> str | None:
    role = re.sub(r"\s*\((?:ref|req|job|id)\b[^)]*\)?\s*$", "", role, flags=re.I)
    role = re.sub(r"\s+", " ", role).strip(" -:,.")
    return role or None


def _role(subject: str, body: str) -> str | None:
    flat = re.sub(r"\s+", " ", body)
    for text in (flat, subject or ""):
        for pattern in _ROLE_TEXT:
            m = pattern.search(text)
            if m and _plausible_role(m.group(1)):
                return _clean_role(m.group(1))
    m = _ROLE_SUBJECT.match(subject or "")
    if m:
        role = _clean_role(m.group("after") or m.group("before") or "")
        job_like = _JOB_WORD.search(role or "") or re.search(r"(?:er|or|ist|ant|ent|ive|ian|ee)s?$", role or "", re.I)
        if role and job_like and _plausible_role(role):
            return role
    return None


def _plausible_role(role: str) -> bool:
    """A job title has words and balanced brackets: not "TFR/25/071)"."""
    return bool(re.search(r"[A-Za-z]{3}", role)) and role.count("(") == role.count(")")


def _company_from_text(body: str) -> str | None:
    flat = re.sub(r"\s+", " ", body)
    m = re.search(r"\b(?:role|position|job|opening|vacancy|posisi [^,.]{2,40}?|here|to join|team) (?:at|with|di) ((?:PT\.? )?[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4})", flat)
    if m:
        return m.group(1).rstrip(".")
    m = re.search(r"\b(?:On behalf of|bergabung dengan|interest in joining|interest in|minat (?:anda )?(?:untuk bergabung )?(?:dengan|di)) ((?:PT\.? )?[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4})", flat)
    if m:
        return m.group(1).rstrip(".")
    return None


def read_people(parsed, body: str, language: str = "en") -> People:
    """Company, role and the recruiter's name, each None when the mail does not say."""
    name = (getattr(parsed, "sender_name", "") or "").strip().strip('"')
    address = (getattr(parsed, "sender", "") or "").lower()
    subject = getattr(parsed, "subject", "") or ""
    lines = _signature_lines(parsed, body)
    person = name if name and " via " not in name and _looks_like_person(name, address) else None
    if person is None:
        for i, line in enumerate(lines[:-1]):
            if _SIGN_OFF.match(line) and _looks_like_person(lines[i + 1]) and len(lines[i + 1].split()) >= 2:
                person = lines[i + 1]
                break
    company = None
    if name and not (person and name == person):
        company = _company_from_name(name)
        if company and _looks_like_person(company, address):
            company = None
    company = (company or _company_from_signature(lines, person) or _company_from_text(body)
               or _company_from_domain(address))
    if person:
        person = _TITLES.sub("", person).strip() or None
    return People(company=company, role=_role(subject, body), recruiter_name=person)
