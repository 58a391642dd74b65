"""Domain models of the sociale kaart (pydantic; never ORM classes).

An :class:`Activity` is one activity of one organisation at one place (or online/by telephone).
Vocabulary ids (dimensions, complaint categories) are validated on construction.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .geo import normalise_postcode
from .vocabulary import load_vocabulary, unique_known_ids

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAY_NAMES = {
    "ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag",
    "vr": "vrijdag", "za": "zaterdag", "zo": "zondag",
}
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")


class Status(StrEnum):
    """Whether an activity is offered now."""

    ACTIEF = "actief"
    GEPAUZEERD = "gepauzeerd"
    INACTIEF = "inactief"


class Wheelchair(StrEnum):
    """Wheelchair accessibility as the provider states it."""

    JA = "ja"
    NEE = "nee"
    ONBEKEND = "onbekend"


class Organisation(BaseModel):
    """The provider of one or more activities."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=300)


class Location(BaseModel):
    """Where an activity takes place; coordinates are WGS84 and optional."""

    model_config = ConfigDict(extra="forbid")

    address: str | None = Field(default=None, max_length=300)
    postcode: str | None = None
    city: str | None = Field(default=None, max_length=200)
    municipality: str | None = Field(default=None, max_length=200)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str | None) -> str | None:
        if value is None:
            return None
        norm = normalise_postcode(value)
        if norm is None:
            raise ValueError("postcode moet 4 cijfers zijn, eventueel met 2 letters (9711AB)")
        return norm

    @model_validator(mode="after")
    def _both_coordinates(self) -> Location:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("geef zowel lat als lon, of geen van beide")
        return self

    @property
    def pc4(self) -> str | None:
        """The 4-digit part of the postcode."""
        return self.postcode[:4] if self.postcode else None

    @property
    def has_coordinates(self) -> bool:
        """Whether the location can be placed on a map."""
        return self.lat is not None and self.lon is not None


class Cost(BaseModel):
    """What taking part costs; ``amount_eur`` 0 means free, None means not stated."""

    model_config = ConfigDict(extra="forbid")

    amount_eur: Decimal | None = Field(default=None, ge=0, max_digits=9, decimal_places=2)
    note: str | None = Field(default=None, max_length=500)

    @property
    def is_free(self) -> bool:
        """True only when the activity is stated to be free."""
        return self.amount_eur is not None and self.amount_eur == 0

    def label(self) -> str:
        """Dutch short text: 'gratis', '€ 2,50' or 'onbekend'."""
        if self.amount_eur is None:
            return "onbekend"
        if self.amount_eur == 0:
            return "gratis"
        return "€ " + f"{self.amount_eur:.2f}".replace(".", ",")


class Schedule(BaseModel):
    """When an activity takes place: free text plus the week days."""

    model_config = ConfigDict(extra="forbid")

    when: str | None = Field(default=None, max_length=500)
    days: list[str] = Field(default_factory=list)

    @field_validator("days")
    @classmethod
    def _days(cls, value: list[str]) -> list[str]:
        bad = [d for d in value if d not in DAYS]
        if bad:
            raise ValueError(f"onbekende dag(en): {', '.join(bad)}; gebruik {', '.join(DAYS)}")
        return sorted(set(value), key=DAYS.index)


class Contact(BaseModel):
    """How to reach the activity's contact person."""

    model_config = ConfigDict(extra="forbid")

    person: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=50)
    email: str | None = Field(default=None, max_length=254)
    website: str | None = Field(default=None, max_length=500)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise ValueError("geen geldig e-mailadres")
        return value

    @field_validator("website")
    @classmethod
    def _website(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://", value):
            raise ValueError("website moet beginnen met http:// of https://")
        return value


AgeYears = Annotated[int, Field(ge=0, le=120)]


class ActivityIn(BaseModel):
    """An activity as given by a user or an import: everything but bookkeeping."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")
    name: str = Field(min_length=1, max_length=300)
    description: str = Field(min_length=1, max_length=5000)
    organisation: Organisation
    dimensions: list[str] = Field(default_factory=list)
    complaints: list[str] = Field(default_factory=list)
    location: Location | None = None
    online: bool = False
    cost: Cost = Field(default_factory=Cost)
    schedule: Schedule = Field(default_factory=Schedule)
    signup: str | None = Field(default=None, max_length=1000)
    age_min: AgeYears | None = None
    age_max: AgeYears | None = None
    wheelchair: Wheelchair = Wheelchair.ONBEKEND
    languages: list[str] = Field(default_factory=lambda: ["nl"])
    contact: Contact = Field(default_factory=Contact)
    last_verified: date | None = None
    status: Status = Status.ACTIEF
    suggested_dimensions: list[str] = Field(default_factory=list)
    suggested_complaints: list[str] = Field(default_factory=list)

    @field_validator("dimensions", "suggested_dimensions")
    @classmethod
    def _dimensions(cls, value: list[str]) -> list[str]:
        return unique_known_ids(value, load_vocabulary().dimensions.by_id, "spinnenweb-dimensie")

    @field_validator("complaints", "suggested_complaints")
    @classmethod
    def _complaints(cls, value: list[str]) -> list[str]:
        return unique_known_ids(value, load_vocabulary().complaints.by_id, "klachtcategorie")

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not LANGUAGE_RE.match(v)]
        if bad:
            raise ValueError(f"taalcode(s) {', '.join(bad)} zijn geen ISO 639-1-codes (nl, en, ar)")
        return list(dict.fromkeys(value))

    @model_validator(mode="after")
    def _consistent(self) -> ActivityIn:
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValueError("leeftijd_min is groter dan leeftijd_max")
        if not self.online:
            loc = self.location
            if loc is None or (loc.postcode is None and not loc.has_coordinates):
                raise ValueError("een activiteit op locatie heeft een postcode of lat/lon nodig")
        return self

    @property
    def classified(self) -> bool:
        """Whether the activity has spinnenweb dimensions (else it is 'te classificeren')."""
        return bool(self.dimensions)

    @property
    def active(self) -> bool:
        """Whether the activity is offered now."""
        return self.status is Status.ACTIEF

    def content_equal(self, other: ActivityIn) -> bool:
        """Whether two activities hold the same data, ignoring bookkeeping fields."""
        keep = set(ActivityIn.model_fields) - {"last_verified"}
        return self.model_dump(include=keep) == other.model_dump(include=keep)


class Activity(ActivityIn):
    """A stored activity, with its bookkeeping."""

    version: int = Field(default=1, ge=1)
    last_modified: datetime | None = None
    created: datetime | None = None

    def is_stale(self, today: date, months: int = 12) -> bool:
        """True when the entry was not verified within ``months`` months before ``today``."""
        if self.last_verified is None:
            return True
        cutoff = _months_before(today, months)
        return self.last_verified < cutoff


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for dom in (day.day, 30, 29, 28):
        try:
            return date(year, month, dom)
        except ValueError:
            continue
    raise AssertionError("unreachable")
