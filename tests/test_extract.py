"""read_people: employer, role and recruiter name, never an ATS relay, never a sentence."""
from types import SimpleNamespace as NS

import pytest

from watcher.extract import _spaced, _trim_name, read_people


def people(sender_name, sender, body="", subject="", signature=""):
    return read_people(NS(sender_name=sender_name, sender=sender, subject=subject, signature=signature), body)


# (display name, address, subject, body, signature, expected company)
COMPANIES = [
    # relays send for the employer
    ("Orrery Payments via Skillcheck", "no-reply@skillcheck.example", "", "", "", "Orrery Payments"),
    ("Marlpit Foods via Greenhouse", "no-reply@us.greenhouse-mail.io", "Thanks for applying to Marlpit Foods!",
     "", "", "Marlpit Foods"),
    ("Quenby Studio via CodeTrial", "noreply@codetrial-mail.example", "Quenby Studio has invited you to a test",
     "", "", "Quenby Studio"),
    ("", "no-reply@greenhouse.example.io", "", "", "", None),
    # team words around the employer
    ("Harrowgate Medical Research Careers", "careers-noreply@harrowgate-mr.example", "", "", "", "Harrowgate Medical Research"),
    ("Tim Talenta PT Sentra Karya Biru", "talenta@sentrakaryabiru.example", "", "", "", "PT Sentra Karya Biru"),
    ("Recruit Team at Lumora Hotels", "lumora@candidates.example", "", "", "", "Lumora Hotels"),
    ("Graduate Careers - Ashcombe Kell", "grad@ashcombekell.example", "", "", "", "Ashcombe Kell"),
    ("Wendlow Bank Hiring Team", "jobs@wendlowbank.example", "", "", "", "Wendlow Bank"),
    ("Mo @ Bramble Cafe", "mo@bramblecafe.example", "", "", "", "Bramble Cafe"),
    ("Talentgauge Reminders", "reminders@talentgauge.example", "", "", "", "Talentgauge Reminders"),
    ("KarirNusa", "no-reply@karirnusa.example", "", "", "", "KarirNusa"),
    # a department is not the employer: the domain or the text says who is
    ("Office of the Dean", "dean@lakemont-univ.example", "", "Welcome to Lakemont University.", "", "Lakemont University"),
    ("Medical Staffing Office", "staffing@riverbendhealth.example", "",
     "Thank you for your interest in Riverbend Health. We will write again.", "", "Riverbend Health"),
    # a person writes: the text names the employer the domain spells without spaces
    ("Colm Brennan", "colm.brennan@tidewaterlogistics.example", "Interview – Operations Planner, Tidewater Logistics",
     "", "", "Tidewater Logistics"),
    ("Hannah Okafor", "hannah@fernhillrobotics.example", "Next steps",
     "Thanks for your time today.", "Best,\nHannah Okafor\nTalent Partner, Fernhill Robotics", "Fernhill Robotics"),
    ("Laras Wijaya", "laras@bumiaksara.example", "", "Terima kasih atas minat Anda bergabung dengan PT Bumi Aksara.",
     "", "PT Bumi Aksara"),
    ("Greta Lindqvist", "greta.lindqvist@northmoor-architects.example", "", "Your interview is confirmed.",
     "Best wishes,\nGreta Lindqvist\nAssociate, Northmoor Architects", "Northmoor Architects"),
    ("Priti Kaur", "priti.kaur@lanternbay.example", "", "Thanks for applying.",
     "Kind regards,\nPriti Kaur\nHR Advisor | Lanternbay Construction Ltd", "Lanternbay Construction Ltd"),
    ("Dana Voss", "dana@gristandgrain.example", "", "See you then.",
     "Dana\nGrist & Grain Bakery\n12 Mill Lane", "Grist & Grain Bakery"),
    # nothing in the text: the domain, spaced where its words are known
    ("Sunil Mehta", "sunil.mehta@pinecrest-labs.example", "", "Thanks again.", "", "Pinecrest Labs"),
    ("Ivo Marsh", "ivo@orchardrobotics.example", "", "Thanks again.", "", "Orchard Robotics"),
    ("Ivo Marsh", "ivo@haldenrowe.example", "", "Thanks again.", "", "Haldenrowe"),
    ("Ratna Dewi", "ratna@asuransiandalanjiwa.example", "", "Terima kasih.", "", None),
    # a signature's department, address or phone number is not the employer
    ("Lea Ortiz", "lea.ortiz@sterlingpharma.example", "", "We will decide soon.",
     "Kind regards,\nLea Ortiz\nSenior Talent Partner, Finance & Accounting\nSterling Pharmaceuticals",
     "Sterling Pharmaceuticals"),
    ("Yohana Siregar", "yohana@samudralogistik.example", "", "Sampai jumpa.",
     "Salam,\nYohana Siregar\nSamudra Logistik Tower Lt. 18\nPT Samudra Logistik Nusantara",
     "PT Samudra Logistik Nusantara"),
    # the user's own mail, from a mail provider: the subject names the employer
    ("Zoe Carter", "zoe.carter@mail.example", "Re: Fairmount Retail - Category Manager, Home", "", "", "Fairmount Retail"),
    ("Pieter de Vries", "pieter@mail.example", "Re: your message", "", "", None),
    ("Mama", "rosa.cruz@mail.example", "Lola's birthday and other news", "", "", None),
]


