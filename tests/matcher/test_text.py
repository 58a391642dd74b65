"""Text relevance: typos, synonyms and descriptions."""

from __future__ import annotations

import pytest

from matcher.config import load_synonyms, load_weights
from matcher.text import expand_query, words

from .conftest import answer


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("wandelgroeb", {"wg1", "wg2", "far1"}),
        ("mindfullnes", {"mf1"}),
        ("lopen", {"wg1", "wg2", "wg3", "far1"}),
        ("buddy", {"mt1", "bg1"}),
        ("inloop", {"ko1", "jg1"}),
        ("koffie", {"ko1", "wg2"}),
        ("meditatie", {"mf1"}),
        ("rouw", {"rg1"}),
        ("schulden", {"bg1"}),
        ("Yoga", {"yo1"}),
        ("vrijwilligers werk", {"vr1"}),
        ("eenzaam", {"ko1", "mt1"}),
    ],
)
def test_query_finds(index, query: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"query": query, "limit": 100})
    assert got.results[0].id in expected
    assert got.results[0].components["text"] > 0.3
    assert any(reason.startswith("Past bij je zoekvraag") for reason in got.results[0].reasons)


def test_unrelated_query_scores_nothing(index) -> None:  # type: ignore[no-untyped-def]
    got = answer(index, {"query": "xylofoon", "limit": 100})
    assert all(r.components["text"] == 0 for r in got.results)


def test_stopwords_and_synonyms() -> None:
    groups = expand_query("ik wil graag een buddy", load_synonyms(), load_weights().text)
    assert len(groups) == 1 and groups[0]["buddy"] == 1.0 and "maatje" in groups[0]


def test_words_fold_accents() -> None:
    assert words("Café Één-tweeën") == ["cafe", "een", "tweeen"]
