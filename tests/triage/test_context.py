"""Context of a hit: experiencer, history, question-and-answer and negated lists."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import data
from triage import detection
from triage.context import Token, _spans, apply_context, from_reader, tokenize
from triage.context_rules import Context, default_context, load_context
from triage.detection import Hit, detect, detected_ids
from triage.errors import RulesError
from triage.lexicon import default_lexicon, normalise

from .evaluate_detection import load_labelled

NOTE_SETS = sorted(Path(__file__).parent.glob("notes_*.yaml"))


def counted(text: str) -> tuple[set[str], set[str]]:
    """The ids that count, and all ids read (counted or not)."""
    hits = detect(text)
    found = set(detected_ids(hits, "complaint")) | set(detected_ids(hits, "signal"))
    return found, {hit.id for hit in hits}


# (note, must count, must not count)
CASES = [
    # experiencer: family history and a relative's illness
    ("FA: vader overleed aan darmkanker.", set(), {"chronisch_lichamelijk"}),
    ("FA: broer overleden door suïcide in 2011.", set(), {"suicidaliteit"}),
    (
        "Familieanamnese: moeder depressie, vader diabetes.",
        set(),
        {"psychische_stoornis_vermoed", "chronisch_lichamelijk"},
    ),
    ("Zorgt voor echtgenoot met Parkinson.", {"mantelzorg"}, {"chronisch_lichamelijk"}),
    ("Haar zoon van 23 is verslaafd aan cocaïne.", set(), {"middelengebruik"}),
    # a relative clause belongs to who stands before it, also after 'van'
    ("Ligt wakker van haar zoon van 17 die blowt.", {"slaapproblemen"}, {"middelengebruik"}),
    ("Ongerust over een vriend die drugs gebruikt.", set(), {"middelengebruik"}),
    ("Sinds het overlijden van haar zus weer somber.", {"psychisch_licht"}, set()),
    # '####' is a year: "3 weken" at the start of a sentence is no past
    ("3 weken somber na het ontslag.", {"psychisch_licht"}, set()),
    ("2 mnd schulden, de deurwaarder is geweest.", {"financien"}, set()),
    ("Broer pleegde zelfmoord.", set(), {"suicidaliteit"}),
    ("Zijn vrouw heeft MS, hij doet alles in huis.", set(), {"chronisch_lichamelijk"}),
    # ... but the patient's own findings in the same note still count
    ("Zorgt voor haar man met dementie, is zelf erg somber.", {"psychisch_licht"}, set()),
    ("Haar man slaat haar, ze voelt zich thuis niet veilig.", {"huiselijk_geweld"}, set()),
    ("Sinds het overlijden van haar zus erg verdrietig.", {"psychisch_licht"}, set()),
    ("Jonge moeder met een depressie.", {"psychische_stoornis_vermoed"}, set()),
    ("Man van 54 met diabetes.", {"chronisch_lichamelijk"}, set()),
    ("Vader van twee kinderen, heeft suïcidale gedachten.", {"suicidaliteit"}, set()),
    ("Broer overleed aan kanker, sindsdien zelf suïcidale gedachten.", {"suicidaliteit"}, set()),
    (
        "Sinds het ongeluk van zijn zoon weer dagelijks herbelevingen.",
        {"psychisch_instabiel"},
        set(),
    ),
    ("Haar man is overleden en zij wil niet meer leven.", {"suicidaliteit"}, set()),
    ("Broer overleden sindsdien suïcidale gedachten.", {"suicidaliteit"}, set()),
    ("Depressie vroeger behandeld, nu stabiel.", {"chronisch_psychisch_stabiel"}, set()),
    # history: past and over
    ("Suïcidepoging in 2009, nu geen doodsgedachten.", set(), {"suicidaliteit"}),
    ("Was vroeger mishandeld door ex, voelt zich nu veilig.", set(), {"huiselijk_geweld"}),
    ("Was vorig jaar erg somber, maar nu niet meer.", set(), {"psychisch_licht"}),
    ("Vroeger eenzaam, nu een grote vriendenkring.", set(), {"eenzaamheid"}),
    # ... a past signal stays a risk unless the note says it is over
    ("Suïcidepoging in 2009.", {"suicidaliteit"}, set()),
    ("Pt. i.v.m. HG in het verleden bij Veilig Thuis bekend.", {"huiselijk_geweld"}, set()),
    # ... "weer", "opnieuw", "terugval" bring the past into now
    ("Suïcidepoging in 2009, nu weer doodsgedachten.", {"suicidaliteit"}, set()),
    ("Suïcidepoging in 2009, nu doodsgedachten.", {"suicidaliteit"}, set()),
    ("Vroeger suïcidaal, nu opnieuw suïcidale gedachten.", {"suicidaliteit"}, set()),
    ("Was vroeger somber en is dat sinds kort weer.", {"psychisch_licht"}, set()),
    # ... and a history cue does not reach into another clause or a "sinds"
    ("Vroeger gepest, nu eenzaam en somber.", {"eenzaamheid", "psychisch_licht"}, set()),
    ("Somber sinds de scheiding in 2019.", {"psychisch_licht"}, set()),
    ("Kan minder dan vroeger en voelt zich nutteloos.", {"zingeving"}, set()),
    # question and answer
    ("S: suïcidale gedachten? ontkent.", set(), {"suicidaliteit"}),
    (
        "suïcidaliteit? nee. psychotische kenmerken? nee.",
        set(),
        {"suicidaliteit", "psychische_stoornis_vermoed"},
    ),
    ("HG uitgevraagd, geen aanwijzingen.", set(), {"huiselijk_geweld"}),
    ("Intox: nicotine 0, drugs 0.", set(), {"middelengebruik"}),
    ("4DKL: depressie en angst laag.", set(), {"psychische_stoornis_vermoed"}),
    # ... an answer that is not no, or a low mood, still counts
    ("suïcidale gedachten? ja, dagelijks.", {"suicidaliteit"}, set()),
    ("suïcidale gedachten?", {"suicidaliteit"}, set()),
    ("Doodswens, stemming laag.", {"suicidaliteit"}, set()),
    ("Suïcidale gedachten: nee, maar wel een doodswens.", {"suicidaliteit"}, set()),
    ("Drugs 0-1 keer per week.", {"middelengebruik"}, set()),
    # a list after a negation: the item after "of"
    ("Geen alcohol, blowen of drugs.", set(), {"middelengebruik"}),
    ("Geen schulden, wel blowen of drugs.", {"middelengebruik"}, set()),
    # looked into before a colon, only denied after it: the left side is the question
    ("HG nagevraagd i.v.m. schaafwond: gevallen, geen aanwijzingen voor mishandeling.", set(), {"huiselijk_geweld"}),
    ("Meldcode doorlopen: geen vermoeden van huiselijk geweld.", set(), {"huiselijk_geweld"}),
    # ... not without a word that says it was looked into, nor when also read after the colon
    ("Drinkt veel: geen drugs.", {"middelengebruik"}, set()),
    ("Middelen nagevraagd: geen drugs, wel dagelijks blowen.", {"middelengebruik"}, set()),
    ("Suïcidaliteit nagevraagd. Geen plan.", {"suicidaliteit"}, set()),
    # what someone died of is theirs; what a neighbour has is the neighbour's
    ("Vriend overleden aan een overdosis.", set(), {"acuut_gevaar"}),
    ("Broer vorig jaar overleden door suïcide.", set(), {"suicidaliteit"}),
    ("Buurman in psychose, mw. slaapt slecht.", {"slaapproblemen"}, {"psychische_stoornis_vermoed"}),
    ("Nam gisteren een overdosis paracetamol.", {"acuut_gevaar"}, set()),
    # only the danger is the condition in "voor het geval"
    ("Folder Veilig Thuis meegegeven voor het geval het thuis onveilig wordt.", set(), {"huiselijk_geweld"}),
    # "weer" brings the past to now, unless it says the past is over ("weer stabiel")
    ("Vorig jaar psychotisch na stoppen medicatie, sinds herstart weer stabiel.", set(), {"psychisch_instabiel"}),
    ("Vorig jaar psychotisch, nu weer achterdochtig.", {"psychisch_instabiel"}, set()),
    # that it is over may follow a semicolon, but a new finding there is no such word
    ("Suïcidepoging in 2012; sindsdien geen doodsgedachten meer.", set(), {"suicidaliteit"}),
    ("Suïcidepoging in 2012; nu somber.", {"suicidaliteit"}, set()),
]


@pytest.mark.parametrize(("text", "counts", "not_counted"), CASES)
def test_context(text, counts, not_counted):
    found, read = counted(text)
    assert counts <= found, f"gemist: {counts - found}"
    assert not (not_counted & found), f"telt toch: {not_counted & found}"
    # what must not count was read, and is shown as negated: the case tests the context
    assert not_counted <= read, f"niet gelezen: {not_counted - read}"


def test_nothing_to_do_keeps_the_list():
    hits = detect("Voelt zich eenzaam.")
    assert apply_context("Voelt zich eenzaam.", hits) is hits
    assert apply_context("", []) == []


def test_hits_keep_their_layout():
    (hit,) = [h for h in detect("FA: broer pleegde suïcide.") if h.id == "suicidaliteit"]
    assert isinstance(hit, Hit) and hit.negated and hit.text == "suïcide"
    assert len(hit) == len(Hit._fields)


def test_the_cheap_gate_changes_no_answer(monkeypatch):
    """A note skipped for want of a telling word of any cue would get the same answer."""
    ctx = default_context()
    monkeypatch.setattr(detection, "apply_context", lambda text, hits, **_: hits)
    notes = [str(item["t"]) for path in NOTE_SETS for item in load_labelled(path)]
    raw = [(text, detection.detect(text)) for text in notes]
    gated = [apply_context(text, hits, ctx) for text, hits in raw]
    # The gate is worth having on ordinary notes (the labelled set); the later held-out sets
    # are written to be full of negation and context words, so it skips fewer of those.
    ordinary = [str(item["t"]) for item in load_labelled()]
    skipped = sum(not ctx.may_apply(normalise(text)) for text in ordinary)
    assert skipped > len(ordinary) / 3
    monkeypatch.setattr(Context, "may_apply", lambda self, norm: True)
    assert [apply_context(text, hits, ctx) for text, hits in raw] == gated


def test_reader_tokens_give_the_same_tokens_and_answers(monkeypatch):
    """The context step reuses where the reader found words and marks: on every note set (and
    on marks, abbreviations and a note of punctuation only) they give the tokens of a fresh
    scan, and ``apply_context`` answers the same with and without them."""
    ctx, lex = default_context(), default_lexicon()
    monkeypatch.setattr(detection, "apply_context", lambda text, hits, **_: hits)
    notes = [str(item["t"]) for path in NOTE_SETS for item in load_labelled(path)]
    notes += ["3.5 mg; i.v.m. x - y: a/b +c?. \n\n pt. fam. FA- test", "...", "a.b.c.d ok.  e."]
    notes += ["a - b -c d- e -- f", "x -\ny", "0-1 (a) \u2013 b \u2014 c, d", ".;!?\n:+/-"]
    notes += ["pt.. x", "pt. . x", "- a -"]
    for text in notes:
        norm = normalise(text)
        toks = detection.tokenize(norm, lex)
        reader = (norm, toks.starts, toks.ends, toks.marks)
        assert from_reader(*reader, ctx.no_stop)[0] == tokenize(norm, ctx.no_stop), text
        hits = detection.detect(text)
        assert apply_context(text, hits, ctx) == apply_context(text, hits, reader=reader)


def test_recording_only_looked_up_words_changes_no_answer(monkeypatch):
    """The context step records where a word stands only for the words it looks up; with every
    word recorded it answers the same on every note set."""
    monkeypatch.setattr(detection, "apply_context", lambda text, hits, **_: hits)
    ctx = default_context()
    assert ctx.looked_up and "moeder" in ctx.looked_up
    everything = replace(ctx, looked_up=frozenset())
    for text in (str(item["t"]) for path in NOTE_SETS for item in load_labelled(path)):
        hits = detection.detect(text)
        assert apply_context(text, hits, ctx) == apply_context(text, hits, everything), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 400), min_size=1, max_size=60, unique=True),
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30)), max_size=12),
)
def test_hit_spans_are_found_as_by_bisection(offsets, found):
    """Token spans of hits in any order: the first token at or after the start up to the first
    at or after the end (at least one), as bisection gives them."""
    starts = sorted(offsets)
    toks = [Token("w", at, at + 1, 0, 0, True) for at in starts]
    hits = [Hit("complaint", "x", at, at + size, "", False, False) for at, size in found]
    expected = []
    for hit in hits:
        i = bisect_left(starts, hit.start)
        expected.append((i, max(bisect_left(starts, hit.end, lo=i), i + 1)))
    assert _spans(toks, hits) == expected


def test_tokens_keep_offsets():
    text = "Suïcidaliteit? Nee, i.v.m. X."
    toks = tokenize(normalise(text))
    assert [t.text for t in toks][:4] == ["suicidaliteit", "?", "nee", ","]
    assert all(text[t.start : t.end].lower().startswith(t.text[0]) for t in toks if t.word)
    assert toks[0].sentence == 0 and toks[2].sentence == 1


def raw_data() -> dict:
    return yaml.safe_load(data.read_text("triage", "context.yaml"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("lists"), "bestand"),
        (lambda d: d["history"]["cues"][0].update(direction="left"), "history.cues[0].direction"),
        (lambda d: d["history"]["cues"][0].update(window=40), "history.cues[0].window"),
        (lambda d: d["history"]["cues"][0].update(extra=1), "onbekende sleutel"),
        (lambda d: d["experiencer"]["cues"][0].update(cue="<familie> met"), "onbekende klasse"),
        (lambda d: d["experiencer"].update(only=["kanker"]), "onbekende id 'kanker'"),
        (lambda d: d["question"].update(question_window="3"), "question_window"),
        (lambda d: d["question"]["answers"].append(""), "question.answers"),
        (lambda d: d["classes"].update(familielid=["twee woorden"]), "classes.familielid[0]"),
        (lambda d: d["history"]["cues"][0].update(cue="* vroeger"), "'*'"),
        (lambda d: d["history"]["cues"][0].update(any_before="ja"), "history.cues[0].any_before"),
        (lambda d: d["history"]["cues"][0].update(cue="in ###"), "ongeldig woord '###'"),
    ],
)
def test_invalid_data_names_the_place(change, message):
    raw = raw_data()
    change(raw)
    with pytest.raises(RulesError, match="Ongeldige contextlijst") as info:
        load_context(yaml.safe_dump(raw, allow_unicode=True))
    assert message in str(info.value)


def test_broken_yaml():
    with pytest.raises(RulesError, match="YAML"):
        load_context("classes: [")


def test_default_is_loaded_once():
    assert load_context() is default_context()
