"""The vocabulary in data/ is the contract's, and user text resolves to ids safely."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialmap.vocabulary import fold, load_vocabulary, unique_known_ids

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "vocabulary.json"


def test_counts_match_the_domain():
    voc = load_vocabulary()
    assert len(voc.dimensions.ids) == 6
    assert len(voc.complaints.ids) == 13
    assert "suicidaliteit" in voc.signals
    assert voc.routes.ids == ["welzijn_op_recept", "poh_ggz", "maatschappelijk_werk",
                              "huisarts", "acuut"]
    assert voc.wor_minimum_age == 18
    assert voc.icpc_referral == "Z68"


@pytest.mark.skipif(not SPEC.exists(), reason="the shared spec is not beside this checkout")
def test_data_copy_equals_the_spec():
    assert load_vocabulary().raw == json.loads(SPEC.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected", "fuzzy"),
    [
        ("meedoen", "meedoen", False),
        ("  MEEDOEN ", "meedoen", False),
        ("Mentaal welbevinden", "mentaal_welbevinden", False),
        ("mentaal_welbevinden", "mentaal_welbevinden", False),
        ("Mentaal welbevinde", "mentaal_welbevinden", True),
        ("Kwaliteit van leeven", "kwaliteit_van_leven", True),
        ("dagelijks-functioneren", "dagelijks_functioneren", False),
    ],
)
def test_dimension_labels_resolve(text, expected, fuzzy):
    match = load_vocabulary().dimensions.resolve(text)
    assert match is not None
    assert (match.term.id, match.fuzzy) == (expected, fuzzy)


@pytest.mark.parametrize("text", ["", "   ", "sport", "welzijn", "mentaal", "leven"])
def test_unrelated_or_partial_words_do_not_resolve(text):
    assert load_vocabulary().dimensions.resolve(text) is None


def test_check_ids_names_the_field():
    with pytest.raises(Exception) as info:
        load_vocabulary().complaints.check_ids(["eenzaamheid", "verveling"], "complaints")
    assert "complaints" in str(info.value) and "verveling" in str(info.value)


def test_fold_strips_accents_and_case():
    assert fold("Suïcidale  Gedachten") == "suicidale gedachten"


DAYS = ["ma", "di", "wo"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], []), (["wo", "ma"], ["wo", "ma"]), (["di", "ma", "di", "di"], ["di", "ma"])],
)
def test_unique_known_ids_keeps_the_first_of_each_in_order(values, expected):
    assert unique_known_ids(values, DAYS, "dag") == expected


@pytest.mark.parametrize(
    ("list_choices", "message"),
    [
        (False, "onbekende dag: vrijdag, zo"),
        (True, "onbekende dag: vrijdag, zo (kies uit ma, di, wo)"),
    ],
)
def test_unique_known_ids_names_every_unknown_id(list_choices, message):
    with pytest.raises(ValueError) as caught:
        unique_known_ids(["ma", "vrijdag", "zo"], DAYS, "dag", list_choices=list_choices)
    assert str(caught.value) == message


def test_unique_known_ids_accepts_a_term_mapping():
    complaints = load_vocabulary().complaints
    first = complaints.ids[0]
    assert unique_known_ids([first, first], complaints.by_id, "klachtcategorie") == [first]


@given(st.lists(st.sampled_from(DAYS)))
def test_unique_known_ids_is_an_ordered_set_of_its_input(values):
    result = unique_known_ids(values, DAYS, "dag")
    assert len(result) == len(set(result)) and set(result) == set(values)
    assert result == sorted(result, key=values.index)
