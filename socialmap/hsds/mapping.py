"""The one place that knows HSDS 3.0 field names: activities to HSDS records and back.

Export: :func:`activity_tables` gives the tabular rows of one activity (one dict per CSV row, keyed
by HSDS table name); :func:`activity_to_service` nests the same records into the API object.
Import: :func:`activity_from_hsds` turns the records of one service (found through a
:class:`~socialmap.hsds.records.Index`) back into an :class:`ActivityIn`. See ``docs/hsds.md``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from ..models import DAYS, Activity, ActivityIn, Location, Organisation, Status, Wheelchair
from ..vocabulary import Term, load_vocabulary
from .ids import activity_uuid, as_uuid, child_uuid, organisation_uuid, taxonomy_uuid, term_uuid
from .records import Index, Issue, Record, Tables

DIMENSIONS = "positieve-gezondheid"
COMPLAINTS = "wor-doelgroepen"
INTERNAL = "welzijnswijzer"
KEY_TERM, SUGGESTED_DIMENSION, SUGGESTED_COMPLAINT = (
    "sleutel", "voorgestelde-dimensie", "voorgestelde-doelgroep")
#: Prefix of a complaint code that is also a dimension id (taxonomy_term.code must be unique).
COMPLAINT_PREFIX = "doelgroep-"
ORG_KEY_TYPE = "welzijnswijzer-sleutel"
UNKNOWN = "onbekend"
ONLINE_NAME = "Online of telefonisch"
WHEELCHAIR_TEXT = {Wheelchair.JA: "Rolstoeltoegankelijk",
                   Wheelchair.NEE: "Niet rolstoeltoegankelijk"}
WHEELCHAIR_RE = re.compile(r"^rolstoeltoegankelijk: (ja|nee)$")

STATUS_TO_HSDS = {Status.ACTIEF: "active", Status.GEPAUZEERD: "temporarily closed",
                  Status.INACTIEF: "inactive"}
STATUS_FROM_HSDS = {v: k for k, v in STATUS_TO_HSDS.items()} | {"defunct": Status.INACTIEF}
RRULE_DAYS = dict(zip(DAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
DAYS_FROM_RRULE = {v: k for k, v in RRULE_DAYS.items()}

#: Where each field of :class:`ActivityIn` lives in HSDS (for error messages on import).
FIELD_NAMES: dict[str, str] = {
    "id": "attribute.value (sleutel)", "name": "service.name", "description": "service.description",
    "organisation": "organization.name", "dimensions": "attribute.taxonomy_term_id",
    "complaints": "attribute.taxonomy_term_id", "location": "location", "online": "location",
    "address": "address.address_1", "postcode": "address.postal_code", "city": "address.city",
    "municipality": "address.region", "lat": "location.latitude", "lon": "location.longitude",
    "cost": "cost_option", "amount_eur": "cost_option.amount",
    "note": "cost_option.amount_description", "schedule": "schedule",
    "when": "schedule.description",
    "days": "schedule.byday", "signup": "service.application_process",
    "age_min": "service.minimum_age", "age_max": "service.maximum_age",
    "wheelchair": "accessibility.details", "languages": "language.code",
    "contact": "contact", "person": "contact.name", "phone": "phone.number",
    "email": "service.email", "website": "service.url", "last_verified": "service.assured_date",
    "status": "service.status", "suggested_dimensions": "attribute.value",
    "suggested_complaints": "attribute.value",
}


# ----------------------------------------------------------------------------- taxonomies

def _vocab_terms(taxonomy: str) -> list[tuple[str, Term]]:
    vocab = load_vocabulary()
    if taxonomy == DIMENSIONS:
        return [(t.id, t) for t in vocab.dimensions.terms]
    dims = set(vocab.dimensions.ids)
    return [(COMPLAINT_PREFIX + t.id if t.id in dims else t.id, t) for t in vocab.complaints.terms]


_TAXONOMIES = {
    DIMENSIONS: "De zes dimensies van Positieve Gezondheid (het spinnenweb) waaraan een "
                "activiteit bijdraagt.",
    COMPLAINTS: "Klachtcategorieen van Welzijn op Recept: voor wie een activiteit geschikt is.",
    INTERNAL: "Technische kenmerken van Welzijnswijzer: de eigen sleutel van een activiteit en "
              "voorgestelde, nog niet bevestigde classificaties.",
}
_INTERNAL_TERMS = {
    KEY_TERM: "Eigen sleutel (id) van de activiteit in Welzijnswijzer.",
    SUGGESTED_DIMENSION: "Voorgestelde spinnenweb-dimensie, nog niet bevestigd.",
    SUGGESTED_COMPLAINT: "Voorgestelde klachtcategorie, nog niet bevestigd.",
}


def taxonomies() -> list[Record]:
    """The three taxonomies of Welzijnswijzer as HSDS ``taxonomy`` records."""
    return [{"id": taxonomy_uuid(name), "name": name, "description": text, "uri": None,
             "version": None} for name, text in _TAXONOMIES.items()]


def taxonomy_terms() -> list[Record]:
    """Every term of the three taxonomies as HSDS ``taxonomy_term`` records (flat)."""
    rows: list[Record] = []
    for name in (DIMENSIONS, COMPLAINTS):
        for code, term in _vocab_terms(name):
            examples = term.extra.get("examples")
            rows.append(_term(name, code, term.label, f"{term.label}: {examples}"
                              if examples else term.label))
    rows += [_term(INTERNAL, code, code, text) for code, text in _INTERNAL_TERMS.items()]
    return rows


def _term(taxonomy: str, code: str, name: str, description: str) -> Record:
    return {"id": term_uuid(taxonomy, code), "code": code, "name": name,
            "description": description, "parent_id": None, "taxonomy": taxonomy,
            "language": "nl", "taxonomy_id": taxonomy_uuid(taxonomy), "term_uri": None}


def term_for_id(term_id: str) -> tuple[str, str] | None:
    """(taxonomy, vocabulary id) of one of our term UUIDs, or None when unknown."""
    for term in taxonomy_terms():
        if term["id"] == term_id:
            return term["taxonomy"], _vocabulary_id(term["taxonomy"], term["code"])
    return None


def _vocabulary_id(taxonomy: str, code: str) -> str:
    if taxonomy == COMPLAINTS and code.startswith(COMPLAINT_PREFIX):
        return code[len(COMPLAINT_PREFIX):]
    return code


def _code(taxonomy: str, vocabulary_id: str) -> str:
    return next(c for c, t in _vocab_terms(taxonomy) if t.id == vocabulary_id)


# ----------------------------------------------------------------------------- export rows

def organization_row(org: Organisation) -> Record:
    """The HSDS ``organization`` record of an organisation."""
    return {"id": organisation_uuid(org.id), "name": org.name, "description": org.name}


def organization_identifier_rows(org: Organisation) -> list[Record]:
    """The key of an organisation, carried as an ``organization_identifier`` when not its id."""
    oid = organisation_uuid(org.id)
    if oid == org.id:
        return []
    return [{"id": child_uuid(oid, "organization_identifier"), "organization_id": oid,
             "identifier_scheme": None, "identifier_type": ORG_KEY_TYPE, "identifier": org.id}]


def _iso_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def service_row(activity: ActivityIn) -> Record:
    """The flat HSDS ``service`` record of an activity."""
    modified = activity.last_modified if isinstance(activity, Activity) else None
    return {
        "id": activity_uuid(activity.id),
        "organization_id": organisation_uuid(activity.organisation.id),
        "name": activity.name, "description": activity.description,
        "url": activity.contact.website, "email": activity.contact.email,
        "status": STATUS_TO_HSDS[activity.status], "application_process": activity.signup,
        "minimum_age": activity.age_min, "maximum_age": activity.age_max,
        "assured_date": activity.last_verified.isoformat() if activity.last_verified else None,
        "last_modified": _iso_datetime(modified),
    }


def _attribute(sid: str, n: int, taxonomy: str, code: str, value: str | None = None) -> Record:
    return {"id": child_uuid(sid, "attribute", n), "link_id": sid,
            "taxonomy_term_id": term_uuid(taxonomy, code), "link_type": None,
            "link_entity": "service", "value": value}


def attribute_rows(activity: ActivityIn) -> list[Record]:
    """The attributes of a service: dimensions, complaints, its key and suggestions."""
    sid = activity_uuid(activity.id)
    links: list[tuple[str, str, str | None]] = [(DIMENSIONS, d, None) for d in activity.dimensions]
    links += [(COMPLAINTS, _code(COMPLAINTS, c), None) for c in activity.complaints]
    if sid != activity.id:
        links.append((INTERNAL, KEY_TERM, activity.id))
    links += [(INTERNAL, SUGGESTED_DIMENSION, d) for d in activity.suggested_dimensions]
    links += [(INTERNAL, SUGGESTED_COMPLAINT, c) for c in activity.suggested_complaints]
    return [_attribute(sid, n, *link) for n, link in enumerate(links)]


def _location_records(activity: ActivityIn, sid: str, oid: str) -> Tables:
    out: Tables = {"location": [], "address": [], "service_at_location": [], "accessibility": []}
    loc = activity.location
    if loc is not None:
        lid = child_uuid(sid, "location")
        out["location"].append({"id": lid, "location_type": "physical", "organization_id": oid,
                                "latitude": loc.lat, "longitude": loc.lon})
        if any((loc.address, loc.postcode, loc.city, loc.municipality)):
            out["address"].append(_address(loc, lid))
    if activity.online:
        out["location"].append({"id": child_uuid(sid, "location", 1), "location_type": "virtual",
                                "organization_id": oid, "name": ONLINE_NAME})
    for n, row in enumerate(out["location"]):
        out["service_at_location"].append({"id": child_uuid(sid, "service_at_location", n),
                                           "service_id": sid, "location_id": row["id"]})
    if activity.wheelchair in WHEELCHAIR_TEXT and out["location"]:
        lid = out["location"][0]["id"]
        out["accessibility"].append({
            "id": child_uuid(sid, "accessibility"), "location_id": lid,
            "description": WHEELCHAIR_TEXT[activity.wheelchair],
            "details": f"rolstoeltoegankelijk: {activity.wheelchair.value}"})
    return out


def _address(loc: Location, lid: str) -> Record:
    place = None
    if loc.pc4:
        from ..geo import pc4_places
        place = pc4_places().get(loc.pc4)
    province = place.province if place else None
    if province is None and loc.municipality:
        from ..geo import municipalities
        province = municipalities().get(loc.municipality)
    return {"id": child_uuid(lid, "address"), "location_id": lid,
            "address_1": loc.address or UNKNOWN, "city": loc.city or UNKNOWN,
            "region": loc.municipality, "state_province": province or UNKNOWN,
            "postal_code": loc.postcode or UNKNOWN, "country": "NL", "address_type": "physical"}


def activity_tables(activity: ActivityIn) -> Tables:
    """All tabular HSDS records of one activity except its organization, keyed by table."""
    sid, oid = activity_uuid(activity.id), organisation_uuid(activity.organisation.id)
    tables = {"service": [service_row(activity)], "attribute": attribute_rows(activity)}
    tables |= _location_records(activity, sid, oid)
    cost, sched, contact = activity.cost, activity.schedule, activity.contact
    tables["cost_option"] = [] if cost.amount_eur is None and cost.note is None else [{
        "id": child_uuid(sid, "cost_option"), "service_id": sid, "option": cost.label(),
        "currency": "EUR" if cost.amount_eur is not None else None,
        "amount": cost.amount_eur, "amount_description": cost.note}]
    tables["schedule"] = [] if not sched.when and not sched.days else [{
        "id": child_uuid(sid, "schedule"), "service_id": sid,
        "freq": "WEEKLY" if sched.days else None, "wkst": "MO" if sched.days else None,
        "byday": ",".join(RRULE_DAYS[d] for d in sched.days) or None,
        "description": sched.when}]
    tables["language"] = [{"id": child_uuid(sid, "language", n), "service_id": sid, "code": code}
                          for n, code in enumerate(activity.languages)]
    tables["phone"] = [] if not contact.phone else [{
        "id": child_uuid(sid, "phone"), "service_id": sid, "number": contact.phone}]
    tables["contact"] = [] if not contact.person else [{
        "id": child_uuid(sid, "contact"), "service_id": sid, "name": contact.person}]
    return tables


# ----------------------------------------------------------------------------- nested API objects

def clean(record: Record) -> Record:
    """A record without empty values, numbers as JSON numbers (for the API)."""
    return {k: float(v) if isinstance(v, Decimal) else v
            for k, v in record.items() if v is not None}


def organization_to_hsds(org: Organisation, *, full: bool = False,
                         services: list[Record] | None = None) -> Record:
    """The HSDS ``organization`` object; ``full`` adds identifiers and ``services``."""
    obj = clean(organization_row(org))
    if full:
        obj["organization_identifiers"] = [clean(r) for r in organization_identifier_rows(org)]
        obj["services"] = services or []
    return obj


def term_object(term_id: str) -> Record:
    """The HSDS ``taxonomy_term`` object of one of our terms, with its ``taxonomy_detail``."""
    term = next(t for t in taxonomy_terms() if t["id"] == term_id)
    detail = next(t for t in taxonomies() if t["id"] == term["taxonomy_id"])
    return clean(term) | {"taxonomy_detail": clean(detail)}


def service_at_location(activity: ActivityIn, *, with_service: bool = False) -> list[Record]:
    """The ``service_at_location`` objects of an activity, each with its nested location."""
    sid, oid = activity_uuid(activity.id), organisation_uuid(activity.organisation.id)
    recs = _location_records(activity, sid, oid)
    out = []
    for sal, loc in zip(recs["service_at_location"], recs["location"], strict=True):
        location = clean(loc) | {
            "addresses": [clean(a) for a in recs["address"] if a["location_id"] == loc["id"]],
            "accessibility": [clean(a) for a in recs["accessibility"]
                              if a["location_id"] == loc["id"]]}
        obj = clean(sal) | {"location": location}
        if with_service:
            obj["service"] = clean(service_row(activity))
        out.append(obj)
    return out


def activity_to_service(activity: ActivityIn, *, full: bool) -> Record:
    """The HSDS ``service`` API object: flat (``service_list``) or fully nested (``service``)."""
    tables = activity_tables(activity)
    obj = clean(tables["service"][0])
    if not full:
        return obj
    for name, key in (("phone", "phones"), ("schedule", "schedules"), ("language", "languages"),
                      ("cost_option", "cost_options"), ("contact", "contacts")):
        obj[key] = [clean(r) for r in tables[name]]
    obj["organization"] = organization_to_hsds(activity.organisation)
    obj["service_at_locations"] = service_at_location(activity)
    obj["attributes"] = [clean(a) | {"taxonomy_term": term_object(a["taxonomy_term_id"])}
                         for a in tables["attribute"]]
    return obj


# ----------------------------------------------------------------------------- import

def activity_from_hsds(service: Record, index: Index) -> tuple[dict[str, Any], list[Issue]]:
    """The activity fields of one valid service row and its related records, with any issues.

    References that do not resolve were already reported by the tabular check; they are skipped.
    """
    issues: list[Issue] = []
    orgs = index.by("organization", "id", service["organization_id"])
    org = orgs[0] if orgs else {"id": service["organization_id"]}
    fields = activity_fields(
        service, org, org_key(index.by("organization_identifier", "organization_id", org["id"])))
    for attr in index.by("attribute", "link_id", service["id"]):
        if (attr.get("link_entity") or "service") != "service":
            continue
        for term in index.by("taxonomy_term", "id", attr["taxonomy_term_id"]):
            taxonomy = _taxonomy_name(term, index)
            if taxonomy in _TAXONOMIES:
                err = apply_attribute(fields, taxonomy, term.get("code") or "", attr.get("value"))
                if err:
                    issues.append((attr, "attribute.taxonomy_term_id", err))
    for sal in index.by("service_at_location", "service_id", service["id"]):
        for loc in index.by("location", "id", sal["location_id"]):
            location_fields(fields, loc, index.by("address", "location_id", loc["id"]),
                            index.by("accessibility", "location_id", loc["id"]))
    detail_fields(fields, {t: index.by(t, "service_id", service["id"])
                           for t in ("cost_option", "schedule", "language", "phone", "contact")})
    return fields, issues


def service_key(service: Record, index: Index) -> str | None:
    """Our key of a service row: the carried ``sleutel`` attribute, else its UUID (or None)."""
    for attr in index.by("attribute", "link_id", service.get("id") or ""):
        for term in index.by("taxonomy_term", "id", attr.get("taxonomy_term_id") or ""):
            if (_taxonomy_name(term, index), term.get("code")) == (INTERNAL, KEY_TERM):
                return attr.get("value") or None
    return as_uuid(service.get("id") or "")


def _taxonomy_name(term: Record, index: Index) -> str | None:
    if term.get("taxonomy_id"):
        found = index.by("taxonomy", "id", term["taxonomy_id"])
        if found:
            return str(found[0].get("name"))
    return term.get("taxonomy") or None


def owners(table: str, record: Record, index: Index) -> list[Record]:
    """The service rows a record belongs to (to report its problems on their rows)."""
    if table == "service":
        return [record]
    if table == "organization":
        return index.by("service", "organization_id", record.get("id") or "")
    if table == "organization_identifier":
        return index.by("service", "organization_id", record.get("organization_id") or "")
    if table == "attribute":
        return index.by("service", "id", record.get("link_id") or "")
    if table == "taxonomy_term":
        attrs = index.by("attribute", "taxonomy_term_id", record.get("id") or "")
        return _unique(s for a in attrs for s in owners("attribute", a, index))
    found = index.by("service", "id", record.get("service_id") or "")
    sal_id = record.get("service_at_location_id") or ""
    loc_id = record.get("id" if table == "location" else "location_id") or ""
    if table in ("location", "address", "accessibility") or loc_id:
        sals = index.by("service_at_location", "location_id", loc_id)
        found += [s for sal in sals for s in index.by("service", "id", sal.get("service_id") or "")]
    for sal in index.by("service_at_location", "id", sal_id):
        found += index.by("service", "id", sal.get("service_id") or "")
    return _unique(found)


def _unique(records: Any) -> list[Record]:
    return list({id(r): r for r in records}.values())


def dangling_attributes(index: Index) -> list[Issue]:
    """Service attributes whose ``link_id`` names no service (not a declared foreign key)."""
    return [(a, "attribute.link_id", f"de dienst '{a['link_id']}' bestaat niet in services.csv")
            for a in index.tables.get("attribute", [])
            if (a.get("link_entity") or "service") == "service" and a.get("link_id")
            and not index.by("service", "id", a["link_id"])]


def status_from_hsds(value: str) -> Status:
    """Our status for an HSDS service status (validated by the tabular schema)."""
    return STATUS_FROM_HSDS[value]


def _number(value: str | None) -> Decimal | None:
    return Decimal(value) if value else None


def activity_fields(service: Record, org: Record, key: str | None) -> dict[str, Any]:
    """The fields of an activity that come from the service and organization rows."""
    return {
        "id": service["id"], "name": service.get("name"),
        "description": service.get("description") or None,
        "organisation": {"id": key or org["id"], "name": org.get("name")},
        "signup": service.get("application_process") or None,
        "age_min": _number(service.get("minimum_age")),
        "age_max": _number(service.get("maximum_age")),
        "status": status_from_hsds(service["status"]),
        "last_verified": date.fromisoformat(service["assured_date"])
        if service.get("assured_date") else None,
        "contact": {"email": service.get("email") or None, "website": service.get("url") or None},
    }


def org_key(identifiers: list[Record]) -> str | None:
    """Our organisation key carried in ``organization_identifier`` records, if any."""
    return next((r["identifier"] for r in identifiers
                 if r.get("identifier_type") == ORG_KEY_TYPE and r.get("identifier")), None)


def apply_attribute(fields: dict[str, Any], taxonomy: str, code: str,
                    value: str | None) -> str | None:
    """Put one service attribute into ``fields``; returns a Dutch error text or None."""
    if taxonomy == INTERNAL and code == KEY_TERM:
        fields["id"] = value or fields["id"]
        return None if value else "de eigen sleutel (attribute.value) ontbreekt"
    target = {DIMENSIONS: "dimensions", COMPLAINTS: "complaints"}.get(taxonomy) or {
        SUGGESTED_DIMENSION: "suggested_dimensions",
        SUGGESTED_COMPLAINT: "suggested_complaints"}.get(code)
    if target is None:
        return f"onbekende term '{code}' in taxonomie '{taxonomy}'"
    item = value if taxonomy == INTERNAL else _vocabulary_id(taxonomy, code)
    if not item:
        return f"de waarde van term '{code}' (attribute.value) ontbreekt"
    fields.setdefault(target, []).append(item)
    return None


def location_fields(fields: dict[str, Any], loc: Record, addresses: list[Record],
                    accessibility: list[Record]) -> None:
    """Put one location of a service (physical or virtual) into ``fields``."""
    for acc in accessibility:
        m = WHEELCHAIR_RE.match((acc.get("details") or "").strip().lower())
        if m:
            fields["wheelchair"] = m.group(1)
    if loc.get("location_type") == "virtual":
        fields["online"] = True
        return
    addr = addresses[0] if addresses else {}

    def known(name: str) -> str | None:
        value = addr.get(name) or None
        return None if value is None or value.lower() == UNKNOWN else value

    fields["location"] = {
        "address": known("address_1"), "city": known("city"), "postcode": known("postal_code"),
        "municipality": addr.get("region") or None,
        "lat": float(loc["latitude"]) if loc.get("latitude") else None,
        "lon": float(loc["longitude"]) if loc.get("longitude") else None}


def detail_fields(fields: dict[str, Any], related: Tables) -> None:
    """Put cost, schedule, languages, phone and contact of one service into ``fields``."""
    if related["cost_option"]:
        cost = related["cost_option"][0]
        fields["cost"] = {"amount_eur": Decimal(cost["amount"]) if cost.get("amount") else None,
                          "note": cost.get("amount_description") or None}
    if related["schedule"]:
        sched = related["schedule"][0]
        days = [d.strip().upper() for d in (sched.get("byday") or "").split(",") if d.strip()]
        fields["schedule"] = {"when": sched.get("description") or None,
                              "days": [DAYS_FROM_RRULE.get(d.lstrip("+-0123456789"), d)
                                       for d in days]}
    fields["languages"] = [r["code"] for r in related["language"] if r.get("code")]
    contact = fields["contact"]
    contact["phone"] = next((r["number"] for r in related["phone"] if r.get("number")), None)
    contact["person"] = next((r["name"] for r in related["contact"] if r.get("name")), None)


def activity_from_fields(fields: dict[str, Any]) -> ActivityIn:
    """Build the activity; a service without a location is online (raises ValidationError)."""
    if "location" not in fields:
        fields["online"] = True
    return ActivityIn.model_validate(fields)


def error_field(loc: tuple[int | str, ...]) -> str:
    """The HSDS field named in a pydantic error location of :class:`ActivityIn`."""
    names = [str(p) for p in loc if not isinstance(p, int)]
    for name in reversed(names):
        if name in FIELD_NAMES:
            return FIELD_NAMES[name]
    return "service"
