"""Likely duplicates: similar name and organisation, and close together (or both online).

Reported on import and listed for review; they never block. Candidates are blocked by a grid
of about 1 km (neighbouring cells included), by PC4 for entries without coordinates, and one
block for online activities, so a few thousand rows compare quickly.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from ..geo import haversine_km
from ..models import ActivityIn
from .report import Problem

NAME_THRESHOLD = 85.0
ORGANISATION_THRESHOLD = 80.0
MAX_KM = 1.0
_CELL_LAT, _CELL_LON = 0.01, 0.015  # about 1.1 km by 1.0 km in the Netherlands


@dataclass(frozen=True)
class Candidate:
    """An activity to compare, with its spreadsheet row (None when it is already stored)."""

    activity: ActivityIn
    row: int | None = None

    def label(self) -> str:
        """Dutch reference: 'rij 5 "Naam" (id)' or 'catalogus "Naam" (id)'."""
        where = f"rij {self.row}" if self.row is not None else "catalogus"
        a = self.activity
        return f'{where} "{a.name}" ({a.organisation.name}, {a.id})'


@dataclass(frozen=True)
class DuplicatePair:
    """Two activities that are probably the same, with the evidence."""

    first: Candidate
    second: Candidate
    name_score: float
    organisation_score: float
    distance_km: float | None

    def problem(self) -> Problem:
        """The pair as a report line (a warning, never an error)."""
        if self.distance_km is None:
            where = "beide online" if self.first.activity.online else "zelfde postcodegebied"
        else:
            where = f"{self.distance_km:.1f} km uit elkaar".replace(".", ",")
        return Problem(
            f"mogelijk dubbel: {self.first.label()} en {self.second.label()}; naam "
            f"{self.name_score:.0f}% gelijk, organisatie {self.organisation_score:.0f}%, {where}",
            self.first.row or self.second.row, "naam")


def _coords(a: ActivityIn) -> tuple[float, float] | None:
    loc = a.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    return loc.lat, loc.lon


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_LAT), math.floor(lon / _CELL_LON)


def _home_keys(a: ActivityIn) -> list[object]:
    keys: list[object] = ["online"] if a.online else []
    if (xy := _coords(a)) is not None:
        keys.append(_cell(*xy))
    elif a.location is not None and a.location.pc4:
        keys.append(f"pc4:{a.location.pc4}")
    return keys


def _near_keys(a: ActivityIn) -> Iterator[object]:
    for key in _home_keys(a):
        if isinstance(key, tuple):
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    yield key[0] + di, key[1] + dj
        else:
            yield key


def similarity(a: str, b: str) -> float:
    """Name similarity 0-100: word order and spaces in compounds do not matter."""
    words = fuzz.token_sort_ratio(a, b, processor=utils.default_process)
    joined = fuzz.ratio(utils.default_process(a).replace(" ", ""),
                        utils.default_process(b).replace(" ", ""))
    return max(words, joined)


def _compare(x: Candidate, y: Candidate) -> DuplicatePair | None:
    a, b = x.activity, y.activity
    name = similarity(a.name, b.name)
    if name < NAME_THRESHOLD:
        return None
    org = 100.0 if a.organisation.id == b.organisation.id else similarity(
        a.organisation.name, b.organisation.name)
    if org < ORGANISATION_THRESHOLD:
        return None
    pa, pb = _coords(a), _coords(b)
    distance = haversine_km(*pa, *pb) if pa and pb else None
    both_online = a.online and b.online
    same_pc4 = pa is None and pb is None and a.location is not None and b.location is not None \
        and a.location.pc4 == b.location.pc4
    if not (both_online or same_pc4 or (distance is not None and distance <= MAX_KM)):
        return None
    return DuplicatePair(x, y, name, org, None if both_online else distance)


def find_duplicates(incoming: list[Candidate],
                    stored: Iterable[ActivityIn] = ()) -> list[DuplicatePair]:
    """Likely duplicates within ``incoming`` and between ``incoming`` and ``stored``.

    Stored activities with an id that is also incoming are skipped (they are being updated).
    """
    ids = {c.activity.id for c in incoming}
    pool = [*incoming, *(Candidate(a) for a in stored if a.id not in ids)]
    index: dict[object, list[int]] = defaultdict(list)
    for n, cand in enumerate(pool):
        for key in _home_keys(cand.activity):
            index[key].append(n)
    pairs: list[DuplicatePair] = []
    seen: set[tuple[int, int]] = set()
    for i, cand in enumerate(incoming):
        for key in _near_keys(cand.activity):
            for j in index.get(key, ()):
                pair_key = (min(i, j), max(i, j))
                if j == i or pair_key in seen or pool[j].activity.id == cand.activity.id:
                    continue
                seen.add(pair_key)
                if (found := _compare(*(pool[k] for k in pair_key))) is not None:
                    pairs.append(found)
    return sorted(pairs, key=lambda p: (p.first.row or 0, p.second.row or 0))
