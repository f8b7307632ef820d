"""watcher.replies: new text vs quoted history vs signature, English and Indonesian."""
import pytest

from watcher.replies import ReplyParts, split_reply


def test_empty_text():
    assert split_reply("") == ReplyParts("", "", "")
    assert split_reply("  \n\n ") == ReplyParts("", "", "")


def test_plain_message_is_all_new_text():
    text = "Hi Alex,\n\nWe received your application and will review it within 5 business days."
    assert split_reply(text) == ReplyParts(text, "", "")


def test_gmail_attribution_wrapped_over_two_lines():
    text = ("Sounds good.\n\nOn Tue, May 14, 2024 at 9:03 AM Alex Rivera <alex@example.com>\n"
            "wrote:\n\n> Is Monday OK?\n")
    parts = split_reply(text)
    assert parts.new_text == "Sounds good."
    assert parts.quoted_text.startswith("On Tue, May 14, 2024")
    assert parts.quoted_text.endswith("> Is Monday OK?")


def test_indonesian_attribution():
    text = ("Baik, sampai jumpa hari Senin.\n\nPada tanggal Rab, 19 Jun 2024 pukul 16.20 "
            "Rangga <rangga@example.com> menulis:\n> Apakah bisa hari Senin?")
    parts = split_reply(text)
    assert parts.new_text == "Baik, sampai jumpa hari Senin."
    assert "Apakah bisa" in parts.quoted_text


def test_indonesian_attribution_without_tanggal():
    parts = split_reply("Oke.\n\nPada Sen, 6 Jan 2025 10.00, Budi menulis:\n> Halo")
    assert parts.new_text == "Oke."
    assert parts.quoted_text.startswith("Pada Sen")


def test_bare_attribution_without_date():
    parts = split_reply("Noted.\n\nJane Doe <jane@example.com> wrote:\n> hi")
    assert parts.new_text == "Noted."
    assert parts.quoted_text.startswith("Jane Doe")


def test_sentence_starting_with_on_is_not_an_attribution():
    text = "On Monday we will send you the contract.\nPlease sign it by Friday."
    assert split_reply(text).new_text == text


@pytest.mark.parametrize("marker", ["-----Original Message-----", "----- Original Message -----",
                                    "-----Pesan Asli-----"])
def test_original_message_marker(marker):
    parts = split_reply(f"Please see below.\n\n{marker}\nFrom: a@b.example\nOld text")
    assert parts.new_text == "Please see below."
    assert parts.quoted_text.startswith(marker)


def test_outlook_header_block_english():
    text = ("We'd like to move forward.\n\nFrom: Alex Rivera <alex@example.com>\n"
            "Sent: Monday, June 3, 2024 10:15 AM\nTo: Priya <priya@example.com>\n"
            "Subject: Status\n\nAny news?")
    parts = split_reply(text)
    assert parts.new_text == "We'd like to move forward."
    assert parts.quoted_text.endswith("Any news?")


def test_outlook_header_block_indonesian_with_rule_and_bold():
    text = ("Terima kasih, kami akan mengabari Anda minggu depan.\n\n"
            "________________________________\n*Dari:* Budi <budi@example.co.id>\n"
            "*Dikirim:* Senin, 10 Juni 2024 09.12\n*Kepada:* Sari <sari@example.co.id>\n"
            "*Perihal:* Status lamaran\n\nSelamat pagi Bu Sari")
    parts = split_reply(text)
    assert parts.new_text == "Terima kasih, kami akan mengabari Anda minggu depan."
    assert parts.quoted_text.startswith("________________________________\n*Dari:*")


def test_a_from_line_alone_is_not_a_header_block():
    text = "From: the hiring team at Quanta\n\nWe'd love to talk next week."
    assert split_reply(text).new_text == text


def test_inline_quoted_lines_are_set_aside():
    text = "> Can you do Tuesday?\nYes, Tuesday 10am works.\n> And bring ID?\nSure."
    parts = split_reply(text)
    assert parts.new_text == "Yes, Tuesday 10am works.\nSure."
    assert parts.quoted_text == "> Can you do Tuesday?\n> And bring ID?"


def test_dash_dash_signature():
    parts = split_reply("See you Monday.\n\n-- \nRina Putri\nPT Maju\n+62 812 555 0101")
    assert parts.new_text == "See you Monday."
    assert parts.signature == "--\nRina Putri\nPT Maju\n+62 812 555 0101"


@pytest.mark.parametrize("line", ["Sent from my iPhone", "Sent from my Galaxy",
                                  "Get Outlook for Android", "Dikirim dari iPhone saya",
                                  "Dikirim dari Yahoo Mail di Android"])
