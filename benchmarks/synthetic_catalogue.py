"""A national-scale synthetic sociale kaart: activities over the real PC4 centroids.

Deterministic for a seed. Returns the matcher's catalogue frame (``matcher.index.FRAME_COLUMNS``)
so an index can be built from it directly, without a database:

    frame = synthetic_frame(100_000, seed=1)
    index = MatchIndex.from_frame(frame)
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from matcher.index import FRAME_COLUMNS
from socialmap.geo import pc4_places
from socialmap.models import DAY_NAMES, DAYS
from socialmap.vocabulary import load_vocabulary

REFERENCE_DAY = date(2025, 6, 1)
#: Share of each spinnenweb dimension as the main dimension of an activity.
DIMENSION_MIX = {
    "meedoen": 0.30, "lichaamsfuncties": 0.25, "mentaal_welbevinden": 0.15, "zingeving": 0.12,
    "kwaliteit_van_leven": 0.08, "dagelijks_functioneren": 0.10,
}
KINDS = {
    "meedoen": ["Koffieochtend", "Maatjesproject", "Buurtkamer", "Inloophuis", "Eetgroep",
                "Dorpshuis", "Vrijwilligerspunt", "Samen koken", "Spelletjesmiddag"],
    "lichaamsfuncties": ["Wandelgroep", "Fietsclub", "Beweegclub", "Sportcoach", "Dansles",
                         "Fitness", "Slaapcoach", "Zwemmen", "Jeu de boules"],
    "mentaal_welbevinden": ["Mindfulness", "Yoga", "Tai chi", "Weerbaarheidstraining",
                            "Assertiviteitstraining", "Omgaan met stress", "Meditatie"],
    "zingeving": ["Schilderclub", "Creatief atelier", "Rouwgroep", "Zangkoor", "Leesclub",
                  "Moestuin", "Filosofiecafe", "Geestelijk verzorger"],
    "kwaliteit_van_leven": ["Grip en Glans", "Budgetmaatje", "Boksen", "Buurtvereniging",
                            "Woonadvies", "Energiecoach"],
    "dagelijks_functioneren": ["VoorzieningenWijzer", "Thuisadministratie", "Planning en structuur",
                               "Digicafe", "Taalcafe", "Formulierenhulp"],
}
FILLER = ("samen gezellig rustig tempo iedereen welkom buurt wijk ervaren begeleiding koffie "
          "thee kennismaken gratis eerste keer vrijblijvend elke week ontmoeten nieuwe mensen "
          "plezier aandacht ruimte vertrouwd deskundig vrijwilligers groep kleine persoonlijk "
          "contact informatie aanmelden bellen ouderen jongeren volwassenen senioren mantelzorgers "
          "beweging gezondheid energie ontspanning structuur").split()


def _dimensions(rng: np.random.Generator, n: int) -> tuple[np.ndarray, list[list[str]]]:
    ids = list(DIMENSION_MIX)
    main = rng.choice(len(ids), size=n, p=list(DIMENSION_MIX.values()))
    second = rng.choice(len(ids), size=n)
    extra = rng.random(n) < 0.4
    return main, [[ids[m]] + ([ids[s]] if e and s != m else [])
                  for m, s, e in zip(main, second, extra, strict=True)]


def _complaints(rng: np.random.Generator, n: int) -> list[list[str]]:
    ids = load_vocabulary().complaints.ids
    counts = rng.choice([0, 1, 2], size=n, p=[0.4, 0.4, 0.2])
    return [sorted(set(rng.choice(ids, size=c).tolist())) for c in counts]


def _days(rng: np.random.Generator, n: int) -> tuple[list[list[str]], list[str]]:
    first = rng.integers(0, 7, size=n)
    two = rng.random(n) < 0.3
    hours = rng.choice([9, 10, 13, 14, 19], size=n)
    days = [sorted({DAYS[f], DAYS[(f + 2) % 7]} if t else {DAYS[f]}, key=DAYS.index)
            for f, t in zip(first, two, strict=True)]
    when = [f"{DAY_NAMES[d[0]]} {h}:00-{h + 2}:00" for d, h in zip(days, hours, strict=True)]
    return days, when


def _cost(rng: np.random.Generator, n: int) -> tuple[np.ndarray, list[str]]:
    kind = rng.random(n)
    amount = np.round(rng.choice([1, 2, 2.5, 3, 5, 10, 25, 50], size=n), 2)
    cost = np.where(kind < 0.55, 0.0, np.where(kind < 0.85, amount, np.nan))
    labels = ["onbekend" if np.isnan(c) else "gratis" if c == 0 else
              "€ " + f"{c:.2f}".replace(".", ",") for c in cost]
    return cost, labels


def _ages(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    kind = rng.random(n)
    low = np.where(kind < 0.10, 65.0, np.where(kind < 0.15, 55.0, np.where(kind < 0.2, 18, np.nan)))
    high = np.where((kind > 0.95), 27.0, np.nan)
    return np.where(kind > 0.95, 16.0, low), high


def _verified(rng: np.random.Generator, n: int) -> list[date | None]:
    ages = rng.integers(0, 36 * 30, size=n)
    never = rng.random(n) < 0.10
    return [None if nv else REFERENCE_DAY - timedelta(days=int(a))
            for a, nv in zip(ages, never, strict=True)]


def synthetic_frame(n: int = 100_000, seed: int = 1, online_share: float = 0.08) -> pd.DataFrame:
    """``n`` active, classified activities spread over all Dutch PC4 areas."""
    rng = np.random.default_rng(seed)
    places = list(pc4_places().values())
    where = rng.integers(0, len(places), size=n)
    online = rng.random(n) < online_share
    main, dims = _dimensions(rng, n)
    kinds = [KINDS[list(DIMENSION_MIX)[m]] for m in main]
    kind = [k[i % len(k)] for k, i in zip(kinds, rng.integers(0, 100, size=n), strict=True)]
    town = [places[w].town for w in where]
    names = [f"{k} {t}" if not o else f"{k} online" for k, t, o in zip(kind, town, online,
                                                                     strict=True)]
    fill = rng.integers(0, len(FILLER), size=(n, 8))
    desc = [f"{k}: " + " ".join(FILLER[j] for j in row) for k, row in zip(kind, fill, strict=True)]
    jitter = rng.normal(0, 0.008, size=(n, 2))
    lat = np.array([places[w].lat for w in where]) + jitter[:, 0]
    lon = np.array([places[w].lon for w in where]) + jitter[:, 1]
    cost, labels = _cost(rng, n)
    age_min, age_max = _ages(rng, n)
    days, when = _days(rng, n)
    orgs = rng.integers(0, max(n // 8, 1), size=n)
    frame = pd.DataFrame({
        "id": [f"syn-{i:06d}" for i in range(n)], "name": names, "description": desc,
        "organisation_id": [f"org-{o}" for o in orgs],
        "organisation": [f"Welzijnsorganisatie {o}" for o in orgs],
        "dimensions": dims, "complaints": _complaints(rng, n),
        "lat": np.where(online, np.nan, lat), "lon": np.where(online, np.nan, lon),
        "online": online, "cost_eur": cost, "cost_label": labels, "when": when, "days": days,
        "age_min": age_min, "age_max": age_max,
        "wheelchair": rng.choice(["ja", "nee", "onbekend"], size=n, p=[0.4, 0.2, 0.4]),
        "last_verified": _verified(rng, n),
        "municipality": [None if o else places[w].municipality for w, o in zip(where, online,
                                                                              strict=True)],
        "city": [None if o else t for t, o in zip(town, online, strict=True)],
    })
    return frame[list(FRAME_COLUMNS)]


if __name__ == "__main__":
    print(synthetic_frame(10).to_string())
