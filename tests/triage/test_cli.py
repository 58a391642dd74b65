"""The ``welzijnswijzer triage`` command, through the click test runner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from triage.cli import triage_command


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_one_request_from_stdin(runner):
    result = runner.invoke(triage_command, input='{"age": 54, "complaints": ["eenzaamheid"]}')
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert answer["route"] == "welzijn_op_recept" and answer["fits_wor"] is True


def test_one_request_from_file(runner, tmp_path):
    path = tmp_path / "verzoek.json"
    path.write_text(
        '{"text": "Ontkent suïcidale gedachten. Zit veel alleen thuis."}', encoding="utf-8"
    )
    result = runner.invoke(triage_command, [str(path)])
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert answer["detected"] == {"complaints": ["eenzaamheid"], "signals": []}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('{"spinnenweb": {"meedoen": 11}}', "spinnenweb.meedoen"),
        ('{"complaints": ["onbekend"]}', "complaints[0]"),
        ('{"age": "oud", "complaints": ["eenzaamheid"]}', "age"),
        ("{}", "complaints"),
        ("niet json", "request"),
        ("[1]", "request"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(runner, body, field):
    result = runner.invoke(triage_command, input=body)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert field in result.stderr


def test_jsonl_keeps_order_and_reports_bad_lines(runner):
    lines = [
        '{"complaints": ["eenzaamheid"]}',
        '{"complaints": ["eenzaamheid"], "signals": ["suicidaliteit"]}',
        '{"spinnenweb": {"meedoen": -1}}',
        "",
        '{"age": 16, "complaints": ["financien"]}',
    ]
    result = runner.invoke(triage_command, ["--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 2
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("route") for o in out] == [
        "welzijn_op_recept",
        "poh_ggz",
        None,
        "maatschappelijk_werk",
    ]
    assert out[2]["line"] == 3 and out[2]["details"][0]["field"] == "spinnenweb.meedoen"
    assert "regel 3" in result.stderr


def test_jsonl_all_good_exits_0(runner):
    result = runner.invoke(
        triage_command, ["--jsonl", "-"], input='{"complaints": ["leefstijl"]}\n' * 3
    )
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3


def test_missing_file_is_bad_input(runner, tmp_path):
    result = runner.invoke(triage_command, [str(tmp_path / "bestaat-niet.json")])
    assert result.exit_code == 2
