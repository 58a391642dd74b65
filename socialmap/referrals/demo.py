"""A deterministic, realistic demo set of referrals (labelled demo) on the stored catalogue.

References look like ``DEMO-2026-0001`` and the practices and organisation carry "(demo)", so
demo records can never be mistaken for real ones. Every record goes through the normal,
validated store functions.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, select

from socialmap.models import Activity, Status
from socialmap.store import ActivityFilter, list_activities
from socialmap.tables import referrals
from socialmap.vocabulary import load_vocabulary

from .errors import ReferralError
from .models import AgeBand, ReferralIn
from .store import create_referral

DEMO_PREFIX = "DEMO-"
ORGANISATION = "Welzijn Groningen (demo)"
PRACTICES = ("Huisartsenpraktijk De Linde (demo)", "Gezondheidscentrum Oosterpoort (demo)",
             "Huisartsen Vinkhuizen (demo)")
COACHES = ("demo-coach-1", "demo-coach-2")
AGE_WEIGHTS = {AgeBand.A18_29: 2, AgeBand.A30_44: 3, AgeBand.A45_64: 4, AgeBand.A65_74: 3,
               AgeBand.A75_PLUS: 2}
COMPLAINT_WEIGHTS = {"eenzaamheid": 6, "psychisch_licht": 6, "vastlopen": 3, "mantelzorg": 2,
                     "zingeving": 3, "financien": 2, "slaapproblemen": 2, "leefstijl": 2,
                     "solk": 1, "chronisch_lichamelijk": 2, "wonen_wijk": 1}
QUESTIONS = {
    "eenzaamheid": "Meer contact met mensen in de buurt.",
    "psychisch_licht": "Minder piekeren en weer rust vinden.",
    "vastlopen": "Weer richting vinden na een ingrijpende gebeurtenis.",
    "mantelzorg": "Ontlasting als mantelzorger en tijd voor mezelf.",
    "zingeving": "Een zinvolle dagbesteding vinden.",
    "financien": "Overzicht krijgen over geld en rondkomen.",
    "slaapproblemen": "Beter slapen door meer structuur overdag.",
    "leefstijl": "Meer bewegen, samen met anderen.",
}
NOT_REFERRED = ("Inwoner wilde eerst zelf verder met het eigen netwerk.",
                "Geen passend aanbod op een haalbaar tijdstip.",
                "Warme overdracht naar de POH-GGZ.")


def _pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _spinnenweb(rng: random.Random) -> dict[str, float]:
    return {d: rng.randint(4, 12) / 2 for d in load_vocabulary().dimensions.ids}


def _end_web(rng: random.Random, intake: dict[str, float], dims: set[str]) -> dict[str, float]:
    def moved(dim: str, score: float) -> float:
        step = rng.randint(2, 6) if dim in dims else rng.randint(-1, 2)
        return min(10.0, max(0.0, score + step / 2))
    return {d: moved(d, s) for d, s in intake.items()}


def _proposals(rng: random.Random, pool: list[Activity], complaints: list[str]) -> list[Activity]:
    fitting = [a for a in pool if set(a.complaints) & set(complaints)] or pool
    return rng.sample(fitting, k=min(len(fitting), rng.randint(1, 3)))


def _followup(rng: random.Random, started: date, today: date) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for months, keep in ((3, 0.72), (6, 0.85), (9, 0.9)):
        if started + timedelta(days=30 * months) > today:
            break
        if rng.random() < keep:
            result[f"attending_{months}m"] = True
            continue
        result[f"attending_{months}m"] = False
        result["dropped_out_date"] = started + timedelta(days=rng.randint(14, 30 * months))
        result["dropout_reason"] = rng.choice(("Paste niet bij de groep.", "Verhuisd.",
                                               "Lichamelijke klachten namen toe."))
        break
    return result


def _record(rng: random.Random, n: int, pool: list[Activity], municipality: str,
            today: date) -> dict[str, Any]:
    referral_date = today - timedelta(days=rng.randint(5, 540))
    complaints = sorted({_pick(rng, COMPLAINT_WEIGHTS) for _ in range(rng.randint(1, 2))})
    practice = rng.choices(PRACTICES, weights=(5, 3, 2))[0]
    data: dict[str, Any] = {
        "reference": f"{DEMO_PREFIX}{referral_date.year}-{n:04d}", "practice": practice,
        "organisation": ORGANISATION, "municipality": municipality,
        "coach": COACHES[n % 2], "age_band": _pick(rng, AGE_WEIGHTS),
        "complaints": complaints, "referral_date": referral_date,
    }
    contact = referral_date + timedelta(days=rng.choice((2, 4, 6, 8, 9, 11, 13, 17, 22)))
    if contact > today:
        return data
    intake = _spinnenweb(rng)
    data.update(first_contact_date=contact, intake_spinnenweb=intake, talks=rng.randint(1, 3),
                question=QUESTIONS.get(complaints[0], "Weer meedoen en zich beter voelen."))
    proposed = _proposals(rng, pool, complaints)
    chosen = proposed[0] if rng.random() < 0.78 else None
    items = []
    for act in proposed:
        item: dict[str, Any] = {"activity_id": act.id, "chosen": act is chosen}
        start = contact + timedelta(days=rng.randint(7, 21))
        if act is chosen and start <= today:
            item.update(started_date=start, provider_first_contact_days=rng.randint(1, 6),
                        followup=_followup(rng, start, today))
        items.append(item)
    data["activities"] = items
    end = contact + timedelta(days=rng.randint(40, 120))
    if end <= today:
        dims = set(chosen.dimensions) if chosen else set()
        reached = chosen is not None and rng.random() < 0.75
        data.update(end_date=end, talks=rng.randint(3, 8), end_spinnenweb=_end_web(
            rng, intake, dims), goal_reached=reached,
            goal_explanation="Neemt deel en voelt zich beter." if reached else
            "Nog geen passende activiteit gevonden.", referred_on=chosen is not None,
            referred_on_why=None if chosen else rng.choice(NOT_REFERRED))
    return data


def demo_referrals(activities: list[Activity], *, today: date, count: int = 160,
                   seed: int = 2026) -> list[ReferralIn]:
    """The demo records for ``activities`` (pure and deterministic for a given today/seed)."""
    pool = [a for a in activities if a.status is Status.ACTIEF and a.dimensions]
    if not pool:
        raise ReferralError("Er staan geen actieve activiteiten in de sociale kaart; laad eerst "
                            "de demo-catalogus.", [{"field": "activities", "message": "leeg"}])
    places = Counter(a.location.municipality for a in pool if a.location and
                     a.location.municipality)
    municipality = places.most_common(1)[0][0] if places else "Demo"
    rng = random.Random(seed)
    return [ReferralIn.model_validate(_record(rng, n, pool, municipality, today))
            for n in range(1, count + 1)]


def has_demo(conn: Connection) -> bool:
    """Whether demo referrals are already stored."""
    stmt = select(referrals.c.id).where(referrals.c.reference.like(f"{DEMO_PREFIX}%")).limit(1)
    return conn.execute(stmt).first() is not None


def load_demo(conn: Connection, *, today: date, count: int = 160) -> int:
    """Store the demo referrals once (validated like any record); returns how many were added."""
    if has_demo(conn):
        return 0
    activities = list_activities(conn, ActivityFilter(status=Status.ACTIEF))
    records = demo_referrals(activities, today=today, count=count)
    for record in records:
        create_referral(conn, record, user="demo", today=today)
    return len(records)
