"""read_people: employer, role and recruiter name, never an ATS relay."""
from types import SimpleNamespace as NS

from watcher.extract import read_people


def people(sender_name, sender, body="", subject="", signature=""):
    return read_people(NS(sender_name=sender_name, sender=sender, subject=subject, signature=signature), body)


def test_relay_via_gives_the_employer():
    p = people("Orrery Payments via Skillcheck", "no-reply@skillcheck.example")
    assert p.company == "Orrery Payments" and p.recruiter_name is None


def test_careers_team_name_is_stripped():
    p = people("Harrowgate Medical Research Careers", "careers-noreply@harrowgate-mr.example",
               subject="Application received: Clinical Data Coordinator (ref. HMR-2291)")
    assert p.company == "Harrowgate Medical Research"
    assert p.role == "Clinical Data Coordinator"


def test_indonesian_team_prefix_is_stripped():
    p = people("Tim Talenta PT Sentra Karya Biru", "talenta@sentrakaryabiru.example")
    assert p.company == "PT Sentra Karya Biru" and p.recruiter_name is None


def test_person_sender_with_company_in_signature():
    p = people("Greta Lindqvist", "greta.lindqvist@northmoor-architects.example",
               body="Hi Callum,\n\nYour interview is confirmed.",
               signature="Best wishes,\nGreta Lindqvist\nAssociate, Northmoor Architects")
    assert (p.recruiter_name, p.company) == ("Greta Lindqvist", "Northmoor Architects")


def test_ats_domain_is_never_the_company():
    p = people("", "no-reply@greenhouse.example.io")
    assert p.company is None


def test_company_from_domain_when_nothing_else_says():
    p = people("Sunil Mehta", "sunil.mehta@pinecrest-labs.example", body="Thanks again.")
    assert p.company == "Pinecrest Labs" and p.recruiter_name == "Sunil Mehta"


def test_role_from_the_text():
    p = people("Talent", "jobs@acme.example", body="Thank you for applying for the Senior Data Engineer role at Acme.")
    assert p.role == "Senior Data Engineer"


def test_person_at_employer_and_titles():
    assert people("Mo @ Bramble Cafe", "mo@bramblecafe.example").company == "Bramble Cafe"
    p = people("Prof. Ingeborg Aalto", "i.aalto@uni.example")
    assert p.recruiter_name == "Ingeborg Aalto"


def test_a_team_mailbox_is_not_a_person():
    assert people("Fjordlight Events", "events@fjordlight.example").recruiter_name is None


def test_a_body_sentence_with_a_comma_is_not_a_signature_company():
    p = people("Olivia Hartmann", "olivia.hartmann@lumenfold.example",
               body="Whatever the result, I'll call you first and follow up in writing.\n\nOlivia",
               signature="Kind regards,\nOlivia Hartmann\nRecruiting Lead, Lumenfold")
    assert p.company == "Lumenfold"


def test_role_from_an_indonesian_subject():
    assert people("Rina", "rina@padiemas.example", subject="Re: Posisi Supervisor Gudang: perkembangan proses seleksi").role == "Supervisor Gudang"
