"""Suggested dimensions and complaint categories for activities that are 'te classificeren'.

A word list in ``data/socialmap/classify.yaml`` links words in an activity's name and description
to vocabulary ids. Suggestions are values with their reasons (the words that matched); a curator
confirms or corrects them, nothing is applied to matching automatically.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import yaml

import data

from ..errors import CatalogueError
from ..models import ActivityIn
from ..vocabulary import fold, load_vocabulary

#: At most this many dimensions and complaint categories are suggested.
MAX_SUGGESTIONS = 3
NAME_WEIGHT = 2


@dataclass(frozen=True)
class Rule:
    """Words or phrases (``stem*`` for a prefix) that point to dimensions and complaints."""

    words: tuple[str, ...]
    dimensions: tuple[str, ...]
    complaints: tuple[str, ...]


@dataclass
class Suggestion:
    """Suggested vocabulary ids, best first, with the words that led to each."""

    dimensions: list[str] = field(default_factory=list)
    complaints: list[str] = field(default_factory=list)
    reasons: dict[str, list[str]] = field(default_factory=dict)

    def because(self, term_id: str) -> str:
        """The matched words for one suggested id, as a Dutch fragment."""
        return ", ".join(self.reasons.get(term_id, []))


def _ids(entry: dict[str, object], key: str, known: Mapping[str, object],
         n: int) -> tuple[str, ...]:
    ids = entry.get(key) or []
    if not isinstance(ids, list) or any(i not in known for i in ids):
        raise CatalogueError(f"classify.yaml, regel {n}: '{key}' bevat onbekende ids: {ids}")
    return tuple(str(i) for i in ids)


@cache
def load_rules() -> tuple[Rule, ...]:
    """The validated word list (cached); raises :class:`CatalogueError` on any mistake."""
    raw = yaml.safe_load(data.read_text("socialmap", "classify.yaml"))
    entries = raw.get("regels") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise CatalogueError("classify.yaml: verwacht een lijst 'regels'.")
    vocab = load_vocabulary()
    rules = []
    for n, entry in enumerate(entries, start=1):
        words = entry.get("woorden") if isinstance(entry, dict) else None
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise CatalogueError(f"classify.yaml, regel {n}: 'woorden' moet een lijst tekst zijn.")
        dims = _ids(entry, "dimensies", vocab.dimensions.by_id, n)
        complaints = _ids(entry, "doelgroepen", vocab.complaints.by_id, n)
        if not dims and not complaints:
            raise CatalogueError(f"classify.yaml, regel {n}: geen dimensies of doelgroepen.")
        rules.append(Rule(tuple(fold(w) for w in words), dims, complaints))
    return tuple(rules)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _hits(word: str, tokens: list[str], joined: str) -> bool:
    if word.endswith("*"):
        stem = word[:-1]
        if len(stem) >= 4:
            return any(stem in t for t in tokens)
        return any(t.startswith(stem) for t in tokens)
    if " " in word:
        return f" {word} " in joined
    return word in tokens


def suggest(name: str, description: str = "") -> Suggestion:
    """Suggest dimensions and complaint categories for a name and description."""
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[str]] = defaultdict(list)
    texts = [(_tokens(name), NAME_WEIGHT), (_tokens(description), 1)]
    for rule in load_rules():
        for tokens, weight in texts:
            joined = f" {' '.join(tokens)} "
            matched = [w.rstrip("*") for w in rule.words if _hits(w, tokens, joined)]
            for term in (*rule.dimensions, *rule.complaints):
                scores[term] += weight * len(matched)
                reasons[term].extend(m for m in matched if m not in reasons[term])
    vocab = load_vocabulary()
    return Suggestion(
        dimensions=_best(scores, vocab.dimensions.ids),
        complaints=_best(scores, vocab.complaints.ids),
        reasons={k: v for k, v in reasons.items() if v},
    )


def _best(scores: dict[str, float], ids: list[str]) -> list[str]:
    found = [i for i in ids if scores.get(i, 0) > 0]
    found.sort(key=lambda i: (-scores[i], ids.index(i)))
    return found[:MAX_SUGGESTIONS]


def with_suggestions(activity: ActivityIn) -> ActivityIn:
    """The activity with suggestions filled in when it is unclassified and has none yet."""
    if activity.classified or activity.suggested_dimensions:
        return activity
    found = suggest(activity.name, activity.description)
    update: dict[str, list[str]] = {"suggested_dimensions": found.dimensions}
    if not activity.complaints and not activity.suggested_complaints:
        update["suggested_complaints"] = found.complaints
    return activity.model_copy(update=update)
