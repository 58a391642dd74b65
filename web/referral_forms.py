"""HTML forms of the referral record: one section at a time, with Dutch errors per field.

Each section form changes part of the record: the parser starts from the stored record (or an
empty one), lays the form fields over it and returns the whole input for the domain, which
validates it (``parse_referral``) and stores it in one transaction. Field names are Dutch;
domain field paths map back to them so errors appear next to the right field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict

from socialmap.referrals.errors import ReferralError
from socialmap.referrals.models import AgeBand, ReferralIn, field_label, parse_referral
from socialmap.vocabulary import load_vocabulary

from .forms import FormResult, spinnenweb_scores

SECTIONS = {
    "wie": "Wie: verwijzing",
    "hulpvraag": "Hulpvraag: intake",
    "activiteiten": "Ondersteuning: voorgestelde en gekozen activiteiten",
    "vervolg": "Uitkomst: deelname na 3, 6 en 9 maanden",
    "afsluiting": "Uitkomst: afsluiting",
}
FORM_NAMES = {
    "reference": "kenmerk", "practice": "praktijk", "municipality": "gemeente",
    "organisation": "organisatie", "coach": "coach", "age_band": "leeftijdsgroep",
    "complaints": "klacht", "route": "route", "referral_date": "verwijsdatum",
    "first_contact_date": "eerste_contact", "question": "hulpvraag", "talks": "gesprekken",
    "intake_spinnenweb": "spinnenweb", "end_spinnenweb": "spinnenweb", "end_date": "einddatum",
    "goal_reached": "doel", "goal_explanation": "doel_toelichting",
    "referred_on": "doorverwezen", "referred_on_why": "doorverwezen_waarom",
    "activities": "activiteit_nieuw", "version": "versie",
}
ACTIVITY_NAMES = {
    "activity_id": "id", "chosen": "gekozen", "started_date": "start",
    "provider_first_contact_days": "dagen", "attending_3m": "3m", "attending_6m": "6m",
    "attending_9m": "9m", "dropped_out_date": "afgehaakt", "dropout_reason": "reden",
}
YES_NO = {"ja": True, "nee": False, "": None}
NEW_ACTIVITY = "activiteit_nieuw"


@dataclass
class SectionForm:
    """A parsed section: the whole record input, errors per form field, row prefixes."""

    data: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    positions: list[str] = field(default_factory=list)
    referral: ReferralIn | None = None

    @property
    def ok(self) -> bool:
        """Whether the input is valid and may be saved."""
        return not self.errors and self.referral is not None

    def add_details(self, details: list[dict[str, object]]) -> None:
        """Put domain error details next to their form fields (first message per field)."""
        for detail in details:
            path = str(detail.get("field", ""))
            name = form_name(path, self.positions)
            label = field_label(path)
            text = f"{label[:1].upper()}{label[1:]}: {detail.get('message', 'klopt niet')}."
            self.errors.setdefault(name, text)


def form_name(path: str, positions: list[str] | None = None) -> str:
    """The form field for a domain field path such as ``activities.1.started_date``."""
    parts = path.split(".")
    if parts[0] == "activities" and len(parts) > 2 and parts[1].isdigit():
        index = int(parts[1])
        prefix = (positions or [])[index] if index < len(positions or []) else f"act-{index}"
        if prefix == NEW_ACTIVITY:
            return NEW_ACTIVITY
        return f"{prefix}-{ACTIVITY_NAMES.get(parts[-1], parts[-1])}"
    return FORM_NAMES.get(parts[0], parts[0])


def _text(form: MultiDict[str, str], name: str) -> str | None:
    value = form.get(name, "").strip()
    return value or None


def _yes_no(form: MultiDict[str, str], name: str, errors: dict[str, str]) -> bool | None:
    raw = form.get(name, "").strip().lower()
    if raw not in YES_NO:
        errors[name] = "Kies ja, nee of nog niet bekend."
        return None
    return YES_NO[raw]


def _scores(form: MultiDict[str, str], errors: dict[str, str]) -> dict[str, float] | None:
    result = FormResult()
    scores = spinnenweb_scores(form, result)
    errors.update(result.errors)
    return scores or None


def _wie(form: MultiDict[str, str], data: dict[str, Any], errors: dict[str, str]) -> None:
    data.update(
        reference=form.get("kenmerk", "").strip(), practice=form.get("praktijk", "").strip(),
        municipality=form.get("gemeente", "").strip(),
        age_band=form.get("leeftijdsgroep", ""), complaints=form.getlist("klacht"),
        route=form.get("route", "").strip() or "welzijn_op_recept",
        referral_date=form.get("verwijsdatum", "").strip() or None,
    )
    if data["referral_date"] is None:
        errors["verwijsdatum"] = "Verwijsdatum: vul de datum van de verwijzing in."


def _hulpvraag(form: MultiDict[str, str], data: dict[str, Any], errors: dict[str, str]) -> None:
    data.update(first_contact_date=_text(form, "eerste_contact"),
                question=_text(form, "hulpvraag"),
                talks=form.get("gesprekken", "").strip() or 0,
                intake_spinnenweb=_scores(form, errors))


def _afsluiting(form: MultiDict[str, str], data: dict[str, Any], errors: dict[str, str]) -> None:
    data.update(end_date=_text(form, "einddatum"),
                talks=form.get("gesprekken", "").strip() or 0,
                end_spinnenweb=_scores(form, errors),
                goal_reached=_yes_no(form, "doel", errors),
                goal_explanation=_text(form, "doel_toelichting"),
                referred_on=_yes_no(form, "doorverwezen", errors),
                referred_on_why=_text(form, "doorverwezen_waarom"))


def _activity_row(form: MultiDict[str, str], prefix: str, item: dict[str, Any],
                  errors: dict[str, str], *, followup: bool) -> dict[str, Any]:
    item = {**item, "followup": dict(item.get("followup") or {})}
    if followup:
        for months in (3, 6, 9):
            item["followup"][f"attending_{months}m"] = _yes_no(form, f"{prefix}-{months}m",
                                                                errors)
        item["followup"]["dropped_out_date"] = _text(form, f"{prefix}-afgehaakt")
        item["followup"]["dropout_reason"] = _text(form, f"{prefix}-reden")
    else:
        item["chosen"] = form.get(f"{prefix}-gekozen") == "ja"
        item["started_date"] = _text(form, f"{prefix}-start")
        item["provider_first_contact_days"] = _text(form, f"{prefix}-dagen")
    return item


def _activities(form: MultiDict[str, str], data: dict[str, Any], errors: dict[str, str], *,
                followup: bool, new_id: str | None) -> list[str]:
    items, positions = [], []
    for index, item in enumerate(data.get("activities") or []):
        prefix = f"act-{index}"
        if form.get(f"{prefix}-id") != item["activity_id"]:
            items.append(item)  # not on this form: keep as stored
        elif form.get(f"{prefix}-weg") == "ja":
            continue
        else:
            items.append(_activity_row(form, prefix, item, errors, followup=followup))
        positions.append(prefix)
    if new_id:
        items.append({"activity_id": new_id})
        positions.append(NEW_ACTIVITY)
    data["activities"] = items
    return positions


PARSERS: dict[str, Callable[[MultiDict[str, str], dict[str, Any], dict[str, str]], None]] = {
    "wie": _wie, "hulpvraag": _hulpvraag, "afsluiting": _afsluiting,
}


def parse_section(section: str, form: MultiDict[str, str], base: dict[str, Any], *,
                  new_activity: str | None = None) -> SectionForm:
    """Lay one section's form fields over ``base`` and validate the whole record."""
    result = SectionForm(data={k: v for k, v in base.items()})
    if section in PARSERS:
        PARSERS[section](form, result.data, result.errors)
    result.positions = _activities(form, result.data, result.errors,
                                   followup=section == "vervolg",
                                   new_id=new_activity if section == "activiteiten" else None)
    try:
        result.referral = parse_referral(result.data)
    except ReferralError as exc:
        result.add_details(list(exc.details))
    return result


