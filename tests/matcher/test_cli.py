"""``welzijnswijzer match`` and ``welzijnswijzer model`` through the click runner."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import Engine

from matcher.cli import match_command, model_group
from socialmap.cliutil import CliContext


def run(command, db_url: str, args: list[str], stdin: str = ""):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(command, args, input=stdin, obj=CliContext(url=db_url))


def test_match_one_request(stored_engine: Engine, db_url: str) -> None:
    req = {"postcode": "9711AB", "dimensions": ["meedoen"], "limit": 3}
    result = run(match_command, db_url, ["-"], json.dumps(req))
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert len(answer["results"]) == 3 and answer["total_candidates"] == 14


def test_an_empty_catalogue_is_said_on_stderr(engine: Engine, db_url: str) -> None:
    result = run(match_command, db_url, ["-"], json.dumps({"query": "wandelen"}))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["results"] == []
    assert "geen actieve, ingedeelde activiteiten" in result.stderr


def test_a_filled_catalogue_says_nothing_on_stderr(stored_engine: Engine, db_url: str) -> None:
    result = run(match_command, db_url, ["-"], json.dumps({"query": "wandelen"}))
    assert result.exit_code == 0 and result.stderr == ""


def test_match_jsonl_keeps_order(stored_engine: Engine, db_url: str) -> None:
    lines = [{"query": "wandelen", "limit": 1}, {"query": "mindfulness", "limit": 1}, {}]
    result = run(match_command, db_url, ["--jsonl"], "\n".join(map(json.dumps, lines)) + "\n")
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [len(a["results"]) for a in answers] == [1, 1, 10]
    assert answers[1]["results"][0]["id"] == "mf1"


def test_match_reads_a_file(stored_engine: Engine, db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "req.json"
    path.write_text(json.dumps({"dimensions": ["zingeving"]}), encoding="utf-8")
    result = run(match_command, db_url, [str(path)])
    assert result.exit_code == 0 and json.loads(result.stdout)["needs"] == ["zingeving"]


def test_bad_request_exits_2_naming_the_field(stored_engine: Engine, db_url: str) -> None:
    result = run(match_command, db_url, [], json.dumps({"postcode": "9711", "max_km": -1}))
    assert result.exit_code == 2
    assert "max_km" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_bad_jsonl_line_names_the_line(stored_engine: Engine, db_url: str) -> None:
    result = run(match_command, db_url, ["--jsonl"], '{"limit": 1}\n{"limit": 0}\n')
    assert result.exit_code == 2
    assert "regel 2" in result.stderr and "limit" in result.stderr


def test_invalid_json_exits_2(stored_engine: Engine, db_url: str) -> None:
    result = run(match_command, db_url, [], "{niet json")
    assert result.exit_code == 2 and "JSON" in result.stderr


def test_model_info_without_model(engine: Engine, db_url: str) -> None:
    result = run(model_group, db_url, ["info"])
    assert result.exit_code == 0 and "alleen regels" in result.stdout


def test_model_train_missing_file_exits_2(engine: Engine, db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run(model_group, db_url, ["train", "--outcomes", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2 and "--outcomes" in result.stderr


def test_model_train_from_database_without_outcomes_exits_2(engine: Engine, db_url: str) -> None:
    result = run(model_group, db_url, ["train"])
    assert result.exit_code == 2 and "uitkomsten in de database" in result.stderr
