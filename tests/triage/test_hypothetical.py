"""What must not count: safety-netting and advice (hypothetical), explanations, negative
screening in short notation, ruled-out differentials, and someone else's or a past finding;
and what must still count next to them."""

from __future__ import annotations

import pytest
import yaml

from triage.context import apply_context
from triage.context_rules import load_context
from triage.detection import detect
from triage.errors import RulesError
from triage.lexicon import normalise

from .test_context import counted, raw_data

PSY, STABLE = "psychisch_licht", "chronisch_psychisch_stabiel"

# (note, must count, must not count but is read): written for this test.
CASES = [
    # a condition with advice in the same sentence
    ("P: bij suïcidale gedachten dezelfde dag contact opnemen.", set(), {"suicidaliteit"}),
    ("Bij toename van somberheid of doodsgedachten terugkomen.", set(), {PSY, "suicidaliteit"}),
    ("Terugkomen bij verergering van de angst.", set(), {"psychisch_licht"}),
    ("Mocht hij weer gaan blowen, dan contact opnemen met de POH.", set(), {"middelengebruik"}),
    ("Als de paniek toeneemt, eerder terugkomen.", set(), {"psychisch_licht"}),
    ("Indien er toch suïcidale gedachten komen: 113.", set(), {"suicidaliteit"}),
    ("In geval van geweld thuis de politie bellen.", set(), {"huiselijk_geweld"}),
    ("Vangnet: bij zelfbeschadiging of een doodswens dag en nacht 113.", set(), {"suicidaliteit"}),
    # the advice names a service that is itself a phrase; without a condition it counts
    ("Bij escalatie thuis 112 bellen of de crisisdienst via de HAP.", set(), {"acuut_gevaar"}),
    ("Bij aankomst crisisdienst gebeld.", {"acuut_gevaar"}, set()),
    ("Bij suïcidaliteit crisisdienst inschakelen.", set(), {"suicidaliteit", "acuut_gevaar"}),
    ("Bij crisis: 113 Zelfmoordpreventie.", set(), {"suicidaliteit"}),
    ("Heeft contact gehad met 113 Zelfmoordpreventie.", {"suicidaliteit"}, set()),
    ("Zo nodig contact met de POH bij toename van de angst.", set(), {PSY}),
    ("Afgesproken dat hij belt bij suïcidale gedachten.", set(), {"suicidaliteit"}),
    # a list shares its condition; a comma alone makes no list
    ("Bij somberheid, paniek of doodsgedachten terugkomen.", set(), {PSY, "suicidaliteit"}),
    ("Valt terug bij stress, somber.", {PSY}, set()),
    # explanations
    ("Besproken wat te doen bij een paniekaanval.", set(), {"psychische_stoornis_vermoed"}),
    ("Voorlichting gegeven over de gevolgen van alcohol en drugs.", set(), {"middelengebruik"}),
    # an ordinary "bij" or "als", or advice in another clause: still a finding
    ("Somber bij stress.", {"psychisch_licht"}, set()),
    ("Bij het lopen pijn en somber, terugkomen over twee weken.", {"psychisch_licht"}, set()),
    ("Woont bij haar dochter, voelt zich eenzaam.", {"eenzaamheid"}, set()),
    ("Partner slaat haar als hij gedronken heeft.", {"huiselijk_geweld"}, set()),
    ("Passieve doodswens. Bij toename direct 113 bellen.", {"suicidaliteit"}, set()),
    ("Geen SI, wel veel piekeren.", {"psychisch_licht"}, {"suicidaliteit"}),
    # negative screening in short notation
    ("SI-, HG-, drugs-.", set(), {"suicidaliteit", "huiselijk_geweld", "middelengebruik"}),
    ("suïcidaliteit -, wel somber", {"psychisch_licht"}, {"suicidaliteit"}),
    ("Doodsgedachten / suïcidale gedachten: 0.", set(), {"suicidaliteit"}),
    ("Psychose: uitgevraagd, geen aanwijzingen.", set(), {"psychische_stoornis_vermoed"}),
    ("Crisisdienst: niet geïndiceerd.", set(), {"acuut_gevaar"}),
    ("Zelfmoord is voor hem geen optie.", set(), {"suicidaliteit"}),
    ("Nooit aan gedacht om zichzelf iets aan te doen.", set(), {"suicidaliteit"}),
    ("Drugs komen niet voor.", set(), {"middelengebruik"}),
    ("Suïcidale gedachten: ontkennend beantwoord.", set(), {"suicidaliteit"}),
    ("Suïcidaliteit n.v.t.", set(), {"suicidaliteit"}),
    ("Drugs: nihil.", set(), {"middelengebruik"}),
    ("Alcoholgebruik normaal.", set(), {"middelengebruik"}),
    ("Er lijkt geen sprake te zijn van een psychose.", set(), {"psychische_stoornis_vermoed"}),
    ("Plan om een terugval te voorkomen.", set(), {"psychisch_instabiel"}),
    # a cue that opens with an ordinary word stops no '..' gap
    ("Lijkt stemmen te horen.", {"psychische_stoornis_vermoed"}, set()),
    # ruled out, unconfirmed, a known disorder's plan
    ("DD depressie, niet waarschijnlijk.", set(), {"psychische_stoornis_vermoed"}),
    ("Somber, depressie niet waarschijnlijk.", {PSY}, {"psychische_stoornis_vermoed"}),
    ("Zorgen over mogelijk huiselijk geweld niet bevestigd.", set(), {"huiselijk_geweld"}),
    ("Geen verdenking op een psychose.", set(), {"psychische_stoornis_vermoed"}),
    ("Signaleringsplan (manie) doorgenomen.", set(), {"psychische_stoornis_vermoed"}),
    # someone else's, and the past that is over
    ("Buurvrouw wordt door haar man geslagen.", set(), {"huiselijk_geweld"}),
    ("Kleinzoon pakt haar pinpas af.", {"huiselijk_geweld"}, set()),
    ("Moeder had een depressie en broer ADHD.", set(), {"psychische_stoornis_vermoed"}),
    ("Heroïne in de jaren 80, al jaren clean.", set(), {"middelengebruik"}),
    ("Psychose in 2015, daarna klachtenvrij.", {STABLE}, {"psychische_stoornis_vermoed"}),
]


