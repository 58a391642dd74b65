"""The vocabulary in data/ is the contract's, and user text resolves to ids safely."""

import json
from pathlib import Path

import pytest

from socialmap.vocabulary import fold, load_vocabulary

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
