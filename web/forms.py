"""Turning HTML form fields into triage and match requests, with Dutch errors per field.

Form field names are Dutch (they show in URLs); request fields follow the contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict

from socialmap.geo import locate, normalise_postcode
from socialmap.models import DAYS, LANGUAGE_RE
from socialmap.vocabulary import load_vocabulary

MAX_NOTE = 10_000
DISTANCES_KM = (1, 2, 5, 10, 25, 50)


@dataclass
class FormResult:
    """A parsed form: the request for the domain, the errors per form field, and extras."""

    request: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the form has no errors."""
        return not self.errors


def _number(form: Mapping[str, str], name: str, low: float, high: float,
            result: FormResult, *, whole: bool = False) -> float | int | None:
    raw = form.get(name, "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        result.errors[name] = "Vul een " + ("heel getal" if whole else "getal") + " in."
        return None
    if not low <= value <= high:
        result.errors[name] = f"Vul een getal van {low:g} tot en met {high:g} in."
        return None
    return value


def _known(form: MultiDict[str, str], name: str, ids: list[str]) -> list[str]:
    return [v for v in dict.fromkeys(form.getlist(name)) if v in ids]


def _postcode(form: Mapping[str, str], result: FormResult) -> str | None:
    raw = form.get("postcode", "").strip()
    if not raw:
        return None
    norm = normalise_postcode(raw)
    if norm is None:
        result.errors["postcode"] = "Vul een postcode in zoals 9711 AB of alleen de cijfers 9711."
        return None
    if locate(norm) is None:
        result.errors["postcode"] = f"Postcode {norm[:4]} kennen wij niet. Controleer de cijfers."
        return None
    return norm


def spinnenweb_scores(form: Mapping[str, str], result: FormResult) -> dict[str, float]:
    """The optional spinnenweb scores (fields ``score_<dimension>``, 0-10)."""
    scores: dict[str, float] = {}
    for dim in load_vocabulary().dimensions.ids:
        value = _number(form, f"score_{dim}", 0, 10, result)
        if value is not None:
            scores[dim] = float(value)
    return scores


def blank_spans(text: str, spans: list[str]) -> str:
    """The note with the struck spans (``start:end``) blanked out, so offsets stay valid."""
    chars = list(text)
    for span in spans:
        try:
            start, end = (int(p) for p in span.split(":")[:2])
        except ValueError:
            continue
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def triage_form(form: MultiDict[str, str]) -> FormResult:
    """The GP form as a triage request (contract section 3)."""
    vocab = load_vocabulary()
    result = FormResult()
    complaints = _known(form, "klacht", vocab.complaints.ids)
    complaints += [c for c in _known(form, "bevestig_klacht", vocab.complaints.ids)
                   if c not in complaints]
    signals = _known(form, "signaal", vocab.signals.ids)
    signals += [s for s in _known(form, "bevestig_signaal", vocab.signals.ids) if s not in signals]
    age = _number(form, "leeftijd", 0, 120, result, whole=True)
    scores = spinnenweb_scores(form, result)
    note = form.get("notitie", "")
    if len(note) > MAX_NOTE:
        result.errors["notitie"] = f"De notitie is te lang: hoogstens {MAX_NOTE} tekens."
    struck = form.getlist("schrap")
    postcode = _postcode(form, result)
    text = blank_spans(note, struck).strip()
    if not (complaints or text or scores) and not result.errors:
        result.errors["klacht"] = ("Kies minstens één klacht, schrijf een notitie of vul het "
                                   "spinnenweb in.")
    result.request = {k: v for k, v in {
        "age": age, "complaints": complaints, "signals": signals,
        "spinnenweb": scores or None, "text": text or None,
    }.items() if v not in (None, [])}
    result.extra = {"note": note, "struck": struck, "postcode": postcode}
    return result


def match_form(form: MultiDict[str, str], *, limit: int = 20) -> FormResult:
    """The coach form (query string) as a match request; an unknown day or language is ignored."""
    vocab = load_vocabulary()
    result = FormResult()
    # The first value of each field as a plain dict: most fields are absent, and a MultiDict
    # raises (and catches) an exception for each absent field ``get`` asks for.
    values = form.to_dict()
    scores = spinnenweb_scores(values, result)
    postcode = _postcode(values, result)
    max_km = _number(values, "max_km", 0, 1000, result)
    age = _number(values, "leeftijd", 0, 120, result, whole=True)
    query = values.get("zoek", "").strip()[:200]
    request: dict[str, Any] = {
        "dimensions": _known(form, "dimensie", vocab.dimensions.ids),
        "spinnenweb": scores,
        "complaints": _known(form, "klacht", vocab.complaints.ids),
        "free_only": values.get("gratis") == "ja",
        "wheelchair": values.get("rolstoel") == "ja",
        "online_ok": values.get("online", "ja") != "nee",
        "limit": limit,
    }
    for key, value in (("postcode", postcode), ("max_km", max_km), ("age", age),
                       ("query", query or None)):
        if value is not None:
            request[key] = value
    day = values.get("dag", "")
    language = values.get("taal", "").strip().lower()
    if day in DAYS:
        request["days"] = [day]
    if LANGUAGE_RE.fullmatch(language):
        request["languages"] = [language]
    result.request = request
    return result
