"""Train the text classifier from labelled mail folders (`*.eml` + `gold.jsonl`).

Usage: python scripts/train_textcat.py [FOLDER...] [--out DIR]
Default folders: corpus/train/*. Train only on the training part: the held-out part measures.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_labelled(folders) -> list[tuple[str, str]]:
    """(text, label) for every message of the folders' gold.jsonl files.

    The text is what the reader judges: the subject and the new text.
    """
    from watcher.mime import parse_message

    examples = []
    for folder in folders:
        folder = Path(folder)
        gold = folder / "gold.jsonl"
        if not gold.exists():
            continue
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            path = folder / row["file"]
            if not path.exists() or not row.get("label"):
                continue
            parsed = parse_message(path.read_bytes())
            body = parsed.new_text if parsed.new_text.strip() else parsed.text
            examples.append((f"{parsed.subject}\n{body}", row["label"]))
    return examples


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="folders of .eml files with gold.jsonl")
    parser.add_argument("--out", default=None, help="where to save the model (default: watcher/data/textcat)")
    parser.add_argument("--epochs", type=int, default=25, help="passes over the data")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from watcher import textcat

    folders = args.folders or sorted(str(p) for p in (ROOT / "corpus" / "train").glob("*") if p.is_dir())
    examples = read_labelled(folders)
    if not examples:
        print("no labelled mail found: give folders holding *.eml and gold.jsonl", file=sys.stderr)
        return 1
    out = textcat.train(examples, args.out or textcat.MODEL_DIR, epochs=args.epochs)
    print(f"trained on {len(examples)} messages from {len(folders)} folders -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
