"""Bad requests get a clear error naming the field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage import TriageError, TriageRequest, decide

BAD = [
    ("unknown complaint", {"complaints": ["eenzaamhied"]}, "complaints[0]"),
    ("unknown signal", {"complaints": ["eenzaamheid"], "signals": ["suicide"]}, "signals[0]"),
    ("unknown dimension", {"spinnenweb": {"geluk": 3}}, "spinnenweb.geluk"),
    ("score 11", {"spinnenweb": {"meedoen": 11}}, "spinnenweb.meedoen"),
    ("score -1", {"spinnenweb": {"meedoen": -1}}, "spinnenweb.meedoen"),
    ("score as text", {"spinnenweb": {"meedoen": "3"}}, "spinnenweb.meedoen"),
    ("score bool", {"spinnenweb": {"meedoen": True}}, "spinnenweb.meedoen"),
    ("item 12", {"spinnenweb_items": {"meedoen": [3, 12]}}, "spinnenweb_items.meedoen[1]"),
    ("no items", {"spinnenweb_items": {"meedoen": []}}, "spinnenweb_items.meedoen"),
    ("too many items", {"spinnenweb_items": {"meedoen": [1] * 8}}, "spinnenweb_items.meedoen"),
    (
        "both forms",
        {"spinnenweb": {"meedoen": 3}, "spinnenweb_items": {"meedoen": [3]}},
        "spinnenweb_items.meedoen",
    ),
    ("age text", {"age": "54", "complaints": ["eenzaamheid"]}, "age"),
    ("age float", {"age": 54.5, "complaints": ["eenzaamheid"]}, "age"),
    ("age negative", {"age": -1, "complaints": ["eenzaamheid"]}, "age"),
    ("complaints not list", {"complaints": "eenzaamheid"}, "complaints"),
    ("text not string", {"text": 5}, "text"),
    ("extra field", {"complaints": ["eenzaamheid"], "naam": "Jan"}, "naam"),
    ("consent text", {"complaints": ["eenzaamheid"], "consent": "ja"}, "consent"),
    ("nothing", {}, "complaints"),
    ("only signals", {"signals": ["suicidaliteit"]}, "complaints"),
    ("blank text", {"text": "   "}, "complaints"),
]


@pytest.mark.parametrize(("case", "request_", "field"), BAD, ids=[b[0] for b in BAD])
def test_bad_request_names_the_field(case, request_, field):
    with pytest.raises(TriageError) as info:
        decide(request_)
    fields = [d["field"] for d in info.value.details]
    assert field in fields
    assert field in info.value.one_line() or info.value.details[0]["field"] == field


def test_not_an_object():
    with pytest.raises(TriageError) as info:
        decide([1, 2])  # type: ignore[arg-type]
    assert info.value.details[0]["field"] == "request"


def test_did_you_mean_for_misspelled_id():
    with pytest.raises(TriageError) as info:
        decide({"complaints": ["eenzaamhied"]})
    assert "eenzaamheid" in str(info.value.details[0]["message"])


def test_model_instance_accepted():
    assert decide(TriageRequest(complaints=["eenzaamheid"])).fits_wor


@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers(-1000, 1000))
def test_scores_outside_scale_are_always_rejected(value):
    request = {"spinnenweb": {"meedoen": value}}
    if isinstance(value, int | float) and value == value and 0 <= value <= 10:
        decide(request)
    else:
        with pytest.raises(TriageError):
            decide(request)


@given(
    st.dictionaries(
        st.text(max_size=8), st.integers() | st.text(max_size=5) | st.none(), max_size=4
    )
)
def test_random_objects_never_crash(raw):
    try:
        decide(raw)
    except TriageError as exc:
        assert exc.details
