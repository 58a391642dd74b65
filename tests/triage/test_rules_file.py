"""The rules file and the word list are validated on load, with errors naming the place."""

from __future__ import annotations

import pytest
import yaml

import data
from triage import RulesError, decide, load_lexicon, load_rules

RULES_TEXT = data.read_text("triage", "rules.yaml")
LEXICON_TEXT = data.read_text("triage", "lexicon.yaml")


def _edit(change) -> str:
    raw = yaml.safe_load(RULES_TEXT)
    change(raw)
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)


def _rule(raw, rule_id):
    return next(r for r in raw["rules"] if r["id"] == rule_id)


BROKEN = [
    (
        "unknown complaint",
        lambda r: _rule(r, "wor_eenzaamheid").update(when={"complaint": "eenzaam"}),
        "rules[",
        "eenzaamheid",
    ),
    (
        "unknown condition",
        lambda r: _rule(r, "wor_eenzaamheid").update(when={"complain": "eenzaamheid"}),
        "when",
        "complaint",
    ),
    (
        "unknown route",
        lambda r: _rule(r, "wor_eenzaamheid").update(route="welzijn"),
        "route",
        "welzijn",
    ),
    ("unknown key", lambda r: _rule(r, "wor_eenzaamheid").update(reden="x"), "reden", "reason"),
    ("missing source", lambda r: _rule(r, "wor_eenzaamheid").pop("source"), "source", "ontbreekt"),
    (
        "bad placeholder",
        lambda r: _rule(r, "wor_eenzaamheid").update(reason="{naam} is eenzaam"),
        "reason",
        "naam",
    ),
    (
        "score out of range",
        lambda r: _rule(r, "laag_mentaal_welbevinden")["when"]["all"][0].update(
            score_at_most={"dimension": "mentaal_welbevinden", "value": 12}
        ),
        "value",
        "0 en 10",
    ),
    (
        "safety rule removed",
        lambda r: r["rules"].remove(_rule(r, "suicidaliteit")),
        "rules",
        "suicidaliteit",
    ),
    ("routes reordered", lambda r: r["routes"].reverse(), "routes", "veiligheidsvolgorde"),
    ("duplicate id", lambda r: r["rules"].append(dict(_rule(r, "wor_leefstijl"))), "id", "dubbele"),
    (
        "bad step flag",
        lambda r: r["routes"][4]["next_steps"].append({"text": "x", "only_if": "altijd"}),
        "only_if",
        "altijd",
    ),
]


@pytest.mark.parametrize(("case", "change", "where", "says"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_rules_file(case, change, where, says):
    with pytest.raises(RulesError) as info:
        load_rules(_edit(change))
    assert where in info.value.message and says in info.value.message


def test_yaml_syntax_error_names_the_line():
    with pytest.raises(RulesError, match="regel"):
        load_rules("version: 1\nrules: [\n")


def test_region_can_rename_the_referral_system_without_code():
    text = RULES_TEXT.replace("referral_system: ZorgDomein", "referral_system: VIPLive")
    decision = decide({"age": 40, "complaints": ["eenzaamheid"]}, load_rules(text))
    assert any("VIPLive" in step for step in decision.next_steps)
    assert not any("ZorgDomein" in step for step in decision.next_steps)


def test_region_can_relabel_a_route():
    text = RULES_TEXT.replace(
        "  - id: welzijn_op_recept\n", "  - id: welzijn_op_recept\n    label: Welzijnsrecept Stad\n"
    )
    assert (
        decide({"complaints": ["eenzaamheid"]}, load_rules(text)).route_label
        == "Welzijnsrecept Stad"
    )


def test_rules_file_from_path(tmp_path):
    path = tmp_path / "regels.yaml"
    path.write_text(RULES_TEXT, encoding="utf-8")
    assert len(load_rules(path).rules) == len(load_rules().rules)


def test_every_rule_names_a_seed_source():
    for rule in load_rules().rules:
        assert any(src in rule.source for src in ("000", "003", "004", "vocabulaire")), rule.id


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("  eenzaamheid:\n", "  eenzaamhied:\n", "eenzaamhied"),
        ("    - eenzaam*\n", "    - .. eenzaam\n", "'..'"),
        (
            "    - {cue: geen, window: 3, list_comma: true}",
            "    - {cue: geen, window: 99}",
            "window",
        ),
        ("  known: >-\n    aanbod", "  known: >-\n    aan-bod", "aan-bod"),
    ],
)
def test_broken_lexicon(old, new, says):
    assert old in LEXICON_TEXT
    with pytest.raises(RulesError) as info:
        load_lexicon(LEXICON_TEXT.replace(old, new, 1))
    assert says in info.value.message
