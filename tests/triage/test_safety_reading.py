"""Safety signals on phrasings outside the labelled sets: families of phrasings, the
precedence of a known disorder over a suspected one, and a new verb that ends a negation."""

from __future__ import annotations

import pytest
import yaml

import data
from triage.context import apply_precedence
from triage.context_rules import load_context
from triage.detection import Hit, detect, detected_ids
from triage.errors import RulesError


def counted(text: str) -> set[str]:
    hits = detect(text)
    return set(detected_ids(hits, "complaint")) | set(detected_ids(hits, "signal"))


# (note, must count, must not count): one or two phrasings per family, written for this test.
FAMILIES = [
    # passive death wish, means and preparation, self-harm
    ("Van hem mag er morgen een dakpan op zijn hoofd vallen.", {"suicidaliteit"}, set()),
    ("Het hoeft voor haar allemaal niet meer.", {"suicidaliteit"}, set()),
    ("Overweegt zich van kant te maken.", {"suicidaliteit"}, set()),
    (
        "Heeft tabletten verzameld en een afscheidsbrief klaarliggen.",
        {"suicidaliteit", "acuut_gevaar"},
        set(),
    ),
    ("Bewuste intoxicatie met paracetamol.", {"suicidaliteit", "acuut_gevaar"}, set()),
    (
        "Buurvrouw belt: hij staat op het dak en dreigt te springen.",
        {"suicidaliteit", "acuut_gevaar"},
        set(),
    ),
    ("Snijdt in haar armen als de spanning te hoog wordt.", {"suicidaliteit"}, set()),
    ("Geen afscheidsbrief, geen middelen verzameld.", set(), {"suicidaliteit", "acuut_gevaar"}),
    # violence at home, coercive control, threats
    ("Partner werd handtastelijk na een ruzie.", {"huiselijk_geweld"}, set()),
    ("Haar vriend controleert haar telefoon en post.", {"huiselijk_geweld"}, set()),
    ("Zoon pakt haar pinpas af en laat haar niet de deur uit.", {"huiselijk_geweld"}, set()),
    ("Ex heeft haar met de dood bedreigd.", {"acuut_gevaar"}, set()),
    ("Geen aanwijzingen voor seksueel geweld of uitbuiting.", set(), {"huiselijk_geweld"}),
    ("Blijft thuis met veel verwachtingen over de nieuwe baan.", set(), {"huiselijk_geweld"}),
    # psychosis and mania, a known disorder off the rails
    (
        "Sinds een week achterdochtig, denkt dat hij gevolgd wordt.",
        {"psychische_stoornis_vermoed"},
        set(),
    ),
    (
        "Grootheidsideeën en gedachtevlucht, slaapt twee uur per nacht.",
        {"psychische_stoornis_vermoed"},
        set(),
    ),
    (
        "Psychomotorisch geremd, goed georiënteerd in tijd en plaats.",
        set(),
        {"psychische_stoornis_vermoed", "medische_oorzaak_niet_uitgesloten"},
    ),
    ("Met betrekking tot het werk geen klachten.", set(), {"psychische_stoornis_vermoed"}),
    # the past that is over, a parent's illness
    ("Suïcidepoging in 2010, sindsdien nooit meer gedachten daaraan.", set(), {"suicidaliteit"}),
    ("In een eerdere relatie mishandeld, voelt zich nu veilig.", set(), {"huiselijk_geweld"}),
    ("In een eerdere relatie mishandeld, ex woont om de hoek.", {"huiselijk_geweld"}, set()),
    ("Vader had schizofrenie, pt zelf geen klachten.", set(), {"psychische_stoornis_vermoed"}),
    ("Jonge moeder met een depressie.", {"psychische_stoornis_vermoed"}, set()),
    # a cue with ids of its own: a sister's abuse is not the patient's home, a partner's is
    ("Haar broer is slachtoffer van huiselijk geweld.", set(), {"huiselijk_geweld"}),
    ("Partner is slachtoffer van huiselijk geweld.", {"huiselijk_geweld"}, set()),
    (
        "Broer is verslaafd, mw. is slachtoffer van huiselijk geweld.",
        {"huiselijk_geweld"},
        {"middelengebruik"},
    ),
    # unexplained bruises with violence are no SOLK
    ("Onverklaarde blauwe plekken, partner drinkt.", {"huiselijk_geweld"}, {"solk"}),
]


