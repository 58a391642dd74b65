"""Classification suggestions from the word list."""

from __future__ import annotations

import pytest

from socialmap.importing import classify
from socialmap.models import ActivityIn


@pytest.mark.parametrize(("name", "description", "dimension", "complaint"), [
    ("Wandelgroep", "Samen wandelen in het park", "lichaamsfuncties", "leefstijl"),
    ("Koffieochtend", "Gezellig een praatje maken", "meedoen", "eenzaamheid"),
    ("Budgetcoach", "Hulp bij schulden en geldzorgen", "dagelijks_functioneren", "financien"),
    ("Cursus mindfulness", "Minder piekeren en stress", "mentaal_welbevinden", "psychisch_licht"),
    ("Rouwgroep", "Lotgenoten praten over verlies", "zingeving", "vastlopen"),
    ("Buurtmoestuin", "Samen tuinieren", "zingeving", "zingeving"),
    ("Mantelzorgcafé", "Even op adem komen", "meedoen", "mantelzorg"),
    ("Digi-café", "Hulp met uw smartphone", "dagelijks_functioneren", "digitale_vaardigheden"),
])
def test_suggestions(name: str, description: str, dimension: str, complaint: str) -> None:
    found = classify.suggest(name, description)
    assert dimension in found.dimensions
    assert complaint in found.complaints
    assert found.because(dimension)


def test_name_counts_more_than_description() -> None:
    found = classify.suggest("Wandelgroep", "met koffie na afloop")
    assert found.dimensions[0] == "lichaamsfuncties"


def test_no_words_no_suggestion() -> None:
    found = classify.suggest("Xyz", "Qwerty")
    assert found.dimensions == [] and found.complaints == []


def test_at_most_three() -> None:
    text = "wandelen koffie schulden mindfulness rouw computer mantelzorg"
    found = classify.suggest(text, text)
    assert len(found.dimensions) <= 3 and len(found.complaints) <= 3


def test_word_list_is_valid() -> None:
    rules = classify.load_rules()
    assert rules and all(r.words for r in rules)


def test_with_suggestions_leaves_classified_alone() -> None:
    base = {"id": "a", "name": "Wandelen", "description": "Wandelen",
            "organisation": {"id": "o", "name": "O"}, "online": True}
    classified = ActivityIn.model_validate({**base, "dimensions": ["meedoen"]})
    assert classify.with_suggestions(classified) is classified
    open_ = classify.with_suggestions(ActivityIn.model_validate(base))
    assert open_.suggested_dimensions == ["lichaamsfuncties"]


def test_broken_word_list_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from socialmap.errors import CatalogueError

    monkeypatch.setattr(classify.data, "read_text",
                        lambda *p: "regels:\n  - woorden: [x]\n    dimensies: [sport]\n")
    classify.load_rules.cache_clear()
    try:
        with pytest.raises(CatalogueError, match="onbekende ids"):
            classify.load_rules()
    finally:
        monkeypatch.undo()
        classify.load_rules.cache_clear()
