"""Cell parsers: table-driven cases plus property-based checks of their hard limits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialmap.exporting.csv_export import guard_formula
from socialmap.importing import fields as f
from socialmap.models import Status, Wheelchair
from socialmap.vocabulary import load_vocabulary

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("ja", True), ("JA ", True), ("j", True), ("x", True), ("1", True), ("true", True),
    ("nee", False), ("Nee", False), ("n", False), ("0", False), ("false", False),
])
def test_bool(text: str, expected: bool) -> None:
    assert f.parse_bool(text) is expected


@pytest.mark.parametrize("text", ["misschien", "2", "jaa"])
def test_bool_rejects(text: str) -> None:
    with pytest.raises(f.FieldError, match="ja of nee"):
        f.parse_bool(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("ja", Wheelchair.JA), ("nee", Wheelchair.NEE), ("Onbekend", Wheelchair.ONBEKEND),
])
def test_wheelchair(text: str, expected: Wheelchair) -> None:
    assert f.parse_wheelchair(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("actief", Status.ACTIEF), ("Gepauzeerd", Status.GEPAUZEERD), (" inactief ", Status.INACTIEF),
])
def test_status(text: str, expected: Status) -> None:
    assert f.parse_status(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2,50", "2.50"), ("2.50", "2.50"), ("1.250,75", "1250.75"), ("1,250.75", "1250.75"),
    ("52,37", "52.37"), ("-4,5", "-4.5"), ("12", "12"), ("1.250", "1.250"),
])
def test_decimal(text: str, expected: str) -> None:
    assert f.parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3,4", "2..5", ","])
def test_decimal_rejects(text: str) -> None:
    with pytest.raises(f.FieldError):
        f.parse_decimal(text)


@pytest.mark.parametrize(("text", "amount", "rest"), [
    ("gratis", "0", None), ("Gratis", "0", None), ("0", "0", None), ("€ 2,50", "2.50", None),
    ("2.50", "2.50", None), ("€2,-", "2.00", None), ("3 euro", "3.00", None),
    ("€ 3 per keer", "3.00", "per keer"), ("1.250,00", "1250.00", None),
])
def test_cost(text: str, amount: str, rest: str | None) -> None:
    assert f.parse_cost(text) == (Decimal(amount), rest)


@pytest.mark.parametrize(("text", "message"), [
    ("vrijwillige bijdrage", "bedrag"), ("2,505", "2 cijfers"),
])
def test_cost_rejects(text: str, message: str) -> None:
    with pytest.raises(f.FieldError, match=message):
        f.parse_cost(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("ma;wo", ["ma", "wo"]), ("di, do", ["di", "do"]), ("maandag en woensdag", ["ma", "wo"]),
    ("ma-vr", ["ma", "di", "wo", "do", "vr"]), ("ma t/m wo", ["ma", "di", "wo"]),
    ("werkdagen", ["ma", "di", "wo", "do", "vr"]), ("weekend", ["za", "zo"]),
    ("dagelijks", ["ma", "di", "wo", "do", "vr", "za", "zo"]), ("ZO; za", ["za", "zo"]),
])
def test_days(text: str, expected: list[str]) -> None:
    assert f.parse_days(text) == expected


def test_days_rejects_unknown() -> None:
    with pytest.raises(f.FieldError, match="onbekende dag 'dinsdg'"):
        f.parse_days("ma, dinsdg")


def test_days_in_free_text() -> None:
    assert f.days_in_text("Dinsdag 10:00-12:00 en donderdagmiddag, vrijdag") == ["di", "vr"]


@pytest.mark.parametrize(("text", "expected"), [
    ("nl;en;ar", ["nl", "en", "ar"]), ("Nederlands, Arabisch", ["nl", "ar"]),
    ("NL / en", ["nl", "en"]), ("nederlands en engels", ["nl", "en"]),
])
def test_languages(text: str, expected: list[str]) -> None:
    assert f.parse_languages(text) == expected


def test_languages_rejects() -> None:
    with pytest.raises(f.FieldError, match="onbekende taal 'klingon'"):
        f.parse_languages("nl; klingon")


@pytest.mark.parametrize(("text", "expected"), [
    ("18", 18), ("65+", 65), ("18 jaar", 18), ("18,0", 18), ("0", 0), ("120", 120),
])
def test_age(text: str, expected: int) -> None:
    assert f.parse_age(text) == expected


@pytest.mark.parametrize("text", ["-1", "121", "17,5", "volwassen"])
def test_age_rejects(text: str) -> None:
    with pytest.raises(f.FieldError):
        f.parse_age(text)


@pytest.mark.parametrize(("text", "expected", "noted"), [
    ("03-04-2024", date(2024, 4, 3), False), ("3-4-2024", date(2024, 4, 3), False),
    ("03/04/2024", date(2024, 4, 3), False), ("03.04.2024", date(2024, 4, 3), False),
    ("2024-04-03", date(2024, 4, 3), False), ("2024-04-03 00:00:00", date(2024, 4, 3), False),
    ("03-04-24", date(2024, 4, 3), True), ("45385", date(2024, 4, 3), True),
])
def test_date(text: str, expected: date, noted: bool) -> None:
    found, note = f.parse_date(text, today=TODAY)
    assert found == expected
    assert (note is not None) is noted


@pytest.mark.parametrize(("text", "message"), [
    ("31-02-2024", "bestaat niet"), ("april 2024", "dd-mm-jjjj"), ("01-01-2030", "toekomst"),
])
def test_date_rejects(text: str, message: str) -> None:
    with pytest.raises(f.FieldError, match=message):
        f.parse_date(text, today=TODAY)


def test_coordinate_range() -> None:
    assert f.parse_coordinate("53,2", limit=90, name="lat") == pytest.approx(53.2)
    with pytest.raises(f.FieldError, match="tussen -90 en 90"):
        f.parse_coordinate("95", limit=90, name="lat")


@pytest.mark.parametrize(("text", "ids", "unknown"), [
    ("Meedoen", ["meedoen"], []),
    ("meedoen; ZINGEVING", ["meedoen", "zingeving"], []),
    ("Lichaamsfuncties, Kwaliteit van leven", ["lichaamsfuncties", "kwaliteit_van_leven"], []),
    ("mentaal_welbevinden|meedoen", ["mentaal_welbevinden", "meedoen"], []),
    ("meedoen; sport", ["meedoen"], ["sport"]),
])
def test_resolve_dimensions(text: str, ids: list[str], unknown: list[str]) -> None:
    matches, bad = f.resolve_terms(text, load_vocabulary().dimensions)
    assert [m.term.id for m in matches] == ids
    assert bad == unknown


def test_resolve_complaint_label_with_commas() -> None:
    label = load_vocabulary().complaints.label("eenzaamheid")
    assert "," in label
    matches, bad = f.resolve_terms(f"{label}, slaapproblemen", load_vocabulary().complaints)
    assert [m.term.id for m in matches] == ["eenzaamheid", "slaapproblemen"]
    assert bad == []


def test_resolve_reports_typo_as_fuzzy() -> None:
    matches, _ = f.resolve_terms("Dagelijks functionren", load_vocabulary().dimensions)
    assert matches[0].term.id == "dagelijks_functioneren"
    assert matches[0].fuzzy


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))
def test_cost_reads_both_notations(amount: Decimal) -> None:
    dutch = f"€ {amount:.2f}".replace(".", ",")
    assert f.parse_cost(dutch)[0] == amount
    assert f.parse_cost(f"{amount:.2f}")[0] == amount


@given(st.integers(min_value=-1000, max_value=1000))
def test_age_limits_hold(n: int) -> None:
    if 0 <= n <= 120:
        assert f.parse_age(str(n)) == n
    else:
        with pytest.raises(f.FieldError):
            f.parse_age(str(n))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1000, max_value=1000))
def test_latitude_limits_hold(value: float) -> None:
    text = f"{value:.6f}"
    if -90 <= float(text) <= 90:
        assert f.parse_coordinate(text.replace(".", ","), limit=90, name="lat") == float(text)
    else:
        with pytest.raises(f.FieldError):
            f.parse_coordinate(text, limit=90, name="lat")


@given(st.text())
def test_formula_guard_round_trips(text: str) -> None:
    guarded = guard_formula(text)
    assert not guarded.startswith(f.FORMULA_TRIGGERS)
    assert f.unguard_formula(guarded) == text


@given(st.text(max_size=40))
def test_parsers_only_raise_field_errors(text: str) -> None:
    for parser in (f.parse_bool, f.parse_days, f.parse_languages, f.parse_age, f.parse_cost,
                   f.parse_status, f.parse_wheelchair, f.parse_decimal):
        try:
            parser(text)
        except f.FieldError:
            pass
    try:
        f.parse_date(text, today=TODAY)
    except f.FieldError:
        pass