# (note, counts, does not count): a known disorder that is unstable or stable is not suspected.
PRECEDENCE = [
    (
        "Bipolaire stoornis, nu ontregeld en manisch.",
        {"psychisch_instabiel"},
        {"psychische_stoornis_vermoed"},
    ),
    (
        "Recidief depressie ondanks medicatie.",
        {"psychisch_instabiel"},
        {"psychische_stoornis_vermoed"},
    ),
    (
        "Angststoornis, jaren stabiel, nu ontspoord.",
        {"psychisch_instabiel"},
        {"chronisch_psychisch_stabiel", "psychische_stoornis_vermoed"},
    ),
    # other sentences keep their own reading
    (
        "Depressie, nu ontregeld. Vermoeden van ADHD.",
        {"psychisch_instabiel", "psychische_stoornis_vermoed"},
        set(),
    ),
    # a negated override overrides nothing
    (
        "Vermoeden van een depressie, geen psychiatrische opname.",
        {"psychische_stoornis_vermoed"},
        {"psychisch_instabiel"},
    ),
    ("Vermoeden van een depressie.", {"psychische_stoornis_vermoed"}, set()),
]


@pytest.mark.parametrize(("text", "counts", "not_counted"), FAMILIES + PRECEDENCE)
def test_families_of_safety_phrasings_and_precedence(text, counts, not_counted):
    found = counted(text)
    assert counts <= found, f"gemist: {counts - found}"
    assert not found & not_counted, f"te veel: {found & not_counted}"


def test_precedence_only_between_counted_hits_of_one_sentence():
    def hit(hit_id: str, start: int, negated: bool = False) -> Hit:
        return Hit("signal", hit_id, start, start + 1, "x", False, negated)

    hits = [
        hit("psychische_stoornis_vermoed", 0),
        hit("psychisch_instabiel", 5, negated=True),
        hit("psychische_stoornis_vermoed", 10),
        hit("psychisch_instabiel", 12),
    ]
    out = apply_precedence(hits, lambda h: 0 if h.start < 10 else 1)
    assert [h.negated for h in out] == [False, True, True, False]
    assert apply_precedence(hits[:2], lambda h: 0) == hits[:2]


@pytest.mark.parametrize(
    ("precedence", "message"),
    [
        ({"psychisch_instabiel": ["psychisch_instabiel"]}, "precedence.psychisch_instabiel"),
        ({"psychisch_instabiel": []}, "precedence.psychisch_instabiel"),
        ({"onbekend": ["psychisch_instabiel"]}, "onbekende id 'onbekend'"),
        ({"psychisch_instabiel": ["onbekend"]}, "onbekende id 'onbekend'"),
        (["psychisch_instabiel"], "precedence"),
    ],
)
def test_precedence_is_validated(precedence, message):
    raw = yaml.safe_load(data.read_text("triage", "context.yaml"))
    raw["precedence"] = precedence
    with pytest.raises(RulesError, match=message):
        load_context(yaml.safe_dump(raw, allow_unicode=True))


def test_cue_ids_are_validated_and_limit_the_cue():
    raw = yaml.safe_load(data.read_text("triage", "context.yaml"))
    cue = {"cue": "<familielid> is slachtoffer", "direction": "after", "window": 3}
    raw["experiencer"]["cues"].append({**cue, "only": ["onbekend"]})
    with pytest.raises(RulesError, match=r"experiencer.cues\[\d+\].only: onbekende id"):
        load_context(yaml.safe_dump(raw, allow_unicode=True))
    raw["experiencer"]["cues"][-1] = {**cue, "only": ["huiselijk_geweld"]}
    ctx = load_context(yaml.safe_dump(raw, allow_unicode=True))
    assert ctx.experiencer.applies("huiselijk_geweld")
    assert not ctx.experiencer.kind_applies("huiselijk_geweld")


# (note, negated): a phrase that opens with a new verb is only negated by a cue right before it.
VERB_SCOPE = [
    ("Ziet geen toekomst meer en denkt aan de dood.", False),
    ("Geen koorts en hoort sinds gisteren stemmen.", False),
    ("Ontkent somberheid en dreigt haar iets aan te doen.", False),
    ("Ontkent doodswens en zelfbeschadiging.", True),
    ("Ontkent suïcidale gedachten en automutilatie.", True),
    ("Geen suïcidale gedachten en plannen.", True),
]


@pytest.mark.parametrize(("text", "negated"), VERB_SCOPE)
def test_a_new_verb_ends_the_negation(text, negated):
    signals = {h.id: h.negated for h in detect(text) if h.kind == "signal"}
    assert signals, "niets gelezen"
    assert all(value is negated for value in signals.values()), signals
