"""Dutch postcodes: normalising them and locating them by their PC4 centroid (CBS data)."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from functools import cache

import data

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Place:
    """A PC4 area: its centroid, town, municipality and province."""

    pc4: str
    lat: float
    lon: float
    town: str
    municipality: str
    province: str


def normalise_postcode(text: str) -> str | None:
    """Return ``9711AB`` for ``9711 ab`` (or ``9711`` for a PC4); None when malformed."""
    m = _POSTCODE.match(text or "")
    if not m:
        return None
    letters = (m.group(2) or "").upper()
    if letters in ("SA", "SD", "SS"):
        return None
    return m.group(1) + letters


@cache
def pc4_places() -> dict[str, Place]:
    """All PC4 areas by their 4 digits (loaded once per process)."""
    text = data.read_text("geo", "pc4_nl.csv")
    places = {}
    for row in csv.DictReader(io.StringIO(text)):
        places[row["pc4"]] = Place(
            row["pc4"], float(row["lat"]), float(row["lon"]),
            row["woonplaats"], row["gemeente"], row["provincie"],
        )
    return places


@cache
def municipalities() -> dict[str, str]:
    """Municipality name -> province, for all Dutch municipalities (CBS 2025)."""
    text = data.read_text("geo", "gemeenten_nl.csv")
    return {row["naam"]: row["provincie"] for row in csv.DictReader(io.StringIO(text))}


def locate(postcode: str) -> Place | None:
    """The PC4 area of a (normalised or raw) postcode, or None when unknown or malformed."""
    norm = normalise_postcode(postcode)
    if norm is None:
        return None
    return pc4_places().get(norm[:4])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
