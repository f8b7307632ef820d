"""The rule matcher's shortcuts (a word index, sentence-by-sentence search) find exactly what a
plain search of every rule over the whole message finds."""
from bisect import bisect_right
from pathlib import Path

import pytest

from watcher import rules
from watcher.mime import parse_message
from watcher.reader import _Message

CORPUS = Path(__file__).parent.parent / "corpus"


def plain_hits(sentences: list[str], language: str) -> list[tuple[str, int]]:
    """Every rule tried in order, each pattern searched over the whole joined text."""
    text = "\n".join(sentences)
    starts, pos = [], 0
    for s in sentences:
        starts.append(pos)
        pos += len(s) + 1
    hits = []
    for rule in rules.rules_for(language):
        whole = any(rules._crosses_lines(rules._parsed(p)) for p in rule.patterns)
        regexes = [rule.regex] if whole else [rules.re.compile(p) for p in rule.patterns]
        rows = {bisect_right(starts, m.start()) - 1 for r in regexes for m in r.finditer(text)}
        for i in sorted(rows):
            if rule.unless_regex is None or not rule.unless_regex.search(sentences[i]):
                hits.append((rule.name or rule.patterns[0], i))
    return hits


@pytest.mark.parametrize("folder", ["train/en-a", "train/en-c", "train/id", "train/id-b", "heldout/en-b"])
def test_the_matcher_finds_what_a_plain_search_finds(folder):
    paths = sorted((CORPUS / folder).glob("*.eml"))[:40]
    assert paths
    matched = 0
    for path in paths:
        sentences = _Message(parse_message(path.read_bytes())).normal
        for language in ("en", "id"):
            found = [(h.rule.name or h.rule.patterns[0], h.index) for h in rules.match_rules(sentences, language)]
            assert found == plain_hits(sentences, language), path.name
            matched += bool(found)
    assert matched >= len(paths) // 2


def test_a_pattern_never_matches_across_two_sentences():
    # "not" closes one sentence and "moving forward" opens the next: no rejection is read.
    sentences = ["we are not", "moving forward with the project timeline, which is great news."]
    assert all(h.rule.label != "rejection" for h in rules.match_rules(sentences, "en"))
    assert plain_hits(sentences, "en") == [(h.rule.name or h.rule.patterns[0], h.index)
                                           for h in rules.match_rules(sentences, "en")]
