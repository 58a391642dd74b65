"""Referral records (pydantic): who, needs, support offered, outcomes; never personal data.

The record follows the four parts of the NHS social prescribing minimum dataset in Dutch terms:
*wie* (practice, organisation, municipality, age band), *hulpvraag* (complaints, question, intake
spinnenweb), *ondersteuning* (talks, activities proposed and chosen) and *uitkomst* (goal reached,
end spinnenweb, follow-up). There are no fields for name, address, date of birth or BSN, and
unknown fields are refused, so they cannot slip in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from socialmap.vocabulary import load_vocabulary, unique_known_ids

from .errors import ReferralError

DEFAULT_ROUTE = "welzijn_op_recept"
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+")
PHONE_RE = re.compile(r"^(\+31|0031|0)\d{9}$")
SEPARATORS_RE = re.compile(r"[\s.\-/]")


class AgeBand(StrEnum):
    """Age in bands only: the record never holds a date of birth."""

    A18_29 = "18-29"
    A30_44 = "30-44"
    A45_64 = "45-64"
    A65_74 = "65-74"
    A75_PLUS = "75+"


def passes_elfproef(digits: str) -> bool:
    """Whether nine digits pass the BSN eleven test (weights 9..2 and -1)."""
    if not re.fullmatch(r"\d{9}", digits) or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def reference_problem(reference: str) -> str | None:
    """Why a reference looks like personal data (BSN, e-mail, phone), or None."""
    compact = SEPARATORS_RE.sub("", reference)
    if passes_elfproef(compact):
        return "lijkt op een BSN; gebruik een eigen kenmerk (bijv. het ZorgDomein-kenmerk)"
    if EMAIL_RE.search(reference):
        return "lijkt op een e-mailadres; gebruik een eigen kenmerk"
    if PHONE_RE.fullmatch(compact):
        return "lijkt op een telefoonnummer; gebruik een eigen kenmerk"
    return None


def check_spinnenweb(value: dict[str, float] | None) -> dict[str, float] | None:
    """Known dimensions only, each score within the vocabulary's scale (0-10)."""
    if value is None:
        return None
    voc = load_vocabulary()
    unknown = [k for k in value if k not in voc.dimensions]
    if unknown:
        raise ValueError(f"onbekende dimensie(s): {', '.join(unknown)}; "
                         f"kies uit {', '.join(voc.dimensions.ids)}")
    bad = {k: v for k, v in value.items() if not voc.scale_min <= v <= voc.scale_max}
    if bad:
        shown = ", ".join(f"{k}={v:g}" for k, v in bad.items())
        raise ValueError(f"scores moeten tussen {voc.scale_min} en {voc.scale_max} liggen "
                         f"({shown})")
    if not value:
        return None
    return {k: float(value[k]) for k in voc.dimensions.ids if k in value}


Code = str  # a short name or code of a practice, organisation or municipality


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Followup(_Strict):
    """Whether the resident still takes part in a chosen activity later on."""

    attending_3m: bool | None = None
    attending_6m: bool | None = None
    attending_9m: bool | None = None
    dropped_out_date: date | None = None
    dropout_reason: str | None = Field(default=None, max_length=500)


class ProposedActivity(_Strict):
    """An activity from the sociale kaart that the coach proposed, and what came of it."""

    activity_id: str = Field(min_length=1, max_length=200)
    activity_name: str | None = Field(default=None, max_length=300)
    activity_dimensions: list[str] = Field(default_factory=list)  # filled in by the store
    chosen: bool = False
    started_date: date | None = None
    provider_first_contact_days: int | None = Field(default=None, ge=0, le=365)
    followup: Followup = Field(default_factory=Followup)


class ReferralIn(_Strict):
    """A referral as a coach (or GP) enters it: everything but bookkeeping."""

    reference: str = Field(min_length=1, max_length=60)
    practice: Code = Field(min_length=1, max_length=100)
    organisation: Code = Field(min_length=1, max_length=100)
    municipality: Code = Field(min_length=1, max_length=100)
    coach: str | None = Field(default=None, max_length=100)
    age_band: AgeBand
    complaints: list[str] = Field(min_length=1)
    route: str = DEFAULT_ROUTE
    referral_date: date
    first_contact_date: date | None = None
    intake_spinnenweb: dict[str, float] | None = None
    question: str | None = Field(default=None, max_length=2000)
    talks: int = Field(default=0, ge=0, le=100)
    end_date: date | None = None
    end_spinnenweb: dict[str, float] | None = None
    goal_reached: bool | None = None
    goal_explanation: str | None = Field(default=None, max_length=2000)
    referred_on: bool | None = None
    referred_on_why: str | None = Field(default=None, max_length=2000)
    activities: list[ProposedActivity] = Field(default_factory=list)

    @field_validator("reference")
    @classmethod
    def _reference(cls, value: str) -> str:
        problem = reference_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("complaints")
    @classmethod
    def _complaints(cls, value: list[str]) -> list[str]:
        return unique_known_ids(value, load_vocabulary().complaints.by_id, "klachtcategorie(ën)")

    @field_validator("route")
    @classmethod
    def _route(cls, value: str) -> str:
        routes = load_vocabulary().routes
        if value not in routes:
            raise ValueError(f"onbekende route '{value}'; kies uit {', '.join(routes.ids)}")
        return value

    @field_validator("intake_spinnenweb", "end_spinnenweb")
    @classmethod
    def _spinnenweb(cls, value: dict[str, float] | None) -> dict[str, float] | None:
        return check_spinnenweb(value)

    @field_validator("activities")
    @classmethod
    def _unique_activities(cls, value: list[ProposedActivity]) -> list[ProposedActivity]:
        ids = [a.activity_id for a in value]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"activiteit(en) dubbel opgegeven: {', '.join(doubles)}")
        return value


