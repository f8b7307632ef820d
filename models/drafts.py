"""Ready-to-send drafts for every step, in the thread's language (English or Indonesian).

Each draft is personalised with the recruiter's name, the role, the company and what they said.
Check-in 3 asks for variety, so its templates rotate: an article to share, an event (webcast or
seminar), a short update of the user's own (CHECKINS.md, row 3).
"""
from __future__ import annotations

import re
from datetime import date

from .message import Application, language_of

ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")
ID_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day(d: date | None, lang: str) -> str:
    if d is None:
        return ""
    if lang == "id":
        return f"{ID_DAYS[d.weekday()]}, {d.day} {ID_MONTHS[d.month - 1]}"
    return f"{EN_DAYS[d.weekday()]} {d.day} {EN_MONTHS[d.month - 1]}"  # not strftime: no locale


TEMPLATES = {
    "en": {
        "send_thank_you": (
            "Thank you: {subject_topic}",
            "Hi {name},\n\nThank you for taking the time to talk with me {when_interview}about {the_role}. "
            "I especially enjoyed our conversation about [a topic from the interview], and it got me thinking "
            "about [an idea for their team].\n\nEverything I heard about how the team works at {company} made me "
            "even more excited about the role, and I'd be glad to contribute.\n\nThank you again,\n{me}",
        ),
        "follow_up": (
            "Re: {subject}",
            "Hi {name},\n\nI hope you're well. {opening} Is there any news on the decision, or anything else I "
            "can send to help?\n\nI'm still very interested in joining {company}.\n\nBest regards,\n{me}",
        ),
        "stay_in_touch": [
            (
                "Re: {subject}",
                "Hi {name},\n\nI came across this article and thought of our conversation about {the_role}: "
                "[link to an article relevant to {company}'s work]. [One line on why it is relevant.]\n\n"
                "I'm still very interested in the role and happy to help with anything you need.\n\n"
                "Best regards,\n{me}",
            ),
            (
                "Re: {subject}",
                "Hi {name},\n\nI just attended [a webcast or seminar in your industry], and [a point from it] "
                "made me think of the challenges we discussed for {the_role} at {company}.\n\n"
                "I'd love to hear how things are progressing on your side, whenever it suits you.\n\n"
                "Best regards,\n{me}",
            ),
            (
                "Re: {subject}",
                "Hi {name},\n\nA short update since we last spoke: [something new you did or learned, relevant "
                "to the role]. It made me even keener on {the_role} at {company}.\n\n"
                "Is there any news on your side, or anything I can send to help?\n\nBest regards,\n{me}",
            ),
        ],
        "send_final_thanks": (
            "Re: {subject}",
            "Hi {name},\n\nThank you for letting me know, and for the time you and the team gave me during the "
            "process for {the_role}. I enjoyed learning about {company}.\n\nIf you have a moment, I'd be "
            "grateful for any feedback that could help me grow. I'd welcome the chance to be considered for "
            "future roles, and I hope our paths cross again.\n\nWith best wishes,\n{me}",
        ),
        "prepare_for_interview": (
            "Re: {subject}",
            "Hi {name},\n\nThank you for the invitation to interview for {the_role}. {slot_line}"
            "I'm looking forward to it.\n\nBest regards,\n{me}",
        ),
        "complete_assessment": (
            "Re: {subject}",
            "Hi {name},\n\nThank you for sending the assessment for {the_role}. I'll complete it by "
            "{due_day}. Could you let me know if there's anything I should keep in mind?\n\nBest regards,\n{me}",
        ),
        "respond_to_offer": (
            "Re: {subject}",
            "Hi {name},\n\nThank you very much for the offer for {the_role} at {company}; I'm delighted. "
            "I'll come back to you with my answer by {due_day}. [Questions about the terms, if any.]\n\n"
            "Best regards,\n{me}",
        ),
    },
    "id": {
        "send_thank_you": (
            "Terima kasih: {subject_topic}",
            "Halo {name},\n\nTerima kasih atas waktu dan kesempatan wawancara {when_interview}untuk {the_role}. "
            "Saya sangat menikmati diskusi kita tentang [topik dari wawancara], dan saya jadi terpikir tentang "
            "[ide untuk tim].\n\nSemua yang saya dengar tentang cara kerja tim di {company} membuat saya semakin "
            "bersemangat untuk bergabung.\n\nTerima kasih sekali lagi.\n\nSalam,\n{me}",
        ),
        "follow_up": (
            "Re: {subject}",
            "Halo {name},\n\nSemoga Anda dalam keadaan baik. {opening} Apakah sudah ada kabar, atau ada hal lain "
            "yang bisa saya kirimkan?\n\nSaya masih sangat tertarik untuk bergabung dengan {company}.\n\n"
            "Salam,\n{me}",
        ),
        "stay_in_touch": [
            (
                "Re: {subject}",
                "Halo {name},\n\nSaya menemukan artikel ini dan teringat percakapan kita tentang {the_role}: "
                "[tautan artikel yang relevan dengan bidang {company}]. [Satu kalimat mengapa relevan.]\n\n"
                "Saya masih sangat tertarik dengan posisi ini dan siap membantu bila ada yang dibutuhkan.\n\n"
                "Salam,\n{me}",
            ),
            (
                "Re: {subject}",
                "Halo {name},\n\nSaya baru saja mengikuti [webinar atau seminar di bidang Anda], dan [satu poin "
                "dari acara itu] mengingatkan saya pada tantangan yang kita bahas untuk {the_role} di "
                "{company}.\n\nSaya senang sekali bila bisa mendengar perkembangan dari pihak Anda.\n\n"
                "Salam,\n{me}",
            ),
            (
                "Re: {subject}",
                "Halo {name},\n\nSekadar kabar singkat sejak percakapan kita: [hal baru yang Anda kerjakan atau "
                "pelajari, yang relevan dengan posisi]. Hal ini membuat saya semakin tertarik dengan "
                "{the_role} di {company}.\n\nApakah sudah ada kabar dari pihak Anda?\n\nSalam,\n{me}",
            ),
        ],
        "send_final_thanks": (
            "Re: {subject}",
            "Halo {name},\n\nTerima kasih atas kabarnya, serta atas waktu yang Anda dan tim berikan selama proses "
            "seleksi {the_role}. Saya senang bisa mengenal {company} lebih dekat.\n\nBila berkenan, saya akan "
            "sangat menghargai masukan yang bisa membantu saya berkembang. Saya juga akan senang dipertimbangkan "
            "untuk posisi lain di masa mendatang.\n\nSalam hangat,\n{me}",
        ),
        "prepare_for_interview": (
            "Re: {subject}",
            "Halo {name},\n\nTerima kasih atas undangan wawancara untuk {the_role}. {slot_line}"
            "Saya menantikan pertemuan kita.\n\nSalam,\n{me}",
        ),
        "complete_assessment": (
            "Re: {subject}",
            "Halo {name},\n\nTerima kasih telah mengirimkan tes untuk {the_role}. Saya akan menyelesaikannya "
            "paling lambat {due_day}. Apakah ada hal yang perlu saya perhatikan?\n\nSalam,\n{me}",
        ),
        "respond_to_offer": (
            "Re: {subject}",
            "Halo {name},\n\nTerima kasih banyak atas penawaran kerja untuk {the_role} di {company}; saya "
            "sangat senang menerimanya. Saya akan memberikan jawaban paling lambat {due_day}. "
            "[Pertanyaan tentang ketentuan, bila ada.]\n\nSalam,\n{me}",
        ),
    },
}

