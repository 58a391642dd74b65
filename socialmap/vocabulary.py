"""The fixed domain vocabulary (``data/vocabulary.json``): ids, Dutch labels and lookups.

Ids are validated everywhere through :class:`Vocabulary`; user input may use an id or a label in
any case, and a small typo in a label is matched with rapidfuzz above a safe threshold.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process, utils

import data

from .errors import VocabularyError

#: Minimum rapidfuzz ratio (0-100) to accept a misspelled label. High on purpose: a wrong
#: dimension is worse than a reported error.
FUZZY_THRESHOLD = 88.0


@dataclass(frozen=True)
class Term:
    """One vocabulary item: a stable id and its Dutch label."""

    id: str
    label: str
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Match:
    """The result of resolving user text to a term; ``fuzzy`` tells a typo was corrected."""

    term: Term
    fuzzy: bool = False
    score: float = 100.0


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse separators, for forgiving comparisons."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace("_", " ").replace("-", " ").split())


def unique_known_ids(values: Iterable[str], known: Collection[str], what: str, *,
                     list_choices: bool = False) -> list[str]:
    """Each of ``values`` once, in first-seen order; raises ValueError naming unknown ids.

    ``what`` is the Dutch name of the kind of id in the message (``"klachtcategorie"``);
    ``list_choices`` adds the ids of ``known`` to it. Made for pydantic field validators.
    """
    values = list(values)
    unknown = [v for v in values if v not in known]
    if unknown:
        choices = f" (kies uit {', '.join(known)})" if list_choices else ""
        raise ValueError(f"onbekende {what}: {', '.join(unknown)}{choices}")
    return list(dict.fromkeys(values))


class TermSet:
    """An ordered set of terms of one kind (dimensions, complaint categories, signals, routes)."""

    def __init__(self, kind: str, terms: list[Term]) -> None:
        self.kind = kind
        self.terms = terms
        self.by_id = {t.id: t for t in terms}
        self._by_folded: dict[str, Term] = {}
        for t in terms:
            self._by_folded[fold(t.id)] = t
            self._by_folded[fold(t.label)] = t

    @property
    def ids(self) -> list[str]:
        """All ids in vocabulary order."""
        return [t.id for t in self.terms]

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.by_id

    def label(self, term_id: str) -> str:
        """The Dutch label of an id."""
        return self.by_id[term_id].label

    def resolve(self, text: str) -> Match | None:
        """Resolve an id or label (any case, stray spaces, small typo) to a term, or None."""
        key = fold(text)
        if not key:
            return None
        if key in self._by_folded:
            return Match(self._by_folded[key])
        choices = list(self._by_folded)
        best = process.extractOne(
            key, choices, scorer=fuzz.ratio, processor=utils.default_process
        )
        if best is not None and best[1] >= FUZZY_THRESHOLD:
            return Match(self._by_folded[best[0]], fuzzy=True, score=float(best[1]))
        return None

    def check_ids(self, ids: list[str], field_name: str) -> list[str]:
        """Return ``ids`` unchanged if all are known ids, else raise naming the field."""
        unknown = [i for i in ids if i not in self.by_id]
        if unknown:
            raise VocabularyError(
                f"Onbekende waarde(n) in '{field_name}': {', '.join(map(str, unknown))}",
                [{"field": field_name, "unknown": unknown, "allowed": self.ids}],
            )
        return ids


@dataclass(frozen=True)
class Vocabulary:
    """The whole vocabulary, as loaded from ``data/vocabulary.json``."""

    raw: dict[str, object]
    dimensions: TermSet
    complaints: TermSet
    signals: TermSet
    routes: TermSet
    wor_minimum_age: int
    icpc_referral: str
    icpc_titles: dict[str, str]
    scale_min: int
    scale_max: int


def _terms(kind: str, items: list[dict[str, object]]) -> TermSet:
    terms = [
        Term(str(i["id"]), str(i["label"]),
             {k: v for k, v in i.items() if k not in ("id", "label")})
        for i in items
    ]
    return TermSet(kind, terms)


@cache
def load_vocabulary() -> Vocabulary:
    """Load and return the vocabulary (cached for the process)."""
    raw = json.loads(data.read_text("vocabulary.json"))
    return Vocabulary(
        raw=raw,
        dimensions=_terms("spinnenweb_dimensions", raw["spinnenweb_dimensions"]),
        complaints=_terms("complaint_categories", raw["complaint_categories"]),
        signals=_terms("signals", raw["signals"]["items"]),
        routes=_terms("routes", raw["routes"]),
        wor_minimum_age=int(raw["age"]["wor_minimum"]),
        icpc_referral=str(raw["icpc"]["wor_referral"]),
        icpc_titles=dict(raw["icpc"]["titles"]),
        scale_min=int(raw["spinnenweb_scale"]["min"]),
        scale_max=int(raw["spinnenweb_scale"]["max"]),
    )
