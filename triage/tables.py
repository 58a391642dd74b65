"""Lookup tables derived from the vocabulary once per process: data only, no request content."""

from __future__ import annotations

from dataclasses import dataclass

from socialmap.vocabulary import Vocabulary

from .models import IcpcCode

REFERRAL_TITLE = "Andere verwijzing (Welzijn op Recept)"


@dataclass(frozen=True)
class VocabTables:
    """Orders, labels and ICPC codes of one vocabulary, ready for the decision."""

    vocab: Vocabulary
    complaint_order: dict[str, int]
    complaint_labels: dict[str, str]
    signal_labels: dict[str, str]
    suggestions: dict[str, tuple[str, ...]]
    icpc: dict[str, IcpcCode]
    dimension_ids: tuple[str, ...]
    dimension_order: dict[str, int]
    dimension_labels: dict[str, str]


_TABLES: dict[int, VocabTables] = {}


def _suggestions(vocab: Vocabulary) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for term in vocab.complaints.terms:
        raw = term.extra.get("icpc_suggestions")
        out[term.id] = tuple(str(code) for code in raw) if isinstance(raw, list) else ()
    return out


def _build(vocab: Vocabulary) -> VocabTables:
    suggestions = _suggestions(vocab)
    titles = {vocab.icpc_referral: REFERRAL_TITLE, **vocab.icpc_titles}
    codes = {vocab.icpc_referral, *(c for codes in suggestions.values() for c in codes)}
    return VocabTables(
        vocab=vocab,
        complaint_order={t.id: i for i, t in enumerate(vocab.complaints.terms)},
        complaint_labels={t.id: t.label for t in vocab.complaints.terms},
        signal_labels={t.id: t.label for t in vocab.signals.terms},
        suggestions=suggestions,
        icpc={c: IcpcCode(code=c, title=titles.get(c, "")) for c in codes},
        dimension_ids=tuple(t.id for t in vocab.dimensions.terms),
        dimension_order={t.id: i for i, t in enumerate(vocab.dimensions.terms)},
        dimension_labels={t.id: t.label for t in vocab.dimensions.terms},
    )


def tables(vocab: Vocabulary) -> VocabTables:
    """The tables of ``vocab``, built on first use (vocabularies are loaded once per process)."""
    found = _TABLES.get(id(vocab))
    if found is None or found.vocab is not vocab:
        found = _TABLES[id(vocab)] = _build(vocab)
    return found
