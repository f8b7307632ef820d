"""The trained text classifier: a spaCy `textcat` (bag of words and bigrams, exclusive labels).

It answers when no rule is decisive. It is trained by `scripts/train_textcat.py` (or
`nextstep retrain`) from the project's labelled mail plus the user's corrections, and saved under
`watcher/data/textcat/` (about a megabyte). spaCy is imported only on first use: it costs about a
second, which ordinary mail, read by the rules alone, never pays.

One model reads both languages: a blank English tokenizer splits Indonesian just as well (words
and punctuation), and building spaCy's Indonesian pipeline would cost two more seconds.

>>> clean_text("Hi  Sam,\\nWe'd LIKE to meet on 12/03.")
"hi sam , we'd like to meet on 0/0 ."
"""
from __future__ import annotations

import random
import re
from pathlib import Path

MODEL_DIR = Path(__file__).parent / "data" / "textcat"
LABELS = (
    "application_received", "interview_invite", "assessment", "decision_timeline", "checkin_request",
    "will_contact_you", "still_deciding", "rejection", "offer", "recruiter_outreach", "other",
)
# 2**15 hashed features keep the saved model near a megabyte; collisions are rare at this size.
_CONFIG = {
    "threshold": 0.0,
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 2 ** 15,
    },
}
_models: dict[str, object] = {}  # model folder -> loaded pipeline
_active: Path = MODEL_DIR  # the model predict() reads by default


def use(model_dir: str | Path) -> None:
    """Make `predict` read the model in `model_dir` by default (cross-validation trains one
    per fold and reads with each in turn).

    >>> use(MODEL_DIR); _active == MODEL_DIR
    True
    """
    global _active
    _active = Path(model_dir)


def clean_text(text: str) -> str:
    """What the classifier reads: lower case, digits folded, punctuation spaced, one space."""
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"\d+", "0", text)
    text = re.sub(r"([,.!?;:()\[\]\"])", r" \1 ", text)
    return re.sub(r"\s+", " ", text).strip()


def train(examples: list[tuple[str, str]], out_dir: str | Path = MODEL_DIR, *, epochs: int = 25,
          seed: int = 7, model: dict | None = None) -> Path:
    """Train on `(text, label)` pairs and save the model to `out_dir`; returns `out_dir`.

    `text` is a message's subject and new text; `label` one of LABELS. User corrections are
    simply more pairs. `model` overrides settings of the architecture (e.g. `{"ngram_size": 3}`).

    >>> train([("we received your application", "application_received"),
    ...        ("unfortunately we will not move forward", "rejection")], "/tmp/tc-doc", epochs=2).name
    'tc-doc'
    """
    import spacy
    from spacy.training import Example
    from spacy.util import minibatch

    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    config = dict(_CONFIG, model=dict(_CONFIG["model"], **(model or {})))
    textcat = nlp.add_pipe("textcat", config=config)
    for label in LABELS:
        textcat.add_label(label)
    data = []
    for text, label in examples:
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r} in training data: use one of {', '.join(LABELS)}")
        doc = nlp.make_doc(clean_text(text))
        data.append(Example.from_dict(doc, {"cats": {l: float(l == label) for l in LABELS}}))
    optimizer = nlp.initialize(lambda: data)
    for _ in range(epochs):
        random.shuffle(data)
        for batch in minibatch(data, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    _models.pop(str(out.resolve()), None)  # the next predict() reads the new model
    return out


def read_labelled(folders) -> list[tuple[str, str]]:
    """(text, label) for every message listed in the folders' gold.jsonl files.

    The text is what the reader judges: the subject and the new text.
    """
    import json

    from watcher.mime import parse_message

    examples = []
    for folder in folders:
        gold = Path(folder) / "gold.jsonl"
        if not gold.exists():
            continue
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            path = Path(folder) / row["file"]
            if not path.exists() or not row.get("label"):
                continue
            examples.append((message_text(parse_message(path.read_bytes())), row["label"]))
    return examples


def message_text(parsed) -> str:
    """What the classifier reads of a parsed email: its subject and its new text (all its text
    when nothing is new).

    >>> from types import SimpleNamespace as NS
    >>> message_text(NS(subject="Hi", new_text="", text="Old text"))
    'Hi\\nOld text'
    """
    body = parsed.new_text if (parsed.new_text or "").strip() else (parsed.text or "")
    return f"{parsed.subject or ''}\n{body}"


def available(model_dir: str | Path = MODEL_DIR) -> bool:
    """Whether a trained model is on disk."""
    return (Path(model_dir) / "config.cfg").exists()


def predict(text: str, model_dir: str | Path | None = None) -> dict[str, float]:
    """Probabilities per label for `text`; {} when no model has been trained.

    >>> isinstance(predict("we'd like to invite you to an interview"), dict)
    True
    """
    return predict_many([text], model_dir)[0]


# Texts per spaCy batch: past a few dozen, larger batches gain nothing.
BATCH_SIZE = 64


def predict_many(texts: list[str], model_dir: str | Path | None = None) -> list[dict[str, float]]:
    """`predict` for many texts at once: the same probabilities, in the same order, several
    times faster than one call per text (spaCy scores a batch in one matrix product). A text
    with no words gets {}.

    >>> [sorted(p) == sorted(LABELS) for p in predict_many(["see you on monday", "we regret"])]
    [True, True]
    """
    nlp = _model(model_dir or _active)
    if nlp is None:
        return [{} for _ in texts]
    cleaned = [clean_text(text)[:20000] for text in texts]
    # An empty text has nothing to score (and spaCy's bigrams fail on it, taking its batch along).
    docs = iter(nlp.pipe((text for text in cleaned if text), batch_size=BATCH_SIZE))
    return [dict(next(docs).cats) if text else {} for text in cleaned]


_resolved: dict[str, str] = {}  # model folder as given -> as loaded (resolving costs a file system walk)


def _model(model_dir: str | Path):
    """The loaded pipeline of `model_dir` (loaded on first use), or None when none is trained."""
    given = str(model_dir)
    key = _resolved.get(given)
    if key is None:
        key = _resolved[given] = str(Path(given).resolve())
    nlp = _models.get(key)
    if nlp is None:
        if not available(key):
            return None
        import spacy

        nlp = _models[key] = spacy.load(key)
    return nlp