#: Lower bound of each age band, oldest first (no band under 18).
AGE_BANDS = ((75, AgeBand.A75_PLUS), (65, AgeBand.A65_74), (45, AgeBand.A45_64),
             (30, AgeBand.A30_44), (18, AgeBand.A18_29))
#: The only fields the GP answer page passes on to the GP referral form (nothing identifying).
GP_PREFILL_FIELDS = ("klacht", "route", "leeftijdsgroep")


def age_band_for(age: float | None) -> AgeBand | None:
    """The age band of an age in years, or None (unknown, or under 18)."""
    if age is None:
        return None
    return next((band for low, band in AGE_BANDS if age >= low), None)


def gp_prefill(args: MultiDict[str, str], *, referral_date: str,
               municipality: str) -> MultiDict[str, str]:
    """The GP referral form's values from a query string: known codes only, the rest dropped."""
    vocab = load_vocabulary()
    route = args.get("route", "")
    band = args.get("leeftijdsgroep", "")
    values = MultiDict({
        "verwijsdatum": referral_date, "gemeente": municipality,
        "route": route if route in vocab.routes.ids else "welzijn_op_recept",
        "leeftijdsgroep": band if band in {b.value for b in AgeBand} else "",
    })
    for complaint in dict.fromkeys(args.getlist("klacht")):
        if complaint in vocab.complaints.ids:
            values.add("klacht", complaint)
    return values