@pytest.mark.parametrize("name,address,subject,body,signature,expected", COMPANIES)
def test_company(name, address, subject, body, signature, expected):
    assert people(name, address, body, subject, signature).company == expected


# A company name runs to the end of its name, never into the next sentence.
SENTENCES = [
    ("We look forward to welcoming you to Copperline Logistics. I've attached the details.", "Copperline Logistics"),
    ("Thank you for your interest in Bramble Health. The panel met today.", "Bramble Health"),
    ("Thank you for applying to Saltmarsh Media. We'd like to talk.", "Saltmarsh Media"),
    ("Terima kasih telah melamar di PT Sinar Pagi Retail. Kami akan menghubungi Anda.", "PT Sinar Pagi Retail"),
    ("I enjoyed telling you about Kopi Nusantara. We roast in Bandung.", None),  # no cue: not taken
    ("Thanks for your interest in joining Kopi Nusantara. We roast in Bandung.", "Kopi Nusantara"),
    ("Everyone at Harbourfront Capital Pte. Ltd. enjoyed meeting you.", "Harbourfront Capital Pte. Ltd."),
    ("The team at Bluestone Executive Search 212-555-0196 will call.", "Bluestone Executive Search"),
]


@pytest.mark.parametrize("body,expected", SENTENCES)
def test_company_name_stops_at_its_sentence_end(body, expected):
    assert people("Recruiting", "jobs@greenhouse.io", body).company == expected


# (subject, body, expected role)
ROLES = [
    ("", "Thank you for applying for the Senior Data Engineer role at Acme.", "Senior Data Engineer"),
    ("", "Thank you for your interest in the Backend Engineer, Ledger role at Orrery Payments.", "Backend Engineer, Ledger"),
    ("", "We are considering you for the position of Head of Music at our school.", "Head of Music"),
    ("Application received: Clinical Data Coordinator (ref. HMR-2291)", "", "Clinical Data Coordinator"),
    ("Re: Posisi Supervisor Gudang: perkembangan proses seleksi", "", "Supervisor Gudang"),
    ("Interview for Product Analyst with Daniel Osei", "", "Product Analyst"),
    ("Redkite Pharma | Interview - Regulatory Affairs Associate", "", "Regulatory Affairs Associate"),
    ("Re: Interview – Operations Planner, Tidewater Logistics", "", "Operations Planner"),
    ("Undangan Wawancara - Supply Chain Planner - PT Lintas Niaga", "", "Supply Chain Planner"),
    ("Hasil trial day Barista", "", "Barista"),
    ("Confirmed: Junior Motion Designer interview, Thu 2 Oct", "", "Junior Motion Designer"),
    ("Confidential - Chief Operating Officer opportunity", "", "Chief Operating Officer"),
    ("", "Kami mengundang Anda untuk wawancara untuk posisi Staf Akuntansi di PT Bumi Tirta.", "Staf Akuntansi"),
    ("Offer Letter - Product Analyst | Brightcart", "", "Product Analyst"),
    ("Congratulations! Your internship offer from Ridgeline", "", None),
    ("Thank you for applying to Loopwire", "We got your note.", None),
]


