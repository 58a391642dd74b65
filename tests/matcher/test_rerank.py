"""The learned re-ranker: an honest held-out test, model files, and the commands end to end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from matcher import modelfile
from matcher.cli import match_command, model_group
from matcher.config import load_weights
from matcher.errors import ModelFileError, TrainingError
from matcher.index import MatchIndex
from matcher.ranking import rank
from matcher.request import parse_request
from matcher.training import read_outcomes, train
from socialmap.cliutil import CliContext
from socialmap.database import transaction
from socialmap.store import upsert_activities

from .catalogue import TODAY
from .synthetic import activities, outcomes_csv

CATALOGUE = activities(150, seed=3)


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    return MatchIndex.from_activities(CATALOGUE, version=7)


@pytest.fixture(scope="module")
def outcomes(index: MatchIndex) -> str:
    return outcomes_csv(index, n_requests=160, seed=11)


@pytest.fixture(scope="module")
def stored(index: MatchIndex, outcomes: str) -> modelfile.StoredModel:
    return train(index, read_outcomes(io.StringIO(outcomes)), today=TODAY, random_state=0)


def test_model_ranks_better_than_rules_on_held_out_requests(stored: modelfile.StoredModel) -> None:
    held = stored.meta["held_out"]
    assert held["held_out_requests"] >= 30
    assert held["ndcg_at_10_model"] > held["ndcg_at_10_rules"] + 0.05, held


def test_saved_model_is_blended_into_ranking(stored, index, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    modelfile.save(stored, tmp_path)
    model = modelfile.load_for_matching(tmp_path, load_weights())
    assert model is not None and 0 < model.share <= load_weights().rerank.blend
    req = parse_request({"postcode": "9711", "dimensions": ["meedoen"]})
    assert rank(index, req, today=TODAY, model=model).model == model.label
    assert rank(index, req, today=TODAY).model is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"features": ["need", "distance"]}, "andere kenmerken"),
        ({"format": 99}, "formaat 99"),
        ({"sklearn_version": "0.24.2"}, "scikit-learn 0.24.2"),
        ({"sha256": "0" * 64}, "controlegetal"),
    ],
)
def test_mismatched_model_file_is_refused(stored, tmp_path: Path, change: dict,  # type: ignore[no-untyped-def, type-arg]
                                          message: str) -> None:
    modelfile.save(stored, tmp_path)
    side = tmp_path / modelfile.SIDECAR_FILE
    side.write_text(json.dumps({**json.loads(side.read_text()), **change}), encoding="utf-8")
    with pytest.raises(ModelFileError, match=message):
        modelfile.load(tmp_path)
    assert modelfile.load_for_matching(tmp_path, load_weights()) is None


def test_too_few_outcomes_means_rules_alone(index, outcomes: str) -> None:  # type: ignore[no-untyped-def]
    few = read_outcomes(io.StringIO(outcomes)).head(50)
    with pytest.raises(TrainingError, match="Te weinig"):
        train(index, few, today=TODAY)


def test_bad_outcomes_file_names_the_problem() -> None:
    with pytest.raises(TrainingError, match="taken_up"):
        read_outcomes(io.StringIO("request_id,activity_id\nr1,a1\n"))
    bad = "request_id,activity_id,taken_up,attending_3m\nr1,a1,misschien,0\n"
    with pytest.raises(TrainingError, match="regel 2, kolom taken_up"):
        read_outcomes(io.StringIO(bad))


def test_train_and_info_commands_end_to_end(engine: Engine, db_url: str, outcomes: str,
                                            tmp_path: Path) -> None:
    with transaction(engine) as conn:
        upsert_activities(conn, CATALOGUE, user="test")
    path = tmp_path / "outcomes.csv"
    path.write_text(outcomes, encoding="utf-8")
    runner = CliRunner()
    trained = runner.invoke(model_group, ["train", "--outcomes", str(path)],
                            obj=CliContext(url=db_url))
    assert trained.exit_code == 0, trained.output
    assert "NDCG@10" in trained.stdout
    info = runner.invoke(model_group, ["info"], obj=CliContext(url=db_url))
    meta = json.loads(info.stdout)
    assert meta["status"] == "bruikbaar" and meta["n_outcomes"] > 1000
    assert {"trained_at", "held_out", "features", "sklearn_version"} <= set(meta)
    answer = runner.invoke(match_command, [], input='{"postcode": "9711"}',
                           obj=CliContext(url=db_url))
    assert answer.exit_code == 0 and json.loads(answer.stdout)["model"] is not None