def parse_gp_referral(form: MultiDict[str, str], *, practice: str) -> SectionForm:
    """A GP's new referral: the *wie* fields, the chosen organisation, the GP's own practice."""
    result = SectionForm()
    _wie(form, result.data, result.errors)
    result.data.update(practice=practice, organisation=form.get("organisatie", "").strip())
    try:
        result.referral = parse_referral(result.data)
    except ReferralError as exc:
        result.add_details(list(exc.details))
    return result


def form_values(section: str, referral: ReferralIn | None) -> MultiDict[str, str]:
    """The stored values as form fields, to fill a section form before editing."""
    if referral is None:
        return MultiDict()
    r = referral
    values: dict[str, Any] = {
        "kenmerk": r.reference, "praktijk": r.practice, "gemeente": r.municipality,
        "leeftijdsgroep": r.age_band.value, "route": r.route,
        "verwijsdatum": r.referral_date, "eerste_contact": r.first_contact_date,
        "hulpvraag": r.question, "gesprekken": r.talks, "einddatum": r.end_date,
        "doel": _word(r.goal_reached), "doel_toelichting": r.goal_explanation,
        "doorverwezen": _word(r.referred_on), "doorverwezen_waarom": r.referred_on_why,
    }
    scores = r.end_spinnenweb if section == "afsluiting" else r.intake_spinnenweb
    values.update({f"score_{k}": f"{v:g}" for k, v in (scores or {}).items()})
    for index, item in enumerate(r.activities):
        prefix, f = f"act-{index}", item.followup
        values.update({
            f"{prefix}-gekozen": "ja" if item.chosen else "", f"{prefix}-start": item.started_date,
            f"{prefix}-dagen": item.provider_first_contact_days,
            f"{prefix}-3m": _word(f.attending_3m), f"{prefix}-6m": _word(f.attending_6m),
            f"{prefix}-9m": _word(f.attending_9m), f"{prefix}-afgehaakt": f.dropped_out_date,
            f"{prefix}-reden": f.dropout_reason,
        })
    result = MultiDict({k: "" if v is None else str(v) for k, v in values.items()})
    for complaint in r.complaints:
        result.add("klacht", complaint)
    return result


def _word(value: bool | None) -> str:
    return {True: "ja", False: "nee", None: ""}[value]
