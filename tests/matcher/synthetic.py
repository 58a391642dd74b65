"""A small synthetic catalogue around Groningen and outcomes drawn from a hidden preference."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pandas as pd

from matcher.index import MatchIndex
from matcher.ranking import rank
from matcher.request import parse_request
from socialmap.geo import pc4_places
from socialmap.models import DAYS, Activity
from socialmap.vocabulary import load_vocabulary

from .catalogue import TODAY

PC4S = sorted(p for p in pc4_places() if p.startswith("97"))
KINDS = ["Wandelgroep", "Koffieochtend", "Yoga", "Schilderclub", "Budgetmaatje", "Maatje",
         "Moestuin", "Zangkoor", "Digicafe", "Rouwgroep"]


def activities(n: int, seed: int) -> list[Activity]:
    """``n`` classified activities in PC4 areas 97xx."""
    rng = np.random.default_rng(seed)
    dims = load_vocabulary().dimensions.ids
    out = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        out.append(Activity.model_validate({
            "id": f"s{i}", "name": f"{kind} {i}", "description": f"{kind} voor iedereen.",
            "organisation": {"id": f"org{i % 25}", "name": f"Organisatie {i % 25}"},
            "dimensions": rng.choice(dims, size=rng.integers(1, 3), replace=False).tolist(),
            "location": {"postcode": str(rng.choice(PC4S))},
            "cost": {"amount_eur": str(rng.choice(["0", "0", "2.5", "10"]))},
            "schedule": {"days": rng.choice(DAYS, size=rng.integers(1, 4), replace=False).tolist()},
            "last_verified": "2025-01-01",
        }))
    return out


def _request(rng: np.random.Generator) -> dict[str, Any]:
    dims = load_vocabulary().dimensions.ids
    return {"postcode": str(rng.choice(PC4S)),
            "dimensions": rng.choice(dims, size=2, replace=False).tolist(), "limit": 15}


def hidden_utility(index: MatchIndex, row: int, km: float) -> float:
    """What people really take up: free, several days a week, close by (rules weigh otherwise)."""
    return -1.0 + 2.5 * float(index.free[row]) + 1.5 * float(index.n_days[row] >= 2) - 0.4 * km


def outcomes_csv(index: MatchIndex, n_requests: int, seed: int) -> str:
    """Outcomes of the rules' proposals for random requests, as the documented CSV."""
    rng = np.random.default_rng(seed)
    lookup = {a: i for i, a in enumerate(index.ids)}
    rows = []
    for r in range(n_requests):
        raw = _request(rng)
        ranked = rank(index, parse_request(raw), today=TODAY)
        for row, km in zip(ranked.rows, ranked.dist, strict=True):
            u = hidden_utility(index, int(row), float(km))
            took = rng.random() < 1 / (1 + np.exp(-u))
            stays = took and rng.random() < 1 / (1 + np.exp(-(u - 0.5)))
            rows.append({"request_id": f"r{r}", "postcode": raw["postcode"],
                         "dimensions": ";".join(raw["dimensions"]),
                         "activity_id": index.ids[lookup[index.ids[row]]], "proposed": 1,
                         "taken_up": int(took), "attending_3m": int(stays)})
    buffer = io.StringIO()
    pd.DataFrame(rows).to_csv(buffer, index=False)
    return buffer.getvalue()
