"""Training the re-ranker on recorded outcomes (a CSV for now; see ``docs/matcher.md``).

One row per proposed activity: the request it was proposed for (grouped by ``request_id``), the
activity, whether it was taken up and whether the person still attended after three months.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

from .config import Weights, load_synonyms, load_weights
from .errors import MatchError, TrainingError
from .features import feature_matrix
from .filters import distances_km, fill_distances
from .index import MatchIndex
from .modelfile import StoredModel
from .ranking import components_for
from .request import MatchRequest, origin_of, parse_request
from .rerank import OutcomeReRanker, mean_ndcg
from .scoring import needs_of, weighted_sum

REQUIRED = ("request_id", "activity_id", "taken_up", "attending_3m")
REQUEST_COLUMNS = ("postcode", "lat", "lon", "dimensions", "spinnenweb", "complaints", "query",
                   "age", "free_only", "wheelchair", "online_ok")
NDCG_K = 10


def read_outcomes(source: str | Path | IO[str]) -> pd.DataFrame:
    """Read and check an outcomes CSV; raises :class:`TrainingError` naming the column or row."""
    try:
        frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as exc:
        raise TrainingError(f"Uitkomstenbestand onleesbaar: {exc}") from exc
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise TrainingError(f"Uitkomstenbestand mist kolom(men): {', '.join(missing)}")
    if "proposed" in frame.columns:
        frame = frame.loc[frame["proposed"].map(_flag).to_numpy(dtype=bool)]
    for col in ("taken_up", "attending_3m"):
        bad = ~frame[col].isin(["0", "1", "ja", "nee", "true", "false"])
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0]) + 2
            raise TrainingError(f"Uitkomstenbestand regel {row}, kolom {col}: gebruik 0 of 1")
    return frame.reset_index(drop=True)


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "ja", "true")


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.replace(",", ";").split(";") if v.strip()]


def _spinnenweb(value: str) -> dict[str, float]:
    pairs = (p.split(":", 1) for p in _list(value))
    return {k.strip(): float(v) for k, v in pairs}


def request_from_row(row: dict[str, str]) -> MatchRequest:
    """The match request recorded in an outcomes row (empty cells: not given)."""
    raw: dict[str, Any] = {}
    get = {c: row.get(c, "").strip() for c in REQUEST_COLUMNS}
    if get["postcode"]:
        raw["postcode"] = get["postcode"]
    elif get["lat"] and get["lon"]:
        raw["lat"], raw["lon"] = float(get["lat"]), float(get["lon"])
    for key, conv in (("dimensions", _list), ("complaints", _list), ("spinnenweb", _spinnenweb)):
        if get[key]:
            raw[key] = conv(get[key])
    if get["query"]:
        raw["query"] = get["query"]
    if get["age"]:
        raw["age"] = int(get["age"])
    for key in ("free_only", "wheelchair", "online_ok"):
        if get[key]:
            raw[key] = _flag(get[key])
    return parse_request(raw)


@dataclass
class TrainingSet:
    """Features, gains, query groups and rule scores of the usable outcomes."""

    X: np.ndarray
    y: np.ndarray
    groups: np.ndarray
    rule_scores: np.ndarray
    skipped: int


def _group_rows(index: MatchIndex, part: pd.DataFrame, today: date,
                weights: Weights) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    request = request_from_row(part.iloc[0].to_dict())
    lookup = {a: i for i, a in enumerate(index.ids)}
    known = part[part["activity_id"].isin(lookup)]
    rows = np.array([lookup[a] for a in known["activity_id"]], dtype=int)
    dist, _ = distances_km(index, origin_of(request), None, weights.distance.horizon_km)
    dist[rows] = fill_distances(index, origin_of(request), rows, dist)
    comps = components_for(index, request, dist, needs_of(request, weights.need), today,
                           weights, load_synonyms(), rows)
    gains = known["taken_up"].map(_flag).astype(float) + known["attending_3m"].map(_flag)
    return (feature_matrix(index, rows, comps, dist), gains.to_numpy(dtype=float),
            weighted_sum(comps, weights), rows)


def training_set(index: MatchIndex, outcomes: pd.DataFrame, today: date,
                 weights: Weights | None = None) -> TrainingSet:
    """Compute features for every outcome whose activity is in the index."""
    weights = weights or load_weights()
    xs, ys, gs, rs = [], [], [], []
    for gid, (rid, part) in enumerate(outcomes.groupby("request_id", sort=True)):
        try:
            X, y, rule, rows = _group_rows(index, part, today, weights)  # noqa: N806
        except (MatchError, ValueError) as exc:
            msg = exc.message if isinstance(exc, MatchError) else str(exc)
            raise TrainingError(f"Uitkomsten van verzoek {rid}: {msg}") from exc
        xs.append(X)
        ys.append(y)
        gs.append(np.full(len(y), gid))
        rs.append(rule)
    if not xs:
        raise TrainingError("Het uitkomstenbestand bevat geen voorgestelde activiteiten.")
    y_all = np.concatenate(ys)
    return TrainingSet(np.vstack(xs), y_all, np.concatenate(gs), np.concatenate(rs),
                       skipped=len(outcomes) - len(y_all))


def held_out(ts: TrainingSet, random_state: int) -> dict[str, float | int]:
    """NDCG@10 on held-out requests: the model alone, the rules alone, and the blend."""
    split = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=random_state)
    train, test = next(split.split(ts.X, ts.y, ts.groups))
    model = OutcomeReRanker(random_state=random_state).fit(ts.X[train], ts.y[train])
    pred = model.predict(ts.X[test])
    g, y = ts.groups[test], ts.y[test]
    return {"ndcg_at_10_model": round(mean_ndcg(NDCG_K, g, y, pred), 4),
            "ndcg_at_10_rules": round(mean_ndcg(NDCG_K, g, y, ts.rule_scores[test]), 4),
            "held_out_requests": int(len(np.unique(g))), "held_out_outcomes": int(len(test))}


def train(index: MatchIndex, outcomes: pd.DataFrame, *, today: date, random_state: int = 0,
          weights: Weights | None = None) -> StoredModel:
    """Evaluate on held-out requests, then fit on all outcomes; refuses too few outcomes."""
    weights = weights or load_weights()
    ts = training_set(index, outcomes, today, weights)
    if len(ts.y) < weights.rerank.min_outcomes:
        raise TrainingError(
            f"Te weinig bruikbare uitkomsten ({len(ts.y)}, minimaal "
            f"{weights.rerank.min_outcomes}); de matcher blijft alleen regels gebruiken.")
    metric = held_out(ts, random_state)
    model = OutcomeReRanker(random_state=random_state).fit(ts.X, ts.y)
    meta = {"trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "n_outcomes": int(len(ts.y)), "n_requests": int(len(np.unique(ts.groups))),
            "skipped_outcomes": ts.skipped, "catalogue_version": index.version,
            "held_out": metric}
    return StoredModel(model, meta)


def describe(meta: dict[str, Any]) -> str:
    """The sidecar as readable JSON (for ``model info``)."""
    return json.dumps(meta, indent=2, ensure_ascii=False)
