"""The match request (contract section 4), its validation, and where the person lives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from socialmap.geo import locate, normalise_postcode
from socialmap.models import DAYS, LANGUAGE_RE
from socialmap.vocabulary import load_vocabulary, unique_known_ids

from .errors import MatchError

MAX_LIMIT = 100


class MatchRequest(BaseModel):
    """What a coach asks for: needs, complaints, a query, and the person's hard limits."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    postcode: str | None = Field(default=None, max_length=10)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    dimensions: list[str] = Field(default_factory=list, max_length=6)
    spinnenweb: dict[str, float] = Field(default_factory=dict)
    complaints: list[str] = Field(default_factory=list, max_length=20)
    query: str | None = Field(default=None, max_length=200)
    max_km: float | None = Field(default=None, ge=0, le=1000)
    age: int | None = Field(default=None, ge=0, le=120)
    free_only: bool = False
    wheelchair: bool = False
    online_ok: bool = True
    days: list[str] = Field(default_factory=list, max_length=7)
    languages: list[str] = Field(default_factory=list, max_length=20)
    limit: int = Field(default=10, ge=1, le=MAX_LIMIT)

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str | None) -> str | None:
        if value is None:
            return None
        norm = normalise_postcode(value)
        if norm is None:
            raise ValueError(f"'{value}' is geen postcode (4 cijfers, eventueel met 2 letters)")
        if locate(norm) is None:
            raise ValueError(f"postcode {norm[:4]} bestaat niet; de afstand kan niet worden "
                             "berekend")
        return norm

    @field_validator("dimensions")
    @classmethod
    def _dimensions(cls, value: list[str]) -> list[str]:
        return unique_known_ids(value, load_vocabulary().dimensions.ids, "spinnenweb-dimensie",
                                list_choices=True)

    @field_validator("complaints")
    @classmethod
    def _complaints(cls, value: list[str]) -> list[str]:
        return unique_known_ids(value, load_vocabulary().complaints.ids, "klachtcategorie",
                                list_choices=True)

    @field_validator("spinnenweb")
    @classmethod
    def _spinnenweb(cls, value: dict[str, float]) -> dict[str, float]:
        unique_known_ids(value, load_vocabulary().dimensions.ids, "spinnenweb-dimensie",
                         list_choices=True)
        bad = [k for k, v in value.items() if not 0 <= v <= 10]
        if bad:
            raise ValueError(f"score van {', '.join(bad)} moet tussen 0 en 10 liggen")
        return value

    @field_validator("days")
    @classmethod
    def _days(cls, value: list[str]) -> list[str]:
        unique_known_ids(value, DAYS, "dag", list_choices=True)
        return sorted(set(value), key=DAYS.index)

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        bad = [v for v in value if not LANGUAGE_RE.fullmatch(v)]
        if bad:
            raise ValueError(f"{', '.join(bad)} is geen taalcode (ISO 639-1: twee kleine letters, "
                             "bijv. nl, en, ar)")
        return list(dict.fromkeys(value))

    @field_validator("query")
    @classmethod
    def _query(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @model_validator(mode="after")
    def _one_location(self) -> MatchRequest:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat/lon: geef zowel lat als lon, of geen van beide")
        if self.postcode is not None and self.lat is not None:
            raise ValueError("postcode/lat/lon: geef een postcode of lat/lon, niet beide")
        if self.max_km is not None and self.postcode is None and self.lat is None:
            raise ValueError("max_km: zonder postcode of lat/lon kan de afstand niet worden "
                             "begrensd")
        return self


@dataclass(frozen=True)
class Origin:
    """Where distances are measured from."""

    lat: float
    lon: float
    pc4: str | None = None


def origin_of(request: MatchRequest) -> Origin | None:
    """The person's location (PC4 centroid or lat/lon), or None without one."""
    if request.lat is not None and request.lon is not None:
        return Origin(request.lat, request.lon)
    if request.postcode is not None:
        place = locate(request.postcode)
        if place is None:  # validated already; kept for type safety
            raise MatchError("Onbekende postcode.", [{"field": "postcode", "message": "onbekend"}])
        return Origin(place.lat, place.lon, place.pc4)
    return None


_MESSAGES = {
    "extra_forbidden": "onbekend veld",
    "missing": "ontbreekt",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
    "too_long": "is te lang (hoogstens {max_length})",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "int_type": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "bool_type": "moet true of false zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een object zijn ({{dimensie: score}})",
    "model_type": "het verzoek moet een JSON-object zijn",
    "finite_number": "moet een eindig getal zijn",
}


def _dutch(error: Any) -> dict[str, str]:
    loc = [str(p) for p in error["loc"]]
    template = _MESSAGES.get(error["type"])
    if error["type"] == "value_error":
        message = str(error["ctx"]["error"])
    elif template is not None:
        message = template.format(**{k: _num(v) for k, v in error.get("ctx", {}).items()})
    else:
        message = error["msg"]
    field = loc[0] if loc else ""
    if not field and ":" in message:
        field, message = (part.strip() for part in message.split(":", 1))
    return {"field": field or "verzoek", "message": message}


def _num(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def parse_request(raw: MatchRequest | dict[str, Any] | Any) -> MatchRequest:
    """Validate a request; raise :class:`MatchError` naming every bad field in Dutch."""
    if isinstance(raw, MatchRequest):
        return raw
    try:
        return MatchRequest.model_validate(raw)
    except ValidationError as exc:
        details = [_dutch(e) for e in exc.errors()]
        text = "; ".join(f"{d['field']}: {d['message']}" for d in details)
        raise MatchError(f"Ongeldig verzoek: {text}", details) from None
