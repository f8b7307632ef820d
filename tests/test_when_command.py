"""`nextstep when`: one text with --ref, or a batch of JSON lines."""
import json

from click.testing import CliRunner

from watcher.cli import cli

REF = "2025-02-03T10:15:00+00:00"  # a Monday


def run(*args, input=None):
    return CliRunner().invoke(cli, ["when", *args], input=input)


def json_lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_json_prints_one_object_per_date_in_order():
    result = run("--json", "--ref", REF, "Interview Tuesday at 2 pm; decision by Friday.")
    assert result.exit_code == 0, result.output
    assert json_lines(result.output) == [
        {"text": "Tuesday", "date": "2025-02-04", "kind": "day", "time": "14:00"},
        {"text": "by Friday", "date": "2025-02-07", "kind": "by", "time": None},
    ]


def test_text_may_be_given_as_several_words():
    result = run("--json", "--ref", REF, "within", "3", "business", "days")
    assert [o["date"] for o in json_lines(result.output)] == ["2025-02-06"]


def test_without_json_prints_readable_lines():
    result = run("--ref", "2025-06-10T14:00:00+07:00", "Kabar dalam 2 minggu.")
    assert result.exit_code == 0
    assert "dalam 2 minggu" in result.output
    assert "2025-06-24 Tue" in result.output


def test_vague_text_says_no_date_found():
    result = run("--ref", REF, "We will be in touch soon.")
    assert result.exit_code == 0
    assert "No date found." in result.output


def test_vague_text_with_json_prints_nothing():
    result = run("--json", "--ref", REF, "Kami akan segera menghubungi Anda.")
    assert result.exit_code == 0
    assert result.output.strip() == ""


def test_bad_ref_is_a_sentence_that_shows_the_form():
    result = run("--ref", "next tuesday", "by Friday")
    assert result.exit_code == 2
    assert "is not an ISO 8601 date and time" in result.output
    assert "2025-10-01T09:00:00+01:00" in result.output


def test_missing_ref_asks_for_it():
    result = run("by Friday")
    assert result.exit_code == 2
    assert "--ref" in result.output


def test_missing_text_explains_what_to_give():
    result = run("--ref", REF)
    assert result.exit_code == 2
    assert "TEXT" in result.output


def test_utc_z_suffix_is_accepted():
    result = run("--json", "--ref", "2025-02-03T23:30:00Z", "tomorrow")
    assert [o["date"] for o in json_lines(result.output)] == ["2025-02-04"]


def test_batch_prints_one_line_per_input_line_in_order(tmp_path):
    lines = [
        json.dumps({"text": "Reply by Thursday.", "ref": REF}),
        "this is not json",
        json.dumps({"text": "Nothing dated here.", "ref": REF}),
        json.dumps({"text": "tomorrow"}),
        json.dumps({"text": "tomorrow", "ref": "yesterday-ish"}),
        "",
        json.dumps({"text": "Hasil dalam 3 hari kerja.", "ref": "2025-01-10T15:00:00+07:00"}),
        json.dumps(["a", "list"]),
    ]
    batch = tmp_path / "phrases.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--batch", str(batch))
    assert result.exit_code == 0, result.output
    out = json_lines(result.output)
    assert len(out) == len(lines)
    assert out[0] == {"text": "Reply by Thursday.",
                      "found": [{"text": "by Thursday", "date": "2025-02-06", "kind": "by",
                                 "time": None}]}
    assert out[1]["found"] == [] and "not a JSON line" in out[1]["error"]
    assert out[2] == {"text": "Nothing dated here.", "found": []}
    assert out[3]["text"] == "tomorrow" and '"ref"' in out[3]["error"]
    assert "ISO 8601" in out[4]["error"]
    assert out[5]["found"] == [] and "error" in out[5]
    assert [f["date"] for f in out[6]["found"]] == ["2025-01-15"]
    assert out[7]["text"] is None and "JSON object" in out[7]["error"]


def test_batch_uses_ref_option_for_lines_without_ref():
    line = json.dumps({"text": "tomorrow"}) + "\n"
    result = run("--batch", "-", "--ref", REF, input=line)
    assert json_lines(result.output) == [
        {"text": "tomorrow", "found": [{"text": "tomorrow", "date": "2025-02-04", "kind": "day",
                                        "time": None}]}]


def test_batch_and_text_together_is_a_usage_error(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text("", encoding="utf-8")
    result = run("--batch", str(batch), "by Friday")
    assert result.exit_code == 2
    assert "not both" in result.output


def test_batch_keeps_non_ascii_text(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"text": "Sampai jumpa Jum’at.", "ref": REF}) + "\n",
                     encoding="utf-8")
    result = run("--batch", str(batch))
    assert "Jum’at" in result.output
    assert json_lines(result.output)[0]["found"][0]["date"] == "2025-02-07"


def test_command_and_every_option_have_help():
    import click

    from watcher.commands.when import when

    assert when.help and "Find the dates in TEXT" in when.help
    options = [p for p in when.params if isinstance(p, click.Option)]
    assert {o.opts[0] for o in options} == {"--ref", "--json", "--batch"}
    assert all(o.help and len(o.help) > 20 for o in options)


def test_command_is_listed_in_the_group_help():
    result = CliRunner().invoke(cli, ["--help"])
    assert "when" in result.output


def test_the_offset_of_ref_orders_ambiguous_numeric_dates():
    text = "Your test is on 05/04/2026."
    jakarta = run("--json", "--ref", "2026-01-10T09:00:00+07:00", text)
    new_york = run("--json", "--ref", "2026-01-10T09:00:00-05:00", text)
    assert [o["date"] for o in json_lines(jakarta.output)] == ["2026-04-05"]
    assert [o["date"] for o in json_lines(new_york.output)] == ["2026-05-04"]


def test_a_following_day_counts_from_the_day_named_before_it():
    result = run("--json", "--ref", REF, "The onsite is on Wednesday; we decide the following day.")
    assert [(o["text"], o["date"]) for o in json_lines(result.output)] == [
        ("Wednesday", "2025-02-05"), ("the following day", "2025-02-06")]