def test_mobile_signatures(line):
    parts = split_reply(f"Yes, that works for me.\n\n{line}")
    assert parts.new_text == "Yes, that works for me."
    assert parts.signature == line


@pytest.mark.parametrize("sign_off", ["Best regards,", "Kind regards,", "Regards,", "Best,",
                                      "Thanks,", "Cheers,", "Sincerely,", "Salam,",
                                      "Hormat kami,", "Salam hangat,", "Terima kasih,"])
def test_sign_off_with_name_and_title(sign_off):
    text = f"Hi Alex,\n\nWe'll decide by Friday.\n\n{sign_off}\nMaya Chen\nSenior Recruiter | Brightloop"
    parts = split_reply(text)
    assert parts.new_text == "Hi Alex,\n\nWe'll decide by Friday."
    assert parts.signature.startswith(sign_off)
    assert parts.signature.endswith("Senior Recruiter | Brightloop")


def test_regards_inside_a_sentence_does_not_cut():
    text = ("With regards to your question, the role is hybrid.\n\nWe send our regards to the team."
            "\nKind regards to you all, we will decide next week.")
    assert split_reply(text).new_text == text


def test_thank_you_as_a_sentence_does_not_cut():
    text = "Hi Jane,\n\nThank you!\n\nWe would like to invite you to interview on Monday."
    assert split_reply(text).new_text == text
    text = "Halo Budi,\n\nTerima kasih.\nKami ingin mengundang Anda wawancara pada hari Kamis."
    assert split_reply(text).new_text == text


def test_sign_off_followed_by_prose_is_not_a_signature():
    text = ("Hi,\n\nRegards,\nWe will get back to you within two weeks after the panel has met.")
    assert split_reply(text).new_text == text


def test_the_first_line_is_never_a_signature():
    assert split_reply("Thanks,\nMaya").new_text == "Thanks,\nMaya"


def test_legal_footer_english():
    text = ("We are pleased to offer you the role.\n\nThis email and any attachments are "
            "confidential and intended solely\nfor the addressee. If you are not the intended "
            "recipient, delete it.\n\nP.S. see you soon")
    parts = split_reply(text)
    assert "confidential" not in parts.new_text
    assert "intended solely" in parts.signature
    assert "We are pleased to offer you the role." in parts.new_text


def test_legal_footer_indonesian():
    text = ("Kami akan menghubungi Anda paling lambat hari Jumat.\n\nEmail ini bersifat rahasia "
            "dan hanya ditujukan untuk penerima yang dimaksud.")
    parts = split_reply(text)
    assert parts.new_text == "Kami akan menghubungi Anda paling lambat hari Jumat."
    assert "rahasia" in parts.signature


def test_do_not_reply_sentence_goes_but_its_paragraph_stays():
    text = "Please do not reply to this email. We will contact you by Friday, 12 July."
    parts = split_reply(text)
    assert parts.new_text == "We will contact you by Friday, 12 July."
    assert parts.signature == "Please do not reply to this email."


@pytest.mark.parametrize("line", ["Unsubscribe | Privacy Policy", "© 2024 Lumen Health, Inc.",
                                  "Mohon tidak membalas email ini.",
                                  "Email ini dikirim secara otomatis.",
                                  "You are receiving this email because you applied on our site."])
def test_boilerplate_lines(line):
    parts = split_reply(f"Your interview is on Monday 10:00.\n\n{line}")
    assert parts.new_text == "Your interview is on Monday 10:00."
    assert line in parts.signature


def test_gmail_forward_keeps_forwarded_content():
    text = ("FYI\n\n---------- Forwarded message ---------\nFrom: Sam <sam@quanta.example>\n"
            "Date: Wed, Jul 24, 2024 at 3:05 PM\nSubject: Interview\nTo: Jordan <j@example.net>\n"
            "\n\nHi Alex, can you do Tuesday?\n\nThanks,\nSam\n\nOn Tue, Jul 23, 2024 at 9:00 AM "
            "Alex <alex@example.com> wrote:\n> I applied last week.")
    parts = split_reply(text)
    assert parts.new_text == "FYI\n\nHi Alex, can you do Tuesday?"
    assert parts.quoted_text.startswith("---------- Forwarded message ---------\nFrom: Sam")
    assert "> I applied last week." in parts.quoted_text
    assert parts.signature == "Thanks,\nSam"


@pytest.mark.parametrize("marker", ["Begin forwarded message:",
                                    "---------- Pesan yang diteruskan ---------",
                                    "---------- Pesan terusan ---------"])
