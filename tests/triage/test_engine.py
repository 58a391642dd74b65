"""Table-driven tests of the triage decision: every rule, complaint, signal and combination."""

from __future__ import annotations

import pytest

import data
from socialmap.vocabulary import load_vocabulary
from triage import TriageDecision, decide, load_rules

from .evaluate_detection import load_labelled

VOCAB = load_vocabulary()
RULES = load_rules()
WOR = "welzijn_op_recept"
SAFETY = ["acuut", "poh_ggz", "maatschappelijk_werk", "huisarts", WOR]
ALL_WOR_COMPLAINTS = [c for c in VOCAB.complaints.ids]


def data_text() -> str:
    return data.read_text("triage", "rules.yaml")


def codes(decision) -> list[str]:
    return [r.code for r in decision.reasons]


# (case id, request, expected route, rule that must fire, also_consider must contain)
RULE_CASES = [
    (
        "acuut_gevaar",
        {"signals": ["acuut_gevaar"], "complaints": ["eenzaamheid"]},
        "acuut",
        "acuut_gevaar",
        [],
    ),
    (
        "suicidaliteit",
        {"signals": ["suicidaliteit"], "complaints": ["eenzaamheid"]},
        "poh_ggz",
        "suicidaliteit",
        [],
    ),
    (
        "stoornis",
        {"signals": ["psychische_stoornis_vermoed"], "complaints": ["psychisch_licht"]},
        "poh_ggz",
        "psychische_stoornis_vermoed",
        [],
    ),
    (
        "instabiel",
        {"signals": ["psychisch_instabiel"], "complaints": ["psychisch_licht"]},
        "poh_ggz",
        "psychisch_instabiel",
        [],
    ),
    (
        "middelen",
        {"signals": ["middelengebruik"], "complaints": ["slaapproblemen"]},
        "poh_ggz",
        "middelengebruik",
        [],
    ),
    (
        "laag_mentaal",
        {"complaints": ["psychisch_licht"], "spinnenweb": {"mentaal_welbevinden": 2}},
        "poh_ggz",
        "laag_mentaal_welbevinden",
        [WOR],
    ),
    (
        "huiselijk_geweld",
        {"signals": ["huiselijk_geweld"], "complaints": ["eenzaamheid"]},
        "maatschappelijk_werk",
        "huiselijk_geweld",
        [],
    ),
    (
        "multiproblematiek",
        {"signals": ["multiproblematiek"], "complaints": ["financien"]},
        "maatschappelijk_werk",
        "multiproblematiek",
        [WOR],
    ),
    (
        "praktisch",
        {"signals": ["praktische_hulp_nodig"], "complaints": ["financien"]},
        "maatschappelijk_werk",
        "praktische_hulp_nodig",
        [WOR],
    ),
    (
        "leefgebieden",
        {"complaints": ["financien", "wonen_wijk", "mantelzorg"]},
        "maatschappelijk_werk",
        "meerdere_leefgebieden",
        [WOR],
    ),
    (
        "minderjarig",
        {"age": 16, "complaints": ["eenzaamheid"]},
        "maatschappelijk_werk",
        "minderjarig",
        [],
    ),
    (
        "medisch",
        {"signals": ["medische_oorzaak_niet_uitgesloten"], "complaints": ["solk"]},
        "huisarts",
        "medische_oorzaak_niet_uitgesloten",
        [WOR],
    ),
    (
        "geen_toestemming",
        {"signals": ["geen_toestemming"], "complaints": ["eenzaamheid"]},
        "huisarts",
        "geen_toestemming",
        [WOR],
    ),
    (
        "stabiel",
        {"complaints": ["chronisch_psychisch_stabiel"]},
        WOR,
        "wor_chronisch_psychisch_stabiel",
        ["poh_ggz"],
    ),
    ("financien", {"complaints": ["financien"]}, WOR, "wor_financien", ["maatschappelijk_werk"]),
    ("wonen", {"complaints": ["wonen_wijk"]}, WOR, "wor_wonen_wijk", ["maatschappelijk_werk"]),
    ("laag_welbevinden", {"spinnenweb": {"meedoen": 3}}, WOR, "wor_laag_welbevinden", []),
    ("fallback", {"spinnenweb": {"meedoen": 8, "zingeving": 9}}, "huisarts", "geen_indicatie", []),
]


@pytest.mark.parametrize(
    ("case", "request_", "route", "rule", "also"), RULE_CASES, ids=[c[0] for c in RULE_CASES]
)
def test_rule_cases(case, request_, route, rule, also):
    decision = decide(request_)
    assert decision.route == route
    assert rule in codes(decision)
    assert decision.fits_wor == (route == WOR)
    for second in also:
        assert second in decision.also_consider


