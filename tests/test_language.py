"""detect_language: English or Indonesian, decided on the new text."""
import pytest

from watcher import language
from watcher.language import detect_language


@pytest.mark.parametrize("text,expected", [
    ("Thank you for applying. We will review your application and be in touch.", "en"),
    ("Terima kasih atas lamaran Anda. Kami akan meninjau dan menghubungi Anda.", "id"),
    ("Halo Putri, jadwal interview kamu hari Senin jam 10 ya, via Zoom.", "id"),
    ("Hi Budi, the interview is confirmed for Monday at 10am.", "en"),
    ("", "en"),
    ("12345 !!! ---", "en"),
])
def test_detects_the_language(text, expected):
    assert detect_language(text) == expected


def test_clear_text_does_not_load_the_model():
    language._identifier = None
    detect_language("Dengan berat hati kami sampaikan bahwa Anda belum dapat melanjutkan ke tahap berikutnya.")
    assert language._identifier is None


def test_short_mixed_text_asks_the_model_and_stays_in_en_or_id():
    assert detect_language("Interview besok?") in ("en", "id")
