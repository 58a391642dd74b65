"""Spinnenweb scores: dimension scores from scores or item answers, and the low dimensions."""

from __future__ import annotations

from socialmap.vocabulary import Vocabulary

from .models import TriageRequest
from .tables import tables


def dimension_scores(req: TriageRequest, vocab: Vocabulary) -> dict[str, float]:
    """One score per given dimension, in vocabulary order; items give their mean (2 decimals)."""
    given: dict[str, float] = dict(req.spinnenweb or {})
    for dim, items in (req.spinnenweb_items or {}).items():
        given[dim] = round(sum(items) / len(items), 2)
    if not given:
        return {}
    return {d: float(given[d]) for d in tables(vocab).dimension_ids if d in given}


def low_dimensions(scores: dict[str, float], threshold: float, vocab: Vocabulary) -> list[str]:
    """Dimensions at or below ``threshold``, lowest first (ties in vocabulary order)."""
    low = [d for d, s in scores.items() if s <= threshold]
    if len(low) < 2:
        return low
    order = tables(vocab).dimension_order
    return sorted(low, key=lambda d: (scores[d], order[d]))


def describe_scores(dims: list[str], scores: dict[str, float], vocab: Vocabulary) -> str:
    """Dutch text such as "Meedoen 3, Zingeving 4,5"."""
    labels = tables(vocab).dimension_labels
    return ", ".join(f"{labels[d]} {_fmt(scores[d])}" for d in dims)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")