def test_every_rule_has_a_case():
    covered = {c[3] for c in RULE_CASES} | {f"wor_{c}" for c in VOCAB.complaints.ids}
    assert {r.id for r in RULES.rules} | {RULES.fallback.id} <= covered


@pytest.mark.parametrize("complaint", VOCAB.complaints.ids)
def test_each_complaint_alone_fits_wor(complaint):
    decision = decide({"age": 45, "complaints": [complaint], "consent": True})
    assert decision.route == WOR and decision.fits_wor
    assert f"wor_{complaint}" in codes(decision)


@pytest.mark.parametrize("signal", VOCAB.signals.ids)
def test_each_signal_points_to_its_route(signal):
    target = VOCAB.signals.by_id[signal].extra["points_to"]
    decision = decide({"age": 45, "complaints": ["eenzaamheid"], "signals": [signal]})
    assert decision.route == target
    assert signal in codes(decision)
    assert not decision.fits_wor


@pytest.mark.parametrize("signal", VOCAB.signals.ids)
def test_signal_never_outweighed_by_all_wor_complaints(signal):
    decision = decide(
        {
            "age": 50,
            "complaints": ALL_WOR_COMPLAINTS,
            "signals": [signal],
            "spinnenweb": {d: 1 for d in VOCAB.dimensions.ids},
            "text": "Eenzaam, somber, slaapt slecht, schulden, mantelzorg voor moeder, geen zin. "
            * 3,
        }
    )
    assert decision.route != WOR
    assert not decision.fits_wor
    assert SAFETY.index(decision.route) <= SAFETY.index(
        VOCAB.signals.by_id[signal].extra["points_to"]
    )


@pytest.mark.parametrize(
    "signal",
    [
        "acuut_gevaar",
        "suicidaliteit",
        "psychische_stoornis_vermoed",
        "psychisch_instabiel",
        "middelengebruik",
        "huiselijk_geweld",
    ],
)
def test_safety_signals_exclude_wor_as_second_route(signal):
    decision = decide({"complaints": ALL_WOR_COMPLAINTS, "signals": [signal]})
    assert WOR not in decision.also_consider
    assert decision.referral_text is None


@pytest.mark.parametrize(("age", "fits"), [(17, False), (18, True), (0, False), (99, True)])
def test_age_boundary(age, fits):
    decision = decide({"age": age, "complaints": ["eenzaamheid"]})
    assert decision.fits_wor is fits
    if not fits:
        assert WOR not in decision.also_consider


def test_under_18_never_gets_wor_even_as_second_route():
    decision = decide({"age": 17, "complaints": ["eenzaamheid"], "signals": ["geen_toestemming"]})
    assert decision.route == "maatschappelijk_werk"
    assert WOR not in decision.also_consider


def test_under_18_guard_holds_even_if_a_region_drops_the_rule():
    text = data_text().replace("  - id: minderjarig", "  - id: minderjarig_uit\n    priority: 0")
    text = text.replace("        - age_below: 18\n", "        - age_below: 1\n")
    rules = load_rules(text)
    decision = decide(
        {"age": 17, "complaints": ["eenzaamheid"], "signals": ["geen_toestemming"]}, rules
    )
    assert decision.route == "huisarts"
    assert WOR not in decision.also_consider
    assert not decide({"age": 17, "complaints": ["eenzaamheid"]}, rules).fits_wor


def test_consent_false_means_gp_first():
    decision = decide({"age": 40, "complaints": ["eenzaamheid"], "consent": False})
    assert decision.route == "huisarts"
    assert "geen_toestemming" in codes(decision)
    assert WOR in decision.also_consider


def test_consent_unknown_asks_for_it_and_given_records_it():
    unknown = decide({"age": 40, "complaints": ["eenzaamheid"]})
    given = decide({"age": 40, "complaints": ["eenzaamheid"], "consent": True})
    assert any(s.startswith("Vraag de patiënt toestemming") for s in unknown.next_steps)
    assert not any(s.startswith("Vraag de patiënt toestemming") for s in given.next_steps)
    assert any("gaf toestemming" in s for s in given.next_steps)


def test_next_steps_follow_the_seed_process():
    steps = " ".join(decide({"age": 70, "complaints": ["eenzaamheid"]}).next_steps)
    for expected in (
        "toestemming",
        "ZorgDomein",
        "Z68",
        "Z04.03",
        "één à twee weken",
        "drie maanden",
    ):
        assert expected in steps


