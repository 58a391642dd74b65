"""Request and answer models of triage (contract section 3), and request validation."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, SkipValidation, ValidationError
from typing_extensions import TypedDict

from socialmap.vocabulary import Vocabulary, load_vocabulary

from .errors import TriageError

Score = Annotated[float, Field(strict=True, ge=0, le=10, allow_inf_nan=False)]
MAX_TEXT = 10_000
MAX_ITEMS_PER_DIMENSION = 7


class TriageRequest(BaseModel):
    """One triage request; at least one of complaints, text or spinnenweb (scores or items)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    age: Annotated[int, Field(ge=0, le=130)] | None = None
    complaints: list[str] = Field(default_factory=list, max_length=50)
    signals: list[str] = Field(default_factory=list, max_length=50)
    spinnenweb: dict[str, Score] | None = None
    spinnenweb_items: (
        dict[str, Annotated[list[Score], Field(min_length=1, max_length=MAX_ITEMS_PER_DIMENSION)]]
        | None
    ) = None
    text: Annotated[str, Field(max_length=MAX_TEXT)] | None = None
    consent: bool | None = None


class Reason(BaseModel):
    """A rule that fired: its id as ``code``, the Dutch text, and where it comes from."""

    model_config = ConfigDict(frozen=True)

    code: str
    text: str
    route: str
    source: str


class RuleNotFired(BaseModel):
    """A rule that did not fire, with a Dutch description of what it needs."""

    model_config = ConfigDict(frozen=True)

    code: str
    route: str
    needs: str


class Span(TypedDict):
    """Where a complaint category or signal was read in the note (character offsets).

    A mapping rather than a model: an answer holds a dozen, and pydantic checks a mapping's
    fields without building an object for each (about 40% of the answer's validation).
    """

    kind: str
    id: str
    start: int
    end: int
    text: str
    fuzzy: bool
    negated: bool


class Detected(BaseModel):
    """What was read from the note and was not ticked."""

    complaints: list[str]
    signals: list[str]


class IcpcCode(BaseModel):
    """An ICPC code with its Dutch title."""

    model_config = ConfigDict(frozen=True)

    code: str
    title: str


class TriageDecision(BaseModel):
    """The advice (contract section 3) plus explanation fields for the UI and the matcher."""

    route: str
    fits_wor: bool
    also_consider: list[str]
    complaints: list[str]
    detected: Detected
    reasons: list[Reason]
    next_steps: list[str]
    route_label: str
    signals: list[str]
    needs: list[str]
    spinnenweb_scores: dict[str, float]
    #: Built by the engine from the reader's hits, whose fields are typed (``detection.Hit``),
    #: so they are not checked again: with about ten spans an answer, that check was half the
    #: cost of validating the answer. Their schema still documents the answer.
    detected_spans: SkipValidation[list[Span]]
    negated_spans: SkipValidation[list[Span]]
    rules_not_fired: list[RuleNotFired]
    referral_text: str | None
    icpc: list[IcpcCode]

    def to_dict(self) -> dict[str, Any]:
        """The answer as plain JSON-ready data."""
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        """The answer as a JSON string (UTF-8 text, Dutch characters kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


_MESSAGES = {
    "missing": "ontbreekt",
    "extra_forbidden": "onbekend veld",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "finite_number": "moet een eindig getal zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een object zijn",
    "bool_type": "moet true of false zijn",
    "model_type": "moet een JSON-object zijn",
    "model_attributes_type": "moet een JSON-object zijn",
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name or "request"


def _n(value: object) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in ("greater_than_equal", "greater_than"):
        return f"moet minstens {_n(ctx.get('ge', ctx.get('gt')))} zijn"
    if kind in ("less_than_equal", "less_than"):
        return f"mag hoogstens {_n(ctx.get('le', ctx.get('lt')))} zijn"
    if kind == "too_short":
        return f"moet minstens {ctx.get('min_length')} element(en) bevatten"
    if kind == "too_long":
        return f"is te lang (hoogstens {ctx.get('max_length')})"
    if kind == "string_too_long":
        return f"is te lang (hoogstens {ctx.get('max_length')} tekens)"
    return _MESSAGES.get(kind, str(error.get("msg", kind)))


def errors_from_pydantic(exc: ValidationError) -> TriageError:
    """Convert a pydantic ValidationError into a TriageError with Dutch messages per field."""
    details: list[dict[str, object]] = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        details.append({"field": _field_name(loc), "message": _message(dict(error))})
    fields = ", ".join(str(d["field"]) for d in details)
    return TriageError(f"Ongeldig triageverzoek: controleer {fields}", details)


def _unknown(values: list[str], field: str, kind: str, vocab_terms: Any) -> list[dict[str, object]]:
    details: list[dict[str, object]] = []
    for index, value in enumerate(values):
        if value in vocab_terms:
            continue
        message = f"onbekende {kind} '{value}'"
        match = vocab_terms.resolve(value)
        if match is not None:
            message += f" (bedoelt u '{match.term.id}'?)"
        details.append({"field": f"{field}[{index}]", "message": message})
    return details


def _check_vocabulary(req: TriageRequest, vocab: Vocabulary) -> list[dict[str, object]]:
    complaints, signals, dimensions = vocab.complaints.by_id, vocab.signals.by_id, vocab.dimensions
    scores, items = req.spinnenweb or {}, req.spinnenweb_items or {}
    known_dimension = dimensions.by_id.__contains__
    if (
        all(map(complaints.__contains__, req.complaints))
        and all(map(signals.__contains__, req.signals))
        and all(map(known_dimension, scores))
        and (not items or all(known_dimension(d) and d not in scores for d in items))
    ):
        return []  # the usual case: every id known, no dimension given twice
    details = _unknown(req.complaints, "complaints", "klachtcategorie", vocab.complaints)
    details += _unknown(req.signals, "signals", "signaal", vocab.signals)
    for field in ("spinnenweb", "spinnenweb_items"):
        scores = getattr(req, field) or {}
        details += [
            {"field": f"{field}.{d}", "message": f"onbekende dimensie '{d}'"}
            for d in scores
            if d not in vocab.dimensions
        ]
    both = set(req.spinnenweb or {}) & set(req.spinnenweb_items or {})
    details += [
        {
            "field": f"spinnenweb_items.{d}",
            "message": "staat ook in 'spinnenweb': geef één van beide",
        }
        for d in sorted(both)
    ]
    return details


def _has_input(req: TriageRequest) -> bool:
    return bool(
        req.complaints or (req.text and req.text.strip()) or req.spinnenweb or req.spinnenweb_items
    )


def parse_request(raw: object, vocab: Vocabulary | None = None) -> TriageRequest:
    """Validate a request (dict or model) strictly; raise TriageError naming every bad field."""
    vocab = vocab or load_vocabulary()
    if isinstance(raw, TriageRequest):
        req = raw
    elif not isinstance(raw, dict):
        raise TriageError(
            "Ongeldig triageverzoek: verwacht een JSON-object",
            [{"field": "request", "message": "moet een JSON-object zijn"}],
        )
    else:
        try:
            req = TriageRequest.model_validate(raw)
        except ValidationError as exc:
            raise errors_from_pydantic(exc) from None
    details = _check_vocabulary(req, vocab)
    if details:
        fields = ", ".join(str(d["field"]) for d in details)
        raise TriageError(f"Ongeldig triageverzoek: controleer {fields}", details)
    if not _has_input(req):
        raise TriageError(
            "Niets om over te beslissen: geef minstens één van complaints, text of spinnenweb",
            [{"field": "complaints", "message": "geef klachten, een notitie (text) of spinnenweb"}],
        )
    return req
