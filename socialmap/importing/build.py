"""Turn the native column values of one row into an :class:`ActivityIn`, or say what is wrong.

Every field is read on its own, so one row reports all its problems at once. Model validation
errors are translated back to the native column names.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import ValidationError

from ..geo import locate, normalise_postcode
from ..models import ActivityIn
from ..vocabulary import TermSet, fold, load_vocabulary
from . import fields as f
from .classify import with_suggestions
from .report import ParsedRow, Problem

#: Model field path -> native column, to name the column in validation errors.
_COLUMN_OF: dict[tuple[str, ...], str] = {
    ("id",): "id", ("name",): "naam", ("description",): "omschrijving",
    ("organisation", "name"): "organisatie", ("organisation", "id"): "organisatie",
    ("dimensions",): "dimensies", ("complaints",): "doelgroepen",
    ("location", "address"): "adres", ("location", "postcode"): "postcode",
    ("location", "city"): "plaats", ("location", "municipality"): "gemeente",
    ("location", "lat"): "lat", ("location", "lon"): "lon", ("location",): "lat",
    ("cost", "note"): "kosten_toelichting", ("cost", "amount_eur"): "kosten",
    ("schedule", "when"): "wanneer", ("schedule", "days"): "dagen", ("signup",): "aanmelden",
    ("age_min",): "leeftijd_min", ("age_max",): "leeftijd_max", ("languages",): "talen",
    ("contact", "person"): "contactpersoon", ("contact", "phone"): "telefoon",
    ("contact", "email"): "email", ("contact", "website"): "website",
    ("status",): "status", ("wheelchair",): "rolstoeltoegankelijk",
}
_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]*$")


def slugify(text: str, max_length: int = 60) -> str:
    """A lower-case ASCII slug: ``'Stichting Wélzijn & Co'`` -> ``'stichting-welzijn-co'``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "x"


def generated_id(organisation: str, name: str, postcode: str | None) -> str:
    """A stable id for a row without one: slugs of organisation and name plus a short hash.

    The hash covers organisation, name and postcode (folded), so the same row imported again
    gets the same id and is updated rather than duplicated.
    """
    key = "|".join(fold(p) for p in (organisation, name, postcode or ""))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{slugify(organisation, 40)}-{slugify(name, 60)}-{digest}"


class _Row:
    """Collects typed values and problems for one row."""

    def __init__(self, number: int, values: dict[str, str]) -> None:
        self.number = number
        self.values = {k: f.unguard_formula(v.strip()) for k, v in values.items() if v.strip()}
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def text(self, column: str) -> str | None:
        return self.values.get(column)

    def error(self, column: str | None, message: str, value: str | None = None) -> None:
        self.errors.append(Problem(message, self.number, column, value))

    def warn(self, column: str | None, message: str, value: str | None = None) -> None:
        self.warnings.append(Problem(message, self.number, column, value))

    def parse(self, column: str, parser: Callable[[str], Any]) -> Any:
        raw = self.text(column)
        if raw is None:
            return None
        try:
            return parser(raw)
        except f.FieldError as exc:
            self.error(column, str(exc), raw)
            return None


def build_row(number: int, values: dict[str, str], *, today: date | None = None) -> ParsedRow:
    """Read one row of native column values; invalid rows carry their errors."""
    row = _Row(number, values)
    for column in ("naam", "omschrijving", "organisatie"):
        if row.text(column) is None:
            row.error(column, "is verplicht maar leeg")
    payload = _payload(row, today)
    named = row.text("id") or (payload["name"] and payload["organisation"]["name"])
    key = payload["id"] if named else None
    try:
        activity = ActivityIn.model_validate(payload)
    except ValidationError as exc:
        seen = {p.field for p in row.errors}
        for err in exc.errors():
            message = _dutch(err)
            col = _column(err["loc"]) or _column_in(message)
            if col not in seen:
                row.error(col, message, row.text(col) if col else None)
        return ParsedRow(number, None, row.errors, row.warnings, key)
    if row.errors:
        return ParsedRow(number, None, row.errors, row.warnings, key)
    return ParsedRow(number, with_suggestions(activity), row.errors, row.warnings, key)


def _payload(row: _Row, today: date | None) -> dict[str, Any]:
    vocab = load_vocabulary()
    name, org = f.clean_text(row.text("naam") or ""), f.clean_text(row.text("organisatie") or "")
    online = bool(row.parse("online", f.parse_bool))
    amount, extra = row.parse("kosten", f.parse_cost) or (None, None)
    note = row.text("kosten_toelichting") or extra
    payload: dict[str, Any] = {
        "name": name, "description": (row.text("omschrijving") or "").strip(),
        "organisation": {"id": slugify(org, 200), "name": org},
        "dimensions": _terms(row, "dimensies", vocab.dimensions),
        "complaints": _terms(row, "doelgroepen", vocab.complaints),
        "suggested_dimensions": _terms(row, "voorgestelde_dimensies", vocab.dimensions),
        "suggested_complaints": _terms(row, "voorgestelde_doelgroepen", vocab.complaints),
        "location": _location(row), "online": online,
        "cost": {"amount_eur": amount, "note": note},
        "schedule": {"when": row.text("wanneer"), "days": row.parse("dagen", f.parse_days) or []},
        "signup": row.text("aanmelden"),
        "age_min": row.parse("leeftijd_min", f.parse_age),
        "age_max": row.parse("leeftijd_max", f.parse_age),
        "languages": row.parse("talen", f.parse_languages) or ["nl"],
        "contact": _contact(row),
        "last_verified": row.parse("laatst_gecontroleerd", _date(row, today)),
        "status": row.parse("status", f.parse_status) or "actief",
    }
    if (wheelchair := row.parse("rolstoeltoegankelijk", f.parse_wheelchair)) is not None:
        payload["wheelchair"] = wheelchair
    if (payload["age_min"] or 0) > (payload["age_max"] if payload["age_max"] is not None
                                    else 999):
        row.error("leeftijd_min", "leeftijd_min is groter dan leeftijd_max",
                  row.text("leeftijd_min"))
    location = payload["location"]
    postcode = location["postcode"] if location else None
    if not online and not postcode and not (location and location["lat"] is not None):
        if row.text("postcode") is None:
            row.error("postcode", "verplicht voor een activiteit op locatie (of zet online op "
                      "ja, of geef lat en lon)")
    payload["id"] = _id(row, org, name, postcode)
    return payload


