"""Which language an email is written in: English ("en") or Indonesian ("id").

Most recruiter mail is plainly one or the other, and a count of each language's commonest
function words settles it at once. Only short or mixed text goes to py3langid (restricted to
en/id), whose model takes most of a second to load, so a cold `nextstep classify one.eml` on
ordinary mail never pays for it.

>>> detect_language("Terima kasih atas lamaran Anda untuk posisi ini.")
'id'
>>> detect_language("Thank you for applying to the role.")
'en'
"""
from __future__ import annotations

import re

LANGUAGES = ("en", "id")

# Function words that are frequent in one language and (nearly) absent from the other.
_ID_WORDS = frozenset("""
yang dan untuk dengan kami anda ini itu tidak akan dari pada dalam atas terima kasih sudah telah
belum bisa dapat kepada saya kita jika kalau silakan mohon karena juga atau hari posisi lamaran
bapak ibu saudara kabar selamat tahap sebagai sampai bahwa adalah tersebut sesuai kembali lebih
melalui agar serta namun oleh setelah masih waktu hormat salam berikut segera perusahaan
di ke ada apakah boleh buat sama nanti lagi sebentar besok minggu
gak nggak enggak ga aja saja udah aku kamu kak kakak makasih dong sih kok deh nih yuk gimana
""".split())
# The words of chat-style Indonesian ("lagi open to work gak kak?", "cv nya udah aku terima ya")
# are in the list above too: a recruiter writing casually mixes in English nouns, not English
# function words.
_EN_WORDS = frozenset("""
the and to of you your we for with is are this that our will have be on at thank thanks please
would if it as an from about us me my can could should been has was were not any all who which
what when next team role position application regards best dear hi hello
""".split())
_WORD = re.compile(r"[a-z]+")

_identifier = None


def _word_votes(text: str) -> tuple[int, int]:
    id_votes = en_votes = 0
    for word in _WORD.findall(text.lower()):
        if word in _ID_WORDS:
            id_votes += 1
        elif word in _EN_WORDS:
            en_votes += 1
    return id_votes, en_votes


def _langid(text: str) -> str:
    """py3langid's answer, restricted to en/id; the model is loaded once, on first need."""
    global _identifier
    if _identifier is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        _identifier.set_languages(list(LANGUAGES))
    return _identifier.classify(text)[0]


def detect_language(text: str, default: str = "en") -> str:
    """Return "en" or "id" for `text` (the new text of an email, with its subject).

    >>> detect_language("")
    'en'
    >>> detect_language("Kalau sampai hari Selasa belum ada kabar, silakan hubungi saya.")
    'id'
    """
    if not text or not text.strip():
        return default
    id_votes, en_votes = _word_votes(text)
    if id_votes >= 3 and id_votes >= 2 * en_votes:
        return "id"
    if en_votes >= 3 and en_votes >= 2 * id_votes:
        return "en"
    if id_votes + en_votes == 0 and not re.search(r"[A-Za-z]{3}", text):
        return default
    try:
        return _langid(text[:4000])
    except Exception:  # a broken model file must not stop the reading of mail
        return "id" if id_votes > en_votes else default