def test_other_forward_markers(marker):
    text = f"{marker}\n\nFrom: HR <hr@x.example>\nSubject: Tes online\n\nSilakan kerjakan tes ini."
    parts = split_reply(text)
    assert parts.new_text == "Silakan kerjakan tes ini."
    assert marker in parts.quoted_text


def test_forward_inside_quoted_history_stays_quoted():
    text = ("Thanks!\n\nOn Mon, 1 Jul 2024 at 10:00 Jo <jo@x.example> wrote:\n"
            "> ---------- Forwarded message ---------\n> From: a@b.example\n> hello")
    parts = split_reply(text)
    assert parts.new_text == "Thanks!"
    assert "hello" in parts.quoted_text


def test_many_sign_off_lines_are_read_quickly_and_sensibly():
    text = "Hello\n" + "Regards,\n" * 200000
    parts = split_reply(text)
    assert parts.new_text.startswith("Hello")
    assert parts.signature


def test_text_beyond_the_limit_is_quoted_history():
    from watcher.replies import MAX_CHARS

    text = "We will call you on Monday.\n" + ("filler line\n" * (MAX_CHARS // 6))
    parts = split_reply(text)
    assert parts.new_text.startswith("We will call you on Monday.")
    assert len(parts.new_text) <= MAX_CHARS
    assert parts.quoted_text.endswith("filler line")


def test_bottom_posted_reply_under_the_quote():
    text = ("On Mon, 6 Jan 2025 at 10:00, Budi <budi@example.com> wrote:\n> Can we meet?\n> Budi\n"
            "\nYes, Tuesday 10am works.\n\nRegards,\nRina")
    parts = split_reply(text)
    assert parts.new_text == "Yes, Tuesday 10am works."
    assert parts.quoted_text == ("On Mon, 6 Jan 2025 at 10:00, Budi <budi@example.com> wrote:\n"
                                 "> Can we meet?\n> Budi")
    assert parts.signature == "Regards,\nRina"


def test_signature_under_the_quote_is_not_new_text():
    text = ("Thanks!\n\nOn Mon, 6 Jan 2025 at 10:00, Budi <budi@example.com> wrote:\n> Can we meet?"
            "\n\n-- \nSent from Yahoo Mail")
    parts = split_reply(text)
    assert parts.new_text == "Thanks!"
    assert "Sent from Yahoo Mail" in parts.signature


def test_attribution_without_quote_marks_cuts_everything_below():
    text = "Noted.\n\nOn Mon, 6 Jan 2025 at 10:00, Budi <budi@example.com> wrote:\nCan we meet?"
    parts = split_reply(text)
    assert parts.new_text == "Noted."
    assert parts.quoted_text.endswith("Can we meet?")


@pytest.mark.parametrize("line", ["Thanks, Maya", "Cheers, Sam Ortiz", "Salam, Rina",
                                  "Terima kasih, Dewi Lestari"])
def test_sign_off_and_name_on_one_line(line):
    parts = split_reply(f"Hi Alex,\n\nThe panel meets on Thursday.\n\n{line}\nRecruiter")
    assert parts.new_text == "Hi Alex,\n\nThe panel meets on Thursday."
    assert parts.signature == f"{line}\nRecruiter"


def test_thanks_followed_by_lowercase_words_is_a_sentence():
    text = "Hi Alex,\n\nThanks, see you Monday"
    assert split_reply(text).new_text == text


def test_boilerplate_found_on_any_line_after_unicode_lowercasing():
    # "İ" lower-cases to two characters: line numbers must still point at the right line.
    text = "İİİ Halo Budi, kami undang wawancara.\nİ\nPlease do not reply to this email.\nSampai jumpa."
    parts = split_reply(text)
    assert "Please do not reply" in parts.signature
    assert "Please do not reply" not in parts.new_text
    assert "Sampai jumpa." in parts.new_text


def test_interview_and_manager_lines_are_not_boilerplate():
    text = "Your interview with the hiring manager is on Friday.\nView the schedule in the portal."
    parts = split_reply(text)
    assert parts.new_text == text
    assert parts.signature == ""


def test_boilerplate_spelled_with_unicode_case_variants_is_still_found():
    # Case-insensitive matching reads the long s "ſ" as "s": such a line is still searched.
    parts = split_reply("See you Monday.\nEmails are sent weekly. To unſubscribe click here.")
    assert parts.new_text == "See you Monday.\nEmails are sent weekly."
    assert "unſubscribe" in parts.signature
