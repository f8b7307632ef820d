"""`nextstep retrain`: train the text classifier again from labelled mail (and corrections).

    $ nextstep retrain corpus/train/en-a corpus/train/id
    trained on 256 messages from 2 folders -> .../watcher/data/textcat
"""
from __future__ import annotations

import click


@click.command("retrain")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=False))
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Where to save the model (default: the one the reader uses).")
@click.option("--epochs", type=int, default=25, show_default=True, help="Passes over the training data.")
def retrain(paths, out, epochs):
    """Train the reader's text classifier from PATH... (folders of .eml plus gold.jsonl).

    Without PATH, the project's corpus/train folders are used. Train only on training mail:
    held-out mail is for `nextstep eval`.
    """
    from pathlib import Path

    from watcher import textcat

    root = Path(__file__).resolve().parents[2]
    folders = list(paths) or sorted(str(p) for p in (root / "corpus" / "train").glob("*") if p.is_dir())
    examples = textcat.read_labelled(folders)
    if not examples:
        raise click.ClickException("no labelled mail found: give folders holding *.eml files and a gold.jsonl")
    saved = textcat.train(examples, out or textcat.MODEL_DIR, epochs=epochs)
    click.echo(f"trained on {len(examples)} messages from {len(folders)} folders -> {saved}")
