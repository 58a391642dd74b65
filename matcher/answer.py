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


def _results(index: MatchIndex, ranked: Ranked, request: MatchRequest, today: date,
             weights: Weights) -> list[dict[str, Any]]:
    """The results as plain data (catalogue values fetched column by column for all rows)."""
    rounded = {k: [round(x, 4) for x in v.tolist()] for k, v in ranked.components.items()}
    comps = [{k: values[i] for k, values in rounded.items()} for i in range(len(ranked.rows))]
    verified = index.verified[ranked.rows].tolist()
    out = []
    for row, dist, score, parts, checked in zip(index.records(ranked.rows), ranked.dist.tolist(),
                                               ranked.scores.tolist(), comps, verified,
                                               strict=True):
        out.append({
            "id": row["id"], "name": row["name"], "organisation": row["organisation"],
            "distance_km": None if dist != dist else round(dist, 1),
            "dimensions": list(row["dimensions"]), "complaints": list(row["complaints"]),
            "cost": row["cost_label"], "score": round(score, 4),
            "reasons": reasons_for(row, distance=dist, text=parts.get("text", 0.0),
                                   verified=checked, needs=ranked.needs, request=request,
                                   today=today, weights=weights),
            "components": parts, "online": bool(row["online"]),
            "municipality": row["municipality"], "when": row["when"], "signup": row["signup"],
        })
    return out


def build_answer(index: MatchIndex, ranked: Ranked, request: MatchRequest, today: date,
                 weights: Weights) -> MatchAnswer:
    """Render a ranking as the contract's answer (plain data, validated once)."""
    origin = ranked.origin
    return MatchAnswer.model_validate({
        "results": _results(index, ranked, request, today, weights),
        "total_candidates": ranked.total,
        "needs": list(ranked.needs.dimensions),
        "location": None if origin is None else {"lat": origin.lat, "lon": origin.lon,
                                                 "pc4": origin.pc4},
        "model": ranked.model,
    })