@pytest.mark.parametrize("subject,body,expected", ROLES)
def test_role(subject, body, expected):
    assert people("Acme Careers", "jobs@acme.example", body, subject).role == expected


# (display name, address, signature, expected recruiter name)
RECRUITERS = [
    ("Greta Lindqvist", "greta.lindqvist@northmoor.example", "", "Greta Lindqvist"),
    ("Prof. Ingeborg Aalto", "i.aalto@uni.example", "", "Ingeborg Aalto"),
    ("Whitmore, Josephine", "josephine.whitmore@greyfriars.example", "", "Josephine Whitmore"),
    ("Denise Wolfe RN", "dwolfe@lakeview.example", "", "Denise Wolfe"),
    ("Ibu Sari Wulandari", "sari@padiemas.example", "", "Sari Wulandari"),
    ("Kak Dinda", "dinda@kedai.example", "", "Dinda"),
    ("Shauna McBride", "shauna.mcbride@glenair.example", "", "Shauna McBride"),
    ("Grace Adebayo-Nwosu", "grace@kestrel.example", "", "Grace Adebayo-Nwosu"),
    ("Sanne de Vries", "sanne@polder.example", "", "Sanne de Vries"),
    ("Selwyn Okafor via Greenhouse", "no-reply@greenhouse-mail.io", "", "Selwyn Okafor"),
    ("Fjordlight Events", "events@fjordlight.example", "", None),
    ("Talent Team", "talent@acme.example", "", None),
    ("Tim Rekrutmen", "rekrutmen@acme.example", "Hormat kami,\nTim Rekrutmen PT Acme", None),
    ("noreply", "noreply@acme.example", "", None),
    ("Acme Careers", "careers@acme.example", "Kind regards,\nJasmine Lee\nTalent Acquisition", "Jasmine Lee"),
    ("Rekrutmen PT Garuda", "hr@garuda.example", "Hormat kami,\nBagian Sumber Daya Manusia", None),
    ("Rekrutmen Maskapai Garuda", "hr@garuda.example", "Salam,\nCabin Crew Recruitment", None),
    ("Kelas Data Nusantara", "promo@kelasdata.example", "", None),
]


@pytest.mark.parametrize("name,address,signature,expected", RECRUITERS)
def test_recruiter_name(name, address, signature, expected):
    assert people(name, address, "Thanks.", "", signature).recruiter_name == expected


def test_trim_name_keeps_legal_forms_and_drops_the_next_sentence():
    assert _trim_name("Acme Ltd. We will call") == "Acme Ltd."
    assert _trim_name("Lumensoft Technologies, Pune") == "Lumensoft Technologies"
    assert _trim_name("Finance & Accounting") is None


def test_domain_words_are_spaced_only_when_known():
    assert _spaced("tidewaterlogistics") == "Tidewater Logistics"
    assert _spaced("bumiaksara") == "Bumi Aksara"
    assert _spaced("pinecrest-labs") == "Pinecrest Labs"
    assert _spaced("asuransiandalanjiwa") is None


def test_a_body_sentence_with_a_comma_is_not_a_signature_company():
    p = people("Olivia Hartmann", "olivia.hartmann@lumenfold.example",
               body="Whatever the result, I'll call you first and follow up in writing.\n\nOlivia",
               signature="Kind regards,\nOlivia Hartmann\nRecruiting Lead, Lumenfold")
    assert p.company == "Lumenfold"


def test_empty_mail_names_nothing():
    p = people("", "", "", "")
    assert (p.company, p.role, p.recruiter_name) == (None, None, None)
