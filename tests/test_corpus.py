"""The project's labelled corpus stays whole: every file has one gold line, every label has
examples in both languages, and the held-out part shares no file with training."""
import email
import json
from collections import Counter
from datetime import date
from email import policy
from pathlib import Path

import pytest

from models.labels import KEY_DATE_KIND_OF, KEY_DATE_KINDS, LABELS

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FOLDERS = sorted(p.parent for p in CORPUS.glob("*/*/gold.jsonl"))


def gold(folder):
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_has_one_valid_gold_line(folder):
    lines = gold(folder)
    files = sorted(p.name for p in folder.glob("*.eml"))
    assert [g["file"] for g in lines] == files
    for g in lines:
        assert g["label"] in LABELS, g
        assert g["language"] in ("en", "id"), g
        if g["key_date"] is None:
            assert g["key_date_kind"] is None, g
        else:
            date.fromisoformat(g["key_date"])
            assert g["key_date_kind"] in KEY_DATE_KINDS, g
            assert g["label"] in KEY_DATE_KIND_OF, g


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_is_a_message_with_a_date(folder):
    for path in folder.glob("*.eml"):
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert msg["Date"] and msg["From"] and msg["Message-ID"], path.name


def test_every_label_has_examples_in_both_languages_in_both_parts():
    for part in ("train", "heldout"):
        counts = Counter()
        for folder in FOLDERS:
            if folder.parent.name == part:
                counts.update((g["label"], g["language"]) for g in gold(folder))
        for label in LABELS:
            assert counts[(label, "en")] >= 3, (part, label, "en")
            assert counts[(label, "id")] >= 3, (part, label, "id")


def test_at_least_25_examples_per_label():
    counts = Counter(g["label"] for folder in FOLDERS for g in gold(folder))
    assert all(counts[label] >= 25 for label in LABELS), counts


def test_the_blind_part_covers_every_label_in_both_languages():
    counts = Counter((g["label"], g["language"]) for folder in FOLDERS if folder.parent.name == "blind"
                     for g in gold(folder))
    assert all(counts[(label, lang)] >= 3 for label in LABELS for lang in ("en", "id")), counts


def test_held_out_and_blind_messages_are_not_in_training():
    def ids(part):
        found = set()
        for folder in FOLDERS:
            if folder.parent.name == part:
                for path in folder.glob("*.eml"):
                    found.add(email.message_from_bytes(path.read_bytes(), policy=policy.default)["Message-ID"])
        return found

    train = ids("train")
    assert not train & ids("heldout")
    assert not train & ids("blind")