def _id(row: _Row, org: str, name: str, postcode: str | None) -> str:
    given = row.text("id")
    if given is None:
        return generated_id(org, name, postcode)
    if len(given) > 200 or not _ID_OK.match(given):
        row.error("id", "een id bestaat uit letters, cijfers en . _ : - (zonder spaties), "
                  "begint met een letter of cijfer en is hooguit 200 tekens", given)
    return given


def _date(row: _Row, today: date | None) -> Callable[[str], date]:
    def parse(raw: str) -> date:
        found, note = f.parse_date(raw, today=today)
        if note:
            row.warn("laatst_gecontroleerd", note, raw)
        return found
    return parse


def _terms(row: _Row, column: str, terms: TermSet) -> list[str]:
    raw = row.text(column)
    if raw is None:
        return []
    matches, unknown = f.resolve_terms(raw, terms)
    for part in unknown:
        allowed = ", ".join(t.label for t in terms.terms)
        row.error(column, f"onbekende waarde '{part}'; kies uit: {allowed}", raw)
    for m in matches:
        if m.fuzzy:
            row.warn(column, f"gelezen als '{m.term.label}' (kleine tikfout verbeterd)", raw)
    return [m.term.id for m in matches]


def _location(row: _Row) -> dict[str, Any] | None:
    loc: dict[str, Any] = {
        "address": row.text("adres"), "city": row.text("plaats"),
        "municipality": row.text("gemeente"), "postcode": None,
        "lat": row.parse("lat", lambda v: f.parse_coordinate(v, limit=90, name="lat")),
        "lon": row.parse("lon", lambda v: f.parse_coordinate(v, limit=180, name="lon")),
    }
    _check_coordinates(row, loc)
    if (raw := row.text("postcode")) is not None:
        loc["postcode"] = normalise_postcode(raw)
        if loc["postcode"] is None:
            row.error("postcode", "geen geldige postcode; verwacht 4 cijfers en eventueel 2 "
                      "letters, zoals 9711 AB of 9711", raw)
        else:
            _fill_from_pc4(row, loc)
    if all(v is None for v in loc.values()):
        return None
    return loc


def _check_coordinates(row: _Row, loc: dict[str, Any]) -> None:
    lat, lon = loc["lat"], loc["lon"]
    has_lat, has_lon = row.text("lat") is not None, row.text("lon") is not None
    if has_lat != has_lon:
        row.error("lon" if has_lat else "lat", "geef zowel lat als lon, of geen van beide")
    if lat is not None and lon is not None and 3 <= lat <= 8 and 50 <= lon <= 54:
        row.error("lat", "lat en lon lijken verwisseld (Nederland ligt rond lat 52, lon 5)",
                  row.text("lat"))


def _fill_from_pc4(row: _Row, loc: dict[str, Any]) -> None:
    place = locate(loc["postcode"])
    if place is None:
        row.warn("postcode", "postcode niet te vinden (bijvoorbeeld een postbus); de activiteit "
                 "is opgenomen zonder coördinaten, controleer het adres", row.text("postcode"))
        return
    if loc["lat"] is None and loc["lon"] is None:
        loc["lat"], loc["lon"] = place.lat, place.lon
    loc["city"] = loc["city"] or place.town
    if loc["municipality"] is None:
        loc["municipality"] = place.municipality
    elif fold(loc["municipality"]) != fold(place.municipality):
        row.warn("gemeente", f"postcode {loc['postcode']} ligt in gemeente "
                 f"{place.municipality}", loc["municipality"])


def _contact(row: _Row) -> dict[str, Any]:
    email = row.text("email")
    website = row.text("website")
    if website and not re.match(r"^https?://", website, re.IGNORECASE) and "." in website:
        website = "https://" + website
    return {
        "person": row.text("contactpersoon"), "phone": row.text("telefoon"),
        "email": email.removeprefix("mailto:").strip() if email else None, "website": website,
    }


def _column(loc: tuple[int | str, ...]) -> str | None:
    path = tuple(str(p) for p in loc if isinstance(p, str))
    while path:
        if path in _COLUMN_OF:
            return _COLUMN_OF[path]
        path = path[:-1]
    return None


def _column_in(message: str) -> str | None:
    if "leeftijd" in message:
        return "leeftijd_min"
    if "postcode" in message:
        return "postcode"
    return None


def _dutch(err: Any) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    if kind == "string_too_long":
        return f"te lang (hooguit {ctx.get('max_length')} tekens)"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind in ("greater_than_equal", "greater_than"):
        return f"moet minimaal {ctx.get('ge', ctx.get('gt'))} zijn"
    if kind in ("less_than_equal", "less_than"):
        return f"mag hooguit {ctx.get('le', ctx.get('lt'))} zijn"
    return "ongeldige waarde"