# How a follow-up opens: after a check-in they asked for (4), a date they named (2), or neither.
OPENINGS = {
    "en": {
        4: "You asked me to follow up if I hadn't heard from you by {day}, so I'm checking in on {the_role}.",
        2: "You mentioned you hoped to have news by {day}, so I wanted to check in on {the_role}.",
        None: "I wanted to check in on {the_role}.",
    },
    "id": {
        4: "Anda sempat meminta saya menghubungi kembali bila belum ada kabar hingga {day}, jadi saya ingin "
           "menanyakan perkembangan proses seleksi untuk {the_role}.",
        2: "Anda sempat menyampaikan bahwa kabar diharapkan sudah ada pada {day}, jadi saya ingin menanyakan "
           "perkembangan proses seleksi untuk {the_role}.",
        None: "Saya ingin menanyakan perkembangan proses seleksi untuk {the_role}.",
    },
}
_POSISI = re.compile(r"^posisi\s+", re.I)
_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|balas|tr)\s*:\s*)+", re.I)


def _first_name(name: str | None) -> str | None:
    if not name:
        return None
    words = [w for w in re.split(r"\s+", name.strip()) if w and not w.endswith(".")]
    return words[0] if words else None


def _when_we_spoke(step, lang: str) -> str:
    """"this morning " for a thank-you sent on the interview's day, else "yesterday "."""
    if step.action != "send_thank_you" or step.named_date is None or step.due is None:
        return ""
    if step.named_date == step.due:
        return "tadi pagi " if lang == "id" else "this morning "
    return "kemarin " if lang == "id" else "yesterday "


def draft_for(step, app: Application, thread):
    """The draft of `step` for `app`, or None for steps that send nothing.

    `thread` is the policy's view of the application (it knows the user's time zone and how many
    follow-ups were sent, which picks the stay-in-touch template).
    """
    from .policy import Draft, followups_sent

    timeline = thread.messages
    lang = "id" if language_of(timeline) == "id" else "en"
    template = TEMPLATES[lang].get(step.action)
    if template is None:
        return None
    if isinstance(template, list):
        template = template[followups_sent(thread) % len(template)]
    inbound = [m for m in timeline if m.is_inbound]
    latest = inbound[-1] if inbound else None
    person = app.recruiter_name or next((m.recruiter_name for m in reversed(inbound) if m.recruiter_name), None)
    name = _first_name(person) or ("Bapak/Ibu" if lang == "id" else "there")
    if lang == "id":
        the_role = "posisi " + _POSISI.sub("", app.role) if app.role else "posisi ini"
    else:
        the_role = f"the {app.role} role" if app.role else "the role"
    company = app.company or ("perusahaan Anda" if lang == "id" else "your company")
    subject = _REPLY_PREFIX.sub("", latest.subject if latest else "") or (app.role or "")
    opening = OPENINGS[lang][step.checkin if step.action == "follow_up" and step.named_date else None]
    fields = {
        "name": name,
        "the_role": the_role,
        "company": company,
        "subject": subject or ("Lamaran" if lang == "id" else "My application"),
        "subject_topic": app.role or ("wawancara" if lang == "id" else "our interview"),
        "when_interview": _when_we_spoke(step, lang),
        "opening": opening.format(day=_day(step.named_date, lang), the_role=the_role),
        "slot_line": ("Saya akan hadir sesuai jadwal. " if lang == "id" else "I confirm the time. ")
        if step.due else ("Berikut waktu yang sesuai untuk saya: [pilihan waktu]. " if lang == "id"
                          else "These times suit me: [your availability]. "),
        "due_day": _day(step.due, lang) or ("tenggat yang diberikan" if lang == "id" else "the deadline"),
        "me": "[Nama Anda]" if lang == "id" else "[Your name]",
    }
    body = template[1]
    return Draft(subject=template[0].format(**fields), body=body.format(**fields))