def test_icpc_codes_for_wor_referral():
    decision = decide({"age": 70, "complaints": ["eenzaamheid", "financien"]})
    assert [c.code for c in decision.icpc][:3] == ["Z68", "Z04.03", "Z01"]


def test_age_unknown_adds_a_check():
    assert any("18 jaar" in s for s in decide({"complaints": ["eenzaamheid"]}).next_steps)


def test_detected_signal_in_text_counts_and_is_named():
    decision = decide(
        {"age": 30, "complaints": ["eenzaamheid"], "text": "Uit soms suïcidale gedachten."}
    )
    assert decision.route == "poh_ggz"
    assert decision.detected.signals == ["suicidaliteit"]
    assert "suicidaliteit" in decision.signals
    assert decision.next_steps[0].startswith("Uit de notitie gelezen")


def test_negated_signal_in_text_does_not_count():
    decision = decide(
        {"age": 30, "complaints": ["eenzaamheid"], "text": "Geen suïcidale gedachten."}
    )
    assert decision.route == WOR
    assert decision.detected.signals == []
    assert [s["id"] for s in decision.negated_spans] == ["suicidaliteit"]


def test_contract_example():
    decision = decide(
        {
            "age": 54,
            "complaints": ["eenzaamheid", "slaapproblemen"],
            "spinnenweb": {"meedoen": 3, "zingeving": 4, "mentaal_welbevinden": 5},
            "text": "Sinds overlijden partner alleen, slaapt slecht, weinig contacten.",
        }
    )
    answer = decision.to_dict()
    for key in (
        "route",
        "fits_wor",
        "also_consider",
        "complaints",
        "detected",
        "reasons",
        "next_steps",
    ):
        assert key in answer
    assert answer["complaints"][:2] == ["eenzaamheid", "slaapproblemen"]
    assert answer["detected"] == {"complaints": ["vastlopen"], "signals": []}
    assert all(set(r) >= {"code", "text"} for r in answer["reasons"])
    assert answer["needs"] == ["meedoen", "zingeving", "mentaal_welbevinden"]


def test_rules_not_fired_explain_why_not_poh_ggz():
    decision = decide({"complaints": ["eenzaamheid"]})
    poh = [r for r in decision.rules_not_fired if r.route == "poh_ggz"]
    assert {r.code for r in poh} >= {"suicidaliteit", "laag_mentaal_welbevinden"}
    assert all(r.needs for r in poh)


def test_spinnenweb_items_give_means():
    decision = decide({"spinnenweb_items": {"meedoen": [2, 3, 4, 3, 2, 3, 4], "zingeving": [8, 9]}})
    assert decision.spinnenweb_scores == {"zingeving": 8.5, "meedoen": 3.0}
    assert decision.needs == ["meedoen"]
    assert decision.route == WOR


def test_low_mental_wellbeing_from_items_calls_for_poh_ggz():
    decision = decide(
        {"complaints": ["psychisch_licht"], "spinnenweb_items": {"mentaal_welbevinden": [2, 3, 1]}}
    )
    assert decision.route == "poh_ggz"
    assert WOR in decision.also_consider


def test_decision_is_deterministic():
    request = {
        "age": 60,
        "complaints": ["financien", "eenzaamheid"],
        "text": "Schulden, zit veel alleen, somber.",
    }
    first = decide(request).to_json()
    assert all(decide(request).to_json() == first for _ in range(20))


def test_duplicate_ids_are_folded():
    assert decide({"complaints": ["eenzaamheid", "eenzaamheid"]}).complaints == ["eenzaamheid"]


def test_answers_are_valid_models():
    """Answers survive a round trip through validation unchanged, for every rule case and
    every labelled note (with spinnenweb scores or items, ticked complaints and signals, with
    and without consent)."""
    requests = [case[1] for case in RULE_CASES]
    for n, item in enumerate(load_labelled()):
        request: dict[str, object] = {
            "age": [17, 18, 20 + n % 60, None][n % 4],
            "complaints": ["eenzaamheid"] if n % 3 == 0 else [],
            "signals": ["huiselijk_geweld"] if n % 7 == 0 else [],
            "text": str(item["t"]),
        }
        if n % 2:
            request["spinnenweb"] = {"meedoen": n % 11, "zingeving": 7}
        else:
            request["spinnenweb_items"] = {"mentaal_welbevinden": [n % 11, 4, 5]}
        if n % 5 < 2:
            request["consent"] = n % 5 == 0
        requests.append(request)
    for request in requests:
        decision = decide(request)
        again = TriageDecision.model_validate(decision.model_dump())
        assert again == decision
        assert again.to_json() == decision.to_json()
