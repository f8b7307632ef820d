"""Train the reader's text classifier from labelled mail folders (`*.eml` + `gold.jsonl`).

Usage: python scripts/train_textcat.py [FOLDER...] [--out DIR] [--epochs N]
Default folders: corpus/train/*. Train only on the training part: the held-out part measures.
The same as `nextstep retrain`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="folders of .eml files with gold.jsonl")
    parser.add_argument("--out", default=None, help="where to save the model (default: watcher/data/textcat)")
    parser.add_argument("--epochs", type=int, default=25, help="passes over the data")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from watcher import textcat

    folders = args.folders or sorted(str(p) for p in (ROOT / "corpus" / "train").glob("*") if p.is_dir())
    examples = textcat.read_labelled(folders)
    if not examples:
        print("no labelled mail found: give folders holding *.eml and gold.jsonl", file=sys.stderr)
        return 1
    out = textcat.train(examples, args.out or textcat.MODEL_DIR, epochs=args.epochs)
    print(f"trained on {len(examples)} messages from {len(folders)} folders -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
