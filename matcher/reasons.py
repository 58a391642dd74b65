"""Dutch reasons a coach can read out, rendered from the score components and activity data."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import numpy as np

from socialmap.models import DAY_NAMES
from socialmap.vocabulary import load_vocabulary

from .config import Weights
from .request import MatchRequest
from .scoring import DAYS_PER_MONTH, Needs

_TIME = re.compile(r"\b(\d{1,2})(?:[:.]\d{2}|\s*uur)")
_PARTS = ("ochtend", "middag", "avond")
TEXT_REASON_MIN = 0.3


def number(value: float, decimals: int = 1) -> str:
    """Dutch number: 1,2 (and 3 rather than 3,0)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}".replace(".", ",")


def day_part(when: str | None) -> str | None:
    """'ochtend', 'middag' or 'avond' from a schedule text such as 'dinsdag 10:00-12:00'."""
    if not when:
        return None
    low = when.lower()
    for part in _PARTS:
        if part in low:
            return part
    m = _TIME.search(low)
    if m is None:
        return None
    hour = int(m.group(1))
    return "ochtend" if hour < 12 else "middag" if hour < 17 else "avond"


def schedule_reason(days: list[str], when: str | None) -> str | None:
    """'dinsdagochtend', 'maandag- en donderdagavond', 'op 5 dagen per week' ..."""
    if not days:
        return None
    if len(days) > 3:
        return f"op {len(days)} dagen per week"
    part = day_part(when)
    names = [DAY_NAMES[d] for d in days]
    if part is None:
        return "op " + " en ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
    heads = ", ".join(n + "-" for n in names[:-1])
    return " en ".join(filter(None, [heads, names[-1] + part]))


def distance_reason(km: float) -> str:
    """'1,2 km van huis' (and no '0 km' for the person's own postcode area)."""
    if km < 0.1:
        return "minder dan 0,1 km van huis"
    return f"{number(round(km, 1))} km van huis"


def need_reasons(dims: list[str], needs: Needs, request: MatchRequest) -> list[str]:
    """'Past bij Meedoen (jouw score 3)' for every need the activity serves."""
    label = load_vocabulary().dimensions.label
    out = []
    for d in needs.dimensions:
        if d in dims:
            web = request.spinnenweb.get(d)
            out.append(f"Past bij {label(d)}" + (f" (jouw score {number(web)})"
                                                 if web is not None else ""))
    return out


def freshness_reason(verified: float, today: date, weights: Weights) -> str | None:
    """A caution when the entry was not verified recently."""
    if np.isnan(verified):
        return "let op: gegevens nooit gecontroleerd"
    months = (today.toordinal() - verified) / DAYS_PER_MONTH
    if months > weights.freshness.warn_months:
        return "let op: gegevens langer dan een jaar niet gecontroleerd"
    return None


def reasons_for(row: dict[str, Any], *, distance: float, text: float, verified: float,
                needs: Needs, request: MatchRequest, today: date, weights: Weights) -> list[str]:
    """All reasons for one activity, most important first."""
    comp_label = load_vocabulary().complaints.label
    dims = list(row["dimensions"])
    out = need_reasons(dims, needs, request)
    out += [f"Bedoeld voor: {comp_label(c).lower()}" for c in request.complaints
            if c in row["complaints"]]
    if request.query and text >= TEXT_REASON_MIN:
        out.append(f"Past bij je zoekvraag \"{request.query}\"")
    if row["online"]:
        out.append("online of telefonisch, vanuit huis")
    elif not np.isnan(distance):
        out.append(distance_reason(distance))
    cost = str(row["cost_label"])
    out.append("gratis" if cost == "gratis" else f"kosten {cost}" if cost != "onbekend" else
               "kosten onbekend")
    when = schedule_reason(list(row["days"]), row["when"])
    if when:
        out.append(when)
    if row["wheelchair"] == "ja":
        out.append("rolstoeltoegankelijk")
    caution = freshness_reason(verified, today, weights)
    return out + [caution] if caution else out