class Referral(ReferralIn):
    """A stored referral; after anonymisation the reference and free texts are gone."""

    id: int
    # Widened on purpose: anonymisation removes the reference of a stored referral, while an
    # input always has one; mypy rightly sees that a Referral is then not a full ReferralIn.
    reference: str | None = None  # type: ignore[assignment]
    version: int
    created: datetime
    last_modified: datetime
    anonymised_at: datetime | None = None

    @field_validator("reference")
    @classmethod
    def _reference(cls, value: str | None) -> str | None:  # type: ignore[override]
        return value

    def to_input(self) -> ReferralIn:
        """The editable part, e.g. to change one field and save it again."""
        return ReferralIn.model_validate(
            self.model_dump(include=set(ReferralIn.model_fields)) | {"reference": self.reference
                                                                      or "geanonimiseerd"})


_MESSAGES = {
    "missing": "ontbreekt",
    "extra_forbidden": "onbekend veld (persoonsgegevens zoals naam, adres, geboortedatum of BSN "
                       "worden niet opgeslagen)",
    "date_from_datetime_parsing": "geen geldige datum (JJJJ-MM-DD)",
    "date_parsing": "geen geldige datum (JJJJ-MM-DD)",
    "date_type": "geen geldige datum (JJJJ-MM-DD)",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_parsing": "moet ja of nee zijn",
    "enum": "kies uit {expected}",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "too_short": "kies er minstens {min_length}",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet per dimensie een score geven",
}


def _dutch(error: Mapping[str, Any]) -> str:
    if error["type"] == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    template = _MESSAGES.get(str(error["type"]))
    if template is None:
        return str(error["msg"])
    return template.format(**(error.get("ctx") or {}))


def validation_details(exc: ValidationError) -> list[dict[str, object]]:
    """Pydantic errors as ``{"field", "message"}`` details with Dutch messages."""
    return [{"field": ".".join(str(p) for p in e["loc"]), "message": _dutch(e)}
            for e in exc.errors()]


FIELD_LABELS = {
    "reference": "kenmerk", "practice": "praktijk", "organisation": "welzijnsorganisatie",
    "municipality": "gemeente", "coach": "welzijnscoach", "age_band": "leeftijdsgroep",
    "complaints": "klachtcategorieën", "route": "route", "referral_date": "verwijsdatum",
    "first_contact_date": "datum eerste contact", "intake_spinnenweb": "spinnenweb bij intake",
    "question": "hulpvraag/doel", "talks": "aantal gesprekken", "end_date": "einddatum",
    "end_spinnenweb": "spinnenweb aan het eind", "goal_reached": "doel behaald",
    "goal_explanation": "toelichting doel", "referred_on": "doorverwezen naar activiteit",
    "referred_on_why": "reden (niet) doorverwezen", "activities": "activiteiten",
    "activity_id": "activiteit", "chosen": "gekozen", "started_date": "startdatum",
    "provider_first_contact_days": "dagen tot contact aanbieder",
    "dropped_out_date": "datum afgehaakt", "dropout_reason": "reden afgehaakt",
    "attending_3m": "deelname na 3 maanden", "attending_6m": "deelname na 6 maanden",
    "attending_9m": "deelname na 9 maanden", "version": "versie",
}


def field_label(field: str) -> str:
    """The Dutch label of a field path such as ``activities.0.started_date``."""
    parts = field.split(".")
    label = FIELD_LABELS.get(parts[-1], parts[-1])
    if parts[0] == "activities" and len(parts) > 2 and parts[1].isdigit():
        return f"{label} (activiteit {int(parts[1]) + 1})"
    return label


def refuse(details: list[dict[str, object]]) -> ReferralError:
    """One ReferralError for all problems, its message naming the first in Dutch."""
    first = details[0]
    label = field_label(str(first["field"]))
    return ReferralError(f"De verwijzing is niet opgeslagen. {label[:1].upper()}{label[1:]}: "
                         f"{first['message']}.", details)


def parse_referral(data: Mapping[str, Any]) -> ReferralIn:
    """Validate raw input (form or JSON) into a :class:`ReferralIn`; raises ReferralError."""
    try:
        return ReferralIn.model_validate(dict(data))
    except ValidationError as exc:
        raise refuse(validation_details(exc)) from None
