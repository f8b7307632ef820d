"""The text classifier: trains from (text, label) pairs, saves small, predicts probabilities."""
import pytest

from watcher import textcat

pytest.importorskip("spacy")

EXAMPLES = [
    ("we have received your application and will review it", "application_received"),
    ("thank you for applying, your application is under review", "application_received"),
    ("unfortunately we will not be moving forward with your application", "rejection"),
    ("we regret to inform you that the position has been filled", "rejection"),
    ("we would like to invite you to an interview on monday", "interview_invite"),
    ("please share your availability for a phone interview", "interview_invite"),
]


def test_train_save_and_predict(tmp_path):
    out = textcat.train(EXAMPLES * 3, tmp_path / "model", epochs=8)
    assert (out / "config.cfg").exists()
    probs = textcat.predict("sadly we will not be moving forward", model_dir=out)
    assert set(probs) == set(textcat.LABELS)
    assert abs(sum(probs.values()) - 1.0) < 1e-3
    assert max(probs, key=probs.get) == "rejection"


def test_unknown_label_is_refused_with_a_sentence(tmp_path):
    with pytest.raises(ValueError, match="unknown label"):
        textcat.train([("hello", "maybe")], tmp_path / "m", epochs=1)


def test_no_model_gives_no_prediction(tmp_path):
    assert textcat.predict("anything", model_dir=tmp_path / "nothing") == {}


def test_shipped_model_is_small():
    size = sum(p.stat().st_size for p in textcat.MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size < 3_000_000


def test_clean_text_folds_digits_and_case():
    assert textcat.clean_text("Interview on 12 March") == "interview on 0 march"


def test_use_switches_the_model_predict_reads(tmp_path):
    out = textcat.train(EXAMPLES * 3, tmp_path / "model", epochs=8, model={"ngram_size": 3})
    try:
        textcat.use(out)
        assert max(textcat.predict("we regret to inform you"), key=textcat.predict("we regret to inform you").get) == "rejection"
        textcat.use(tmp_path / "nothing")
        assert textcat.predict("we regret to inform you") == {}
    finally:
        textcat.use(textcat.MODEL_DIR)
    assert textcat.predict("hello there") != {}


def test_many_texts_at_once_score_as_one_at_a_time(tmp_path):
    out = textcat.train(EXAMPLES * 3, tmp_path / "model", epochs=8)
    texts = [t for t, _ in EXAMPLES] + ["", "Jadwal wawancara: Senin 10.00 WIB", "x" * 30000]
    assert textcat.predict_many(texts, model_dir=out) == [textcat.predict(t, model_dir=out) for t in texts]
    assert textcat.predict_many(texts, model_dir=tmp_path / "nothing") == [{}] * len(texts)
