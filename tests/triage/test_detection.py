"""Reading the GP's note: categories, signals, spans, typos, abbreviations and negation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import data
from triage.detection import detect, detected_ids
from triage.lexicon import default_lexicon, load_lexicon, normalise, tokens_of
from triage.stemming import may_match, stem

from .evaluate_detection import evaluate, load_labelled


def found(text: str) -> set[str]:
    hits = detect(text)
    return set(detected_ids(hits, "complaint")) | set(detected_ids(hits, "signal"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zit veel alleen thuis", {"eenzaamheid"}),
        ("kan de rekeningen niet betalen", {"financien"}),
        ("sinds de dood van haar man", {"vastlopen"}),
        ("Pt. voelt zich eenzaam i.v.m. verhuizing.", {"eenzaamheid", "wonen_wijk"}),
        ("eenzamheid", {"eenzaamheid"}),
        ("slaapt sleht", {"slaapproblemen"}),
        ("suicidaal?", {"suicidaliteit"}),
        ("Drinkt 6 glazen per dag.", {"middelengebruik"}),
        ("Rookt, BMI 34.", {"leefstijl"}),
        ("Komt voor een griepprik.", set()),
        ("Kan niet werken door rugpijn.", set()),  # an ordinary word, not a typo of "werkeloos"
        ("Zit de hele dag alleen.", {"eenzaamheid"}),
    ],
)
def test_phrases(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("geen suïcidale gedachten", "suicidaliteit"),
        ("ontkent middelengebruik", "middelengebruik"),
        ("niet eenzaam", "eenzaamheid"),
        ("Suïcidaliteit: neg.", "suicidaliteit"),
        ("Drugsgebruik ontkend.", "middelengebruik"),
        ("Geen alcohol, drugs of gokken.", "middelengebruik"),
        ("Ontkent suïcidale gedachten, automutilatie en middelengebruik.", "middelengebruik"),
        ("Depressie in voorgeschiedenis, nu stabiel.", "psychische_stoornis_vermoed"),
        ("Gestopt met roken.", "leefstijl"),
        ("Depressie behandeld in 2019, nu geen klachten.", "psychische_stoornis_vermoed"),
        ("Vroeger paniekaanvallen.", "psychische_stoornis_vermoed"),
        ("Terugval in 2018, sindsdien stabiel.", "psychisch_instabiel"),
        # a '..' gap never skips a negation word
        ("Zit niet alleen.", "eenzaamheid"),
        ("Zit nooit lang alleen.", "eenzaamheid"),
        ("Het wordt haar niet te veel.", "psychisch_licht"),
        ("Slaapt niet slecht.", "slaapproblemen"),
    ],
)
def test_negation(text, absent):
    assert absent not in found(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Geen suïcidale gedachten, wel somber.", "psychisch_licht"),
        ("Niet eenzaam maar heeft schulden.", "financien"),
        ("suicidale gedachten niet uitgesloten", "suicidaliteit"),
        ("Geen werk en is eenzaam.", "eenzaamheid"),
        # a relapse after a treated history still counts; history never hides suicidality
        ("Depressie behandeld in 2019, nu weer depressief.", "psychisch_instabiel"),
        ("Vroeger depressie, nu suïcidale gedachten.", "suicidaliteit"),
        ("Angststoornis sinds 2020, nog in behandeling.", "psychische_stoornis_vermoed"),
    ],
)
def test_negation_scope_ends(text, present):
    assert present in found(text)


def test_gap_stops_are_the_word_lists_negation_cues():
    """The words a gap may not skip come from the ``negation`` section: without the cue
    "nooit" in the list, "zit nooit lang alleen" reads "zit .. alleen" again."""
    text = data.read_text("triage", "lexicon.yaml")
    cue = "    - {cue: nooit, window: 2}\n"
    assert cue in text
    # every cue for all ids that starts with "nooit" ("nooit aan gedacht") goes
    lexicon = load_lexicon(re.sub(r"    - \{cue: nooit\b(?:(?!only)[^}])*\}\n", "", text))
    assert "nooit" in default_lexicon().gap_stops
    assert "nooit" not in lexicon.gap_stops
    sentence = "Zit nooit lang alleen."
    assert "eenzaamheid" not in detected_ids(detect(sentence), "complaint")
    assert "eenzaamheid" in detected_ids(detect(sentence, lexicon), "complaint")


def test_spans_point_into_the_original_text():
    text = "Mw. Ëlla zit véél alleen; suïcidale gedachten ontkend."
    for hit in detect(text):
        assert text[hit.start : hit.end] == hit.text
    by_id = {h.id: h for h in detect(text)}
    assert by_id["eenzaamheid"].text == "zit véél alleen"
    assert by_id["suicidaliteit"].negated


def test_fuzzy_hits_are_marked():
    (hit,) = detect("eenzamheid")
    assert hit.fuzzy and not hit.negated


def test_labelled_set_is_large_enough():
    assert len(load_labelled()) >= 200


def test_labelled_set_micro_f1_and_no_negated_signals():
    scores = evaluate()
    assert scores.micro()[2] >= 0.98
    assert scores.negated_signal_hits == []


def test_heldout_set_no_negated_signals_and_floor():
    scores = evaluate(load_labelled(Path(__file__).with_name("notes_heldout.yaml")))
    assert scores.negated_signal_hits == []
    assert scores.micro()[2] >= 0.8


def test_second_heldout_set_floor():
    """Never tuned on: the floor guards against regressions, not a target to tune towards."""
    items = load_labelled(Path(__file__).with_name("notes_heldout2.yaml"))
    assert len(items) == 60
    scores = evaluate(items)
    precision, _, f1 = scores.micro()
    assert precision >= 0.88
    assert f1 >= 0.6
    # The one negated signal it used to read ("Depressie behandeld in 2019, nu geen klachten.")
    # led to the history cues; this set has been seen for that one case (docs/triage.md).
    assert scores.negated_signal_hits == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heeft slecht geslapen.", {"slaapproblemen"}),  # "slecht slapen", other order and form
        ("Slaapt al weken slecht.", {"slaapproblemen"}),  # "slaapt slecht" with words between
        ("Woont in een huis met veel schimmels.", {"wonen_wijk"}),  # plural: same stem
        ("Pijn in beide armen.", set()),  # short words stay exact: "armen" is not "arm"
    ],
)
def test_stems_and_word_order(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Slecht eten, slaapt goed.",  # a comma between the words of a reordered phrase
        "Eet slecht en slaapt goed.",  # "en" between them
    ],
)
def test_word_order_variants_stay_close(text):
    assert "slaapproblemen" not in found(text)


def test_stem_shortcut_never_skips_a_listed_stem():
    """Words the stem table does not know are only stemmed when their short key could match;
    over every word of the word list and the note sets, that shortcut loses no stem."""
    lex = default_lexicon()
    words = set(lex.words)
    for name in ("notes_labelled.yaml", "notes_heldout.yaml", "notes_heldout2.yaml"):
        for item in load_labelled(Path(__file__).with_name(name)):
            words |= set(tokens_of(normalise(str(item["t"]))))
    wanted = lex.phrase_stems | lex.known_stems
    for word in sorted(words - set(lex.stem_table)):
        if stem(word) in wanted and len(word) >= 5 and not word.isdigit():
            assert may_match(word, lex.stem_keys), word


def test_third_heldout_set_floor():
    """Committed before detection ever ran on it and never tuned on: a regression guard."""
    items = load_labelled(Path(__file__).with_name("notes_heldout3.yaml"))
    assert len(items) == 80
    scores = evaluate(items)
    precision, _, f1 = scores.micro()
    assert precision >= 0.9
    assert f1 >= 0.67
    assert scores.negated_signal_hits == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("slaapt", "slapen", "geslapen"), "slaap"),
        (("piekert", "piekeren"), "pieker"),
        (("woont", "wonen"), "woon"),
        (("afgelopen",), "afloop"),
        (("buren",), "buur"),
        (("eenzaamheid",), "eenzaam"),
        (("verloren",), "verloor"),
    ],
)
def test_dutch_stems_of_the_snowball_3_algorithm(words, expected):
    """The stems the word list was written against (Snowball 3's Dutch stemmer, which drops
    a participle's "ge" and undoubles vowels); an older or other algorithm fails here."""
    assert {stem(word) for word in words} == {expected}


@pytest.mark.parametrize(
    ("name", "min_precision", "min_f1", "max_negated"),
    [
        # Sets 4 and 5 were read while building the context step (docs/triage.md): optimistic.
        ("notes_heldout4.yaml", 0.92, 0.83, 0),  # measured 0.951 / 0.860 / 0
        ("notes_heldout5.yaml", 0.80, 0.75, 0),  # measured 0.833 / 0.778 / 0
        # Sets 6 and 8 were read by no one who changed the word list or code: only their
        # figures are used. Set 7's misses were read for the safety round: optimistic.
        ("notes_heldout6.yaml", 0.76, 0.74, 3),  # measured 0.784 / 0.771 / 3
        ("notes_heldout7.yaml", 0.86, 0.86, 0),  # measured 0.875 / 0.889 / 0
        ("notes_heldout8.yaml", 0.76, 0.74, 4),  # measured 0.789 / 0.776 / 4
        # Set 9 (what must not count) was read for the round on negation and advice lines:
        # optimistic. Set 10 was read by no one who changed the word list or code.
        ("notes_heldout9.yaml", 0.78, 0.76, 1),  # measured 0.805 / 0.781 / 1
        ("notes_heldout10.yaml", 0.65, 0.62, 7),  # measured 0.684 / 0.658 / 7
        # Fourth session: set 11 was read for the fifth round (negation and context wording,
        # safety phrasings): optimistic. Set 12 was read by no one who changed anything.
        ("notes_heldout11.yaml", 0.77, 0.72, 4),  # measured 0.800 / 0.752 / 4
        ("notes_heldout12.yaml", 0.59, 0.58, 9),  # measured 0.617 / 0.606 / 9
        # Set 13 (letters, reports, SOEP) was read for the sixth round: optimistic. Set 14, in
        # the same styles, was read by no one who changed anything.
        ("notes_heldout13.yaml", 0.65, 0.64, 4),  # measured 0.677 / 0.663 / 4
        ("notes_heldout14.yaml", 0.62, 0.63, 12),  # measured 0.644 / 0.654 / 12
        # Fifth session: set 15 (SOEP lines, older people, carers) was read for the seventh
        # round: optimistic (first run 0.718 / 0.737 / 9). Set 16 (letters and reports, young
        # adults, migration background) was read by no one (first run 0.720 / 0.728 / 7).
        ("notes_heldout15.yaml", 0.81, 0.85, 1),  # measured 0.836 / 0.876 / 1
        ("notes_heldout16.yaml", 0.71, 0.72, 5),  # measured 0.743 / 0.754 / 5
        # Set 17 (POH-GGZ, POH-S and chronic illness) was read for the eighth round:
        # optimistic (first run 0.748 / 0.767 / 7).
        ("notes_heldout17.yaml", 0.79, 0.83, 0),  # measured 0.815 / 0.857 / 0
        # Set 18 (district nursing, GGD, out-of-hours, LVB, statushouders, zzp) was read by no
        # one (first run 0.701 / 0.721 / 12). Set 20 (people over 75) was read for the ninth
        # round: optimistic (first run 0.659 / 0.692 / 9).
        ("notes_heldout18.yaml", 0.69, 0.70, 10),  # measured 0.712 / 0.727 / 10
        # Set 19 (students, school doctors, midwives, young mothers) was read by no one (first
        # run, with the ninth round's code: 0.736 / 0.733 / 11).
        ("notes_heldout19.yaml", 0.71, 0.71, 11),  # measured 0.736 / 0.733 / 11
        # Set 21 (an everyday week of one practice) was read by no one; its first run was with
        # the session's last code.
        ("notes_heldout21.yaml", 0.74, 0.74, 7),  # measured 0.763 / 0.769 / 7
        # Sets 22 and 23 (hurried writing: telegram style, dictation slips, pasted letters) were
        # written at the session's end and read by no one; first run with its last code.
        ("notes_heldout22.yaml", 0.78, 0.78, 5),  # measured 0.807 / 0.807 / 5
        ("notes_heldout23.yaml", 0.78, 0.79, 4),  # measured 0.803 / 0.817 / 4
        ("notes_heldout20.yaml", 0.70, 0.75, 4),  # measured 0.724 / 0.773 / 4
    ],
)
def test_later_heldout_set_floors(name, min_precision, min_f1, max_negated):
    """Regression guards a little below the current figures, not targets to tune towards."""
    items = load_labelled(Path(__file__).with_name(name))
    assert len(items) == 100
    scores = evaluate(items)
    precision, _, f1 = scores.micro()
    negated = len(scores.negated_signal_hits)  # a count only: sets 6 and 8 stay unread
    assert precision >= min_precision
    assert f1 >= min_f1
    assert negated <= max_negated
