"""Demo records (deterministic, labelled, valid) and the ``referrals`` commands."""

from __future__ import annotations

import csv

from click.testing import CliRunner

from socialmap.cliutil import CliContext
from socialmap.database import transaction
from socialmap.referrals import demo
from socialmap.referrals.cli import referrals_group
from socialmap.referrals.indicators import Scope, load_indicators
from socialmap.referrals.store import list_referrals
from socialmap.store import list_activities

from .conftest import TODAY


def test_demo_is_deterministic_labelled_and_loads_once(catalogue):
    with transaction(catalogue) as conn:
        acts = list_activities(conn)
        first = demo.demo_referrals(acts, today=TODAY, count=40)
        assert first == demo.demo_referrals(acts, today=TODAY, count=40)
        assert demo.load_demo(conn, today=TODAY, count=40) == 40
        assert demo.load_demo(conn, today=TODAY, count=40) == 0
        stored = list_referrals(conn)
        ind = load_indicators(conn, Scope("Groningen"))
    assert all(r.reference.startswith("DEMO-") and "(demo)" in r.practice for r in stored)
    assert {row.key: row.cell.text for row in ind.rows()}["recepten"] == "40"


def _run(engine, *args):
    return CliRunner().invoke(referrals_group, list(args), obj=CliContext(_engine=engine))


def test_cli_demo_indicators_and_anonymise(catalogue, tmp_path):
    result = _run(catalogue, "demo", "--count", "30")
    assert result.exit_code == 0, result.output
    assert "30 demo-verwijzingen" in result.output
    target = tmp_path / "ind.csv"
    result = _run(catalogue, "indicators", "--gemeente", "Groningen", "--csv", str(target))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(target.read_text(encoding="utf-8").splitlines()))
    assert rows and not any("DEMO-" in ",".join(r.values()) for r in rows)
    assert all(r["waarde"] == "<5" or r["aantal"] != "<5" or r["indicator"].startswith(
        "spinnenweb") for r in rows)
    result = _run(catalogue, "anonymise", "--dry-run", "--years", "0")
    assert result.exit_code == 0 and "zouden worden geanonimiseerd" in result.output


def test_cli_mistakes_exit_2_with_one_line(catalogue, tmp_path):
    result = _run(catalogue, "indicators", "--from", "2026-13-01", "--csv",
                  str(tmp_path / "x.csv"))
    assert result.exit_code == 2 and "--from" in result.output
    result = _run(catalogue, "anonymise", "--years", "-1")
    assert result.exit_code == 2


def test_demo_without_catalogue_is_a_clear_error(engine):
    result = _run(engine, "demo")
    assert result.exit_code == 2 and "sociale kaart" in result.output
