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
@click.option("--corrections/--no-corrections", default=True, show_default=True,
              help="Also learn from the labels you corrected (kept in Next Step's store).")
def retrain(paths, out, epochs, corrections):
    """Train the reader's text classifier from PATH... (folders of .eml plus gold.jsonl).

    Without PATH, the project's corpus/train folders are used. Train only on training mail:
    held-out mail is for `nextstep eval`.
    """
    from pathlib import Path

    from watcher import textcat

    root = Path(__file__).resolve().parents[2]
    folders = list(paths) or sorted(str(p) for p in (root / "corpus" / "train").glob("*") if p.is_dir())
    examples = textcat.read_labelled(folders)
    learned = _corrections() if corrections else []
    examples += learned
    if not examples:
        raise click.ClickException("no labelled mail found: give folders holding *.eml files and a gold.jsonl")
    saved = textcat.train(examples, out or textcat.MODEL_DIR, epochs=epochs)
    click.echo(f"trained on {len(examples)} messages from {len(folders)} folders"
               f"{f' and {len(learned)} corrections' if learned else ''} -> {saved}")


def _corrections() -> list[tuple[str, str]]:
    """(text, label) pairs the user corrected; none when there is no store yet."""
    try:
        from models.settings import load_settings
        from models.store import Store

        return Store(load_settings().db).corrections()
    except Exception as exc:  # no store, or an unreadable one: train on the folders alone
        click.echo(f"corrections not used ({exc})", err=True)
        return []
