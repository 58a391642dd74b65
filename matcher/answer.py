"""The match answer (contract section 4) and how a :class:`~matcher.ranking.Ranked` becomes one."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict

from .config import Weights
from .index import MatchIndex
from .ranking import Ranked
from .reasons import reasons_for
from .request import MatchRequest


class MatchResult(BaseModel):
    """One proposed activity with its score and Dutch reasons (plus extra detail fields)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    organisation: str
    distance_km: float | None
    dimensions: list[str]
    complaints: list[str]
    cost: str
    score: float
    reasons: list[str]
    components: dict[str, float]
    online: bool
    municipality: str | None
    when: str | None
    signup: str | None


class LocationUsed(BaseModel):
    """The point distances were measured from."""

    model_config = ConfigDict(extra="forbid")

    lat: float
    lon: float
    pc4: str | None


class MatchAnswer(BaseModel):
    """The ranked results and how many activities passed the hard limits."""

    model_config = ConfigDict(extra="forbid")

    results: list[MatchResult]
    total_candidates: int
    needs: list[str]
    location: LocationUsed | None
    model: str | None


#: Catalogue columns a result (and its reasons) reads.
_RESULT_COLUMNS = ("id", "name", "organisation", "dimensions", "complaints", "cost_label",
                   "online", "municipality", "when", "signup", "days", "wheelchair")


def _result(index: MatchIndex, ranked: Ranked, i: int, request: MatchRequest, today: date,
            weights: Weights) -> dict[str, Any]:
    row_no = int(ranked.rows[i])
    columns = index.columns
    row = {c: columns[c][row_no] for c in _RESULT_COLUMNS}
    dist = float(ranked.dist[i])
    comps = {k: round(float(v[i]), 4) for k, v in ranked.components.items()}
    return {
        "id": row["id"], "name": row["name"], "organisation": row["organisation"],
        "distance_km": None if dist != dist else round(dist, 1),
        "dimensions": list(row["dimensions"]), "complaints": list(row["complaints"]),
        "cost": row["cost_label"], "score": round(float(ranked.scores[i]), 4),
        "reasons": reasons_for(row, distance=dist, text=comps.get("text", 0.0),
                               verified=float(index.verified[row_no]), needs=ranked.needs,
                               request=request, today=today, weights=weights),
        "components": comps, "online": bool(row["online"]), "municipality": row["municipality"],
        "when": row["when"], "signup": row["signup"],
    }


def build_answer(index: MatchIndex, ranked: Ranked, request: MatchRequest, today: date,
                 weights: Weights) -> MatchAnswer:
    """Render a ranking as the contract's answer (plain data, validated once)."""
    origin = ranked.origin
    return MatchAnswer.model_validate({
        "results": [_result(index, ranked, i, request, today, weights)
                    for i in range(len(ranked.rows))],
        "total_candidates": ranked.total,
        "needs": list(ranked.needs.dimensions),
        "location": None if origin is None else {"lat": origin.lat, "lon": origin.lon,
                                                 "pc4": origin.pc4},
        "model": ranked.model,
    })