@pytest.mark.parametrize(("text", "counts", "not_counted"), CASES)
def test_what_does_not_count(text, counts, not_counted):
    found, read = counted(text)
    assert counts <= found, f"gemist: {counts - found}"
    assert not (not_counted & found), f"telt toch: {not_counted & found}"
    assert not_counted <= read, f"niet gelezen: {not_counted - read}"


def test_a_condition_needs_its_advice():
    """Without the advice words the same cues leave "bij ... terugkomen" a finding."""
    text = "Bij toename van somberheid terugkomen."
    raw = raw_data()
    ctx = load_context(yaml.safe_dump(raw, allow_unicode=True))
    assert ctx.hypothetical.consequences.phrases
    raw["hypothetical"]["consequences"] = ["huisartsenpost"]
    without = load_context(yaml.safe_dump(raw, allow_unicode=True))
    hits = [hit._replace(negated=False) for hit in detect(text)]
    assert all(hit.negated for hit in apply_context(text, hits, ctx))
    assert not any(hit.negated for hit in apply_context(text, hits, without))


def test_a_dash_answer_opens_the_gate():
    ctx = load_context(yaml.safe_dump(raw_data(), allow_unicode=True))
    assert ctx.may_apply(normalise("SI-, HG-"))
    assert ctx.may_apply(normalise("suicidaliteit -"))
    assert not ctx.may_apply(normalise("verwezen naar poh-ggz"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("hypothetical"), "bestand"),
        (lambda d: d["hypothetical"].pop("consequences"), "hypothetical.cues[0].consequence"),
        (lambda d: d["history"]["cues"][0].update(consequence=True), "history.cues[0].consequence"),
        (
            lambda d: d["hypothetical"]["cues"][0].update(consequence="ja"),
            "hypothetical.cues[0].consequence",
        ),
        (lambda d: d["hypothetical"].update(consequence_after=20), "consequence_after"),
        (lambda d: d["hypothetical"]["consequences"].append(""), "hypothetical.consequences["),
        (lambda d: d["hypothetical"].update(onbekend=1), "hypothetical"),
    ],
)
def test_hypothetical_data_is_validated(change, message):
    raw = raw_data()
    change(raw)
    with pytest.raises(RulesError, match="Ongeldige contextlijst") as info:
        load_context(yaml.safe_dump(raw, allow_unicode=True))
    assert message in str(info.value)
